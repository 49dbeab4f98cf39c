//! The lookup structures behind the search index, built once: which names (and which bodies)
//! a query can possibly match, found without looking at every name. Scoring the few candidates
//! is left to [`super::score`].
//!
//! - exact and prefix matches: the names, sorted;
//! - word-prefix matches: the names' words, sorted, each with the names it occurs in;
//! - substrings: the names holding each three-byte sequence (trigram postings);
//! - typos: a deletion dictionary (the idea of SymSpell). Two strings within `d` edits share a
//!   common subsequence that each reaches by deleting at most `d` characters, and this still
//!   holds for their first [`PREFIX`] characters. So every name and word is stored under every
//!   way of deleting up to three of its first characters, and a query looks up its own
//!   deletions: a shared one, with few enough deletions on both sides, makes a candidate.

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::score::{allowed_edits, may_be_close};

/// How many leading characters the deletion dictionary keeps of each string.
const PREFIX: usize = 7;

/// How many leading bits of a deletion's hash pick its bucket.
const BUCKET_BITS: u32 = 12;

/// Shortest and longest name starts indexed on their own, for half-typed queries ("the name's
/// start" rule). From [`PREFIX`] characters on, a name's own entry covers its start.
const HEADS: std::ops::RangeInclusive<usize> = 4..=6;

/// The most deletions a string of `len` characters can need to meet any string it may match:
/// a word of 3 characters can match one of 4 (one edit), one of 4 to 7 one two edits away, and
/// one of 8 or more one of 11 (three edits).
fn max_deletions(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3 => 1,
        4..=7 => 2,
        _ => 3,
    }
}

/// Whether a name of `len` characters, sharing a deletion (`deleted` on the larger side) with
/// a query of `q_len`, may be within reach: as a whole (lengths at most the allowed edits
/// apart), or by its start of the query's length, from 7 characters on (shorter starts have
/// their own entries).
fn name_may_match(q_len: usize, len: usize, deleted: usize) -> bool {
    let allowed = allowed_edits(q_len.max(len));
    let whole = len.abs_diff(q_len) <= allowed && deleted <= allowed;
    let start = q_len >= PREFIX && len > q_len && deleted <= allowed_edits(q_len);
    whole || start
}

/// What a stored deletion leads back to.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// A whole name of `len` characters.
    Name { name: u32, len: u32 },
    /// The first `len` characters of a longer name.
    Head { name: u32, len: u32 },
    /// A word of `len` characters.
    Word { word: u32, len: u32 },
}

/// A word of the names, with the names it occurs in.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    names: Vec<u32>,
}

/// Finds the names a folded query may match.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameKeys {
    /// Folded names, by id.
    names: Vec<String>,
    /// Name ids in the order of their text.
    sorted: Vec<u32>,
    /// The longest name's length in characters.
    longest: usize,
    /// Every word of every name, sorted.
    words: Vec<Word>,
    /// Three-byte sequence → the names that hold it (ascending).
    trigrams: FxHashMap<[u8; 3], Vec<u32>>,
    /// (hash of a deletion, group of sources, deletions made), in buckets.
    deletions: Vec<(u64, u32, u8)>,
    /// Where the hashes starting with each [`BUCKET_BITS`] bits begin in `deletions` (and
    /// where the last ends), so a lookup searches a handful of entries.
    buckets: Vec<u32>,
    /// The sources behind each group: strings with the same start and deletion budget.
    groups: Vec<Vec<Source>>,
}

impl NameKeys {
    /// Indexes folded, distinct, non-empty names; a name's id is its position.
    pub(crate) fn build(names: Vec<String>) -> NameKeys {
        let mut sorted: Vec<u32> = (0..names.len() as u32).collect();
        sorted.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));

        let mut by_word: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        let mut trigrams: FxHashMap<[u8; 3], Vec<u32>> = FxHashMap::default();
        for (i, name) in names.iter().enumerate() {
            let i = i as u32;
            for w in name.split(' ') {
                let list = by_word.entry(w).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            for t in name.as_bytes().windows(3) {
                let list = trigrams.entry([t[0], t[1], t[2]]).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let mut words: Vec<Word> = by_word
            .into_iter()
            .map(|(text, names)| Word {
                text: text.to_string(),
                names,
            })
            .collect();
        words.sort_by(|a, b| a.text.cmp(&b.text));

        // Strings that share their first characters (and deletion budget) share their
        // deletions: each is generated once, for the group of sources behind it.
        let mut groups: Vec<Vec<Source>> = Vec::new();
        let mut deletions = Vec::new();
        let mut seen: FxHashMap<(Vec<char>, usize), u32> = FxHashMap::default();
        let mut scratch = Vec::new();
        let mut add = |text: &str, max: usize, source: Source| {
            let chars: Vec<char> = text.chars().take(PREFIX).collect();
            let next = groups.len() as u32;
            let group = *seen.entry((chars, max)).or_insert_with_key(|(chars, max)| {
                scratch.clear();
                variants(chars, *max, &mut scratch);
                deletions.extend(scratch.iter().map(|&(h, d)| (h, next, d)));
                next
            });
            if group == next {
                groups.push(Vec::new());
            }
            groups[group as usize].push(source);
        };
        for (i, name) in names.iter().enumerate() {
            let len = name.chars().count();
            let source = Source::Name {
                name: i as u32,
                len: len as u32,
            };
            add(name, max_deletions(len), source);
            for head in HEADS.filter(|&h| h < len) {
                let source = Source::Head {
                    name: i as u32,
                    len: head as u32,
                };
                // A start is compared with a query of its own length.
                let text: String = name.chars().take(head).collect();
                add(&text, allowed_edits(head), source);
            }
        }
        for (i, w) in words.iter().enumerate() {
            let len = w.text.chars().count();
            let source = Source::Word {
                word: i as u32,
                len: len as u32,
            };
            add(&w.text, max_deletions(len), source);
        }
        let (deletions, buckets) = into_buckets(deletions);
        NameKeys {
            longest: names.iter().map(|n| n.chars().count()).max().unwrap_or(0),
            names,
            sorted,
            words,
            trigrams,
            deletions,
            buckets,
            groups,
        }
    }

    pub(crate) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// Every name a folded query may score above zero against (and perhaps a few more),
    /// ascending and without repeats.
    pub(crate) fn candidates(&self, q: &str, out: &mut Vec<u32>) {
        if q.is_empty() {
            return;
        }
        // Exact and prefix.
        let start = self
            .sorted
            .partition_point(|&id| self.names[id as usize].as_str() < q);
        out.extend(
            self.sorted[start..]
                .iter()
                .take_while(|&&id| self.names[id as usize].starts_with(q)),
        );
        let q_len = q.chars().count();
        // Word by word: a name matching every word of the query (by word prefixes, or by typos
        // for several words) matches its two longest words; it is among the names of both.
        // A single word matches the start of a name's word.
        let mut tokens: Vec<&str> = q.split(' ').collect();
        tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let several = tokens.len() > 1;
        let mut by_words = Vec::new();
        let mut matched = Vec::new();
        let mut typos = Vec::new();
        for (i, token) in tokens.iter().take(2).enumerate() {
            matched.clear();
            for w in self.words_starting(token) {
                matched.extend_from_slice(&w.names);
            }
            if several && q_len >= 3 {
                // A shared start is not enough: the whole words must be within reach (by the
                // score's cheap bounds, once per word).
                let t_len = token.chars().count();
                typos.clear();
                self.lookup(token, |source, deleted| {
                    if let Source::Word { word, len } = source
                        && deleted <= allowed_edits(t_len.max(len as usize))
                    {
                        typos.push(word);
                    }
                });
                typos.sort_unstable();
                typos.dedup();
                for &word in &typos {
                    let word = &self.words[word as usize];
                    if may_be_close(token, &word.text) {
                        matched.extend_from_slice(&word.names);
                    }
                }
            }
            narrow(&mut by_words, &mut matched, i == 0);
        }
        out.extend_from_slice(&by_words);
        // Substrings: a name holding the query holds its rarest trigram.
        if q.len() >= 3 {
            let rarest = q
                .as_bytes()
                .windows(3)
                .map(|t| {
                    self.trigrams
                        .get(&[t[0], t[1], t[2]])
                        .map_or(&[][..], Vec::as_slice)
                })
                .min_by_key(|list| list.len());
            out.extend_from_slice(rarest.unwrap_or(&[]));
        }
        // Typos of the whole name or of its start: none for a query longer than every name by
        // more than the most edits allowed (and longer than the indexed starts).
        let reachable = q_len <= self.longest + allowed_edits(usize::MAX) || q_len <= *HEADS.end();
        if q_len >= 3 && reachable {
            self.lookup(q, |source, deleted| match source {
                Source::Name { name, len } if name_may_match(q_len, len as usize, deleted) => {
                    out.push(name)
                }
                Source::Head { name, len }
                    if len as usize == q_len && deleted <= allowed_edits(q_len) =>
                {
                    out.push(name)
                }
                _ => {}
            });
        }
        out.sort_unstable();
        out.dedup();
    }

    fn words_starting<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = &'s Word> + 's {
        let start = self.words.partition_point(|w| w.text.as_str() < prefix);
        self.words[start..]
            .iter()
            .take_while(move |w| w.text.starts_with(prefix))
    }

    /// Calls `found` with every source sharing a deletion with `s`, and the larger of the two
    /// deletion counts.
    fn lookup(&self, s: &str, mut found: impl FnMut(Source, usize)) {
        let chars: Vec<char> = s.chars().take(PREFIX).collect();
        let mut mine = Vec::new();
        variants(&chars, max_deletions(s.chars().count()), &mut mine);
        for (hash, q_deleted) in mine {
            let bucket = (hash >> (64 - BUCKET_BITS)) as usize;
            let run =
                &self.deletions[self.buckets[bucket] as usize..self.buckets[bucket + 1] as usize];
            for &(_, group, deleted) in run.iter().filter(|&&(h, _, _)| h == hash) {
                let deleted = usize::from(deleted.max(q_deleted));
                for &source in &self.groups[group as usize] {
                    found(source, deleted);
                }
            }
        }
    }
}

/// Orders deletions by the bucket of their hash (a counting sort) and says where each bucket
/// begins; a lookup reads the few entries of one bucket.
fn into_buckets(deletions: Vec<(u64, u32, u8)>) -> (Vec<(u64, u32, u8)>, Vec<u32>) {
    let bucket = |h: u64| (h >> (64 - BUCKET_BITS)) as usize;
    let mut buckets = vec![0u32; (1 << BUCKET_BITS) + 1];
    for d in &deletions {
        buckets[bucket(d.0) + 1] += 1;
    }
    let mut total = 0;
    for b in &mut buckets {
        total += *b;
        *b = total;
    }
    let mut next = buckets.clone();
    let mut ordered = vec![(0, 0, 0); deletions.len()];
    for d in deletions {
        let slot = &mut next[bucket(d.0)];
        ordered[*slot as usize] = d;
        *slot += 1;
    }
    (ordered, buckets)
}

/// Every string `chars` (at most 32 characters) becomes by deleting up to `max` of its
/// characters, as (hash, number of deletions). Deleting any one of a run of equal characters
/// gives the same string, so only a run's first characters are deleted; other repeats (rare)
/// are kept, and a lookup finds their sources twice, which its caller's dedup absorbs.
fn variants(chars: &[char], max: usize, out: &mut Vec<(u64, u8)>) {
    /// `deleted`: a bit per deleted position; deletions are made in increasing position.
    fn walk(
        chars: &[char],
        from: usize,
        deleted: u32,
        count: usize,
        max: usize,
        out: &mut Vec<(u64, u8)>,
    ) {
        let mut h = FxHasher::default();
        for (i, c) in chars.iter().enumerate() {
            if deleted & (1 << i) == 0 {
                h.write_u32(*c as u32);
            }
        }
        h.write_usize(chars.len() - count);
        out.push((h.finish(), count as u8));
        if count == max {
            return;
        }
        for i in from..chars.len() {
            let repeat = i > 0 && chars[i - 1] == chars[i] && deleted & (1 << (i - 1)) == 0;
            if !repeat {
                walk(chars, i + 1, deleted | 1 << i, count + 1, max, out);
            }
        }
    }
    let chars = &chars[..chars.len().min(32)];
    walk(chars, 0, 0, 0, max.min(chars.len()), out);
}

/// Finds the items whose body text holds every word of a query as a word start.
#[derive(Debug, Clone, Default)]
pub(crate) struct BodyKeys {
    /// Every word of every body, sorted, with the items it occurs in (ascending).
    words: Vec<(String, Vec<u32>)>,
}

impl BodyKeys {
    /// Indexes folded bodies; an item's id is its position.
    pub(crate) fn build<'b>(bodies: impl Iterator<Item = &'b str>) -> BodyKeys {
        let mut by_word: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for (i, body) in bodies.enumerate() {
            for w in body.split(' ').filter(|w| !w.is_empty()) {
                let list = by_word.entry(w).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
        }
        let mut words: Vec<(String, Vec<u32>)> = by_word
            .into_iter()
            .map(|(w, items)| (w.to_string(), items))
            .collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        BodyKeys { words }
    }

    /// The items whose body has a word starting with each of the query's two longest words
    /// (of two letters or more): every item whose body can match the query, and perhaps a few
    /// more. Shorter words ("of", "the") start words in nearly every body and would only cost.
    pub(crate) fn candidates(&self, q: &str, out: &mut Vec<u32>) {
        let mut tokens: Vec<&str> = q.split(' ').filter(|t| t.len() >= 2).collect();
        tokens.sort_by_key(|t| std::cmp::Reverse(t.len()));
        tokens.dedup();
        let mut items = Vec::new();
        for (i, token) in tokens.iter().take(2).enumerate() {
            items.clear();
            let start = self.words.partition_point(|(w, _)| w.as_str() < *token);
            for (_, with) in self.words[start..]
                .iter()
                .take_while(|(w, _)| w.starts_with(token))
            {
                items.extend_from_slice(with);
            }
            narrow(out, &mut items, i == 0);
            if out.is_empty() {
                return;
            }
        }
    }
}

/// Narrows `so_far` to the ids `found` (sorted and deduplicated here) holds too; for the
/// first word (`first`), takes all of `found`.
fn narrow(so_far: &mut Vec<u32>, found: &mut Vec<u32>, first: bool) {
    found.sort_unstable();
    found.dedup();
    if first {
        so_far.extend_from_slice(found);
    } else {
        so_far.retain(|id| found.binary_search(id).is_ok());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_equal_characters_is_deleted_once() {
        let chars: Vec<char> = "aab".chars().collect();
        let mut out = Vec::new();
        variants(&chars, 1, &mut out);
        // "aab", "ab" (either a), "aa".
        assert_eq!(out.len(), 3);
        assert!(out.iter().any(|&(_, d)| d == 0));
        out.clear();
        variants(&['a'; 4], 2, &mut out);
        // "aaaa", "aaa", "aa".
        assert_eq!(out.len(), 3);
        assert_eq!(out.iter().map(|&(_, d)| usize::from(d)).sum::<usize>(), 3);
    }

    #[test]
    fn a_typo_finds_its_name() {
        let keys = NameKeys::build(vec![
            "kultwert".into(),
            "exhibition value".into(),
            "aura".into(),
        ]);
        let mut out = Vec::new();
        keys.candidates("kultwret", &mut out);
        assert_eq!(out, vec![0]);
        out.clear();
        keys.candidates("exibition valeu", &mut out);
        assert!(out.contains(&1));
        out.clear();
        keys.candidates("arua", &mut out);
        assert!(out.contains(&2));
    }
}
