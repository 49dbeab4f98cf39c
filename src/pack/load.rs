//! Reads pack folders from disk and validates them, collecting every problem before giving up.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;

use super::check::{Checker, at, text_all};
use super::generate;
use super::model::*;
use super::problem::{Problem, ProblemKind, Report, SourceFile};
use super::rules;
use super::{Difficulty, HISTORY, Library, Pack, QuizQuestion};
use crate::render::limits;
use crate::text::normalize;

/// The files a pack folder may hold; only `work.toml` is required.
pub const FILES: [&str; 7] = [
    "work.toml",
    "thinkers.toml",
    "concepts.toml",
    "quotes.toml",
    "motions.toml",
    "quiz.toml",
    "prompts.toml",
];

/// Loads every pack folder (a folder holding `work.toml`) under `dir`.
pub fn load(dir: &Path) -> Result<Library, Report> {
    let mut problems = Vec::new();
    let mut packs = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return Err(Report {
                problems: vec![file_problem(
                    dir,
                    format!("cannot read the data folder: {e}"),
                )],
            });
        }
    };
    let mut folders: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    for folder in folders {
        match load_pack(&folder) {
            Ok(pack) => packs.push(pack),
            Err(report) => problems.extend(report.problems),
        }
    }
    if packs.is_empty() && problems.is_empty() {
        problems.push(file_problem(
            dir,
            "no pack found: expected folders such as data/benjamin/ holding work.toml".into(),
        ));
    }
    if problems.is_empty() {
        Ok(Library { packs })
    } else {
        Err(Report { problems })
    }
}

fn file_problem(path: &Path, message: String) -> Problem {
    Problem {
        file: path.to_path_buf(),
        line: 0,
        column: 0,
        item: None,
        kind: ProblemKind::Io,
        message,
    }
}

/// A parsed file with its source, so that items can be located.
struct Parsed<T> {
    src: SourceFile,
    value: T,
}

fn parse<T: DeserializeOwned>(
    dir: &Path,
    name: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Option<Parsed<T>> {
    let path = dir.join(name);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
        Err(e) => {
            problems.push(file_problem(&path, format!("cannot read: {e}")));
            return None;
        }
    };
    let src = SourceFile::new(&path, text);
    // Parse as a plain TOML document first, so syntax errors and schema errors are told apart.
    if let Err(e) = src.text.parse::<toml::Table>() {
        problems.push(toml_problem(&src, &e, ProblemKind::Toml));
        return None;
    }
    match toml::from_str::<T>(&src.text) {
        Ok(value) => Some(Parsed { src, value }),
        Err(e) => {
            problems.push(toml_problem(&src, &e, ProblemKind::Schema));
            None
        }
    }
}

fn toml_problem(src: &SourceFile, e: &toml::de::Error, kind: ProblemKind) -> Problem {
    let (line, column) = e.span().map(|s| src.position(s.start)).unwrap_or((0, 0));
    // Name the item the error sits in when the span falls inside one (`id = "..."` above it).
    let item = e.span().and_then(|s| enclosing_id(&src.text, s.start));
    Problem {
        file: src.path.clone(),
        line,
        column,
        item,
        kind,
        message: e.message().trim().to_string(),
    }
}

/// The `id = "…"` of the table that encloses a byte offset, found by scanning back to its header.
fn enclosing_id(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let header = before
        .rfind("\n[")
        .or_else(|| before.starts_with('[').then_some(0))?;
    let after = text.get(header..)?;
    after.lines().skip(1).take(40).find_map(|l| {
        let l = l.trim();
        let rest = l.strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
        Some(rest.trim_matches('"').to_string())
    })
}

/// Loads and validates one pack folder.
pub fn load_pack(dir: &Path) -> Result<Pack, Report> {
    let pack_id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut problems = Vec::new();
    let work: Option<Parsed<WorkFile>> = parse(dir, "work.toml", true, &mut problems);
    let thinkers: Option<Parsed<ThinkersFile>> = parse(dir, "thinkers.toml", false, &mut problems);
    let concepts: Option<Parsed<ConceptsFile>> = parse(dir, "concepts.toml", false, &mut problems);
    let quotes: Option<Parsed<QuotesFile>> = parse(dir, "quotes.toml", false, &mut problems);
    let motions: Option<Parsed<MotionsFile>> = parse(dir, "motions.toml", false, &mut problems);
    let quiz: Option<Parsed<QuizFile>> = parse(dir, "quiz.toml", false, &mut problems);
    let prompts: Option<Parsed<PromptsFile>> = parse(dir, "prompts.toml", false, &mut problems);

    // Without the work file nothing else can be checked against the section map.
    let Some(work) = work else {
        return Err(Report { problems });
    };
    let empty = SourceFile::new(&dir.join("-"), String::new());
    let mut c = Checker { problems };

    // --- ids -----------------------------------------------------------------------------
    let w = &work.value;
    let section_ids = c.ids(&work.src, "section", &w.section, |s| &s.id);
    let version_ids = c.ids(&work.src, "version", &w.version, |s| &s.id);
    let source_ids = c.ids(&work.src, "source", &w.source, |s| &s.id);
    c.ids(&work.src, "publication", &w.publication, |s| &s.id);
    let (t_src, t_items) = split(&thinkers, &empty, |f: &ThinkersFile| &f.thinker);
    let thinker_ids = c.ids(t_src, "thinker", t_items, |t| &t.id);
    let (c_src, c_items) = split(&concepts, &empty, |f: &ConceptsFile| &f.concept);
    let concept_ids = c.ids(c_src, "concept", c_items, |t| &t.id);
    let (q_src, q_items) = split(&quotes, &empty, |f: &QuotesFile| &f.quote);
    c.ids(q_src, "quote", q_items, |t| &t.id);
    let (m_src, m_items) = split(&motions, &empty, |f: &MotionsFile| &f.motion);
    c.ids(m_src, "motion", m_items, |t| &t.id);
    let (z_src, z_items) = split(&quiz, &empty, |f: &QuizFile| &f.question);
    c.ids(z_src, "question", z_items, |t| &t.id);
    let (p_src, p_items) = split(&prompts, &empty, |f: &PromptsFile| &f.prompt);
    c.ids(p_src, "prompt", p_items, |t| &t.id);
    let quote_verified: HashMap<&str, bool> = q_items
        .iter()
        .map(|q| (q.get_ref().id.as_str(), q.get_ref().is_verified()))
        .collect();
    c.ids(&work.src, "misconception", &w.misconception, |m| &m.id);
    if let Some(item) = w.source.iter().find(|s| s.get_ref().id == HISTORY) {
        let a = at(&work.src, item, HISTORY);
        c.push(
            &a,
            ProblemKind::DuplicateId,
            format!("source id `{HISTORY}` is reserved for the publication history"),
        );
    }
    // What quotation marks may hold: the words of verified quotes (and their notes), folded.
    let quote_words: HashMap<&str, String> = q_items
        .iter()
        .map(Spanned::get_ref)
        .filter(|q| q.is_verified())
        .map(|q| {
            let mut all = text_all(&q.text);
            all.push(' ');
            all.push_str(q.de.as_deref().unwrap_or(""));
            if let Some(n) = &q.note {
                all.push(' ');
                all.push_str(&text_all(n));
            }
            (q.id.as_str(), normalize(&all))
        })
        .collect();
    let backing = |ids: &mut dyn Iterator<Item = &str>| -> Vec<String> {
        ids.filter_map(|id| quote_words.get(id).cloned()).collect()
    };
    let all_quotes: Vec<String> = quote_words.values().cloned().collect();
    // … or a name: concepts, titles of texts and works, section titles.
    let mut terms: Vec<String> = Vec::new();
    for k in c_items.iter().map(Spanned::get_ref) {
        terms.extend(k.name.all().map(normalize));
        terms.extend(k.aliases.iter().map(|a| normalize(a)));
    }
    for s in w.source.iter().map(Spanned::get_ref) {
        terms.extend(s.title.sides().map(|(_, t)| normalize(t)));
    }
    for s in w.section.iter().map(Spanned::get_ref) {
        terms.extend(s.title.sides().map(|(_, t)| normalize(t)));
    }
    for t in t_items.iter().map(Spanned::get_ref) {
        for work in &t.works {
            terms.extend(work.sides().map(|(_, t)| normalize(t)));
        }
    }
    terms.extend(w.work.get_ref().title.all().map(normalize));
    // Last names, for attributions in prompt angles.
    let last_names: Vec<(String, &str)> = t_items
        .iter()
        .map(Spanned::get_ref)
        .filter_map(|t| {
            let last = t.name.split_whitespace().last()?;
            Some((normalize(last), t.id.as_str()))
        })
        .collect();
    let quote_speakers: HashMap<&str, Vec<&str>> = q_items
        .iter()
        .map(Spanned::get_ref)
        .map(|q| {
            let mut who = vec![q.speaker.as_str()];
            who.extend(q.coauthor.as_deref());
            (q.id.as_str(), who)
        })
        .collect();
    let source_authors: HashMap<&str, &[String]> = w
        .source
        .iter()
        .map(Spanned::get_ref)
        .map(|s| (s.id.as_str(), s.authors.as_slice()))
        .collect();
    let author = w.work.get_ref().author.as_str();

    // --- the work --------------------------------------------------------------------------
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
        c.reference(&a, "author", "thinker", &wk.author, &thinker_ids);
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
        c.references(&a, "authors", "thinker", &s.authors, &thinker_ids);
    }
    for item in &w.section {
        let s = item.get_ref();
        let a = at(&work.src, item, &s.id);
        c.text(&a, "label", &s.label, 20);
        c.text(&a, "title", &s.title, limits::EMBED_TITLE - 30);
        c.text(&a, "summary", &s.summary, limits::EMBED_DESCRIPTION);
        if let Some(v2) = &s.v2 {
            c.text(&a, "v2", v2, limits::FIELD_VALUE);
        }
        if let Some(f) = &s.footnotes {
            c.text(&a, "footnotes", f, limits::FIELD_VALUE);
        }
        let here: Vec<String> = q_items
            .iter()
            .map(Spanned::get_ref)
            .filter(|q| q.section.as_deref() == Some(s.id.as_str()))
            .filter_map(|q| quote_words.get(q.id.as_str()).cloned())
            .collect();
        c.quotation(&a, "summary", &s.summary, &here, &terms);
        for alias in &s.aliases {
            c.string(&a, "aliases", alias, limits::CHOICE_NAME);
        }
        c.references(&a, "concepts", "concept", &s.concepts, &concept_ids);
    }

    // --- thinkers ------------------------------------------------------------------------
    for item in t_items {
        let t = item.get_ref();
        let a = at(t_src, item, &t.id);
        c.string(&a, "name", &t.name, limits::EMBED_TITLE);
        c.string(&a, "lifespan", &t.lifespan, 40);
        c.text(&a, "role", &t.role, limits::FIELD_VALUE / 2);
        if let Some(e) = &t.essay {
            c.text(&a, "essay", e, limits::FIELD_VALUE / 2);
            c.quotation(&a, "essay", e, &all_quotes, &terms);
        }
        for (i, work) in t.works.iter().enumerate() {
            c.text(&a, &format!("works[{i}]"), work, 200);
        }
        c.references(&a, "sections", "section", &t.sections, &section_ids);
    }

    // --- concepts ------------------------------------------------------------------------
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
        c.reference(&a, "thinker", "thinker", &k.thinker, &thinker_ids);
        if let Some(co) = &k.coauthor {
            c.reference(&a, "coauthor", "thinker", co, &thinker_ids);
        }
        if let Some(src) = &k.work {
            c.reference(&a, "work", "source", src, &source_ids);
            c.co_written(
                &a,
                "the concept",
                src,
                &k.thinker,
                k.coauthor.as_deref(),
                &source_authors,
            );
        }
        for m in &k.misspellings {
            c.string(&a, "misspellings", m, limits::CHOICE_NAME);
        }
        if let Some(s) = &k.statement {
            c.text(&a, "statement", s, limits::FIELD_VALUE / 2);
        }
        let cited = backing(&mut k.quotes.iter().map(String::as_str));
        c.quotation(&a, "definition", &k.definition, &cited, &terms);
        if let Some(m) = &k.misconception {
            c.quotation(&a, "misconception", m, &cited, &terms);
        }
        c.text(&a, "gloss", &k.gloss, limits::SELECT_DESCRIPTION);
        c.text(&a, "definition", &k.definition, limits::EMBED_DESCRIPTION);
        if let Some(m) = &k.misconception {
            c.text(&a, "misconception", m, limits::FIELD_VALUE);
        }
        c.references(&a, "sections", "section", &k.sections, &section_ids);
        c.references(&a, "related", "concept", &k.related, &concept_ids);
        if k.related.iter().any(|r| r == &k.id) {
            c.push(
                &a,
                ProblemKind::UnknownReference,
                "`related` names the concept itself".into(),
            );
        }
        c.quote_refs(&a, "quotes", &k.quotes, &quote_verified);
    }

    // --- quotes --------------------------------------------------------------------------
    for item in q_items {
        let q = item.get_ref();
        let a = at(q_src, item, &q.id);
        c.reference(&a, "speaker", "thinker", &q.speaker, &thinker_ids);
        if let Some(co) = &q.coauthor {
            c.reference(&a, "coauthor", "thinker", co, &thinker_ids);
        }
        c.reference(&a, "work", "source", &q.work, &source_ids);
        if let Some(v) = &q.version {
            c.reference(&a, "version", "version", v, &version_ids);
        }
        if let Some(s) = &q.section {
            c.reference(&a, "section", "section", s, &section_ids);
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
        c.references(&a, "concepts", "concept", &q.concepts, &concept_ids);
        c.co_written(
            &a,
            "the quote",
            &q.work,
            &q.speaker,
            q.coauthor.as_deref(),
            &source_authors,
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

    // --- motions -------------------------------------------------------------------------
    for item in m_items {
        let m = item.get_ref();
        let a = at(m_src, item, &m.id);
        c.text(&a, "motion", &m.motion, limits::EMBED_TITLE - 10);
        c.text(&a, "benjamin", &m.benjamin, limits::FIELD_VALUE);
        c.text(&a, "adorno", &m.adorno, limits::FIELD_VALUE);
        c.quote_refs(&a, "benjamin_quotes", &m.benjamin_quotes, &quote_verified);
        c.quote_refs(&a, "adorno_quotes", &m.adorno_quotes, &quote_verified);
        c.references(&a, "concepts", "concept", &m.concepts, &concept_ids);
        let cited = backing(
            &mut m
                .benjamin_quotes
                .iter()
                .chain(&m.adorno_quotes)
                .map(String::as_str),
        );
        c.quotation(&a, "benjamin", &m.benjamin, &cited, &terms);
        c.quotation(&a, "adorno", &m.adorno, &cited, &terms);
        if !(2..=3).contains(&m.questions.len()) {
            c.push(
                &a,
                ProblemKind::ChoiceCount,
                format!(
                    "a motion has 2–3 discussion questions, not {}",
                    m.questions.len()
                ),
            );
        }
        for (i, q) in m.questions.iter().enumerate() {
            c.text(
                &a,
                &format!("questions[{i}]"),
                q,
                limits::FIELD_VALUE / 3 - 10,
            );
        }
    }

    // --- quiz ----------------------------------------------------------------------------
    let mut questions = Vec::new();
    for item in z_items {
        let q = item.get_ref();
        let a = at(z_src, item, &q.id);
        let difficulty = Difficulty::parse(&q.difficulty);
        if difficulty.is_none() {
            c.push(
                &a,
                ProblemKind::UnknownDifficulty,
                format!(
                    "`difficulty` is `{}`; write easy, medium or hard",
                    q.difficulty
                ),
            );
        }
        c.text(&a, "prompt", &q.prompt, limits::QUIZ_PROMPT);
        c.text(&a, "explanation", &q.explanation, limits::FIELD_VALUE);
        if let Some(sec) = &q.section {
            c.reference(&a, "section", "section", sec, &section_ids);
        }
        if let Some(src) = &q.source {
            c.reference(&a, "source", "source", src, &source_ids);
        }
        let places = usize::from(q.section.is_some())
            + usize::from(q.source.is_some())
            + usize::from(q.history);
        if places == 0 {
            c.push(
                &a,
                ProblemKind::Empty,
                "a question cites a `section` of the essay, a `source`, or `history = true`".into(),
            );
        } else if places > 1 {
            c.push(
                &a,
                ProblemKind::QuizPlace,
                "a question has one place: a `section`, a `source` or `history = true`".into(),
            );
        }
        if let Some(sec) = &q.section {
            let marker = Lang::ALL.into_iter().find_map(|l| {
                rules::history_marker(
                    q.prompt.side(l).unwrap_or(""),
                    q.explanation.side(l).unwrap_or(""),
                )
            });
            if let Some(marker) = marker {
                c.push(
                    &a,
                    ProblemKind::QuizPlace,
                    format!(
                        "the question turns on a publication fact (“{marker}”), which section `{sec}` does not hold; give it `history = true` or a `source`"
                    ),
                );
            }
        }
        let cited = backing(&mut q.quote.iter().map(String::as_str));
        c.quotation(&a, "prompt", &q.prompt, &cited, &terms);
        c.quotation(&a, "explanation", &q.explanation, &cited, &terms);
        c.references(&a, "concepts", "concept", &q.concepts, &concept_ids);
        if let Some(quote) = &q.quote {
            c.quote_refs(&a, "quote", std::slice::from_ref(quote), &quote_verified);
        }
        match (q.choices.is_empty(), q.answer) {
            (true, None) => c.push(
                &a,
                ProblemKind::ChoiceCount,
                "a question needs `choices` (multiple choice) or `answer` (true/false)".into(),
            ),
            (false, Some(_)) => c.push(
                &a,
                ProblemKind::ChoiceCount,
                "a question has either `choices` or `answer`, not both".into(),
            ),
            _ => {}
        }
        if !q.choices.is_empty() {
            if !(2..=4).contains(&q.choices.len()) {
                c.push(
                    &a,
                    ProblemKind::ChoiceCount,
                    format!("a question has 2–4 choices, not {}", q.choices.len()),
                );
            }
            let correct = q.choices.iter().filter(|ch| ch.correct).count();
            if correct != 1 {
                c.push(
                    &a,
                    ProblemKind::CorrectAnswers,
                    format!("exactly one choice must be correct; {correct} are"),
                );
            }
            for (i, ch) in q.choices.iter().enumerate() {
                c.text(&a, &format!("choices[{i}]"), &ch.text, limits::CHOICE_LABEL);
            }
            for lang in Lang::ALL {
                let mut seen = HashSet::new();
                for ch in &q.choices {
                    if let Some(s) = ch.text.side(lang)
                        && !seen.insert(normalize(s))
                    {
                        c.push(
                            &a,
                            ProblemKind::DuplicateChoice,
                            format!("choice \"{s}\" appears twice ({})", lang.code()),
                        );
                    }
                }
            }
        }
        if let Some(d) = difficulty {
            questions.push(authored_question(q, d));
        }
    }

    // --- prompts -------------------------------------------------------------------------
    for item in p_items {
        let p = item.get_ref();
        let a = at(p_src, item, &p.id);
        c.text(&a, "text", &p.text, limits::PROMPT_TEXT);
        c.text(&a, "angle", &p.angle, limits::FIELD_VALUE);
        if let Some(q) = &p.quote {
            c.quote_refs(&a, "quote", std::slice::from_ref(q), &quote_verified);
        }
        c.references(&a, "concepts", "concept", &p.concepts, &concept_ids);
        let cited = backing(&mut p.quote.iter().map(String::as_str));
        c.quotation(&a, "text", &p.text, &cited, &terms);
        c.quotation(&a, "angle", &p.angle, &cited, &terms);
        let backed: &[&str] = p
            .quote
            .as_deref()
            .and_then(|q| quote_speakers.get(q))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (lang, angle) in p.angle.sides() {
            for who in rules::bare_attributions(angle, &last_names) {
                if who != author && !backed.contains(&who) {
                    c.push(
                        &a,
                        ProblemKind::Attribution,
                        format!(
                            "`angle.{}` puts a claim in {who}'s mouth with a bare “Name:”; hedge it (“Adorno might ask…”) or name the work (“Adorno (letter, 1936): …”), or cite a quote of theirs",
                            lang.code()
                        ),
                    );
                }
            }
        }
    }

    // --- the letter card and the misconceptions ---------------------------------------------
    if let Some(item) = &w.letter {
        let l = item.get_ref();
        let a = at(&work.src, item, &l.id);
        c.reference(&a, "source", "source", &l.source, &source_ids);
        c.reference(&a, "writer", "thinker", &l.writer, &thinker_ids);
        c.text(&a, "title", &l.title, limits::EMBED_TITLE);
        c.text(&a, "summary", &l.summary, limits::FIELD_VALUE);
        c.text(&a, "printed", &l.printed, limits::FIELD_VALUE / 2);
        if l.point.is_empty() {
            c.push(
                &a,
                ProblemKind::Empty,
                "the letter card has no `point`".into(),
            );
        }
        for (i, p) in l.point.iter().enumerate() {
            c.text(
                &a,
                &format!("point[{i}].title"),
                &p.title,
                limits::FIELD_NAME,
            );
            c.text(
                &a,
                &format!("point[{i}].text"),
                &p.text,
                limits::FIELD_VALUE / 2,
            );
            c.quote_refs(
                &a,
                &format!("point[{i}].quotes"),
                &p.quotes,
                &quote_verified,
            );
            let cited = backing(&mut p.quotes.iter().map(String::as_str));
            c.quotation(&a, &format!("point[{i}].text"), &p.text, &cited, &terms);
        }
    }
    for item in &w.misconception {
        let m = item.get_ref();
        let a = at(&work.src, item, &m.id);
        c.text(&a, "claim", &m.claim, limits::FIELD_NAME);
        c.text(&a, "correction", &m.correction, limits::FIELD_VALUE / 2);
        if m.origin != "common" && m.origin != "seed" {
            c.push(
                &a,
                ProblemKind::Schema,
                format!("`origin` is `{}`; write `common` or `seed`", m.origin),
            );
        }
        for alias in &m.aliases {
            c.string(&a, "aliases", alias, limits::CHOICE_NAME);
        }
        c.references(&a, "concepts", "concept", &m.concepts, &concept_ids);
        c.references(&a, "thinkers", "thinker", &m.thinkers, &thinker_ids);
        c.references(&a, "sections", "section", &m.sections, &section_ids);
        c.quotation(&a, "correction", &m.correction, &all_quotes, &terms);
    }

    if !c.problems.is_empty() {
        let mut problems = c.problems;
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        problems.dedup();
        return Err(Report { problems });
    }

    let work_file = work.value;
    let mut pack = Pack {
        id: pack_id,
        work: work_file.work.into_inner(),
        versions: inner(work_file.version),
        publications: inner(work_file.publication),
        sources: inner(work_file.source),
        sections: inner(work_file.section),
        thinkers: thinkers.map(|f| inner(f.value.thinker)).unwrap_or_default(),
        concepts: concepts.map(|f| inner(f.value.concept)).unwrap_or_default(),
        quotes: quotes.map(|f| inner(f.value.quote)).unwrap_or_default(),
        motions: motions.map(|f| inner(f.value.motion)).unwrap_or_default(),
        questions,
        prompts: prompts.map(|f| inner(f.value.prompt)).unwrap_or_default(),
        letter: work_file.letter.map(Spanned::into_inner),
        misconceptions: inner(work_file.misconception),
    };
    let generated = generate::questions(&pack);
    pack.questions.extend(generated);
    Ok(pack)
}

fn split<'a, F, T>(
    parsed: &'a Option<Parsed<F>>,
    empty: &'a SourceFile,
    items: impl Fn(&'a F) -> &'a Vec<Spanned<T>>,
) -> (&'a SourceFile, &'a [Spanned<T>]) {
    match parsed {
        Some(p) => (&p.src, items(&p.value).as_slice()),
        None => (empty, &[]),
    }
}

fn inner<T>(items: Vec<Spanned<T>>) -> Vec<T> {
    items.into_iter().map(Spanned::into_inner).collect()
}

fn authored_question(q: &Question, difficulty: Difficulty) -> QuizQuestion {
    let (choices, correct, true_false) = match q.answer {
        Some(answer) => (
            vec![
                Text {
                    en: Some("True".into()),
                    id: Some("Benar".into()),
                },
                Text {
                    en: Some("False".into()),
                    id: Some("Salah".into()),
                },
            ],
            if answer { 0 } else { 1 },
            true,
        ),
        None => (
            q.choices.iter().map(|c| c.text.clone()).collect(),
            q.choices.iter().position(|c| c.correct).unwrap_or(0),
            false,
        ),
    };
    QuizQuestion {
        id: q.id.clone(),
        difficulty,
        prompt: q.prompt.clone(),
        choices,
        correct,
        true_false,
        explanation: q.explanation.clone(),
        section: q.section.clone(),
        source: if q.history {
            Some(HISTORY.to_string())
        } else {
            q.source.clone()
        },
        concepts: q.concepts.clone(),
        quote: q.quote.clone(),
        generated: false,
    }
}

#[cfg(test)]
mod tests;
