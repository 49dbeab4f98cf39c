//! `/quote [topic] [speaker]`: a verified quotation with speaker, work, version, section and
//! translator, and buttons for another one, the German original and the section.

use std::collections::HashSet;

use crate::interaction::CustomId;
use rand::Rng;
use rand::seq::SliceRandom;

use crate::cards::{citation, footer, not_found};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::pack::{Lang, Pack, Quote};
use crate::reply::{Accent, Reply};
use crate::search::{Hit, Kind};
use crate::text::normalize;

/// A random verified quote, narrowed by topic (a concept or words) and speaker.
pub fn answer(
    core: &Core,
    lang: Lang,
    topic: Option<&str>,
    speaker: Option<&str>,
    rng: &mut impl Rng,
) -> Reply {
    answer_avoiding(core, lang, (topic, speaker), &HashSet::new(), rng)
}

/// The same, choosing a quote the channel was not shown lately (`avoid`: `quote:pack:id`
/// keys) while one is left; only when every match was, one of them.
pub fn answer_avoiding(
    core: &Core,
    lang: Lang,
    (topic, speaker): (Option<&str>, Option<&str>),
    avoid: &HashSet<String>,
    rng: &mut impl Rng,
) -> Reply {
    let speaker_hit = match speaker {
        Some(s) => match core.index.resolve(Kind::Thinker, s) {
            Ok(hit) => Some(hit),
            Err(guesses) => {
                return not_found(
                    core,
                    lang,
                    Kind::Thinker,
                    s,
                    &guesses,
                    "error-unknown-speaker",
                );
            }
        },
        None => None,
    };
    let topic = match topic.map(|tp| Topic::of(core, tp)) {
        Some(Topic::Nothing) => return Reply::notice(t(lang, "error-no-quote")),
        other => other,
    };
    let concept = match &topic {
        Some(Topic::Concept(hit)) => Some(hit),
        _ => None,
    };
    let mut pool: Vec<(&Pack, &Quote)> = core
        .library
        .packs
        .iter()
        .flat_map(|p| p.quotable().map(move |q| (p, q)))
        .filter(|(p, q)| {
            speaker_hit.as_ref().is_none_or(|s| {
                s.pack == p.id && (q.speaker == s.id || q.coauthor.as_deref() == Some(&s.id))
            })
        })
        .filter(|(p, q)| topic.as_ref().is_none_or(|tp| tp.holds(p, q)))
        .collect();
    pool.shuffle(rng);
    let fresh = pool
        .iter()
        .find(|(p, q)| !avoid.contains(&format!("quote:{}:{}", p.id, q.id)));
    match fresh.or(pool.first()) {
        Some((pack, q)) => {
            let more = CustomId::QuoteMore {
                pack: pack.id.clone(),
                topic: concept.map(|c| c.id.clone()),
                speaker: speaker_hit.as_ref().map(|s| s.id.clone()),
            };
            card(pack, q, lang, false).button(more, t(lang, "button-another-quote"))
        }
        None => Reply::notice(t(lang, "error-no-quote")),
    }
}

/// What a `/quote` topic asks for.
enum Topic {
    /// A concept, named by the topic (its name, an alternative name, its autocomplete value) or,
    /// when no quote's own words match, by a word search maps to it: the concept's quotes.
    Concept(Hit),
    /// The quotes whose own words match the topic (`pack:id` keys).
    Quotes(Vec<String>),
    /// Nothing matches: no quote is chosen at random instead.
    Nothing,
}

impl Topic {
    /// A concept the topic names comes first; then the quotes whose words match it, never a
    /// quote of a concept the words are only loosely related to; then a concept one of its
    /// search terms names exactly ("celebrity": the star cult).
    fn of(core: &Core, topic: &str) -> Topic {
        let concept = core.index.resolve(Kind::Concept, topic).ok();
        if let Some(hit) = concept.as_ref().filter(|h| names(core, h, topic)) {
            return Topic::Concept(hit.clone());
        }
        let words: Vec<String> = core
            .index
            .search(topic, &[Kind::Quote], 50)
            .into_iter()
            .map(|h| h.key())
            .collect();
        match concept {
            _ if !words.is_empty() => Topic::Quotes(words),
            Some(hit) if hit.score >= 1.0 => Topic::Concept(hit),
            _ => Topic::Nothing,
        }
    }

    fn holds(&self, pack: &Pack, q: &Quote) -> bool {
        match self {
            Topic::Concept(c) => c.pack == pack.id && q.concepts.contains(&c.id),
            Topic::Quotes(keys) => keys.contains(&format!("{}:{}", pack.id, q.id)),
            Topic::Nothing => false,
        }
    }
}

/// Whether `topic` is the concept's own name, an alternative name it shows, its id or its
/// autocomplete value (not a related word that only search maps to it).
fn names(core: &Core, hit: &Hit, topic: &str) -> bool {
    let folded = normalize(topic);
    let Some(c) = core
        .library
        .pack(&hit.pack)
        .and_then(|p| p.concept(&hit.id))
    else {
        return false;
    };
    topic.trim() == hit.key()
        || topic.trim() == c.id
        || c.name
            .all()
            .chain(c.aliases.iter().map(String::as_str))
            .any(|n| normalize(n) == folded)
}

/// One quote by id (buttons), optionally with the German original first.
pub fn show(core: &Core, lang: Lang, pack: &str, id: &str, german: bool) -> Reply {
    match core
        .library
        .pack(pack)
        .and_then(|p| p.quote(id).filter(|q| q.is_verified()).map(|q| (p, q)))
    {
        Some((p, q)) => card(p, q, lang, german),
        None => Reply::notice(t(lang, "error-no-quote")),
    }
}

pub fn card(pack: &Pack, q: &Quote, lang: Lang, german: bool) -> Reply {
    let speaker = pack.speaker_name(q);
    let attribution = format!("— {}", crate::cards::attribution(pack, q, lang));
    let text = match (&q.de, german) {
        (Some(de), true) => format!(
            "„{de}“\n\n{}\n{attribution}",
            crate::text::quoted(q.text.get(lang))
        ),
        _ => format!("{}\n{attribution}", crate::text::quoted(q.text.get(lang))),
    };
    let accent = if q.speaker == "benjamin" {
        Accent::Benjamin
    } else {
        Accent::Adorno
    };
    let mut reply = Reply {
        about: Some(format!("quote:{}:{}", pack.id, q.id)),
        title: Some(tr(lang, "quote-title", &[("speaker", &speaker)])),
        text,
        footer: Some(format!("{} · {}", footer(pack, lang), citation(q, lang))),
        accent,
        ..Reply::default()
    }
    .field(t(lang, "heading-translation"), q.translation.get(lang));
    if let Some(note) = &q.note {
        reply = reply.field(t(lang, "heading-note"), note.get(lang));
    }
    let concepts: Vec<&str> = q
        .concepts
        .iter()
        .filter_map(|c| pack.concept(c))
        .map(|c| c.name.get(lang))
        .collect();
    if !concepts.is_empty() {
        reply = reply.field(t(lang, "heading-concepts"), concepts.join(" · "));
    }
    if q.de.is_some() && !german {
        reply = reply.button(
            CustomId::Quote {
                pack: pack.id.clone(),
                id: q.id.clone(),
                german: true,
            },
            t(lang, "button-german"),
        );
    }
    if let Some(s) = q.section.as_deref().and_then(|s| pack.section(s)) {
        let (id, label) = crate::cards::section_button(pack, s, lang);
        reply = reply.button(id, label);
    }
    if let Some(c) = q.concepts.first().and_then(|c| pack.concept(c)) {
        let (id, label) = crate::cards::concept_button(pack, c, lang);
        reply = reply.button(id, label);
    }
    // The names on the quote lead to their cards.
    for th in q
        .coauthor
        .iter()
        .chain(std::iter::once(&q.speaker))
        .filter_map(|id| pack.thinker(id))
    {
        reply = reply.button(
            CustomId::Thinker {
                pack: pack.id.clone(),
                id: th.id.clone(),
            },
            th.name.clone(),
        );
    }
    if pack.letter.as_ref().is_some_and(|l| l.source == q.work) {
        reply = reply.button(
            CustomId::Letter {
                pack: pack.id.clone(),
            },
            t(lang, "button-letter"),
        );
    }
    reply
}
