//! The values a command option offers as choices (a quiz's mode, a board's period, a post's
//! kind…): each value's English and Indonesian names, written once, read by the slash
//! command's choice list and by the features' `parse` of what a member or the preview types.

/// A value's names: the English one (Discord's choice name, and the code stored and shown),
/// the Indonesian one (Discord's `name_localizations.id`), and other accepted spellings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Names {
    pub en: &'static str,
    pub id: &'static str,
    /// Further spellings [`parse`] accepts (`manual` for the teacher mode).
    pub also: &'static [&'static str],
}

impl Names {
    /// A value's English and Indonesian names, with no other spelling.
    pub const fn new(en: &'static str, id: &'static str) -> Names {
        Names { en, id, also: &[] }
    }

    /// The same names, also accepting `also`.
    pub const fn or(self, also: &'static [&'static str]) -> Names {
        Names { also, ..self }
    }
}

/// A closed set of values offered as an option's choices.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, in the order Discord lists them (a choice travels as its index here).
    const CHOICES: &'static [Self];

    fn names(self) -> Names;
}

/// The value whose names satisfy `test`, looked up in [`Choice::CHOICES`] order.
pub fn find<T: Choice>(test: impl Fn(&Names) -> bool) -> Option<T> {
    T::CHOICES.iter().copied().find(|c| test(&c.names()))
}

/// Reads a value as a member types it: trimmed, in any case, by its English or Indonesian name
/// or another accepted spelling.
pub fn parse<T: Choice>(s: &str) -> Option<T> {
    let s = s.trim().to_lowercase();
    find(|n| n.en == s || n.id == s || n.also.contains(&s.as_str()))
}

/// Reads a value by its exact English name, as stored.
pub fn from_code<T: Choice>(code: &str) -> Option<T> {
    find(|n| n.en == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Pace {
        Slow,
        Fast,
    }

    impl Choice for Pace {
        const CHOICES: &'static [Pace] = &[Pace::Slow, Pace::Fast];
        fn names(self) -> Names {
            match self {
                Pace::Slow => Names::new("slow", "lambat"),
                Pace::Fast => Names::new("fast", "cepat").or(&["quick"]),
            }
        }
    }

    #[test]
    fn parse_reads_either_language_and_other_spellings() {
        assert_eq!(parse::<Pace>(" Slow "), Some(Pace::Slow));
        assert_eq!(parse::<Pace>("LAMBAT"), Some(Pace::Slow));
        assert_eq!(parse::<Pace>("quick"), Some(Pace::Fast));
        assert_eq!(parse::<Pace>("medium"), None);
    }

    #[test]
    fn from_code_takes_only_the_exact_english_name() {
        assert_eq!(from_code::<Pace>("fast"), Some(Pace::Fast));
        assert_eq!(from_code::<Pace>("Fast"), None);
        assert_eq!(from_code::<Pace>("cepat"), None);
        assert_eq!(from_code::<Pace>(" fast"), None);
    }
}
