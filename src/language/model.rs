//! The language of a server's shared posts as a plain value: Indonesian, English, both side by
//! side, or each starter's own; and how a new schedule, round or debate takes its language
//! from what its starter named, the server's setting and the starter's language.

use crate::catalog::choice::{Choice, Names};
use crate::pack::Lang;

/// `/language posts:`: the language of the server's shared posts when a new schedule, round or
/// debate names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Posts {
    Indonesian,
    English,
    /// Indonesian and English in one card, Indonesian first.
    Both,
    /// Each starter's own language (no setting).
    #[default]
    Starter,
}

impl Choice for Posts {
    const CHOICES: &'static [Posts] = &[
        Posts::Indonesian,
        Posts::English,
        Posts::Both,
        Posts::Starter,
    ];
    fn names(self) -> Names {
        match self {
            Posts::Indonesian => Names::new("indonesian", "indonesia").or(&["id"]),
            Posts::English => Names::new("english", "inggris").or(&["en"]),
            Posts::Both => Names::new("both", "keduanya").or(&["bilingual", "dwibahasa"]),
            Posts::Starter => Names::new("starter", "pemulai").or(&["default", "bawaan"]),
        }
    }
}

impl Posts {
    /// How the store keeps it (`None`: no row).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Posts::Indonesian => Some("id"),
            Posts::English => Some("en"),
            Posts::Both => Some("both"),
            Posts::Starter => None,
        }
    }

    /// Reads what the store keeps.
    pub fn parse(code: &str) -> Option<Posts> {
        match code {
            "id" => Some(Posts::Indonesian),
            "en" => Some(Posts::English),
            "both" => Some(Posts::Both),
            _ => None,
        }
    }

    /// A new shared post's language and whether it shows both: what its starter named wins
    /// (`/daily setup language:`, `bilingual:`), then the server's setting (both: Indonesian
    /// first), then the starter's language alone.
    pub fn resolve(self, named: Option<Lang>, both: Option<bool>, starter: Lang) -> (Lang, bool) {
        let server = match self {
            Posts::Indonesian | Posts::Both => Some(Lang::Id),
            Posts::English => Some(Lang::En),
            Posts::Starter => None,
        };
        let lang = named.or(server).unwrap_or(starter);
        (lang, both.unwrap_or(self == Posts::Both))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_starter_names_wins_then_the_server_then_the_starters_language() {
        use Lang::{En, Id};
        // No setting: the starter's language alone, unless they ask for both.
        assert_eq!(Posts::Starter.resolve(None, None, En), (En, false));
        assert_eq!(Posts::Starter.resolve(None, Some(true), En), (En, true));
        // A server in Indonesian: an English member's round is in Indonesian.
        assert_eq!(Posts::Indonesian.resolve(None, None, En), (Id, false));
        assert_eq!(Posts::English.resolve(None, None, Id), (En, false));
        // A server in both: Indonesian first, unless the schedule names its language.
        assert_eq!(Posts::Both.resolve(None, None, En), (Id, true));
        assert_eq!(Posts::Both.resolve(Some(En), None, Id), (En, true));
        // A schedule or round that says "not both" is one language.
        assert_eq!(Posts::Both.resolve(None, Some(false), En), (Id, false));
        assert_eq!(
            Posts::Indonesian.resolve(Some(En), Some(true), Id),
            (En, true)
        );
        for p in [Posts::Indonesian, Posts::English, Posts::Both] {
            assert_eq!(p.code().and_then(Posts::parse), Some(p));
        }
        assert_eq!(Posts::Starter.code(), None);
    }
}
