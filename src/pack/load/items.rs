//! The checks of the reference items, one function per pack file (the work, thinkers,
//! concepts, quotes), against what the whole pack defines ([`Known`]).

use super::*;
use crate::pack::check::At;

/// The work file: the work, versions, publications, sources and sections.
/// (`q_items`: the quotes, whose verified words a section's summary may quote.)
pub(super) fn work(
    c: &mut Checker,
    known: &Known<'_>,
    work: &Parsed<WorkFile>,
    q_items: &[Spanned<Quote>],
) {
    let w = &work.value;
    {
        let item = &w.work;
        let a = at(&work.src, item, &item.get_ref().id);
        let wk = item.get_ref();
        for (lang, name) in [
            ("en", &wk.title.en),
            ("id", &wk.title.id),
            ("de", &wk.title.de),
        ] {
            match name {
                Some(n) => c.string(&a, &format!("title.{lang}"), n, limits::EMBED_TITLE),
                None => c.push(
                    &a,
                    ProblemKind::MissingLanguage,
                    format!("`title` has no `{lang}` title"),
                ),
            }
        }
        c.reference(
            &a,
            "known.author",
            "thinker",
            &wk.author,
            &known.thinker_ids,
        );
        c.text(&a, "summary", &wk.summary, limits::EMBED_DESCRIPTION);
        c.text(&a, "structure", &wk.structure, limits::FIELD_VALUE);
    }
    for item in &w.version {
        let v = item.get_ref();
        let a = at(&work.src, item, &v.id);
        c.text(&a, "name", &v.name, limits::FIELD_NAME);
        c.text(&a, "date", &v.date, limits::FIELD_VALUE / 4);
        c.text(&a, "printed", &v.printed, limits::FIELD_VALUE / 2);
        if let Some(n) = &v.note {
            c.text(&a, "note", n, limits::FIELD_VALUE / 2);
        }
    }
    for item in &w.publication {
        let p = item.get_ref();
        let a = at(&work.src, item, &p.id);
        c.text(&a, "text", &p.text, limits::FIELD_VALUE / 4);
    }
    for item in &w.source {
        let s = item.get_ref();
        let a = at(&work.src, item, &s.id);
        c.text(&a, "title", &s.title, limits::FIELD_NAME);
        if let Some(short) = &s.short {
            c.text(&a, "short", short, 80);
        }
        c.references(&a, "authors", "thinker", &s.authors, &known.thinker_ids);
    }
    for item in &w.section {
        let s = item.get_ref();
        let a = at(&work.src, item, &s.id);
        c.text(&a, "label", &s.label, 20);
        c.text(&a, "title", &s.title, limits::EMBED_TITLE - 30);
        c.text(&a, "summary", &s.summary, limits::EMBED_DESCRIPTION);
        // A section's notes quote other versions and footnotes: a verified quote's words, or
        // a rendering labelled as Aura's own.
        if let Some(v2) = &s.v2 {
            c.text(&a, "v2", v2, limits::FIELD_VALUE);
            c.quotation(&a, "v2", v2, &known.all_quotes, &known.terms);
        }
        if let Some(f) = &s.footnotes {
            c.text(&a, "footnotes", f, limits::FIELD_VALUE);
            c.quotation(&a, "footnotes", f, &known.all_quotes, &known.terms);
        }
        let here: Vec<String> = q_items
            .iter()
            .map(Spanned::get_ref)
            .filter(|q| q.section.as_deref() == Some(s.id.as_str()))
            .filter_map(|q| known.quote_words.get(q.id.as_str()).cloned())
            .collect();
        c.quotation(&a, "summary", &s.summary, &here, &known.terms);
        for alias in &s.aliases {
            c.string(&a, "aliases", alias, limits::CHOICE_NAME);
        }
        c.references(&a, "concepts", "concept", &s.concepts, &known.concept_ids);
    }
}

/// Thinkers.
pub(super) fn thinkers(
    c: &mut Checker,
    known: &Known<'_>,
    t_src: &SourceFile,
    t_items: &[Spanned<Thinker>],
) {
    for item in t_items {
        let t = item.get_ref();
        let a = at(t_src, item, &t.id);
        c.string(&a, "name", &t.name, limits::EMBED_TITLE);
        c.string(&a, "lifespan", &t.lifespan, 40);
        c.text(&a, "role", &t.role, limits::FIELD_VALUE / 2);
        if let Some(e) = &t.essay {
            c.text(&a, "essay", e, limits::FIELD_VALUE / 2);
            c.quotation(&a, "essay", e, &known.all_quotes, &known.terms);
        }
        for (i, work) in t.works.iter().enumerate() {
            c.text(&a, &format!("works[{i}]"), work, 200);
        }
        c.references(&a, "sections", "section", &t.sections, &known.section_ids);
    }
}

/// Concepts.
pub(super) fn concepts(
    c: &mut Checker,
    known: &Known<'_>,
    c_src: &SourceFile,
    c_items: &[Spanned<Concept>],
) {
    for item in c_items {
        let k = item.get_ref();
        let a = at(c_src, item, &k.id);
        for (lang, name) in [("en", &k.name.en), ("id", &k.name.id), ("de", &k.name.de)] {
            match name {
                Some(n) => c.string(&a, &format!("name.{lang}"), n, limits::CHOICE_NAME),
                None => c.push(
                    &a,
                    ProblemKind::MissingLanguage,
                    format!("`name` has no `{lang}` name"),
                ),
            }
        }
        for alias in &k.aliases {
            c.string(&a, "aliases", alias, limits::CHOICE_NAME);
        }
        for term in &k.search_terms {
            c.string(&a, "search_terms", term, limits::CHOICE_NAME);
        }
        alternative_names(c, &a, k, c_items, known);
        c.reference(&a, "thinker", "thinker", &k.thinker, &known.thinker_ids);
        if let Some(co) = &k.coauthor {
            c.reference(&a, "coauthor", "thinker", co, &known.thinker_ids);
        }
        if let Some(src) = &k.work {
            c.reference(&a, "work", "source", src, &known.source_ids);
            c.co_written(
                &a,
                "the concept",
                src,
                &k.thinker,
                k.coauthor.as_deref(),
                &known.source_authors,
            );
        }
        for m in &k.misspellings {
            c.string(&a, "misspellings", m, limits::CHOICE_NAME);
        }
        if let Some(s) = &k.statement {
            c.text(&a, "statement", s, limits::FIELD_VALUE / 2);
        }
        let cited = known.backing(&mut k.quotes.iter().map(String::as_str));
        c.quotation(&a, "definition", &k.definition, &cited, &known.terms);
        if let Some(m) = &k.misconception {
            c.quotation(&a, "misconception", m, &cited, &known.terms);
        }
        c.text(&a, "gloss", &k.gloss, limits::SELECT_DESCRIPTION);
        c.text(&a, "definition", &k.definition, limits::EMBED_DESCRIPTION);
        if let Some(m) = &k.misconception {
            c.text(&a, "misconception", m, limits::FIELD_VALUE);
        }
        c.references(&a, "sections", "section", &k.sections, &known.section_ids);
        c.references(&a, "related", "concept", &k.related, &known.concept_ids);
        if k.related.iter().any(|r| r == &k.id) {
            c.push(
                &a,
                ProblemKind::UnknownReference,
                "`related` names the concept itself".into(),
            );
        }
        c.quote_refs(&a, "quotes", &k.quotes, &known.quote_verified);
    }
}

/// Quotes.
pub(super) fn quotes(
    c: &mut Checker,
    known: &Known<'_>,
    q_src: &SourceFile,
    q_items: &[Spanned<Quote>],
    versions: &[Spanned<Version>],
) {
    for item in q_items {
        let q = item.get_ref();
        let a = at(q_src, item, &q.id);
        c.reference(&a, "speaker", "thinker", &q.speaker, &known.thinker_ids);
        if let Some(co) = &q.coauthor {
            c.reference(&a, "coauthor", "thinker", co, &known.thinker_ids);
        }
        c.reference(&a, "work", "source", &q.work, &known.source_ids);
        // Cards put a quote in its marks (and a phrase quoted inside it in single ones): a
        // text wrapped whole in marks of its own would be shown doubled.
        for (lang, text) in q.text.sides() {
            let t = text.trim();
            let wrapped = (t.starts_with('“') && t.ends_with('”') && t.matches('”').count() == 1)
                || (t.starts_with('"') && t.ends_with('"') && t.matches('"').count() == 2);
            if wrapped {
                c.push(
                    &a,
                    ProblemKind::Quotation,
                    format!(
                        "`text.{}` is wrapped in quotation marks; write it without them (the card adds them)",
                        lang.code()
                    ),
                );
            }
        }
        if let Some(v) = &q.version {
            c.reference(&a, "version", "version", v, &known.version_ids);
            translated_version(c, &a, q, v, versions);
        }
        if let Some(s) = &q.section {
            c.reference(&a, "section", "section", s, &known.section_ids);
        }
        if q.section.is_none() && q.location.is_none() {
            c.push(
                &a,
                ProblemKind::Empty,
                "a quote needs a `section` (the essay) or a `location` (other texts)".into(),
            );
        }
        if let Some(l) = &q.location {
            c.text(&a, "location", l, 200);
        }
        c.text(&a, "text", &q.text, limits::QUOTE_TEXT);
        c.text(&a, "translation", &q.translation, 200);
        if let Some(de) = &q.de {
            c.string(&a, "de", de, limits::FIELD_VALUE);
        }
        if let Some(n) = &q.note {
            c.text(&a, "note", n, limits::FIELD_VALUE);
        }
        c.string(&a, "citation", &q.citation, 300);
        if q.status != "verified" && q.status != "unverified" {
            c.push(
                &a,
                ProblemKind::Unverified,
                format!(
                    "`status` is `{}`; write `verified` or `unverified`",
                    q.status
                ),
            );
        }
        c.references(&a, "concepts", "concept", &q.concepts, &known.concept_ids);
        c.co_written(
            &a,
            "the quote",
            &q.work,
            &q.speaker,
            q.coauthor.as_deref(),
            &known.source_authors,
        );
        let technisch =
            q.de.as_deref()
                .is_some_and(|de| de.contains("technischen Reproduzierbarkeit"));
        if technisch && q.text.side(Lang::Id).is_some_and(|t| t.contains("mekanis")) {
            c.push(
                &a,
                ProblemKind::Attribution,
                "the German says “technischen Reproduzierbarkeit”; the Indonesian must not say “mekanis” (that is Zohn's English)".into(),
            );
        }
    }
}

/// A card shows a concept's `aliases` as "also called": each must be a true other name, never
/// another concept's name or word (an opposite pole, a neighbouring concept) nor a person's
/// name. Those belong in `search_terms`, which search matches and the card never shows.
fn alternative_names(
    c: &mut Checker,
    a: &At<'_>,
    k: &Concept,
    all: &[Spanned<Concept>],
    known: &Known<'_>,
) {
    for alias in &k.aliases {
        let folded = normalize(alias);
        let other = all.iter().map(Spanned::get_ref).find(|o| {
            o.id != k.id
                && o.name
                    .all()
                    .chain(o.aliases.iter().map(String::as_str))
                    .chain(o.search_terms.iter().map(String::as_str))
                    .any(|n| normalize(n) == folded)
        });
        if let Some(o) = other {
            c.push(
                a,
                ProblemKind::AlternativeName,
                format!(
                    "`aliases` shows “{alias}” as another name of the concept, but it names \
                     concept `{}`: move it to `search_terms`",
                    o.id
                ),
            );
        } else if known.last_names.iter().any(|(n, _)| normalize(n) == folded) {
            c.push(
                a,
                ProblemKind::AlternativeName,
                format!(
                    "`aliases` shows “{alias}”, a person, as another name of the concept: \
                     move it to `search_terms`"
                ),
            );
        }
    }
}

/// A quote's version and its English credit must agree: a credit to a published translation
/// names one of the version's (`english` in `[[version]]`), whose title the card shows, and
/// never a translation of another version (Zohn's *Illuminations* is the third version;
/// *Selected Writings* 3 the second).
fn translated_version(
    c: &mut Checker,
    a: &At<'_>,
    q: &Quote,
    version: &str,
    versions: &[Spanned<Version>],
) {
    let credit = q.translation.get(Lang::En);
    let Some(own) = versions
        .iter()
        .map(Spanned::get_ref)
        .find(|v| v.id == version)
    else {
        return;
    };
    if own_translation(credit) || own.english.iter().any(|t| t.credited_in(credit)) {
        return;
    }
    let other = versions
        .iter()
        .map(Spanned::get_ref)
        .find(|v| v.english.iter().any(|t| t.credited_in(credit)));
    let message = match other {
        Some(o) => format!(
            "`translation.en` “{credit}” is a translation of version `{}`, but the quote is of \
             version `{version}`: its title and text would not agree",
            o.id
        ),
        None if versions.iter().any(|v| !v.get_ref().english.is_empty()) => format!(
            "`translation.en` “{credit}” names no English translation of version `{version}` \
             (list it in that version's `english`, with its title, or credit Aura's own)"
        ),
        None => return,
    };
    c.push(a, ProblemKind::Attribution, message);
}
