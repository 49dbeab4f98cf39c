//! Quiz scoring rules, switchable per round.
//!
//! - **Speed** (as Kahoot!): a correct answer earns `1000 × (1 − (t / T) / 2)`, rounded, where
//!   `t` is the time taken and `T` the time allowed; so between 1000 (instant) and 500 (at the
//!   bell). A wrong answer or no answer earns 0.
//! - **Flat**: a correct answer earns 1000, whatever the time.
//! - **Streak bonus** (can be turned off): each correct answer after the first in an unbroken
//!   run adds 100, up to 500.
//! - Ties are shared: members with equal points share a rank.

use std::time::Duration;

use crate::catalog::choice::{self, Names};

pub const MAX_POINTS: u32 = 1000;
pub const MIN_CORRECT_SPEED: u32 = 500;
pub const STREAK_STEP: u32 = 100;
pub const STREAK_CAP: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scoring {
    Speed,
    Flat,
}

impl Scoring {
    pub fn parse(s: &str) -> Option<Scoring> {
        choice::parse(s)
    }
}

impl choice::Choice for Scoring {
    const CHOICES: &'static [Scoring] = &[Scoring::Speed, Scoring::Flat];
    fn names(self) -> Names {
        match self {
            Scoring::Speed => Names::new("speed", "cepat").or(&["kecepatan"]),
            Scoring::Flat => Names::new("flat", "rata").or(&["tetap"]),
        }
    }
}

/// Points for one answer. `streak` is the number of correct answers in a row *before* this one.
pub fn points(
    scoring: Scoring,
    correct: bool,
    taken: Duration,
    allowed: Duration,
    streak: u32,
    streaks: bool,
) -> u32 {
    if !correct {
        return 0;
    }
    let base = match scoring {
        Scoring::Flat => MAX_POINTS,
        Scoring::Speed => {
            let allowed = allowed.as_secs_f64().max(0.001);
            let fraction = (taken.as_secs_f64() / allowed).clamp(0.0, 1.0);
            (f64::from(MAX_POINTS) * (1.0 - fraction / 2.0)).round() as u32
        }
    };
    let bonus = if streaks {
        (streak * STREAK_STEP).min(STREAK_CAP)
    } else {
        0
    };
    base + bonus
}

/// Ranks with shared places: `[(member, points)]` sorted best first, equal points equal rank
/// (1, 2, 2, 4 …).
pub fn rank<K: Clone + Ord>(scores: &[(K, u32)]) -> Vec<(u32, K, u32)> {
    let mut sorted: Vec<(K, u32)> = scores.to_vec();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = Vec::with_capacity(sorted.len());
    let mut rank = 0;
    for (i, (k, p)) in sorted.into_iter().enumerate() {
        if i == 0 || out.last().is_some_and(|(_, _, last)| *last != p) {
            rank = i as u32 + 1;
        }
        out.push((rank, k, p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T: Duration = Duration::from_secs(20);

    #[test]
    fn speed_scoring_matches_the_formula() {
        assert_eq!(
            points(Scoring::Speed, true, Duration::ZERO, T, 0, true),
            1000
        );
        assert_eq!(points(Scoring::Speed, true, T, T, 0, true), 500);
        assert_eq!(points(Scoring::Speed, true, T / 2, T, 0, true), 750);
        assert_eq!(points(Scoring::Speed, false, Duration::ZERO, T, 3, true), 0);
        assert_eq!(points(Scoring::Flat, true, T, T, 0, true), 1000);
        assert_eq!(points(Scoring::Flat, true, T, T, 2, true), 1200);
        assert_eq!(points(Scoring::Flat, true, T, T, 9, true), 1500);
        assert_eq!(points(Scoring::Flat, true, T, T, 9, false), 1000);
    }

    #[test]
    fn ties_share_a_rank() {
        let r = rank(&[("a", 10), ("b", 30), ("c", 30), ("d", 5)]);
        let ranks: Vec<(u32, &str)> = r.iter().map(|(n, k, _)| (*n, *k)).collect();
        assert_eq!(ranks, vec![(1, "b"), (1, "c"), (3, "a"), (4, "d")]);
    }

    proptest! {
        #[test]
        fn a_correct_answer_earns_between_500_and_1000_plus_streak(
            ms in 0u64..60_000, limit in 1u64..60_000, streak in 0u32..50, streaks: bool
        ) {
            let p = points(Scoring::Speed, true, Duration::from_millis(ms), Duration::from_millis(limit), streak, streaks);
            let bonus = if streaks { (streak * STREAK_STEP).min(STREAK_CAP) } else { 0 };
            prop_assert!(p >= MIN_CORRECT_SPEED + bonus && p <= MAX_POINTS + bonus);
        }

        #[test]
        fn faster_is_never_worse(a in 0u64..30_000, b in 0u64..30_000, limit in 1u64..30_000) {
            let (fast, slow) = if a <= b { (a, b) } else { (b, a) };
            let l = Duration::from_millis(limit);
            let pf = points(Scoring::Speed, true, Duration::from_millis(fast), l, 0, false);
            let ps = points(Scoring::Speed, true, Duration::from_millis(slow), l, 0, false);
            prop_assert!(pf >= ps);
        }

        #[test]
        fn equal_scores_always_share_a_rank(scores in proptest::collection::vec(0u32..5, 1..40)) {
            let keyed: Vec<(usize, u32)> = scores.iter().copied().enumerate().collect();
            let ranked = rank(&keyed);
            for w in ranked.windows(2) {
                prop_assert!(w[0].2 >= w[1].2);
                prop_assert_eq!(w[0].2 == w[1].2, w[0].0 == w[1].0);
            }
            prop_assert_eq!(ranked[0].0, 1);
        }
    }
}
