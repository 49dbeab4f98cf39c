//! `/thinker name` (`/tokoh nama`): who someone is, their dates and works, what they have to do
//! with the essay, their verified quotes, and where to go next. Every thinker the pack names
//! gets a card, so no name leads nowhere.

use crate::cards::{footer, quote_place, whole_lines};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Pack, Quote, Thinker};
use crate::reply::{Accent, Reply};
use crate::search::Kind;

pub fn answer(core: &Core, lang: Lang, input: &str) -> Reply {
    super::lookup_card(
        core,
        lang,
        Kind::Thinker,
        input,
        "error-unknown-speaker",
        |pack, id| pack.thinker(id),
        card,
    )
}

pub fn card(pack: &Pack, th: &Thinker, lang: Lang) -> Reply {
    let accent = match th.id.as_str() {
        "benjamin" => Accent::Benjamin,
        "adorno" | "horkheimer" => Accent::Adorno,
        _ => Accent::Neutral,
    };
    let mut text = th.role.get(lang).to_string();
    if let Some(essay) = &th.essay {
        text.push_str("\n\n");
        text.push_str(essay.get(lang));
    }
    let mut reply = Reply {
        about: Some(format!("thinker:{}:{}", pack.id, th.id)),
        title: Some(tr(
            lang,
            "thinker-title",
            &[("name", &th.name), ("dates", &th.lifespan)],
        )),
        text,
        footer: Some(footer(pack, lang)),
        accent,
        ..Reply::default()
    };
    if !th.works.is_empty() {
        let works: Vec<String> = th
            .works
            .iter()
            .map(|w| format!("• {}", w.get(lang)))
            .collect();
        reply = reply.field(t(lang, "heading-works"), works.join("\n"));
    }
    // Their own verified quotes, whole; several fields when they do not fit one.
    let quotes: Vec<&Quote> = pack.quotes_by(&th.id).collect();
    let lines = quote_lines(pack, &quotes, lang);
    for (name, value) in whole_lines(&t(lang, "heading-their-quotes"), &lines, 3) {
        reply = reply.field(name, value);
    }
    let sections = super::section_lines(pack, &th.sections, lang);
    if !sections.is_empty() {
        reply = reply.field(t(lang, "heading-sections"), sections.join("\n"));
    }
    let corrections = super::myths(pack, lang, |m| m.thinkers.contains(&th.id));
    for (name, value) in whole_lines(&t(lang, "heading-misconception"), &corrections, 2) {
        reply = reply.field(name, value);
    }
    reply = where_next(reply, pack, th, quotes.first().copied(), lang);
    reply.select = crate::cards::concept_menu(
        pack,
        pack.concepts
            .iter()
            .filter(|c| c.thinker == th.id || c.coauthor.as_deref() == Some(th.id.as_str())),
        lang,
        format!("{}:thinker-{}", pack.id, th.id),
        "select-their-concepts",
    );
    reply
}

/// Their quotes, one a line: "> “…” — *work*, place".
fn quote_lines(pack: &Pack, quotes: &[&Quote], lang: Lang) -> Vec<String> {
    quotes
        .iter()
        .map(|q| {
            let work = pack.source_short(&q.work, lang);
            let place = quote_place(pack, q, lang);
            // A co-written text names all its authors, even on one author's card.
            let who = if q.coauthor.is_some() {
                format!("{}, ", pack.speaker_name(q))
            } else {
                String::new()
            };
            format!(
                "> {} — {who}*{work}*, {place}",
                crate::text::quoted(q.text.get(lang))
            )
        })
        .collect()
}

/// Where to go next: a quote (`first`, their first) and its section, their first section, the
/// letter, the essay's history.
fn where_next(
    mut reply: Reply,
    pack: &Pack,
    th: &Thinker,
    first: Option<&Quote>,
    lang: Lang,
) -> Reply {
    if let Some(q) = first {
        reply = reply.button(
            CustomId::QuoteMore {
                pack: pack.id.clone(),
                topic: None,
                speaker: Some(th.id.clone()),
            },
            t(lang, "button-their-quote"),
        );
        if let Some(s) = q.section.as_deref().and_then(|s| pack.section(s)) {
            let (id, label) = crate::cards::section_button(pack, s, lang);
            reply = reply.button(id, label);
        }
    }
    if let Some(s) = th.sections.first().and_then(|s| pack.section(s))
        && !reply
            .buttons
            .iter()
            .any(|b| matches!(&b.id, CustomId::Section { id, .. } if *id == s.id))
    {
        let (id, label) = crate::cards::section_button(pack, s, lang);
        reply = reply.button(id, label);
    }
    if pack.letter.as_ref().is_some_and(|l| l.writer == th.id) {
        reply = reply.button(
            CustomId::Letter {
                pack: pack.id.clone(),
            },
            t(lang, "button-letter"),
        );
    }
    reply.button(
        CustomId::Essay {
            pack: pack.id.clone(),
        },
        t(lang, "button-essay"),
    )
}
