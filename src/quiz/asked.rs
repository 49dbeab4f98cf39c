//! A question as asked: how a round asks (buttons, typed, or both in turn) and which of its
//! questions are asked typed; the order a question's choices are shown in ([`Shown`]: the one
//! shuffle rule of live rounds, homework and practice) and how a shown choice is named
//! ([`Label`]: its letter, or its text in a true/false question).

use std::collections::VecDeque;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::catalog::choice::{self, Choice as _, Names};
use crate::pack::{Lang, QuizQuestion, Text};

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

/// A question as asked: its id, the order its choices are shown in, and whether it is asked
/// typed (through a form) rather than with buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub question: String,
    /// `order[position]` is the index, in the authored choices, of the choice shown at
    /// `position`.
    pub order: Vec<usize>,
    pub typed: bool,
}

impl Shown {
    /// `q` with its choices shuffled by `rng`. A true/false question keeps its order, and
    /// draws nothing from `rng`.
    pub fn draw<R: Rng + ?Sized>(q: &QuizQuestion, typed: bool, rng: &mut R) -> Shown {
        let mut order: Vec<usize> = (0..q.choices.len()).collect();
        if !q.true_false {
            order.shuffle(rng);
        }
        Shown {
            question: q.id.clone(),
            order,
            typed,
        }
    }

    /// `q` asked with buttons, its choices shuffled by a generator of its own seeded with
    /// `seed`.
    pub fn seeded(q: &QuizQuestion, seed: u64) -> Shown {
        Shown::draw(q, false, &mut StdRng::seed_from_u64(seed))
    }

    /// How many choices are shown.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The authored index of the choice shown at `position`.
    pub fn authored(&self, position: usize) -> Option<usize> {
        self.order.get(position).copied()
    }

    /// The position the authored choice `authored` is shown at.
    pub fn position_of(&self, authored: usize) -> Option<usize> {
        self.order.iter().position(|&i| i == authored)
    }

    /// The position `q`'s right answer is shown at.
    pub fn right_position(&self, q: &QuizQuestion) -> Option<usize> {
        self.position_of(q.correct)
    }

    /// The choice of `q` shown at `position`.
    pub fn choice<'q>(&self, q: &'q QuizQuestion, position: usize) -> Option<&'q Text> {
        self.authored(position).and_then(|i| q.choices.get(i))
    }

    /// The choices of `q` in the order shown.
    pub fn choices<'q>(&self, q: &'q QuizQuestion) -> Vec<&'q Text> {
        self.order
            .iter()
            .filter_map(|&i| q.choices.get(i))
            .collect()
    }

    /// How the choice of `q` shown at `position` is named.
    pub fn label<'q>(&self, q: &'q QuizQuestion, position: usize, lang: Lang) -> Label<'q> {
        let text = self.choice(q, position).map_or("", |c| c.get(lang));
        Label::of(q.true_false, position, text)
    }

    /// Every shown choice's [`Label`], in order.
    pub fn labels<'q>(&self, q: &'q QuizQuestion, lang: Lang) -> Vec<Label<'q>> {
        (0..self.len()).map(|p| self.label(q, p, lang)).collect()
    }
}

/// The letter shown for a choice position: A, B, C, D (`?` past Z).
pub fn letter(position: usize) -> char {
    u8::try_from(position)
        .ok()
        .filter(|p| *p < 26)
        .map(|p| char::from(b'A' + p))
        .unwrap_or('?')
}

/// How a shown choice is named on its button, in counts and on charts: by its letter, with
/// its text beside it; in a true/false question, by its text alone ("True", "False").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label<'a> {
    /// The letter, or the true/false choice's text.
    pub name: String,
    /// The choice's text, when the name is a letter.
    pub text: Option<&'a str>,
}

impl<'a> Label<'a> {
    /// The choice shown at `position`, whose text is `text`.
    pub fn of(true_false: bool, position: usize, text: &'a str) -> Label<'a> {
        if true_false {
            Label {
                name: text.to_string(),
                text: None,
            }
        } else {
            Label {
                name: letter(position).to_string(),
                text: Some(text),
            }
        }
    }

    /// The name and the text joined by `sep` ("B — text"), or the name alone.
    pub fn with(&self, sep: &str) -> String {
        match self.text {
            Some(text) => format!("{}{sep}{text}", self.name),
            None => self.name.clone(),
        }
    }

    /// The name in bold, then the text ("**B** — text"), for a line of text.
    pub fn line(&self) -> String {
        match self.text {
            Some(text) => format!("**{}** — {text}", self.name),
            None => format!("**{}**", self.name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Difficulty, QuizQuestion, Text};

    fn question(true_false: bool) -> QuizQuestion {
        QuizQuestion {
            id: "q".into(),
            difficulty: Difficulty::Easy,
            prompt: Text::default(),
            choices: vec![Text::default(); if true_false { 2 } else { 4 }],
            correct: 1,
            true_false,
            explanation: Text::default(),
            section: None,
            concepts: Vec::new(),
            ..QuizQuestion::default()
        }
    }

    #[test]
    fn letters() {
        assert_eq!(letter(0), 'A');
        assert_eq!(letter(3), 'D');
        assert_eq!(letter(26), '?');
    }

    #[test]
    fn true_false_keeps_its_order_and_is_named_by_its_text() {
        let tf = question(true);
        for seed in 0..20 {
            assert_eq!(Shown::seeded(&tf, seed).order, [0, 1]);
        }
        let label = Label::of(true, 1, "False");
        assert_eq!(
            (label.with(" — "), label.line()),
            ("False".into(), "**False**".into())
        );
        let label = Label::of(false, 1, "Montage");
        assert_eq!(label.with(" · "), "B · Montage");
        assert_eq!(label.line(), "**B** — Montage");
    }

    #[test]
    fn positions_and_authored_choices_agree() {
        let q = question(false);
        let shown = Shown::seeded(&q, 7);
        let right = shown.right_position(&q).expect("shown");
        assert_eq!(shown.authored(right), Some(q.correct));
        for p in 0..shown.len() {
            assert_eq!(shown.position_of(shown.authored(p).expect("p")), Some(p));
        }
        assert_eq!(shown.authored(4), None);
    }
}
