//! Aura: a Discord study bot for Walter Benjamin's "The Work of Art in the Age of Mechanical
//! Reproduction" and Theodor W. Adorno's critique of it.
//!
//! Module map — a pure core that knows nothing of Discord:
//! - [`pack`]: the study packs in `data/`, their model, loading and validation;
//! - [`search`]: fuzzy, accent-insensitive lookup, autocomplete and "did you mean";
//! - [`answers`]: what each command and button answers, as a plain [`reply::Reply`];
//! - [`render`]: a reply as Discord's JSON body, within every Discord limit;
//! - [`i18n`]: the Fluent UI strings in Indonesian and English;
//! - [`quiz`]: scoring rules and the pure quiz-round engine;
//! - [`daily`]: when a daily post is due, in the server's local time;
//! - [`store`]: state in SQLite through sqlx (votes, quiz answers, daily schedules and posts);
//! - [`core`]: the loaded library plus its index, shared by every front end;
//! - [`text`]: folding and cutting text; [`clock`]: Unix time in one place;
//!
//! and the front ends and plumbing:
//! - [`preview`]: the terminal front end (`aura preview`);
//! - [`discord`]: the Discord adapter, the only module that imports serenity or poise;
//! - [`cli`], [`config`], [`telemetry`]: the command line, layered settings, logs.

pub mod answers;
pub mod cli;
pub mod clock;
pub mod config;
pub mod core;
pub mod daily;
pub mod discord;
pub mod i18n;
pub mod pack;
pub mod preview;
pub mod quiz;
pub mod render;
pub mod reply;
pub mod search;
pub mod store;
pub mod telemetry;
pub mod text;
