//! Answering interactions, shared by the command groups: a reply sent as the interaction's
//! response, a private confirmation, and the glue from a poise subcommand to its group's
//! handler.

use poise::serenity_prelude as serenity;

use super::{Context, Error};
use crate::render;
use crate::reply::Reply;

/// A subcommand's options by English name, as text.
pub type Options = Vec<(&'static str, Option<String>)>;

/// Answers a command with a reply (ephemeral or not, as the reply says).
pub async fn answer(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    reply: &Reply,
) -> Result<(), Error> {
    let body = render::interaction_response(reply, render::CHANNEL_MESSAGE);
    ctx.http
        .create_interaction_response(interaction.id, &interaction.token, &body, vec![])
        .await?;
    Ok(())
}

/// Answers a button click with a reply: a new message (`render::CHANNEL_MESSAGE`, private when
/// the reply says so) or the clicked message replaced (`render::UPDATE_MESSAGE`).
pub async fn to_click(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    reply: &Reply,
    kind: u8,
) -> Result<(), Error> {
    super::components::send(ctx, click, render::interaction_response(reply, kind)).await
}

/// A confirmation only the member who asked sees.
pub fn private(text: String) -> Reply {
    Reply {
        text,
        ephemeral: true,
        ..Reply::default()
    }
}

/// A poise choice as the catalog's option text (`Teacher` → `teacher`).
pub fn choice<T: std::fmt::Debug>(choice: Option<T>) -> Option<String> {
    choice.map(|c| format!("{c:?}").to_lowercase())
}

/// Hands a poise subcommand of `group` (`quiz`, `daily`) to that group's handler, which sends
/// the interaction's response itself.
pub async fn subcommand(
    ctx: Context<'_>,
    group: &str,
    sub: &str,
    options: Options,
) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let (serenity_ctx, interaction, data) = (ctx.serenity_context(), actx.interaction, ctx.data());
    match group {
        "quiz" => super::quiz::command(serenity_ctx, interaction, data, sub, options).await?,
        _ => super::daily::command(serenity_ctx, interaction, data, sub, options).await?,
    }
    actx.has_sent_initial_response
        .store(true, std::sync::atomic::Ordering::SeqCst);
    Ok(())
}
