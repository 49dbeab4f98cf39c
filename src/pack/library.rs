//! A loaded pack and the library of all packs: what the features read, with the quiz's
//! questions, their difficulty and the place in the text each one points to.

use super::model::*;
use crate::catalog::choice::{self, Choice as _};

/// Quiz difficulty levels.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Difficulty {
    Easy,
    #[default]
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn parse(s: &str) -> Option<Difficulty> {
        choice::parse(s)
    }

    pub fn code(self) -> &'static str {
        self.names().en
    }
}

impl choice::Choice for Difficulty {
    const CHOICES: &'static [Difficulty] = &Difficulty::ALL;
    fn names(self) -> choice::Names {
        match self {
            Difficulty::Easy => choice::Names::new("easy", "mudah"),
            Difficulty::Medium => choice::Names::new("medium", "sedang"),
            Difficulty::Hard => choice::Names::new("hard", "sulit"),
        }
    }
}

/// A quiz question ready to ask: hand-written or generated from concepts and quotes.
#[derive(Debug, Clone, Default)]
pub struct QuizQuestion {
    pub id: String,
    pub difficulty: Difficulty,
    pub prompt: Text,
    /// The choices in their authored order; for true/false, "True" then "False".
    pub choices: Vec<Text>,
    pub correct: usize,
    pub true_false: bool,
    pub explanation: Text,
    pub section: Option<String>,
    /// A source id, or [`HISTORY`] for a fact of the work's versions and publication history.
    pub source: Option<String>,
    pub concepts: Vec<String>,
    pub quote: Option<String>,
    pub generated: bool,
    /// Seconds to answer it, instead of the round's (a teacher's or the pack's own choice).
    pub seconds: Option<u32>,
    /// The most points a right answer earns, instead of 1,000
    /// (0: a warm-up).
    pub points: Option<u32>,
    /// Written by the server's teachers: labelled as theirs on every card, never cited as
    /// verified.
    pub by_teacher: bool,
    /// The server's own wording of that label (none: the default).
    pub label: Option<String>,
    /// The answer may be typed: what is accepted, and what never is.
    pub typed: Option<TypedAnswer>,
}

/// What a question accepts as a typed answer: the pack's forms, and the wrong choices' texts
/// and aliases (in both languages), which never count even when close to an accepted form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypedAnswer {
    pub accepted: Typed,
    pub wrong: Vec<String>,
}

/// The place of a quiz question that no section or quoted text holds: the work's versions and
/// publication history, as `/essay` shows them. Reserved: no `[[source]]` may use this id.
pub const HISTORY: &str = "history";

/// Where a student should read to answer a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// A section of the essay (third version).
    Section(&'a str),
    /// A text the pack quotes (Adorno's letter, *Dialectic of Enlightenment*, …).
    Source(&'a str),
    /// The work's versions and publication history.
    History,
}

impl QuizQuestion {
    /// Where to read: the section first, then the source or the publication history.
    pub fn place(&self) -> Option<Place<'_>> {
        match (&self.section, &self.source) {
            (Some(s), _) => Some(Place::Section(s)),
            (None, Some(s)) if s == HISTORY => Some(Place::History),
            (None, Some(s)) => Some(Place::Source(s)),
            (None, None) => None,
        }
    }
}

/// One validated pack.
#[derive(Debug)]
pub struct Pack {
    /// The folder name: ids are scoped to it.
    pub id: String,
    pub work: Work,
    pub versions: Vec<Version>,
    pub publications: Vec<Publication>,
    pub sources: Vec<Source>,
    pub sections: Vec<Section>,
    pub thinkers: Vec<Thinker>,
    pub concepts: Vec<Concept>,
    pub quotes: Vec<Quote>,
    pub motions: Vec<Motion>,
    pub questions: Vec<QuizQuestion>,
    pub prompts: Vec<Prompt>,
    pub letter: Option<Letter>,
    pub misconceptions: Vec<Misconception>,
}

impl Pack {
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }
    pub fn thinker(&self, id: &str) -> Option<&Thinker> {
        self.thinkers.iter().find(|t| t.id == id)
    }
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }
    pub fn motion(&self, id: &str) -> Option<&Motion> {
        self.motions.iter().find(|m| m.id == id)
    }
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id)
    }

    pub fn misconception(&self, id: &str) -> Option<&Misconception> {
        self.misconceptions.iter().find(|m| m.id == id)
    }

    /// A source's short title for attributions, or its full title.
    /// The title a quote is shown under: that of the published translation it is credited to,
    /// when its version lists one (a second-version quote in *Selected Writings* 3 is not
    /// shown under Zohn's 1968 title for the third), otherwise its source's.
    pub fn quote_title(&self, q: &Quote) -> Option<&Text> {
        let credit = q.translation.get(Lang::En);
        q.version
            .as_deref()
            .and_then(|v| self.version(v))
            .and_then(|v| v.english.iter().find(|t| t.credited_in(credit)))
            .map(|t| &t.title)
            .or_else(|| self.source(&q.work).map(|s| &s.title))
    }

    pub fn source_short(&self, id: &str, lang: Lang) -> String {
        self.source(id)
            .map(|s| s.short.as_ref().unwrap_or(&s.title).get(lang).to_string())
            .unwrap_or_default()
    }

    /// The verified quotes a thinker spoke or co-wrote.
    pub fn quotes_by<'a>(&'a self, thinker: &'a str) -> impl Iterator<Item = &'a Quote> + 'a {
        self.quotable()
            .filter(move |q| q.speaker == thinker || q.coauthor.as_deref() == Some(thinker))
    }

    /// A concept's authors by name: "Theodor W. Adorno", "Max Horkheimer & Theodor W. Adorno".
    pub fn concept_authors(&self, c: &Concept) -> String {
        let name = |id: &str| {
            self.thinker(id)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        match &c.coauthor {
            Some(co) => format!("{} & {}", name(co), name(&c.thinker)),
            None => name(&c.thinker),
        }
    }

    /// Quotes that may be shown as quotations: the verified ones.
    pub fn quotable(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| q.is_verified())
    }

    /// The speaker's display name, with a co-author where there is one.
    pub fn speaker_name(&self, quote: &Quote) -> String {
        let name = |id: &str| {
            self.thinker(id)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        match &quote.coauthor {
            Some(co) => format!("{} & {}", name(co), name(&quote.speaker)),
            None => name(&quote.speaker),
        }
    }
}

impl Quote {
    pub fn is_verified(&self) -> bool {
        self.status == "verified"
    }
}

/// Every pack found in a data directory.
#[derive(Debug)]
pub struct Library {
    pub packs: Vec<Pack>,
}

impl Library {
    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }
}
