//! `/help`: what Aura can do, command by command, in the member's language.

use crate::catalog::{COMMANDS, name_in, option_in};
use crate::i18n::t;
use crate::pack::Lang;
use crate::reply::Reply;

pub fn answer(lang: Lang) -> Reply {
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
        text: format!("{}\n\n{}", t(lang, "help-intro"), lines.join("\n")),
        footer: Some(t(lang, "help-footer")),
        ephemeral: true,
        ..Reply::default()
    }
}
