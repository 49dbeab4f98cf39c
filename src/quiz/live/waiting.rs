//! The wait before a round's first question, shared by its two kinds (picking teams, and
//! waiting for enough players to say they are in): a message posted, edited at most once per
//! `edit_gap` as it changes, until the wait is over, the teacher opens the first question
//! (`/quiz next`), or the round is stopped or shut down.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::{Control, Live};
use crate::outbox::Message;
use crate::quiz::plan::Mode;
use crate::quiz::view::Ending;
use crate::reply::Reply;
use crate::services::Services;

/// What a wait shows and when it is over.
pub(super) struct Wait<C, D> {
    /// The message as it stands now, with a version that changes when it does.
    pub(super) card: C,
    /// Whether the wait is over early (enough players are in).
    pub(super) done: D,
    /// How long it lasts in auto mode, and how the round goes on after it (`None`: to the
    /// first question).
    pub(super) window: (Duration, Option<Ending>),
    /// What the message is, for the log.
    pub(super) what: &'static str,
}

/// Runs a wait: the message's id (if it was posted) and, when the round ends before its first
/// question, how (stopped, shut down, the message refused, or the window's ending).
pub(super) async fn run<C, D>(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
    wait: Wait<C, D>,
) -> (Option<u64>, Option<Ending>)
where
    C: Fn() -> Option<(Reply, u64)>,
    D: Fn() -> bool,
{
    let Some((card, mut shown)) = (wait.card)() else {
        return (None, None);
    };
    let message = match s.outbox.post(live.channel, &Message::from(card)).await {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(round = live.id, channel = live.channel, error = %e, what = wait.what, "cannot post; ending the round");
            return (None, Some(Ending::Failed));
        }
    };
    let (length, after) = wait.window;
    let window = tokio::time::sleep(length);
    tokio::pin!(window);
    let mut ticker = tokio::time::interval(s.pace.quiz.edit_gap);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    let ending = loop {
        if (wait.done)() {
            break None;
        }
        tokio::select! {
            _ = &mut window, if live.mode == Mode::Auto => break after,
            _ = ticker.tick() => {
                if let Some((card, version)) = (wait.card)()
                    && version != shown
                {
                    shown = version;
                    edit(s, live, message, card, wait.what).await;
                }
            }
            c = control.recv() => match c {
                Some(Control::Next) => break None,
                Some(Control::Stop) | None => break Some(Ending::Stopped),
                Some(Control::Shutdown) => break Some(Ending::Shutdown),
                Some(Control::Reveal | Control::Skip | Control::VoteSkip(_)) => {}
            },
        }
    };
    (Some(message), ending)
}

/// Edits the wait's message to `card`.
pub(super) async fn edit(s: &Services, live: &Live, message: u64, card: Reply, what: &str) {
    if let Err(e) = s
        .outbox
        .edit(live.channel, message, &Message::from(card))
        .await
    {
        tracing::warn!(round = live.id, error = %e, what, "could not update the message");
    }
}
