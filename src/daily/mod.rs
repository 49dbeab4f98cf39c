//! The daily discussion post: when it is due (pure schedule computation in local time) and
//! what comes next (a per-schedule deck with no repeats). The Discord side builds on this.

pub mod deck;
pub mod schedule;

pub use deck::Deck;
pub use schedule::{Days, Schedule, ScheduleError};
