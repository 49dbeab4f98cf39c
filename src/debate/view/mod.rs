//! `/debate`: a motion that pits Benjamin against Adorno, both positions with their evidence,
//! and the questions to discuss; the quick vote's cards; and, in [`class`] and [`summary`],
//! everything a class debate shows (control message, announcements, summary, export,
//! argument tree, history).

mod chart;
pub mod class;
pub mod result;
pub mod summary;

use crate::debate::{Debate, Side};
use crate::interaction::CustomId;
use rand::Rng;
use rand::seq::IteratorRandom;

use crate::cards::{footer, not_found, quote_place, whole_lines};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::pack::Quote;
use crate::pack::{Lang, Motion, Pack};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::search::Kind;

pub fn answer(core: &Core, lang: Lang, input: Option<&str>, rng: &mut impl Rng) -> Reply {
    match pick(core, lang, input, rng) {
        Ok((pack, motion)) => card(pack, motion, lang),
        Err(notice) => *notice,
    }
}

/// The motion a member asked for (or a random one), or the notice that explains why not.
pub fn pick<'a>(
    core: &'a Core,
    lang: Lang,
    input: Option<&str>,
    rng: &mut impl Rng,
) -> Result<(&'a Pack, &'a Motion), Box<Reply>> {
    if let Some(notice) =
        crate::catalog::too_long(lang, "debate start", input.map(|v| ("motion", v)))
    {
        return Err(Box::new(notice));
    }
    let found = match input {
        Some(input) => match core.index.resolve(Kind::Motion, input) {
            Ok(hit) => core
                .library
                .pack(&hit.pack)
                .and_then(|p| p.motion(&hit.id).map(|m| (p, m))),
            Err(guesses) => {
                return Err(Box::new(not_found(
                    core,
                    lang,
                    Kind::Motion,
                    input,
                    &guesses,
                    "error-unknown-motion",
                )));
            }
        },
        None => core
            .library
            .packs
            .iter()
            .flat_map(|p| p.motions.iter().map(move |m| (p, m)))
            .choose(rng),
    };
    found.ok_or_else(|| Box::new(Reply::notice(t(lang, "error-no-motion"))))
}

/// A debate's card in its language, or in both side by side (its own first) when it shows both
/// and they fit together.
pub fn in_both(d: &Debate, card: impl Fn(Lang) -> Reply) -> Reply {
    crate::cards::in_langs((d.lang, d.bilingual), card, None)
}

/// A debate's card on motion `m` in its language, or in both side by side with the pack's terms
/// for the motion's concepts (their German too) when it shows both.
pub fn motion_in_both(d: &Debate, pack: &Pack, m: &Motion, card: impl Fn(Lang) -> Reply) -> Reply {
    crate::cards::in_langs((d.lang, d.bilingual), card, Some((pack, &m.concepts)))
}

/// A debate's line in its thread, in its language, or in both one under the other when it
/// shows both and they fit one message.
pub fn line_in_both(d: &Debate, line: impl Fn(Lang) -> String) -> String {
    let first = line(d.lang);
    if !d.bilingual {
        return first;
    }
    let second = line(d.lang.other());
    let both = format!("{first}\n{second}");
    if first == second || both.chars().count() > crate::render::limits::CONTENT {
        first
    } else {
        both
    }
}

/// A debate card opened for voting in a channel: the card, the voting rules with the closing
/// time as a Discord timestamp, and the Benjamin / Adorno / undecided and close buttons.
pub fn vote_card(pack: &Pack, m: &Motion, lang: Lang, debate: u64, closes_at: i64) -> Reply {
    let mut reply = card(pack, m, lang);
    // Voting replaces "another motion": a class debates one motion at a time.
    reply
        .buttons
        .retain(|b| !matches!(b.id, CustomId::MotionMore { .. }));
    reply = reply.field(
        t(lang, "heading-vote"),
        tr(
            lang,
            "vote-explain",
            &[("closes", &format!("<t:{closes_at}:R>"))],
        ),
    );
    let votes = [
        (Side::Benjamin, ButtonStyle::Primary),
        (Side::Adorno, ButtonStyle::Primary),
        (Side::Undecided, ButtonStyle::Secondary),
    ]
    .map(|(side, style)| Button {
        id: CustomId::Vote { debate, side },
        label: t(lang, &format!("side-{}", side.code())),
        style,
    });
    reply.buttons.splice(0..0, votes);
    reply.buttons.push(respond_button(debate, lang));
    reply.buttons.push(Button {
        id: CustomId::CloseVote { debate },
        label: t(lang, "button-close-vote"),
        style: ButtonStyle::Danger,
    });
    reply
}

/// Respond: a member's written response to the debate's motion.
pub fn respond_button(debate: u64, lang: Lang) -> Button {
    Button {
        id: CustomId::Respond {
            on: crate::responses::model::On::Motion { debate },
        },
        label: t(lang, "button-respond"),
        style: ButtonStyle::Secondary,
    }
}

/// The closed debate: the card with the tally, and no voting buttons.
pub fn result_card(
    pack: &Pack,
    m: &Motion,
    lang: Lang,
    benjamin: u32,
    adorno: u32,
    undecided: u32,
) -> Reply {
    let mut reply = card(pack, m, lang);
    reply
        .buttons
        .retain(|b| !matches!(b.id, CustomId::MotionMore { .. }));
    let total = benjamin + adorno + undecided;
    let pct = |n: u32| (n * 100 + total / 2).checked_div(total).unwrap_or(0);
    let line = |key: &str, n: u32| format!("**{}**: {n} ({}%)", t(lang, key), pct(n));
    let value = format!(
        "{}
{}
{}
{}",
        line("side-benjamin", benjamin),
        line("side-adorno", adorno),
        line("side-undecided", undecided),
        tr(lang, "vote-total", &[("total", &(total as usize))])
    );
    reply.field(t(lang, "heading-result"), value)
}

/// The motion card that opens a class debate: the card without "another motion".
pub fn intro(pack: &Pack, m: &Motion, lang: Lang) -> Reply {
    let mut reply = card(pack, m, lang);
    reply
        .buttons
        .retain(|b| !matches!(b.id, CustomId::MotionMore { .. }));
    reply
}

/// A source a member names for an argument: a verified quote's id, or a section (`5`, `V`,
/// `§5`, or its id); the id stored, or `None` when the pack has no such thing to cite.
pub fn source(core: &Core, pack: &str, text: &str) -> Option<String> {
    let pack = core.library.pack(pack)?;
    let key = text.trim().trim_start_matches('§').trim().to_lowercase();
    if let Some(q) = pack.quote(&key).filter(|q| q.is_verified()) {
        return Some(q.id.clone());
    }
    pack.sections
        .iter()
        .find(|s| {
            s.id.to_lowercase() == key
                || s.number.is_some_and(|n| n.to_string() == key)
                || s.label.sides().any(|(_, l)| l.to_lowercase() == key)
        })
        .map(|s| format!("section:{}", s.id))
}

/// How a source is cited: a quote's opening words and place, or the section's label.
pub fn cite(pack: &Pack, source: &str, lang: Lang) -> String {
    if let Some(id) = source.strip_prefix("section:") {
        return pack
            .section(id)
            .map(|s| format!("§ {}", s.label.get(lang)))
            .unwrap_or_default();
    }
    pack.quote(source)
        .filter(|q| q.is_verified())
        .map(|q| {
            format!(
                "{} ({})",
                opening_words(q, lang),
                quote_place(pack, q, lang)
            )
        })
        .unwrap_or_default()
}

fn opening_words(q: &Quote, lang: Lang) -> String {
    let words: Vec<&str> = q.text.get(lang).split_whitespace().collect();
    let mut out = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        out.push_str(" …");
    }
    crate::text::quoted(&out)
}

/// The evidence lines for one side: short quotes with their place.
pub(crate) fn evidence(pack: &Pack, ids: &[String], lang: Lang) -> String {
    ids.iter()
        .filter_map(|id| pack.quote(id).filter(|q| q.is_verified()))
        .map(|q| {
            let place = quote_place(pack, q, lang);
            // Outside the essay, the card names who wrote it and where: the letter of 1936 or
            // Horkheimer and Adorno's book.
            let credit = if q.section.is_some() {
                place
            } else {
                format!(
                    "{}, *{}*, {place}",
                    pack.speaker_name(q),
                    pack.source_short(&q.work, lang)
                )
            };
            format!("> {} ({credit})", crate::text::quoted(q.text.get(lang)))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn card(pack: &Pack, m: &Motion, lang: Lang) -> Reply {
    // A position and its evidence: the quotes stay whole; what does not fit one field goes on
    // in a second one.
    let side = |position: &str, ids: &[String]| -> Vec<String> {
        let mut lines = vec![position.to_string()];
        let ev = evidence(pack, ids, lang);
        if !ev.is_empty() {
            lines.extend(ev.lines().map(str::to_string));
        }
        lines
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
    };
    for (heading, position, ids) in [
        ("heading-benjamin", &m.benjamin, &m.benjamin_quotes),
        ("heading-adorno", &m.adorno, &m.adorno_quotes),
    ] {
        for (name, value) in whole_lines(&t(lang, heading), &side(position.get(lang), ids), 2) {
            reply = reply.field(name, value);
        }
    }
    reply = reply.field(t(lang, "heading-questions"), questions.join("\n"));
    for c in m.concepts.iter().filter_map(|c| pack.concept(c)).take(3) {
        let (id, label) = crate::cards::concept_button(pack, c, lang);
        reply = reply.button(id, label);
    }
    reply.button(
        CustomId::MotionMore {
            pack: pack.id.clone(),
        },
        t(lang, "button-another-motion"),
    )
}
