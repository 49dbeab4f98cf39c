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

pub fn answer(core: &Core, lang: Lang, query: &str) -> Reply {
    let hits = core.index.search(query, &Kind::ALL, SHOWN);
    let near = near_miss(core, query);
    if hits.is_empty() {
        return not_found(core, lang, Kind::Concept, query, &near, "error-no-results");
    }
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
        lines.push(format!("{}. **{kind}** · {}", i + 1, truncate(&label, 160)));
        options.push(SelectOption {
            label: truncate(&label, 100),
            value: format!("{}:{}:{}", kind_code(h.kind), h.pack, h.id),
            description: Some(kind),
        });
    }
    Reply {
        title: Some(tr(
            lang,
            "search-title",
            &[("query", &crate::text::escape_markdown(query.trim()))],
        )),
        text: lines.join("\n"),
        footer: Some(tr(lang, "search-footer", &[("count", &hits.len())])),
        select: Some(Select {
            id: CustomId::Open {
                scope: "search".into(),
            },
            placeholder: t(lang, "select-open-result"),
            options,
        }),
        ..Reply::default()
    }
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
