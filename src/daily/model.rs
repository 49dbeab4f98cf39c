//! The daily post's plain values: what a schedule posts, a stored schedule (decoded once by
//! the store: ids as integers, its language, its kind and its deck), a past post and a
//! member's suggestion.

use crate::catalog::choice::{self, Choice as _, Names};
use crate::pack::{Lang, Pack};

/// What a schedule posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostKind {
    Prompt,
    Quote,
    Motion,
}

impl PostKind {
    pub fn parse(s: &str) -> Option<PostKind> {
        choice::parse(s)
    }

    pub fn code(self) -> &'static str {
        self.names().en
    }

    /// The pack items this kind walks through, by id.
    pub fn items(self, pack: &Pack) -> Vec<String> {
        match self {
            PostKind::Prompt => pack.prompts.iter().map(|p| p.id.clone()).collect(),
            PostKind::Quote => pack.quotable().map(|q| q.id.clone()).collect(),
            PostKind::Motion => pack.motions.iter().map(|m| m.id.clone()).collect(),
        }
    }
}

impl choice::Choice for PostKind {
    const CHOICES: &'static [PostKind] = &[PostKind::Prompt, PostKind::Quote, PostKind::Motion];
    fn names(self) -> Names {
        match self {
            PostKind::Prompt => Names::new("prompt", "diskusi").or(&["discussion", "pertanyaan"]),
            PostKind::Quote => Names::new("quote", "kutipan"),
            PostKind::Motion => Names::new("motion", "mosi").or(&["debate", "debat"]),
        }
    }
}

/// The prefix of a member suggestion's item id in a deck (`suggestion:<id>`).
pub const SUGGESTION: &str = "suggestion:";

/// A stored schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailySchedule {
    pub id: i64,
    pub guild: u64,
    pub channel: u64,
    /// HH:MM, an IANA zone and the cadence, as staff typed them (checked at setup).
    pub time: String,
    pub zone: String,
    pub days: String,
    /// The language of the posts.
    pub lang: Lang,
    pub kind: PostKind,
    /// The role pinged by each post, if staff configured one.
    pub role: Option<u64>,
    pub thread: bool,
    pub pin: bool,
    /// Posts in both languages side by side, the schedule's first.
    pub bilingual: bool,
    pub paused: bool,
    pub pause_reason: Option<String>,
    /// A local date (YYYY-MM-DD) whose post is skipped.
    pub skip_date: Option<String>,
    /// What comes next, without repeats.
    pub deck: Deck,
}

#[cfg(test)]
impl DailySchedule {
    /// A schedule for tests, not yet stored (id 0): a discussion prompt in Indonesian, daily at
    /// 07:00 in Jakarta, in channel 2 of server 1, opening a thread and moving the pin.
    pub(crate) fn sample() -> DailySchedule {
        DailySchedule {
            id: 0,
            guild: 1,
            channel: 2,
            time: "07:00".into(),
            zone: "Asia/Jakarta".into(),
            days: "daily".into(),
            lang: Lang::Id,
            kind: PostKind::Prompt,
            role: None,
            thread: true,
            bilingual: false,
            pin: true,
            paused: false,
            pause_reason: None,
            skip_date: None,
            deck: Deck::new(1),
        }
    }
}

/// A post made, for the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastPost {
    pub schedule_id: i64,
    pub kind: PostKind,
    pub local_date: String,
    pub item: String,
}

/// A member's suggestion for a daily prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    pub guild: u64,
    pub channel: u64,
    pub user: u64,
    pub text: String,
    pub status: String,
    pub reason: Option<String>,
    /// The member's interaction token (15 minutes), for a private follow-up.
    pub token: String,
}

/// A claimed post whose message Discord has not (yet, to Aura's knowledge) accepted: the bot
/// stopped or the call failed between the claim and Discord's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPost {
    pub local_date: String,
    pub item: String,
    /// The nonce the post is sent with, each time it is tried.
    pub nonce: String,
    pub manual: bool,
}

/// The nonce a schedule's post for a local date is sent with (Discord allows 25 characters):
/// the same for every try of that post, so Discord keeps only the first it accepted.
pub fn post_nonce(schedule: i64, local_date: &str) -> String {
    let date: String = local_date.chars().filter(char::is_ascii_digit).collect();
    let mut nonce = format!("d{schedule}.{date}");
    nonce.truncate(25);
    nonce
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Deck {
    /// The seed of the schedule; each cycle's order is derived from it and the cycle number.
    pub seed: u64,
    pub cycle: u64,
    /// Items already posted in this cycle.
    pub posted: Vec<String>,
    /// Items queued by staff (and approved suggestions), in posting order: the first
    /// `urgent` of them were put next or high, the rest normal.
    pub queue: Vec<String>,
    /// How many of the queue's first items were queued `next` or `high`.
    #[serde(default)]
    pub urgent: usize,
    /// Items queued `low`: posted after the rest of the cycle, in order.
    #[serde(default)]
    pub later: Vec<String>,
}

/// Where a queued item goes: first of all (`next`), after the other urgent ones (`high`), at
/// the end of the queue but before the cycle's own order (`normal`), or after everything left
/// in the cycle (`low`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Priority {
    #[default]
    Next,
    High,
    Normal,
    Low,
}

impl choice::Choice for Priority {
    const CHOICES: &'static [Priority] = &[
        Priority::Next,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ];
    fn names(self) -> Names {
        match self {
            Priority::Next => Names::new("next", "berikutnya"),
            Priority::High => Names::new("high", "tinggi"),
            Priority::Normal => Names::new("normal", "biasa"),
            Priority::Low => Names::new("low", "rendah"),
        }
    }
}
