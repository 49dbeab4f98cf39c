//! Dealing sides and reading a speech's length: the members who said "I'm in" are shuffled
//! with the debate's seed and dealt alternately, so the sides differ by one at most and the
//! same seed deals the same sides; a length such as `90s`, `3m`, `1m 30s`, `2:30` or
//! `3 menit` is read into seconds, within 30 seconds and 15 minutes.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::super::Side;

/// The shortest and longest speech, in seconds.
pub const SPEECH_MIN: i64 = 30;
pub const SPEECH_MAX: i64 = 15 * 60;

/// Deals `members` into two sides that differ in size by one at most, at random with `seed`
/// (the same members and seed deal the same sides, whatever order they joined in).
pub fn deal(members: &[u64], seed: u64) -> Vec<(u64, Side)> {
    let mut order: Vec<u64> = members.to_vec();
    order.sort_unstable();
    order.dedup();
    let mut rng = StdRng::seed_from_u64(seed);
    order.shuffle(&mut rng);
    // Who gets the odd member out is part of the draw too.
    let first = if seed.is_multiple_of(2) {
        Side::Benjamin
    } else {
        Side::Adorno
    };
    order
        .into_iter()
        .enumerate()
        .map(|(i, m)| (m, if i % 2 == 0 { first } else { first.other() }))
        .collect()
}

/// The speech length `text` gives, or the notice that refuses it in `lang` (what was typed,
/// and the range), for `/debate start` and its preview alike.
pub fn speech_or_refusal(
    text: &str,
    lang: crate::pack::Lang,
) -> Result<i64, Box<crate::reply::Reply>> {
    speech_length(text).ok_or_else(|| {
        Box::new(crate::reply::Reply::notice(crate::i18n::tr(
            lang,
            "class-bad-length",
            &[
                ("value", &crate::text::member_text(text, 30)),
                ("min", &(SPEECH_MIN as usize)),
                ("max", &((SPEECH_MAX / 60) as usize)),
            ],
        )))
    })
}

/// A speech length in seconds, or `None` when it cannot be read or is outside 30 s – 15 min.
/// A bare number is minutes.
pub fn speech_length(input: &str) -> Option<i64> {
    let text = input.trim().to_lowercase();
    if text.is_empty() {
        return None;
    }
    let secs = if let Ok(minutes) = text.parse::<f64>() {
        (minutes * 60.0).round() as i64
    } else if let Some((m, s)) = text.split_once(':') {
        let m: i64 = m.trim().parse().ok()?;
        let s: i64 = s.trim().parse().ok()?;
        if !(0..60).contains(&s) {
            return None;
        }
        m.checked_mul(60)?.checked_add(s)?
    } else {
        // Indonesian units, then the friendly duration format jiff reads ("1m 30s", "90 sec").
        let english = text
            .replace("menit", "m")
            .replace("mnt", "m")
            .replace("detik", "s")
            .replace("dtk", "s");
        let span: jiff::SignedDuration = english.parse().ok()?;
        span.as_secs()
    };
    (SPEECH_MIN..=SPEECH_MAX).contains(&secs).then_some(secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lengths_are_read_in_both_languages() {
        for (text, secs) in [
            ("90s", 90),
            ("3m", 180),
            ("1m 30s", 90),
            ("1m30s", 90),
            ("2:30", 150),
            ("3", 180),
            ("1.5", 90),
            ("3 menit", 180),
            ("45 detik", 45),
            ("15m", 900),
            ("30s", 30),
            ("2 minutes", 120),
        ] {
            assert_eq!(speech_length(text), Some(secs), "{text}");
        }
        for bad in ["", "10s", "16m", "abc", "2:75", "-3m", "1h"] {
            assert_eq!(speech_length(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn sides_are_balanced_complete_and_repeatable(
            members in proptest::collection::vec(1u64..10_000, 0..60),
            seed in any::<u64>(),
        ) {
            let dealt = deal(&members, seed);
            let mut unique = members.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(dealt.len(), unique.len());
            let b = dealt.iter().filter(|(_, s)| *s == Side::Benjamin).count();
            let a = dealt.len() - b;
            prop_assert!(b.abs_diff(a) <= 1);
            let mut reversed = members.clone();
            reversed.reverse();
            let mut again = deal(&reversed, seed);
            let mut first = dealt.clone();
            again.sort_unstable_by_key(|(m, _)| *m);
            first.sort_unstable_by_key(|(m, _)| *m);
            prop_assert_eq!(again, first);
        }
    }
}
