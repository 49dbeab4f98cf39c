//! When a daily post is due: a local time of day in an IANA time zone, on chosen weekdays,
//! every N days or once a month.
//! Pure and clock-free: every function takes the instant it reasons about. Daylight-saving
//! gaps and folds follow the usual rule (a time that does not exist moves forward by the gap;
//! a time that exists twice means the first), and a schedule posts at most once per local day.

use jiff::Timestamp;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("“{0}” is not a time of day; write HH:MM, e.g. 07:30")]
    Time(String),
    #[error("“{0}” is not an IANA time zone (e.g. Asia/Jakarta, Europe/Berlin)")]
    Zone(String),
    #[error("“{0}” is not a day of the week")]
    Day(String),
    #[error("a schedule needs at least one day of the week")]
    NoDays,
}

/// A set of weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(u8);

impl Days {
    pub const EVERY_DAY: Days = Days(0b111_1111);

    fn bit(day: Weekday) -> u8 {
        1 << (day.to_monday_zero_offset() as u8)
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & Self::bit(day) != 0
    }

    /// Parses `mon,wed,fri`, `weekdays`, `daily`, or Indonesian names (`senin,rabu,jumat`).
    pub fn parse(s: &str) -> Result<Days, ScheduleError> {
        let mut bits = 0u8;
        for word in s.split([',', ' ']).map(str::trim).filter(|w| !w.is_empty()) {
            let w = word.to_lowercase();
            bits |= match w.as_str() {
                "daily" | "every" | "all" | "setiap" | "harian" => Days::EVERY_DAY.0,
                "weekdays" | "workdays" | "kerja" => 0b001_1111,
                "weekend" | "akhir-pekan" => 0b110_0000,
                _ => {
                    let day = match w.get(..3).unwrap_or(&w) {
                        "mon" | "sen" => Weekday::Monday,
                        "tue" | "sel" => Weekday::Tuesday,
                        "wed" | "rab" => Weekday::Wednesday,
                        "thu" | "kam" => Weekday::Thursday,
                        "fri" | "jum" => Weekday::Friday,
                        "sat" | "sab" => Weekday::Saturday,
                        "sun" | "min" => Weekday::Sunday,
                        _ => return Err(ScheduleError::Day(word.to_string())),
                    };
                    Self::bit(day)
                }
            };
        }
        if bits == 0 {
            return Err(ScheduleError::NoDays);
        }
        Ok(Days(bits))
    }
}

/// How often a schedule posts: on chosen weekdays, every N days, or once a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Weekly(Days),
    /// Every `n` days, counted from 1970-01-01 (so the days are the same after a restart).
    EveryNDays(u16),
    /// On this day of the month (the month's last day when it is shorter).
    Monthly(i8),
}

impl Cadence {
    /// Parses `mon,wed,fri`, `weekdays`, `daily`, `every 2 days`, `monthly`, `monthly 15`,
    /// and the Indonesian `setiap 2 hari`, `bulanan 15`.
    pub fn parse(s: &str) -> Result<Cadence, ScheduleError> {
        let lower = s.trim().to_lowercase();
        let number = lower
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse::<u32>().ok());
        let first = lower
            .split(|c: char| c.is_whitespace() || c == ':')
            .next()
            .unwrap_or("");
        match (first, number) {
            ("every" | "setiap", Some(n)) if (1..=366).contains(&n) => {
                Ok(Cadence::EveryNDays(n as u16))
            }
            ("every" | "setiap", Some(_)) => Err(ScheduleError::Day(s.to_string())),
            ("monthly" | "bulanan", None) => Ok(Cadence::Monthly(1)),
            ("monthly" | "bulanan", Some(d)) if (1..=31).contains(&d) => {
                Ok(Cadence::Monthly(d as i8))
            }
            ("monthly" | "bulanan", Some(_)) => Err(ScheduleError::Day(s.to_string())),
            _ => Days::parse(s).map(Cadence::Weekly),
        }
    }

    /// Does the schedule post on this local date?
    pub fn includes(self, date: Date) -> bool {
        match self {
            Cadence::Weekly(days) => days.contains(date.weekday()),
            Cadence::EveryNDays(n) => date
                .since(jiff::civil::date(1970, 1, 1))
                .map(|span| i64::from(span.get_days()).rem_euclid(i64::from(n)) == 0)
                .unwrap_or(false),
            Cadence::Monthly(day) => date.day() == day.min(date.days_in_month()),
        }
    }
}

/// A posting schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub time: Time,
    pub zone: TimeZone,
    pub days: Cadence,
}

pub fn parse_time(s: &str) -> Result<Time, ScheduleError> {
    let bad = || ScheduleError::Time(s.to_string());
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

pub fn parse_zone(s: &str) -> Result<TimeZone, ScheduleError> {
    TimeZone::get(s.trim()).map_err(|_| ScheduleError::Zone(s.to_string()))
}

/// IANA zone names containing `partial` (case and accents ignored), for autocomplete.
pub fn zone_suggestions(partial: &str, limit: usize) -> Vec<String> {
    let wanted = partial.trim().to_lowercase().replace(' ', "_");
    let mut names: Vec<String> = jiff::tz::db()
        .available()
        .map(|n| n.to_string())
        .filter(|n| n.contains('/') && n.to_lowercase().contains(&wanted))
        .collect();
    names.sort_by_key(|n| (!n.to_lowercase().starts_with(&wanted), n.len(), n.clone()));
    names.truncate(limit);
    names
}

impl Schedule {
    pub fn new(time: &str, zone: &str, days: &str) -> Result<Schedule, ScheduleError> {
        Ok(Schedule {
            time: parse_time(time)?,
            zone: parse_zone(zone)?,
            days: Cadence::parse(days)?,
        })
    }

    /// The local date of an instant in this schedule's zone.
    pub fn local_date(&self, at: Timestamp) -> Date {
        at.to_zoned(self.zone.clone()).date()
    }

    /// When the post for local date `date` goes out (whether or not `date` is a posting day).
    pub fn slot(&self, date: Date) -> Option<Timestamp> {
        date.to_datetime(self.time)
            .to_zoned(self.zone.clone())
            .ok()
            .map(|z| z.timestamp())
    }

    /// The first posting instant strictly after `after`.
    pub fn next_after(&self, after: Timestamp) -> Option<Timestamp> {
        let mut date = self.local_date(after).yesterday().ok()?;
        // Long enough for a monthly cadence or every N days up to a year.
        for _ in 0..370 {
            if self.days.includes(date)
                && let Some(slot) = self.slot(date)
                && slot > after
            {
                return Some(slot);
            }
            date = date.tomorrow().ok()?;
        }
        None
    }

    /// The local date whose post is due at `now`: a posting day whose time has come, not yet
    /// posted (`last_posted` is the local date of the last post, automatic or by hand), and
    /// still within the catch-up window, which ends with that local day.
    pub fn due(&self, now: Timestamp, last_posted: Option<Date>) -> Option<Date> {
        let today = self.local_date(now);
        if !self.days.includes(today) || last_posted == Some(today) {
            return None;
        }
        let slot = self.slot(today)?;
        (slot <= now).then_some(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    /// The schedule's next post after `after` is at `expected` (instants in RFC 3339).
    #[track_caller]
    fn assert_next(s: &Schedule, after: &str, expected: &str) {
        assert_eq!(s.next_after(ts(after)), Some(ts(expected)), "after {after}");
    }

    #[test]
    fn bad_input_is_explained() {
        assert_eq!(
            parse_time("25:00"),
            Err(ScheduleError::Time("25:00".into()))
        );
        assert!(parse_time("7.30").is_err());
        assert_eq!(
            parse_time("07:30").unwrap(),
            Time::new(7, 30, 0, 0).unwrap()
        );
        assert!(matches!(
            parse_zone("Mars/Olympus"),
            Err(ScheduleError::Zone(_))
        ));
        assert!(matches!(
            Days::parse("mon,funday"),
            Err(ScheduleError::Day(_))
        ));
        assert_eq!(Days::parse(""), Err(ScheduleError::NoDays));
        assert_eq!(
            Days::parse("senin,rabu,jumat").unwrap(),
            Days::parse("mon wed fri").unwrap()
        );
    }

    #[test]
    fn jakarta_has_no_daylight_saving() {
        let s = Schedule::new("07:00", "Asia/Jakarta", "daily").unwrap();
        // 07:00 WIB is 00:00 UTC.
        assert_next(&s, "2026-11-28T12:00:00Z", "2026-11-29T00:00:00Z");
        assert_next(&s, "2026-11-28T23:59:59Z", "2026-11-29T00:00:00Z");
        assert_next(&s, "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z");
    }

    #[test]
    fn berlin_across_both_changes() {
        let s = Schedule::new("02:30", "Europe/Berlin", "daily").unwrap();
        // 29 March 2026: 02:30 does not exist (clocks jump 02:00 → 03:00): posted at 03:30 CEST.
        assert_next(&s, "2026-03-28T12:00:00Z", "2026-03-29T01:30:00Z");
        // 25 October 2026: 02:30 happens twice: the first (CEST, UTC+2) is used, once.
        let first = s.next_after(ts("2026-10-24T12:00:00Z")).unwrap();
        assert_eq!(first, ts("2026-10-25T00:30:00Z"));
        assert_eq!(s.next_after(first), Some(ts("2026-10-26T01:30:00Z")));
        // A normal morning keeps its local time on both sides of the change.
        let m = Schedule::new("08:00", "Europe/Berlin", "daily").unwrap();
        assert_next(&m, "2026-03-28T12:00:00Z", "2026-03-29T06:00:00Z");
        assert_next(&m, "2026-03-27T12:00:00Z", "2026-03-28T07:00:00Z");
    }

    #[test]
    fn new_york_across_both_changes() {
        let s = Schedule::new("09:00", "America/New_York", "daily").unwrap();
        assert_next(&s, "2026-03-07T15:00:00Z", "2026-03-08T13:00:00Z");
        assert_next(&s, "2026-03-06T15:00:00Z", "2026-03-07T14:00:00Z");
        assert_next(&s, "2026-10-31T14:00:00Z", "2026-11-01T14:00:00Z");
        assert_next(&s, "2026-10-30T14:00:00Z", "2026-10-31T13:00:00Z");
    }

    #[test]
    fn cadences_and_the_leap_day() {
        // Mon/Wed/Fri, from Monday 28 February 2028 after its post: Tuesday 29 February (the
        // leap day) is skipped, and Wednesday 1 March is next.
        let mwf = Schedule::new("08:00", "Asia/Jakarta", "mon,wed,fri").unwrap();
        assert_next(&mwf, "2028-02-28T02:00:00Z", "2028-03-01T01:00:00Z");
        let daily = Schedule::new("08:00", "Asia/Jakarta", "daily").unwrap();
        assert_next(&daily, "2028-02-28T02:00:00Z", "2028-02-29T01:00:00Z");
        let weekend = Schedule::new("10:00", "Asia/Jakarta", "weekend").unwrap();
        // Wednesday 1 March 2028 → Saturday 4 March.
        assert_next(&weekend, "2028-03-01T00:00:00Z", "2028-03-04T03:00:00Z");
        for day in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
            let s = Schedule::new("12:00", "Europe/Berlin", day).unwrap();
            let next = s.next_after(ts("2026-11-28T12:00:00Z")).unwrap();
            assert_eq!(
                s.local_date(next).weekday().to_monday_zero_offset(),
                Days::parse(day).unwrap().0.trailing_zeros() as i8
            );
            assert!(next.as_second() - ts("2026-11-28T12:00:00Z").as_second() <= 7 * 86_400);
        }
    }

    #[test]
    fn at_most_one_post_per_local_day_with_catch_up_until_midnight() {
        let s = Schedule::new("07:00", "Asia/Jakarta", "daily").unwrap();
        let today = Date::new(2026, 11, 28).unwrap();
        // Before the time: nothing due.
        assert_eq!(s.due(ts("2026-11-27T23:00:00Z"), None), None);
        // After it (a restart at 15:00 WIB): due once, for today.
        assert_eq!(s.due(ts("2026-11-28T08:00:00Z"), None), Some(today));
        // Posted (automatically or with /daily now): not again that day.
        assert_eq!(s.due(ts("2026-11-28T16:59:00Z"), Some(today)), None);
        // Missed all day: the catch-up window closes at local midnight; the next day is due at 07:00.
        assert_eq!(s.due(ts("2026-11-28T17:30:00Z"), None), None);
        assert_eq!(
            s.due(ts("2026-11-29T00:00:00Z"), Some(today)),
            Some(Date::new(2026, 11, 29).unwrap())
        );
    }

    #[test]
    fn every_n_days_and_monthly_cadences() {
        let every3 = Schedule::new("09:00", "UTC", "every 3 days").unwrap();
        let first = every3.next_after(ts("2026-03-01T12:00:00Z")).unwrap();
        let second = every3.next_after(first).unwrap();
        assert_eq!(second.as_second() - first.as_second(), 3 * 86_400);
        assert_eq!(
            Cadence::parse("setiap 3 hari").unwrap(),
            Cadence::EveryNDays(3)
        );
        // Monthly on the 31st: the last day of shorter months, the 29th in a leap February.
        let monthly = Schedule::new("08:00", "Asia/Jakarta", "monthly 31").unwrap();
        assert_next(&monthly, "2028-02-01T00:00:00Z", "2028-02-29T01:00:00Z");
        assert_next(&monthly, "2028-02-29T01:00:00Z", "2028-03-31T01:00:00Z");
        assert_eq!(Cadence::parse("bulanan").unwrap(), Cadence::Monthly(1));
        assert!(Cadence::parse("monthly 40").is_err());
        assert!(Cadence::parse("every 0 days").is_err());
    }
}
