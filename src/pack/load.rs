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
use super::{Difficulty, HISTORY, Library, Pack, QuizQuestion, TypedAnswer};
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

mod activities;
mod items;
mod typed;

/// What the whole pack defines, that each item is checked against.
pub(super) struct Known<'a> {
    pub(super) section_ids: HashSet<&'a str>,
    pub(super) version_ids: HashSet<&'a str>,
    pub(super) source_ids: HashSet<&'a str>,
    pub(super) thinker_ids: HashSet<&'a str>,
    pub(super) concept_ids: HashSet<&'a str>,
    /// Quote id → whether it is verified.
    pub(super) quote_verified: HashMap<&'a str, bool>,
    /// What quotation marks may hold: the folded words of each verified quote (and its note).
    pub(super) quote_words: HashMap<&'a str, String>,
    pub(super) all_quotes: Vec<String>,
    /// … or a name: concepts, titles of texts and works, section titles (folded).
    pub(super) terms: Vec<String>,
    /// Last names, for attributions in prompt angles.
    pub(super) last_names: Vec<(String, &'a str)>,
    pub(super) quote_speakers: HashMap<&'a str, Vec<&'a str>>,
    pub(super) source_authors: HashMap<&'a str, &'a [String]>,
    /// The essay's author.
    pub(super) author: &'a str,
}

impl Known<'_> {
    /// The folded words of the verified quotes among `ids`.
    pub(super) fn backing(&self, ids: &mut dyn Iterator<Item = &str>) -> Vec<String> {
        ids.filter_map(|id| self.quote_words.get(id).cloned())
            .collect()
    }
}

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

pub(super) fn file_problem(path: &Path, message: String) -> Problem {
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
    dir: PackDir<'_>,
    name: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Option<Parsed<T>> {
    let path = dir.path().join(name);
    let text = match dir.read(name) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
        Err(e) => {
            problems.push(file_problem(&path, format!("cannot read: {e}")));
            return None;
        }
    };
    let src = SourceFile::new(&path, text);
    match toml::from_str::<T>(&src.text) {
        Ok(value) => Some(Parsed { src, value }),
        Err(e) => {
            // Only a file that fails is read again as a plain TOML document, so that syntax
            // errors and schema errors are told apart (a valid pack is parsed once).
            let problem = match src.text.parse::<toml::Table>() {
                Err(syntax) => toml_problem(&src, &syntax, ProblemKind::Toml),
                Ok(_) => toml_problem(&src, &e, ProblemKind::Schema),
            };
            problems.push(problem);
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
    load_from(PackDir::Folder(dir))
}

/// Where one pack's files are read: a folder, or the copy built into the binary (whose files
/// are named by the path they had under the project, `data/<pack>/…`, as problems show them).
#[derive(Debug, Clone, Copy)]
pub(super) enum PackDir<'a> {
    Folder(&'a Path),
    Embedded {
        path: &'a Path,
        files: &'static [(&'static str, &'static str)],
    },
}

impl PackDir<'_> {
    fn path(&self) -> &Path {
        match self {
            PackDir::Folder(path) | PackDir::Embedded { path, .. } => path,
        }
    }

    fn read(&self, name: &str) -> std::io::Result<String> {
        match self {
            PackDir::Folder(dir) => std::fs::read_to_string(dir.join(name)),
            PackDir::Embedded { files, .. } => files
                .iter()
                .find(|(file, _)| *file == name)
                .map(|(_, text)| (*text).to_string())
                .ok_or_else(|| std::io::ErrorKind::NotFound.into()),
        }
    }
}

/// Loads and validates one pack, from a folder or from the binary.
pub(super) fn load_from(source: PackDir<'_>) -> Result<Pack, Report> {
    let dir = source.path();
    let pack_id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut problems = Vec::new();
    let work: Option<Parsed<WorkFile>> = parse(source, "work.toml", true, &mut problems);
    let thinkers: Option<Parsed<ThinkersFile>> =
        parse(source, "thinkers.toml", false, &mut problems);
    let concepts: Option<Parsed<ConceptsFile>> =
        parse(source, "concepts.toml", false, &mut problems);
    let quotes: Option<Parsed<QuotesFile>> = parse(source, "quotes.toml", false, &mut problems);
    let motions: Option<Parsed<MotionsFile>> = parse(source, "motions.toml", false, &mut problems);
    let quiz: Option<Parsed<QuizFile>> = parse(source, "quiz.toml", false, &mut problems);
    let prompts: Option<Parsed<PromptsFile>> = parse(source, "prompts.toml", false, &mut problems);

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
    let known = Known {
        section_ids,
        version_ids,
        source_ids,
        thinker_ids,
        concept_ids,
        quote_verified,
        quote_words,
        all_quotes,
        terms,
        last_names,
        quote_speakers,
        source_authors,
        author,
    };

    items::work(&mut c, &known, &work, q_items);
    items::thinkers(&mut c, &known, t_src, t_items);
    items::concepts(&mut c, &known, c_src, c_items);
    items::quotes(&mut c, &known, q_src, q_items);
    activities::motions(&mut c, &known, m_src, m_items);
    let questions = activities::quiz(&mut c, &known, z_src, z_items);
    activities::prompts(&mut c, &known, p_src, p_items);
    activities::letter(&mut c, &known, &work);

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
        typed: q
            .typed
            .as_ref()
            .filter(|_| !true_false)
            .map(|t| TypedAnswer {
                accepted: t.clone(),
                wrong: q
                    .choices
                    .iter()
                    .filter(|c| !c.correct)
                    .flat_map(|c| {
                        c.text
                            .sides()
                            .map(|(_, s)| s)
                            .chain(c.aliases.iter().map(String::as_str))
                    })
                    .map(String::from)
                    .collect(),
            }),
    }
}

#[cfg(test)]
mod tests;
