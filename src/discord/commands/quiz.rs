//! `/quiz`: thin poise functions that type their options and hand them to
//! `quiz::commands`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, concepts, hand, sections};
use crate::discord::{Context, Error};
use crate::pack::Difficulty;
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
pub enum TeamsChoice {
    #[name = "2"]
    #[name_localized("id", "2 tim")]
    Two,
    #[name = "3"]
    #[name_localized("id", "3 tim")]
    Three,
    #[name = "4"]
    #[name_localized("id", "4 tim")]
    Four,
    #[name = "benjamin-adorno"]
    #[name_localized("id", "benjamin-adorno")]
    BenjaminAdorno,
}

impl From<TeamsChoice> for Teams {
    fn from(c: TeamsChoice) -> Teams {
        match c {
            TeamsChoice::Two => Teams::Two,
            TeamsChoice::Three => Teams::Three,
            TeamsChoice::Four => Teams::Four,
            TeamsChoice::BenjaminAdorno => Teams::BenjaminAdorno,
        }
    }
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum KindChoice {
    #[name = "buttons"]
    #[name_localized("id", "tombol")]
    Buttons,
    #[name = "typed"]
    #[name_localized("id", "ketik")]
    Typed,
    #[name = "mixed"]
    #[name_localized("id", "campur")]
    Mixed,
}

impl From<KindChoice> for Answering {
    fn from(c: KindChoice) -> Answering {
        match c {
            KindChoice::Buttons => Answering::Buttons,
            KindChoice::Typed => Answering::Typed,
            KindChoice::Mixed => Answering::Mixed,
        }
    }
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
pub enum ScopeChoice {
    #[name = "round"]
    #[name_localized("id", "ronde")]
    Round,
    #[name = "term"]
    #[name_localized("id", "semester")]
    Term,
}

impl From<ScopeChoice> for ReportScope {
    fn from(c: ScopeChoice) -> ReportScope {
        match c {
            ScopeChoice::Round => ReportScope::Round,
            ScopeChoice::Term => ReportScope::Term,
        }
    }
}

impl From<DifficultyChoice> for Difficulty {
    fn from(c: DifficultyChoice) -> Difficulty {
        match c {
            DifficultyChoice::Easy => Difficulty::Easy,
            DifficultyChoice::Medium => Difficulty::Medium,
            DifficultyChoice::Hard => Difficulty::Hard,
        }
    }
}

impl From<ModeChoice> for Mode {
    fn from(c: ModeChoice) -> Mode {
        match c {
            ModeChoice::Auto => Mode::Auto,
            ModeChoice::Teacher => Mode::Teacher,
        }
    }
}

impl From<ScoringChoice> for Scoring {
    fn from(c: ScoringChoice) -> Scoring {
        match c {
            ScoringChoice::Speed => Scoring::Speed,
            ScoringChoice::Flat => Scoring::Flat,
        }
    }
}

impl From<PeriodChoice> for Period {
    fn from(c: PeriodChoice) -> Period {
        match c {
            PeriodChoice::Week => Period::Week,
            PeriodChoice::Month => Period::Month,
            PeriodChoice::Term => Period::Term,
            PeriodChoice::All => Period::All,
        }
    }
}

impl From<SortChoice> for Sort {
    fn from(c: SortChoice) -> Sort {
        match c {
            SortChoice::Points => Sort::Points,
            SortChoice::Accuracy => Sort::Accuracy,
            SortChoice::Wins => Sort::Wins,
            SortChoice::Games => Sort::Games,
        }
    }
}

impl From<WhoChoice> for Who {
    fn from(c: WhoChoice) -> Who {
        match c {
            WhoChoice::Everyone => Who::Everyone,
            WhoChoice::Moderators => Who::Moderators,
            WhoChoice::Role => Who::Role,
        }
    }
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
        "quiz_access",
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
    teams: Option<TeamsChoice>,
    kind: Option<KindChoice>,
) -> Result<(), Error> {
    let args = StartArgs {
        questions,
        topic,
        section,
        difficulty: difficulty.map(Into::into),
        seconds,
        mode: mode.map(Into::into),
        scoring: scoring.map(Into::into),
        streaks,
        goal,
        spoilers,
        teams: teams.map(Into::into),
        kind: kind.map(Into::into),
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
    period: Option<PeriodChoice>,
    sort: Option<SortChoice>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Leaderboard {
        period: period.map(Into::into),
        sort: sort.map(Into::into),
    };
    run(ctx, Plan::PUBLIC, cmd).await
}

/// Your own points, rank and accuracy.
#[poise::command(slash_command, rename = "me")]
pub async fn quiz_me(ctx: Context<'_>, period: Option<PeriodChoice>) -> Result<(), Error> {
    let cmd = QuizCommand::Me {
        period: period.map(Into::into),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// The last round, or the term's gradebook, as a CSV file.
#[poise::command(slash_command, rename = "report")]
pub async fn quiz_report(ctx: Context<'_>, scope: Option<ScopeChoice>) -> Result<(), Error> {
    let cmd = QuizCommand::Report {
        scope: scope.map(Into::into).unwrap_or_default(),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

/// Practise privately: the questions you are due to see again.
#[poise::command(slash_command, rename = "practice")]
pub async fn quiz_practice(
    ctx: Context<'_>,
    #[autocomplete = "concepts"]
    #[max_length = 100]
    topic: Option<String>,
) -> Result<(), Error> {
    run(ctx, Plan::PRIVATE, QuizCommand::Practice { topic }).await
}

/// What the class gets wrong (teachers).
#[poise::command(slash_command, rename = "insights")]
pub async fn quiz_insights(
    ctx: Context<'_>,
    period: Option<PeriodChoice>,
    #[channel_types("Text")] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Insights {
        period: period.map(Into::into),
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
pub async fn quiz_reset(ctx: Context<'_>, period: PeriodChoice) -> Result<(), Error> {
    let cmd = QuizCommand::Reset {
        period: period.into(),
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
    who: WhoChoice,
    role: Option<serenity::Role>,
) -> Result<(), Error> {
    let cmd = QuizCommand::Access {
        who: who.into(),
        role: role.map(|r| r.id.get()),
    };
    run(ctx, Plan::PRIVATE, cmd).await
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum HomeworkActionChoice {
    #[name = "close"]
    #[name_localized("id", "tutup")]
    Close,
    #[name = "extend"]
    #[name_localized("id", "perpanjang")]
    Extend,
}

impl From<HomeworkActionChoice> for ListAction {
    fn from(c: HomeworkActionChoice) -> ListAction {
        match c {
            HomeworkActionChoice::Close => ListAction::Close,
            HomeworkActionChoice::Extend => ListAction::Extend,
        }
    }
}

async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = crate::daily::schedule::zone_suggestions(partial, 25)
        .into_iter()
        .map(|z| serenity::AutocompleteChoice::new(z.clone(), z))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Homework: questions each member answers privately before a due time.
#[poise::command(slash_command, rename = "assign")]
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
    difficulty: Option<DifficultyChoice>,
    #[autocomplete = "zones"]
    #[max_length = 64]
    timezone: Option<String>,
    #[min = 10]
    #[max = 600]
    time_limit: Option<u32>,
) -> Result<(), Error> {
    let args = AssignArgs {
        start: StartArgs {
            questions,
            topic,
            section,
            difficulty: difficulty.map(Into::into),
            ..StartArgs::default()
        },
        due,
        timezone,
        time_limit,
    };
    run(ctx, Plan::PRIVATE, QuizCommand::Assign(Box::new(args))).await
}

/// This server's homework; teachers close one early or extend it.
#[poise::command(slash_command, rename = "assignments")]
pub async fn quiz_assignments(
    ctx: Context<'_>,
    action: Option<HomeworkActionChoice>,
    #[min = 1] id: Option<u32>,
    #[max_length = 40] due: Option<String>,
    #[autocomplete = "zones"]
    #[max_length = 64]
    timezone: Option<String>,
) -> Result<(), Error> {
    let args = ListArgs {
        action: action.map(Into::into),
        id,
        due,
        timezone,
    };
    run(ctx, Plan::PRIVATE, QuizCommand::Assignments(args)).await
}
