//! Everything Aura does outside an interaction's answer goes through one trait, [`Outbox`]:
//! posting, editing, pinning, threads, roles, DMs, follow-ups, and reading what Aura may do in
//! a channel and a server's roles. The bot uses [`rest::Rest`] over Discord's REST API; unit tests use
//! `recorder::Recorder` (built for tests and with the `test-util` feature only), which records
//! every call and can be told to fail.

pub mod api;
pub mod history;
pub mod permissions;
#[cfg(any(test, feature = "test-util"))]
pub mod recorder;
pub mod rest;

pub use api::{GuildRole, Message, Outbox, OutboxError, Sought};
#[cfg(any(test, feature = "test-util"))]
pub use recorder::Recorder;
pub use rest::Rest;
