//! `/essay`: the work itself: titles, author, versions (with why each differs), publication
//! history, structure and the misconceptions about them, with the way on to the letter card.

use crate::cards::{footer, whole_lines};
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
            let mut line = format!(
                "**{}** ({}) — {}",
                v.name.get(lang),
                v.date.get(lang),
                v.printed.get(lang)
            );
            if let Some(note) = &v.note {
                line.push_str(&format!("\n↳ {}", note.get(lang)));
            }
            line
        })
        .collect();
    let history: Vec<String> = pack
        .publications
        .iter()
        .map(|p| format!("**{}** — {}", p.year, p.text.get(lang)))
        .collect();
    // The structure in full, with every label to the last; the titles are in the menu below.
    let labels: Vec<&str> = pack.sections.iter().map(|s| s.label.get(lang)).collect();
    let structure = vec![w.structure.get(lang).to_string(), labels.join(" · ")];
    let myths: Vec<String> = super::myths(pack, lang, |m| m.essay);
    let mut reply = Reply {
        title: Some(w.title.get(lang).to_string()),
        text,
        footer: Some(footer(pack, lang)),
        ..Reply::default()
    };
    for (name, value) in whole_lines(&t(lang, "heading-versions"), &versions, 3)
        .into_iter()
        .chain(whole_lines(&t(lang, "heading-publication"), &history, 1))
        .chain(whole_lines(&t(lang, "heading-structure"), &structure, 1))
        .chain(whole_lines(&t(lang, "heading-misconception"), &myths, 2))
    {
        reply = reply.field(name, value);
    }
    if pack.letter.is_some() {
        reply = reply.button(
            CustomId::Letter {
                pack: pack.id.clone(),
            },
            t(lang, "button-letter"),
        );
    }
    if let Some(th) = pack.thinker(&w.author) {
        reply = reply.button(
            CustomId::Thinker {
                pack: pack.id.clone(),
                id: th.id.clone(),
            },
            th.name.clone(),
        );
    }
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
