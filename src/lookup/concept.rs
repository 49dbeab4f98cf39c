//! `/concept name`: a concept card with its names, definition, sections, related concepts,
//! a key quote and the common misconception, with navigation to each.

use crate::cards::{footer, quote_place};
use crate::core::Core;
use crate::i18n::t;
use crate::interaction::CustomId;
use crate::pack::{Concept, Lang, Pack};
use crate::reply::{Accent, Reply};
use crate::search::Kind;

/// The concept `input` names; otherwise what matches it (concepts, sections, quotes…, with a
/// "did you mean" for a name it nearly spells), as `/search` shows it, under a line saying no
/// concept has that name; with nothing matching, "I don't know a concept called…".
pub fn answer(core: &Core, lang: Lang, input: &str) -> Reply {
    let named = core
        .index
        .resolve(Kind::Concept, input)
        .ok()
        .and_then(|hit| {
            let pack = core.library.pack(&hit.pack)?;
            Some((pack, pack.concept(&hit.id)?))
        });
    if let Some((pack, c)) = named {
        return card(pack, c, lang);
    }
    let found = super::search::answer(core, lang, input);
    if found.ephemeral {
        return super::lookup_card(
            core,
            lang,
            Kind::Concept,
            input,
            "error-unknown-concept",
            |pack, id| pack.concept(id),
            card,
        );
    }
    let lead = crate::i18n::tr(
        lang,
        "concept-unknown-searched",
        &[("input", &crate::text::escape_markdown(input.trim()))],
    );
    Reply {
        text: format!("{lead}\n\n{}", found.text),
        ..found
    }
}

fn card(pack: &Pack, c: &Concept, lang: Lang) -> Reply {
    // Whose concept, and from which text when it is not the essay: "Culture industry · Max
    // Horkheimer & Theodor W. Adorno, Dialectic of Enlightenment".
    let mut thinker = pack.concept_authors(c);
    if let Some(work) = &c.work {
        thinker.push_str(&format!(", {}", pack.source_short(work, lang)));
    }
    let accent = if c.thinker == "benjamin" {
        Accent::Benjamin
    } else {
        Accent::Adorno
    };
    let mut reply = Reply {
        about: Some(format!("concept:{}:{}", pack.id, c.id)),
        title: Some(format!("{} · {}", c.name.get(lang), thinker)),
        text: c.definition.get(lang).to_string(),
        footer: Some(footer(pack, lang)),
        accent,
        ..Reply::default()
    }
    .field(t(lang, "heading-names"), names(c, lang).join("\n"));
    if !c.sections.is_empty() {
        let sections = super::section_lines(pack, &c.sections, lang);
        reply = reply.field(t(lang, "heading-sections"), sections.join("\n"));
    }
    reply = key_quote(reply, pack, c, lang);
    let mut myths: Vec<String> = c
        .misconception
        .iter()
        .map(|m| m.get(lang).to_string())
        .collect();
    myths.extend(super::myths(pack, lang, |m| m.concepts.contains(&c.id)));
    for (name, value) in crate::cards::whole_lines(&t(lang, "heading-misconception"), &myths, 2) {
        reply = reply.field(name, value);
    }
    if let Some(s) = c.sections.first().and_then(|s| pack.section(s)) {
        let (id, label) = crate::cards::section_button(pack, s, lang);
        reply = reply.button(id, label);
    }
    let topic = c.id.as_str();
    reply = reply.button(
        CustomId::QuoteMore {
            pack: pack.id.clone(),
            topic: Some(topic.to_string()),
            speaker: None,
        },
        t(lang, "button-quote-on-topic"),
    );
    let related = c.related.iter().filter_map(|r| pack.concept(r));
    let menu = format!("{}:{}", pack.id, c.id);
    reply.select = crate::cards::concept_menu(pack, related, lang, menu, "select-related");
    reply
}

/// Its names in Indonesian, English and German, and its aliases.
fn names(c: &Concept, lang: Lang) -> Vec<String> {
    let mut names = vec![
        format!("🇮🇩 {}", c.name.id.as_deref().unwrap_or("")),
        format!("🇬🇧 {}", c.name.en.as_deref().unwrap_or("")),
        format!("🇩🇪 *{}*", c.name.de.as_deref().unwrap_or("")),
    ];
    if !c.aliases.is_empty() {
        names.push(format!(
            "{}: {}",
            t(lang, "label-aliases"),
            c.aliases.join(", ")
        ));
    }
    names
}

/// Its first verified quote, with the button that shows it whole.
fn key_quote(reply: Reply, pack: &Pack, c: &Concept, lang: Lang) -> Reply {
    let Some(q) = c
        .quotes
        .iter()
        .filter_map(|q| pack.quote(q))
        .find(|q| q.is_verified())
    else {
        return reply;
    };
    let place = quote_place(pack, q, lang);
    reply
        .field(
            t(lang, "heading-key-quote"),
            format!(
                "{}\n— {}, {place}",
                crate::text::quoted(q.text.get(lang)),
                pack.speaker_name(q)
            ),
        )
        .button(
            CustomId::Quote {
                pack: pack.id.clone(),
                id: q.id.clone(),
                german: false,
            },
            t(lang, "button-show-quote"),
        )
}
