//! The debate's plain values: a side, a stored debate, a tally, what a vote did.

use crate::pack::Lang;

/// A side a member can vote for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Benjamin,
    Adorno,
    Undecided,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Benjamin => "benjamin",
            Side::Adorno => "adorno",
            Side::Undecided => "undecided",
        }
    }
    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "benjamin" => Some(Side::Benjamin),
            "adorno" => Some(Side::Adorno),
            "undecided" => Some(Side::Undecided),
            _ => None,
        }
    }
}

/// An open or closed debate vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debate {
    /// The id of the interaction that started it.
    pub id: u64,
    pub pack: String,
    pub motion: String,
    pub guild: Option<u64>,
    pub channel: u64,
    pub starter: u64,
    /// The starting interaction's token, to show the result on its message (15 minutes).
    pub token: String,
    pub lang: Lang,
    pub opened_at: i64,
    pub closes_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub benjamin: u32,
    pub adorno: u32,
    pub undecided: u32,
}

impl Tally {
    pub fn total(&self) -> u32 {
        self.benjamin + self.adorno + self.undecided
    }
}

/// What a vote did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    /// A first vote.
    Cast,
    /// A changed vote (or the same one again).
    Changed,
    /// The debate is closed (or unknown): nothing changed.
    Closed,
}
