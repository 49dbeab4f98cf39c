//! `/quiz` and its confirmations as plain functions (a running round's clicks live in
//! [`super::clicks`]): typed options and the [`Invocation`] in, an [`Outcome`] out. Who may do
//! what is decided here ([`access`](super::access)); live rounds are started and steered
//! through [`live`](super::live).

use super::access::{self, Asker};
use super::homework::flow::{self as homework, AssignArgs};
use super::homework::steer::{self as steering, ListArgs};
use super::live::{self, Control};
use super::{Access, Period, Sort};
use super::{gradebook, insights, practice};
use super::{recovery, settings};
use crate::audit::{self, Action};
use crate::catalog::choice::{self, Names};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::quiz::plan::{self, Mode, StartArgs};
use crate::quiz::view::{self as cards, charts};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::services::{Error, Services};
use crate::store::StartOutcome;

pub use super::forms::{typed_answer, typed_form};

/// Who `/quiz access` lets run rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Everyone,
    Moderators,
    Role,
}

/// What `/quiz report` gives: the last round's answers, or the term's gradebook.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReportScope {
    #[default]
    Round,
    Term,
}

impl choice::Choice for Who {
    const CHOICES: &'static [Who] = &[Who::Everyone, Who::Moderators, Who::Role];
    fn names(self) -> Names {
        match self {
            Who::Everyone => Names::new("everyone", "semua"),
            Who::Moderators => Names::new("moderators", "moderator"),
            Who::Role => Names::new("role", "peran"),
        }
    }
}

impl choice::Choice for ReportScope {
    const CHOICES: &'static [ReportScope] = &[ReportScope::Round, ReportScope::Term];
    fn names(self) -> Names {
        match self {
            ReportScope::Round => Names::new("round", "ronde"),
            ReportScope::Term => Names::new("term", "semester"),
        }
    }
}

/// A `/quiz` subcommand with its typed options.
#[derive(Debug, Clone)]
pub enum QuizCommand {
    Start(StartArgs),
    Next,
    Reveal,
    Skip,
    Stop,
    Leaderboard {
        period: Option<Period>,
        sort: Option<Sort>,
    },
    Me {
        period: Option<Period>,
        /// Keep the member's name off the server's public boards (`true`) or show it again.
        hide: Option<bool>,
    },
    /// Extra time on homework for one member: `percent` of each time limit.
    Time {
        member: u64,
        percent: u32,
    },
    /// The server's quiz settings: how boards name members, the default scoring.
    Settings {
        boards: Option<crate::quiz::model::Boards>,
        scoring: Option<crate::quiz::Scoring>,
    },
    Report {
        scope: ReportScope,
    },
    Review,
    Info,
    Reset {
        period: Period,
    },
    Access {
        who: Who,
        role: Option<u64>,
    },
    Practice {
        topic: Option<String>,
    },
    Insights {
        period: Option<Period>,
        channel: Option<u64>,
    },
    /// Homework: a set of questions each member plays privately before a due time.
    Assign(Box<AssignArgs>),
    /// The server's homework, and a teacher closing one early or extending it.
    Assignments(ListArgs),
}

impl QuizCommand {
    /// The subcommand's English name.
    pub fn name(&self) -> &'static str {
        match self {
            QuizCommand::Start(_) => "start",
            QuizCommand::Next => "next",
            QuizCommand::Reveal => "reveal",
            QuizCommand::Skip => "skip",
            QuizCommand::Stop => "stop",
            QuizCommand::Leaderboard { .. } => "leaderboard",
            QuizCommand::Me { .. } => "me",
            QuizCommand::Report { .. } => "report",
            QuizCommand::Review => "review",
            QuizCommand::Info => "info",
            QuizCommand::Reset { .. } => "reset",
            QuizCommand::Access { .. } => "access",
            QuizCommand::Settings { .. } => "settings",
            QuizCommand::Time { .. } => "time",
            QuizCommand::Practice { .. } => "practice",
            QuizCommand::Insights { .. } => "insights",
            QuizCommand::Assign(_) => "assign",
            QuizCommand::Assignments(_) => "assignments",
        }
    }
}

fn asker(inv: &Invocation) -> Asker<'_> {
    Asker {
        id: inv.user,
        moderator: inv.is_moderator(),
        roles: &inv.roles,
    }
}

fn notice(lang: Lang, key: &str) -> Outcome {
    Outcome::Reply(Reply::notice(t(lang, key)))
}

/// What a member needs to use a `/quiz` subcommand (or button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Right {
    Anyone,
    /// Whom the server's `/quiz access` lets run rounds (and moderators).
    RunRounds,
    /// Teachers: moderators and the quiz-master role (setting homework, reading insights,
    /// clearing boards, downloading reports), even when everyone may run rounds. `server`: a
    /// server-wide power, which needs Manage Messages from the member's roles rather than in
    /// this channel.
    Teach {
        server: bool,
    },
    /// Manage Server: who runs rounds is the server's staff's choice.
    Staff,
    /// Steering what `starter` started (a round, an assignment): the starter, a moderator or
    /// a quiz master.
    Control(u64),
}

impl Right {
    /// Whether the member asking has it.
    async fn held(self, s: &Services, access: &Access, inv: &Invocation) -> bool {
        let who = asker(inv);
        match self {
            Right::Anyone => true,
            Right::RunRounds => access::may_run(access, &who),
            Right::Teach { server: false } => access::may_moderate(access, &who),
            Right::Teach { server: true } => {
                let by_role = Asker {
                    moderator: false,
                    ..who
                };
                access::may_moderate(access, &by_role) || access::moderates_server(s, inv).await
            }
            Right::Staff => inv.is_staff(),
            Right::Control(starter) => access::may_control(access, &who, starter),
        }
    }

    /// The notice that refuses it.
    fn refusal(self) -> &'static str {
        match self {
            Right::Control(_) => "quiz-not-starter",
            Right::Teach { server: true } => "error-no-server-permission",
            _ => "error-no-permission",
        }
    }
}

/// The permission table: what each subcommand needs. `running`: the round running in the
/// channel, which its starter may steer (with none running, steering only says so). Closing
/// or extending an assignment is checked against its teacher once it is found.
fn right(cmd: &QuizCommand, running: Option<&live::Live>, here: u64) -> Right {
    match cmd {
        QuizCommand::Start(_) => Right::RunRounds,
        QuizCommand::Next | QuizCommand::Reveal | QuizCommand::Skip | QuizCommand::Stop => {
            running.map_or(Right::Anyone, |live| Right::Control(live.starter))
        }
        QuizCommand::Assign(_)
        | QuizCommand::Report {
            scope: ReportScope::Round,
        } => Right::Teach { server: false },
        // One channel's insights are that channel's; the whole server's are the server's.
        QuizCommand::Insights { channel, .. } => Right::Teach {
            server: *channel != Some(here),
        },
        QuizCommand::Report {
            scope: ReportScope::Term,
        }
        | QuizCommand::Reset { .. }
        | QuizCommand::Time { .. } => Right::Teach { server: true },
        QuizCommand::Access { .. } | QuizCommand::Settings { .. } => Right::Staff,
        QuizCommand::Leaderboard { .. }
        | QuizCommand::Me { .. }
        | QuizCommand::Review
        | QuizCommand::Info
        | QuizCommand::Practice { .. }
        | QuizCommand::Assignments(_) => Right::Anyone,
    }
}

/// Every `/quiz` subcommand: refused once here when the member lacks the [`right`] it needs.
pub async fn command(s: &Services, inv: &Invocation, cmd: QuizCommand) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in(&format!("quiz {}", cmd.name()), lang);
        let reply = Reply::notice(tr(lang, "error-server-only", &[("command", &path)]));
        return Ok(Outcome::Reply(reply));
    };
    // With the database out, the server's choice is unknown: moderators (and starters) still
    // steer the rounds that run in memory, as the default allows.
    let access = s.store.quiz_access(guild).await.unwrap_or_else(|e| {
        tracing::warn!(guild, error = %e, "quiz access unknown; moderators only meanwhile");
        Access::Moderators
    });
    let running = crate::quiz::live::rooms(s).get(inv.channel);
    let needed = right(&cmd, running.as_deref(), inv.channel);
    if !needed.held(s, &access, inv).await {
        return Ok(notice(lang, needed.refusal()));
    }
    let reply = match cmd {
        QuizCommand::Start(args) => return start(s, inv, guild, &args).await,
        QuizCommand::Assign(args) => return homework::assign(s, inv, guild, &args).await,
        QuizCommand::Assignments(args) => {
            let server = args.action.is_some() && access::moderates_server(s, inv).await;
            let steer = |teacher| may_steer_homework(&access, inv, server, teacher);
            return steering::assignments(s, inv, guild, &args, steer).await;
        }
        QuizCommand::Next | QuizCommand::Reveal | QuizCommand::Skip | QuizCommand::Stop => {
            steer_round(&cmd, running.as_deref(), lang)
        }
        QuizCommand::Leaderboard { period, sort } => {
            let shown = (period.unwrap_or(Period::All), sort.unwrap_or_default());
            leaderboard(s, inv, guild, shown, 0).await?
        }
        QuizCommand::Me { period, hide } => {
            let note = match hide {
                Some(off) => Some(settings::hide(s, (inv, guild), off).await?),
                None => None,
            };
            let mut card = me(s, inv, guild, period.unwrap_or(Period::All)).await?;
            if let Some(note) = note {
                card.text = format!("*{note}*\n\n{}", card.text);
            }
            card
        }
        QuizCommand::Time { member, percent } => {
            settings::member_time(s, (inv, guild), (member, percent)).await?
        }
        QuizCommand::Settings { boards, scoring } => {
            settings::settings(s, (inv, guild), (boards, scoring)).await?
        }
        QuizCommand::Info => cards::info(&s.core, lang),
        QuizCommand::Review => review(s, inv, guild).await?,
        QuizCommand::Report { scope } => {
            return match scope {
                ReportScope::Round => report(s, inv.channel, lang).await,
                ReportScope::Term => {
                    let report = gradebook::term::report(s, guild, lang).await?;
                    if matches!(report, Outcome::File { .. }) {
                        audit::record(s, guild, inv.user, Action::GradebookDownloaded).await;
                    }
                    Ok(report)
                }
            };
        }
        QuizCommand::Practice { topic } => return practice::start(s, inv, guild, topic).await,
        QuizCommand::Insights { period, channel } => {
            return class_insights(s, guild, period.unwrap_or(Period::All), channel, lang).await;
        }
        QuizCommand::Reset { period } => reset_confirmation(lang, period, inv.user, guild),
        QuizCommand::Access { who, role } => {
            let done = set_access(s, guild, who, role, lang).await?;
            if let Some(who) = access_name(who, role) {
                audit::record(s, guild, inv.user, Action::QuizAccess { who }).await;
            }
            return Ok(done);
        }
    };
    Ok(Outcome::Reply(reply))
}

/// May the member asking steer (close, extend) an assignment `teacher` set? Any assignment of
/// the server: its teacher, a quiz master, or a moderator of the whole server (`server`).
fn may_steer_homework(access: &Access, inv: &Invocation, server: bool, teacher: u64) -> bool {
    let who = Asker {
        moderator: server,
        ..asker(inv)
    };
    access::may_control(access, &who, teacher)
}

/// The Close or Cancel button of a teacher's early close.
pub async fn close_homework(
    s: &Services,
    inv: &Invocation,
    homework: u64,
    owner: u64,
    confirm: bool,
) -> Result<Outcome, Error> {
    let Some(guild) = inv.guild else {
        return Ok(notice(inv.lang, "error-stale-button"));
    };
    let access = s.store.quiz_access(guild).await?;
    let server = confirm && access::moderates_server(s, inv).await;
    let steer = |teacher| may_steer_homework(&access, inv, server, teacher);
    steering::close_confirmed(s, inv, (homework, owner, confirm), steer).await
}

/// `/quiz next`, `reveal`, `skip` and `stop`: the control sent to the channel's round, or why
/// it cannot be.
fn steer_round(cmd: &QuizCommand, running: Option<&live::Live>, lang: Lang) -> Reply {
    let Some(live) = running else {
        return Reply::notice(t(lang, "quiz-not-running"));
    };
    let open = live.round.lock().map(|r| r.is_open()).unwrap_or(false);
    let control = match cmd {
        QuizCommand::Next if live.mode == Mode::Auto => Err("quiz-auto-mode"),
        QuizCommand::Next if open => Err("quiz-wait-reveal"),
        QuizCommand::Next => Ok(Control::Next),
        QuizCommand::Reveal | QuizCommand::Skip if !open => Err("quiz-not-open"),
        QuizCommand::Reveal => Ok(Control::Reveal),
        QuizCommand::Skip => Ok(Control::Skip),
        _ => Ok(Control::Stop),
    };
    match control {
        Ok(c) => {
            let _ = live.control.send(c);
            Reply::private(t(lang, "quiz-done"))
        }
        Err(key) => Reply::notice(t(lang, key)),
    }
}

/// `/quiz leaderboard`: the board over `period`, with its chart of the top members.
async fn leaderboard(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    (period, sort): (Period, Sort),
    page: u32,
) -> Result<Reply, Error> {
    let lines = cards::BOARD_LINES;
    let skip = (page as usize).saturating_mul(lines);
    let found = s
        .store
        .board_page(guild, period, s.clock.unix(), sort, (skip, lines), inv.user)
        .await?;
    let lang = inv.lang;
    let pages = found.players.div_ceil(lines).max(1) as u32;
    // A page past the end (the board shrank since it was shown) shows the last one.
    if page >= pages && page > 0 {
        return Box::pin(leaderboard(s, inv, guild, (period, sort), pages - 1)).await;
    }
    let naming = s.store.naming(guild).await?;
    let board = found.top;
    let mut card = cards::board_card(&board, (period, sort), &naming, lang);
    cards::board_pages(
        &mut card,
        (period, sort),
        (page, pages),
        found.players,
        lang,
    );
    // The chart shows the top ten, on the first page.
    if page == 0 {
        // The chart names whom the card names, and leaves out what it leaves out.
        let board: Vec<crate::quiz::BoardLine> = board
            .into_iter()
            .filter(|l| naming.shows(l.rank, l.user_id).is_some())
            .collect();
        let top: Vec<u64> = board
            .iter()
            .take(charts::BOARD_TOP)
            .map(|l| l.user_id)
            .collect();
        let mut names = s.store.display_names_of(guild, &top).await?;
        // The member asking is named as Discord shows them now.
        if !inv.name.trim().is_empty() {
            names.insert(inv.user, inv.name.clone());
        }
        for l in &board {
            if naming.shows(l.rank, l.user_id) == Some(false) {
                names.insert(l.user_id, t(lang, "quiz-name-hidden"));
            }
        }
        card.charts.extend(charts::board(
            &board,
            period,
            sort,
            &names,
            Some(inv.user),
            lang,
        ));
    }
    Ok(card)
}

/// A click on a board's page button: the same board, that page, in the clicked message.
pub async fn board_page(
    s: &Services,
    inv: &Invocation,
    (period, sort): (Period, Sort),
    page: u32,
) -> Result<Outcome, Error> {
    let Some(guild) = inv.guild else {
        return Ok(notice(inv.lang, "error-stale-button"));
    };
    let card = leaderboard(s, inv, guild, (period, sort), page).await?;
    Ok(Outcome::Update(card))
}

/// `/quiz me`: the member's line of the board over `period`, and their practice due.
async fn me(s: &Services, inv: &Invocation, guild: u64, period: Period) -> Result<Reply, Error> {
    let page = s
        .store
        .board_page(
            guild,
            period,
            s.clock.unix(),
            Sort::Points,
            (0, 0),
            inv.user,
        )
        .await?;
    let (due, next) = practice::due(s, guild, inv.user).await?;
    let (name, value) = cards::practice_due_field(due, next, inv.lang);
    Ok(cards::me_card(page.mine.as_ref(), page.players, period, inv.lang).field(name, value))
}

/// `/quiz review`: the questions the member missed in the last round they played.
async fn review(s: &Services, inv: &Invocation, guild: u64) -> Result<Reply, Error> {
    let Some(round) = s.store.last_round_played(guild, inv.user).await? else {
        return Ok(cards::review_card(&s.core, &[], 0, inv.lang));
    };
    let answers = s.store.answers_of(round, inv.user).await?;
    let missed: Vec<cards::Missed<'_>> = answers
        .iter()
        .filter(|a| !a.correct)
        .map(|a| cards::Missed {
            number: a.question_no,
            question: &a.question_id,
        })
        .collect();
    Ok(cards::review_card(
        &s.core,
        &missed,
        answers.len(),
        inv.lang,
    ))
}

/// `/quiz access`: who may run rounds in the server from now on.
/// How the audit line names an access setting (`None`: not set, a role missing).
fn access_name(who: Who, role: Option<u64>) -> Option<String> {
    match (who, role) {
        (Who::Everyone, _) => Some("everyone".into()),
        (Who::Moderators, _) => Some("moderators".into()),
        (Who::Role, Some(role)) => Some(format!("<@&{role}>")),
        (Who::Role, None) => None,
    }
}

async fn set_access(
    s: &Services,
    guild: u64,
    who: Who,
    role: Option<u64>,
    lang: Lang,
) -> Result<Outcome, Error> {
    let access = match (who, role) {
        (Who::Everyone, _) => Access::Everyone,
        (Who::Role, Some(role)) => Access::Role(role),
        (Who::Role, None) => return Ok(notice(lang, "quiz-access-needs-role")),
        (Who::Moderators, _) => Access::Moderators,
    };
    s.store.set_quiz_access(guild, &access).await?;
    let who = match &access {
        Access::Everyone => t(lang, "quiz-access-everyone"),
        Access::Moderators => t(lang, "quiz-access-moderators"),
        Access::Role(r) => tr(lang, "quiz-access-role", &[("role", &format!("<@&{r}>"))]),
    };
    Ok(Outcome::Reply(Reply::private(tr(
        lang,
        "quiz-access-set",
        &[("who", &who)],
    ))))
}

/// "Really clear the board?" with Yes and Cancel, for the member who asked.
fn reset_confirmation(lang: Lang, period: Period, user: u64, guild: u64) -> Reply {
    let name = cards::period_name(period, lang);
    let mut reply = Reply {
        text: tr(lang, "quiz-reset-confirm", &[("period", &name)]),
        ephemeral: true,
        accent: Accent::Error,
        ..Reply::default()
    };
    reply.buttons.push(Button {
        id: crate::interaction::CustomId::QuizReset {
            period: Some(period),
            owner: user,
            guild,
        },
        label: t(lang, "button-reset-yes"),
        style: ButtonStyle::Danger,
    });
    reply.buttons.push(Button {
        id: crate::interaction::CustomId::QuizReset {
            period: None,
            owner: user,
            guild,
        },
        label: t(lang, "button-cancel"),
        style: ButtonStyle::Secondary,
    });
    reply
}

async fn start(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    args: &StartArgs,
) -> Result<Outcome, Error> {
    let (core, lang) = (&s.core, inv.lang);
    if let Some(refusal) = inv.bot_refusal() {
        return Ok(Outcome::Reply(refusal));
    }
    // The server's default scoring, unless the round names its own; its shared posts'
    // language (one, or both side by side), unless the round asks for both or not.
    let mut args = args.clone();
    if args.scoring.is_none() {
        args.scoring = Some(settings::default_scoring(s, guild).await?);
    }
    let posts = crate::language::posts::of(s, Some(guild)).await;
    let (round_lang, both) = posts.resolve(args.language, args.bilingual, lang);
    args.bilingual = Some(both);
    let args = &args;
    let (plan, seed) = match plan::seeded(s, (lang, guild), args, s.pace.quiz.idle_limit).await? {
        Ok(planned) => planned,
        Err(notice) => return Ok(Outcome::Reply(*notice)),
    };
    let Some(round) = plan.round(core, seed) else {
        return Ok(notice(lang, "quiz-no-questions"));
    };
    if crate::quiz::live::rooms(s).get(inv.channel).is_some() {
        return Ok(notice(lang, "quiz-busy"));
    }
    // The server's limit is checked as the round takes its place, in one step.
    match recovery::start_round(s, inv.id, guild, inv.channel, inv.user).await? {
        StartOutcome::Started => {}
        StartOutcome::Busy => return Ok(notice(lang, "quiz-busy")),
        StartOutcome::Full => {
            let max = s.pace.limits.quiz_rounds;
            let text = tr(lang, "limit-quiz-rounds", &[("max", &(max as usize))]);
            return Ok(Outcome::Reply(Reply::notice(text)));
        }
    }
    let questions = round.len();
    let (live, rx) = live::new_live(
        inv.id,
        guild,
        inv.channel,
        inv.user,
        round_lang,
        &plan,
        round,
    );
    live::launch(s, live, rx);
    // The round's first card, for the channel: in the round's language (or both).
    let langs = (round_lang, plan.bilingual);
    let card = crate::cards::in_langs(langs, |l| started_card(&plan, questions, l), None);
    Ok(Outcome::Reply(card))
}

/// A round's first card: how many questions and how long each, who steers it, its scoring in
/// plain words, its teams.
fn started_card(plan: &plan::Plan, questions: usize, lang: Lang) -> Reply {
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
    for rule in cards::round_rules(&plan.settings, lang) {
        text.push(' ');
        text.push_str(&rule);
    }
    if plan.settings.teams.is_some() {
        text.push(' ');
        text.push_str(&t(
            lang,
            match plan.mode {
                Mode::Teacher => "quiz-teams-teacher-hint",
                Mode::Auto => "quiz-teams-started",
            },
        ));
    }
    Reply {
        title: Some(t(lang, "cmd-quiz-start")),
        text,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
}

async fn report(s: &Services, channel: u64, lang: Lang) -> Result<Outcome, Error> {
    let Some(round) = s.store.last_round(channel).await? else {
        return Ok(notice(lang, "quiz-report-none"));
    };
    let lines = s.store.report_lines(round).await?;
    let bytes = gradebook::round_csv(&lines)?;
    Ok(Outcome::File {
        reply: Reply::private(tr(lang, "quiz-report-ready", &[("rows", &lines.len())])),
        name: "quiz-report.csv".into(),
        bytes,
    })
}

/// `/quiz insights`: what the class gets wrong over a period (in one channel if given).
async fn class_insights(
    s: &Services,
    guild: u64,
    period: Period,
    channel: Option<u64>,
    lang: Lang,
) -> Result<Outcome, Error> {
    let Some(pack) = practice::first_pack(&s.core) else {
        return Ok(notice(lang, "quiz-no-questions"));
    };
    let tallies = s
        .store
        .insight_tallies(guild, period, s.clock.unix(), channel)
        .await?;
    let found = insights::compute(&pack.questions, &tallies);
    let card = cards::insights_card(pack, &found, period, channel, lang);
    Ok(Outcome::Reply(card))
}

/// The reset confirmation's buttons (`None`: cancel). Checked again at the click: the member
/// who asked (by the message's metadata when Discord sent it), in the server it was asked in,
/// and still allowed to reset.
pub async fn reset(
    s: &Services,
    inv: &Invocation,
    period: Option<Period>,
    owner: u64,
    guild: u64,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    // A refusal is a private notice of its own: the clicked message stays as it was.
    let refuse = |key: &str| Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    let asked_by_clicker = owner == inv.user && inv.origin_user.is_none_or(|o| o == inv.user);
    if inv.guild != Some(guild) {
        return refuse("error-stale-button");
    }
    if !asked_by_clicker {
        return refuse("error-not-your-buttons");
    }
    let Some(period) = period else {
        return Ok(Outcome::Update(Reply::private(t(
            lang,
            "quiz-reset-cancelled",
        ))));
    };
    let access = s.store.quiz_access(guild).await?;
    let needed = Right::Teach { server: true };
    if !needed.held(s, &access, inv).await {
        return refuse(needed.refusal());
    }
    s.store.reset_board(guild, period, s.clock.unix()).await?;
    audit::record(s, guild, inv.user, Action::BoardReset { period }).await;
    let name = cards::period_name(period, lang);
    Ok(Outcome::Update(Reply::private(tr(
        lang,
        "quiz-reset-done",
        &[("period", &name)],
    ))))
}

#[cfg(test)]
mod limit_tests {
    use super::*;
    use crate::core::Core;
    use crate::outbox::recorder::Recorder;
    use crate::services::{Limits, Pace};
    use crate::store::Store;
    use std::path::PathBuf;
    use std::sync::Arc;

    #[tokio::test]
    async fn a_server_with_its_rounds_running_is_told_politely() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        let pace = Pace {
            limits: Limits {
                quiz_rounds: 2,
                ..Limits::default()
            },
            ..Pace::default()
        };
        let s = Services::new(core, store.clone(), Arc::new(Recorder::new()), pace);
        // Two rounds already run in other channels of server 1.
        store.start_round(1, 1, 10, 3, 0).await.expect("round");
        store.start_round(2, 1, 11, 3, 0).await.expect("round");
        let teacher = Invocation {
            id: 50,
            guild: Some(1),
            channel: 12,
            user: 3,
            lang: Lang::Id,
            permissions: u64::MAX,
            ..Invocation::default()
        };
        let start = QuizCommand::Start(StartArgs::default());
        let Outcome::Reply(refused) = command(&s, &teacher, start.clone()).await.expect("start")
        else {
            panic!("a reply");
        };
        assert!(refused.ephemeral);
        assert!(refused.text.contains("2 ronde kuis"), "{}", refused.text);
        assert!(
            crate::quiz::live::rooms(&s).get(12).is_none(),
            "no round started"
        );
        assert_eq!(store.open_rounds(1).await.expect("q"), 2);
        // Another server is not held by this one.
        let elsewhere = Invocation {
            id: 51,
            guild: Some(2),
            ..teacher
        };
        command(&s, &elsewhere, start).await.expect("start");
        assert_eq!(store.open_rounds(2).await.expect("q"), 1);
        live::shutdown(&s, std::time::Duration::from_secs(2)).await;
    }
}
