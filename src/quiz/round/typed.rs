//! Typed answers in a round: a member's typed answer judged and locked like a click.

use std::time::Instant;

use super::{AnswerOutcome, Member, Round};
use crate::search::answer;

impl Round {
    /// A member's typed answer at `now` to the open question, if it is asked typed: judged by
    /// [`answer::accepts`], then locked and scored like a click (a right answer as a click on
    /// the right choice). The first answer locks.
    pub fn answer_typed(&mut self, member: Member, text: &str, now: Instant) -> AnswerOutcome {
        let times = match self.window(now) {
            Ok(times) => times,
            Err(refused) => return refused,
        };
        let p = &self.questions[self.current];
        let Some(accepted) = p.question.typed.as_ref().filter(|_| p.shown.typed) else {
            return AnswerOutcome::NoSuchChoice;
        };
        if self.answers[self.current].contains_key(&member) {
            return AnswerOutcome::AlreadyAnswered;
        }
        let correct = answer::accepts(accepted, text);
        let position = correct.then(|| p.correct_position());
        let typed = Some(text.trim().to_string());
        self.lock(member, position, correct, typed, times);
        AnswerOutcome::Typed { correct }
    }

    /// Whether the open question is asked typed.
    pub fn open_is_typed(&self) -> bool {
        self.is_open()
            && self
                .questions
                .get(self.current)
                .is_some_and(|p| p.shown.typed)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::pack::QuizQuestion;
    use crate::pack::{Difficulty, Text, Typed, TypedAnswer};
    use crate::quiz::{Answering, RoundError, Settings};

    fn t(s: &str) -> Text {
        Text {
            en: Some(s.into()),
            id: Some(s.into()),
        }
    }

    /// `n` questions; the first `typed` of them accept "Pierre Klossowski" typed.
    fn pool(n: usize, typed: usize) -> Vec<QuizQuestion> {
        (0..n)
            .map(|i| QuizQuestion {
                id: format!("q{i}"),
                difficulty: Difficulty::Easy,
                prompt: t(&format!("question {i}")),
                choices: vec![t("Pierre Klossowski"), t("Harry Zohn"), t("Max Horkheimer")],
                correct: 0,
                true_false: false,
                explanation: t("because"),
                section: Some("v".into()),
                typed: (i < typed).then(|| TypedAnswer {
                    accepted: Typed {
                        any: vec!["Pierre Klossowski".into(), "Klossowski".into()],
                        ..Typed::default()
                    },
                    wrong: vec!["Harry Zohn".into(), "Zohn".into(), "Max Horkheimer".into()],
                }),
                ..QuizQuestion::default()
            })
            .collect()
    }

    fn settings(answering: Answering, questions: usize) -> Settings {
        Settings {
            questions,
            answering,
            idle_limit: 0,
            ..Settings::default()
        }
    }

    /// Which questions of a round are asked typed, in order.
    fn kinds(mut r: Round) -> Vec<bool> {
        let t0 = Instant::now();
        let mut out = Vec::new();
        while let Some(view) = r.open_next(t0) {
            out.push(view.typed);
            r.reveal();
        }
        out
    }

    #[test]
    fn a_typed_round_draws_only_questions_that_accept_typing() {
        let r = Round::new(&pool(10, 3), settings(Answering::Typed, 5), 3).unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(kinds(r), [true, true, true]);
        let none = Round::new(&pool(10, 0), settings(Answering::Typed, 5), 3);
        assert_eq!(none.unwrap_err(), RoundError::NoQuestions);
        let buttons = Round::new(&pool(10, 10), settings(Answering::Buttons, 4), 3).unwrap();
        assert_eq!(kinds(buttons), [false; 4]);
    }

    #[test]
    fn a_mixed_round_alternates_while_typed_questions_last() {
        let r = Round::new(&pool(12, 2), settings(Answering::Mixed, 6), 9).unwrap();
        assert_eq!(kinds(r), [true, false, true, false, false, false]);
        // Only typed questions: every other one is asked with buttons.
        let r = Round::new(&pool(4, 4), settings(Answering::Mixed, 4), 9).unwrap();
        assert_eq!(kinds(r), [true, false, true, false]);
        // A buttons round draws as it always did.
        let before = Round::new(&pool(12, 2), settings(Answering::Buttons, 6), 9).unwrap();
        let no_typed = Round::new(&pool(12, 0), settings(Answering::Buttons, 6), 9).unwrap();
        assert_eq!(before.question_ids(), no_typed.question_ids());
    }

    #[test]
    fn typed_answers_lock_once_and_score_like_clicks() {
        let t0 = Instant::now();
        let later = t0 + Duration::from_secs(5);
        let mut r = Round::new(&pool(3, 3), settings(Answering::Typed, 1), 1).unwrap();
        assert_eq!(r.answer_typed(1, "Klossowski", t0), AnswerOutcome::NotOpen);
        let view = r.open_next(t0).unwrap();
        assert!(view.typed && r.open_is_typed());
        let typed = |correct| AnswerOutcome::Typed { correct };
        assert_eq!(r.answer_typed(1, "Klossowski", later), typed(true));
        assert_eq!(r.answer_typed(2, "klosowski", later), typed(true));
        assert_eq!(r.answer_typed(3, "Pierre Klossowski", later), typed(true));
        assert_eq!(r.answer_typed(4, "Harry Zohn", later), typed(false));
        assert_eq!(
            r.answer_typed(4, "Klossowski", later),
            AnswerOutcome::AlreadyAnswered
        );
        assert_eq!(
            r.answer(5, 0, later),
            AnswerOutcome::NoSuchChoice,
            "no buttons"
        );
        let late = t0 + Duration::from_secs(21);
        assert_eq!(
            r.answer_typed(6, "Klossowski", late),
            AnswerOutcome::TooLate
        );
        // Scored as a click on the right choice at the same moment.
        let mut clicked = Round::new(&pool(3, 3), settings(Answering::Buttons, 1), 1).unwrap();
        let v = clicked.open_next(t0).unwrap();
        let right = v
            .choices
            .iter()
            .position(|c| c.get(crate::pack::Lang::En) == "Pierre Klossowski");
        clicked.answer(1, right.unwrap(), later);
        assert_eq!(r.totals(1), clicked.totals(1));
        assert_eq!(r.totals(1).points, 875);
        assert_eq!(r.totals(4).points, 0);
        let stored: Vec<_> = r.answers().into_iter().map(|(_, _, m, a)| (m, a)).collect();
        assert_eq!(stored[0].1.typed.as_deref(), Some("Klossowski"));
        assert_eq!(stored[0].1.position, Some(view_correct(&r)));
        assert_eq!(stored[3].1.position, None, "a refused answer chose nothing");
        assert_eq!(stored[3].1.typed.as_deref(), Some("Harry Zohn"));
        let reveal = r.reveal().unwrap();
        let typed = reveal.typed.expect("a typed reveal");
        assert_eq!((typed.right, typed.answered), (3, 4));
        assert_eq!(typed.accepted.any, ["Pierre Klossowski", "Klossowski"]);
        assert_eq!(
            reveal.counts.iter().sum::<u32>(),
            3,
            "only accepted answers chose"
        );
    }

    fn view_correct(r: &Round) -> usize {
        r.questions[r.current].correct_position()
    }

    #[test]
    fn a_typed_question_gives_no_struck_choice_as_a_hint() {
        let t0 = Instant::now();
        let mut r = Round::new(&pool(3, 3), settings(Answering::Typed, 1), 1).unwrap();
        r.open_next(t0);
        let hint = r.hint(1).unwrap();
        assert_eq!(hint.struck, None);
        assert_eq!(hint.section.as_deref(), Some("v"));
        r.answer_typed(1, "Klossowski", t0);
        assert_eq!(r.totals(1).points, 500, "half, after a hint");
    }
}
