//! Reads a homework's due time as a teacher types it, in a time zone: `2026-12-05 18:00`,
//! `2026-12-05T18:00`, `5/12 18:00` or `5/12/2026 18.00` (day first, as in Indonesia), and
//! `today 18:00`, `tomorrow 18:00` (`hari ini`, `besok`). A date alone means 23:59 that day.
//! Pure: the zone and "now" are arguments.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// The furthest ahead a due time may be.
pub const MAX_DAYS: i64 = 60;

/// Why a due time cannot be used; the caller names the option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueError {
    /// Not a date and time Aura reads.
    Unreadable,
    /// Not an IANA time zone.
    Zone(String),
    /// Already past (or now).
    Past,
    /// More than [`MAX_DAYS`] ahead.
    TooFar,
}

/// A time zone by its IANA name (`Asia/Jakarta`, `Europe/Berlin`, `UTC`).
pub fn zone(name: &str) -> Result<TimeZone, DueError> {
    TimeZone::get(name.trim()).map_err(|_| DueError::Zone(name.trim().to_string()))
}

/// `18:00`, `18.00`, `6:05`.
fn time(s: &str) -> Option<Time> {
    let (h, m) = s.trim().split_once([':', '.'])?;
    if m.len() != 2 || h.is_empty() || h.len() > 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

/// `2026-12-05`, `5/12`, `5/12/2026`; a day and month without a year is its next
/// occurrence on or after `today`.
fn date(s: &str, today: Date) -> Option<Date> {
    let s = s.trim();
    if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        if y.len() != 4 {
            return None;
        }
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    let mut parts = s.split('/');
    let d: i8 = parts.next()?.trim().parse().ok()?;
    let m: i8 = parts.next()?.trim().parse().ok()?;
    match parts.next() {
        Some(y) if parts.next().is_none() => {
            let y: i16 = y.trim().parse().ok()?;
            let y = if y < 100 { 2000 + y } else { y };
            Date::new(y, m, d).ok()
        }
        Some(_) => None,
        None => {
            let this_year = Date::new(today.year(), m, d).ok();
            match this_year {
                Some(day) if day >= today => Some(day),
                _ => Date::new(today.year() + 1, m, d).ok(),
            }
        }
    }
}

/// The local date and time written in `input`, read against `today` in the zone.
fn local(input: &str, today: Date) -> Option<DateTime> {
    let lower = input.trim().to_lowercase();
    for (words, days) in [
        (&["today", "hari ini", "hari-ini"][..], 0),
        (&["tomorrow", "besok"][..], 1),
    ] {
        for w in words {
            if let Some(rest) = lower.strip_prefix(w) {
                let day = today.checked_add(days.days()).ok()?;
                let at = if rest.trim().is_empty() {
                    Time::new(23, 59, 0, 0).ok()?
                } else {
                    time(rest.trim_start_matches([' ', ',']))?
                };
                return Some(day.to_datetime(at));
            }
        }
    }
    // ISO's `T` between the date and the time.
    let text = lower.replacen('t', " ", 1);
    let mut parts = text.split_whitespace();
    let day = date(parts.next()?, today)?;
    let at = match (parts.next(), parts.next()) {
        (None, _) => Time::new(23, 59, 0, 0).ok()?,
        (Some(t), None) => time(t)?,
        _ => return None,
    };
    Some(day.to_datetime(at))
}

/// The due instant `input` names in `tz`, checked against `now`: in the future and at most
/// [`MAX_DAYS`] ahead.
pub fn parse(input: &str, tz: &TimeZone, now: Timestamp) -> Result<Timestamp, DueError> {
    let today = now.to_zoned(tz.clone()).date();
    let local = local(input, today).ok_or(DueError::Unreadable)?;
    // A time a clock change skips or repeats is read as the earlier instant (jiff's
    // "compatible" rule).
    let due = tz
        .to_ambiguous_zoned(local)
        .compatible()
        .map_err(|_| DueError::Unreadable)?
        .timestamp();
    if due <= now {
        return Err(DueError::Past);
    }
    if due.as_second() - now.as_second() > MAX_DAYS * 86_400 {
        return Err(DueError::TooFar);
    }
    Ok(due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("instant")
    }

    #[test]
    fn iso_like_in_jakarta_which_has_no_daylight_saving() {
        let jakarta = zone("Asia/Jakarta").expect("zone");
        let now = at("2026-12-01T05:00:00Z");
        // 18:00 in Jakarta (UTC+7, all year) is 11:00 UTC.
        let due = parse("2026-12-05 18:00", &jakarta, now).expect("due");
        assert_eq!(due, at("2026-12-05T11:00:00Z"));
        assert_eq!(parse("2026-12-05T18:00", &jakarta, now), Ok(due));
        assert_eq!(parse("5/12 18.00", &jakarta, now), Ok(due));
        assert_eq!(parse("5/12/2026 18:00", &jakarta, now), Ok(due));
        // A month later the offset is the same: Jakarta keeps no summer time.
        let later = parse("2027-01-20 18:00", &jakarta, now).expect("due");
        assert_eq!(later, at("2027-01-20T11:00:00Z"));
        // A date alone is the end of that day.
        assert_eq!(
            parse("2026-12-05", &jakarta, now),
            Ok(at("2026-12-05T16:59:00Z"))
        );
    }

    #[test]
    fn words_and_the_day_first_date_without_a_year() {
        let jakarta = zone("Asia/Jakarta").expect("zone");
        // 23:00 UTC on 1 December is already 06:00 on 2 December in Jakarta.
        let now = at("2026-12-01T23:00:00Z");
        assert_eq!(
            parse("tomorrow 18:00", &jakarta, now),
            Ok(at("2026-12-03T11:00:00Z"))
        );
        assert_eq!(
            parse("besok 18:00", &jakarta, now),
            Ok(at("2026-12-03T11:00:00Z"))
        );
        assert_eq!(
            parse("today 18:00", &jakarta, now),
            Ok(at("2026-12-02T11:00:00Z"))
        );
        assert_eq!(
            parse("hari ini 18:00", &jakarta, now),
            Ok(at("2026-12-02T11:00:00Z"))
        );
        // 1/12 has passed this year in Jakarta: next year's is more than 60 days ahead.
        assert_eq!(parse("1/12 08:00", &jakarta, now), Err(DueError::TooFar));
        // 10/1 (10 January) is next year's.
        assert_eq!(
            parse("10/1 08:00", &jakarta, now),
            Ok(at("2027-01-10T01:00:00Z"))
        );
    }

    #[test]
    fn zones_with_summer_time_follow_the_date() {
        let berlin = zone("Europe/Berlin").expect("zone");
        let now = at("2026-03-20T00:00:00Z");
        // Before the change on 29 March Berlin is UTC+1; after it, UTC+2.
        assert_eq!(
            parse("2026-03-28 18:00", &berlin, now),
            Ok(at("2026-03-28T17:00:00Z"))
        );
        assert_eq!(
            parse("2026-03-30 18:00", &berlin, now),
            Ok(at("2026-03-30T16:00:00Z"))
        );
        // 02:30 on 29 March does not exist there: read as the instant the clocks jump at.
        assert!(parse("2026-03-29 02:30", &berlin, now).is_ok());
        let utc = zone("UTC").expect("utc");
        assert_eq!(
            parse("2026-03-28 18:00", &utc, now),
            Ok(at("2026-03-28T18:00:00Z"))
        );
    }

    #[test]
    fn past_too_far_unreadable_and_unknown_zones_are_told_apart() {
        let utc = zone("UTC").expect("utc");
        let now = at("2026-12-01T12:00:00Z");
        assert_eq!(parse("2026-12-01 11:59", &utc, now), Err(DueError::Past));
        assert_eq!(parse("2026-12-01 12:00", &utc, now), Err(DueError::Past));
        assert!(parse("2026-12-01 12:01", &utc, now).is_ok());
        assert_eq!(parse("2027-01-30 12:01", &utc, now), Err(DueError::TooFar));
        assert!(parse("2027-01-30 12:00", &utc, now).is_ok());
        for bad in [
            "",
            "soon",
            "2026-13-01 10:00",
            "2026-12-05 25:00",
            "2026-12-05 18:000",
            "32/12 10:00",
            "2026-12-05 18:00 extra",
            "12-05 18:00",
        ] {
            assert_eq!(parse(bad, &utc, now), Err(DueError::Unreadable), "{bad}");
        }
        assert_eq!(
            zone("Mars/Olympus").err(),
            Some(DueError::Zone("Mars/Olympus".into()))
        );
    }
}
