//! The ranking rules: how well a folded query matches one folded name or one folded body text.
//! The index only chooses which names and bodies to score; the scores come from here alone.

/// How many edits a word of `n` characters may have and still match: none up to 3 characters,
/// one up to 5, two up to 10, three beyond.
pub(crate) fn allowed_edits(n: usize) -> usize {
    match n {
        0..=3 => 0,
        4..=5 => 1,
        6..=10 => 2,
        _ => 3,
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
    if name.split(' ').any(|w| w.starts_with(q)) {
        return 0.85 + 0.05 * ratio;
    }
    if q.split(' ')
        .all(|qt| name.split(' ').any(|nt| nt.starts_with(qt)))
    {
        return 0.82;
    }
    // (A query longer than the name is not in it: no need to prepare the search.)
    if q.len() >= 3 && q.len() < name.len() && name.contains(q) {
        return 0.75;
    }
    let q_chars = q.chars().count();
    if q_chars < 3 {
        return 0.0;
    }
    // Typos: the whole name, the name's start (for a half-typed query), and word by word,
    // each allowed a number of edits that grows with the word's length.
    let whole = fuzzy(q, name);
    let partial = if q_chars >= 4 {
        fuzzy(q, head(name, q_chars)) * 0.95
    } else {
        0.0
    };
    let words = if q.contains(' ') {
        word_typos(q, name)
    } else {
        0.0
    };
    let best = whole.max(partial).max(words);
    if best > 0.0 { 0.55 + 0.35 * best } else { 0.0 }
}

/// The first `n` characters of `s` (all of it when shorter).
fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Every query word against the name's words (a prefix counts as a full match); the worst
/// query word decides.
fn word_typos(q: &str, name: &str) -> f64 {
    let mut worst = 1.0f64;
    for qt in q.split(' ') {
        let best = name
            .split(' ')
            .map(|nt| {
                if nt.starts_with(qt) {
                    1.0
                } else {
                    fuzzy(qt, nt)
                }
            })
            .fold(0.0, f64::max);
        worst = worst.min(best);
        if worst == 0.0 {
            break;
        }
    }
    worst * 0.95
}

/// Similarity (0–1) of two folded words when they are within [`allowed_edits`] of each other
/// (by the longer one's length), else 0. The Damerau–Levenshtein distance comes from `strsim`;
/// two cheap lower bounds on it (the length difference and the letters' difference) skip it
/// for pairs that cannot be close.
fn fuzzy(a: &str, b: &str) -> f64 {
    if !may_be_close(a, b) {
        return 0.0;
    }
    let n = a.chars().count().max(b.chars().count());
    let allowed = allowed_edits(n);
    let d = distance(a, b);
    if d <= allowed {
        1.0 - d as f64 / n as f64
    } else {
        0.0
    }
}

/// The edit distance between two folded strings that every typo rule uses: Damerau–Levenshtein
/// (an insertion, a deletion, a substitution or a swap of neighbours is one edit).
pub(crate) fn distance(a: &str, b: &str) -> usize {
    strsim::damerau_levenshtein(a, b)
}

/// Whether two folded words pass both lower bounds of [`fuzzy`] (a cheap test: `fuzzy` may
/// still find them too far apart).
pub(crate) fn may_be_close(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = allowed_edits(la.max(lb));
    la.max(lb) > 0 && la.abs_diff(lb) <= allowed && letters_apart(a, b) <= allowed
}

/// A lower bound on the edit distance: an insertion or deletion changes the count of one
/// letter, a substitution of two, a transposition of none. Letters are counted in 64 buckets;
/// a shared bucket can only lower the bound.
fn letters_apart(a: &str, b: &str) -> usize {
    let mut counts = [0i16; 64];
    for c in a.chars() {
        counts[(c as usize) & 63] += 1;
    }
    for c in b.chars() {
        counts[(c as usize) & 63] -= 1;
    }
    let diff: usize = counts.iter().map(|c| c.unsigned_abs() as usize).sum();
    diff.div_ceil(2)
}

/// How well a folded query matches body text: the query as a phrase at a word start, or every
/// query word (of two or more letters) as a word start.
pub fn body_score(q: &str, body: &str) -> f64 {
    let padded = format!(" {body} ");
    let query = Query::new(q);
    query.body_score(&padded)
}

/// A folded query with what body matching needs, prepared once per search.
pub(crate) struct Query<'a> {
    q: &'a str,
    /// ` q`: the query at a word start.
    phrase: String,
    /// ` word` for every query word of two or more letters.
    words: Vec<String>,
}

impl<'a> Query<'a> {
    pub(crate) fn new(q: &'a str) -> Query<'a> {
        Query {
            q,
            phrase: format!(" {q}"),
            words: q
                .split(' ')
                .filter(|t| t.len() >= 2)
                .map(|t| format!(" {t}"))
                .collect(),
        }
    }

    /// [`body_score`] against a body given with a space on each side.
    pub(crate) fn body_score(&self, padded_body: &str) -> f64 {
        if self.q.chars().count() < 3 || self.words.is_empty() {
            return 0.0;
        }
        let every_word = || self.words.iter().all(|w| padded_body.contains(w.as_str()));
        // The phrase at a word start holds every word at a word start: a body without one of
        // a longer query's words is not searched for the phrase.
        let several = self.words.len() > 1;
        if several && !every_word() {
            return 0.0;
        }
        if padded_body.contains(&self.phrase) {
            0.5
        } else if several || every_word() {
            0.4
        } else {
            0.0
        }
    }
}

/// The rules' code as it was before the index, kept to check the index against.
#[cfg(test)]
pub(crate) mod before {
    pub(crate) fn name_score(q: &str, name: &str) -> f64 {
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

    pub(crate) fn body_score(q: &str, body: &str) -> f64 {
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
    fn word_prefixes_match_multiword_names() {
        assert!(name_score("nilai kul", "nilai kultus") > 0.85);
        assert!(name_score("value", "cult value") > 0.8);
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_distance() {
        for (a, b) in [
            ("kultwret", "kultwert"),
            ("abc", "ca"),
            ("exibition", "exhibition"),
            ("aura", "arua"),
            ("ästhetik", "asthetik"),
        ] {
            assert!(
                letters_apart(a, b) <= strsim::damerau_levenshtein(a, b),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn body_matches_phrases_and_word_starts() {
        assert_eq!(body_score("cult val", "the cult value of art"), 0.5);
        assert_eq!(body_score("value cult", "the cult value of art"), 0.4);
        assert_eq!(body_score("ult", "the cult value of art"), 0.0);
    }
}
