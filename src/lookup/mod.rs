//! The lookup feature: what Aura answers to `/quote`, `/concept`, `/section`, `/search`,
//! `/thinker`, `/essay` and `/help`, and to the buttons and menus that open their cards, as
//! plain [`Reply`] values. Errors a member causes become polite, localized, ephemeral notices.

mod concept;
mod essay;
pub mod gate;
mod help;
mod letter;
pub mod model;
pub mod quote;
mod search;
pub mod section;
pub mod serve;
pub mod settings;
mod thinker;

use std::collections::HashSet;

use rand::Rng;

use crate::cards::not_found;
use crate::catalog::{Request, path_in};
use crate::core::Core;
use crate::i18n::tr;
use crate::interaction::CustomId;
use crate::pack::{Lang, Misconception, Pack};
use crate::reply::Reply;
use crate::search::Kind;

/// Answers a lookup command (a command group is the preview's: see `preview::answer`).
pub fn answer(core: &Core, lang: Lang, req: &Request, rng: &mut impl Rng) -> Reply {
    answer_avoiding(core, lang, req, &HashSet::new(), rng)
}

/// The same; a random quote is one the channel was not shown lately (`avoid`) while one is
/// left.
pub fn answer_avoiding(
    core: &Core,
    lang: Lang,
    req: &Request,
    avoid: &HashSet<String>,
    rng: &mut impl Rng,
) -> Reply {
    if let Some(notice) = req.too_long(lang) {
        return notice;
    }
    match req.command.name {
        "quote" => {
            let asked = (req.get("topic"), req.get("speaker"));
            quote::answer_avoiding(core, lang, asked, avoid, rng)
        }
        "concept" => concept::answer(core, lang, req.get("name").unwrap_or("")),
        "section" => section::answer(core, lang, req.get("number").unwrap_or("")),
        "search" => search::answer(core, lang, req.get("query").unwrap_or("")),
        "thinker" => thinker::answer(core, lang, req.get("name").unwrap_or("")),
        "essay" => essay::answer(core, lang),
        // What Aura stores lives in the bot's state, which a preview does not open.
        "privacy" => Reply::notice(tr(
            lang,
            "preview-needs-bot",
            &[("command", &path_in("privacy", lang))],
        )),
        _ => help::answer(lang, req.get("command")),
    }
}

/// Answers a navigation button or menu (and the chosen menu value). `None` when the id is not
/// one of these, or names nothing.
pub fn component(
    core: &Core,
    lang: Lang,
    id: &CustomId,
    value: Option<&str>,
    rng: &mut impl Rng,
) -> Option<Reply> {
    Some(match id {
        CustomId::Concept { pack, id } => concept::answer(core, lang, &key(pack, id)),
        CustomId::Section { pack, id } => section::answer(core, lang, &key(pack, id)),
        CustomId::SearchPage { page, query } => search::page(core, lang, query, *page),
        CustomId::Quote { pack, id, german } => quote::show(core, lang, pack, id, *german),
        CustomId::QuoteMore {
            pack,
            topic,
            speaker,
        } => {
            let topic = topic.as_deref().map(|t| key(pack, t));
            let speaker = speaker.as_deref().map(|s| key(pack, s));
            quote::answer(core, lang, topic.as_deref(), speaker.as_deref(), rng)
        }
        CustomId::Motion { pack, id } => {
            crate::debate::view::answer(core, lang, Some(&key(pack, id)), rng)
        }
        CustomId::MotionMore { .. } => crate::debate::view::answer(core, lang, None, rng),
        CustomId::Thinker { pack, id } => thinker::answer(core, lang, &key(pack, id)),
        CustomId::Letter { pack } => letter::answer(core, lang, Some(pack)),
        CustomId::Essay { .. } => essay::answer(core, lang),
        // Menus carry the chosen item in their value: `kind:pack:id`.
        CustomId::Open { .. } => {
            let (kind, item) = value?.split_once(':')?;
            match kind {
                "concept" => concept::answer(core, lang, item),
                "section" => section::answer(core, lang, item),
                "motion" => crate::debate::view::answer(core, lang, Some(item), rng),
                "quote" => {
                    let (pack, id) = item.split_once(':')?;
                    quote::show(core, lang, pack, id, false)
                }
                "thinker" => thinker::answer(core, lang, item),
                "page" => {
                    let (pack, id) = item.split_once(':')?;
                    page(core, lang, pack, id)?
                }
                "myth" => {
                    let (pack, id) = item.split_once(':')?;
                    letter::misconception(core, lang, pack, id)
                }
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// The pack's misconceptions that `about` picks, as "✗ claim" and "✓ correction" lines (an
/// unverified claim as "? claim" and "→ what is known").
fn myths(pack: &Pack, lang: Lang, about: impl Fn(&Misconception) -> bool) -> Vec<String> {
    pack.misconceptions
        .iter()
        .filter(|m| about(m))
        .map(|m| {
            let (claim, correction) = m.marks();
            format!(
                "{claim} {}\n{correction} {}",
                m.claim.get(lang),
                m.correction.get(lang)
            )
        })
        .collect()
}

/// Sections by id, one a line: "§ 3 — its title".
fn section_lines(pack: &Pack, ids: &[String], lang: Lang) -> Vec<String> {
    ids.iter()
        .map(|s| {
            let title = pack.section(s).map(|x| x.title.get(lang)).unwrap_or("");
            format!(
                "{} — {title}",
                crate::cards::section_ref(pack, lang, s, false)
            )
        })
        .collect()
}

fn key(pack: &str, id: &str) -> String {
    format!("{pack}:{id}")
}

/// A search page by id: the essay's facts (`essay`, `history`, `version-…`, `title`), the
/// letter card (`letter`), or a misconception (`myth-…`).
fn page(core: &Core, lang: Lang, pack: &str, id: &str) -> Option<Reply> {
    if let Some(m) = id.strip_prefix("myth-") {
        return Some(letter::misconception(core, lang, pack, m));
    }
    match id {
        "letter" => Some(letter::answer(core, lang, Some(pack))),
        "essay" | "history" | "title" => Some(essay::answer(core, lang)),
        v if v.starts_with("version-") => Some(essay::answer(core, lang)),
        _ => None,
    }
}

/// Resolves what a member typed to one item of `kind` and shows its card; otherwise "I don't
/// know X" (with `unknown`, the notice's key) and the best guesses.
fn lookup_card<T>(
    core: &Core,
    lang: Lang,
    kind: Kind,
    input: &str,
    unknown: &str,
    find: impl for<'p> Fn(&'p Pack, &str) -> Option<&'p T>,
    card: impl Fn(&Pack, &T, Lang) -> Reply,
) -> Reply {
    let guesses = match core.index.resolve(kind, input) {
        Ok(hit) => match core.library.pack(&hit.pack) {
            Some(pack) => match find(pack, &hit.id) {
                Some(item) => return card(pack, item, lang),
                None => Vec::new(),
            },
            None => Vec::new(),
        },
        Err(guesses) => guesses,
    };
    not_found(core, lang, kind, input, &guesses, unknown)
}
