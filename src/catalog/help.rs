//! What `/help command:` says about one command beside the texts Discord registers for it (its
//! description and its options', from the same Fluent keys): who may use it and an example.

use super::{COMMANDS, CommandSpec, path_in};
use crate::i18n::t;
use crate::pack::Lang;
use crate::text::truncate;

/// Who may use a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Anyone,
    /// Whom the server's `/quiz access` lets run rounds.
    RunRounds,
    /// The round's starter, a moderator or a quiz master.
    SteerRound,
    /// The debate's starter or a moderator.
    SteerDebate,
    /// Teachers: moderators and the quiz-master role.
    Teacher,
    /// Any member lists them; the assignment's teacher closes or extends one.
    Assignments,
    /// Server staff (Manage Server).
    Staff,
    /// Any member for themselves; the server's shared posts are for staff.
    Language,
}

impl Who {
    /// The Fluent key of its sentence.
    pub fn key(self) -> &'static str {
        match self {
            Who::Anyone => "help-who-anyone",
            Who::RunRounds => "help-who-run-rounds",
            Who::SteerRound => "help-who-steer-round",
            Who::SteerDebate => "help-who-steer-debate",
            Who::Teacher => "help-who-teacher",
            Who::Assignments => "help-who-assignments",
            Who::Staff => "help-who-staff",
            Who::Language => "help-who-language",
        }
    }
}

/// Who may use the command at `path` ("quiz start", "quote"), as the commands check it.
pub fn who(path: &str) -> Who {
    match path {
        "quiz start" => Who::RunRounds,
        "quiz next" | "quiz reveal" | "quiz skip" | "quiz stop" => Who::SteerRound,
        "debate next" | "debate pause" | "debate resume" | "debate extend" | "debate speaker"
        | "debate end" => Who::SteerDebate,
        "quiz report" | "quiz reset" | "quiz insights" | "quiz assign" | "quiz time"
        | "course hide" | "course show" | "course hidden" | "course plan" | "responses review"
        | "responses labels" | "responses student" => Who::Teacher,
        "quiz assignments" => Who::Assignments,
        "language" => Who::Language,
        "quiz access" | "quiz settings" | "debate settings" | "audit set" | "audit off"
        | "lookups settings" | "lookups channel" => Who::Staff,
        daily
            if daily.starts_with("daily ") && !matches!(daily, "daily past" | "daily suggest") =>
        {
            Who::Staff
        }
        _ => Who::Anyone,
    }
}

/// Every command and subcommand as its English path ("quote", "quiz start"), in the catalog's
/// order; a group stands for itself too.
pub fn paths() -> Vec<String> {
    let mut out = Vec::new();
    for c in COMMANDS {
        out.push(c.name.to_string());
        out.extend(
            c.subcommands
                .iter()
                .map(|s| format!("{} {}", c.name, s.name)),
        );
    }
    out
}

/// The command (or subcommand) at an English or Indonesian path, with `/` or without:
/// `quiz start`, `/kuis mulai`. Returns it with its group, if any.
pub fn find(path: &str) -> Option<(Option<&'static CommandSpec>, &'static CommandSpec)> {
    let mut words = path.split_whitespace();
    let first = super::command(words.next()?)?;
    match words.next() {
        None => Some((None, first)),
        Some(sub) => first.subcommand(sub).map(|s| (Some(first), s)),
    }
}

/// The Fluent key of the example for `path` ("help-example-quiz-start").
pub fn example_key(path: &str) -> String {
    format!("help-example-{}", path.replace(' ', "-"))
}

/// Autocomplete for `/help command:`: `(shown, value)` for each command and subcommand whose
/// path in `lang` (or in English) holds `partial`, at most 25 as Discord allows; shown is the
/// path and its description (at most 100 characters), the value the English path.
pub fn suggestions(partial: &str, lang: Lang) -> Vec<(String, String)> {
    let wanted = partial.trim().trim_start_matches('/').to_lowercase();
    paths()
        .into_iter()
        .filter_map(|path| {
            let shown = path_in(&path, lang);
            let hit = shown.contains(&wanted) || path.contains(&wanted);
            let (_, c) = find(&path)?;
            hit.then(|| {
                (
                    truncate(&format!("/{shown} — {}", t(lang, c.desc)), 100),
                    path,
                )
            })
        })
        .take(25)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and subcommand has an example in both languages, and each example is a
    /// command the preview parser reads as that very command (a group's, as one of its own).
    #[test]
    fn every_command_has_an_example_in_both_languages_that_parses_as_itself() {
        for path in paths() {
            for lang in Lang::ALL {
                let key = example_key(&path);
                let example = t(lang, &key);
                assert!(example.starts_with('/'), "{key} in {lang:?}: {example}");
                let req = crate::preview::parse(&example)
                    .unwrap_or_else(|e| panic!("{key} in {lang:?}: {example}: {e:?}"));
                let parsed = match req.group {
                    Some(g) => format!("{} {}", g.name, req.command.name),
                    None => req.command.name.to_string(),
                };
                assert!(
                    parsed == path || parsed.starts_with(&format!("{path} ")),
                    "{key} in {lang:?} is an example of {parsed}"
                );
            }
        }
    }

    #[test]
    fn paths_are_found_in_both_languages_and_suggested() {
        assert_eq!(find("/kuis mulai").map(|(_, c)| c.name), Some("start"));
        assert_eq!(find("quiz start").map(|(_, c)| c.name), Some("start"));
        assert!(find("quiz dance").is_none());
        let en = suggestions("start", Lang::En);
        assert!(en.iter().any(|(_, v)| v == "quiz start"), "{en:?}");
        assert!(en.iter().any(|(_, v)| v == "debate start"), "{en:?}");
        let id = suggestions("mulai", Lang::Id);
        assert!(
            id.iter()
                .any(|(shown, v)| v == "quiz start" && shown.starts_with("/kuis mulai"))
        );
        assert!(suggestions("", Lang::En).len() <= 25);
        assert!(
            suggestions("", Lang::Id)
                .iter()
                .all(|(s, _)| s.chars().count() <= 100)
        );
    }
}
