//! Problems found while loading a pack, each pinned to file, line, column and item id.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of problem: one variant per rule the validator enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file could not be read, or a required file is missing.
    Io,
    /// Not valid TOML.
    Toml,
    /// Valid TOML, but not the shape Aura expects (unknown or missing field, wrong type).
    Schema,
    DuplicateId,
    UnknownReference,
    MissingLanguage,
    /// A multiple-choice question without exactly one correct choice.
    CorrectAnswers,
    DuplicateChoice,
    /// Too few or too many choices, or neither choices nor a true/false answer.
    ChoiceCount,
    UnknownDifficulty,
    /// Text that cannot fit Discord's limits where it is rendered.
    TooLong,
    /// An unverified quote used as a quotation or quiz answer, or an unknown status.
    Unverified,
    /// Mojibake such as the seed's stray `Â`, or a replacement character.
    Encoding,
    /// A field that must not be empty.
    Empty,
    /// Words in quotation marks that no verified quote holds (a paraphrase set as a quotation).
    Quotation,
    /// A wrong or incomplete credit: a co-written text credited to one author, a claim put in
    /// a critic's mouth without a hedge or a source, a translation credit that does not fit.
    Attribution,
    /// A quiz question whose place is not where a student can read the answer.
    QuizPlace,
    /// A typed answer that cannot work: on a true/false question, a form accepted twice, or a
    /// form that would accept a wrong choice's name.
    TypedAnswer,
    /// A concept's displayed alternative name that is another concept's name or word, or a
    /// person's name.
    AlternativeName,
    /// A number outside what the option allows (a question's seconds or points).
    OutOfRange,
}

impl ProblemKind {
    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::Io => "file",
            ProblemKind::Toml => "invalid TOML",
            ProblemKind::Schema => "schema",
            ProblemKind::DuplicateId => "duplicate id",
            ProblemKind::UnknownReference => "unknown reference",
            ProblemKind::MissingLanguage => "missing language",
            ProblemKind::CorrectAnswers => "correct answers",
            ProblemKind::DuplicateChoice => "duplicate choice",
            ProblemKind::ChoiceCount => "choices",
            ProblemKind::UnknownDifficulty => "unknown difficulty",
            ProblemKind::TooLong => "too long for Discord",
            ProblemKind::OutOfRange => "out of range",
            ProblemKind::Unverified => "unverified",
            ProblemKind::Encoding => "encoding debris",
            ProblemKind::Empty => "empty",
            ProblemKind::Quotation => "quotation",
            ProblemKind::Attribution => "attribution",
            ProblemKind::QuizPlace => "quiz place",
            ProblemKind::TypedAnswer => "typed answer",
            ProblemKind::AlternativeName => "alternative name",
        }
    }
}

/// One problem in a pack file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns a whole file.
    pub line: usize,
    pub column: usize,
    pub item: Option<String>,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, ": {}", self.kind.label())?;
        if let Some(item) = &self.item {
            write!(f, " [{item}]")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found in a load, sorted by file and position.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn kinds(&self) -> Vec<ProblemKind> {
        self.problems.iter().map(|p| p.kind).collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        write!(
            f,
            "{} problem{} found",
            self.problems.len(),
            if self.problems.len() == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Report {}

/// A source file's text with a byte-offset → line/column map.
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: &Path, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.to_path_buf(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let f = SourceFile::new(Path::new("x.toml"), "ab\nçd = 1\n".to_string());
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(3), (2, 1));
        // "ç" is two bytes but one column.
        assert_eq!(f.position(5), (2, 2));
    }
}
