//! Quiz rounds on the essay: the scoring rules and a pure round engine that takes its clock
//! (so that rounds replay exactly in tests), who may run rounds, the `/quiz` commands and
//! buttons as plain functions, team play (who is in which team, teams scored by their
//! members' mean), the rounds running live in channels (posted and edited through the
//! outbox), and ending the rounds a crash left open. What members and classes learn from
//! their answers: practice by spaced repetition, the class's insights, the gradebook.

pub mod access;
pub mod asked;
pub mod clicks;
pub mod commands;
pub mod forms;
pub mod gradebook;
pub mod homework;
pub mod insights;
pub mod leitner;
pub mod live;
pub mod model;
pub mod plan;
pub mod practice;
pub mod recovery;
pub mod round;
pub mod scoring;
pub mod settings;
pub mod teams;
pub mod view;

pub use commands::{QuizCommand, Who};
pub use live::Rooms;
pub use model::{Access, AnswerRow, BoardLine, Period, Sort, Tuning};
pub use round::{
    AnswerOutcome, Answering, Member, QuestionView, Reveal, Round, RoundError, Settings,
};
pub use scoring::Scoring;
pub use teams::{Joined, Team, TeamLine, Teams};
