//! The daily discussion post: when it is due (pure schedule computation in local time).
//! The Discord side of daily posts builds on this.

pub mod schedule;

pub use schedule::{Days, Schedule, ScheduleError};
