//! `/quiz`: thin poise functions that type their options and hand them to
//! `quiz::commands`.

use crate::course::model::Source;
use poise::serenity_prelude as serenity;

use super::kit::{Plan, concepts, hand, sections};
use super::pick::Pick;
use crate::discord::{Context, Error};
use crate::pack::Difficulty;
use crate::pack::Lang;
use crate::quiz::commands::ReportScope;
use crate::quiz::homework::flow::AssignArgs;
use crate::quiz::homework::steer::{ListAction, ListArgs};
use crate::quiz::plan::{Mode, StartArgs};
use crate::quiz::{Answering, Period, QuizCommand, Scoring, Sort, Teams, Who, commands};

/// Runs a `/quiz` subcommand.
async fn run(ctx: Context<'_>, plan: Plan, cmd: QuizCommand) -> Result<(), Error> {
    hand(ctx, plan, move |s, inv| async move {
        commands::command(&s, &inv, cmd).await
    })
    .await
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
        "quiz_access",
        "quiz_settings",
        "quiz_time",
        "quiz_practice",
        "quiz_insights",
        "quiz_assign",
        "quiz_assignments"
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
    #[autocomplete = "concepts"]
    #[max_length = 100]
    topic: Option<String>,
    #[autocomplete = "sections"]
    #[max_length = 100]
    section: Option<String>,
    difficulty: Option<Pick<Difficulty>>,
    #[min = 0]
    #[max = 300]
    seconds: Option<u32>,
    mode: Option<Pick<Mode>>,
    scoring: Option<Pick<Scoring>>,
    streaks: Option<bool>,
    #[min = 1000]
    #[max = 100000]
    goal: Option<u32>,
    spoilers: Option<bool>,
    teams: Option<Pick<Teams>>,
    kind: Option<Pick<Answering>>,
    #[min = 2]
    #[max = 50]
    players: Option<u32>,
    #[min = 0]
    #[max = 50]
    skip_votes: Option<u32>,
    #[min = 0]
    #[max = 1000]
    penalty: Option<u32>,
    source: Option<Pick<Source>>,
    bilingual: Option<bool>,
    language: Option<Pick<Lang>>,
) -> Result<(), Error> {
    let args = StartArgs {
        questions,
        topic,
        section,
        difficulty: difficulty.map(Pick::get),
        seconds,
        mode: mode.map(Pick::get),
        scoring: scoring.map(Pick::get),
        streaks,
        goal,
        spoilers,
        teams: teams.map(Pick::get),
        kind: kind.map(Pick::get),
        players,
        skip_votes,
        penalty,
        source: source.map(Pick::get),
        bilingual,
        language: language.map(Pick::get),
    };
    run(ctx, Plan::PUBLIC, QuizCommand::Start(args)).await
}

/// Teacher mode: open the next question.
#[poise::command(slash_command, rename = "next")]
pub async fn quiz_next(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Next).await
}

/// Close the question now and reveal the answer.
#[poise::command(slash_command, rename = "reveal")]
pub async fn quiz_reveal(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Reveal).await
}

/// Skip this question.
#[poise::command(slash_command, rename = "skip")]
pub async fn quiz_skip(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Skip).await
}

/// End the round now.
#[poise::command(slash_command, rename = "stop")]
pub async fn quiz_stop(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Stop).await
}

/// This server's quiz board.
#[poise::command(slash_command, rename = "leaderboard", user_cooldown = 2)]
pub async fn quiz_leaderboard(
    ctx: Context<'_>,
    period: Option<Pick<Period>>,
    sort: Option<Pick<Sort>>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Leaderboard {
        period: period.map(Pick::get),
        sort: sort.map(Pick::get),
    };
    run(ctx, Plan::PUBLIC, cmd).await
}

/// Your own points, rank and accuracy.
#[poise::command(slash_command, rename = "me", user_cooldown = 2)]
pub async fn quiz_me(
    ctx: Context<'_>,
    period: Option<Pick<Period>>,
    hide: Option<bool>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Me {
        period: period.map(Pick::get),
        hide,
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// The last round, or the term's gradebook, as a CSV file.
#[poise::command(slash_command, rename = "report", user_cooldown = 5)]
pub async fn quiz_report(ctx: Context<'_>, scope: Option<Pick<ReportScope>>) -> Result<(), Error> {
    let cmd = QuizCommand::Report {
        scope: scope.map(Pick::get).unwrap_or_default(),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// Practise privately: the questions you are due to see again.
#[poise::command(slash_command, rename = "practice", user_cooldown = 3)]
pub async fn quiz_practice(
    ctx: Context<'_>,
    #[autocomplete = "concepts"]
    #[max_length = 100]
    topic: Option<String>,
) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Practice { topic }).await
}

/// What the class gets wrong (teachers).
#[poise::command(slash_command, rename = "insights", user_cooldown = 5)]
pub async fn quiz_insights(
    ctx: Context<'_>,
    period: Option<Pick<Period>>,
    #[channel_types("Text")] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Insights {
        period: period.map(Pick::get),
        channel: channel.map(|c| c.get()),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// Your missed questions from your last round.
#[poise::command(slash_command, rename = "review", user_cooldown = 5)]
pub async fn quiz_review(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Review).await
}

/// What the quiz bank holds.
#[poise::command(slash_command, rename = "info", user_cooldown = 5)]
pub async fn quiz_info(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, Plan::PUBLIC, QuizCommand::Info).await
}

/// Clear a period's board.
#[poise::command(slash_command, rename = "reset")]
pub async fn quiz_reset(ctx: Context<'_>, period: Pick<Period>) -> Result<(), Error> {
    let cmd = QuizCommand::Reset {
        period: period.get(),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// Who may run quiz rounds here.
#[poise::command(
    slash_command,
    rename = "access",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn quiz_access(
    ctx: Context<'_>,
    who: Pick<Who>,
    role: Option<serenity::Role>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Access {
        who: who.get(),
        role: role.map(|r| r.id.get()),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// Extra time on homework for one member (150: one and a half times the limit).
#[poise::command(slash_command, rename = "time")]
pub async fn quiz_time(
    ctx: Context<'_>,
    member: serenity::User,
    #[min = 100]
    #[max = 300]
    percent: u32,
) -> Result<(), Error> {
    let cmd = QuizCommand::Time {
        member: member.id.get(),
        percent,
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// How this server's boards name members, and the scoring its rounds take by default.
#[poise::command(
    slash_command,
    rename = "settings",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn quiz_settings(
    ctx: Context<'_>,
    boards: Option<Pick<crate::quiz::model::Boards>>,
    scoring: Option<Pick<Scoring>>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Settings {
        boards: boards.map(Pick::get),
        scoring: scoring.map(Pick::get),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = crate::daily::schedule::zone_suggestions(partial, 25)
        .into_iter()
        .map(|z| serenity::AutocompleteChoice::new(z.clone(), z))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Homework: questions each member answers privately before a due time.
#[poise::command(slash_command, rename = "assign", user_cooldown = 3)]
#[allow(clippy::too_many_arguments)]
pub async fn quiz_assign(
    ctx: Context<'_>,
    #[max_length = 40] due: String,
    #[min = 1]
    #[max = 20]
    questions: Option<u32>,
    #[autocomplete = "concepts"]
    #[max_length = 100]
    topic: Option<String>,
    #[autocomplete = "sections"]
    #[max_length = 100]
    section: Option<String>,
    difficulty: Option<Pick<Difficulty>>,
    #[autocomplete = "zones"]
    #[max_length = 64]
    timezone: Option<String>,
    #[min = 10]
    #[max = 600]
    time_limit: Option<u32>,
    source: Option<Pick<Source>>,
    ping: Option<serenity::RoleId>,
    scoring: Option<Pick<Scoring>>,
) -> Result<(), Error> {
    let args = AssignArgs {
        start: StartArgs {
            questions,
            topic,
            section,
            difficulty: difficulty.map(Pick::get),
            source: source.map(Pick::get),
            scoring: scoring.map(Pick::get),
            ..StartArgs::default()
        },
        due,
        timezone,
        time_limit,
        ping: ping.map(|r| r.get()),
    };
    run(ctx, Plan::PRIVATE, QuizCommand::Assign(Box::new(args))).await
}

/// This server's homework; teachers close one early or extend it.
#[poise::command(slash_command, rename = "assignments", user_cooldown = 2)]
pub async fn quiz_assignments(
    ctx: Context<'_>,
    action: Option<Pick<ListAction>>,
    #[min = 1] id: Option<u32>,
    #[max_length = 40] due: Option<String>,
    #[autocomplete = "zones"]
    #[max_length = 64]
    timezone: Option<String>,
    member: Option<serenity::User>,
) -> Result<(), Error> {
    let args = ListArgs {
        action: action.map(Pick::get),
        id,
        due,
        timezone,
        member: member.map(|m| m.id.get()),
    };
    run(ctx, Plan::PRIVATE, QuizCommand::Assignments(args)).await
}
