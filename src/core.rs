//! The loaded study library with its search index: what every front end (the terminal preview,
//! the Discord adapter) answers from.

use std::path::Path;

use crate::pack::{self, Lang, Library, Pack, Report, Text};
use crate::search::{Document, Index, Kind};

/// The library and its index, built once at start-up and shared read-only.
#[derive(Debug)]
pub struct Core {
    pub library: Library,
    pub index: Index,
    /// The language for members whose Discord locale is neither Indonesian nor English.
    pub default_lang: Lang,
}

impl Core {
    /// Loads and validates every pack under `data_dir`.
    pub fn load(data_dir: &Path, default_lang: Lang) -> Result<Core, Report> {
        let library = pack::load(data_dir)?;
        Ok(Core::new(library, default_lang))
    }

    /// Loads and validates every pack of `packs` (built in, or a folder).
    pub fn from_packs(packs: &pack::Packs, default_lang: Lang) -> Result<Core, Report> {
        Ok(Core::new(packs.load()?, default_lang))
    }

    pub fn new(library: Library, default_lang: Lang) -> Core {
        let extra = library.packs.iter().flat_map(documents).collect();
        let index = Index::build_with(&library, extra);
        Core {
            library,
            index,
            default_lang,
        }
    }

    /// The language for a Discord locale code.
    pub fn lang_for(&self, locale: Option<&str>) -> Lang {
        Lang::from_locale(locale, self.default_lang)
    }
}

fn both(t: &Text) -> String {
    t.sides().map(|(_, s)| s).collect::<Vec<_>>().join(" ")
}

/// What `/search` finds besides concepts, quotes, sections, motions and thinkers: the work's
/// titles, each version, the publication history, the letter card and the misconceptions, and
/// more text for thinkers (their part in the essay, their works) and motions (both sides'
/// questions). Opened as `page:<pack>:<id>` or `myth:<pack>:<id>`.
fn documents(pack: &Pack) -> Vec<Document> {
    let mut docs = vec![title_page(pack), history_page(pack)];
    docs.extend(pack.versions.iter().map(|v| version_page(pack, v)));
    docs.extend(letter_page(pack));
    docs.extend(myths(pack));
    docs.extend(more_text(pack));
    docs
}

/// A page of `pack` (opened as `page:<pack>:<id>`).
fn page(pack: &Pack, id: &str, names: Vec<String>, text: String, label: Text) -> Document {
    Document {
        kind: Kind::Page,
        pack: pack.id.clone(),
        id: id.to_string(),
        names,
        text,
        label,
    }
}

/// The work's page: found by its titles (and "essay"), its summary and its structure.
fn title_page(pack: &Pack) -> Document {
    let w = &pack.work;
    let mut titles: Vec<String> = w.title.all().map(str::to_string).collect();
    titles.extend(["essay", "esai", "the work of art essay"].map(String::from));
    let german = w.title.de.as_deref().unwrap_or("");
    page(
        pack,
        "title",
        titles,
        format!("{} {}", both(&w.summary), both(&w.structure)),
        Text {
            en: Some(format!("{} · {german}", w.title.get(Lang::En))),
            id: Some(format!("{} · {german}", w.title.get(Lang::Id))),
        },
    )
}

/// The publication history's page.
fn history_page(pack: &Pack) -> Document {
    let history: Vec<String> = pack
        .publications
        .iter()
        .map(|x| format!("{} {}", x.year, both(&x.text)))
        .collect();
    page(
        pack,
        "history",
        [
            "publication history",
            "riwayat terbit",
            "riwayat penerbitan",
            "first published",
            "pertama terbit",
        ]
        .map(String::from)
        .to_vec(),
        history.join(" "),
        Text {
            en: Some("Publication history (1936–2003)".into()),
            id: Some("Riwayat terbit (1936–2003)".into()),
        },
    )
}

/// A version's page (`version-<id>`), found by its name.
fn version_page(pack: &Pack, v: &pack::Version) -> Document {
    let mut body = format!("{} {} {}", both(&v.name), both(&v.date), both(&v.printed));
    if let Some(n) = &v.note {
        body.push(' ');
        body.push_str(&both(n));
    }
    page(
        pack,
        &format!("version-{}", v.id),
        v.name.sides().map(|(_, s)| s.to_string()).collect(),
        body,
        v.name.clone(),
    )
}

/// The letter card's page, when the pack has one.
fn letter_page(pack: &Pack) -> Option<Document> {
    let l = pack.letter.as_ref()?;
    let mut body = format!("{} {}", both(&l.summary), both(&l.printed));
    for point in &l.point {
        body.push_str(&format!(" {} {}", both(&point.title), both(&point.text)));
    }
    let mut names: Vec<String> = l.title.sides().map(|(_, s)| s.to_string()).collect();
    names.extend(
        [
            "adorno letter",
            "adorno's letter",
            "surat adorno",
            "letter 1936",
            "surat 1936",
            "adorno's criticism",
            "adorno's critique",
            "kritik adorno",
        ]
        .map(String::from),
    );
    Some(page(pack, "letter", names, body, l.title.clone()))
}

/// The misconceptions (opened as `myth:<pack>:<id>`).
fn myths(pack: &Pack) -> impl Iterator<Item = Document> + '_ {
    pack.misconceptions.iter().map(|m| Document {
        kind: Kind::Myth,
        pack: pack.id.clone(),
        id: m.id.clone(),
        names: m.aliases.clone(),
        text: format!("{} {}", both(&m.claim), both(&m.correction)),
        label: m.claim.clone(),
    })
}

/// More text for what the index already holds: thinkers (their part in the essay, their
/// works), concepts (misspellings, the misconception a card corrects) and motions (their
/// questions).
fn more_text(pack: &Pack) -> Vec<Document> {
    let p = &pack.id;
    let mut docs = Vec::new();
    for t in &pack.thinkers {
        let mut body = t.essay.as_ref().map(both).unwrap_or_default();
        for work in &t.works {
            body.push(' ');
            body.push_str(&both(work));
        }
        docs.push(Document {
            kind: Kind::Thinker,
            pack: p.clone(),
            id: t.id.clone(),
            names: Vec::new(),
            text: body,
            label: Text::same(t.name.clone()),
        });
    }
    // Misspellings in circulation still find their concept (they are never shown as names),
    // and so does the misconception a concept card corrects.
    for c in &pack.concepts {
        docs.push(Document {
            kind: Kind::Concept,
            pack: p.clone(),
            id: c.id.clone(),
            names: c.misspellings.clone(),
            text: c.misconception.as_ref().map(both).unwrap_or_default(),
            label: Text::default(),
        });
    }
    for m in &pack.motions {
        let questions: Vec<String> = m.questions.iter().map(both).collect();
        docs.push(Document {
            kind: Kind::Motion,
            pack: p.clone(),
            id: m.id.clone(),
            names: Vec::new(),
            text: questions.join(" "),
            label: m.motion.clone(),
        });
    }
    docs
}

#[cfg(any(test, feature = "test-util"))]
impl Core {
    /// The shipped study pack in `data/`, in English: what the unit tests read.
    pub fn for_tests() -> Core {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
    }
}
