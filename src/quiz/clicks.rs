//! Clicks on a running round's question and waiting messages: an answer (locked in, stored,
//! then confirmed privately), "I'm in", a team pick, a hint and a vote to skip. Each finds the
//! channel's round in this process and answers the member privately in their language.

use super::live;
use super::{AnswerOutcome, AnswerRow, Joined, Team};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::quiz::view as cards;
use crate::reply::{Accent, Reply};
use crate::services::Services;

/// A click on an answer button. A locked-in answer is stored before the member is told, so a
/// process killed right after loses no answer a member saw accepted.
pub async fn answer(
    s: &Services,
    inv: &Invocation,
    round: u64,
    number: usize,
    position: usize,
) -> Outcome {
    let (outcome, stored) = lock_in(s, inv, round, number, position);
    if let Some((guild, row)) = stored
        && let Err(e) = s.store.record_answer(round, guild, row).await
    {
        // It is in the round, and saved with the others at the reveal.
        tracing::warn!(round, error = %e, "could not store an answer at once");
    }
    outcome
}

/// What a click did in the round's engine.
struct Click {
    outcome: AnswerOutcome,
    /// The locked-in answer to store at once, with the round's server.
    stored: Option<(u64, AnswerRow)>,
    /// The member's team, at their first answer in a team round (dealt if not picked).
    team: Option<Team>,
}

/// A member's click on the choice at `position` of question `number` of `round`: the private
/// reply, and the answer to store at once (with the round's server) when it locked in.
fn lock_in(
    s: &Services,
    inv: &Invocation,
    round: u64,
    number: usize,
    position: usize,
) -> (Outcome, Option<(u64, AnswerRow)>) {
    let lang = inv.lang;
    let Some(live) = crate::quiz::live::rooms(s).round(inv.channel, round) else {
        return (
            click_reply("quiz-not-open", String::new(), None, lang),
            None,
        );
    };
    let click = click(s, inv, &live, number, position);
    let (key, choice) = match click.outcome {
        AnswerOutcome::Locked { position } => {
            live.answered
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let choice = live
                .current
                .lock()
                .ok()
                .and_then(|c| c.as_ref().map(|c| c.view.label(position, lang).name))
                .unwrap_or_default();
            ("quiz-locked", choice)
        }
        AnswerOutcome::AlreadyAnswered => ("quiz-already", String::new()),
        AnswerOutcome::TooLate => ("quiz-too-late", String::new()),
        AnswerOutcome::NotOpen | AnswerOutcome::NoSuchChoice | AnswerOutcome::Typed { .. } => {
            ("quiz-not-open", String::new())
        }
    };
    (click_reply(key, choice, click.team, lang), click.stored)
}

/// The click locked in the engine, if question `number` is the open one.
fn click(
    s: &Services,
    inv: &Invocation,
    live: &live::Live,
    number: usize,
    position: usize,
) -> Click {
    let refused = |outcome| Click {
        outcome,
        stored: None,
        team: None,
    };
    let Ok(mut r) = live.round.lock() else {
        return refused(AnswerOutcome::NotOpen);
    };
    if r.open_number() != Some(number) {
        return refused(AnswerOutcome::NotOpen);
    }
    let outcome = r.answer(inv.user, position, live::std_now());
    if !matches!(outcome, AnswerOutcome::Locked { .. }) {
        return refused(outcome);
    }
    let stored = r.answer_of(number, inv.user).map(|a| {
        let row = live::row(a, s.clock.unix(), Some(&inv.name));
        (live.guild, row)
    });
    let team = if r.totals(inv.user).answered == 1 {
        r.roster().and_then(|roster| roster.team_of(inv.user))
    } else {
        None
    };
    Click {
        outcome,
        stored,
        team,
    }
}

/// The private reply to a click: `key` with the choice locked in, and the member's team when
/// they first learn it.
fn click_reply(key: &str, choice: String, team: Option<Team>, lang: Lang) -> Outcome {
    let mut reply = Reply::private(tr(lang, key, &[("choice", &choice)]));
    if key != "quiz-locked" {
        reply.accent = Accent::Error;
    }
    if let Some(team) = team {
        let name = cards::team_name(team, lang);
        reply.text.push(' ');
        reply
            .text
            .push_str(&tr(lang, "quiz-team-yours", &[("team", &name)]));
    }
    Outcome::Reply(reply)
}

/// A click on **I'm in** while a round waits for its players: told privately how many are in.
pub fn ready(s: &Services, inv: &Invocation, round: u64) -> Outcome {
    let lang = inv.lang;
    let ready = s
        .state::<crate::quiz::Rooms>()
        .round(inv.channel, round)
        .and_then(|live| Some(live.round.lock().ok()?.ready(inv.user)));
    let reply = match ready {
        Some(crate::quiz::round::Ready::In { joined, needed }) => Reply::private(tr(
            lang,
            "quiz-players-in",
            &[
                ("joined", &(joined as usize)),
                ("needed", &(needed as usize)),
            ],
        )),
        _ => {
            let mut closed = Reply::private(t(lang, "quiz-players-late"));
            closed.accent = Accent::Error;
            closed
        }
    };
    Outcome::Reply(reply)
}

/// A click on a team's join button: the member's team, told privately.
pub fn join(s: &Services, inv: &Invocation, round: u64, team: usize) -> Outcome {
    let lang = inv.lang;
    let joined = s
        .state::<crate::quiz::Rooms>()
        .round(inv.channel, round)
        .and_then(|live| live.round.lock().ok()?.join(inv.user, team));
    let (key, team) = match joined {
        None => ("quiz-team-closed", None),
        Some(Joined::NoSuchTeam) => ("error-stale-button", None),
        Some(Joined::Joined(t)) => ("quiz-team-joined", Some(t)),
        Some(Joined::Already(t)) => ("quiz-team-already", Some(t)),
        Some(Joined::Locked(t)) => ("quiz-team-locked", Some(t)),
        Some(Joined::Dealt(t)) => ("quiz-team-dealt", Some(t)),
    };
    let name = team.map(|t| cards::team_name(t, lang)).unwrap_or_default();
    let mut reply = Reply::private(tr(lang, key, &[("team", &name)]));
    if !matches!(joined, Some(Joined::Joined(_) | Joined::Already(_))) {
        reply.accent = Accent::Error;
    }
    Outcome::Reply(reply)
}

/// A click on a question's hint button.
pub fn hint(s: &Services, inv: &Invocation, round: u64, number: usize) -> Outcome {
    let lang = inv.lang;
    let text = match crate::quiz::live::rooms(s).round(inv.channel, round) {
        None => t(lang, "quiz-not-open"),
        Some(live) => {
            let hint = match live.round.lock() {
                Ok(mut r) if r.open_number() == Some(number) => r.hint(inv.user),
                _ => None,
            };
            let view = live
                .current
                .lock()
                .ok()
                .and_then(|c| c.as_ref().map(|c| c.view.clone()));
            match (hint, view) {
                (Some(hint), Some(view)) => {
                    cards::hint_text(&s.core, &live.pack, &view, &hint, lang)
                }
                _ => t(lang, "quiz-no-hint-now"),
            }
        }
    };
    Outcome::Reply(Reply::private(text))
}

/// A member's vote to skip the open question: told privately how many have voted and how
/// many skip it; the vote that passes skips it at once.
pub fn vote_skip(s: &Services, inv: &Invocation, round: u64, number: usize) -> Outcome {
    use crate::quiz::round::SkipVote;
    let lang = inv.lang;
    let Some(live) = crate::quiz::live::rooms(s).round(inv.channel, round) else {
        return Outcome::Reply(Reply::private(t(lang, "quiz-not-open")));
    };
    let vote = match live.round.lock() {
        Ok(mut r) if r.open_number() == Some(number) => r.vote_skip(inv.user),
        _ => SkipVote::NotOpen,
    };
    let text = match vote {
        SkipVote::Counted { votes, needed } => tr(
            lang,
            "quiz-skip-vote-counted",
            &[("votes", &(votes as usize)), ("needed", &(needed as usize))],
        ),
        SkipVote::Passed { votes, needed } => {
            let _ = live.control.send(live::Control::VoteSkip(number));
            tr(
                lang,
                "quiz-skip-vote-passed",
                &[("votes", &(votes as usize)), ("needed", &(needed as usize))],
            )
        }
        SkipVote::Off => t(lang, "quiz-skip-vote-off"),
        SkipVote::NotOpen => t(lang, "quiz-not-open"),
    };
    Outcome::Reply(Reply::private(text))
}
