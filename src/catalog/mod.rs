//! The commands Aura answers, their options and their names in both languages: the single list
//! that Discord registration, `/help` and the preview parser read ([`commands`]), and a command
//! as a member gives it ([`request`]); the names of the values an option offers as choices
//! ([`choice`]); what `/help command:` adds about each: who may use it, an example ([`help`]).

pub mod choice;
pub mod commands;
pub mod help;
pub mod request;

pub use choice::{Choice, Names};
pub use commands::*;
pub use request::*;
