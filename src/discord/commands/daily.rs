//! `/daily`: thin poise functions that type their options and hand them to
//! `daily::admin`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand};
use super::pick::Pick;
use crate::daily::deck::Priority;
use crate::daily::{DailyCommand, PostKind, SetupArgs, admin};
use crate::discord::{Context, Error};
use crate::pack::Lang;

/// Runs a `/daily` subcommand: private, deferred at once when it talks to Discord first.
async fn run(ctx: Context<'_>, cmd: DailyCommand) -> Result<(), Error> {
    let plan = Plan {
        private: true,
        slow: cmd.is_slow(),
    };
    hand(ctx, plan, move |s, inv| async move {
        admin::command(&s, &inv, cmd).await
    })
    .await
}

async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = crate::daily::schedule::zone_suggestions(partial, 25)
        .into_iter()
        .map(|z| serenity::AutocompleteChoice::new(z.clone(), z))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The daily discussion post.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "daily_setup",
        "daily_show",
        "daily_pause",
        "daily_resume",
        "daily_skip",
        "daily_now",
        "daily_preview",
        "daily_queue",
        "daily_remove",
        "daily_staff",
        "daily_past",
        "daily_suggest"
    )
)]
pub async fn daily(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Set up a daily post.
#[poise::command(
    slash_command,
    rename = "setup",
    default_member_permissions = "MANAGE_GUILD"
)]
#[allow(clippy::too_many_arguments)]
pub async fn daily_setup(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::ChannelId,
    #[max_length = 5] time: String,
    #[autocomplete = "zones"]
    #[max_length = 64]
    timezone: String,
    #[max_length = 100] days: Option<String>,
    language: Option<Pick<Lang>>,
    kind: Option<Pick<PostKind>>,
    role: Option<serenity::RoleId>,
    thread: Option<bool>,
    pin: Option<bool>,
    bilingual: Option<bool>,
) -> Result<(), Error> {
    let args = SetupArgs {
        channel: channel.get(),
        time,
        timezone,
        days,
        language: language.map(Pick::get),
        kind: kind.map(Pick::get),
        role: role.map(|r| r.get()),
        thread,
        pin,
        bilingual,
    };
    run(ctx, DailyCommand::Setup(args)).await
}

/// Each schedule, its next post and permissions.
#[poise::command(
    slash_command,
    rename = "show",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_show(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, DailyCommand::Show).await
}

/// Pause a schedule.
#[poise::command(
    slash_command,
    rename = "pause",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_pause(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: Option<i64>,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Pause { schedule }).await
}

/// Resume a schedule.
#[poise::command(
    slash_command,
    rename = "resume",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_resume(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: Option<i64>,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Resume { schedule }).await
}

/// Skip the next post.
#[poise::command(
    slash_command,
    rename = "skip",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_skip(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: Option<i64>,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Skip { schedule }).await
}

/// Post today's now.
#[poise::command(
    slash_command,
    rename = "now",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_now(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: Option<i64>,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Now { schedule }).await
}

/// See a sample post.
#[poise::command(
    slash_command,
    rename = "preview",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_preview(
    ctx: Context<'_>,
    kind: Option<Pick<PostKind>>,
    language: Option<Pick<Lang>>,
) -> Result<(), Error> {
    let cmd = DailyCommand::Preview {
        kind: kind.map(Pick::get),
        language: language.map(Pick::get),
    };
    run(ctx, cmd).await
}

/// See the next items; put one next.
#[poise::command(
    slash_command,
    rename = "queue",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_queue(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: Option<i64>,
    #[max_length = 100] next: Option<String>,
    priority: Option<Pick<Priority>>,
) -> Result<(), Error> {
    let priority = priority.map(Pick::get);
    let cmd = DailyCommand::Queue {
        schedule,
        next,
        priority,
    };
    run(ctx, cmd).await
}

/// Remove a schedule.
#[poise::command(
    slash_command,
    rename = "remove",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_remove(
    ctx: Context<'_>,
    #[min = 1]
    #[max = 2147483647]
    schedule: i64,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Remove { schedule }).await
}

/// Where member suggestions go.
#[poise::command(
    slash_command,
    rename = "staff",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_staff(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::ChannelId,
) -> Result<(), Error> {
    let cmd = DailyCommand::Staff {
        channel: channel.get(),
    };
    run(ctx, cmd).await
}

/// The server's past posts; one at random to revive a discussion.
#[poise::command(slash_command, rename = "past", user_cooldown = 10)]
pub async fn daily_past(ctx: Context<'_>, random: Option<bool>) -> Result<(), Error> {
    let cmd = DailyCommand::Past {
        random: random.unwrap_or(false),
    };
    run(ctx, cmd).await
}

/// Suggest a discussion prompt.
#[poise::command(slash_command, rename = "suggest", user_cooldown = 10)]
pub async fn daily_suggest(
    ctx: Context<'_>,
    #[max_length = 300] text: String,
) -> Result<(), Error> {
    run(ctx, DailyCommand::Suggest { text }).await
}
