//! Ranking for documents that match only some of a query's words: a student's whole question
//! ("what does Benjamin mean by aura?") or a passage quoted from memory. Applied by `/search`
//! and lookups to the candidates the index finds for the query's topic words.

use super::kind::Kind;

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
    "think",
    "thinks",
    "thought",
    "view",
    "views",
    "pendapat",
    "pandangan",
    "berpikir",
];

/// The words of a query that carry its topic.
pub(crate) fn content_tokens(q: &str) -> Vec<&str> {
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

/// Whether the body holds every token in order, the first and last at most two words apart
/// for each token (room for the small words between them).
fn in_order(tokens: &[&str], words: &[&str]) -> bool {
    let span = tokens.len() * 2 + 1;
    (0..words.len()).any(|start| {
        let mut next = 0;
        for w in words.iter().skip(start).take(span) {
            if next < tokens.len() && *w == tokens[next] {
                next += 1;
            }
        }
        next == tokens.len() && words[start] == tokens[0]
    })
}

/// Names that stand for the essay itself: in a student's question they are its context.
const CONTEXT: &[&str] = &["essay", "esai", "the essay", "esai ini"];

/// Whether a query word is a name's word: the same, the same with a short ending ("actors",
/// "Dadaists"), or for long words the same six-letter stem ("criticise", "criticism").
fn same_word(query_word: &str, name_word: &str) -> bool {
    let (long, short) = if query_word.len() >= name_word.len() {
        (query_word, name_word)
    } else {
        (name_word, query_word)
    };
    (short.len() >= 3 && long.starts_with(short) && long.len() - short.len() <= 2)
        || (name_word.len() >= 7 && query_word.len() >= 7 && token_matches(query_word, name_word))
}

/// Whether a name stands whole in the query, word for word in a row (see [`same_word`]).
fn stands_in(query: &[&str], name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    query
        .windows(words.len())
        .any(|run| run.iter().zip(&words).all(|(q, n)| same_word(q, n)))
}

/// The highest score [`partial_score`] gives (a passage held whole: 0.5 + 0.28); a name
/// scoring higher than this (and than it plus a tie's margin) cannot be outranked nor tied by a
/// partial match.
pub(crate) const PARTIAL_MAX: f64 = 0.78;

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
    let query: Vec<&str> = q.split(' ').collect();
    let named = names
        .iter()
        .filter(|n| n.len() >= 3 && stands_in(&query, n))
        .map(|n| (n.split(' ').count(), CONTEXT.contains(&n.as_str())))
        .max();
    let by_name = named.map_or(0.0, |(words, context)| {
        let share = (words as f64 / tokens.len() as f64).min(1.0);
        // An author's name, or the essay's, is usually the question's context, not its topic.
        let base = if kind == Kind::Thinker || context {
            0.6
        } else {
            0.66
        };
        base + 0.1 * share
    });
    // Most of a longer name in the query ("siapa yang menerjemahkan versi Prancis" and the page
    // "Versi Prancis (1936)").
    let covered = names
        .iter()
        .filter_map(|n| {
            let words = content_tokens(n);
            let hits = words
                .iter()
                .filter(|w| tokens.iter().any(|t| same_word(t, w)))
                .count();
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
    // All topic words in the question's order, close together: "the version Adorno read",
    // "who translated the essay into English" and "translated the essay into English".
    let phrase = in_order(&tokens, &words);
    // Between bodies holding the same words, the shorter one is more about them (a quote
    // before a whole misconception or motion): at most 0.05.
    let brevity = 0.05 * (20.0 / words.len().max(20) as f64);
    // A passage quoted from memory (five topic words or more) that a body holds almost
    // whole outranks a name that merely stands in it.
    let by_body = if tokens.len() >= 5 && share >= 0.6 {
        0.5 + 0.28 * share
    } else if phrase {
        0.45 + brevity
    } else if found >= 2 && share >= 0.5 {
        0.1 + 0.3 * share + brevity
    } else {
        0.0
    };
    by_name.max(by_body)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // The best a partial match can do: a long passage held whole, or a name standing
        // whole in the query.
        let passage = "the public is an examiner but a distracted one";
        let best = partial_score(passage, Kind::Quote, &[], passage);
        let named = partial_score("what is cult value", Kind::Concept, &names, passage);
        assert!(
            best <= PARTIAL_MAX && named <= PARTIAL_MAX,
            "{best} {named}"
        );
        assert!((best - PARTIAL_MAX).abs() < 1e-9);
        assert!(!token_matches("seni", "sejarah"));
    }
}
