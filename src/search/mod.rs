//! One search engine for lookups, autocomplete and "did you mean": case- and accent-insensitive,
//! typo-tolerant (Damerau–Levenshtein and Jaro–Winkler from `strsim`), across Indonesian,
//! English and German names and aliases, ranked.

use crate::pack::{Lang, Library, Text};
use crate::render::limits;
use crate::text::{normalize, truncate};

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Concept,
    Quote,
    Motion,
    Section,
    Thinker,
    /// A page of facts about the work: its titles, versions, publication history, the letter.
    Page,
    /// A common misconception or an error of the seed summary, with its correction.
    Myth,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Concept,
        Kind::Quote,
        Kind::Motion,
        Kind::Section,
        Kind::Thinker,
        Kind::Page,
        Kind::Myth,
    ];
}

/// A document built outside the index (see `core`): added as a new entry, or merged into the
/// entry of the same kind, pack and id (more names and body text for a thinker, say).
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    pub pack: String,
    pub id: String,
    pub names: Vec<String>,
    pub body: String,
    pub label: Text,
}

/// A searchable item.
#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    pack: String,
    id: String,
    /// Folded names and aliases, matched fuzzily.
    names: Vec<String>,
    /// Folded body text (definitions, quote text), matched as words.
    body: String,
    /// What a member sees in autocomplete, per language.
    label: Text,
}

/// A ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    pub pack: String,
    pub id: String,
    pub score: f64,
}

impl Hit {
    /// The value autocomplete hands back: `pack:id`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.pack, self.id)
    }
}

/// A score at or above this counts as a confident match for a lookup.
pub const CONFIDENT: f64 = 0.8;

/// The search index over a whole library, built once at load.
#[derive(Debug, Clone)]
pub struct Index {
    entries: Vec<Entry>,
}

fn text_of(t: &Text) -> String {
    t.sides().map(|(_, s)| s).collect::<Vec<_>>().join(" ")
}

impl Index {
    pub fn build(library: &Library) -> Index {
        let mut entries = Vec::new();
        for pack in &library.packs {
            let p = &pack.id;
            for c in &pack.concepts {
                let mut names: Vec<String> = c.name.all().map(normalize).collect();
                names.extend(c.aliases.iter().map(|a| normalize(a)));
                names.push(normalize(&c.id.replace('-', " ")));
                entries.push(Entry {
                    kind: Kind::Concept,
                    pack: p.clone(),
                    id: c.id.clone(),
                    names,
                    body: normalize(&format!("{} {}", text_of(&c.gloss), text_of(&c.definition))),
                    label: Text {
                        en: Some(c.name.get(Lang::En).to_string()),
                        id: Some(c.name.get(Lang::Id).to_string()),
                    },
                });
            }
            for q in pack.quotable() {
                let speaker = pack.speaker_name(q);
                let mut body = text_of(&q.text);
                if let Some(de) = &q.de {
                    body.push(' ');
                    body.push_str(de);
                }
                entries.push(Entry {
                    kind: Kind::Quote,
                    pack: p.clone(),
                    id: q.id.clone(),
                    names: vec![normalize(&q.id)],
                    body: normalize(&body),
                    label: Text {
                        en: Some(format!("{speaker}: {}", q.text.get(Lang::En))),
                        id: Some(format!("{speaker}: {}", q.text.get(Lang::Id))),
                    },
                });
            }
            for m in &pack.motions {
                entries.push(Entry {
                    kind: Kind::Motion,
                    pack: p.clone(),
                    id: m.id.clone(),
                    names: m.motion.sides().map(|(_, s)| normalize(s)).collect(),
                    body: normalize(&format!("{} {}", text_of(&m.benjamin), text_of(&m.adorno))),
                    label: m.motion.clone(),
                });
            }
            for s in &pack.sections {
                let mut names: Vec<String> = s.label.sides().map(|(_, l)| normalize(l)).collect();
                names.extend(s.title.sides().map(|(_, l)| normalize(l)));
                names.extend(s.aliases.iter().map(|a| normalize(a)));
                names.push(normalize(&s.id));
                if let Some(n) = s.number {
                    names.push(n.to_string());
                }
                entries.push(Entry {
                    kind: Kind::Section,
                    pack: p.clone(),
                    id: s.id.clone(),
                    names,
                    body: normalize(&text_of(&s.summary)),
                    label: Text {
                        en: Some(format!(
                            "{} · {}",
                            s.label.get(Lang::En),
                            s.title.get(Lang::En)
                        )),
                        id: Some(format!(
                            "{} · {}",
                            s.label.get(Lang::Id),
                            s.title.get(Lang::Id)
                        )),
                    },
                });
            }
            for t in &pack.thinkers {
                let mut names = vec![normalize(&t.name)];
                names.extend(t.aliases.iter().map(|a| normalize(a)));
                names.push(normalize(&t.id));
                // Last names alone ("adorno").
                if let Some(last) = t.name.split_whitespace().last() {
                    names.push(normalize(last));
                }
                entries.push(Entry {
                    kind: Kind::Thinker,
                    pack: p.clone(),
                    id: t.id.clone(),
                    names,
                    body: normalize(&text_of(&t.role)),
                    label: Text {
                        en: Some(t.name.clone()),
                        id: Some(t.name.clone()),
                    },
                });
            }
        }
        Index { entries }
    }

    /// Adds documents, or merges them into existing entries with the same key.
    pub fn add_documents(&mut self, docs: Vec<Document>) {
        for d in docs {
            let names: Vec<String> = d.names.iter().map(|n| normalize(n)).collect();
            let body = normalize(&d.body);
            match self
                .entries
                .iter_mut()
                .find(|e| e.kind == d.kind && e.pack == d.pack && e.id == d.id)
            {
                Some(e) => {
                    e.names.extend(names);
                    e.body.push(' ');
                    e.body.push_str(&body);
                }
                None => self.entries.push(Entry {
                    kind: d.kind,
                    pack: d.pack,
                    id: d.id,
                    names,
                    body,
                    label: d.label,
                }),
            }
        }
    }

    /// Ranked hits of the given kinds: names first, then full text. `limit` caps the list.
    pub fn search(&self, query: &str, kinds: &[Kind], limit: usize) -> Vec<Hit> {
        let q = normalize(query);
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter(|e| kinds.contains(&e.kind))
            .filter_map(|e| {
                let name = e
                    .names
                    .iter()
                    .map(|n| name_score(&q, n))
                    .fold(0.0, f64::max);
                let score = name
                    .max(body_score(&q, &e.body))
                    .max(partial_score(&q, e.kind, &e.names, &e.body));
                (score > 0.0).then(|| Hit {
                    kind: e.kind,
                    pack: e.pack.clone(),
                    id: e.id.clone(),
                    score,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits.truncate(limit);
        hits
    }

    /// Autocomplete choices `(label, pack:id)` for one kind; an empty query lists the first 25.
    pub fn autocomplete(&self, kind: Kind, query: &str, lang: Lang) -> Vec<(String, String)> {
        let label = |pack: &str, id: &str| {
            self.entries
                .iter()
                .find(|e| e.kind == kind && e.pack == pack && e.id == id)
                .map(|e| truncate(e.label.get(lang), limits::CHOICE_NAME))
                .unwrap_or_default()
        };
        if normalize(query).is_empty() {
            return self
                .entries
                .iter()
                .filter(|e| e.kind == kind)
                .take(limits::AUTOCOMPLETE_CHOICES)
                .map(|e| (label(&e.pack, &e.id), format!("{}:{}", e.pack, e.id)))
                .collect();
        }
        self.search(query, &[kind], limits::AUTOCOMPLETE_CHOICES)
            .into_iter()
            .map(|h| (label(&h.pack, &h.id), h.key()))
            .collect()
    }

    /// Resolves what a member typed (an autocomplete value `pack:id`, an id, or a name) to one
    /// item of `kind`, or gives the best guesses for "did you mean".
    pub fn resolve(&self, kind: Kind, input: &str) -> Result<Hit, Vec<Hit>> {
        let input = input.trim();
        let exact = |pack: Option<&str>, id: &str| {
            self.entries
                .iter()
                .find(|e| e.kind == kind && e.id == id && pack.is_none_or(|p| p == e.pack))
                .map(|e| Hit {
                    kind,
                    pack: e.pack.clone(),
                    id: e.id.clone(),
                    score: 1.0,
                })
        };
        if let Some((pack, id)) = input.split_once(':')
            && let Some(hit) = exact(Some(pack), id)
        {
            return Ok(hit);
        }
        if let Some(hit) = exact(None, input) {
            return Ok(hit);
        }
        let hits = self.search(input, &[kind], 5);
        match hits.first() {
            Some(best) if best.score >= CONFIDENT => {
                // A clear winner only: two nearly equal matches are ambiguous ("value").
                let tied = hits.get(1).is_some_and(|h| best.score - h.score < 0.03);
                if tied && best.score < 1.0 {
                    Err(hits.into_iter().take(3).collect())
                } else {
                    Ok(best.clone())
                }
            }
            _ => Err(hits.into_iter().take(3).collect()),
        }
    }

    /// The label of an item in `lang`.
    pub fn label(&self, kind: Kind, pack: &str, id: &str, lang: Lang) -> Option<String> {
        self.entries
            .iter()
            .find(|e| e.kind == kind && e.pack == pack && e.id == id)
            .map(|e| e.label.get(lang).to_string())
    }
}

/// How well a folded query matches one folded name, 0 to 1.
pub fn name_score(q: &str, name: &str) -> f64 {
    if q.is_empty() || name.is_empty() {
        return 0.0;
    }
    if q == name {
        return 1.0;
    }
    let ratio = q.len() as f64 / name.len().max(1) as f64;
    if name.starts_with(q) {
        return 0.9 + 0.09 * ratio;
    }
    let q_tokens: Vec<&str> = q.split(' ').collect();
    let n_tokens: Vec<&str> = name.split(' ').collect();
    if n_tokens.iter().any(|w| w.starts_with(q)) {
        return 0.85 + 0.05 * ratio;
    }
    if q_tokens
        .iter()
        .all(|qt| n_tokens.iter().any(|nt| nt.starts_with(qt)))
    {
        return 0.82;
    }
    if q.len() >= 3 && name.contains(q) {
        return 0.75;
    }
    if q.chars().count() < 3 {
        return 0.0;
    }
    // Typos: the whole name, the name's start (for a half-typed query), and word by word,
    // each allowed a number of edits that grows with the word's length.
    let whole = fuzzy(q, name);
    let head: String = name.chars().take(q.chars().count()).collect();
    let partial = if q.chars().count() >= 4 {
        fuzzy(q, &head) * 0.95
    } else {
        0.0
    };
    let words = q_tokens
        .iter()
        .map(|qt| {
            n_tokens
                .iter()
                .map(|nt| {
                    if nt.starts_with(qt) {
                        1.0
                    } else {
                        fuzzy(qt, nt)
                    }
                })
                .fold(0.0, f64::max)
        })
        .fold(1.0, f64::min)
        * 0.95;
    let best = whole
        .max(partial)
        .max(if q_tokens.len() > 1 { words } else { 0.0 });
    if best > 0.0 { 0.55 + 0.35 * best } else { 0.0 }
}

/// Similarity (0–1) of two folded words when they are within a few edits of each other
/// (one edit up to 5 characters, two up to 10, three beyond), else 0.
fn fuzzy(a: &str, b: &str) -> f64 {
    let n = a.chars().count().max(b.chars().count());
    let allowed = match n {
        0..=3 => 0,
        4..=5 => 1,
        6..=10 => 2,
        _ => 3,
    };
    let d = strsim::damerau_levenshtein(a, b);
    if d <= allowed && n > 0 {
        1.0 - d as f64 / n as f64
    } else {
        0.0
    }
}

/// How well a folded query matches body text: every query word appears as a word start.
fn body_score(q: &str, body: &str) -> f64 {
    if q.chars().count() < 3 {
        return 0.0;
    }
    let words: Vec<&str> = body.split(' ').collect();
    let tokens: Vec<&str> = q.split(' ').filter(|t| t.len() >= 2).collect();
    if tokens.is_empty() {
        return 0.0;
    }
    let phrase = format!(" {body} ").contains(&format!(" {q}"));
    if phrase {
        return 0.5;
    }
    if tokens
        .iter()
        .all(|t| words.iter().any(|w| w.starts_with(t)))
    {
        return 0.4;
    }
    0.0
}

/// Words that carry no topic in a student's question (English and Indonesian).
const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "to",
    "is",
    "are",
    "was",
    "were",
    "be",
    "by",
    "for",
    "and",
    "or",
    "it",
    "its",
    "this",
    "that",
    "what",
    "who",
    "whom",
    "which",
    "when",
    "where",
    "why",
    "how",
    "does",
    "do",
    "did",
    "mean",
    "means",
    "meant",
    "say",
    "says",
    "said",
    "about",
    "according",
    "with",
    "as",
    "at",
    "from",
    "his",
    "her",
    "their",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "me",
    "my",
    "can",
    "could",
    "there",
    "than",
    "then",
    "into",
    "apa",
    "siapa",
    "kapan",
    "mengapa",
    "kenapa",
    "bagaimana",
    "dimana",
    "mana",
    "yang",
    "itu",
    "ini",
    "adalah",
    "ialah",
    "dan",
    "atau",
    "di",
    "ke",
    "dari",
    "dengan",
    "dalam",
    "pada",
    "untuk",
    "oleh",
    "tentang",
    "menurut",
    "maksud",
    "arti",
    "artinya",
    "apakah",
    "kata",
    "sebuah",
    "suatu",
    "para",
    "nya",
    "saja",
    "juga",
    "tidak",
    "bukan",
    "sudah",
    "akan",
];

/// The words of a query that carry its topic.
fn content_tokens(q: &str) -> Vec<&str> {
    q.split(' ')
        .filter(|t| t.len() >= 2 && !STOPWORDS.contains(t))
        .collect()
}

/// Whether a query word matches a body word: as a word start, or (for long words, where
/// Indonesian affixes differ: "menerjemahkan", "diterjemahkan") sharing a six-letter stem.
fn token_matches(token: &str, word: &str) -> bool {
    if word.starts_with(token) {
        return true;
    }
    let t: Vec<char> = token.chars().collect();
    if t.len() < 7 || word.chars().count() < 7 {
        return false;
    }
    t.windows(6)
        .any(|w| word.contains(&w.iter().collect::<String>()))
}

/// The ranking rule for documents that match only some of a query's words: a student's whole
/// question ("what does Benjamin mean by aura?") or a passage quoted from memory. A name that
/// stands whole in the query ranks high (author names a little lower: they are usually
/// context); a body that holds most of a long passage ranks higher still; otherwise the share
/// of the query's topic words found in the body counts, when it is at least half and at least
/// two words, and more when they stand in a row.
pub fn partial_score(q: &str, kind: Kind, names: &[String], body: &str) -> f64 {
    let tokens = content_tokens(q);
    if tokens.is_empty() || !q.contains(' ') {
        return 0.0;
    }
    let padded = format!(" {q} ");
    let named = names
        .iter()
        .filter(|n| n.len() >= 3 && padded.contains(&format!(" {n} ")))
        .map(|n| n.split(' ').count())
        .max();
    let by_name = named.map_or(0.0, |words| {
        let share = (words as f64 / tokens.len() as f64).min(1.0);
        let base = if kind == Kind::Thinker { 0.6 } else { 0.66 };
        base + 0.1 * share
    });
    // Most of a longer name in the query ("siapa yang menerjemahkan versi Prancis" and the page
    // "Versi Prancis (1936)").
    let covered = names
        .iter()
        .filter_map(|n| {
            let words = content_tokens(n);
            let hits = words.iter().filter(|w| tokens.contains(w)).count();
            let share = hits as f64 / words.len().max(1) as f64;
            (words.len() >= 2 && hits >= 2 && share >= 0.66).then_some(0.55 + 0.1 * share)
        })
        .fold(0.0, f64::max);
    let by_name = by_name.max(covered);
    if tokens.len() < 2 {
        return by_name;
    }
    let words: Vec<&str> = body.split(' ').collect();
    let found = tokens
        .iter()
        .filter(|t| words.iter().any(|w| token_matches(t, w)))
        .count();
    let share = found as f64 / tokens.len() as f64;
    // All topic words in a row, as the question puts them: "the version Adorno read".
    let phrase = format!(" {body} ").contains(&format!(" {} ", tokens.join(" ")));
    // A passage quoted from memory (five topic words or more) that a body holds almost
    // whole outranks a name that merely stands in it.
    let by_body = if tokens.len() >= 5 && share >= 0.6 {
        0.5 + 0.28 * share
    } else if phrase {
        0.45
    } else if found >= 2 && share >= 0.5 {
        0.1 + 0.3 * share
    } else {
        0.0
    };
    by_name.max(by_body)
}

/// Roman numerals I–XV and their values, for section lookups.
pub fn roman(n: u8) -> &'static str {
    const R: [&str; 16] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV",
    ];
    R.get(usize::from(n)).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_beats_prefix_beats_fuzzy() {
        let exact = name_score("aura", "aura");
        let prefix = name_score("aur", "aura");
        let typo = name_score("arua", "aura");
        assert!(exact > prefix && prefix > typo && typo > 0.0);
    }

    #[test]
    fn typos_in_long_terms_still_match() {
        assert!(name_score("kultwret", "kultwert") > 0.8);
        assert_eq!(name_score("distraction", "tradition"), 0.0);
        assert!(name_score("exibition value", "exhibition value") > 0.7);
        assert_eq!(name_score("zzzz", "aura"), 0.0);
    }

    #[test]
    fn partial_matches_rank_by_the_share_of_topic_words() {
        let body = "the public is an examiner but a distracted one";
        let most = partial_score(
            "the public is an examiner but an absent minded one",
            Kind::Quote,
            &[],
            body,
        );
        let fewer = partial_score(
            "an examiner of painting and sculpture",
            Kind::Quote,
            &[],
            body,
        );
        assert!(most > fewer && fewer >= 0.0);
        let names = vec!["cult value".to_string()];
        assert!(partial_score("what is cult value", Kind::Concept, &names, "") > 0.7);
        assert!(token_matches("menerjemahkan", "diterjemahkan"));
        assert!(!token_matches("seni", "sejarah"));
    }

    #[test]
    fn word_prefixes_match_multiword_names() {
        assert!(name_score("nilai kul", "nilai kultus") > 0.85);
        assert!(name_score("value", "cult value") > 0.8);
    }
}
