//! A server's own items — a teacher's quiz questions, discussion prompts and debate motions —
//! as a file: read from TOML (the pack's own tables, `[[question]]`, `[[prompt]]`,
//! `[[motion]]`, in one file) or CSV (one row per item, a column per field), checked by the
//! pack's rules against the pack they extend (one language is enough, a question's place and
//! explanation are optional), and written back as TOML that imports again unchanged.

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::check::{Checker, at};
use super::load::{Known, activities, toml_problem};
use super::model::{Motion, Prompt, Question};
use super::problem::{Problem, ProblemKind, Report, SourceFile};
use super::{Pack, QuizQuestion};

/// The largest file a teacher may import, in bytes.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// The longest id a teacher may give an item.
pub const MAX_ID: usize = 40;

/// A file of a server's own items as parsed, each with its place.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CourseFile {
    #[serde(default)]
    question: Vec<Spanned<Question>>,
    #[serde(default)]
    prompt: Vec<Spanned<Prompt>>,
    #[serde(default)]
    motion: Vec<Spanned<Motion>>,
}

/// A server's own items, checked: what a file imports and an export writes.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Course {
    #[serde(rename = "question", skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    #[serde(rename = "prompt", skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<Prompt>,
    #[serde(rename = "motion", skip_serializing_if = "Vec::is_empty")]
    pub motions: Vec<Motion>,
}

impl Course {
    pub fn len(&self) -> usize {
        self.questions.len() + self.prompts.len() + self.motions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items as a TOML file (what `/course export` attaches).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }
}

/// Checks a teacher's file named `name` (`.csv` is read as CSV, anything else as TOML) against
/// `pack`: every problem at once, each naming the file, line, item and field.
pub fn check(pack: &Pack, name: &str, text: &str) -> Result<Course, Report> {
    if name.to_ascii_lowercase().ends_with(".csv") {
        return super::course_csv::check(pack, name, text);
    }
    check_toml(pack, &SourceFile::new(Path::new(name), text.to_string()))
}

/// Checks TOML text as [`check`] does.
pub(super) fn check_toml(pack: &Pack, src: &SourceFile) -> Result<Course, Report> {
    let file: CourseFile = match toml::from_str(&src.text) {
        Ok(f) => f,
        Err(e) => {
            let kind = match src.text.parse::<toml::Table>() {
                Err(_) => ProblemKind::Toml,
                Ok(_) => ProblemKind::Schema,
            };
            return Err(Report {
                problems: vec![toml_problem(src, &e, kind)],
            });
        }
    };
    let mut c = Checker {
        problems: Vec::new(),
        course: true,
    };
    c.ids(src, "question", &file.question, |q| &q.id);
    c.ids(src, "prompt", &file.prompt, |p| &p.id);
    c.ids(src, "motion", &file.motion, |m| &m.id);
    own_ids(&mut c, src, &file.question, |q| &q.id);
    own_ids(&mut c, src, &file.prompt, |p| &p.id);
    own_ids(&mut c, src, &file.motion, |m| &m.id);
    let known = Known::of_pack(pack);
    activities::motions(&mut c, &known, src, &file.motion);
    activities::quiz(&mut c, &known, src, &file.question);
    activities::prompts(&mut c, &known, src, &file.prompt);
    if file.question.is_empty() && file.prompt.is_empty() && file.motion.is_empty() {
        c.problems.push(Problem {
            file: src.path.clone(),
            line: 0,
            column: 0,
            item: None,
            kind: ProblemKind::Empty,
            message: "the file holds no `[[question]]`, `[[prompt]]` or `[[motion]]`".into(),
        });
    }
    if !c.problems.is_empty() {
        let mut problems = c.problems;
        problems.sort_by_key(|p| (p.line, p.column));
        problems.dedup();
        return Err(Report { problems });
    }
    Ok(Course {
        questions: file.question.into_iter().map(Spanned::into_inner).collect(),
        prompts: file.prompt.into_iter().map(Spanned::into_inner).collect(),
        motions: file.motion.into_iter().map(Spanned::into_inner).collect(),
    })
}

/// A teacher's ids are short words of letters, digits, `-` and `_` (they name the item in
/// commands and buttons).
fn own_ids<T>(c: &mut Checker, src: &SourceFile, items: &[Spanned<T>], id: impl Fn(&T) -> &str) {
    for item in items {
        let key = id(item.get_ref());
        let fine = key.chars().count() <= MAX_ID
            && key
                .chars()
                .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_');
        if !fine && !key.trim().is_empty() {
            let a = at(src, item, key);
            let message = format!(
                "id `{key}` may hold only letters, digits, `-` and `_`, at most {MAX_ID} of them"
            );
            c.push(&a, ProblemKind::Schema, message);
        }
    }
}

/// The question a round asks for a server's own question (already checked): labelled as the
/// teacher's; `None` for one whose difficulty is unknown.
pub fn quiz_question(q: &Question) -> Option<QuizQuestion> {
    let difficulty = super::Difficulty::parse(&q.difficulty)?;
    let mut asked = super::load::authored_question(q, difficulty);
    asked.id = own_id(&q.id);
    asked.by_teacher = true;
    // What a teacher wrote is shown as written, never as formatting.
    let escape = |t: &mut super::Text| {
        for side in [&mut t.en, &mut t.id].into_iter().flatten() {
            *side = crate::text::escape_markdown(side);
        }
    };
    escape(&mut asked.prompt);
    escape(&mut asked.explanation);
    if !asked.true_false {
        asked.choices.iter_mut().for_each(escape);
    }
    Some(asked)
}

/// What marks a server's own item's id among the pack's (no pack id holds a colon).
pub const OWN: &str = "own:";

/// The id a server's own item goes by beside the pack's items.
pub fn own_id(id: &str) -> String {
    format!("{OWN}{id}")
}

/// The teacher's id of a server's own item, or `None` for a pack item.
pub fn teacher_id(id: &str) -> Option<&str> {
    id.strip_prefix(OWN)
}

#[cfg(test)]
mod tests;
