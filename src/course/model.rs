//! The plain values of a server's course: the shipped items it hides from its class.

use std::collections::HashSet;

use crate::catalog::choice::{self, Choice as _, Names};

/// A kind of item a server can hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Question,
    Prompt,
    Motion,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        self.names().en
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        choice::parse(s)
    }
}

impl choice::Choice for ItemKind {
    const CHOICES: &'static [ItemKind] = &[ItemKind::Question, ItemKind::Prompt, ItemKind::Motion];
    fn names(self) -> Names {
        match self {
            ItemKind::Question => Names::new("question", "soal"),
            ItemKind::Prompt => Names::new("prompt", "diskusi"),
            ItemKind::Motion => Names::new("motion", "mosi"),
        }
    }
}

/// The items a server hides: `(kind, "pack:id")`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(pub HashSet<(ItemKind, String)>);

impl Hidden {
    /// Whether the server hides item `id` of `pack`.
    pub fn hides(&self, kind: ItemKind, pack: &str, id: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&(kind, format!("{pack}:{id}")))
    }

    /// The ids of `pack`'s items of `kind` the server hides.
    pub fn ids(&self, kind: ItemKind, pack: &str) -> Vec<String> {
        let prefix = format!("{pack}:");
        let mut ids: Vec<String> = self
            .0
            .iter()
            .filter(|(k, _)| *k == kind)
            .filter_map(|(_, item)| item.strip_prefix(&prefix).map(String::from))
            .collect();
        ids.sort();
        ids
    }
}

/// A server's reading plan: the week its term starts (a local date in its zone) and the
/// sections of the essay the class reads in each week (week 1 is the seven days from `start`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadingPlan {
    /// `YYYY-MM-DD`; empty until staff set it.
    pub start: String,
    /// An IANA zone, e.g. `Asia/Jakarta`.
    pub zone: String,
    /// Section ids by week number.
    pub weeks: std::collections::BTreeMap<u32, Vec<String>>,
}

impl ReadingPlan {
    /// The week of the term `now` falls in (1: the seven days from the start; 0 or less: before
    /// it), or `None` without a valid start.
    pub fn current_week(&self, now: jiff::Timestamp) -> Option<i64> {
        let start = self.start.parse::<jiff::civil::Date>().ok()?;
        let zone = jiff::tz::TimeZone::get(&self.zone).ok()?;
        let today = now.to_zoned(zone).date();
        let days = i64::from((today - start).get_days());
        Some(days.div_euclid(7) + 1)
    }

    /// The sections the class has read by `now` (the weeks up to the current one), in the order
    /// they are read; empty before the term starts or without a plan.
    pub fn read_so_far(&self, now: jiff::Timestamp) -> Vec<String> {
        let Some(week) = self.current_week(now) else {
            return Vec::new();
        };
        let mut read: Vec<String> = Vec::new();
        for (_, sections) in self.weeks.range(..=u32::try_from(week.max(0)).unwrap_or(0)) {
            for s in sections {
                if !read.contains(s) {
                    read.push(s.clone());
                }
            }
        }
        read
    }

    /// The first week the plan reads `section` in.
    pub fn week_of(&self, section: &str) -> Option<u32> {
        self.weeks
            .iter()
            .find(|(_, sections)| sections.iter().any(|s| s == section))
            .map(|(week, _)| *week)
    }
}
