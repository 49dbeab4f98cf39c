//! The letter card (Adorno's letter of 18 March 1936, point by point, with the verified words
//! each point rests on) and the card for one common misconception or seed error.

use crate::cards::{footer, section_ref, whole_lines};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Misconception, Pack};
use crate::reply::{Accent, Reply};

/// The letter card of the first pack that has one.
pub fn answer(core: &Core, lang: Lang, pack: Option<&str>) -> Reply {
    let found = core
        .library
        .packs
        .iter()
        .filter(|p| pack.is_none_or(|id| id == p.id))
        .find(|p| p.letter.is_some());
    match found {
        Some(p) => card(p, lang),
        None => Reply::notice(t(lang, "error-stale-button")),
    }
}

pub fn card(pack: &Pack, lang: Lang) -> Reply {
    let Some(letter) = &pack.letter else {
        return Reply::notice(t(lang, "error-stale-button"));
    };
    let mut reply = Reply {
        title: Some(letter.title.get(lang).to_string()),
        text: letter.summary.get(lang).to_string(),
        footer: Some(footer(pack, lang)),
        accent: Accent::Adorno,
        ..Reply::default()
    };
    for (n, p) in letter.point.iter().enumerate() {
        // Members respond to each point in writing (in a server).
        if let Ok(point) = u8::try_from(n + 1) {
            reply.buttons.push(crate::reply::Button {
                id: CustomId::Respond {
                    on: crate::responses::model::On::Letter { point },
                },
                label: crate::text::truncate(
                    &tr(
                        lang,
                        "button-respond-point",
                        &[("title", &p.title.get(lang).to_string())],
                    ),
                    80,
                ),
                style: crate::reply::ButtonStyle::Secondary,
            });
        }
        let mut value = p.text.get(lang).to_string();
        for q in p.quotes.iter().filter_map(|id| pack.quote(id)) {
            if q.is_verified() {
                value.push_str(&format!("\n> {}", crate::text::quoted(q.text.get(lang))));
            }
        }
        reply = reply.field(p.title.get(lang), value);
    }
    reply = reply.field(t(lang, "heading-printed"), letter.printed.get(lang));
    let corrections: Vec<String> = super::myths(pack, lang, |m| m.letter);
    for (name, value) in whole_lines(&t(lang, "heading-misconception"), &corrections, 2) {
        reply = reply.field(name, value);
    }
    if let Some(th) = pack.thinker(&letter.writer) {
        reply = reply.button(
            CustomId::Thinker {
                pack: pack.id.clone(),
                id: th.id.clone(),
            },
            th.name.clone(),
        );
    }
    reply = reply.button(
        CustomId::QuoteMore {
            pack: pack.id.clone(),
            topic: None,
            speaker: Some(letter.writer.clone()),
        },
        t(lang, "button-their-quote"),
    );
    reply.button(
        CustomId::Essay {
            pack: pack.id.clone(),
        },
        t(lang, "button-essay"),
    )
}

/// One misconception with its correction, and the way on to what it concerns.
pub fn misconception(core: &Core, lang: Lang, pack: &str, id: &str) -> Reply {
    match core
        .library
        .pack(pack)
        .and_then(|p| p.misconception(id).map(|m| (p, m)))
    {
        Some((p, m)) => misconception_card(p, m, lang),
        None => Reply::notice(t(lang, "error-stale-button")),
    }
}

fn misconception_card(pack: &Pack, m: &Misconception, lang: Lang) -> Reply {
    let heading = if m.is_unverified() {
        t(lang, "heading-unverified-claim")
    } else if m.origin == "seed" {
        t(lang, "heading-seed-error")
    } else {
        t(lang, "heading-misconception")
    };
    let (claim, correction) = m.marks();
    let mut reply = Reply {
        title: Some(format!("{claim} {}", m.claim.get(lang))),
        text: format!("{correction} {}", m.correction.get(lang)),
        footer: Some(format!("{} · {heading}", footer(pack, lang))),
        ..Reply::default()
    };
    if !m.sections.is_empty() {
        let places: Vec<String> = m
            .sections
            .iter()
            .map(|s| section_ref(pack, lang, s, false))
            .collect();
        reply = reply.field(t(lang, "heading-sections"), places.join(", "));
    }
    for c in m.concepts.iter().filter_map(|c| pack.concept(c)).take(2) {
        let (id, label) = crate::cards::concept_button(pack, c, lang);
        reply = reply.button(id, label);
    }
    for th in m.thinkers.iter().filter_map(|x| pack.thinker(x)).take(2) {
        reply = reply.button(
            CustomId::Thinker {
                pack: pack.id.clone(),
                id: th.id.clone(),
            },
            th.name.clone(),
        );
    }
    if m.letter {
        reply = reply.button(
            CustomId::Letter {
                pack: pack.id.clone(),
            },
            t(lang, "button-letter"),
        );
    }
    if m.essay {
        reply = reply.button(
            CustomId::Essay {
                pack: pack.id.clone(),
            },
            t(lang, "button-essay"),
        );
    }
    reply
}
