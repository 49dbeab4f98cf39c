//! `/debate` as a class activity, free of Discord types: a quick vote on a motion (one stored
//! vote per member, changeable until it closes, the tally hidden until then, [`votes`]), or a
//! class debate with sides, timed speeches, points of information, an argument tree and an
//! opening and closing vote ([`class`]). `/debate history` lists a channel's debates
//! ([`history`]). When Aura stops, open debates hear that it restarts ([`restart`]).

pub mod class;
pub mod history;
pub mod model;
pub mod restart;
pub mod rules;
pub mod sweep;
pub mod view;
pub mod votes;

#[cfg(test)]
mod tests;

pub use model::{Debate, Format, Side, Tally, VoteOutcome};
