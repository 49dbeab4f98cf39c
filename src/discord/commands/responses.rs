//! `/responses`: thin poise functions handing over to `responses`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand};
use super::pick::Pick;
use crate::discord::{Context, Error};
use crate::responses::model::StatusPick;
use crate::responses::review::ReviewArgs;
use crate::responses::{self, ResponsesCommand};

/// Written responses: yours, and your class's for teachers.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "responses_mine",
        "responses_review",
        "responses_labels",
        "responses_student"
    )
)]
pub async fn responses(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn run(ctx: Context<'_>, cmd: ResponsesCommand) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        responses::command(&s, &inv, cmd).await
    })
    .await
}

/// Your responses, with their status and your teacher's feedback.
#[poise::command(slash_command, rename = "mine", user_cooldown = 2)]
pub async fn responses_mine(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, ResponsesCommand::Mine).await
}

/// Review the class's responses one by one.
#[poise::command(slash_command, rename = "review")]
pub async fn responses_review(
    ctx: Context<'_>,
    #[autocomplete = "prompts"]
    #[max_length = 100]
    prompt: Option<String>,
    #[autocomplete = "motions"]
    #[max_length = 100]
    motion: Option<String>,
    #[channel_types("Text", "PublicThread", "PrivateThread")] channel: Option<serenity::ChannelId>,
    status: Option<Pick<StatusPick>>,
) -> Result<(), Error> {
    let args = ReviewArgs {
        prompt,
        motion,
        channel: channel.map(|c| c.get()),
        status: status.map(|p| p.get().filter()),
    };
    run(ctx, ResponsesCommand::Review(args)).await
}

/// This server's own statuses for responses, beside the three.
#[poise::command(slash_command, rename = "labels")]
pub async fn responses_labels(
    ctx: Context<'_>,
    #[max_length = 100] text: Option<String>,
) -> Result<(), Error> {
    run(ctx, ResponsesCommand::Labels { text }).await
}

/// One student's term: quiz, written work, debating, sections.
#[poise::command(slash_command, rename = "student")]
pub async fn responses_student(ctx: Context<'_>, member: serenity::User) -> Result<(), Error> {
    run(
        ctx,
        ResponsesCommand::Student {
            member: member.id.get(),
        },
    )
    .await
}

async fn topics(
    ctx: Context<'_>,
    partial: &str,
    motions: bool,
) -> serenity::CreateAutocompleteResponse {
    let s = &ctx.data().services;
    let lang = s.core.lang_for(ctx.locale());
    let guild = ctx.guild_id().map_or(0, |g| g.get());
    let choices = responses::review::topics(s, guild, (partial, motions), lang)
        .await
        .into_iter()
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The prompts, letter points and assignments the class responded to.
async fn prompts(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    topics(ctx, partial, false).await
}

/// The motions the class responded to.
async fn motions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    topics(ctx, partial, true).await
}
