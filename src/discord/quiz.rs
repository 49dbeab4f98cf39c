//! Live quiz rounds in Discord channels. Each round has one driver task that owns its timing
//! (open, countdown, reveal, pause, next) and the round's messages; clicks lock answers in the
//! pure engine under a short lock and are acknowledged at once; the "N answered" line is
//! updated by coalesced edits at most once per `edit_gap`. Answers go to the store at every
//! reveal and at the end, so boards, `/quiz me` and reports are computed from the store.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use poise::serenity_prelude as serenity;
use rand::Rng;
use tokio::sync::mpsc;

use super::respond::{answer, choice, private, subcommand, to_click};
use super::rest::Rest;
use super::{Data, Error};
use crate::answers::quiz::{self as cards, Ending, Mode, Plan, Stage};
use crate::answers::{Request, catalog};
use crate::clock::unix_now;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::quiz::access::{self, Asker};
use crate::quiz::{AnswerOutcome, QuestionView, Round};
use crate::render::{self, Mentions};
use crate::reply::{Accent, Reply};
use crate::store::{Access, AnswerRow, Period, Sort, StartOutcome, Store};

/// How live rounds are paced.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// The pause after a reveal before the next question (auto mode).
    pub pause: Duration,
    /// The shortest gap between two edits of a question's "N answered" line.
    pub edit_gap: Duration,
    /// Questions in a row without answers before a round stops by itself.
    pub idle_limit: u32,
    /// How long a question is shown before its answers open (zero: at once).
    pub read_time: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            pause: Duration::from_secs(6),
            edit_gap: Duration::from_millis(2500),
            idle_limit: 2,
            read_time: Duration::from_secs(3),
        }
    }
}

/// What a teacher's command asks of a running round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Next,
    Reveal,
    Skip,
    Stop,
    Shutdown,
}

struct Current {
    view: QuestionView,
    message: u64,
    closes_unix: i64,
    /// Its message shows it closed: no count edit may bring the buttons back.
    closed: bool,
}

struct Live {
    id: String,
    guild: u64,
    channel: u64,
    starter: u64,
    lang: Lang,
    mode: Mode,
    spoilers: bool,
    pack: String,
    round: Mutex<Round>,
    current: Mutex<Option<Current>>,
    answered: AtomicU32,
    /// Held while the question's message is being edited: the closing edit waits for a count
    /// edit in flight, so a late count never brings the buttons back.
    edit_lock: tokio::sync::Mutex<()>,
    control: mpsc::UnboundedSender<Control>,
}

/// The rounds running now, one per channel, and their driver tasks.
#[derive(Default)]
pub struct Rooms {
    live: Mutex<HashMap<u64, Arc<Live>>>,
    tasks: Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Rooms {
    fn get(&self, channel: u64) -> Option<Arc<Live>> {
        self.live.lock().ok()?.get(&channel).cloned()
    }

    /// The round `id` running in `channel`, if it still is.
    fn round(&self, channel: u64, id: &str) -> Option<Arc<Live>> {
        self.get(channel).filter(|l| l.id == id)
    }

    fn remove(&self, channel: u64, id: &str) {
        if let Ok(mut live) = self.live.lock()
            && live.get(&channel).is_some_and(|l| l.id == id)
        {
            live.remove(&channel);
        }
    }

    /// Ends every running round with a notice in its channel and waits (up to `limit`) until
    /// what was scored is saved.
    pub async fn shutdown(&self, limit: Duration) {
        let lives: Vec<Arc<Live>> = self
            .live
            .lock()
            .map(|l| l.values().cloned().collect())
            .unwrap_or_default();
        for l in lives {
            let _ = l.control.send(Control::Shutdown);
        }
        let tasks: Vec<_> = self
            .tasks
            .lock()
            .map(|mut t| t.drain(..).collect())
            .unwrap_or_default();
        let all = futures::future::join_all(tasks);
        if tokio::time::timeout(limit, all).await.is_err() {
            tracing::warn!("quiz rounds did not finish saving in time");
        }
    }
}

/// What a round's driver needs, owned, so it can outlive the command that started it.
#[derive(Clone)]
pub struct Deps {
    pub core: Arc<Core>,
    pub store: Store,
    pub rest: Rest,
    pub rooms: Arc<Rooms>,
    pub tuning: Tuning,
}

fn std_now() -> std::time::Instant {
    tokio::time::Instant::now().into_std()
}

fn body(reply: &Reply) -> serde_json::Value {
    render::message(reply, Mentions::default())
}

fn asker<'a>(
    user: u64,
    member: Option<&'a serenity::Member>,
    roles: &'a mut Vec<u64>,
) -> Asker<'a> {
    let moderator = member
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_messages() || p.administrator());
    *roles = member
        .map(|m| m.roles.iter().map(|r| r.get()).collect())
        .unwrap_or_default();
    Asker {
        id: user,
        moderator,
        roles,
    }
}

fn ok(lang: Lang, key: &str) -> Reply {
    private(t(lang, key))
}

/// Every `/quiz` subcommand: `sub` is its English name, `options` its values as text.
pub async fn command(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    data: &Data,
    sub: &str,
    options: Vec<(&'static str, Option<String>)>,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(interaction.locale.as_str()));
    let Some(guild) = interaction.guild_id.map(|g| g.get()) else {
        let path = crate::answers::path_in(&format!("quiz {sub}"), lang);
        let reply = Reply::notice(tr(lang, "error-server-only", &[("command", &path)]));
        return answer(ctx, interaction, &reply).await;
    };
    let channel = interaction.channel_id.get();
    let user = interaction.user.id.get();
    let store = &data.store;
    let access = store.quiz_access(&guild.to_string()).await?;
    let mut roles = Vec::new();
    let who = asker(user, interaction.member.as_deref(), &mut roles);
    let denied = || Reply::notice(t(lang, "error-no-permission"));
    let reply = match sub {
        "start" => {
            if !access::may_run(&access, &who) {
                denied()
            } else {
                return start(ctx, interaction, data, guild, lang, options).await;
            }
        }
        "next" | "reveal" | "skip" | "stop" => match data.quiz.rooms.get(channel) {
            None => Reply::notice(t(lang, "quiz-not-running")),
            Some(live) if !access::may_control(&access, &who, live.starter) => {
                Reply::notice(t(lang, "quiz-not-starter"))
            }
            Some(live) => {
                let open = live.round.lock().map(|r| r.is_open()).unwrap_or(false);
                let control = match sub {
                    "next" if live.mode == Mode::Auto => Err("quiz-auto-mode"),
                    "next" if open => Err("quiz-wait-reveal"),
                    "next" => Ok(Control::Next),
                    "reveal" if !open => Err("quiz-not-open"),
                    "reveal" => Ok(Control::Reveal),
                    "skip" if !open => Err("quiz-not-open"),
                    "skip" => Ok(Control::Skip),
                    _ => Ok(Control::Stop),
                };
                match control {
                    Ok(c) => {
                        let _ = live.control.send(c);
                        ok(lang, "quiz-done")
                    }
                    Err(key) => Reply::notice(t(lang, key)),
                }
            }
        },
        "leaderboard" | "me" => {
            let period = period_of(&options, Period::All);
            let sort = option(&options, "sort")
                .and_then(Sort::parse)
                .unwrap_or_default();
            let board = store
                .board_by(&guild.to_string(), period, unix_now(), sort)
                .await?;
            if sub == "me" {
                let mine = board.iter().find(|l| l.user_id == user.to_string());
                cards::me_card(mine, board.len(), period, lang)
            } else {
                cards::board_card(&board, period, sort, lang)
            }
        }
        "info" => cards::info(&data.core, lang),
        "review" => {
            let g = guild.to_string();
            let u = user.to_string();
            match store.last_round_played(&g, &u).await? {
                None => cards::review_card(&data.core, &[], 0, lang),
                Some(round) => {
                    let answers = store.answers_of(&round, &u).await?;
                    let missed: Vec<cards::Missed<'_>> = answers
                        .iter()
                        .filter(|a| !a.correct)
                        .map(|a| cards::Missed {
                            number: a.question_no,
                            question: &a.question_id,
                        })
                        .collect();
                    cards::review_card(&data.core, &missed, answers.len(), lang)
                }
            }
        }
        "report" => {
            if !access::may_run(&access, &who) {
                denied()
            } else {
                return report(ctx, interaction, store, channel, lang).await;
            }
        }
        "reset" => {
            if !access::may_run(&access, &who) {
                denied()
            } else {
                let period = period_of(&options, Period::Term);
                let name = cards::period_name(period, lang);
                let mut reply = Reply {
                    text: tr(lang, "quiz-reset-confirm", &[("period", &name)]),
                    ephemeral: true,
                    accent: Accent::Error,
                    ..Reply::default()
                };
                reply.buttons.push(crate::reply::Button {
                    id: format!("aura:quiz-reset:{}:{user}", period.code()),
                    label: t(lang, "button-reset-yes"),
                    style: crate::reply::ButtonStyle::Danger,
                });
                reply.buttons.push(crate::reply::Button {
                    id: format!("aura:quiz-reset:cancel:{user}"),
                    label: t(lang, "button-cancel"),
                    style: crate::reply::ButtonStyle::Secondary,
                });
                reply
            }
        }
        "access" => {
            let admin = interaction
                .member
                .as_ref()
                .and_then(|m| m.permissions)
                .is_some_and(|p| p.manage_guild() || p.administrator());
            if !admin {
                denied()
            } else {
                set_access(store, guild, lang, &options).await?
            }
        }
        _ => Reply::notice(t(lang, "error-stale-button")),
    };
    answer(ctx, interaction, &reply).await
}

fn option<'a>(options: &'a [(&'static str, Option<String>)], name: &str) -> Option<&'a str> {
    options
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| v.as_deref())
}

fn period_of(options: &[(&'static str, Option<String>)], default: Period) -> Period {
    option(options, "period")
        .and_then(Period::parse)
        .unwrap_or(default)
}

async fn set_access(
    store: &Store,
    guild: u64,
    lang: Lang,
    options: &[(&'static str, Option<String>)],
) -> Result<Reply, Error> {
    let role = option(options, "role");
    let access = match option(options, "who").map(|w| w.trim().to_lowercase()) {
        Some(w) if w == "everyone" || w == "semua" => Access::Everyone,
        Some(w) if w == "role" || w == "peran" => match role {
            Some(r) => Access::Role(r.to_string()),
            None => return Ok(Reply::notice(t(lang, "quiz-access-needs-role"))),
        },
        _ => Access::Moderators,
    };
    store.set_quiz_access(&guild.to_string(), &access).await?;
    let who = match &access {
        Access::Everyone => t(lang, "quiz-access-everyone"),
        Access::Moderators => t(lang, "quiz-access-moderators"),
        Access::Role(r) => tr(lang, "quiz-access-role", &[("role", &format!("<@&{r}>"))]),
    };
    Ok(private(tr(lang, "quiz-access-set", &[("who", &who)])))
}

/// The permissions a round needs in its channel.
fn missing_permissions(app: Option<serenity::Permissions>) -> Vec<&'static str> {
    let Some(p) = app else {
        return Vec::new();
    };
    let mut missing = Vec::new();
    if !p.view_channel() {
        missing.push("View Channel");
    }
    if !p.send_messages() {
        missing.push("Send Messages");
    }
    if !p.embed_links() {
        missing.push("Embed Links");
    }
    missing
}

async fn start(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    data: &Data,
    guild: u64,
    lang: Lang,
    options: Vec<(&'static str, Option<String>)>,
) -> Result<(), Error> {
    let core = &data.core;
    let channel = interaction.channel_id.get();
    let missing = missing_permissions(interaction.app_permissions);
    if !missing.is_empty() {
        let reply = Reply::notice(tr(
            lang,
            "error-bot-permissions",
            &[("missing", &missing.join(", "))],
        ));
        return answer(ctx, interaction, &reply).await;
    }
    let Some(spec) = catalog::lookup("quiz start") else {
        return Err("quiz start is not in the catalog".into());
    };
    let request = Request {
        group: catalog::command("quiz"),
        command: spec,
        options: options
            .into_iter()
            .filter_map(|(n, v)| v.map(|v| (n, v)))
            .collect(),
    };
    let plan: Plan = match cards::plan(core, lang, &request, data.quiz.tuning.idle_limit) {
        Ok(plan) => plan,
        Err(notice) => return answer(ctx, interaction, &notice).await,
    };
    let seed = data.quiz_seed.unwrap_or_else(|| rand::thread_rng().r#gen());
    let Some(round) = plan.round(core, seed) else {
        return answer(
            ctx,
            interaction,
            &Reply::notice(t(lang, "quiz-no-questions")),
        )
        .await;
    };
    let id = interaction.id.to_string();
    let user = interaction.user.id.get();
    if data.quiz.rooms.get(channel).is_some()
        || data
            .store
            .start_round(
                &id,
                &guild.to_string(),
                &channel.to_string(),
                &user.to_string(),
                unix_now(),
            )
            .await?
            == StartOutcome::Busy
    {
        return answer(ctx, interaction, &Reply::notice(t(lang, "quiz-busy"))).await;
    }
    let (tx, rx) = mpsc::unbounded_channel();
    let questions = round.len();
    let live = Arc::new(Live {
        id,
        guild,
        channel,
        starter: user,
        lang,
        mode: plan.mode,
        spoilers: plan.spoilers,
        pack: plan.pack.clone(),
        round: Mutex::new(round),
        current: Mutex::new(None),
        answered: AtomicU32::new(0),
        edit_lock: tokio::sync::Mutex::new(()),
        control: tx,
    });
    if let Ok(mut rooms) = data.quiz.rooms.live.lock() {
        rooms.insert(channel, live.clone());
    }
    let mut text = tr(
        lang,
        "quiz-started",
        &[
            ("questions", &questions),
            ("seconds", &(plan.settings.seconds as usize)),
        ],
    );
    if plan.mode == Mode::Teacher {
        text.push(' ');
        text.push_str(&t(lang, "quiz-teacher-hint"));
    }
    let started = Reply {
        title: Some(t(lang, "cmd-quiz-start")),
        text,
        accent: Accent::Benjamin,
        ..Reply::default()
    };
    let sent = answer(ctx, interaction, &started).await;
    let deps = data.quiz.clone();
    let task = tokio::spawn(async move {
        let ending = drive(&deps, &live, rx).await;
        finish(&deps, &live, ending).await;
    });
    if let Ok(mut tasks) = data.quiz.rooms.tasks.lock() {
        tasks.retain(|t| !t.is_finished());
        tasks.push(task);
    }
    sent
}

/// A click on an answer button: `aura:quiz:<round>:<number>:<position>`.
pub async fn on_answer(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    rest: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let live = cards::parse_answer_id(rest).and_then(|(round, number, position)| {
        let live = data.quiz.rooms.round(click.channel_id.get(), round)?;
        Some((live, number, position))
    });
    let (key, choice) = match live {
        None => ("quiz-not-open", String::new()),
        Some((live, number, position)) => {
            let outcome = match live.round.lock() {
                Ok(mut round) if round.open_number() == Some(number) => {
                    round.answer(click.user.id.get(), position, std_now())
                }
                _ => AnswerOutcome::NotOpen,
            };
            match outcome {
                AnswerOutcome::Locked { position } => {
                    live.answered.fetch_add(1, Ordering::SeqCst);
                    let choice = live
                        .current
                        .lock()
                        .ok()
                        .and_then(|c| {
                            c.as_ref().map(|c| {
                                if c.view.true_false {
                                    c.view
                                        .choices
                                        .get(position)
                                        .map(|x| x.get(lang).to_string())
                                        .unwrap_or_default()
                                } else {
                                    cards::letter(position).to_string()
                                }
                            })
                        })
                        .unwrap_or_default();
                    ("quiz-locked", choice)
                }
                AnswerOutcome::AlreadyAnswered => ("quiz-already", String::new()),
                AnswerOutcome::TooLate => ("quiz-too-late", String::new()),
                AnswerOutcome::NotOpen | AnswerOutcome::NoSuchChoice => {
                    ("quiz-not-open", String::new())
                }
            }
        }
    };
    let mut reply = private(tr(lang, key, &[("choice", &choice)]));
    if key != "quiz-locked" {
        reply.accent = Accent::Error;
    }
    to_click(ctx, click, &reply, render::CHANNEL_MESSAGE).await
}

/// A click on a question's hint button: `aura:quiz-hint:<round>:<number>`.
pub async fn on_hint(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    rest: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let found = rest.rsplit_once(':').and_then(|(round, number)| {
        let number = number.parse::<usize>().ok()?;
        let live = data.quiz.rooms.round(click.channel_id.get(), round)?;
        Some((live, number))
    });
    let text = match found {
        None => t(lang, "quiz-not-open"),
        Some((live, number)) => {
            let hint = match live.round.lock() {
                Ok(mut round) if round.open_number() == Some(number) => {
                    round.hint(click.user.id.get())
                }
                _ => None,
            };
            let view = live
                .current
                .lock()
                .ok()
                .and_then(|c| c.as_ref().map(|c| c.view.clone()));
            match (hint, view) {
                (Some(hint), Some(view)) => {
                    cards::hint_text(&data.core, &live.pack, &view, &hint, lang)
                }
                _ => t(lang, "quiz-no-hint-now"),
            }
        }
    };
    to_click(ctx, click, &private(text), render::CHANNEL_MESSAGE).await
}

/// The reset confirmation's buttons: `aura:quiz-reset:<period|cancel>:<user>`.
pub async fn on_reset(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    rest: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let (what, owner) = rest.rsplit_once(':').unwrap_or((rest, ""));
    let reply = if owner != click.user.id.to_string() {
        Reply::notice(t(lang, "error-not-yours"))
    } else if what == "cancel" {
        ok(lang, "quiz-reset-cancelled")
    } else {
        match (Period::parse(what), click.guild_id) {
            (Some(period), Some(guild)) => {
                data.store
                    .reset_board(&guild.to_string(), period, unix_now())
                    .await?;
                let name = cards::period_name(period, lang);
                private(tr(lang, "quiz-reset-done", &[("period", &name)]))
            }
            _ => Reply::notice(t(lang, "error-stale-button")),
        }
    };
    to_click(ctx, click, &reply, render::UPDATE_MESSAGE).await
}

async fn report(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    store: &Store,
    channel: u64,
    lang: Lang,
) -> Result<(), Error> {
    let Some(round) = store.last_round(&channel.to_string()).await? else {
        return answer(
            ctx,
            interaction,
            &Reply::notice(t(lang, "quiz-report-none")),
        )
        .await;
    };
    let csv = store.report_csv(&round).await?;
    let rows = csv.lines().count().saturating_sub(1);
    let reply = private(tr(lang, "quiz-report-ready", &[("rows", &rows)]));
    let mut body = render::interaction_response(&reply, render::CHANNEL_MESSAGE);
    body["data"]["attachments"] = serde_json::json!([{ "id": 0, "filename": "quiz-report.csv" }]);
    let file = serenity::CreateAttachment::bytes(csv.into_bytes(), "quiz-report.csv");
    ctx.http
        .create_interaction_response(interaction.id, &interaction.token, &body, vec![file])
        .await?;
    Ok(())
}

/// Edits the question's "N answered" line, unless an edit is already on its way.
fn refresh_count(deps: &Deps, live: &Arc<Live>, count: u32) {
    let deps = deps.clone();
    let live = live.clone();
    tokio::spawn(async move {
        // One edit at a time; a count edit is skipped rather than queued.
        let Ok(_editing) = live.edit_lock.try_lock() else {
            return;
        };
        let open = live.round.lock().ok().and_then(|r| r.open_number());
        let still_open = |c: &Current| !c.closed && open == Some(c.view.number);
        let edit = current_card(&live, count, false, still_open);
        edit_question(&deps, &live, edit, "could not update the answer count").await;
    });
}

/// Shows the question as closed (no buttons) with its final count.
async fn close_question(deps: &Deps, live: &Live) {
    let _editing = live.edit_lock.lock().await;
    let count = live.answered.load(Ordering::SeqCst);
    let edit = current_card(live, count, true, |_| true);
    edit_question(deps, live, edit, "could not close a question's message").await;
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
    let c = current.as_mut().filter(|c| wanted(c))?;
    c.closed |= close;
    let stage = if close {
        Stage::Closed
    } else {
        Stage::Open {
            closes: c.closes_unix,
        }
    };
    let card = cards::question_card(&c.view, live.lang, &live.id, count, stage);
    Some((c.message, card))
}

async fn edit_question(deps: &Deps, live: &Live, edit: Option<(u64, Reply)>, failure: &str) {
    if let Some((message, card)) = edit
        && let Err(e) = deps
            .rest
            .edit_message(live.channel, message, &body(&card))
            .await
    {
        tracing::warn!(round = %live.id, error = %e, "{failure}");
    }
}

/// Stores every answer given so far (an answer stored before is kept as it was).
async fn save(deps: &Deps, live: &Live) {
    let rows: Vec<AnswerRow> = match live.round.lock() {
        Ok(round) => round
            .answers()
            .into_iter()
            .map(|(number, question, member, a)| AnswerRow {
                question_no: number as u32,
                question_id: question.to_string(),
                user_id: member.to_string(),
                choice: a.position as u32,
                correct: a.correct,
                taken_ms: a.taken.as_millis() as u64,
                points: a.points,
                answered_at: unix_now(),
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    if let Err(e) = deps
        .store
        .record_answers(&live.id, &live.guild.to_string(), &rows)
        .await
    {
        tracing::error!(round = %live.id, error = %e, "could not save quiz answers");
    }
}

enum Step {
    Reveal,
    Skip,
    End(Ending),
}

/// Runs a round from its first question to its end; returns how it ended.
async fn drive(
    deps: &Deps,
    live: &Arc<Live>,
    mut control: mpsc::UnboundedReceiver<Control>,
) -> Ending {
    let seconds = live
        .round
        .lock()
        .map(|r| r.settings().seconds)
        .unwrap_or(20);
    loop {
        // The question is shown first; its answers open after the reading time.
        let read = deps.tuning.read_time;
        let upcoming = live.round.lock().ok().and_then(|r| r.upcoming(std_now()));
        let Some(preview) = upcoming else {
            return Ending::Finished;
        };
        live.answered.store(0, Ordering::SeqCst);
        let mut message = 0;
        if !read.is_zero() {
            let opens = unix_now() + read.as_secs() as i64;
            let card =
                cards::question_card(&preview, live.lang, &live.id, 0, Stage::Reading { opens });
            match deps.rest.create_message(live.channel, &body(&card)).await {
                Ok(m) => {
                    message = m["id"]
                        .as_str()
                        .and_then(|s| s.parse::<u64>().ok())
                        .unwrap_or(0)
                }
                Err(e) => {
                    tracing::warn!(round = %live.id, channel = live.channel, error = %e, "cannot post a question; ending the round");
                    return Ending::Failed;
                }
            }
            let reading = tokio::time::sleep(read);
            tokio::pin!(reading);
            loop {
                tokio::select! {
                    _ = &mut reading => break,
                    c = control.recv() => match c {
                        Some(Control::Stop) | None => return Ending::Stopped,
                        Some(Control::Shutdown) => return Ending::Shutdown,
                        Some(_) => {}
                    },
                }
            }
        }
        let opened = live
            .round
            .lock()
            .ok()
            .and_then(|mut r| r.open_next(std_now()));
        let Some(view) = opened else {
            return Ending::Finished;
        };
        let closes_unix = unix_now() + i64::from(seconds);
        let card = cards::question_card(
            &view,
            live.lang,
            &live.id,
            0,
            Stage::Open {
                closes: closes_unix,
            },
        );
        let shown = if message == 0 {
            deps.rest
                .create_message(live.channel, &body(&card))
                .await
                .map(|m| {
                    m["id"]
                        .as_str()
                        .and_then(|s| s.parse::<u64>().ok())
                        .unwrap_or(0)
                })
        } else {
            deps.rest
                .edit_message(live.channel, message, &body(&card))
                .await
                .map(|()| message)
        };
        let message = match shown {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(round = %live.id, channel = live.channel, error = %e, "cannot open a question; ending the round");
                return Ending::Failed;
            }
        };
        if let Ok(mut current) = live.current.lock() {
            *current = Some(Current {
                view: view.clone(),
                message,
                closes_unix,
                closed: false,
            });
        }
        let deadline = tokio::time::Instant::now() + Duration::from_secs(u64::from(seconds));
        let mut ticker = tokio::time::interval(deps.tuning.edit_gap);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        ticker.tick().await;
        let mut shown = 0;
        let mut timed_out = false;
        let step = loop {
            tokio::select! {
                _ = tokio::time::sleep_until(deadline), if !timed_out => {
                    timed_out = true;
                    if live.mode == Mode::Auto {
                        break Step::Reveal;
                    }
                    close_question(deps, live).await;
                }
                _ = ticker.tick(), if !timed_out => {
                    let n = live.answered.load(Ordering::SeqCst);
                    if n != shown {
                        shown = n;
                        refresh_count(deps, live, n);
                    }
                }
                c = control.recv() => match c {
                    Some(Control::Reveal) => break Step::Reveal,
                    Some(Control::Skip) => break Step::Skip,
                    Some(Control::Stop) | None => break Step::End(Ending::Stopped),
                    Some(Control::Shutdown) => break Step::End(Ending::Shutdown),
                    Some(Control::Next) => {}
                },
            }
        };
        let reveal = match step {
            Step::End(ending) => return ending,
            Step::Reveal => live.round.lock().ok().and_then(|mut r| r.reveal()),
            Step::Skip => live.round.lock().ok().and_then(|mut r| r.skip()),
        };
        save(deps, live).await;
        close_question(deps, live).await;
        let Some(reveal) = reveal else {
            return Ending::Finished;
        };
        let card = cards::reveal_card(
            &deps.core,
            &live.pack,
            &view,
            &reveal,
            live.lang,
            live.spoilers,
        );
        if let Err(e) = deps.rest.create_message(live.channel, &body(&card)).await {
            tracing::warn!(round = %live.id, error = %e, "cannot post a reveal; ending the round");
            return Ending::Failed;
        }
        if reveal.idle_stop {
            return Ending::Idle;
        }
        if reveal.goal_reached {
            return Ending::Goal;
        }
        if live.round.lock().map(|r| r.is_finished()).unwrap_or(true) {
            return Ending::Finished;
        }
        // Between questions: a pause in auto mode, the teacher's /quiz next otherwise.
        let pause = tokio::time::sleep(deps.tuning.pause);
        tokio::pin!(pause);
        loop {
            tokio::select! {
                _ = &mut pause, if live.mode == Mode::Auto => break,
                c = control.recv() => match c {
                    Some(Control::Next) => break,
                    Some(Control::Stop) | None => return Ending::Stopped,
                    Some(Control::Shutdown) => return Ending::Shutdown,
                    Some(Control::Reveal | Control::Skip) => {}
                },
            }
        }
    }
}

/// Saves the round, posts its podium and table, and marks it ended in the store.
async fn finish(deps: &Deps, live: &Live, ending: Ending) {
    let was_open = live.round.lock().map(|r| r.is_open()).unwrap_or(false);
    if let Ok(mut round) = live.round.lock() {
        round.stop();
    }
    save(deps, live).await;
    if was_open && ending != Ending::Failed {
        close_question(deps, live).await;
    }
    let card = match live.round.lock() {
        Ok(round) => {
            let asked = round.answers().iter().map(|a| a.0).max().unwrap_or(0);
            cards::end_card(
                &round.standings(),
                |m| round.totals(m),
                asked,
                ending,
                live.lang,
            )
        }
        Err(_) => Reply::notice(t(live.lang, "quiz-end-stopped")),
    };
    if ending != Ending::Failed
        && let Err(e) = deps.rest.create_message(live.channel, &body(&card)).await
    {
        tracing::warn!(round = %live.id, error = %e, "could not post a round's end");
    }
    if let Err(e) = deps
        .store
        .end_round(&live.id, ending.code(), unix_now())
        .await
    {
        tracing::error!(round = %live.id, error = %e, "could not mark a round ended");
    }
    tracing::info!(round = %live.id, channel = live.channel, ending = ending.code(), "quiz round ended");
    deps.rooms.remove(live.channel, &live.id);
}

/// After a restart: rounds left open are ended (their answers are already stored), with a
/// notice in their channels.
pub async fn recover(deps: &Deps) {
    let channels = match deps.store.abandon_open_rounds(unix_now()).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot end rounds left open");
            return;
        }
    };
    for channel in channels {
        let Ok(id) = channel.parse::<u64>() else {
            continue;
        };
        let lang = deps.core.default_lang;
        let reply = private(t(lang, "quiz-abandoned"));
        if let Err(e) = deps.rest.create_message(id, &body(&reply)).await {
            tracing::warn!(channel, error = %e, "could not post that a round was interrupted");
        }
    }
}

// The `/quiz` slash commands: thin poise functions handing their options to `command`.

use super::Context;

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum DifficultyChoice {
    #[name = "easy"]
    #[name_localized("id", "mudah")]
    Easy,
    #[name = "medium"]
    #[name_localized("id", "sedang")]
    Medium,
    #[name = "hard"]
    #[name_localized("id", "sulit")]
    Hard,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ModeChoice {
    #[name = "auto"]
    #[name_localized("id", "otomatis")]
    Auto,
    #[name = "teacher"]
    #[name_localized("id", "guru")]
    Teacher,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ScoringChoice {
    #[name = "speed"]
    #[name_localized("id", "cepat")]
    Speed,
    #[name = "flat"]
    #[name_localized("id", "rata")]
    Flat,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum PeriodChoice {
    #[name = "week"]
    #[name_localized("id", "minggu")]
    Week,
    #[name = "month"]
    #[name_localized("id", "bulan")]
    Month,
    #[name = "term"]
    #[name_localized("id", "semester")]
    Term,
    #[name = "all"]
    #[name_localized("id", "semua")]
    All,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum SortChoice {
    #[name = "points"]
    #[name_localized("id", "poin")]
    Points,
    #[name = "accuracy"]
    #[name_localized("id", "ketepatan")]
    Accuracy,
    #[name = "wins"]
    #[name_localized("id", "menang")]
    Wins,
    #[name = "games"]
    #[name_localized("id", "ronde")]
    Games,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum WhoChoice {
    #[name = "everyone"]
    #[name_localized("id", "semua")]
    Everyone,
    #[name = "moderators"]
    #[name_localized("id", "moderator")]
    Moderators,
    #[name = "role"]
    #[name_localized("id", "peran")]
    Role,
}

/// Quiz rounds on the essay.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "quiz_start",
        "quiz_next",
        "quiz_reveal",
        "quiz_skip",
        "quiz_stop",
        "quiz_leaderboard",
        "quiz_me",
        "quiz_report",
        "quiz_review",
        "quiz_info",
        "quiz_reset",
        "quiz_access"
    )
)]
pub async fn quiz(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Start a quiz round in this channel.
#[poise::command(slash_command, rename = "start")]
#[allow(clippy::too_many_arguments)]
pub async fn quiz_start(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 20]
    questions: Option<u32>,
    #[autocomplete = "super::commands::concepts"] topic: Option<String>,
    #[autocomplete = "super::commands::sections"] section: Option<String>,
    difficulty: Option<DifficultyChoice>,
    #[min = 10]
    #[max = 120]
    seconds: Option<u32>,
    mode: Option<ModeChoice>,
    scoring: Option<ScoringChoice>,
    streaks: Option<bool>,
    #[min = 1000]
    #[max = 100000]
    goal: Option<u32>,
    spoilers: Option<bool>,
) -> Result<(), Error> {
    let options = vec![
        (
            "spoilers",
            spoilers.map(|b| if b { "on" } else { "off" }.to_string()),
        ),
        ("goal", goal.map(|n| n.to_string())),
        ("questions", questions.map(|n| n.to_string())),
        ("topic", topic),
        ("section", section),
        ("difficulty", choice(difficulty)),
        ("seconds", seconds.map(|n| n.to_string())),
        ("mode", choice(mode)),
        ("scoring", choice(scoring)),
        (
            "streaks",
            streaks.map(|b| if b { "on" } else { "off" }.to_string()),
        ),
    ];
    subcommand(ctx, "quiz", "start", options).await
}

/// Teacher mode: open the next question.
#[poise::command(slash_command, rename = "next")]
pub async fn quiz_next(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "next", vec![]).await
}

/// Close the question now and reveal the answer.
#[poise::command(slash_command, rename = "reveal")]
pub async fn quiz_reveal(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "reveal", vec![]).await
}

/// Skip this question.
#[poise::command(slash_command, rename = "skip")]
pub async fn quiz_skip(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "skip", vec![]).await
}

/// End the round now.
#[poise::command(slash_command, rename = "stop")]
pub async fn quiz_stop(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "stop", vec![]).await
}

/// This server's quiz board.
#[poise::command(slash_command, rename = "leaderboard", user_cooldown = 2)]
pub async fn quiz_leaderboard(
    ctx: Context<'_>,
    period: Option<PeriodChoice>,
    sort: Option<SortChoice>,
) -> Result<(), Error> {
    let options = vec![("period", choice(period)), ("sort", choice(sort))];
    subcommand(ctx, "quiz", "leaderboard", options).await
}

/// Your own points, rank and accuracy.
#[poise::command(slash_command, rename = "me")]
pub async fn quiz_me(ctx: Context<'_>, period: Option<PeriodChoice>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "me", vec![("period", choice(period))]).await
}

/// The last round as a CSV file.
#[poise::command(slash_command, rename = "report")]
pub async fn quiz_report(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "report", vec![]).await
}

/// Your missed questions from your last round.
#[poise::command(slash_command, rename = "review", user_cooldown = 5)]
pub async fn quiz_review(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "review", vec![]).await
}

/// What the quiz bank holds.
#[poise::command(slash_command, rename = "info", user_cooldown = 5)]
pub async fn quiz_info(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "quiz", "info", vec![]).await
}

/// Clear a period's board.
#[poise::command(slash_command, rename = "reset")]
pub async fn quiz_reset(ctx: Context<'_>, period: PeriodChoice) -> Result<(), Error> {
    subcommand(ctx, "quiz", "reset", vec![("period", choice(Some(period)))]).await
}

/// Who may run quiz rounds here.
#[poise::command(
    slash_command,
    rename = "access",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn quiz_access(
    ctx: Context<'_>,
    who: WhoChoice,
    role: Option<serenity::Role>,
) -> Result<(), Error> {
    let options = vec![
        ("who", choice(Some(who))),
        ("role", role.map(|r| r.id.to_string())),
    ];
    subcommand(ctx, "quiz", "access", options).await
}
