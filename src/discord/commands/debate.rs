//! `/debate`: thin poise functions that type their options and hand them to the debate
//! feature (`debate::votes` for quick votes, `debate::class` for class debates,
//! `debate::history`).

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand, motions};
use super::pick::Pick;
use crate::debate::class::{Command, SidesMode, flow};
use crate::debate::{Format, history, votes};
use crate::discord::{Context, Error};
use crate::pack::Lang;

/// A member as a debate names them: their id and the name Discord shows.
fn member(user: &serenity::User) -> (u64, String) {
    let name = user
        .global_name
        .clone()
        .unwrap_or_else(|| user.name.clone());
    (user.id.get(), crate::text::truncate(name.trim(), 64))
}

async fn class(ctx: Context<'_>, plan: Plan, cmd: Command) -> Result<(), Error> {
    hand(ctx, plan, move |s, inv| async move {
        flow::command(&s, &inv, cmd).await
    })
    .await
}

/// Debates on the essay: Benjamin against Adorno.
#[poise::command(
    slash_command,
    subcommands(
        "debate_start",
        "debate_next",
        "debate_pause",
        "debate_resume",
        "debate_extend",
        "debate_speaker",
        "debate_end",
        "debate_arguments",
        "debate_summary",
        "debate_export",
        "debate_history",
        "debate_settings"
    )
)]
pub async fn debate(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Start a debate: a quick vote on a motion, or a class debate with speeches.
#[poise::command(slash_command, rename = "start", user_cooldown = 2)]
pub async fn debate_start(
    ctx: Context<'_>,
    #[autocomplete = "motions"]
    #[max_length = 100]
    motion: Option<String>,
    format: Option<Pick<Format>>,
    #[max_length = 20] speech: Option<String>,
    sides: Option<Pick<SidesMode>>,
    bilingual: Option<bool>,
    language: Option<Pick<Lang>>,
) -> Result<(), Error> {
    let language = language.map(Pick::get);
    match format.map_or(Format::Quick, Pick::get) {
        Format::Quick => {
            hand(ctx, Plan::PRIVATE, move |s, inv| async move {
                votes::start(&s, &inv, motion.as_deref(), (language, bilingual)).await
            })
            .await
        }
        Format::Class => {
            let args = flow::Start {
                motion,
                speech,
                sides: sides.map(Pick::get),
                language,
                bilingual,
            };
            // The card, the thread and the control message take a few calls: deferred at once.
            let plan = Plan {
                private: true,
                slow: true,
            };
            hand(ctx, plan, move |s, inv| async move {
                flow::start(&s, &inv, args).await
            })
            .await
        }
    }
}

/// Move the class debate on: the vote, the next speech, the result.
#[poise::command(slash_command, rename = "next", guild_only)]
pub async fn debate_next(ctx: Context<'_>, speaker: Option<serenity::User>) -> Result<(), Error> {
    let speaker = speaker.as_ref().map(member);
    class(ctx, Plan::PRIVATE, Command::Next { speaker }).await
}

/// Pause the speech's clock.
#[poise::command(slash_command, rename = "pause", guild_only)]
pub async fn debate_pause(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::Pause).await
}

/// Resume the speech's clock.
#[poise::command(slash_command, rename = "resume", guild_only)]
pub async fn debate_resume(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::Resume).await
}

/// Give the speech one more minute.
#[poise::command(slash_command, rename = "extend", guild_only)]
pub async fn debate_extend(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::Extend).await
}

/// Name the speaker of the current speech.
#[poise::command(slash_command, rename = "speaker", guild_only)]
pub async fn debate_speaker(ctx: Context<'_>, member: serenity::User) -> Result<(), Error> {
    let member = self::member(&member);
    class(ctx, Plan::PRIVATE, Command::Speaker { member }).await
}

/// End the class debate now, with its result and summary.
#[poise::command(slash_command, rename = "end", guild_only)]
pub async fn debate_end(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::End).await
}

/// The debate's argument tree so far.
#[poise::command(slash_command, rename = "arguments", guild_only, user_cooldown = 2)]
pub async fn debate_arguments(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::Arguments).await
}

/// Post the debate's summary again.
#[poise::command(slash_command, rename = "summary", guild_only, user_cooldown = 5)]
pub async fn debate_summary(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PUBLIC, Command::Summary).await
}

/// The debate as a Markdown file.
#[poise::command(slash_command, rename = "export", guild_only, user_cooldown = 5)]
pub async fn debate_export(ctx: Context<'_>) -> Result<(), Error> {
    class(ctx, Plan::PRIVATE, Command::Export).await
}

/// This channel's past debates.
#[poise::command(slash_command, rename = "history", guild_only, user_cooldown = 2)]
pub async fn debate_history(ctx: Context<'_>) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        history::list(&s, &inv, 0, false).await
    })
    .await
}

/// Server settings for debates (Manage Server): ping speakers when they are named.
#[poise::command(slash_command, rename = "settings", guild_only)]
pub async fn debate_settings(ctx: Context<'_>, pings: bool) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        flow::settings(&s, &inv, pings).await
    })
    .await
}
