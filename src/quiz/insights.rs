//! What the class gets wrong, computed from tallies of stored answers (every kind): the
//! most-missed questions with the most-chosen wrong answer and its share of all answers to the
//! question, and accuracy per concept and per section as the pack maps questions to them.

use std::collections::{BTreeMap, HashMap};

pub use super::model::Tally;
use crate::pack::QuizQuestion;

/// One question's record.
#[derive(Debug, Clone, PartialEq)]
pub struct Missed {
    pub question: String,
    pub answers: u64,
    pub misses: u64,
    /// The most-chosen wrong answer (authored index) and how many chose it.
    pub top_wrong: Option<(usize, u64)>,
}

impl Missed {
    /// Misses as a share of answers, in percent.
    pub fn miss_rate(&self) -> f64 {
        share(self.misses, self.answers)
    }
    /// The most-chosen wrong answer's share of all answers to the question, in percent.
    pub fn wrong_share(&self) -> Option<f64> {
        self.top_wrong.map(|(_, n)| share(n, self.answers))
    }
}

/// Right answers out of all answers, for a concept or a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accuracy {
    pub id: String,
    pub correct: u64,
    pub answers: u64,
}

impl Accuracy {
    pub fn percent(&self) -> f64 {
        share(self.correct, self.answers)
    }
}

/// The class's record over a period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Insights {
    pub answers: u64,
    /// Questions with at least one miss, the highest miss rate first (then more answers).
    pub missed: Vec<Missed>,
    /// The weakest first.
    pub concepts: Vec<Accuracy>,
    pub sections: Vec<Accuracy>,
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Computes the insights over the pack's `questions` (answers to questions the pack no longer
/// has are left out).
pub fn compute(questions: &[QuizQuestion], tallies: &[Tally]) -> Insights {
    let by_id: HashMap<&str, &QuizQuestion> =
        questions.iter().map(|q| (q.id.as_str(), q)).collect();
    let mut per: BTreeMap<&str, (u64, u64, BTreeMap<usize, u64>)> = BTreeMap::new();
    for t in tallies {
        let Some(q) = by_id.get(t.question.as_str()) else {
            continue;
        };
        let (answers, misses, wrong) = per.entry(q.id.as_str()).or_default();
        *answers += t.count;
        if !t.correct {
            *misses += t.count;
            if let Some(p) = t.picked.and_then(|p| usize::try_from(p).ok())
                && p != q.correct
            {
                *wrong.entry(p).or_default() += t.count;
            }
        }
    }
    let mut concepts: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let mut sections: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    let mut missed = Vec::new();
    let mut total = 0;
    for (id, (answers, misses, wrong)) in &per {
        total += answers;
        let q = by_id[id];
        let right = answers - misses;
        for c in &q.concepts {
            let e = concepts.entry(c.as_str()).or_default();
            e.0 += right;
            e.1 += answers;
        }
        if let Some(s) = &q.section {
            let e = sections.entry(s.as_str()).or_default();
            e.0 += right;
            e.1 += answers;
        }
        if *misses > 0 {
            // The most chosen; on a tie, the first in the authored order.
            let top_wrong = wrong
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(p, n)| (*p, *n));
            missed.push(Missed {
                question: id.to_string(),
                answers: *answers,
                misses: *misses,
                top_wrong,
            });
        }
    }
    missed.sort_by(|a, b| {
        b.miss_rate()
            .total_cmp(&a.miss_rate())
            .then(b.answers.cmp(&a.answers))
            .then(a.question.cmp(&b.question))
    });
    let ranked = |m: BTreeMap<&str, (u64, u64)>| {
        let mut v: Vec<Accuracy> = m
            .into_iter()
            .map(|(id, (correct, answers))| Accuracy {
                id: id.to_string(),
                correct,
                answers,
            })
            .collect();
        v.sort_by(|a, b| {
            a.percent()
                .total_cmp(&b.percent())
                .then(b.answers.cmp(&a.answers))
                .then(a.id.cmp(&b.id))
        });
        v
    };
    Insights {
        answers: total,
        missed,
        concepts: ranked(concepts),
        sections: ranked(sections),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Difficulty, Text};

    fn question(id: &str, correct: usize, concepts: &[&str], section: &str) -> QuizQuestion {
        QuizQuestion {
            id: id.into(),
            difficulty: Difficulty::Easy,
            prompt: Text::default(),
            choices: vec![Text::default(); 4],
            correct,
            true_false: false,
            explanation: Text::default(),
            section: Some(section.into()),
            concepts: concepts.iter().map(|c| c.to_string()).collect(),
            ..QuizQuestion::default()
        }
    }

    fn tally(q: &str, picked: Option<u32>, correct: bool, count: u64) -> Tally {
        Tally {
            question: q.into(),
            picked,
            correct,
            count,
        }
    }

    #[test]
    fn shares_are_of_all_answers_to_the_question() {
        let qs = [
            question("a", 0, &["aura"], "s1"),
            question("b", 2, &["aura", "cult"], "s2"),
        ];
        let got = compute(
            &qs,
            &[
                tally("a", Some(0), true, 6),
                tally("a", Some(1), false, 3),
                tally("a", Some(3), false, 1),
                tally("b", Some(2), true, 2),
                tally("b", Some(0), false, 4),
                tally("b", Some(1), false, 4),
                tally("b", None, false, 2),
                tally("gone", Some(1), false, 9),
            ],
        );
        assert_eq!(got.answers, 22);
        assert_eq!(got.missed[0].question, "b");
        assert!((got.missed[0].miss_rate() - 83.333).abs() < 0.01);
        // A tie between A and B: the first in authored order.
        assert_eq!(got.missed[0].top_wrong, Some((0, 4)));
        assert!((got.missed[0].wrong_share().unwrap_or(0.0) - 33.333).abs() < 0.01);
        assert_eq!(got.missed[1].top_wrong, Some((1, 3)));
        assert_eq!(got.missed[1].wrong_share(), Some(30.0));
        assert_eq!(
            got.concepts,
            vec![
                Accuracy {
                    id: "cult".into(),
                    correct: 2,
                    answers: 12
                },
                Accuracy {
                    id: "aura".into(),
                    correct: 8,
                    answers: 22
                },
            ]
        );
        assert_eq!(got.sections[0].id, "s2");
    }
}
