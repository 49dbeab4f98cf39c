//! Quiz rounds on the essay: the scoring rules and a pure round engine that takes its clock,
//! so that rounds replay exactly in tests, and who may run rounds. The Discord side of a live
//! round (timers, buttons, messages) is `discord::quiz`.

pub mod access;
pub mod round;
pub mod scoring;

pub use round::{AnswerOutcome, Member, QuestionView, Reveal, Round, RoundError, Settings};
pub use scoring::Scoring;
