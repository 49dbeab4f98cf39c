//! A round that waits for its players, before its first question (a wait of
//! [`super::waiting`]): the message with an **I'm
//! in** button, edited as members join, until as many are in as the round waits for, the
//! teacher opens the first question (`/quiz next`), or, in auto mode, the waiting time is
//! over: then the round ends without a question.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::waiting::{self, Wait};
use super::{Control, Live};
use crate::quiz::plan::Mode;
use crate::quiz::view::{self as cards, Ending};
use crate::services::Services;

fn players(live: &Live) -> Option<(u32, u32)> {
    live.round.lock().ok()?.players()
}

/// Waits for the round's players, if it has a minimum; `Some` when the round ends before its
/// first question (too few in time, stopped, shut down, or the channel refused the message).
pub(super) async fn gather(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> Option<Ending> {
    let wait = s.pace.quiz.players_wait;
    let until = (live.mode == Mode::Auto).then(|| s.clock.unix() + wait.as_secs() as i64);
    let card = |open: bool| {
        let count = players(live)?;
        let card = cards::players_card(count, live.id, until, open, live.lang);
        Some((card, u64::from(count.0)))
    };
    let enough = || players(live).is_some_and(|(joined, needed)| joined >= needed);
    let steps = Wait {
        card: || card(true),
        done: enough,
        window: (wait, Some(Ending::TooFew)),
        what: "players",
    };
    let (message, ending) = waiting::run(s, live, control, steps).await;
    if let (Some(message), Some((last, _))) = (message, card(false)) {
        waiting::edit(s, live, message, last, "players").await;
    }
    ending
}
