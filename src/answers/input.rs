//! A command as a member gives it: the [`Request`] every answer reads, and [`parse`], which
//! reads a command line as typed in Discord's box (for `aura preview` and tests), with errors
//! that list what exists, in the member's language.

use super::catalog::{self, CommandSpec};
use crate::i18n::tr;
use crate::pack::Lang;
use crate::reply::Reply;

/// The longest text a member may give a lookup option (names, topics, queries): registered
/// as the options' `max_length`, and checked here too, so every client and `aura preview`
/// are held to it before any matching is tried.
pub const OPTION_MAX: usize = crate::search::QUERY_MAX;

/// The polite notice for the first option of `command` (a path such as `quiz start`) whose
/// value is longer than [`OPTION_MAX`], naming the option in the member's language.
pub fn too_long<'a>(
    lang: Lang,
    command: &str,
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Option<Reply> {
    let (name, _) = options
        .into_iter()
        .find(|(_, v)| crate::text::chars(v) > OPTION_MAX)?;
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
        &[("option", &shown.to_string()), ("max", &OPTION_MAX)],
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
}

/// Why a command line could not be understood (preview and tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    UnknownCommand(String),
    UnknownOption { command: String, option: String },
    MissingOption { command: String, option: String },
    UnknownSubcommand { command: String, sub: String },
}

impl ParseError {
    /// The message, in the member's language, listing what exists.
    pub fn message(&self, lang: Lang) -> String {
        let commands = catalog::COMMANDS
            .iter()
            .map(|c| format!("/{}", name_in(c, lang)))
            .collect::<Vec<_>>()
            .join(", ");
        match self {
            ParseError::Empty => tr(
                lang,
                "error-unknown-command",
                &[("name", &String::new()), ("commands", &commands)],
            ),
            ParseError::UnknownCommand(name) => tr(
                lang,
                "error-unknown-command",
                &[("name", name), ("commands", &commands)],
            ),
            ParseError::UnknownSubcommand { command, sub } => {
                let spec = catalog::lookup(command);
                let subs = spec
                    .map(|c| {
                        c.subcommands
                            .iter()
                            .map(|s| name_in(s, lang))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                tr(
                    lang,
                    "error-unknown-subcommand",
                    &[
                        ("command", &path_in(command, lang)),
                        ("sub", sub),
                        ("subs", &subs),
                    ],
                )
            }
            ParseError::UnknownOption { command, option } => {
                let spec = catalog::lookup(command);
                let shown = path_in(command, lang);
                let options = spec
                    .map(|c| {
                        c.options
                            .iter()
                            .map(|o| option_in(o, lang).to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "—".into());
                tr(
                    lang,
                    "error-unknown-option",
                    &[
                        ("command", &shown),
                        ("option", option),
                        ("options", &options),
                    ],
                )
            }
            ParseError::MissingOption { command, option } => {
                let spec = catalog::lookup(command);
                let shown = path_in(command, lang);
                let option = spec
                    .and_then(|c| c.option(option))
                    .map(|o| option_in(o, lang).to_string())
                    .unwrap_or_else(|| option.clone());
                tr(
                    lang,
                    "error-missing-option",
                    &[("command", &shown), ("option", &option)],
                )
            }
        }
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

/// Parses a command as typed in Discord's box: `/concept name:aura`, `/kutipan topik:aura`.
/// An option's value runs until the next `option:`.
pub fn parse(line: &str) -> Result<Request, ParseError> {
    let line = line.trim();
    let mut words = line.split_whitespace();
    let first = words.next().ok_or(ParseError::Empty)?;
    let mut command =
        catalog::command(first).ok_or_else(|| ParseError::UnknownCommand(first.into()))?;
    let mut group = None;
    let mut path = command.name.to_string();
    if !command.subcommands.is_empty() {
        let word = words.next().unwrap_or("");
        let sub = command
            .subcommand(word)
            .ok_or_else(|| ParseError::UnknownSubcommand {
                command: command.name.into(),
                sub: word.into(),
            })?;
        group = Some(command);
        path = format!("{} {}", command.name, sub.name);
        command = sub;
    }
    let mut options: Vec<(&'static str, String)> = Vec::new();
    for word in words {
        let named = word.split_once(':').filter(|(n, _)| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        });
        match named {
            Some((name, value)) => {
                let spec = command
                    .option(name)
                    .ok_or_else(|| ParseError::UnknownOption {
                        command: path.clone(),
                        option: name.into(),
                    })?;
                options.push((spec.name, value.to_string()));
            }
            None => match options.last_mut() {
                Some((_, value)) => {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(word);
                }
                None => {
                    return Err(ParseError::UnknownOption {
                        command: path.clone(),
                        option: word.into(),
                    });
                }
            },
        }
    }
    for o in command.options.iter().filter(|o| o.required) {
        if !options
            .iter()
            .any(|(n, v)| *n == o.name && !v.trim().is_empty())
        {
            return Err(ParseError::MissingOption {
                command: path.clone(),
                option: o.name.into(),
            });
        }
    }
    Ok(Request {
        group,
        command,
        options,
    })
}
