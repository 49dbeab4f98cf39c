//! Aura: a Discord study bot for Walter Benjamin's "The Work of Art in the Age of Mechanical
//! Reproduction" and Theodor W. Adorno's critique of it.
//!
//! Module map — a pure core that knows nothing of Discord:
//! - [`pack`]: the study packs in `data/`, their model, loading and validation;
//! - [`search`]: fuzzy, accent-insensitive lookup, autocomplete and "did you mean";
//! - [`answers`]: what each command and button answers, as a plain [`reply::Reply`];
//! - [`render`]: a reply as Discord's JSON body, within every Discord limit;
//! - [`i18n`]: the Fluent UI strings in Indonesian and English;
//! - [`core`]: the loaded library plus its index, shared by every front end;
//! - [`text`]: folding and cutting text; [`clock`]: time in one place, injectable;
//!
//! the features, each owning its commands, clicks, live state and workflows as plain
//! functions over plain values:
//! - [`quiz`]: scoring, the pure round engine, `/quiz`, live rounds;
//! - [`daily`]: schedules in local time, the deck, the runner, `/daily`, suggestions;
//! - [`debate`]: `/debate` and its class vote;
//! - [`privacy`]: `/privacy`, what Aura stores about a member, and deleting it;
//! - [`audit`]: the audit channel where staff actions are logged;
//!
//! what they share:
//! - [`interaction`]: who asked ([`interaction::Invocation`]), what a feature answers
//!   ([`interaction::Outcome`]) and the `custom_id` codec;
//! - [`outbox`]: every call outside an interaction's answer (REST for the bot, a recorder
//!   in tests);
//! - [`services`]: core, store, outbox, clock and pacing, as one value;
//! - [`shard`]: which guilds' background work is this process's, when Aura runs as several;
//! - [`store`]: state in SQLite through sqlx, decoded into the features' types;
//!
//! and the front ends and plumbing:
//! - [`app`]: the one start-up path (bot and end-to-end tests); [`looper`]: background loops;
//! - [`preview`]: the terminal front end (`aura preview`);
//! - [`discord`]: the Discord adapter, the only module that imports the Discord libraries;
//! - [`cli`], [`config`], [`telemetry`]: the command line, layered settings, logs;
//! - [`ops`]: the operator's view: metrics, `/healthz` and `/metrics`, `aura health`.

pub mod app;
pub mod audit;
pub mod cards;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod coalesce;
pub mod config;
pub mod core;
pub mod daily;
pub mod debate;
pub mod discord;
pub mod i18n;
pub mod interaction;
pub mod lookup;
pub mod looper;
pub mod ops;
pub mod outbox;
pub mod pack;
pub mod preview;
pub mod privacy;
pub mod quiz;
pub mod render;
pub mod reply;
pub mod search;
pub mod services;
pub mod shard;
pub mod store;
pub mod telemetry;
pub mod text;
