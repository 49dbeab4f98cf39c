//! The homework's plain values, as the store keeps them: an assignment, a member's attempt
//! and its progress, and what the class's summary is drawn from.

use serde::{Deserialize, Serialize};

use crate::pack::Lang;

/// An assignment as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub id: u64,
    pub guild: u64,
    /// Its number in the server (#1, #2, …), given when it is stored.
    pub number: u32,
    pub channel: u64,
    pub message: Option<u64>,
    pub teacher: u64,
    pub lang: Lang,
    pub pack: String,
    pub questions: Vec<Picked>,
    pub time_limit: Option<u32>,
    pub created_at: i64,
    pub due_at: i64,
    pub zone: String,
    pub closed_at: Option<i64>,
    /// Who closed it early (`None`: on time, or still open).
    pub closed_by: Option<u64>,
    /// The role its reminders ping (`None`: they mention nobody).
    pub ping_role: Option<u64>,
    /// A right answer earns its full points however long it took; otherwise (with a time
    /// limit) half to all of them, more the faster.
    pub flat: bool,
    /// Its shared posts in both languages side by side, `lang` first.
    pub bilingual: bool,
}

#[cfg(any(test, feature = "test-util"))]
impl Assignment {
    /// An open assignment without questions, set by member 3 in `(guild, channel)`, due at
    /// `due_at` (tests).
    pub fn sample(id: u64, (guild, channel): (u64, u64), due_at: i64) -> Assignment {
        Assignment {
            id,
            guild,
            number: 0,
            channel,
            message: None,
            teacher: 3,
            lang: crate::pack::Lang::En,
            pack: "benjamin".into(),
            questions: Vec::new(),
            time_limit: None,
            created_at: 0,
            due_at,
            zone: "UTC".into(),
            closed_at: None,
            closed_by: None,
            ping_role: None,
            flat: true,
            bilingual: false,
        }
    }
}

/// A member's attempt as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptRow {
    /// Its quiz round (kind 'homework').
    pub round: u64,
    pub user: u64,
    pub progress: Progress,
    pub started_at: i64,
}

/// A question of an assignment, with the order its choices are shown in (`order[i]` is the
/// authored index of the choice shown at position `i`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picked {
    pub id: String,
    pub order: Vec<usize>,
}

/// Where a member's attempt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The question shown now (1-based); past the last once finished.
    pub next: u32,
    /// When it was shown (unix seconds).
    pub shown_at: i64,
    pub finished: bool,
}

/// A member's attempt, as the summary counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempted {
    pub user: u64,
    pub finished: bool,
}

/// One answer given in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Given {
    pub user: u64,
    /// The question's number (1-based).
    pub number: u32,
    /// The position chosen, as shown (every member sees the same order).
    pub choice: u32,
    pub correct: bool,
}
