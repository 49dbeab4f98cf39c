//! State that must survive a restart (debate votes, quiz rounds and answers, daily schedules
//! and posts, audit channels; what a member asks to see or delete with `/privacy`), through
//! sqlx in one of two engines: an embedded SQLite file (the default, created on first run) or
//! PostgreSQL (`database_url`), for several processes over one database. Both run the same
//! statements (portable SQL, `$n` parameters) and are migrated from `migrations/<engine>/`;
//! [`on!`] runs a body once per engine. One module per aggregate. Rows are decoded here, once,
//! into the features' plain values (their `model` modules: ids as integers, languages, post
//! kinds, decks), so no caller re-parses a stored string. The store names nothing else of the
//! features (`tests/architecture/` holds it to that); the features call the store.

/// Runs `$body` with `$p` bound to the pool of `$db` (a `&Db`), whichever engine it is: the
/// body is written once and compiled for each. Written like a closure, `on!(&self.pool, |db| {
/// … })`, so that rustfmt formats the body.
macro_rules! on {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($p) => $body,
            $crate::store::Db::Postgres($p) => $body,
        }
    };
}

mod audit;
mod batch;
mod boards;
mod class;
mod course;
mod daily;
mod debates;
mod engine;
mod fold;
mod handle;
mod health;
#[cfg(any(test, feature = "test-util"))]
mod history;
mod homework;
mod kept;
mod learning;
mod limits;
mod lookups;
mod members;
mod names;
mod participation;
mod posts;
mod privacy;
#[cfg(test)]
mod processes;
mod prune;
mod quiz;
mod responses;
mod shards;
#[cfg(any(test, feature = "test-util"))]
mod testing;
mod windows;

pub use class::{Due, Setup};
pub use engine::*;
pub use handle::*;
#[cfg(any(test, feature = "test-util"))]
pub use history::{Grown, History, member_of};
pub use posts::Claim;
pub use privacy::MemberRows;
pub use prune::Pruned;
pub use quiz::StartOutcome;
pub use shards::Held;
#[cfg(any(test, feature = "test-util"))]
pub use testing::sweep_leftovers;
