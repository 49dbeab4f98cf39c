//! The daily discussion post: when it is due (pure schedule computation in local time), what
//! comes next (a per-schedule deck with no repeats), the runner that posts each due schedule
//! exactly once per local day through the outbox, and `/daily`'s commands, suggestions and
//! "notify me" button as plain functions.

pub mod admin;
pub mod deck;
pub mod dispatch;
pub mod model;
pub mod notify;
pub mod post;
pub mod runner;
pub mod schedule;
pub mod suggestions;
pub mod view;

pub use admin::{DailyCommand, SetupArgs};
pub use deck::Deck;
pub use model::{
    DailySchedule, PastPost, PendingPost, PostKind, SUGGESTION, Suggestion, post_nonce,
};
pub use schedule::{Cadence, Days, Schedule, ScheduleError};
