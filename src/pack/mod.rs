//! Study packs: the essay as structured, bilingual data, loaded from `data/<pack>/` (built into
//! the binary, or a folder: [`Packs`]) and validated.
//!
//! [`load`] reads every pack folder under a data directory and either returns a [`Library`] that
//! is known to be complete and consistent, or a [`Report`] that lists every problem at once.

pub(crate) mod check;
pub mod course;
mod course_csv;
mod generate;
mod library;
mod load;
pub mod model;
mod origin;
mod problem;
pub mod rules;

pub use library::*;
pub use load::{FILES, load, load_pack};
pub use model::*;
pub use origin::Packs;
pub use problem::{Problem, ProblemKind, Report, SourceFile};
