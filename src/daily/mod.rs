//! The daily discussion post: when it is due (pure schedule computation in local time) and
//! what comes next (a per-schedule deck with no repeats), and the runner that posts each due
//! schedule exactly once per local day through an outlet (Discord's is `discord::daily`).

pub mod deck;
pub mod permissions;
pub mod runner;
pub mod schedule;

pub use deck::Deck;
pub use schedule::{Cadence, Days, Schedule, ScheduleError};
