//! `/search query`: everything in the pack that matches, ranked, with a menu to open each.

use super::not_found;
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
    }
}

pub fn answer(core: &Core, lang: Lang, query: &str) -> Reply {
    let hits = core.index.search(query, &Kind::ALL, SHOWN);
    if hits.is_empty() {
        return not_found(core, lang, Kind::Concept, query, &[], "error-no-results");
    }
    let mut lines = Vec::new();
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
            &[("query", &query.trim().to_string())],
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
