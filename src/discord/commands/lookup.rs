//! The study commands (`/quote`, `/concept`, `/section`, `/search`, `/thinker`,
//! `/essay`, `/help`) and the server's rules for them (`/lookups`): poise functions handing
//! their options to the core.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, commands, concepts, hand, sections, thinkers};
use super::pick::Pick;
use crate::catalog::{self, Request};
use crate::discord::{Context, Error};
use crate::interaction::Outcome;
use crate::lookup;
use crate::lookup::settings::{Answers, LookupsCommand};

/// Answers a lookup command through the core, under the server's rules for them (a public
/// reply gets the asker's delete button).
async fn lookup(
    ctx: Context<'_>,
    name: &'static str,
    options: Vec<(&'static str, Option<String>)>,
) -> Result<(), Error> {
    hand(ctx, Plan::PUBLIC, move |s, inv| async move {
        let command = catalog::command(name)
            .ok_or_else(|| anyhow::anyhow!("command {name} is not in the catalog"))?;
        let request = Request {
            group: None,
            command,
            options: options
                .into_iter()
                .filter_map(|(n, v)| v.map(|v| (n, v)))
                .collect(),
        };
        Ok(Outcome::Reply(
            lookup::serve::answer(&s, &inv, &request).await?,
        ))
    })
    .await
}

/// A verified quotation from the essay or its critics.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn quote(
    ctx: Context<'_>,
    #[autocomplete = "concepts"]
    #[max_length = 100]
    topic: Option<String>,
    #[autocomplete = "thinkers"]
    #[max_length = 100]
    speaker: Option<String>,
) -> Result<(), Error> {
    lookup(ctx, "quote", vec![("topic", topic), ("speaker", speaker)]).await
}

/// A concept card.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn concept(
    ctx: Context<'_>,
    #[autocomplete = "concepts"]
    #[max_length = 100]
    name: String,
) -> Result<(), Error> {
    lookup(ctx, "concept", vec![("name", Some(name))]).await
}

/// One section of the essay.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn section(
    ctx: Context<'_>,
    #[autocomplete = "sections"]
    #[max_length = 100]
    number: String,
) -> Result<(), Error> {
    lookup(ctx, "section", vec![("number", Some(number))]).await
}

/// Search the study pack.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn search(ctx: Context<'_>, #[max_length = 300] query: String) -> Result<(), Error> {
    lookup(ctx, "search", vec![("query", Some(query))]).await
}

/// Who someone is, and what they have to do with the essay.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn thinker(
    ctx: Context<'_>,
    #[autocomplete = "thinkers"]
    #[max_length = 100]
    name: String,
) -> Result<(), Error> {
    lookup(ctx, "thinker", vec![("name", Some(name))]).await
}

/// The essay: titles, versions, history, structure.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn essay(ctx: Context<'_>) -> Result<(), Error> {
    lookup(ctx, "essay", vec![]).await
}

/// What Aura can do; one command explained.
#[poise::command(slash_command)]
pub async fn help(
    ctx: Context<'_>,
    #[autocomplete = "commands"]
    #[max_length = 100]
    command: Option<String>,
) -> Result<(), Error> {
    lookup(ctx, "help", vec![("command", command)]).await
}

// Discord applies the group's permission to its subcommands.
/// How the study commands answer in this server (staff).
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands("lookups_settings", "lookups_channel")
)]
pub async fn lookups(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn set(ctx: Context<'_>, cmd: LookupsCommand) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        lookup::settings::command(&s, &inv, cmd).await
    })
    .await
}

/// Cooldowns, repeats and public or private answers for the study commands.
#[poise::command(slash_command, rename = "settings")]
pub async fn lookups_settings(
    ctx: Context<'_>,
    #[min = 0]
    #[max = 3600]
    channel_cooldown: Option<u32>,
    #[min = 0]
    #[max = 3600]
    server_cooldown: Option<u32>,
    #[min = 0]
    #[max = 1440]
    repeat_minutes: Option<u32>,
    answers: Option<Pick<Answers>>,
) -> Result<(), Error> {
    let cmd = LookupsCommand::Settings {
        channel_cooldown,
        server_cooldown,
        repeat_minutes,
        answers: answers.map(Pick::get),
    };
    set(ctx, cmd).await
}

/// Make the study commands answer publicly or only privately in one channel.
#[poise::command(slash_command, rename = "channel")]
pub async fn lookups_channel(
    ctx: Context<'_>,
    #[channel_types("Text", "PublicThread", "PrivateThread", "News", "Forum")]
    channel: serenity::ChannelId,
    answers: Pick<Answers>,
) -> Result<(), Error> {
    let (channel, answers) = (channel.get(), answers.get());
    set(ctx, LookupsCommand::Channel { channel, answers }).await
}
