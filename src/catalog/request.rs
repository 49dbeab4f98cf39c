//! A command as a member gives it: the [`Request`] every lookup answer reads, the command
//! names in the member's language, and the length limit on what a member types.

use super::commands::{self as catalog, CommandSpec};
use crate::i18n::tr;
use crate::pack::Lang;
use crate::reply::Reply;

/// The longest text a member may give a lookup option (names, topics): registered as the
/// options' `max_length`, and checked here too, so every client and `aura preview` are held to
/// it before any matching is tried.
pub const OPTION_MAX: usize = crate::search::QUERY_MAX;

/// The longest question `/search` takes: a student's whole question, in a sentence or two.
pub const QUESTION_MAX: usize = 300;

/// The longest value option `option` of `command` (a path such as `quiz start`) takes.
pub fn max_for(command: &str, option: &str) -> usize {
    match (command, option) {
        ("search", "query") => QUESTION_MAX,
        _ => OPTION_MAX,
    }
}

/// The polite notice for the first option of `command` (a path such as `quiz start`) whose
/// value is longer than it takes ([`max_for`]), naming the option in the member's language.
pub fn too_long<'a>(
    lang: Lang,
    command: &str,
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<Reply> {
    let (name, _) = options
        .into_iter()
        .find(|(n, v)| crate::text::chars(v) > max_for(command, n))?;
    let max = max_for(command, name);
    let mut words = command.split_whitespace();
    let mut spec = words.next().and_then(catalog::command);
    for sub in words {
        spec = spec.and_then(|s| s.subcommand(sub));
    }
    let shown = spec
        .and_then(|s| s.option(name))
        .map_or(name, |o| option_in(o, lang));
    Some(Reply::notice(tr(
        lang,
        "error-option-too-long",
        &[("option", &shown.to_string()), ("max", &max)],
    )))
}

/// A command as a member gave it: name, option values by English option name.
#[derive(Debug, Clone)]
pub struct Request {
    /// The command group, for a subcommand (`quiz` in `/quiz start`).
    pub group: Option<&'static CommandSpec>,
    pub command: &'static CommandSpec,
    pub options: Vec<(&'static str, String)>,
}

impl Request {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    /// The command's path in English (`quiz start`).
    pub fn path(&self) -> String {
        match self.group {
            Some(group) => format!("{} {}", group.name, self.command.name),
            None => self.command.name.to_string(),
        }
    }

    /// The notice for the first option longer than it takes, if any.
    pub fn too_long(&self, lang: Lang) -> Option<Reply> {
        let options = self.options.iter().map(|(n, v)| (*n, v.as_str()));
        too_long(lang, &self.path(), options)
    }
}

/// A command path (`quiz start`) in the member's language (`kuis mulai`).
pub fn path_in(path: &str, lang: Lang) -> String {
    let mut words = path.split_whitespace();
    let Some(group) = words.next().and_then(catalog::command) else {
        return path.to_string();
    };
    let mut shown = name_in(group, lang).to_string();
    for w in words {
        shown.push(' ');
        match group.subcommand(w) {
            Some(s) => shown.push_str(name_in(s, lang)),
            None => shown.push_str(w),
        }
    }
    shown
}

pub fn name_in(c: &CommandSpec, lang: Lang) -> &'static str {
    match lang {
        Lang::En => c.name,
        Lang::Id => c.name_id,
    }
}

pub fn option_in(o: &catalog::OptionSpec, lang: Lang) -> &'static str {
    match lang {
        Lang::En => o.name,
        Lang::Id => o.name_id,
    }
}
