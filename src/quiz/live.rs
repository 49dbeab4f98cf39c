//! Quiz rounds running in channels. Each round has one driver task that owns its timing
//! (open, countdown, reveal, pause, next) and the round's messages, which it posts and edits
//! through the outbox; clicks lock answers in the pure engine under a short lock; the
//! "N answered" line is updated by coalesced edits at most once per `edit_gap`. Answers go to
//! the store at every reveal and at the end, so boards, `/quiz me` and reports are computed
//! from the store.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::mpsc;

use super::{AnswerRow, QuestionView, Round};

mod lobby;
mod teams;
mod waiting;
use crate::i18n::t;
use crate::outbox::Message;
use crate::pack::Lang;
use crate::quiz::model::{Boards, Naming};
use crate::quiz::plan::{Mode, Plan};
use crate::quiz::view::{self as cards, Ending, Stage};
use crate::reply::Reply;
use crate::services::Services;

/// What a teacher's command asks of a running round (`Next` also ends a team round's picking
/// in teacher mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Control {
    Next,
    Reveal,
    Skip,
    /// The members' vote passed on question `n` (ignored once another is open).
    VoteSkip(usize),
    Stop,
    Shutdown,
}

pub(crate) struct Current {
    pub(crate) view: QuestionView,
    pub(crate) message: u64,
    pub(crate) closes_unix: i64,
    /// Its message shows it closed: no count edit may bring the buttons back.
    pub(crate) closed: bool,
}

pub(crate) struct Live {
    pub(crate) id: u64,
    pub(crate) guild: u64,
    pub(crate) channel: u64,
    pub(crate) starter: u64,
    pub(crate) lang: Lang,
    pub(crate) mode: Mode,
    pub(crate) spoilers: bool,
    /// Its cards in both languages side by side (its language first).
    pub(crate) bilingual: bool,
    pub(crate) pack: String,
    pub(crate) round: Mutex<Round>,
    pub(crate) current: Mutex<Option<Current>>,
    pub(crate) answered: AtomicU32,
    /// Held while the question's message is being edited: the closing edit waits for a count
    /// edit in flight, so a late count never brings the buttons back.
    pub(crate) edit_lock: tokio::sync::Mutex<()>,
    pub(crate) control: mpsc::UnboundedSender<Control>,
}

impl Live {
    /// A card of the round in its language, or in both side by side (its language first)
    /// when the round asks for both and they fit.
    fn card(&self, card: impl Fn(Lang) -> Reply) -> Reply {
        self.card_with_terms(card, None)
    }

    /// [`Live::card`], with the pack's terms for `concepts` (their German too) beside a card
    /// shown in both languages.
    fn card_with_terms(
        &self,
        card: impl Fn(Lang) -> Reply,
        terms: Option<(&crate::pack::Pack, &[String])>,
    ) -> Reply {
        crate::cards::in_langs((self.lang, self.bilingual), card, terms)
    }
}

/// The rounds running now in this process, kept in the services' state.
pub fn rooms(s: &Services) -> std::sync::Arc<Rooms> {
    s.state::<Rooms>()
}

/// The rounds running now, one per channel, and their driver tasks.
#[derive(Default)]
pub struct Rooms {
    live: Mutex<HashMap<u64, Arc<Live>>>,
    tasks: Mutex<Vec<tokio::task::JoinHandle<()>>>,
    /// The rounds this process is starting or driving (an open round in the store that is not
    /// one of them was left by a crash: see [`super::recovery`]).
    ours: Mutex<HashSet<u64>>,
}

impl Rooms {
    pub(crate) fn get(&self, channel: u64) -> Option<Arc<Live>> {
        self.live.lock().ok()?.get(&channel).cloned()
    }

    /// The round `id` running in `channel`, if it still is.
    pub(crate) fn round(&self, channel: u64, id: u64) -> Option<Arc<Live>> {
        self.get(channel).filter(|l| l.id == id)
    }

    fn remove(&self, channel: u64, id: u64) {
        if let Ok(mut live) = self.live.lock()
            && live.get(&channel).is_some_and(|l| l.id == id)
        {
            live.remove(&channel);
        }
        self.disown(id);
    }

    /// Notes that this process is starting round `id` (before it is stored).
    pub(crate) fn own(&self, id: u64) {
        if let Ok(mut ours) = self.ours.lock() {
            ours.insert(id);
        }
    }

    /// Round `id` is not (or no longer) this process's.
    pub(crate) fn disown(&self, id: u64) {
        if let Ok(mut ours) = self.ours.lock() {
            ours.remove(&id);
        }
    }

    /// Is round `id` being started or driven by this process?
    pub(crate) fn is_ours(&self, id: u64) -> bool {
        self.ours.lock().map(|o| o.contains(&id)).unwrap_or(true)
    }

    /// How many rounds this process is running.
    /// Forgets `member` in every round this process runs (see [`Round::forget`]).
    pub fn forget(&self, member: u64) {
        let rounds: Vec<Arc<Live>> = match self.live.lock() {
            Ok(live) => live.values().cloned().collect(),
            Err(_) => return,
        };
        for live in rounds {
            if let Ok(mut round) = live.round.lock() {
                round.forget(member);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.live.lock().map(|l| l.len()).unwrap_or(0)
    }

    /// Whether no round is running.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lives(&self) -> Vec<Arc<Live>> {
        self.live
            .lock()
            .map(|l| l.values().cloned().collect())
            .unwrap_or_default()
    }
}

/// Ends every running round with a notice in its channel and waits (up to `limit`) until what
/// was scored is saved. Every answer a member was told is locked in is stored first, before
/// any call to Discord, so a round stuck on a slow call loses nothing.
pub async fn shutdown(s: &Services, limit: Duration) {
    let lives = rooms(s).lives();
    for l in &lives {
        save(s, l).await;
    }
    for l in lives {
        let _ = l.control.send(Control::Shutdown);
    }
    let tasks: Vec<_> = s
        .state::<crate::quiz::Rooms>()
        .tasks
        .lock()
        .map(|mut t| t.drain(..).collect())
        .unwrap_or_default();
    let all = futures::future::join_all(tasks);
    if tokio::time::timeout(limit, all).await.is_err() {
        tracing::warn!("quiz rounds did not finish saving in time");
    }
}

pub(crate) fn std_now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

/// Edits the question's "N answered" line, unless an edit is already on its way.
fn refresh_count(s: &Services, live: &Arc<Live>, count: u32) {
    let s = s.clone();
    let live = live.clone();
    tokio::spawn(async move {
        // One edit at a time; a count edit is skipped rather than queued.
        let Ok(_editing) = live.edit_lock.try_lock() else {
            return;
        };
        let open = live.round.lock().ok().and_then(|r| r.open_number());
        let still_open = |c: &Current| !c.closed && open == Some(c.view.number);
        let edit = current_card(&live, count, false, still_open);
        edit_question(&s, &live, edit, "could not update the answer count").await;
    });
}

/// Shows the question as closed (no buttons) with its final count.
async fn close_question(s: &Services, live: &Live) {
    let _editing = live.edit_lock.lock().await;
    let count = live.answered.load(Ordering::SeqCst);
    let edit = current_card(live, count, true, |_| true);
    edit_question(s, live, edit, "could not close a question's message").await;
}

/// The current question's message and its card with `count` answered, open or closed, if
/// `wanted` accepts it. Closing marks it closed for good.
fn current_card(
    live: &Live,
    count: u32,
    close: bool,
    wanted: impl Fn(&Current) -> bool,
) -> Option<(u64, Reply)> {
    let mut current = live.current.lock().ok()?;
    // Message 0: the card is still on its way; there is nothing to edit yet.
    let c = current.as_mut().filter(|c| c.message != 0 && wanted(c))?;
    c.closed |= close;
    let stage = if close {
        Stage::Closed
    } else {
        Stage::Open {
            closes: c.closes_unix,
        }
    };
    let card = live.card(|lang| cards::question_card(&c.view, lang, live.id, count, stage));
    Some((c.message, card))
}

async fn edit_question(s: &Services, live: &Live, edit: Option<(u64, Reply)>, failure: &str) {
    if let Some((message, card)) = edit
        && let Err(e) = s
            .outbox
            .edit(live.channel, message, &Message::from(card))
            .await
    {
        tracing::warn!(round = live.id, error = %e, "{failure}");
    }
}

/// Stores every answer given so far (an answer stored before is kept as it was).
async fn save(s: &Services, live: &Live) {
    let now = s.clock.unix();
    let rows: Vec<AnswerRow> = match live.round.lock() {
        Ok(round) => round
            .answers()
            .into_iter()
            .map(|answer| row(answer, now, None))
            .collect(),
        Err(_) => Vec::new(),
    };
    if let Err(e) = s.store.record_answers(live.id, live.guild, &rows).await {
        // The database is out: the answers are kept, and stored by the sweep once it is back.
        tracing::error!(round = live.id, error = %e, "could not save quiz answers; kept for later");
        crate::ops::metrics::database_error("background");
        super::recovery::keep_unsaved_answers(s, live.id, live.guild, rows);
    }
}

/// One answer as the store keeps it, under the member's display name as seen when they
/// answered (`None` when it is not known here).
pub(crate) fn row(
    (number, question, member, a): (usize, &str, u64, super::round::Answer),
    now: i64,
    name: Option<&str>,
) -> AnswerRow {
    AnswerRow {
        question_no: number as u32,
        question_id: question.to_string(),
        user_id: member,
        choice: a.position.map_or(AnswerRow::NO_CHOICE, |p| p as u32),
        correct: a.correct,
        taken_ms: a.taken.as_millis() as u64,
        points: a.points,
        answered_at: now,
        team: a.team,
        picked: a.choice.and_then(|c| u32::try_from(c).ok()),
        display_name: name.filter(|n| !n.trim().is_empty()).map(str::to_string),
        typed: a.typed,
    }
}

enum Step {
    Reveal,
    /// Skipped: by the teacher, or by the members' vote (`true`).
    Skip(bool),
    End(Ending),
}

/// Runs a round from its first question to its end; returns how it ended.
async fn drive(
    s: &Services,
    live: &Arc<Live>,
    mut control: mpsc::UnboundedReceiver<Control>,
) -> Ending {
    if let Some(ending) = teams::pick(s, live, &mut control).await {
        return ending;
    }
    if let Some(ending) = lobby::gather(s, live, &mut control).await {
        return ending;
    }
    loop {
        if let Err(ending) = question(s, live, &mut control).await {
            return ending;
        }
    }
}

/// One question from its reading time to the pause after its reveal; `Err`: how the round
/// ended on the way.
async fn question(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> Result<(), Ending> {
    let message = read(s, live, control).await?;
    let view = open(s, live, message).await?;
    let step = answers(s, live, control, view.seconds).await;
    reveal(s, live, &view, step).await?;
    // Between questions: a pause in auto mode, the teacher's /quiz next otherwise.
    wait(control, s.pace.quiz.pause, live.mode == Mode::Auto, true).await
}

/// Waits `time` (if `timed`), or for the teacher's `/quiz next` (if `next`); `Err`: the round
/// was stopped or shut down meanwhile.
async fn wait(
    control: &mut mpsc::UnboundedReceiver<Control>,
    time: Duration,
    timed: bool,
    next: bool,
) -> Result<(), Ending> {
    let sleep = tokio::time::sleep(time);
    tokio::pin!(sleep);
    loop {
        tokio::select! {
            _ = &mut sleep, if timed => return Ok(()),
            c = control.recv() => match c {
                Some(Control::Next) if next => return Ok(()),
                Some(Control::Stop) | None => return Err(Ending::Stopped),
                Some(Control::Shutdown) => return Err(Ending::Shutdown),
                Some(_) => {}
            },
        }
    }
}

/// The next question shown first, for the reading time (if there is one): its message (0
/// when it is not posted yet).
async fn read(
    s: &Services,
    live: &Live,
    control: &mut mpsc::UnboundedReceiver<Control>,
) -> Result<u64, Ending> {
    let read = s.pace.quiz.read_time;
    let upcoming = live.round.lock().ok().and_then(|r| r.upcoming(std_now()));
    let Some(preview) = upcoming else {
        return Err(Ending::Finished);
    };
    live.answered.store(0, Ordering::SeqCst);
    if read.is_zero() {
        return Ok(0);
    }
    let opens = s.clock.unix() + read.as_secs() as i64;
    let stage = Stage::Reading { opens };
    let card = live.card(|lang| cards::question_card(&preview, lang, live.id, 0, stage));
    let message = match s.outbox.post(live.channel, &Message::from(card)).await {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(round = live.id, channel = live.channel, error = %e, "cannot post a question; ending the round");
            return Err(Ending::Failed);
        }
    };
    wait(control, read, true, false).await?;
    Ok(message)
}

/// Opens the question for answers: its card with buttons, posted (or the reading card edited).
async fn open(s: &Services, live: &Live, message: u64) -> Result<QuestionView, Ending> {
    let opened = live
        .round
        .lock()
        .ok()
        .and_then(|mut r| r.open_next(std_now()));
    let Some(view) = opened else {
        return Err(Ending::Finished);
    };
    // 0: untimed, open until the teacher reveals it.
    let closes_unix = match view.seconds {
        0 => 0,
        seconds => s.clock.unix() + i64::from(seconds),
    };
    let stage = Stage::Open {
        closes: closes_unix,
    };
    let card = live.card(|lang| cards::question_card(&view, lang, live.id, 0, stage));
    // The question is current before its card is out: a hint or an answer clicked the moment
    // the card appears finds it (the message id follows once Discord answers).
    if let Ok(mut current) = live.current.lock() {
        *current = Some(Current {
            view: view.clone(),
            message,
            closes_unix,
            closed: false,
        });
    }
    let shown = if message == 0 {
        s.outbox.post(live.channel, &Message::from(&card)).await
    } else {
        s.outbox
            .edit(live.channel, message, &Message::from(&card))
            .await
            .map(|()| message)
    };
    let message = match shown {
        Ok(m) => m,
        Err(e) => {
            tracing::warn!(round = live.id, channel = live.channel, error = %e, "cannot open a question; ending the round");
            return Err(Ending::Failed);
        }
    };
    if let Ok(mut current) = live.current.lock()
        && let Some(c) = current.as_mut()
    {
        c.message = message;
    }
    Ok(view)
}

/// The question open for answers, its count kept up to date, until it is revealed (by time in
/// auto mode, by the teacher otherwise), skipped, or the round ends.
async fn answers(
    s: &Services,
    live: &Arc<Live>,
    control: &mut mpsc::UnboundedReceiver<Control>,
    seconds: u32,
) -> Step {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(u64::from(seconds));
    let mut ticker = tokio::time::interval(s.pace.quiz.edit_gap);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    let mut shown = 0;
    let mut timed_out = false;
    loop {
        tokio::select! {
            _ = tokio::time::sleep_until(deadline), if !timed_out && seconds > 0 => {
                timed_out = true;
                if live.mode == Mode::Auto {
                    return Step::Reveal;
                }
                close_question(s, live).await;
            }
            _ = ticker.tick(), if !timed_out => {
                let n = live.answered.load(Ordering::SeqCst);
                if n != shown {
                    shown = n;
                    refresh_count(s, live, n);
                }
            }
            c = control.recv() => match c {
                Some(Control::Reveal) => return Step::Reveal,
                Some(Control::Skip) => return Step::Skip(false),
                Some(Control::VoteSkip(n)) if open_number(live) == Some(n) => {
                    return Step::Skip(true);
                }
                Some(Control::Stop) | None => return Step::End(Ending::Stopped),
                Some(Control::Shutdown) => return Step::End(Ending::Shutdown),
                Some(Control::Next | Control::VoteSkip(_)) => {}
            },
        }
    }
}

/// The number of the question open now, if one is.
fn open_number(live: &Live) -> Option<usize> {
    live.round.lock().ok().and_then(|r| r.open_number())
}

/// Closes the question after `step`: the answers saved, the message closed, the reveal
/// posted; `Err`: the round ends here (stopped, failed, idle, goal reached, or done).
async fn reveal(s: &Services, live: &Live, view: &QuestionView, step: Step) -> Result<(), Ending> {
    let (reveal, voted) = match step {
        Step::End(ending) => return Err(ending),
        Step::Reveal => (live.round.lock().ok().and_then(|mut r| r.reveal()), false),
        Step::Skip(voted) => (live.round.lock().ok().and_then(|mut r| r.skip()), voted),
    };
    save(s, live).await;
    close_question(s, live).await;
    let Some(reveal) = reveal else {
        return Err(Ending::Finished);
    };
    let naming = naming(s, live.guild).await;
    let terms = s
        .core
        .library
        .pack(&live.pack)
        .map(|pack| (pack, reveal.concepts.as_slice()));
    let mut card = live.card_with_terms(
        |lang| {
            let shown = (lang, live.spoilers, &naming);
            let card = cards::reveal_card(&s.core, &live.pack, view, &reveal, shown);
            cards::with_team_standings(card, &reveal.teams, lang)
        },
        terms,
    );
    if voted {
        card.text = format!("{}\n\n{}", t(live.lang, "quiz-skipped-by-vote"), card.text);
    }
    if let Err(e) = s.outbox.post(live.channel, &Message::from(card)).await {
        tracing::warn!(round = live.id, error = %e, "cannot post a reveal; ending the round");
        return Err(Ending::Failed);
    }
    if reveal.idle_stop {
        return Err(Ending::Idle);
    }
    if reveal.goal_reached {
        return Err(Ending::Goal);
    }
    if live.round.lock().map(|r| r.is_finished()).unwrap_or(true) {
        return Err(Ending::Finished);
    }
    Ok(())
}

/// How the server's public cards name members now; with the database out, nobody is named
/// (a member who hid their name must not appear because the setting could not be read).
async fn naming(s: &Services, guild: u64) -> Naming {
    s.store.naming(guild).await.unwrap_or_else(|e| {
        tracing::warn!(guild, error = %e, "the server's naming is unknown; names left out");
        Naming {
            boards: Boards::Anonymous,
            ..Naming::default()
        }
    })
}

/// Saves the round, posts its podium and table, and marks it ended in the store.
async fn finish(s: &Services, live: &Live, ending: Ending) {
    let was_open = live.round.lock().map(|r| r.is_open()).unwrap_or(false);
    if let Ok(mut round) = live.round.lock() {
        round.stop();
    }
    save(s, live).await;
    if was_open && ending != Ending::Failed {
        close_question(s, live).await;
    }
    let naming = naming(s, live.guild).await;
    let card = match live.round.lock() {
        Ok(round) => {
            let asked = round.answers().iter().map(|a| a.0).max().unwrap_or(0);
            live.card(|lang| {
                let card = cards::end_card(
                    &round.standings(),
                    |m| round.totals(m),
                    asked,
                    ending,
                    (lang, &naming),
                );
                cards::with_team_podium(card, &round.team_standings(), lang)
            })
        }
        Err(_) => Reply::notice(t(live.lang, "quiz-end-stopped")),
    };
    if ending != Ending::Failed
        && let Err(e) = s.outbox.post(live.channel, &Message::from(card)).await
    {
        tracing::warn!(round = live.id, error = %e, "could not post a round's end");
    }
    let ended_at = s.clock.unix();
    if let Err(e) = s.store.end_round(live.id, ending.code(), ended_at).await {
        // The database is out: the end is kept, and stored by the sweep once it is back.
        tracing::error!(round = live.id, error = %e, "could not mark a round ended; kept for later");
        crate::ops::metrics::database_error("background");
        super::recovery::keep_unsaved_end(s, live.id, ending.code(), ended_at);
    }
    tracing::info!(
        round = live.id,
        channel = live.channel,
        ending = ending.code(),
        "quiz round ended"
    );
    rooms(s).remove(live.channel, live.id);
}

/// Starts a planned round in a channel: registers it, and spawns its driver.
pub(crate) fn launch(s: &Services, live: Live, rx: mpsc::UnboundedReceiver<Control>) {
    let live = Arc::new(live);
    if let Ok(mut rooms) = rooms(s).live.lock() {
        rooms.insert(live.channel, live.clone());
    }
    let services = s.clone();
    let task = tokio::spawn(async move {
        let ending = drive(&services, &live, rx).await;
        finish(&services, &live, ending).await;
    });
    if let Ok(mut tasks) = rooms(s).tasks.lock() {
        tasks.retain(|t| !t.is_finished());
        tasks.push(task);
    }
}

/// A new round's live state and the receiver of its controls.
pub(crate) fn new_live(
    id: u64,
    guild: u64,
    channel: u64,
    starter: u64,
    lang: Lang,
    plan: &Plan,
    round: Round,
) -> (Live, mpsc::UnboundedReceiver<Control>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let live = Live {
        id,
        guild,
        channel,
        starter,
        lang,
        mode: plan.mode,
        spoilers: plan.spoilers,
        bilingual: plan.bilingual,
        pack: plan.pack.clone(),
        round: Mutex::new(round),
        current: Mutex::new(None),
        answered: AtomicU32::new(0),
        edit_lock: tokio::sync::Mutex::new(()),
        control: tx,
    };
    (live, rx)
}

#[cfg(test)]
mod tests;
