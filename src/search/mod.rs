//! One search engine for lookups, autocomplete and "did you mean": case- and accent-insensitive,
//! typo-tolerant (Damerau–Levenshtein from `strsim`), across Indonesian, English and German names
//! and aliases, ranked.
//!
//! The index is built once, from a list of [`Document`]s. A query looks up its candidates in
//! `keys` (sorted names and words, trigrams, a deletion dictionary for typos) and scores only
//! those by the rules in `score`, so its cost follows the matches, not the size of the pack.

pub mod answer;
mod keys;
mod kind;
mod partial;
mod score;

use rustc_hash::FxHashMap;

use crate::pack::{Lang, Library, Text};
use crate::render::limits;
use crate::text::{normalize, truncate};

use keys::{BodyKeys, NameKeys};

/// The longest text matched against the index (a lookup option's `max_length`).
pub const QUERY_MAX: usize = 100;
pub use kind::Kind;
pub use partial::partial_score;
pub use score::{body_score, name_score};

/// One searchable item, as the index takes it: what it is, its names and aliases (matched
/// fuzzily), its full text (matched by words) and what a member sees in autocomplete. Names and
/// text are folded by the index.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    pub pack: String,
    pub id: String,
    pub names: Vec<String>,
    pub text: String,
    pub label: Text,
}

/// An indexed item.
#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    pack: String,
    id: String,
    /// The folded body text with a space on each side (for word-start matching).
    body: String,
    /// The folded names, for ranking partial matches.
    names: Vec<String>,
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
    /// Each folded name (by id, as in `keys`) → the entries it names.
    owners: Vec<Vec<u32>>,
    keys: NameKeys,
    bodies: BodyKeys,
    /// Id → the entries with that id, in order.
    by_id: FxHashMap<String, Vec<u32>>,
}

fn text_of(t: &Text) -> String {
    t.sides().map(|(_, s)| s).collect::<Vec<_>>().join(" ")
}

/// The documents of a library: concepts, quotable quotes, motions, sections and thinkers.
pub fn documents(library: &Library) -> Vec<Document> {
    let mut docs = Vec::new();
    for pack in &library.packs {
        let p = &pack.id;
        for c in &pack.concepts {
            let mut names: Vec<String> = c.name.all().map(str::to_string).collect();
            names.extend(c.aliases.iter().chain(&c.search_terms).cloned());
            names.push(c.id.replace('-', " "));
            docs.push(Document {
                kind: Kind::Concept,
                pack: p.clone(),
                id: c.id.clone(),
                names,
                text: format!("{} {}", text_of(&c.gloss), text_of(&c.definition)),
                label: Text {
                    en: Some(c.name.get(Lang::En).to_string()),
                    id: Some(c.name.get(Lang::Id).to_string()),
                },
            });
        }
        for q in pack.quotable() {
            let speaker = pack.speaker_name(q);
            // The speaker too: "what did Adorno think about Chaplin?" asks for his words.
            let mut text = format!("{} {speaker}", text_of(&q.text));
            if let Some(de) = &q.de {
                text.push(' ');
                text.push_str(de);
            }
            docs.push(Document {
                kind: Kind::Quote,
                pack: p.clone(),
                id: q.id.clone(),
                names: vec![q.id.clone()],
                text,
                label: Text {
                    en: Some(format!("{speaker}: {}", q.text.get(Lang::En))),
                    id: Some(format!("{speaker}: {}", q.text.get(Lang::Id))),
                },
            });
        }
        for m in &pack.motions {
            docs.push(Document {
                kind: Kind::Motion,
                pack: p.clone(),
                id: m.id.clone(),
                names: m.motion.sides().map(|(_, s)| s.to_string()).collect(),
                text: format!("{} {}", text_of(&m.benjamin), text_of(&m.adorno)),
                label: m.motion.clone(),
            });
        }
        for s in &pack.sections {
            let mut names: Vec<String> = s.label.sides().map(|(_, l)| l.to_string()).collect();
            names.extend(s.title.sides().map(|(_, l)| l.to_string()));
            names.extend(s.aliases.iter().cloned());
            names.push(s.id.clone());
            if let Some(n) = s.number {
                names.push(n.to_string());
            }
            docs.push(Document {
                kind: Kind::Section,
                pack: p.clone(),
                id: s.id.clone(),
                names,
                text: text_of(&s.summary),
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
            let mut names = vec![t.name.clone()];
            names.extend(t.aliases.iter().cloned());
            names.push(t.id.clone());
            // Last names alone ("adorno").
            if let Some(last) = t.name.split_whitespace().last() {
                names.push(last.to_string());
            }
            docs.push(Document {
                kind: Kind::Thinker,
                pack: p.clone(),
                id: t.id.clone(),
                names,
                text: text_of(&t.role),
                label: Text::same(t.name.clone()),
            });
        }
    }
    docs
}

/// Documents with the same kind, pack and id merged into the first (names and text added),
/// in the order they came.
fn merged(docs: Vec<Document>) -> Vec<Document> {
    let mut out: Vec<Document> = Vec::with_capacity(docs.len());
    let mut at: FxHashMap<(Kind, String, String), usize> = FxHashMap::default();
    for d in docs {
        match at.get(&(d.kind, d.pack.clone(), d.id.clone())) {
            Some(&i) => {
                out[i].names.extend(d.names);
                out[i].text.push(' ');
                out[i].text.push_str(&d.text);
            }
            None => {
                at.insert((d.kind, d.pack.clone(), d.id.clone()), out.len());
                out.push(d);
            }
        }
    }
    out
}

impl Index {
    pub fn build(library: &Library) -> Index {
        Index::from_documents(documents(library))
    }

    /// Indexes documents: adding a kind of item is adding documents.
    pub fn from_documents(docs: Vec<Document>) -> Index {
        let mut name_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut entries = Vec::with_capacity(docs.len());
        let mut by_id: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (e, doc) in merged(docs).into_iter().enumerate() {
            let e = e as u32;
            let folded: Vec<String> = doc
                .names
                .iter()
                .map(|n| normalize(n))
                .filter(|n| !n.is_empty())
                .collect();
            for name in folded.iter().cloned() {
                let id = *name_ids.entry(name.clone()).or_insert_with(|| {
                    names.push(name);
                    owners.push(Vec::new());
                    owners.len() as u32 - 1
                });
                let list = &mut owners[id as usize];
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
            by_id.entry(doc.id.clone()).or_default().push(e);
            entries.push(Entry {
                kind: doc.kind,
                pack: doc.pack,
                id: doc.id,
                body: format!(" {} ", normalize(&doc.text)),
                names: folded,
                label: doc.label,
            });
        }
        let bodies = BodyKeys::build(entries.iter().map(|e| e.body.trim_matches(' ')));
        Index {
            keys: NameKeys::build(names),
            owners,
            bodies,
            entries,
            by_id,
        }
    }

    /// Indexes a library's documents and `extra` ones built elsewhere (a document with the kind,
    /// pack and id of another is merged into it: more names, more text).
    pub fn build_with(library: &Library, extra: Vec<Document>) -> Index {
        let mut docs = documents(library);
        docs.extend(extra);
        Index::from_documents(docs)
    }

    /// Ranked hits of the given kinds: names first, then full text, then documents that hold
    /// some of a longer query's topic words. `limit` caps the list.
    pub fn search(&self, query: &str, kinds: &[Kind], limit: usize) -> Vec<Hit> {
        self.search_folded(&normalize(query), kinds, limit, true)
    }

    /// [`Index::search`] for a query already folded; `partial` adds partial-word matches.
    fn search_folded(&self, q: &str, kinds: &[Kind], limit: usize, partial: bool) -> Vec<Hit> {
        let wanted = |e: u32| kinds.contains(&self.entries[e as usize].kind);
        let mut scored: Vec<(u32, f64)> = Vec::new();
        let mut found = Vec::new();
        self.keys.candidates(q, &mut found);
        for &name in &found {
            let score = name_score(q, self.keys.name(name));
            if score > 0.0 {
                scored.extend(
                    self.owners[name as usize]
                        .iter()
                        .filter(|&&e| wanted(e))
                        .map(|&e| (e, score)),
                );
            }
        }
        found.clear();
        self.bodies.candidates(q, &mut found);
        if !found.is_empty() {
            let query = score::Query::new(q);
            for &e in found.iter().filter(|&&e| wanted(e)) {
                let score = query.body_score(&self.entries[e as usize].body);
                if score > 0.0 {
                    scored.push((e, score));
                }
            }
        }
        if partial && q.contains(' ') {
            self.partial_matches(q, &wanted, &mut scored);
        }
        // Each entry once with its best score, in the entries' order (ties keep it).
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        scored.dedup_by_key(|s| s.0);
        let entry = |e: u32| &self.entries[e as usize];
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| entry(a.0).id.cmp(&entry(b.0).id))
        });
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(e, score)| {
                let e = entry(e);
                Hit {
                    kind: e.kind,
                    pack: e.pack.clone(),
                    id: e.id.clone(),
                    score,
                }
            })
            .collect()
    }

    /// Autocomplete choices `(label, pack:id)` for one kind; an empty query lists the first 25.
    pub fn autocomplete(&self, kind: Kind, query: &str, lang: Lang) -> Vec<(String, String)> {
        // Longer than any option may be: nothing to offer, and nothing to match.
        if crate::text::chars(query) > QUERY_MAX {
            return Vec::new();
        }
        let choice = |e: &Entry| {
            (
                truncate(e.label.get(lang), limits::CHOICE_NAME),
                format!("{}:{}", e.pack, e.id),
            )
        };
        let q = normalize(query);
        if q.is_empty() {
            return self
                .entries
                .iter()
                .filter(|e| e.kind == kind)
                .take(limits::AUTOCOMPLETE_CHOICES)
                .map(choice)
                .collect();
        }
        self.search_folded(&q, &[kind], limits::AUTOCOMPLETE_CHOICES, false)
            .into_iter()
            .filter_map(|h| self.find(kind, Some(&h.pack), &h.id).map(choice))
            .collect()
    }

    /// Scores by [`partial_score`] the entries that hold one of the query's topic words (as a
    /// word start in their text, or in one of their names).
    fn partial_matches(
        &self,
        q: &str,
        wanted: &impl Fn(u32) -> bool,
        scored: &mut Vec<(u32, f64)>,
    ) {
        let mut found = Vec::new();
        let mut names = Vec::new();
        for token in partial::content_tokens(q) {
            self.bodies.candidates(token, &mut found);
            names.clear();
            self.keys.candidates(token, &mut names);
            for &name in &names {
                found.extend_from_slice(&self.owners[name as usize]);
            }
        }
        found.sort_unstable();
        found.dedup();
        for e in found.into_iter().filter(|&e| wanted(e)) {
            let entry = &self.entries[e as usize];
            let score = partial_score(q, entry.kind, &entry.names, entry.body.trim_matches(' '));
            if score > 0.0 {
                scored.push((e, score));
            }
        }
    }

    /// The first entry of `kind` with `id` (in `pack`, when given).
    fn find(&self, kind: Kind, pack: Option<&str>, id: &str) -> Option<&Entry> {
        self.by_id
            .get(id)?
            .iter()
            .map(|&e| &self.entries[e as usize])
            .find(|e| e.kind == kind && pack.is_none_or(|p| p == e.pack))
    }

    /// Resolves what a member typed (an autocomplete value `pack:id`, an id, or a name) to one
    /// item of `kind`, or gives the best guesses for "did you mean".
    pub fn resolve(&self, kind: Kind, input: &str) -> Result<Hit, Vec<Hit>> {
        let input = input.trim();
        let exact = |pack: Option<&str>, id: &str| {
            self.find(kind, pack, id).map(|e| Hit {
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
        // Names first: a clear winner among them is the answer whatever the partial matches
        // add (they score at most `PARTIAL_MAX`), so those are only looked for otherwise.
        let q = normalize(input);
        let named = self.search_folded(&q, &[kind], 5, false);
        let clear = named.first().is_some_and(|best| {
            let margin = best.score - named.get(1).map_or(0.0, |h| h.score);
            // (Above `PARTIAL_MAX` and a tie's margin is above `CONFIDENT` too.)
            best.score > partial::PARTIAL_MAX + 0.03 && (best.score >= 1.0 || margin >= 0.03)
        });
        let hits = if clear {
            named
        } else {
            self.search_folded(&q, &[kind], 5, true)
        };
        decide(hits)
    }

    /// The label of an item in `lang`.
    pub fn label(&self, kind: Kind, pack: &str, id: &str, lang: Lang) -> Option<String> {
        self.find(kind, Some(pack), id)
            .map(|e| e.label.get(lang).to_string())
    }

    /// Every entry scored against every name and body by the rules' code as it was before the
    /// index: the reference that the index must agree with.
    #[cfg(test)]
    fn search_by_scanning(&self, query: &str, kinds: &[Kind], limit: usize) -> Vec<Hit> {
        let q = normalize(query);
        let mut best: Vec<f64> = self
            .entries
            .iter()
            .map(|e| score::before::body_score(&q, e.body.trim_matches(' ')))
            .collect();
        for (name, owners) in self.owners.iter().enumerate() {
            let s = score::before::name_score(&q, self.keys.name(name as u32));
            for &e in owners {
                best[e as usize] = best[e as usize].max(s);
            }
        }
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .zip(best)
            .filter(|(e, s)| kinds.contains(&e.kind) && *s > 0.0)
            .map(|(e, score)| Hit {
                kind: e.kind,
                pack: e.pack.clone(),
                id: e.id.clone(),
                score,
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        hits.truncate(limit);
        hits
    }
}

/// What a lookup's ranked hits resolve to: the best one when it is confident and clear, else
/// the best three as guesses.
fn decide(hits: Vec<Hit>) -> Result<Hit, Vec<Hit>> {
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

/// Roman numerals I–XV and their values, for section lookups.
pub fn roman(n: u8) -> &'static str {
    const R: [&str; 16] = [
        "", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
        "XIV", "XV",
    ];
    R.get(usize::from(n)).copied().unwrap_or("")
}

#[cfg(test)]
mod tests;
