//! The plain values of a server's course: the shipped items it hides from its class, its
//! reading plan and its own items.

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

/// Where a round or an assignment draws its questions: the study pack, the server's own
/// (its teachers'), or both (the default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Source {
    Pack,
    Server,
    #[default]
    Both,
}

impl Source {
    pub fn parse(s: &str) -> Option<Source> {
        choice::parse(s)
    }

    /// Whether the pack's questions are drawn.
    pub fn pack(self) -> bool {
        self != Source::Server
    }

    /// Whether the server's own questions are drawn.
    pub fn server(self) -> bool {
        self != Source::Pack
    }
}

impl choice::Choice for Source {
    const CHOICES: &'static [Source] = &[Source::Both, Source::Pack, Source::Server];
    fn names(self) -> Names {
        match self {
            Source::Pack => Names::new("pack", "paket"),
            Source::Server => Names::new("server", "guru").or(&["teacher", "own"]),
            Source::Both => Names::new("both", "keduanya"),
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
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// The essay's sections a daily prompt or a debate motion draws on: its quotes' sections and
/// its concepts' (empty: it belongs to no section, and every class has reached it).
pub fn sections_of(pack: &crate::pack::Pack, kind: ItemKind, id: &str) -> Vec<String> {
    let (quotes, concepts): (Vec<&str>, &[String]) = match kind {
        ItemKind::Prompt => match pack.prompt(id) {
            Some(p) => (p.quote.as_deref().into_iter().collect(), &p.concepts),
            None => return Vec::new(),
        },
        ItemKind::Motion => match pack.motion(id) {
            Some(m) => (
                m.benjamin_quotes
                    .iter()
                    .chain(&m.adorno_quotes)
                    .map(String::as_str)
                    .collect(),
                &m.concepts,
            ),
            None => return Vec::new(),
        },
        ItemKind::Question => return Vec::new(),
    };
    let mut sections: Vec<String> = quotes
        .iter()
        .filter_map(|q| pack.quote(q)?.section.clone())
        .chain(
            concepts
                .iter()
                .filter_map(|c| pack.concept(c))
                .flat_map(|c| c.sections.iter().cloned()),
        )
        .collect();
    sections.sort();
    sections.dedup();
    sections
}

/// Whether a class that has read `read` (empty: no plan, everything) has reached item `id`.
pub fn reached(pack: &crate::pack::Pack, kind: ItemKind, id: &str, read: &[String]) -> bool {
    if read.is_empty() {
        return true;
    }
    let sections = sections_of(pack, kind, id);
    sections.is_empty() || sections.iter().any(|s| read.contains(s))
}

/// The longest wording a server may give the mark on its teachers' items.
pub const MAX_LABEL: usize = 80;

/// How a teacher's item is marked: the server's own wording (shown as written, after ✎), or
/// "From your teacher — not from the study pack" in `lang`.
pub fn teacher_label(wording: Option<&str>, lang: crate::pack::Lang) -> String {
    match wording.map(str::trim).filter(|w| !w.is_empty()) {
        Some(w) => format!("✎ {}", crate::text::escape_markdown(w)),
        None => crate::i18n::t(lang, "course-by-teacher"),
    }
}

/// One of a server's own items as stored: the TOML the pack's rules checked, who wrote it
/// (none once they erased their data) and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnItem {
    pub kind: ItemKind,
    /// The teacher's id.
    pub id: String,
    pub body: String,
    pub author: Option<u64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Deleted (kept until the retention prune for the assignments that asked it).
    pub deleted: bool,
}

/// How many own items a server, and one member in it, may keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemLimits {
    pub server: u32,
    pub member: u32,
}

/// The default bounds: a term's worth of lecture questions and prompts.
pub const ITEM_LIMITS: ItemLimits = ItemLimits {
    server: 500,
    member: 200,
};

/// Why the store refused items: the server's or the member's items would pass their bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    /// The server holds this many and the bound is the limits' `server`.
    Server(u32),
    /// The member wrote this many.
    Member(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prompt or motion belongs to its quotes' and concepts' sections; a class reaches it
    /// once it has read one of them; with no plan every item is reached.
    #[test]
    fn prompts_and_motions_are_reached_through_their_sections() {
        let core = crate::core::Core::for_tests();
        let pack = &core.library.packs[0];
        let mut placed = 0;
        for m in &pack.motions {
            let sections = sections_of(pack, ItemKind::Motion, &m.id);
            assert!(reached(pack, ItemKind::Motion, &m.id, &[]));
            if let Some(first) = sections.first() {
                placed += 1;
                assert!(reached(
                    pack,
                    ItemKind::Motion,
                    &m.id,
                    std::slice::from_ref(first)
                ));
                assert!(!reached(
                    pack,
                    ItemKind::Motion,
                    &m.id,
                    &["nowhere".to_string()]
                ));
            }
        }
        assert!(placed > 0, "some motions draw on sections");
        let p = &pack.prompts[0];
        assert_eq!(
            reached(pack, ItemKind::Prompt, &p.id, &["nowhere".to_string()]),
            sections_of(pack, ItemKind::Prompt, &p.id).is_empty()
        );
    }
}
