//! The result of a class debate by the Intelligence Squared rule: each side's share of the
//! opening and of the closing vote (undecided counted in the whole), the shift in percentage
//! points, and the winner: the side that gained more. Pure arithmetic, compared exactly.

use std::cmp::Ordering;

use super::super::{Side, Tally};
pub use crate::debate::model::Verdict;

/// A side's share of a vote, in percent (0 when nobody voted).
pub fn share(t: &Tally, side: Side) -> f64 {
    let n = match side {
        Side::Benjamin => t.benjamin,
        Side::Adorno => t.adorno,
        Side::Undecided => t.undecided,
    };
    match t.total() {
        0 => 0.0,
        total => f64::from(n) * 100.0 / f64::from(total),
    }
}

/// A side's gain from the opening to the closing vote, in percentage points.
pub fn shift(v: &Verdict, side: Side) -> f64 {
    share(&v.closing, side) - share(&v.opening, side)
}

/// `a / b` against `c / d` exactly (an empty vote counts as 0).
fn compare_ratio(a: u64, b: u64, c: u64, d: u64) -> Ordering {
    let left = if b == 0 { 0 } else { a * d.max(1) };
    let right = if d == 0 { 0 } else { c * b.max(1) };
    match (b, d) {
        (0, 0) => Ordering::Equal,
        _ => left.cmp(&right),
    }
}

pub fn verdict(opening: Tally, closing: Tally) -> Verdict {
    let (ob, oa, ot) = (
        u64::from(opening.benjamin),
        u64::from(opening.adorno),
        u64::from(opening.total()),
    );
    let (cb, ca, ct) = (
        u64::from(closing.benjamin),
        u64::from(closing.adorno),
        u64::from(closing.total()),
    );
    // Benjamin gains more than Adorno when cb/ct - ob/ot > ca/ct - oa/ot, that is when
    // (cb - ca)/ct > (ob - oa)/ot: compared without rounding (the differences may be negative).
    let lead_closing = i128::from(cb as i64 - ca as i64);
    let lead_opening = i128::from(ob as i64 - oa as i64);
    let left = if ct == 0 {
        0
    } else {
        lead_closing * i128::from(ot.max(1))
    };
    let right = if ot == 0 {
        0
    } else {
        lead_opening * i128::from(ct.max(1))
    };
    let winner = match left.cmp(&right) {
        Ordering::Greater => Some(Side::Benjamin),
        Ordering::Less => Some(Side::Adorno),
        Ordering::Equal => None,
    };
    let unmoved = compare_ratio(cb, ct, ob, ot) == Ordering::Equal
        && compare_ratio(ca, ct, oa, ot) == Ordering::Equal;
    Verdict {
        opening,
        closing,
        winner,
        unmoved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tally(benjamin: u32, adorno: u32, undecided: u32) -> Tally {
        Tally {
            benjamin,
            adorno,
            undecided,
        }
    }

    #[test]
    fn the_side_that_gained_more_wins_even_when_it_still_has_fewer_votes() {
        // Benjamin 40 % → 45 % (+5), Adorno 30 % → 50 % (+20): Adorno wins.
        let v = verdict(tally(40, 30, 30), tally(45, 50, 5));
        assert_eq!(v.winner, Some(Side::Adorno));
        assert!(!v.unmoved);
        assert!((shift(&v, Side::Benjamin) - 5.0).abs() < 1e-9);
        assert!((shift(&v, Side::Adorno) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn nobody_moved_is_said_and_a_tie_has_no_winner() {
        let v = verdict(tally(10, 10, 10), tally(10, 10, 10));
        assert_eq!(v.winner, None);
        assert!(v.unmoved);
        // Both gained 10 points from the undecided: a tie, but minds moved.
        let v = verdict(tally(4, 4, 2), tally(5, 5, 0));
        assert_eq!(v.winner, None);
        assert!(!v.unmoved);
        // The same shares with more voters: nobody moved.
        let v = verdict(tally(1, 1, 0), tally(15, 15, 0));
        assert!(v.unmoved);
    }

    #[test]
    fn an_empty_vote_counts_as_no_share() {
        let v = verdict(tally(0, 0, 0), tally(3, 1, 0));
        assert_eq!(v.winner, Some(Side::Benjamin));
        let v = verdict(tally(0, 0, 0), tally(0, 0, 0));
        assert!(v.unmoved);
        assert_eq!(v.winner, None);
    }

    proptest! {
        /// The exact comparison agrees with the shares computed in floating point whenever
        /// they are clearly apart.
        #[test]
        fn the_winner_is_the_side_with_the_larger_shift(
            ob in 0u32..60, oa in 0u32..60, ou in 0u32..60,
            cb in 0u32..60, ca in 0u32..60, cu in 0u32..60,
        ) {
            let v = verdict(tally(ob, oa, ou), tally(cb, ca, cu));
            let (b, a) = (shift(&v, Side::Benjamin), shift(&v, Side::Adorno));
            if b - a > 1e-6 {
                prop_assert_eq!(v.winner, Some(Side::Benjamin));
            } else if a - b > 1e-6 {
                prop_assert_eq!(v.winner, Some(Side::Adorno));
            } else {
                prop_assert_eq!(v.winner, None);
            }
        }
    }
}
