//! The quote check on the pack's own quotes: as written, altered by a word, translated,
//! misattributed, a misconception quoted, and words the pack does not hold — in both
//! languages.

use super::*;
use crate::core::Core;

fn core() -> Core {
    Core::for_tests()
}

fn marks<'a>(pack: &'a Pack, text: &str) -> Vec<Mark<'a>> {
    check(pack, text).into_iter().map(|c| c.mark).collect()
}

fn quote<'a>(pack: &'a Pack, id: &str) -> &'a Quote {
    pack.quote(id).expect("a quote of the pack")
}

/// A co-written quote of the pack (*Dialectic of Enlightenment*) and its first eight words in
/// `lang`.
fn co_written_start(pack: &Pack, lang: crate::pack::Lang) -> (&Quote, String) {
    let co_written = pack
        .quotable()
        .find(|q| q.coauthor.is_some())
        .expect("a co-written quote");
    let words: Vec<&str> = co_written
        .text
        .get(lang)
        .trim_matches('…')
        .split_whitespace()
        .take(8)
        .collect();
    (co_written, words.join(" "))
}

#[test]
fn a_verified_quote_as_written_in_either_language_is_verified() {
    let core = core();
    let pack = &core.library.packs[0];
    let q = quote(pack, "here-and-now");
    let text = "As Benjamin writes, “its presence in time and space, its unique existence” is \
                what a copy lacks.";
    assert_eq!(marks(pack, text), [Mark::Verified(q)]);
    let id = "Menurut Benjamin, \"kehadirannya dalam ruang dan waktu, keberadaannya yang unik\" \
              tidak dimiliki salinan.";
    assert_eq!(marks(pack, id), [Mark::Verified(q)], "the Indonesian side");
    // Uncredited is not misattributed.
    assert_eq!(
        marks(pack, "«its presence in time and space»"),
        [Mark::Verified(q)]
    );
}

#[test]
fn a_quote_with_a_word_changed_is_a_near_match_with_the_exact_wording() {
    let core = core();
    let pack = &core.library.packs[0];
    let q = quote(pack, "here-and-now");
    let text = "Benjamin: “Even the most perfect copy of a work of art is lacking in one element”.";
    match marks(pack, text).as_slice() {
        [Mark::Near { quote, exact }] => {
            assert_eq!(quote.id, q.id);
            assert!(
                exact.starts_with("Even the most perfect reproduction"),
                "{exact}"
            );
        }
        other => panic!("{other:?}"),
    }
    let id = "“Bahkan reproduksi karya seni yang paling bagus kekurangan satu unsur”";
    assert!(
        matches!(marks(pack, id).as_slice(), [Mark::Near { quote, .. }] if quote.id == q.id),
        "the Indonesian side, a word changed"
    );
}

#[test]
fn a_co_written_line_given_to_adorno_alone_is_misattributed() {
    let core = core();
    let pack = &core.library.packs[0];
    let (co_written, words) = co_written_start(pack, crate::pack::Lang::En);
    let text = format!("Adorno says that “{words}”.");
    match marks(pack, &text).as_slice() {
        [Mark::Misattributed { quote, named }] => {
            assert_eq!(quote.id, co_written.id);
            assert_eq!(named, &["adorno".to_string()]);
        }
        other => panic!("{text}: {other:?}"),
    }
    let both = format!("Horkheimer and Adorno write “{words}”.");
    assert_eq!(
        marks(pack, &both),
        [Mark::Verified(co_written)],
        "both authors named"
    );
    // Benjamin's words given to Adorno.
    let given = "Adorno wrote “its presence in time and space, its unique existence”.";
    assert!(matches!(
        marks(pack, given).as_slice(),
        [Mark::Misattributed { .. }]
    ));
}

#[test]
fn a_misconception_quoted_is_named_and_other_words_are_not_found() {
    let core = core();
    let pack = &core.library.packs[0];
    let text = "My source says “Adorno rejected the essay wholesale” but also “the camera is a \
                kind of very patient elephant”.";
    let found = check(pack, text);
    assert_eq!(found.len(), 2);
    assert!(
        matches!(found[0].mark, Mark::Misconception(m) if m.id == "adorno-rejected-wholesale"),
        "{:?}",
        found[0]
    );
    assert_eq!(found[1].mark, Mark::NotFound);
    assert_eq!(
        found[1].passage,
        "the camera is a kind of very patient elephant"
    );
    // Two words are a term, not a quotation.
    assert!(check(pack, "the “culture industry” again").is_empty());
}

#[test]
fn in_indonesian_a_co_written_line_given_to_adorno_and_benjamins_words_given_to_adorno_are_misattributed()
 {
    let core = core();
    let pack = &core.library.packs[0];
    let (co_written, words) = co_written_start(pack, crate::pack::Lang::Id);
    let text = format!("Adorno menulis bahwa „{words}“.");
    assert!(
        matches!(marks(pack, &text).as_slice(),
            [Mark::Misattributed { quote, named }] if quote.id == co_written.id && named == &["adorno".to_string()]),
        "{text}"
    );
    let given = "Menurut Adorno, «kehadirannya dalam ruang dan waktu, keberadaannya yang unik».";
    assert!(
        matches!(marks(pack, given).as_slice(),
            [Mark::Misattributed { quote, .. }] if quote.id == "here-and-now"),
        "{given}"
    );
    // Translated into Indonesian and rightly credited: verified.
    let right = "Benjamin menulis «kehadirannya dalam ruang dan waktu, keberadaannya yang unik».";
    assert_eq!(
        marks(pack, right),
        [Mark::Verified(quote(pack, "here-and-now"))]
    );
}
