//! Spaced repetition by Leitner boxes, derived from a member's answers: every answer they gave
//! (live rounds, homework, practice) is replayed in time order, so the boxes are always
//! consistent with what is stored and every source feeds them without bookkeeping.
//!
//! The rules: a question never answered is *new*. A miss sends a question to box 1, due at
//! once (it comes back in the next practice run). Each correct answer moves it up one box
//! (a first answer that is right lands in box 2), capped at box 6, and pushes it further away:
//!
//! | box | due after the last answer |
//! |-----|---------------------------|
//! | 1   | at once                   |
//! | 2   | 10 minutes                |
//! | 3   | 1 day                     |
//! | 4   | 3 days                    |
//! | 5   | 7 days                    |
//! | 6   | 21 days                   |
//!
//! Practice asks due questions first (the most overdue first), then new ones.

pub use super::model::{Boxed, Seen};
use std::collections::HashMap;

/// The highest box.
pub const TOP_BOX: u8 = 6;

const MINUTE: i64 = 60;
const DAY: i64 = 86_400;

/// How long a question in box `n` (1-based) waits after its last answer, in seconds.
pub const INTERVALS: [i64; TOP_BOX as usize] = [0, 10 * MINUTE, DAY, 3 * DAY, 7 * DAY, 21 * DAY];

/// The wait of a box, in seconds (boxes out of range are clamped).
pub fn interval(boxed: u8) -> i64 {
    let i = usize::from(boxed.clamp(1, TOP_BOX)) - 1;
    INTERVALS[i]
}

/// Where a question stands for a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Card {
    /// 1 to [`TOP_BOX`].
    pub boxed: u8,
    pub last: i64,
    pub due: i64,
}

impl Card {
    pub fn is_due(&self, now: i64) -> bool {
        self.due <= now
    }
}

/// The box a question moves to after an answer, from `before` (`None`: new).
pub fn step(before: Option<u8>, correct: bool) -> u8 {
    if correct {
        before.unwrap_or(1).saturating_add(1).min(TOP_BOX)
    } else {
        1
    }
}

/// Replays `answers` in time order (ties keep their given order) into each question's card.
pub fn replay(answers: &[Seen]) -> HashMap<String, Card> {
    resume(&[], answers)
}

/// The cards from the boxes the store keeps (answers already folded), with `answers` since
/// (those of rounds still running) replayed on top, in time order.
pub fn resume(kept: &[Boxed], answers: &[Seen]) -> HashMap<String, Card> {
    let mut cards: HashMap<String, Card> = kept
        .iter()
        .map(|b| {
            let boxed = b.boxed.clamp(1, TOP_BOX);
            let card = Card {
                boxed,
                last: b.last,
                due: b.last.saturating_add(interval(boxed)),
            };
            (b.question.clone(), card)
        })
        .collect();
    let mut order: Vec<&Seen> = answers.iter().collect();
    order.sort_by_key(|s| s.at);
    for s in order {
        let before = cards.get(&s.question).map(|c| c.boxed);
        let boxed = step(before, s.correct);
        cards.insert(
            s.question.clone(),
            Card {
                boxed,
                last: s.at,
                due: s.at.saturating_add(interval(boxed)),
            },
        );
    }
    cards
}

/// What to ask next, from `pool` (the question ids eligible, in the order new questions should
/// come): due questions first, the most overdue first, then new ones; `skip` leaves out the
/// questions already asked in this run.
pub fn queue<'a>(
    cards: &HashMap<String, Card>,
    pool: &[&'a str],
    skip: &[String],
    now: i64,
) -> Vec<&'a str> {
    let open = |id: &str| !skip.iter().any(|s| s == id);
    let mut due: Vec<(&str, i64)> = pool
        .iter()
        .filter(|id| open(id))
        .filter_map(|id| {
            cards
                .get(*id)
                .filter(|c| c.is_due(now))
                .map(|c| (*id, c.due))
        })
        .collect();
    // Most overdue first: the earliest due time.
    due.sort_by_key(|(_, at)| *at);
    let fresh = pool
        .iter()
        .filter(|id| open(id))
        .filter(|id| !cards.contains_key(**id))
        .copied();
    due.into_iter().map(|(id, _)| id).chain(fresh).collect()
}

/// How many of `pool` are due now (new ones not counted) and when the next one not yet due
/// comes due.
pub fn due_summary(cards: &HashMap<String, Card>, pool: &[&str], now: i64) -> (usize, Option<i64>) {
    let seen = pool.iter().filter_map(|id| cards.get(*id));
    let (due, later): (Vec<&Card>, Vec<&Card>) = seen.partition(|c| c.is_due(now));
    (due.len(), later.iter().map(|c| c.due).min())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn seen(q: &str, correct: bool, at: i64) -> Seen {
        Seen {
            question: q.into(),
            correct,
            at,
        }
    }

    #[test]
    fn a_miss_goes_to_box_one_and_is_due_at_once() {
        let cards = replay(&[
            seen("a", true, 0),
            seen("a", true, 100),
            seen("a", false, 200),
        ]);
        assert_eq!(
            cards["a"],
            Card {
                boxed: 1,
                last: 200,
                due: 200
            }
        );
    }

    #[test]
    fn correct_answers_climb_one_box_each_and_wait_longer() {
        let mut answers = Vec::new();
        for (i, (boxed, wait)) in [
            (2, 600),
            (3, DAY),
            (4, 3 * DAY),
            (5, 7 * DAY),
            (6, 21 * DAY),
        ]
        .into_iter()
        .enumerate()
        {
            answers.push(seen("a", true, i as i64 * 1000));
            let c = replay(&answers)["a"];
            assert_eq!((c.boxed, c.due - c.last), (boxed, wait));
        }
        answers.push(seen("a", true, 10_000));
        assert_eq!(replay(&answers)["a"].boxed, TOP_BOX, "capped");
    }

    #[test]
    fn answers_are_replayed_in_time_order_whatever_order_they_come_in() {
        let a = replay(&[seen("a", false, 50), seen("a", true, 10)]);
        assert_eq!(a["a"].boxed, 1, "the later miss decides");
        let b = replay(&[seen("a", true, 50), seen("a", false, 10)]);
        assert_eq!(b["a"].boxed, 2);
    }

    #[test]
    fn due_questions_come_first_most_overdue_first_then_new_ones() {
        let cards = replay(&[
            seen("late", false, 100),
            seen("later", false, 50),
            seen("waiting", true, 100),
        ]);
        let pool = ["new1", "waiting", "late", "later", "new2"];
        assert_eq!(
            queue(&cards, &pool, &[], 200),
            vec!["later", "late", "new1", "new2"]
        );
        assert_eq!(
            queue(&cards, &pool, &["later".into(), "new1".into()], 200),
            vec!["late", "new2"]
        );
        // Ten minutes on, the question answered right is due too.
        assert_eq!(
            queue(&cards, &pool, &[], 100 + 600)[..3],
            ["later", "late", "waiting"]
        );
        assert_eq!(due_summary(&cards, &pool, 200), (2, Some(700)));
        assert_eq!(due_summary(&cards, &pool, 700), (3, None));
    }

    proptest! {
        #[test]
        fn a_miss_always_returns_to_box_one_due_within_the_first_interval(
            history in proptest::collection::vec((any::<bool>(), 0i64..1_000_000), 0..30),
            at in 1_000_000i64..2_000_000,
        ) {
            let mut answers: Vec<Seen> = history.iter().map(|(c, t)| seen("q", *c, *t)).collect();
            answers.push(seen("q", false, at));
            let c = replay(&answers)["q"];
            prop_assert_eq!(c.boxed, 1);
            prop_assert!(c.due - at <= INTERVALS[0]);
            prop_assert!(c.is_due(at + INTERVALS[0]));
        }

        #[test]
        fn n_correct_in_a_row_after_a_miss_or_from_new_reach_box_n_plus_one_capped(
            history in proptest::collection::vec((any::<bool>(), 0i64..1_000_000), 0..30),
            start_with_miss in any::<bool>(),
            n in 0usize..12,
        ) {
            let mut answers: Vec<Seen> = Vec::new();
            if start_with_miss {
                answers.extend(history.iter().map(|(c, t)| seen("q", *c, *t)));
                answers.push(seen("q", false, 1_000_000));
            }
            for i in 0..n {
                answers.push(seen("q", true, 2_000_000 + i as i64));
            }
            let cards = replay(&answers);
            if start_with_miss || n > 0 {
                let expected = (n + 1).min(usize::from(TOP_BOX)) as u8;
                prop_assert_eq!(cards["q"].boxed, expected);
                prop_assert_eq!(cards["q"].due - cards["q"].last, interval(expected));
            } else {
                prop_assert!(cards.is_empty());
            }
        }
    }
}
