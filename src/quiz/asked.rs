//! A question as asked: how a round asks (buttons, typed, or both in turn) and which of its
//! questions are asked typed.

use std::collections::VecDeque;

use crate::catalog::choice::{self, Choice as _, Names};
use crate::pack::QuizQuestion;

/// How members answer a round's questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Answering {
    /// Every question with its choice buttons.
    #[default]
    Buttons,
    /// Every question typed (only questions that accept a typed answer are drawn).
    Typed,
    /// Typed and buttons in turn: typed where the question allows it, buttons otherwise, so a
    /// pack with few typed questions still makes a round.
    Mixed,
}

impl Answering {
    pub fn parse(s: &str) -> Option<Answering> {
        choice::parse(s)
    }

    pub fn code(self) -> &'static str {
        self.names().en
    }
}

impl choice::Choice for Answering {
    const CHOICES: &'static [Answering] = &[Answering::Buttons, Answering::Typed, Answering::Mixed];
    fn names(self) -> Names {
        match self {
            Answering::Buttons => Names::new("buttons", "tombol"),
            Answering::Typed => Names::new("typed", "ketik"),
            Answering::Mixed => Names::new("mixed", "campur"),
        }
    }
}

/// The round's `n` questions from the shuffled `eligible` ones, each with whether it is asked
/// typed. Mixed rounds put a typed question at every odd number (1, 3, 5, …) and a buttons-only
/// one at every even number while each kind lasts; then the other kind fills in (a question
/// that accepts a typed answer, on an even number, is asked with buttons).
pub fn arrange(
    eligible: Vec<&QuizQuestion>,
    answering: Answering,
    n: usize,
) -> Vec<(&QuizQuestion, bool)> {
    match answering {
        Answering::Buttons => eligible.into_iter().take(n).map(|q| (q, false)).collect(),
        Answering::Typed => eligible.into_iter().take(n).map(|q| (q, true)).collect(),
        Answering::Mixed => {
            let (mut typed, mut clicked): (VecDeque<_>, VecDeque<_>) =
                eligible.into_iter().partition(|q| q.typed.is_some());
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                let next = if out.len() % 2 == 0 {
                    typed
                        .pop_front()
                        .map(|q| (q, true))
                        .or_else(|| clicked.pop_front().map(|q| (q, false)))
                } else {
                    clicked
                        .pop_front()
                        .or_else(|| typed.pop_front())
                        .map(|q| (q, false))
                };
                match next {
                    Some(pick) => out.push(pick),
                    None => break,
                }
            }
            out
        }
    }
}
