//! `/help`: what Aura can do, command by command, in the member's language; `/help command:`
//! explains one command from the texts Discord registers for it (its description and its
//! options', with their ranges and defaults), who may use it and an example.

use crate::cards::whole_lines;
use crate::catalog::help::{example_key, find, who};
use crate::catalog::{COMMANDS, CommandSpec, name_in, option_in, path_in};
use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::reply::Reply;

/// `/help` (the short list) or `/help command:` (one command explained).
pub fn answer(lang: Lang, command: Option<&str>) -> Reply {
    match command.map(str::trim).filter(|c| !c.is_empty()) {
        None => list(lang),
        Some(asked) => match find(asked.trim_start_matches('/')) {
            Some((group, c)) => one(lang, group, c),
            None => Reply::notice(tr(
                lang,
                "help-unknown-command",
                &[("command", &crate::text::escape_markdown(asked))],
            )),
        },
    }
}

/// One command: what it does, each option (required or not, with its range and default),
/// who may use it, an example; a group lists its subcommands.
fn one(lang: Lang, group: Option<&CommandSpec>, c: &CommandSpec) -> Reply {
    let english = match group {
        Some(g) => format!("{} {}", g.name, c.name),
        None => c.name.to_string(),
    };
    let mut reply = Reply {
        title: Some(format!("/{}", path_in(&english, lang))),
        text: t(lang, c.desc),
        footer: Some(t(lang, "help-footer")),
        ephemeral: true,
        ..Reply::default()
    };
    if !c.subcommands.is_empty() {
        let subs: Vec<String> = c
            .subcommands
            .iter()
            .map(|s| format!("**{}** — {}", name_in(s, lang), t(lang, s.desc)))
            .collect();
        for (name, value) in whole_lines(&t(lang, "help-subcommands"), &subs, 6) {
            reply = reply.field(name, value);
        }
        return reply;
    }
    let options: Vec<String> = c
        .options
        .iter()
        .map(|o| {
            let need = if o.required {
                "help-option-required"
            } else {
                "help-option-optional"
            };
            format!(
                "`{}` ({}) — {}",
                option_in(o, lang),
                t(lang, need),
                t(lang, o.desc)
            )
        })
        .collect();
    if options.is_empty() {
        reply = reply.field(t(lang, "help-options"), t(lang, "help-no-options"));
    }
    // A field holds 1,024 characters: a long list goes on in a second field, never cut.
    for (name, value) in whole_lines(&t(lang, "help-options"), &options, 6) {
        reply = reply.field(name, value);
    }
    reply = reply.field(t(lang, "help-who"), t(lang, who(&english).key()));
    reply.field(
        t(lang, "help-example"),
        format!("`{}`", t(lang, &example_key(&english))),
    )
}

fn list(lang: Lang) -> Reply {
    let lines: Vec<String> = COMMANDS
        .iter()
        .map(|c| {
            if !c.subcommands.is_empty() {
                let subs: Vec<&str> = c.subcommands.iter().map(|s| name_in(s, lang)).collect();
                return format!(
                    "**/{}** {} — {}",
                    name_in(c, lang),
                    subs.join(" · "),
                    t(lang, c.desc)
                );
            }
            let options: String = c
                .options
                .iter()
                .map(|o| {
                    if o.required {
                        format!(" {}", option_in(o, lang))
                    } else {
                        format!(" [{}]", option_in(o, lang))
                    }
                })
                .collect();
            format!("**/{}**{options} — {}", name_in(c, lang), t(lang, c.desc))
        })
        .collect();
    Reply {
        title: Some(t(lang, "help-title")),
        text: format!(
            "{}\n\n{}\n\n{}",
            t(lang, "help-intro"),
            lines.join("\n"),
            t(lang, "help-more")
        ),
        footer: Some(t(lang, "help-footer")),
        ephemeral: true,
        ..Reply::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::help::paths;

    /// Every command's help names each of its options in full, within Discord's limits for
    /// a field, in both languages.
    #[test]
    fn every_option_is_explained_in_full() {
        for path in paths() {
            for lang in Lang::ALL {
                let reply = answer(lang, Some(&path));
                for field in &reply.fields {
                    assert!(field.value.chars().count() <= 1024, "{path}: {field:?}");
                }
                let Some((_, spec)) = crate::catalog::help::find(&path) else {
                    panic!("{path} is not found");
                };
                let shown: String = reply.fields.iter().map(|f| f.value.as_str()).collect();
                for o in spec.options {
                    assert!(shown.contains(&t(lang, o.desc)), "{path}: {}", o.name);
                }
            }
        }
    }
}
