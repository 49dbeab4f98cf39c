//! Content rules that keep attributions exact: quotation marks only around verified words,
//! co-written texts credited to all their authors, claims put in a critic's mouth only when
//! hedged or sourced, and quiz places where a student can actually read the answer.
//!
//! Each rule is a pure function over plain strings, so `load` can apply it to any item and the
//! rules can be tested on their own.

use crate::text::normalize;

/// A passage in quotation marks needs backing when it has at least this many words.
pub const QUOTATION_WORDS: usize = 4;

/// The passages a text sets in quotation marks (“…”), split at ellipses, folded.
pub fn quoted_passages(text: &str) -> Vec<String> {
    marked_passages(text)
        .into_iter()
        .map(|(passage, _)| passage)
        .collect()
}

/// How a rendering of Aura's own is labelled right after its closing mark, in either language.
pub const OWN_LABELS: &[&str] = &["(Aura's own translation", "(terjemahan Aura sendiri"];

/// Each folded passage in quotation marks, with whether it is labelled as Aura's own
/// translation (one of [`OWN_LABELS`] right after its closing mark).
fn marked_passages(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        let Some(close) = after.find('”') else {
            break;
        };
        rest = &after[close + '”'.len_utf8()..];
        let label = rest.trim_start();
        let own = OWN_LABELS.iter().any(|l| label.starts_with(l));
        for part in after[..close].split('…') {
            let folded = normalize(part);
            if !folded.is_empty() {
                out.push((folded, own));
            }
        }
    }
    out
}

/// The first passage of [`QUOTATION_WORDS`] words or more that is set in quotation marks but
/// is found in none of `backing` (verified quote texts, folded) and is not a known term or
/// title (`terms`, folded).
pub fn unbacked_quotation(text: &str, backing: &[String], terms: &[String]) -> Option<String> {
    marked_passages(text).into_iter().find_map(|(p, own)| {
        (!own
            && p.split(' ').count() >= QUOTATION_WORDS
            && !backing.iter().any(|b| contains_words(b, &p))
            && !terms.iter().any(|t| t == &p || contains_words(t, &p)))
        .then_some(p)
    })
}

/// Whether the folded `hay` holds the folded `needle` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    format!(" {hay} ").contains(&format!(" {needle} "))
}

/// The thinkers a text credits bare, as `Adorno: …` or `Horkheimer and Adorno: …` at the start
/// of a sentence: no hedge ("Adorno might ask…") and no source named in parentheses
/// ("Adorno (letter, 1936): …"). `names` maps folded last names to thinker ids.
pub fn bare_attributions<'a>(text: &str, names: &[(String, &'a str)]) -> Vec<&'a str> {
    let mut found = Vec::new();
    for sentence in sentences(text) {
        let Some(colon) = sentence.find(':') else {
            continue;
        };
        let label = &sentence[..colon];
        if label.contains('(') || label.chars().count() > 60 {
            continue;
        }
        let words: Vec<String> = normalize(label).split(' ').map(str::to_string).collect();
        let mut ids = Vec::new();
        let all_names = !words.is_empty()
            && words.iter().all(|w| {
                if matches!(w.as_str(), "and" | "dan" | "") {
                    return true;
                }
                match names.iter().find(|(n, _)| n == w) {
                    Some((_, id)) => {
                        ids.push(*id);
                        true
                    }
                    None => false,
                }
            });
        if all_names {
            found.extend(ids);
        }
    }
    found
}

/// The names of [`bare_attributions`] whose sentence points to no section of the essay (a
/// parenthesis such as “(XII)”, “(II, IV)” or “(section XV)”): a view stated with nothing a
/// student can check it against.
pub fn unsourced_attributions<'a>(text: &str, names: &[(String, &'a str)]) -> Vec<&'a str> {
    sentences(text)
        .filter(|s| !cites_section(s))
        .flat_map(|s| bare_attributions(s, names))
        .collect()
}

/// Whether `sentence` names a section in a parenthesis: a Roman numeral I–XV, or the preface,
/// the epilogue, a section, in English or Indonesian.
pub fn cites_section(sentence: &str) -> bool {
    const ROMAN: [&str; 15] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV",
    ];
    const WORDS: [&str; 6] = [
        "section",
        "bagian",
        "preface",
        "epilogue",
        "epilog",
        "pengantar",
    ];
    sentence
        .split('(')
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .flat_map(|inside| inside.split([' ', ',', ';', '.']))
        .any(|w| ROMAN.contains(&w) || WORDS.contains(&w.to_lowercase().as_str()))
}

fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(". ").map(str::trim)
}

/// Words that mark a fact of the work's publication history (years, translations, editions,
/// titles), in English and Indonesian. A question on such a fact has no section to read.
const HISTORY_WORDS: &[&str] = &[
    "translat", "publish", "edition", "edited", "title", "terjemah", "terbit", "edisi", "judul",
    "sunting",
];

/// Why a question's prompt and explanation read as a publication-history fact: the year or
/// word that marks it. `None` when they do not.
pub fn history_marker(prompt: &str, explanation: &str) -> Option<String> {
    let text = normalize(&format!("{prompt} {explanation}"));
    for word in text.split(' ') {
        let is_year = word.len() == 4
            && word.chars().all(|c| c.is_ascii_digit())
            && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20"));
        if is_year {
            return Some(word.to_string());
        }
        if let Some(w) = HISTORY_WORDS.iter().find(|w| word.contains(*w)) {
            return Some((*w).to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_are_split_at_ellipses_and_folded() {
        assert_eq!(
            quoted_passages("He says “Fiat ars… pereat mundus” and “art”."),
            vec!["fiat ars", "pereat mundus", "art"]
        );
    }

    #[test]
    fn a_paraphrase_in_quotation_marks_is_unbacked() {
        let backing = vec![normalize(
            "Instead of being based on ritual, it begins to be based on another practice—politics.",
        )];
        let terms = vec![normalize("Reception in distraction")];
        assert!(unbacked_quotation("“Instead of ritual, politics.”", &backing, &terms).is_some());
        assert!(
            unbacked_quotation(
                "“it begins to be based on another practice”",
                &backing,
                &terms
            )
            .is_none()
        );
        assert!(unbacked_quotation("“reception in distraction”", &backing, &terms).is_none());
        assert!(unbacked_quotation("the “here and now”", &backing, &terms).is_none());
        // A rendering of Aura's own is allowed in marks when it says so, in either language.
        let mine = "It opens “What, then, is aura? A strange weave…”";
        assert!(unbacked_quotation(mine, &backing, &terms).is_some());
        for label in OWN_LABELS {
            let labelled = format!("{mine} {label}).");
            assert!(unbacked_quotation(&labelled, &backing, &terms).is_none());
        }
    }

    #[test]
    fn bare_labels_are_found_and_hedges_are_not() {
        let names = vec![
            ("adorno".to_string(), "adorno"),
            ("horkheimer".to_string(), "horkheimer"),
            ("benjamin".to_string(), "benjamin"),
        ];
        assert_eq!(
            bare_attributions("Benjamin: x. Adorno: the platforms own it.", &names),
            vec!["benjamin", "adorno"]
        );
        assert_eq!(
            bare_attributions("Horkheimer dan Adorno: y.", &names),
            vec!["horkheimer", "adorno"]
        );
        assert!(bare_attributions("Adorno might ask: who profits?", &names).is_empty());
        assert!(bare_attributions("Adorno (letter, 1936): z.", &names).is_empty());
    }

    #[test]
    fn publication_facts_are_recognised() {
        assert_eq!(
            history_marker("Who translated the French version?", "Klossowski.").as_deref(),
            Some("translat")
        );
        assert_eq!(
            history_marker("First used?", "In 1931.").as_deref(),
            Some("1931")
        );
        assert!(history_marker("Which section holds Dada?", "Section XIV.").is_none());
    }
}
