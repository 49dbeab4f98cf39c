//! `/search query`: everything in the pack that matches, ranked, with a menu to open each.

use crate::cards::not_found;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::Lang;
use crate::reply::{Reply, Select, SelectOption};
use crate::search::Kind;
use crate::text::truncate;

const SHOWN: usize = 10;

fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Concept => "concept",
        Kind::Quote => "quote",
        Kind::Motion => "motion",
        Kind::Section => "section",
        Kind::Thinker => "thinker",
        Kind::Page => "page",
        Kind::Myth => "myth",
    }
}

/// The most results `/search` pages through.
const MOST: usize = 50;

pub fn answer(core: &Core, lang: Lang, query: &str) -> Reply {
    page(core, lang, query, 0)
}

/// One page of the results for `query` (`page` 0: the first), saying how many there are, with
/// buttons to the pages before and after it when the query fits in a button's id.
pub fn page(core: &Core, lang: Lang, query: &str, page: u32) -> Reply {
    let all = core.index.search(query, &Kind::ALL, MOST);
    let near = near_miss(core, query);
    if all.is_empty() {
        return not_found(core, lang, Kind::Concept, query, &near, "error-no-results");
    }
    let pages = all.len().div_ceil(SHOWN);
    let page = (page as usize).min(pages - 1);
    let first = page * SHOWN;
    let hits = &all[first..(first + SHOWN).min(all.len())];
    let mut lines = Vec::new();
    if let Some(guess) = near.first()
        && let Some(name) = core
            .index
            .label(Kind::Concept, &guess.pack, &guess.id, lang)
    {
        lines.push(tr(lang, "search-did-you-mean", &[("name", &name)]));
    }
    let mut options = Vec::new();
    for (i, h) in hits.iter().enumerate() {
        let label = core
            .index
            .label(h.kind, &h.pack, &h.id, lang)
            .unwrap_or_default();
        let kind = t(lang, &format!("kind-{}", kind_code(h.kind)));
        lines.push(format!(
            "{}. **{kind}** · {}",
            first + i + 1,
            truncate(&label, 160)
        ));
        options.push(SelectOption {
            label: truncate(&label, 100),
            value: format!("{}:{}:{}", kind_code(h.kind), h.pack, h.id),
            description: Some(kind),
        });
    }
    let footer = if pages > 1 {
        tr(
            lang,
            "search-footer-paged",
            &[
                ("page", &(page + 1)),
                ("pages", &pages),
                ("count", &all.len()),
            ],
        )
    } else {
        tr(lang, "search-footer", &[("count", &all.len())])
    };
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "search-title",
            &[("query", &crate::text::escape_markdown(query.trim()))],
        )),
        text: lines.join("\n"),
        footer: Some(footer),
        select: Some(Select {
            id: CustomId::Open {
                scope: "search".into(),
            },
            placeholder: t(lang, "select-open-result"),
            options,
        }),
        ..Reply::default()
    };
    let pages = (page as u32, pages as u32);
    let labels = ("button-page-previous", "button-page-next");
    crate::cards::page_buttons(&mut reply, pages, labels, lang, |to| {
        let id = CustomId::SearchPage {
            page: to,
            query: query.trim().to_string(),
        };
        // A query too long for a button's id (100 characters) gets no page buttons.
        (id.encode().chars().count() <= crate::render::limits::CUSTOM_ID).then_some(id)
    });
    reply
}

/// A concept whose name the query nearly spells ("kultwret", "estetisasi politk"): matched by
/// typo tolerance only, not exactly or by its start. Short queries only; a question is not a
/// misspelt name.
fn near_miss(core: &Core, query: &str) -> Vec<crate::search::Hit> {
    if query.split_whitespace().count() > 3 {
        return Vec::new();
    }
    let q = crate::text::normalize(query);
    // Every word of the query starts a word of the name: a prefix or a word, not a typo.
    let spelled = |label: &str| {
        let label = crate::text::normalize(label);
        let words: Vec<&str> = label.split(' ').collect();
        q.split(' ').all(|t| words.iter().any(|w| w.starts_with(t)))
    };
    core.index
        .search(query, &[Kind::Concept], 1)
        .into_iter()
        .filter(|h| (0.55..1.0).contains(&h.score))
        .filter(|h| {
            !Lang::ALL.into_iter().any(|l| {
                core.index
                    .label(Kind::Concept, &h.pack, &h.id, l)
                    .is_some_and(|label| spelled(&label))
            })
        })
        .collect()
}
