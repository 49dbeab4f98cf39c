//! The study pack's data model: the plain values the TOML files deserialize into.
//!
//! Every member-facing text is a [`Text`] with an English and an Indonesian side. Both sides are
//! optional while parsing so that the validator can report every missing translation at once;
//! after a successful [`crate::pack::load`] both are present.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::catalog::choice::{self, Choice as _};

/// The two languages Aura speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// Picks the language for a Discord locale code: `id` is Indonesian, `en-*` is English,
    /// anything else (or nothing) falls back to `default`.
    pub fn from_locale(locale: Option<&str>, default: Lang) -> Lang {
        match locale.map(|l| l.trim().to_ascii_lowercase()) {
            Some(l) if l == "id" || l.starts_with("id-") => Lang::Id,
            Some(l) if l == "en" || l.starts_with("en-") => Lang::En,
            _ => default,
        }
    }

    /// The other of the two languages (a card in both shows this one second).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Id,
            Lang::Id => Lang::En,
        }
    }

    /// The short code used in files and settings (`en`, `id`).
    pub fn code(self) -> &'static str {
        self.names().en
    }

    /// Parses `en` or `id` (as written in settings), or the language's English name; not the
    /// Indonesian names Discord shows for the choices.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        choice::find(|n| n.en == code || n.also.contains(&code.as_str()))
    }
}

/// `/daily`'s `language` choice: Indonesian listed first.
impl choice::Choice for Lang {
    const CHOICES: &'static [Lang] = &[Lang::Id, Lang::En];
    fn names(self) -> choice::Names {
        match self {
            Lang::En => choice::Names::new("en", "inggris").or(&["english"]),
            Lang::Id => choice::Names::new("id", "indonesia").or(&["indonesian", "bahasa"]),
        }
    }
}

/// A text a member reads, in English and Indonesian.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Text {
    /// The same words in both languages (a name).
    pub fn same(s: String) -> Text {
        Text {
            en: Some(s.clone()),
            id: Some(s),
        }
    }

    /// The text in `lang`, falling back to the other language (never reached for a valid pack).
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.id),
            Lang::Id => (&self.id, &self.en),
        };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }

    pub fn side(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.en.as_deref(),
            Lang::Id => self.id.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// Neither side holds a word.
    pub fn is_blank(&self) -> bool {
        self.sides().next().is_none()
    }

    /// Both sides, for search and validation.
    pub fn sides(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(move |l| self.side(l).map(|s| (l, s)))
    }
}

/// A name in Indonesian, English and German, as a concept has.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub en: Option<String>,
    pub id: Option<String>,
    pub de: Option<String>,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        let wanted = match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        };
        [wanted, &self.en, &self.id]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .find(|s| !s.trim().is_empty())
            .unwrap_or("")
    }

    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.en, &self.id, &self.de]
            .into_iter()
            .filter_map(|s| s.as_deref())
    }
}

/// `work.toml`: the essay itself, its versions, the texts Aura quotes and the section map.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkFile {
    pub work: Spanned<Work>,
    #[serde(default)]
    pub version: Vec<Spanned<Version>>,
    #[serde(default)]
    pub publication: Vec<Spanned<Publication>>,
    #[serde(default)]
    pub source: Vec<Spanned<Source>>,
    #[serde(default)]
    pub section: Vec<Spanned<Section>>,
    /// The card that summarises Adorno's letter of 18 March 1936 point by point.
    #[serde(default)]
    pub letter: Option<Spanned<Letter>>,
    /// Common misconceptions and the seed's errors, each with its correction.
    #[serde(default)]
    pub misconception: Vec<Spanned<Misconception>>,
}

/// A letter summarised point by point (Adorno's of 18 March 1936).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    pub id: String,
    /// The source id of the letter in `[[source]]`.
    pub source: String,
    pub writer: String,
    pub title: Text,
    pub summary: Text,
    /// Where it is printed, in German and English.
    pub printed: Text,
    #[serde(default)]
    pub point: Vec<LetterPoint>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterPoint {
    pub title: Text,
    pub text: Text,
    /// Verified quotes from the letter that the point rests on.
    #[serde(default)]
    pub quotes: Vec<String>,
}

fn wrong() -> String {
    "wrong".into()
}

/// What students (or the seed summary) often get wrong, and what the reference says instead.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Misconception {
    pub id: String,
    /// The mistaken claim, as students meet it.
    pub claim: Text,
    pub correction: Text,
    /// `common` (reference §7) or `seed` (reference §8: the Indonesian seed summary).
    pub origin: String,
    /// `wrong` (the default: the claim is false) or `unverified` (the claim may be right, but
    /// no source checked confirms it): a member is not taught that a plausible claim is false.
    #[serde(default = "wrong")]
    pub status: String,
    /// Words a student may search with (the seed's wording, for instance); never shown.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub concepts: Vec<String>,
    #[serde(default)]
    pub thinkers: Vec<String>,
    #[serde(default)]
    pub sections: Vec<String>,
    /// Shown on `/essay` (facts of the work, its versions and history).
    #[serde(default)]
    pub essay: bool,
    /// Shown on the letter card.
    #[serde(default)]
    pub letter: bool,
}

impl Misconception {
    /// A claim not shown false, only unconfirmed.
    pub fn is_unverified(&self) -> bool {
        self.status == "unverified"
    }

    /// The marks a card puts before the claim and the correction: ✗ and ✓ for a wrong claim,
    /// ? and → for an unverified one.
    pub fn marks(&self) -> (&'static str, &'static str) {
        if self.is_unverified() {
            ("?", "→")
        } else {
            ("✗", "✓")
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Work {
    pub id: String,
    /// German original, English and Indonesian titles.
    pub title: Names,
    pub author: String,
    pub summary: Text,
    /// Which version the section map follows and why.
    pub structure: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub id: String,
    pub name: Text,
    pub date: Text,
    pub printed: Text,
    #[serde(default)]
    pub note: Option<Text>,
    /// The published English translations of this version: a quote of the version credited to
    /// one of them is shown under that translation's title.
    #[serde(default)]
    pub english: Vec<Translation>,
}

/// A published English translation of a version.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// Words every quote credit naming this translation holds ("Harry Zohn (Illuminations)").
    pub by: String,
    /// The title the translation gives the essay.
    pub title: Text,
}

impl Translation {
    /// Whether a quote's English credit names this translation.
    pub fn credited_in(&self, credit: &str) -> bool {
        credit.contains(&self.by)
    }
}

/// Whether a quote's English credit is a translation of Aura's own (never a published one).
pub fn own_translation(credit: &str) -> bool {
    credit.starts_with("Aura's own")
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Publication {
    pub id: String,
    pub year: u16,
    pub text: Text,
}

/// A text Aura quotes from: the essay, Adorno's letter, *Dialectic of Enlightenment*, …
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    /// A short title for attributions ("Dialectic of Enlightenment").
    #[serde(default)]
    pub short: Option<Text>,
    pub year: String,
    /// Every author (thinker ids); a quote from a co-written text names them all.
    #[serde(default)]
    pub authors: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// How it is written: `Preface`, `I` … `XV`, `Epilogue`.
    pub label: Text,
    /// 1–15 for the numbered sections.
    #[serde(default)]
    pub number: Option<u8>,
    pub title: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: Text,
    /// Where the second version differs.
    #[serde(default)]
    pub v2: Option<Text>,
    #[serde(default)]
    pub concepts: Vec<String>,
    /// The section's footnotes in the third version that Aura knows of.
    #[serde(default)]
    pub footnotes: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThinkersFile {
    #[serde(default)]
    pub thinker: Vec<Spanned<Thinker>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thinker {
    pub id: String,
    pub name: String,
    pub lifespan: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub role: Text,
    /// What they have to do with the essay.
    #[serde(default)]
    pub essay: Option<Text>,
    /// Their works that matter here, with years.
    #[serde(default)]
    pub works: Vec<Text>,
    /// Sections of the essay where they appear.
    #[serde(default)]
    pub sections: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptsFile {
    #[serde(default)]
    pub concept: Vec<Spanned<Concept>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    pub name: Names,
    /// True alternative names, shown on the card as "also called": translations, the German
    /// term's variants, standard English renderings. Never another concept's name.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Words a search for the concept should match and the card never shows as its names:
    /// related terms, people, examples, opposites.
    #[serde(default)]
    pub search_terms: Vec<String>,
    /// Whose concept it is (a thinker id).
    pub thinker: String,
    /// A co-author, for a concept from a co-written text.
    #[serde(default)]
    pub coauthor: Option<String>,
    /// The text the concept comes from, when it is not the essay (a source id).
    #[serde(default)]
    pub work: Option<String>,
    /// Misspellings found in circulation: searchable, never shown as accepted names.
    #[serde(default)]
    pub misspellings: Vec<String>,
    /// One sentence that states the concept, for quiz explanations (default: the definition's
    /// first sentence).
    #[serde(default)]
    pub statement: Option<Text>,
    /// One line that describes the concept without naming it (autocomplete hints, quiz clues).
    pub gloss: Text,
    pub definition: Text,
    #[serde(default)]
    pub sections: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub quotes: Vec<String>,
    #[serde(default)]
    pub misconception: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesFile {
    #[serde(default)]
    pub quote: Vec<Spanned<Quote>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    /// A thinker id.
    pub speaker: String,
    #[serde(default)]
    pub coauthor: Option<String>,
    /// A source id from `work.toml`.
    pub work: String,
    /// A version id from `work.toml`, for quotes from the essay.
    #[serde(default)]
    pub version: Option<String>,
    /// A section id from `work.toml`, for quotes from the third version.
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub footnote: bool,
    /// Where it stands, for texts without the essay's sections (a letter, a chapter).
    #[serde(default)]
    pub location: Option<Text>,
    pub text: Text,
    /// The German original, where the reference verifies it.
    #[serde(default)]
    pub de: Option<String>,
    /// Who translated each side: the published translation or "Aura's own translation".
    pub translation: Text,
    /// The reference's verdict: only `verified` quotes may be quoted or used as quiz answers.
    pub status: String,
    /// Where the reference verifies it (book and page).
    pub citation: String,
    #[serde(default)]
    pub concepts: Vec<String>,
    /// What a common paraphrase (such as the seed's) gets wrong about it.
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionsFile {
    #[serde(default)]
    pub motion: Vec<Spanned<Motion>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    pub id: String,
    pub motion: Text,
    pub benjamin: Text,
    pub adorno: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benjamin_quotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adorno_quotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    #[serde(default)]
    pub question: Vec<Spanned<Question>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// `easy`, `medium` or `hard`.
    pub difficulty: String,
    pub prompt: Text,
    /// Multiple choice: 2–4 choices, exactly one correct. Leave out for true/false.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// True/false: the right answer. Leave out for multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// Required in the pack; a teacher's question may leave it out.
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub explanation: Text,
    /// The section of the essay the explanation cites …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// … or, for Adorno's side, the source it cites (a source id) …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// … or the work's versions and publication history (`/essay`), for facts no section holds.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub history: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<String>,
    /// A quote the question turns on (it must be verified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The forms a member may type instead of clicking, for a question whose answer is a short
    /// name, term or date (multiple choice only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typed: Option<Typed>,
    /// Seconds to answer this question (10–300), instead of the round's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    /// The most points a right answer earns (0–2000; 0 for a warm-up), instead of 1,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: Text,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub correct: bool,
    /// Other names of the choice (a last name, another spelling): a wrong choice's names are
    /// never accepted as a typed answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The typed forms a question accepts: in either language (`any`: names, dates) or in one
/// (`en`, `id`: terms that translate). Matching folds case and accents and forgives a typo or
/// two in longer forms ([`crate::search::answer`]).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Typed {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub id: Vec<String>,
}

impl Typed {
    /// Every accepted form, in both languages.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.any
            .iter()
            .chain(&self.en)
            .chain(&self.id)
            .map(String::as_str)
    }

    /// The forms shown to a member reading `lang`: that language's, then the neutral ones.
    pub fn shown(&self, lang: Lang) -> Vec<&str> {
        let own = match lang {
            Lang::En => &self.en,
            Lang::Id => &self.id,
        };
        own.iter().chain(&self.any).map(String::as_str).collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptsFile {
    #[serde(default)]
    pub prompt: Vec<Spanned<Prompt>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    pub id: String,
    pub text: Text,
    /// The Benjamin-against-Adorno angle on it (required in the pack; a teacher's prompt may
    /// leave it out).
    #[serde(default, skip_serializing_if = "Text::is_blank")]
    pub angle: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<String>,
}
