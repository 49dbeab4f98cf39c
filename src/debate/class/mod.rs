//! The class debate: a thread with a pinned control message, sides joined or dealt, an
//! opening vote, timed speeches with points of information, an argument tree, a closing vote
//! and the result by the Intelligence Squared rule, then a summary. Everything is stored
//! (deadlines, not timers), so a restart continues where the debate was; every later change
//! of a message goes through the channel-message endpoints, never an interaction token.
//!
//! - [`model`]: the plain values; [`result`]: the verdict; [`deal`]: sides and lengths;
//! - [`step`]: what "next" does from where the debate is, decided without the store;
//! - [`flow`]: starting, the buttons and the moderator's commands; [`members`]: what members
//!   do (sides, ballots, speaking, hands, arguments);
//! - [`clock`]: the warning and "time" of running speeches, said once each;
//! - [`refresh`]: the control message, edited at most once at a time per debate.

pub mod announce;
pub mod clock;
pub mod deal;
pub mod flow;
pub mod members;
pub mod model;
pub mod refresh;
pub mod result;
pub mod step;
#[cfg(test)]
mod tests;

pub use model::{
    Act, Argument, Class, Clock, Member, Part, Phase, Poi, PoiState, Poll, Shown, SidesMode,
    Speech, order, warn_secs,
};
pub use result::{Verdict, verdict};
pub use step::{Refusal, Step};

/// A moderator's slash command on the class debate of this thread or channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Moves on; names the next speech's speaker when given.
    Next {
        speaker: Option<(u64, String)>,
    },
    Pause,
    Resume,
    Extend,
    End,
    /// Names (or changes) the current speech's speaker.
    Speaker {
        member: (u64, String),
    },
    Arguments,
    Summary,
    Export,
}
