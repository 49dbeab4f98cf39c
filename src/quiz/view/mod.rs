//! `/quiz` as members see it: the question, reveal, podium, board, team, homework, practice
//! and insights cards in the member's language. Pure: no Discord, no store calls.

pub mod boards;
pub mod cards;
pub mod charts;
pub mod homework;
mod learning;
mod student;
mod teams;
mod typed;

pub use boards::*;
pub use cards::*;
pub use learning::*;
pub use student::*;
pub use teams::*;
pub use typed::*;
