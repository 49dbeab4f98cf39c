//! Quiz questions generated at load time from concepts and verified quotes:
//! "which concept is this?", "who wrote this?" and "which section is this from?".
//!
//! Distractors are drawn with an RNG seeded from the question id, so the same pack always
//! yields the same questions.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::model::{Lang, Text};
use super::{Difficulty, Pack, QuizQuestion};

/// A stable 64-bit hash (FNV-1a) for seeding.
pub fn seed_of(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        en: Some(f(Lang::En)),
        id: Some(f(Lang::Id)),
    }
}

/// Puts the correct choice among up to three distractors, in an order seeded by `id`,
/// and says where it went.
fn with_correct(id: &str, correct: Text, mut pool: Vec<Text>) -> Option<(Vec<Text>, usize)> {
    let mut rng = StdRng::seed_from_u64(seed_of(id));
    let marker = correct.get(Lang::En).to_string();
    pool.retain(|t| t.get(Lang::En) != marker);
    pool.shuffle(&mut rng);
    pool.truncate(3);
    pool.push(correct);
    pool.shuffle(&mut rng);
    let index = pool.iter().position(|c| c.get(Lang::En) == marker)?;
    (pool.len() >= 2).then_some((pool, index))
}

/// A generated multiple-choice question, with its `answer` from [`with_correct`] (the choices
/// and where the correct one is); it has no place, concepts or quote until the caller says.
fn generated(
    id: String,
    difficulty: Difficulty,
    prompt: Text,
    (choices, correct): (Vec<Text>, usize),
    explanation: Text,
) -> QuizQuestion {
    QuizQuestion {
        id,
        difficulty,
        prompt,
        choices,
        correct,
        true_false: false,
        explanation,
        section: None,
        source: None,
        concepts: Vec::new(),
        quote: None,
        generated: true,
        seconds: None,
        points: None,
        by_teacher: false,
        label: None,
        typed: None,
    }
}

pub fn questions(pack: &Pack) -> Vec<QuizQuestion> {
    let mut out = Vec::new();
    out.extend(concept_questions(pack));
    out.extend(speaker_questions(pack));
    out.extend(section_questions(pack));
    out
}

fn concept_questions(pack: &Pack) -> Vec<QuizQuestion> {
    let names: Vec<Text> = pack
        .concepts
        .iter()
        .map(|c| both(|l| c.name.get(l).to_string()))
        .collect();
    pack.concepts
        .iter()
        .filter_map(|c| {
            let id = format!("gen-concept-{}", c.id);
            let correct = both(|l| c.name.get(l).to_string());
            let answer = with_correct(&id, correct, names.clone())?;
            let section = c.sections.first().cloned();
            let source = c
                .quotes
                .first()
                .and_then(|q| pack.quote(q))
                .map(|q| q.work.clone());
            if section.is_none() && source.is_none() {
                return None;
            }
            let thinker = pack.concept_authors(c);
            let prompt = both(|l| match l {
                Lang::En => format!(
                    "Which concept is this? {}",
                    crate::text::quoted(c.gloss.get(l))
                ),
                Lang::Id => format!("Konsep apakah ini? {}", crate::text::quoted(c.gloss.get(l))),
            });
            let explanation = both(|l| {
                // The sentence that states the concept, not background or the view it answers.
                let states = c
                    .statement
                    .as_ref()
                    .map(|s| s.get(l).to_string())
                    .unwrap_or_else(|| first_sentence(c.definition.get(l)));
                format!("{} ({thinker}): {states}", c.name.get(l))
            });
            Some(QuizQuestion {
                section,
                source,
                concepts: vec![c.id.clone()],
                ..generated(id, Difficulty::Easy, prompt, answer, explanation)
            })
        })
        .collect()
}

fn speaker_questions(pack: &Pack) -> Vec<QuizQuestion> {
    let speakers: Vec<Text> = {
        let mut v: Vec<String> = pack.quotable().map(|q| pack.speaker_name(q)).collect();
        v.sort();
        v.dedup();
        v.into_iter().map(Text::same).collect()
    };
    pack.quotable()
        .filter_map(|q| {
            let id = format!("gen-speaker-{}", q.id);
            let name = pack.speaker_name(q);
            // No distractor that names the speaker too (Horkheimer and Adorno for Adorno).
            let others: Vec<Text> = speakers
                .iter()
                .filter(|s| {
                    let other = s.get(Lang::En);
                    !other.contains(name.as_str()) && !name.contains(other)
                })
                .cloned()
                .collect();
            let answer = with_correct(&id, Text::same(name.clone()), others)?;
            let work = pack.source(&q.work);
            let title = pack.quote_title(q).cloned().unwrap_or_default();
            let year = work.map(|s| s.year.as_str()).unwrap_or("");
            let prompt = both(|l| match l {
                Lang::En => format!("Who wrote this? {}", crate::text::quoted(q.text.get(l))),
                Lang::Id => format!(
                    "Siapa yang menulis ini? {}",
                    crate::text::quoted(q.text.get(l))
                ),
            });
            // A title that names the speaker already (a phrase "as quoted in" a later text)
            // stands alone: the speaker is not repeated, and the later text's year is not
            // given as the year the speaker wrote it.
            let surname = name.rsplit(' ').next().unwrap_or(&name).to_string();
            let explanation = both(|l| {
                let title = title.get(l);
                if title.contains(&surname) {
                    format!("{title}.")
                } else {
                    format!("{name}, {title} ({year}).")
                }
            });
            Some(QuizQuestion {
                section: q.section.clone(),
                source: Some(q.work.clone()),
                concepts: q.concepts.clone(),
                quote: Some(q.id.clone()),
                ..generated(id, Difficulty::Medium, prompt, answer, explanation)
            })
        })
        .collect()
}

fn section_questions(pack: &Pack) -> Vec<QuizQuestion> {
    let labels: Vec<Text> = pack.sections.iter().map(|s| s.label.clone()).collect();
    pack.quotable()
        .filter(|q| q.version.as_deref() == Some("v3"))
        .filter_map(|q| {
            let section = pack.section(q.section.as_deref()?)?;
            let id = format!("gen-section-{}", q.id);
            let answer = with_correct(&id, section.label.clone(), labels.clone())?;
            let prompt = both(|l| match l {
                Lang::En => format!(
                    "In which section of the essay (third version) does this {} stand? {}",
                    if q.footnote { "footnote" } else { "passage" },
                    crate::text::quoted(q.text.get(l))
                ),
                Lang::Id => format!(
                    "Di bagian mana dari esai (versi ketiga) {} ini berada? {}",
                    if q.footnote {
                        "catatan kaki"
                    } else {
                        "kutipan"
                    },
                    crate::text::quoted(q.text.get(l))
                ),
            });
            let explanation = both(|l| {
                let label = section.label.get(l);
                let title = section.title.get(l);
                let note = match (q.footnote, l) {
                    (true, Lang::En) => " (a footnote, not the main text)",
                    (true, Lang::Id) => " (catatan kaki, bukan teks utama)",
                    _ => "",
                };
                match l {
                    Lang::En => format!("Section {label}: {title}{note}."),
                    Lang::Id => format!("Bagian {label}: {title}{note}."),
                }
            });
            Some(QuizQuestion {
                section: Some(section.id.clone()),
                source: Some(q.work.clone()),
                concepts: q.concepts.clone(),
                quote: Some(q.id.clone()),
                ..generated(id, Difficulty::Hard, prompt, answer, explanation)
            })
        })
        .collect()
}

fn first_sentence(s: &str) -> String {
    let end = s
        .char_indices()
        .find(|&(i, c)| c == '.' && s[i + 1..].starts_with(' '))
        .map(|(i, _)| i + 1)
        .unwrap_or(s.len());
    s[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("No stop"), "No stop");
    }

    #[test]
    fn seeds_are_stable() {
        assert_eq!(seed_of("aura"), seed_of("aura"));
        assert_ne!(seed_of("aura"), seed_of("auras"));
    }
}
