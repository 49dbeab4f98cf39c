//! Aura: a Discord study bot for Walter Benjamin's "The Work of Art in the Age of Mechanical
//! Reproduction" and Theodor W. Adorno's critique of it.
//!
//! # Layers
//! Each file sits in one layer and uses items defined in its own layer or lower ones, never
//! higher; no two files use each other's items (no import circle). `tests/architecture/`
//! holds both rules. Lowest first:
//! 1. leaves: [`text`] (folding, cutting, escaping), [`clock`], Discord's limits
//!    ([`render::limits`]), the names of an option's choices ([`catalog::choice`]);
//! 2. the study pack's data ([`pack`]), then [`i18n`] (the UI strings) and the search's
//!    matchers; then the [`search`] index, the pack's loader and the command list
//!    ([`catalog`]);
//! 3. the features' plain data types, one `model` module each ([`quiz::model`],
//!    [`quiz::homework::model`], [`debate::model`], [`debate::class::model`], [`daily::model`],
//!    [`lookup::model`], [`course::model`], [`responses::model`]);
//! 4. what a reply is: [`reply`] and the [`interaction::custom_id`] codec, then
//!    [`interaction`] (who asked, what a feature answers), [`core`] (the loaded library and
//!    its index), [`cards`] (what every card shares) and [`render`] (a reply as Discord's JSON,
//!    within every limit);
//! 5. [`store`]: state in SQLite or PostgreSQL through sqlx;
//! 6. infrastructure: [`outbox`] (every call outside an interaction's answer), [`services`]
//!    (core, store, outbox, clock, pacing and the features' process state), [`looper`],
//!    [`coalesce`], [`shard`], [`config`], [`telemetry`], the metrics;
//! 7. the features, each in one folder with its logic and its cards (`view`): [`lookup`]
//!    (quotes, concepts, sections, search, thinkers, the essay, help), [`quiz`], [`debate`],
//!    [`daily`], [`course`] (what a server's class sees of the pack), [`responses`] (written
//!    work), [`language`] (a member's own language), [`privacy`], [`audit`];
//! 8. the front ends: [`discord`] (the only module that imports serenity and poise),
//!    [`preview`] (`aura preview` on a terminal), [`ops`] (health and metrics endpoints),
//!    [`app`] (the one start-up path, shared by the bot and the end-to-end tests), [`cli`].
//!
//! # State flows one way
//! Plain data types (`*/model.rs`) ← [`store`] ← feature logic ← front ends. The store reads
//! and writes the features' model values and names nothing else of theirs
//! (`tests/architecture/` fails on any other path); a card reads a feature's model and
//! returns a [`reply::Reply`], and never calls the store.

pub mod app;
pub mod audit;
pub mod cards;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod coalesce;
pub mod config;
pub mod core;
pub mod course;
pub mod daily;
pub mod debate;
pub mod discord;
pub mod i18n;
pub mod interaction;
pub mod language;
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
pub mod responses;
pub mod search;
pub mod services;
pub mod shard;
pub mod store;
pub mod telemetry;
pub mod text;
