//! `/course`: thin poise functions handing over to `course`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand, sections};
use crate::course::plan::PlanArgs;
use crate::course::{self, CourseCommand};
use crate::discord::{Context, Error};

/// What your class sees of the study pack.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_MESSAGES",
    subcommands("course_hide", "course_show", "course_hidden", "course_plan")
)]
pub async fn course(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn run(ctx: Context<'_>, cmd: CourseCommand) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        course::command(&s, &inv, cmd).await
    })
    .await
}

/// Hide a question, prompt or motion from this server's class.
#[poise::command(slash_command, rename = "hide")]
pub async fn course_hide(
    ctx: Context<'_>,
    #[autocomplete = "items"]
    #[max_length = 100]
    item: String,
) -> Result<(), Error> {
    run(ctx, CourseCommand::Hide { item }).await
}

/// Show a hidden question, prompt or motion again.
#[poise::command(slash_command, rename = "show")]
pub async fn course_show(
    ctx: Context<'_>,
    #[autocomplete = "items"]
    #[max_length = 100]
    item: String,
) -> Result<(), Error> {
    run(ctx, CourseCommand::Show { item }).await
}

/// List what this server hides.
#[poise::command(slash_command, rename = "hidden", user_cooldown = 2)]
pub async fn course_hidden(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, CourseCommand::Hidden).await
}

/// Which sections the class reads in which week.
#[poise::command(slash_command, rename = "plan")]
pub async fn course_plan(
    ctx: Context<'_>,
    #[max_length = 10] start: Option<String>,
    #[max_length = 64] timezone: Option<String>,
    #[min = 1]
    #[max = 52]
    week: Option<u32>,
    #[autocomplete = "sections"]
    #[max_length = 100]
    sections: Option<String>,
) -> Result<(), Error> {
    let args = PlanArgs {
        start,
        timezone,
        week,
        sections,
    };
    run(ctx, CourseCommand::Plan(args)).await
}

/// The questions, prompts and motions whose id or text holds what the teacher typed.
async fn items(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let core = &ctx.data().services.core;
    let lang = core.lang_for(ctx.locale());
    let choices = course::suggestions(core, partial, lang)
        .into_iter()
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
