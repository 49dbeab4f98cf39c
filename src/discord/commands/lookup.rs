//! The study commands (`/quote`, `/concept`, `/section`, `/search`, `/thinker`,
//! `/essay`, `/help`): poise functions handing their options to the core.

use super::kit::{Plan, commands, concepts, hand, sections, thinkers};
use crate::catalog::{self, Request};
use crate::discord::{Context, Error};
use crate::interaction::Outcome;
use crate::lookup;

/// Answers a lookup command through the core (a public reply gets the asker's delete button).
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
        Ok(Outcome::Reply(lookup::for_member(
            &s.core, inv.lang, inv.user, &request,
        )))
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
