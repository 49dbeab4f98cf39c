//! `/essay`: the work itself: titles, author, versions, publication history and structure.

use super::footer;
use crate::core::Core;
use crate::i18n::t;
use crate::interaction::CustomId;
use crate::pack::Lang;
use crate::reply::{Reply, Select, SelectOption};

pub fn answer(core: &Core, lang: Lang) -> Reply {
    let Some(pack) = core.library.packs.first() else {
        return Reply::notice(t(lang, "error-internal"));
    };
    let w = &pack.work;
    let author = pack
        .thinker(&w.author)
        .map(|a| a.name.as_str())
        .unwrap_or("");
    let text = format!(
        "**{}** · *{}*\n🇬🇧 {}\n🇮🇩 {}\n\n{}",
        author,
        w.title.de.as_deref().unwrap_or(""),
        w.title.en.as_deref().unwrap_or(""),
        w.title.id.as_deref().unwrap_or(""),
        w.summary.get(lang)
    );
    let versions: Vec<String> = pack
        .versions
        .iter()
        .map(|v| {
            format!(
                "**{}** ({}) — {}",
                v.name.get(lang),
                v.date.get(lang),
                v.printed.get(lang)
            )
        })
        .collect();
    let history: Vec<String> = pack
        .publications
        .iter()
        .map(|p| format!("**{}** — {}", p.year, p.text.get(lang)))
        .collect();
    let structure: Vec<String> = pack
        .sections
        .iter()
        .map(|s| format!("**{}** {}", s.label.get(lang), s.title.get(lang)))
        .collect();
    let mut reply = Reply {
        title: Some(w.title.get(lang).to_string()),
        text,
        footer: Some(footer(pack, lang)),
        ..Reply::default()
    }
    .field(t(lang, "heading-versions"), versions.join("\n"))
    .field(t(lang, "heading-publication"), history.join("\n"))
    .field(
        t(lang, "heading-structure"),
        format!("{}\n{}", w.structure.get(lang), structure.join(" · ")),
    );
    reply.select = Some(Select {
        id: CustomId::Open {
            scope: format!("{}:essay", pack.id),
        },
        placeholder: t(lang, "select-section"),
        options: pack
            .sections
            .iter()
            .map(|s| SelectOption {
                label: format!("{} · {}", s.label.get(lang), s.title.get(lang)),
                value: format!("section:{}:{}", pack.id, s.id),
                description: None,
            })
            .collect(),
    });
    reply
}
