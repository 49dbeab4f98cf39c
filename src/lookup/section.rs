//! `/section number`: one section of the third version (preface, I–XV, epilogue) with its
//! summary, where the second version differs, its concepts and quotes, and paging.

use crate::cards::{footer, not_found, whole_lines};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Pack, Section};
use crate::reply::Reply;
use crate::search::{Kind, roman};
use crate::text::normalize;

/// Finds a section from "III", "x", "3", "section 3", "epilogue", "nachwort", "pendahuluan", …
pub fn lookup<'a>(
    core: &'a Core,
    input: &str,
) -> Result<(&'a Pack, &'a Section), Vec<crate::search::Hit>> {
    let folded = normalize(input);
    let stripped = ["section", "sect", "bagian", "abschnitt", "bab", "sec"]
        .iter()
        .find_map(|p| folded.strip_prefix(p).map(str::trim))
        .unwrap_or(&folded)
        .to_string();
    let stripped = stripped.trim_start_matches('§').trim();
    let by_number = stripped
        .parse::<u8>()
        .ok()
        .or_else(|| (1..=15).find(|&n| roman(n).eq_ignore_ascii_case(stripped)));
    if let Some(n) = by_number {
        for pack in &core.library.packs {
            if let Some(s) = pack.sections.iter().find(|s| s.number == Some(n)) {
                return Ok((pack, s));
            }
        }
    }
    let hit = core.index.resolve(Kind::Section, input)?;
    core.library
        .pack(&hit.pack)
        .and_then(|p| p.section(&hit.id).map(|s| (p, s)))
        .ok_or_else(Vec::new)
}

pub fn answer(core: &Core, lang: Lang, input: &str) -> Reply {
    match lookup(core, input) {
        Ok((pack, s)) => card(pack, s, lang),
        Err(guesses) => not_found(
            core,
            lang,
            Kind::Section,
            input,
            &guesses,
            "error-unknown-section",
        ),
    }
}

fn card(pack: &Pack, s: &Section, lang: Lang) -> Reply {
    let label = s.label.get(lang).to_string();
    let mut reply = Reply {
        about: Some(format!("section:{}:{}", pack.id, s.id)),
        title: Some(tr(
            lang,
            if s.number.is_some() {
                "section-title"
            } else {
                "section-title-part"
            },
            &[("label", &label), ("title", &s.title.get(lang).to_string())],
        )),
        text: s.summary.get(lang).to_string(),
        footer: Some(format!(
            "{} · {}",
            footer(pack, lang),
            t(lang, "section-footer")
        )),
        ..Reply::default()
    };
    if let Some(v2) = &s.v2 {
        reply = reply.field(t(lang, "heading-second-version"), v2.get(lang));
    }
    let quotes: Vec<String> = pack
        .quotable()
        .filter(|q| {
            q.section.as_deref() == Some(s.id.as_str()) && q.version.as_deref() == Some("v3")
        })
        .map(|q| {
            let mark = if q.footnote {
                format!(" ({})", t(lang, "label-footnote"))
            } else {
                String::new()
            };
            format!("> {}{mark}", crate::text::quoted(q.text.get(lang)))
        })
        .collect();
    // Whole quotations only: a second field takes what does not fit the first.
    for (name, value) in whole_lines(&t(lang, "heading-quotes-here"), &quotes, 3) {
        reply = reply.field(name, value);
    }
    if let Some(notes) = &s.footnotes {
        reply = reply.field(t(lang, "heading-footnotes"), notes.get(lang));
    }
    let position = pack.sections.iter().position(|x| x.id == s.id).unwrap_or(0);
    if let Some(prev) = position.checked_sub(1).and_then(|i| pack.sections.get(i)) {
        reply = reply.button(
            CustomId::Section {
                pack: pack.id.clone(),
                id: prev.id.clone(),
            },
            format!("◀ {}", prev.label.get(lang)),
        );
    }
    if let Some(next) = pack.sections.get(position + 1) {
        reply = reply.button(
            CustomId::Section {
                pack: pack.id.clone(),
                id: next.id.clone(),
            },
            format!("{} ▶", next.label.get(lang)),
        );
    }
    reply.select = crate::cards::concept_menu(
        pack,
        s.concepts.iter().filter_map(|c| pack.concept(c)),
        lang,
        format!("{}:section-{}", pack.id, s.id),
        "select-concepts",
    );
    reply
}
