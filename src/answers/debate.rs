//! `/debate [motion]`: a motion that pits Benjamin against Adorno, both positions with their
//! evidence, and the questions to discuss.

use rand::Rng;
use rand::seq::IteratorRandom;

use super::{footer, not_found, section_ref};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::pack::{Lang, Motion, Pack};
use crate::reply::{Accent, Reply};
use crate::search::Kind;
use crate::text::truncate;

pub fn answer(core: &Core, lang: Lang, input: Option<&str>, rng: &mut impl Rng) -> Reply {
    let found = match input {
        Some(input) => match core.index.resolve(Kind::Motion, input) {
            Ok(hit) => core
                .library
                .pack(&hit.pack)
                .and_then(|p| p.motion(&hit.id).map(|m| (p, m))),
            Err(guesses) => {
                return not_found(
                    core,
                    lang,
                    Kind::Motion,
                    input,
                    &guesses,
                    "error-unknown-motion",
                );
            }
        },
        None => core
            .library
            .packs
            .iter()
            .flat_map(|p| p.motions.iter().map(move |m| (p, m)))
            .choose(rng),
    };
    match found {
        Some((pack, motion)) => card(pack, motion, lang),
        None => Reply::notice(t(lang, "error-no-motion")),
    }
}

/// The evidence lines for one side: short quotes with their place.
fn evidence(pack: &Pack, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .filter_map(|id| pack.quote(id).filter(|q| q.is_verified()))
        .map(|q| {
            let place = q
                .section
                .as_deref()
                .map(|s| section_ref(pack, lang, s, q.footnote))
                .or_else(|| q.location.as_ref().map(|l| l.get(lang).to_string()))
                .unwrap_or_default();
            format!("> “{}” ({place})", truncate(q.text.get(lang), 220))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn card(pack: &Pack, m: &Motion, lang: Lang) -> Reply {
    let side = |position: &str, ids: &[String]| {
        let ev = evidence(pack, ids, lang);
        if ev.is_empty() {
            position.to_string()
        } else {
            format!(
                "{}\n{}",
                truncate(position, 1024 - ev.chars().count().min(700) - 2),
                ev
            )
        }
    };
    let questions: Vec<String> = m
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| format!("{}. {}", i + 1, q.get(lang)))
        .collect();
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "debate-title",
            &[("motion", &m.motion.get(lang).to_string())],
        )),
        text: t(lang, "debate-intro"),
        footer: Some(footer(pack, lang)),
        accent: Accent::Debate,
        ..Reply::default()
    }
    .field(
        t(lang, "heading-benjamin"),
        side(m.benjamin.get(lang), &m.benjamin_quotes),
    )
    .field(
        t(lang, "heading-adorno"),
        side(m.adorno.get(lang), &m.adorno_quotes),
    )
    .field(t(lang, "heading-questions"), questions.join("\n"));
    for c in m.concepts.iter().filter_map(|c| pack.concept(c)).take(3) {
        reply = reply.button(
            format!("aura:concept:{}:{}", pack.id, c.id),
            c.name.get(lang).to_string(),
        );
    }
    reply.button(
        format!("aura:debate-more:{}", pack.id),
        t(lang, "button-another-motion"),
    )
}
