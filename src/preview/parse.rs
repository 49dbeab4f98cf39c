//! Reads a command line as typed in Discord's box (for `aura preview` and tests) into a
//! [`Request`], with errors that list what exists, in the member's language.

use crate::catalog::{self, Request, name_in, option_in, path_in};
use crate::i18n::tr;
use crate::pack::Lang;

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
        // `name:value` starts an option; a word like `18:00` (a time in a value with spaces,
        // `due:2026-12-05 18:00`) goes on the value before it.
        let named = word.split_once(':').filter(|(n, _)| {
            !n.is_empty()
                && !n.chars().all(|c| c.is_ascii_digit())
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
