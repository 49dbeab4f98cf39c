//! The debate's plain values: a side, a stored debate, a tally, what a vote did.

use crate::catalog::choice::{self, Choice as _, Names};
use crate::pack::Lang;

/// A side a member can vote for (or take, Benjamin or Adorno, in a class debate).
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
    /// The other side of the debate (undecided has none).
    pub fn other(self) -> Side {
        match self {
            Side::Benjamin => Side::Adorno,
            Side::Adorno => Side::Benjamin,
            Side::Undecided => Side::Undecided,
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

/// A quick vote on today's motion, or a class debate with speeches and two votes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Quick,
    Class,
}

impl Format {
    pub fn code(self) -> &'static str {
        self.names().en
    }
    /// Reads the code as stored: exactly.
    pub fn parse(s: &str) -> Option<Format> {
        choice::from_code(s)
    }
}

impl choice::Choice for Format {
    const CHOICES: &'static [Format] = &[Format::Quick, Format::Class];
    fn names(self) -> Names {
        match self {
            Format::Quick => Names::new("quick", "cepat"),
            Format::Class => Names::new("class", "kelas"),
        }
    }
}

/// An open or closed debate: a quick vote or a class debate.
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
    pub format: Format,
    /// The message Aura keeps up to date (the vote card, or the class debate's control).
    pub message: Option<u64>,
    /// The thread a class debate runs in.
    pub thread: Option<u64>,
    /// One of the server's own motions, as it was when the debate opened (`motion` is then
    /// its `own:` id); `None` for a pack's motion.
    pub own_motion: Option<crate::pack::Motion>,
    /// Its cards and lines in both languages side by side, `lang` first.
    pub bilingual: bool,
}

impl Debate {
    /// The pack and the motion it is on: the pack's motion, or the server's own it was
    /// opened on.
    pub fn motion_in<'a>(
        &'a self,
        library: &'a crate::pack::Library,
    ) -> Option<(&'a crate::pack::Pack, &'a crate::pack::Motion)> {
        let pack = library.pack(&self.pack)?;
        match &self.own_motion {
            Some(m) => Some((pack, m)),
            None => pack.motion(&self.motion).map(|m| (pack, m)),
        }
    }

    /// Where its buttons and commands are used: its thread, or its channel.
    pub fn room(&self) -> u64 {
        self.thread.unwrap_or(self.channel)
    }
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

/// What a past debate came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Came {
    /// Still open.
    Open,
    /// A quick vote's tally.
    Tally(Tally),
    /// A class debate's two votes.
    Verdict(Verdict),
}

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub debate: Debate,
    pub came: Came,
}

/// The two votes and what they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub opening: Tally,
    pub closing: Tally,
    /// The side that gained more percentage points; `None` when both gained the same.
    pub winner: Option<Side>,
    /// Nobody moved: both sides hold the same share as before.
    pub unmoved: bool,
}
