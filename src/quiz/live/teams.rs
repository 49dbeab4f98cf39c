//! A team round's picking, before its first question: the teams message with a join button per
//! team, edited (at most once per `edit_gap`) as members pick, until the picking time is over
//! (auto mode) or the teacher opens the first question (`/quiz next`); then the teams are set
//! and the message shows them without buttons.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::{Control, Live};
use crate::outbox::Message;
use crate::quiz::plan::Mode;
use crate::quiz::view::{self as cards, Ending, JoinStage};
use crate::quiz::{Member, Team, Teams};
use crate::services::Services;

type Snapshot = (Teams, Vec<(Team, Vec<Member>)>, u64);

/// The round's teams, their members and the roster's version (`None`: no teams).
fn snapshot(live: &Live) -> Option<Snapshot> {
    let round = live.round.lock().ok()?;
    let roster = round.roster()?;
    Some((roster.teams(), roster.members(), roster.version()))
}

async fn show(s: &Services, live: &Live, message: u64, stage: JoinStage) {
    let Some((teams, members, _)) = snapshot(live) else {
        return;
    };
    let card = cards::teams_card(teams, &members, live.id, stage, live.lang);
    if let Err(e) = s
        .outbox
        .edit(live.channel, message, &Message::from(card))
        .await
    {
        tracing::warn!(round = live.id, error = %e, "could not update the teams message");
    }
}

/// Lets members pick their teams, if the round is played in teams; `Some` when the round ends
/// before its first question (stopped, shut down, or the channel refused the message).
pub(super) async fn pick(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> Option<Ending> {
    let (teams, members, mut shown) = snapshot(live)?;
    let wait = s.pace.quiz.join_time;
    let stage = JoinStage::Open {
        first: (live.mode == Mode::Auto).then(|| s.clock.unix() + wait.as_secs() as i64),
    };
    let card = cards::teams_card(teams, &members, live.id, stage, live.lang);
    let message = match s.outbox.post(live.channel, &Message::from(card)).await {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(round = live.id, channel = live.channel, error = %e, "cannot post the teams; ending the round");
            return Some(Ending::Failed);
        }
    };
    let window = tokio::time::sleep(wait);
    tokio::pin!(window);
    let mut ticker = tokio::time::interval(s.pace.quiz.edit_gap);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    let ending = loop {
        tokio::select! {
            _ = &mut window, if live.mode == Mode::Auto => break None,
            _ = ticker.tick() => {
                if let Some((_, _, version)) = snapshot(live)
                    && version != shown
                {
                    shown = version;
                    show(s, live, message, stage).await;
                }
            }
            c = control.recv() => match c {
                Some(Control::Next) => break None,
                Some(Control::Stop) | None => break Some(Ending::Stopped),
                Some(Control::Shutdown) => break Some(Ending::Shutdown),
                Some(Control::Reveal | Control::Skip) => {}
            },
        }
    };
    if let Ok(mut round) = live.round.lock() {
        round.lock_teams();
    }
    show(s, live, message, JoinStage::Set).await;
    ending
}
