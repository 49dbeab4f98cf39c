//! A team round's picking, before its first question (a wait of [`super::waiting`]): the teams
//! message with a join button per team, edited as members pick, until the picking time is over
//! (auto mode) or the teacher opens the first question (`/quiz next`); then the teams are set
//! and the message shows them without buttons.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::waiting::{self, Wait};
use super::{Control, Live};
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

/// Lets members pick their teams, if the round is played in teams; `Some` when the round ends
/// before its first question (stopped, shut down, or the channel refused the message).
pub(super) async fn pick(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> Option<Ending> {
    let wait = s.pace.quiz.join_time;
    let stage = JoinStage::Open {
        first: (live.mode == Mode::Auto).then(|| s.clock.unix() + wait.as_secs() as i64),
    };
    let card = |stage: JoinStage| {
        let (teams, members, version) = snapshot(live)?;
        Some((
            cards::teams_card(teams, &members, live.id, stage, live.lang),
            version,
        ))
    };
    let steps = Wait {
        card: || card(stage),
        done: || false,
        window: (wait, None),
        what: "teams",
    };
    let (message, ending) = waiting::run(s, live, control, steps).await;
    if message.is_some()
        && let Ok(mut round) = live.round.lock()
    {
        round.lock_teams();
    }
    if let (Some(message), Some((set, _))) = (message, card(JoinStage::Set)) {
        waiting::edit(s, live, message, set, "teams").await;
    }
    ending
}
