//! Quiz rounds on the essay: the scoring rules and a pure round engine that takes its clock,
//! so that rounds replay exactly in tests. (The Discord side of rounds builds on this.)

pub mod round;
pub mod scoring;

pub use round::{AnswerOutcome, Member, QuestionView, Reveal, Round, RoundError, Settings};
pub use scoring::Scoring;
