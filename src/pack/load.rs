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

pub(super) mod activities;
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

pub(super) fn toml_problem(src: &SourceFile, e: &toml::de::Error, kind: ProblemKind) -> Problem {
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

/// A pack's files as parsed: each is absent when it is missing (only `work.toml` must be
/// there) or could not be read or parsed (its problem is then in `problems`).
struct Files {
    work: Option<Parsed<WorkFile>>,
    thinkers: Option<Parsed<ThinkersFile>>,
    concepts: Option<Parsed<ConceptsFile>>,
    quotes: Option<Parsed<QuotesFile>>,
    motions: Option<Parsed<MotionsFile>>,
    quiz: Option<Parsed<QuizFile>>,
    prompts: Option<Parsed<PromptsFile>>,
}

impl Files {
    fn read(source: PackDir<'_>, problems: &mut Vec<Problem>) -> Files {
        Files {
            work: parse(source, "work.toml", true, problems),
            thinkers: parse(source, "thinkers.toml", false, problems),
            concepts: parse(source, "concepts.toml", false, problems),
            quotes: parse(source, "quotes.toml", false, problems),
            motions: parse(source, "motions.toml", false, problems),
            quiz: parse(source, "quiz.toml", false, problems),
            prompts: parse(source, "prompts.toml", false, problems),
        }
    }
}

/// The items of the files beside `work.toml`, each with the source it was read from (an empty
/// source and no items for a file that is absent).
struct Items<'a> {
    thinkers: (&'a SourceFile, &'a [Spanned<Thinker>]),
    concepts: (&'a SourceFile, &'a [Spanned<Concept>]),
    quotes: (&'a SourceFile, &'a [Spanned<Quote>]),
    motions: (&'a SourceFile, &'a [Spanned<Motion>]),
    quiz: (&'a SourceFile, &'a [Spanned<Question>]),
    prompts: (&'a SourceFile, &'a [Spanned<Prompt>]),
}

impl<'a> Items<'a> {
    fn of(files: &'a Files, empty: &'a SourceFile) -> Items<'a> {
        Items {
            thinkers: split(&files.thinkers, empty, |f: &ThinkersFile| &f.thinker),
            concepts: split(&files.concepts, empty, |f: &ConceptsFile| &f.concept),
            quotes: split(&files.quotes, empty, |f: &QuotesFile| &f.quote),
            motions: split(&files.motions, empty, |f: &MotionsFile| &f.motion),
            quiz: split(&files.quiz, empty, |f: &QuizFile| &f.question),
            prompts: split(&files.prompts, empty, |f: &PromptsFile| &f.prompt),
        }
    }
}

/// Loads and validates one pack, from a folder or from the binary.
pub(super) fn load_from(source: PackDir<'_>) -> Result<Pack, Report> {
    let dir = source.path();
    let mut problems = Vec::new();
    let mut files = Files::read(source, &mut problems);
    // Without the work file nothing else can be checked against the section map.
    let Some(work) = files.work.take() else {
        return Err(Report { problems });
    };
    let empty = SourceFile::new(&dir.join("-"), String::new());
    let mut c = Checker {
        problems,
        course: false,
    };
    let items = Items::of(&files, &empty);
    let known = check_ids(&mut c, &work, &items);
    let questions = check_items(&mut c, &known, &work, &items);
    if !c.problems.is_empty() {
        let mut problems = c.problems;
        problems.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        problems.dedup();
        return Err(Report { problems });
    }
    let pack_id = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut pack = assemble(pack_id, work.value, files, questions);
    let generated = generate::questions(&pack);
    pack.questions.extend(generated);
    Ok(pack)
}

/// Checks that every id is unique in its kind (and that none takes the reserved [`HISTORY`]),
/// and gathers what the whole pack defines.
fn check_ids<'a>(c: &mut Checker, work: &'a Parsed<WorkFile>, items: &Items<'a>) -> Known<'a> {
    let w = &work.value;
    let section_ids = c.ids(&work.src, "section", &w.section, |s| &s.id);
    let version_ids = c.ids(&work.src, "version", &w.version, |s| &s.id);
    let source_ids = c.ids(&work.src, "source", &w.source, |s| &s.id);
    c.ids(&work.src, "publication", &w.publication, |s| &s.id);
    let (t_src, t_items) = items.thinkers;
    let thinker_ids = c.ids(t_src, "thinker", t_items, |t| &t.id);
    let (c_src, c_items) = items.concepts;
    let concept_ids = c.ids(c_src, "concept", c_items, |t| &t.id);
    let (q_src, q_items) = items.quotes;
    c.ids(q_src, "quote", q_items, |t| &t.id);
    let (m_src, m_items) = items.motions;
    c.ids(m_src, "motion", m_items, |t| &t.id);
    let (z_src, z_items) = items.quiz;
    c.ids(z_src, "question", z_items, |t| &t.id);
    let (p_src, p_items) = items.prompts;
    c.ids(p_src, "prompt", p_items, |t| &t.id);
    c.ids(&work.src, "misconception", &w.misconception, |m| &m.id);
    if let Some(item) = w.source.iter().find(|s| s.get_ref().id == HISTORY) {
        let a = at(&work.src, item, HISTORY);
        c.push(
            &a,
            ProblemKind::DuplicateId,
            format!("source id `{HISTORY}` is reserved for the publication history"),
        );
    }
    Known::of(
        [
            &section_ids,
            &version_ids,
            &source_ids,
            &thinker_ids,
            &concept_ids,
        ],
        w.work.get_ref(),
        &Defined {
            sections: w.section.iter().map(Spanned::get_ref).collect(),
            sources: w.source.iter().map(Spanned::get_ref).collect(),
            thinkers: t_items.iter().map(Spanned::get_ref).collect(),
            concepts: c_items.iter().map(Spanned::get_ref).collect(),
            quotes: q_items.iter().map(Spanned::get_ref).collect(),
        },
    )
}

/// What a pack defines, as plain items (parsed files or a loaded pack alike).
pub(super) struct Defined<'a> {
    sections: Vec<&'a Section>,
    sources: Vec<&'a Source>,
    thinkers: Vec<&'a Thinker>,
    concepts: Vec<&'a Concept>,
    quotes: Vec<&'a Quote>,
}

impl<'a> Known<'a> {
    /// What `defined` offers each item's checks; `ids` are the section, version, source,
    /// thinker and concept ids.
    fn of(ids: [&HashSet<&'a str>; 5], work: &'a Work, defined: &Defined<'a>) -> Known<'a> {
        let [
            section_ids,
            version_ids,
            source_ids,
            thinker_ids,
            concept_ids,
        ] = ids.map(Clone::clone);
        let quote_words = quote_words(&defined.quotes);
        Known {
            section_ids,
            version_ids,
            source_ids,
            thinker_ids,
            concept_ids,
            quote_verified: defined
                .quotes
                .iter()
                .map(|q| (q.id.as_str(), q.is_verified()))
                .collect(),
            all_quotes: quote_words.values().cloned().collect(),
            quote_words,
            terms: terms(work, defined),
            last_names: last_names(&defined.thinkers),
            quote_speakers: defined
                .quotes
                .iter()
                .map(|q| {
                    let mut who = vec![q.speaker.as_str()];
                    who.extend(q.coauthor.as_deref());
                    (q.id.as_str(), who)
                })
                .collect(),
            source_authors: defined
                .sources
                .iter()
                .map(|s| (s.id.as_str(), s.authors.as_slice()))
                .collect(),
            author: work.author.as_str(),
        }
    }

    /// What a loaded pack offers the checks of a server's own items.
    pub(super) fn of_pack(pack: &'a Pack) -> Known<'a> {
        fn ids<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashSet<&'a str> {
            items.iter().map(id).collect()
        }
        Known::of(
            [
                &ids(&pack.sections, |s| s.id.as_str()),
                &ids(&pack.versions, |s| s.id.as_str()),
                &ids(&pack.sources, |s| s.id.as_str()),
                &ids(&pack.thinkers, |s| s.id.as_str()),
                &ids(&pack.concepts, |s| s.id.as_str()),
            ],
            &pack.work,
            &Defined {
                sections: pack.sections.iter().collect(),
                sources: pack.sources.iter().collect(),
                thinkers: pack.thinkers.iter().collect(),
                concepts: pack.concepts.iter().collect(),
                quotes: pack.quotes.iter().collect(),
            },
        )
    }
}

/// What quotation marks may hold: the words of verified quotes (and their notes), folded.
fn quote_words<'a>(quotes: &[&'a Quote]) -> HashMap<&'a str, String> {
    quotes
        .iter()
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
        .collect()
}

/// … or a name: concepts, titles of texts and works, section titles (folded).
fn terms(work: &Work, defined: &Defined<'_>) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for k in &defined.concepts {
        terms.extend(k.name.all().map(normalize));
        terms.extend(
            k.aliases
                .iter()
                .chain(&k.search_terms)
                .map(|a| normalize(a)),
        );
    }
    for s in &defined.sources {
        terms.extend(s.title.sides().map(|(_, t)| normalize(t)));
    }
    for s in &defined.sections {
        terms.extend(s.title.sides().map(|(_, t)| normalize(t)));
    }
    for t in &defined.thinkers {
        for work in &t.works {
            terms.extend(work.sides().map(|(_, t)| normalize(t)));
        }
    }
    terms.extend(work.title.all().map(normalize));
    terms
}

/// Last names, for attributions in prompt angles: each thinker's (folded), with its id.
fn last_names<'a>(thinkers: &[&'a Thinker]) -> Vec<(String, &'a str)> {
    thinkers
        .iter()
        .filter_map(|t| {
            let last = t.name.split_whitespace().last()?;
            Some((normalize(last), t.id.as_str()))
        })
        .collect()
}

/// Checks every item against what the pack defines; the authored quiz questions.
fn check_items(
    c: &mut Checker,
    known: &Known<'_>,
    work: &Parsed<WorkFile>,
    items: &Items<'_>,
) -> Vec<QuizQuestion> {
    let (q_src, q_items) = items.quotes;
    items::work(c, known, work, q_items);
    items::thinkers(c, known, items.thinkers.0, items.thinkers.1);
    items::concepts(c, known, items.concepts.0, items.concepts.1);
    items::quotes(c, known, q_src, q_items, &work.value.version);
    activities::motions(c, known, items.motions.0, items.motions.1);
    let questions = activities::quiz(c, known, items.quiz.0, items.quiz.1);
    activities::prompts(c, known, items.prompts.0, items.prompts.1);
    activities::letter(c, known, work);
    questions
}

/// The pack a valid set of files makes (before its generated questions).
fn assemble(id: String, work: WorkFile, files: Files, questions: Vec<QuizQuestion>) -> Pack {
    Pack {
        id,
        work: work.work.into_inner(),
        versions: inner(work.version),
        publications: inner(work.publication),
        sources: inner(work.source),
        sections: inner(work.section),
        thinkers: inner_of(files.thinkers, |f| f.thinker),
        concepts: inner_of(files.concepts, |f| f.concept),
        quotes: inner_of(files.quotes, |f| f.quote),
        motions: inner_of(files.motions, |f| f.motion),
        questions,
        prompts: inner_of(files.prompts, |f| f.prompt),
        letter: work.letter.map(Spanned::into_inner),
        misconceptions: inner(work.misconception),
    }
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

/// The items of a file beside `work.toml`, without their places (none when it is absent).
fn inner_of<F, T>(file: Option<Parsed<F>>, items: impl FnOnce(F) -> Vec<Spanned<T>>) -> Vec<T> {
    file.map(|f| inner(items(f.value))).unwrap_or_default()
}

pub(super) fn authored_question(q: &Question, difficulty: Difficulty) -> QuizQuestion {
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
        seconds: q.seconds,
        points: q.points,
        by_teacher: false,
        label: None,
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
