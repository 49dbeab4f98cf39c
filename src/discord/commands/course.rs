//! `/course`: thin poise functions handing over to `course`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand, sections};
use super::pick::Pick;
use crate::course::items::Upload;
use crate::course::model::ItemKind;
use crate::course::plan::PlanArgs;
use crate::course::{self, CourseCommand};
use crate::discord::{Context, Error};
use crate::pack::Difficulty;

/// What your class sees of the study pack.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_MESSAGES",
    subcommands(
        "course_hide",
        "course_show",
        "course_hidden",
        "course_plan",
        "course_add",
        "course_import",
        "course_export",
        "course_items",
        "course_delete",
        "course_label"
    )
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

/// Write one of this server's own questions, prompts or motions.
#[poise::command(slash_command, rename = "add")]
pub async fn course_add(
    ctx: Context<'_>,
    kind: Pick<ItemKind>,
    #[max_length = 40] id: Option<String>,
    difficulty: Option<Pick<Difficulty>>,
) -> Result<(), Error> {
    let cmd = CourseCommand::Add {
        kind: kind.get(),
        id,
        difficulty: difficulty.map(Pick::get),
    };
    // A form is the answer: nothing is deferred.
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        course::command(&s, &inv, cmd).await
    })
    .await
}

/// Add this server's own items from a TOML or CSV file.
#[poise::command(slash_command, rename = "import", user_cooldown = 2)]
pub async fn course_import(ctx: Context<'_>, file: serenity::Attachment) -> Result<(), Error> {
    let upload = Upload {
        name: file.filename.clone(),
        url: file.url.clone(),
        size: u64::from(file.size),
    };
    run(ctx, CourseCommand::Import(upload)).await
}

/// This server's own items as a file that imports again.
#[poise::command(slash_command, rename = "export", user_cooldown = 2)]
pub async fn course_export(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, CourseCommand::Export).await
}

/// List or search this server's own items.
#[poise::command(slash_command, rename = "items")]
pub async fn course_items(
    ctx: Context<'_>,
    #[max_length = 100] search: Option<String>,
) -> Result<(), Error> {
    run(ctx, CourseCommand::Items { search }).await
}

/// Delete one of this server's own items (after a confirmation).
#[poise::command(slash_command, rename = "delete")]
pub async fn course_delete(
    ctx: Context<'_>,
    #[autocomplete = "own_items"]
    #[max_length = 100]
    item: String,
) -> Result<(), Error> {
    run(ctx, CourseCommand::Delete { item }).await
}

/// How this server's own items are marked for the class.
#[poise::command(slash_command, rename = "label")]
pub async fn course_label(
    ctx: Context<'_>,
    #[max_length = 100] text: Option<String>,
) -> Result<(), Error> {
    run(ctx, CourseCommand::Label { text }).await
}

/// The server's own items whose id or words hold what the teacher typed.
async fn own_items(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let s = &ctx.data().services;
    let lang = s.core.lang_for(ctx.locale());
    let guild = ctx.guild_id().map_or(0, |g| g.get());
    let choices = course::items::suggestions(s, (guild, None), partial, lang)
        .await
        .into_iter()
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
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
