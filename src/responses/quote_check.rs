//! The quote check: every passage a student sets in quotation marks (“…”, "…", «…», „…“,
//! ‘…’, in either language) is checked against the pack's verified quotes, in English,
//! Indonesian and German, and gets one mark: verified (the quote it is, with its place); a near
//! match (the exact wording to use); a misattribution (the right words given to the wrong
//! author, or a co-written text given to one of its authors alone); a known misconception (a
//! claim the pack corrects); or not found in the pack — a neutral note, never an accusation.
//! Pure: a text and a pack in, the marks out.

use crate::pack::{Misconception, Pack, Quote};
use crate::text::normalize;

/// A passage needs this many words to be checked (shorter ones are terms and titles).
pub const MIN_WORDS: usize = 3;

/// The share of a passage's words a quote must hold, in order, for a near match.
const NEAR: f64 = 0.75;

/// The marks a passage in quotation marks gets.
#[derive(Debug, Clone)]
pub enum Mark<'a> {
    /// The words of a verified quote, credited rightly (or not credited).
    Verified(&'a Quote),
    /// Close to a verified quote but not its words: the quote, and its exact wording in the
    /// language the student quoted.
    Near { quote: &'a Quote, exact: String },
    /// A verified quote's words given to someone who did not write them, or a co-written
    /// text's words given to one author alone: the quote, and the thinker ids named.
    Misattributed {
        quote: &'a Quote,
        named: Vec<String>,
    },
    /// A claim the pack's misconceptions correct.
    Misconception(&'a Misconception),
    /// Nothing in the pack holds it.
    NotFound,
}

/// Marks are equal when they say the same of the same quote (or misconception), by id.
impl PartialEq for Mark<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Mark::Verified(a), Mark::Verified(b)) => a.id == b.id,
            (Mark::Near { quote: a, exact: x }, Mark::Near { quote: b, exact: y }) => {
                a.id == b.id && x == y
            }
            (
                Mark::Misattributed { quote: a, named: x },
                Mark::Misattributed { quote: b, named: y },
            ) => a.id == b.id && x == y,
            (Mark::Misconception(a), Mark::Misconception(b)) => a.id == b.id,
            (Mark::NotFound, Mark::NotFound) => true,
            _ => false,
        }
    }
}

/// One passage as the student wrote it, and its mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    pub passage: String,
    pub mark: Mark<'a>,
}

/// The pairs of marks a passage may stand between.
const MARKS: [(char, char); 6] = [
    ('“', '”'),
    ('"', '"'),
    ('«', '»'),
    ('„', '“'),
    ('‘', '’'),
    ('»', '«'),
];

/// Each passage set in quotation marks, as written, with the sentence around it (for who is
/// credited), in the order they stand.
fn passages(text: &str) -> Vec<(String, String)> {
    // (where it opens, where it closes, the passage, its sentence)
    let mut found: Vec<(usize, usize, String, String)> = Vec::new();
    for (open, close) in MARKS {
        let mut from = 0;
        while let Some(start) = text[from..].find(open).map(|i| from + i) {
            let inner = start + open.len_utf8();
            let Some(end) = text[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            from = end + close.len_utf8();
            // A mark inside (or closing) another pair's passage is that passage's.
            if found.iter().any(|(s, e, ..)| *s < start && start < *e) {
                continue;
            }
            let passage = text[inner..end].trim().to_string();
            found.push((start, from, passage, sentence_around(text, start, from)));
        }
    }
    found.sort_by_key(|(start, ..)| *start);
    found.into_iter().map(|(_, _, p, s)| (p, s)).collect()
}

/// The sentence holding `start..end`: back to the last full stop before it, on to the next.
fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let stops = ['.', '!', '?', '\n'];
    let before = text[..start].rfind(stops).map_or(0, |i| i + 1);
    let after = text[end..].find(stops).map_or(text.len(), |i| end + i);
    format!("{} {}", &text[before..start], &text[end..after])
}

/// Every passage of `text` in quotation marks, checked against `pack`.
pub fn check<'a>(pack: &'a Pack, text: &str) -> Vec<Checked<'a>> {
    passages(text)
        .into_iter()
        .filter(|(p, _)| normalize(p).split(' ').count() >= MIN_WORDS)
        .map(|(passage, around)| {
            let mark = mark(pack, &passage, &around);
            Checked { passage, mark }
        })
        .collect()
}

/// The mark of one passage, with the words around it (who is named there).
fn mark<'a>(pack: &'a Pack, passage: &str, around: &str) -> Mark<'a> {
    let folded = normalize(passage);
    let parts: Vec<String> = folded
        .split('…')
        .flat_map(|p| p.split("..."))
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect();
    let named = named_in(pack, around);
    let credited = |quote: &'a Quote, mark: Mark<'a>| {
        let authors: Vec<&str> = std::iter::once(quote.speaker.as_str())
            .chain(quote.coauthor.as_deref())
            .collect();
        let wrong = named.iter().any(|n| !authors.contains(&n.as_str()));
        let alone = authors.len() > 1 && named.len() == 1;
        if !named.is_empty() && (wrong || alone) {
            Mark::Misattributed {
                quote,
                named: named.clone(),
            }
        } else {
            mark
        }
    };
    for quote in pack.quotable() {
        let sides = sides(quote);
        if sides.iter().any(|s| parts.iter().all(|p| holds(s, p))) {
            return credited(quote, Mark::Verified(quote));
        }
    }
    let mut best: Option<(f64, &Quote, String)> = None;
    for quote in pack.quotable() {
        for (side, shown) in sides(quote).into_iter().zip(shown_sides(quote)) {
            let share = near_share(&side, &folded);
            if share >= NEAR && best.as_ref().is_none_or(|(b, ..)| share > *b) {
                best = Some((share, quote, shown));
            }
        }
    }
    if let Some((_, quote, exact)) = best {
        return credited(quote, Mark::Near { quote, exact });
    }
    for m in &pack.misconceptions {
        let claims = m.claim.sides().map(|(_, c)| normalize(c));
        let aliases = m.aliases.iter().map(|a| normalize(a));
        if claims
            .chain(aliases)
            .any(|c| c == folded || holds(&c, &folded))
        {
            return Mark::Misconception(m);
        }
    }
    Mark::NotFound
}

/// A quote's texts, folded: English, Indonesian, German.
fn sides(q: &Quote) -> Vec<String> {
    shown_sides(q).iter().map(|s| normalize(s)).collect()
}

/// A quote's texts as written, in the same order as [`sides`].
fn shown_sides(q: &Quote) -> Vec<String> {
    q.text
        .sides()
        .map(|(_, s)| s.to_string())
        .chain(q.de.clone())
        .collect()
}

/// Whether folded `hay` holds folded `needle` as whole words.
fn holds(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {hay} ").contains(&format!(" {needle} "))
}

/// The best share of the passage's words found, in order, in a stretch of the quote as long
/// as the passage (one word changed, added or left out keeps a long passage near).
fn near_share(quote: &str, passage: &str) -> f64 {
    let q: Vec<&str> = quote.split(' ').collect();
    let p: Vec<&str> = passage.split(' ').collect();
    if p.len() < MIN_WORDS + 1 || q.is_empty() {
        return 0.0;
    }
    let width = (p.len() + 1).min(q.len());
    (0..=q.len().saturating_sub(width))
        .map(|start| common_in_order(&q[start..start + width], &p))
        .max()
        .map_or(0.0, |n| n as f64 / p.len() as f64)
}

/// The longest common subsequence of two word lists.
fn common_in_order(a: &[&str], b: &[&str]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The thinkers (ids) named around a passage, by last name.
fn named_in(pack: &Pack, around: &str) -> Vec<String> {
    let words: Vec<String> = normalize(around).split(' ').map(String::from).collect();
    pack.thinkers
        .iter()
        .filter(|t| {
            let last = t.name.split_whitespace().last().map(normalize);
            last.is_some_and(|l| words.contains(&l))
        })
        .map(|t| t.id.clone())
        .collect()
}

#[cfg(test)]
mod tests;
