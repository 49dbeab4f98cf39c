//! What Aura answers to each command and button, as plain [`Reply`] values: one module per
//! command group. Errors a member causes become polite, localized, ephemeral notices here.

pub mod catalog;
mod concept;
pub mod daily;
pub mod debate;
mod essay;
mod help;
mod input;
mod letter;
pub mod quiz;
mod quote;
mod search;
mod section;
mod thinker;

use rand::{Rng, SeedableRng};

use crate::core::Core;
use crate::i18n::tr;
use crate::interaction::CustomId;
use crate::pack::{Lang, Pack};
use crate::reply::Reply;
use crate::search::{Hit, Kind};
pub use input::{OPTION_MAX, ParseError, Request, name_in, option_in, parse, path_in, too_long};

/// Answers a command.
pub fn answer(core: &Core, lang: Lang, req: &Request, rng: &mut impl Rng) -> Reply {
    let options = req.options.iter().map(|(n, v)| (*n, v.as_str()));
    let path = match req.group {
        Some(group) => format!("{} {}", group.name, req.command.name),
        None => req.command.name.to_string(),
    };
    if let Some(notice) = too_long(lang, &path, options) {
        return notice;
    }
    if let Some(group) = req.group {
        return match (group.name, req.command.name) {
            ("quiz", "start") => quiz::preview(core, lang, req, rng.r#gen()),
            ("quiz", "assign") => quiz::homework::preview(core, lang, req, rng.r#gen()),
            ("quiz", "info") => quiz::info(core, lang),
            // No database behind a preview: a sample class answers.
            ("quiz", "leaderboard") => quiz::sample::leaderboard(
                lang,
                req.get("period")
                    .and_then(crate::quiz::Period::parse)
                    .unwrap_or(crate::quiz::Period::All),
                req.get("sort")
                    .and_then(crate::quiz::Sort::parse)
                    .unwrap_or_default(),
            ),
            ("quiz", "reveal") => quiz::sample::reveal(core, lang, rng.r#gen()),
            ("quiz", "practice") => crate::quiz::practice::preview(core, lang, req.get("topic")),
            ("quiz", "insights") => quiz::preview_insights(core, lang),
            ("daily", "preview") => daily::preview_request(core, lang, req, rng),
            ("debate", "start") => debate::preview_start(core, lang, req, rng),
            ("debate", "summary") => debate::preview_summary(core, lang, req),
            _ => Reply::notice(tr(
                lang,
                "error-server-only",
                &[(
                    "command",
                    &path_in(&format!("{} {}", group.name, req.command.name), lang),
                )],
            )),
        };
    }
    match req.command.name {
        "quote" => quote::answer(core, lang, req.get("topic"), req.get("speaker"), rng),
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
        _ => help::answer(lang),
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
        CustomId::Motion { pack, id } => debate::answer(core, lang, Some(&key(pack, id)), rng),
        CustomId::MotionMore { .. } => debate::answer(core, lang, None, rng),
        CustomId::Thinker { pack, id } => thinker::answer(core, lang, &key(pack, id)),
        CustomId::Letter { pack } => letter::answer(core, lang, Some(pack)),
        CustomId::Essay { .. } => essay::answer(core, lang),
        // Menus carry the chosen item in their value: `kind:pack:id`.
        CustomId::Open { .. } => {
            let (kind, item) = value?.split_once(':')?;
            match kind {
                "concept" => concept::answer(core, lang, item),
                "section" => section::answer(core, lang, item),
                "motion" => debate::answer(core, lang, Some(item), rng),
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

/// A lookup command's reply for the member who asked: a public reply gets their delete
/// button.
pub fn for_member(core: &Core, lang: Lang, user: u64, req: &Request) -> Reply {
    let mut rng = rand::rngs::StdRng::from_entropy();
    let mut reply = answer(core, lang, req, &mut rng);
    if !reply.ephemeral {
        reply.buttons.push(delete_button(lang, user));
    }
    reply
}

/// The button that lets the member who asked, and only them, delete a public reply.
pub fn delete_button(lang: Lang, user: u64) -> crate::reply::Button {
    crate::reply::Button {
        id: CustomId::Delete { owner: user },
        label: crate::i18n::t(lang, "button-delete"),
        style: crate::reply::ButtonStyle::Danger,
    }
}

/// A menu of concepts that opens the chosen one's card (`scope` keeps the menus of one message
/// apart); `None` when there are none.
fn concept_menu<'a>(
    pack: &Pack,
    concepts: impl Iterator<Item = &'a crate::pack::Concept>,
    lang: Lang,
    scope: String,
    placeholder: &str,
) -> Option<crate::reply::Select> {
    let options: Vec<crate::reply::SelectOption> = concepts
        .map(|c| crate::reply::SelectOption {
            label: c.name.get(lang).to_string(),
            value: format!("concept:{}:{}", pack.id, c.id),
            description: Some(c.gloss.get(lang).to_string()),
        })
        .collect();
    (!options.is_empty()).then(|| crate::reply::Select {
        id: CustomId::Open { scope },
        placeholder: crate::i18n::t(lang, placeholder),
        options,
    })
}

/// The button that opens a section's card.
fn section_button(pack: &Pack, section: &crate::pack::Section, lang: Lang) -> (CustomId, String) {
    let id = CustomId::Section {
        pack: pack.id.clone(),
        id: section.id.clone(),
    };
    let label = section.label.get(lang).to_string();
    (id, tr(lang, "button-open-section", &[("label", &label)]))
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

/// Whole lines packed into fields of at most 1024 characters: never a line cut in two. At most
/// `max_fields` fields; what does not fit is counted at the end ("+2 …").
pub(crate) fn whole_lines(
    name: &str,
    lines: &[String],
    max_fields: usize,
) -> Vec<(String, String)> {
    use crate::render::limits::FIELD_VALUE;
    use crate::text::{chars, truncate};
    let room = FIELD_VALUE - 16;
    let mut fields: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut left = 0;
    for (i, line) in lines.iter().enumerate() {
        let line = truncate(line, room);
        if !current.is_empty() && chars(&current) + 1 + chars(&line) > room {
            fields.push(std::mem::take(&mut current));
            if fields.len() == max_fields {
                left = lines.len() - i;
                break;
            }
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() && fields.len() < max_fields.max(1) {
        fields.push(current);
    }
    if left > 0
        && let Some(last) = fields.last_mut()
    {
        last.push_str(&format!("\n+{left} …"));
    }
    fields
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let n = if i == 0 {
                name.to_string()
            } else {
                format!("{name} ({})", i + 1)
            };
            (n, v)
        })
        .collect()
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

/// "I don't know X. Did you mean: A, B?" as an ephemeral notice.
fn not_found(
    core: &Core,
    lang: Lang,
    kind: Kind,
    input: &str,
    guesses: &[Hit],
    key: &str,
) -> Reply {
    let mut text = tr(lang, key, &[("input", &input.trim().to_string())]);
    let names: Vec<String> = guesses
        .iter()
        .filter_map(|h| core.index.label(kind, &h.pack, &h.id, lang))
        .map(|l| format!("**{}**", crate::text::truncate(&l, 80)))
        .collect();
    if !names.is_empty() {
        text.push('\n');
        text.push_str(&tr(
            lang,
            "did-you-mean",
            &[("suggestions", &names.join(", "))],
        ));
    }
    Reply::notice(text)
}

/// Where a quote stands: its section (or footnote), or its place in a text without sections.
fn quote_place(pack: &Pack, q: &crate::pack::Quote, lang: Lang) -> String {
    q.section
        .as_deref()
        .map(|s| section_ref(pack, lang, s, q.footnote))
        .or_else(|| q.location.as_ref().map(|l| l.get(lang).to_string()))
        .unwrap_or_default()
}

/// The notice for an option value Aura cannot use: which option, what was given, what works.
pub fn bad_option(lang: Lang, option: &str, value: &str, allowed: &str) -> Reply {
    Reply::notice(tr(
        lang,
        "quiz-bad-option",
        &[
            ("option", &option.to_string()),
            ("value", &crate::text::truncate(value.trim(), 50)),
            ("allowed", &allowed.to_string()),
        ],
    ))
}

/// Where to read for a quiz question, in words: "section V", "Adorno's letter to Benjamin, London,
/// 18 March 1936", or "the essay's versions and publication history (/essay)".
pub fn place_text(pack: &Pack, place: crate::pack::Place<'_>, lang: Lang) -> String {
    use crate::pack::Place;
    match place {
        Place::Section(s) => section_ref(pack, lang, s, false),
        Place::Source(s) => pack
            .source(s)
            .map(|x| x.title.get(lang).to_string())
            .unwrap_or_else(|| s.to_string()),
        Place::History => tr(
            lang,
            "place-history",
            &[(
                "essay",
                &format!(
                    "/{}",
                    name_in(
                        catalog::command("essay").unwrap_or(&catalog::COMMANDS[0]),
                        lang
                    )
                ),
            )],
        ),
    }
}

/// The localized footer line naming the pack's work.
fn footer(pack: &Pack, lang: Lang) -> String {
    tr(
        lang,
        "footer-pack",
        &[("work", &pack.work.title.get(lang).to_string())],
    )
}

/// "Section X" or "footnote to section X" in the member's language.
fn section_ref(pack: &Pack, lang: Lang, section: &str, footnote: bool) -> String {
    let label = pack
        .section(section)
        .map(|s| s.label.get(lang).to_string())
        .unwrap_or_else(|| section.to_string());
    let key = if footnote {
        "ref-footnote"
    } else {
        "ref-section"
    };
    tr(lang, key, &[("label", &label)])
}

#[cfg(test)]
mod tests;
