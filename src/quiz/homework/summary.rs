//! The class's summary of a homework, computed from the attempts and answers: how many
//! started and finished, the mean score of those who finished, and the hardest question (the
//! lowest share of right answers among those who answered it) with its answer split. Pure.
pub use super::model::{Attempted, Given};

/// A question's shape: how many choices it shows and which one is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub choices: usize,
    pub correct: usize,
}

/// The hardest question and how the class answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hardest {
    pub number: u32,
    pub answered: u32,
    pub correct: u32,
    /// How many chose each position.
    pub counts: Vec<u32>,
    /// The right position.
    pub right: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub questions: u32,
    pub started: u32,
    pub finished: u32,
    /// Right answers per member who finished, on average (`None`: nobody finished).
    pub mean: Option<f64>,
    pub hardest: Option<Hardest>,
}

impl Summary {
    /// The mean as a share of the questions, in percent, rounded.
    pub fn mean_percent(&self) -> Option<u32> {
        let n = f64::from(self.questions.max(1));
        self.mean.map(|m| (m * 100.0 / n).round() as u32)
    }
}

/// `count` of `of` in percent, rounded half up (0 when `of` is 0).
pub fn share(count: u32, of: u32) -> u32 {
    if of == 0 {
        return 0;
    }
    let (c, o) = (u64::from(count), u64::from(of));
    ((c * 200 + o) / (2 * o)) as u32
}

/// The summary of `shapes.len()` questions from the attempts and the answers given in time.
pub fn summarise(shapes: &[Shape], attempts: &[Attempted], answers: &[Given]) -> Summary {
    let finished: Vec<u64> = attempts
        .iter()
        .filter(|a| a.finished)
        .map(|a| a.user)
        .collect();
    let mean = (!finished.is_empty()).then(|| {
        let right = answers
            .iter()
            .filter(|g| g.correct && finished.contains(&g.user))
            .count();
        right as f64 / finished.len() as f64
    });
    let mut hardest: Option<Hardest> = None;
    for (i, shape) in shapes.iter().enumerate() {
        let number = i as u32 + 1;
        let mut counts = vec![0u32; shape.choices];
        let mut correct = 0;
        let mut answered = 0;
        for g in answers.iter().filter(|g| g.number == number) {
            answered += 1;
            correct += u32::from(g.correct);
            if let Some(c) = counts.get_mut(g.choice as usize) {
                *c += 1;
            }
        }
        if answered == 0 {
            continue;
        }
        // Lower share right is harder: correct/answered < best.correct/best.answered.
        let harder = hardest.as_ref().is_none_or(|h| {
            u64::from(correct) * u64::from(h.answered) < u64::from(h.correct) * u64::from(answered)
        });
        if harder {
            hardest = Some(Hardest {
                number,
                answered,
                correct,
                counts,
                right: shape.correct,
            });
        }
    }
    Summary {
        questions: shapes.len() as u32,
        started: attempts.len() as u32,
        finished: finished.len() as u32,
        mean,
        hardest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(user: u64, number: u32, choice: u32, right: u32) -> Given {
        Given {
            user,
            number,
            choice,
            correct: choice == right,
        }
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share(1, 3), 33);
        assert_eq!(share(2, 3), 67);
        assert_eq!(share(1, 8), 13);
        assert_eq!(share(0, 0), 0);
        assert_eq!(share(5, 5), 100);
    }

    #[test]
    fn completion_mean_of_finishers_and_the_hardest_question_with_its_split() {
        let shapes = [
            Shape {
                choices: 4,
                correct: 0,
            },
            Shape {
                choices: 2,
                correct: 1,
            },
            Shape {
                choices: 3,
                correct: 2,
            },
        ];
        let attempts = [
            Attempted {
                user: 1,
                finished: true,
            },
            Attempted {
                user: 2,
                finished: true,
            },
            Attempted {
                user: 3,
                finished: false,
            },
        ];
        let answers = [
            // Member 1: all right.
            given(1, 1, 0, 0),
            given(1, 2, 1, 1),
            given(1, 3, 2, 2),
            // Member 2: question 2 missed (out of time: no answer), question 3 wrong.
            given(2, 1, 0, 0),
            given(2, 3, 0, 2),
            // Member 3 (not finished): question 1 wrong.
            given(3, 1, 3, 0),
        ];
        let s = summarise(&shapes, &attempts, &answers);
        assert_eq!((s.questions, s.started, s.finished), (3, 3, 2));
        // (3 + 1) / 2 right answers.
        assert_eq!(s.mean, Some(2.0));
        assert_eq!(s.mean_percent(), Some(67));
        // Q1: 2 of 3 right (67%); Q2: 1 of 1; Q3: 1 of 2 (50%): Q3 is the hardest.
        let h = s.hardest.expect("hardest");
        assert_eq!(h.number, 3);
        assert_eq!((h.answered, h.correct, h.right), (2, 1, 2));
        assert_eq!(h.counts, vec![1, 0, 1]);
    }

    #[test]
    fn ties_go_to_the_earlier_question_and_an_empty_class_has_no_hardest() {
        let shapes = [Shape {
            choices: 2,
            correct: 0,
        }; 2];
        let answers = [given(1, 1, 1, 0), given(1, 2, 1, 0)];
        let attempts = [Attempted {
            user: 1,
            finished: false,
        }];
        let s = summarise(&shapes, &attempts, &answers);
        assert_eq!(s.hardest.map(|h| h.number), Some(1));
        assert_eq!(s.mean, None);
        let empty = summarise(&shapes, &[], &[]);
        assert_eq!((empty.started, empty.finished, empty.hardest), (0, 0, None));
    }
}
