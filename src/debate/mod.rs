//! `/debate` as a class activity, free of Discord types: the motion posted with vote buttons,
//! one stored vote per member (changeable until the vote closes), the tally hidden until the
//! starter closes the vote or its time is up, then shown on the message ([`votes`]).

pub mod model;
pub mod votes;

pub use model::{Debate, Side, Tally, VoteOutcome};
