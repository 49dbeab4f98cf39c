//! Errors answered to the member in one place: their own mistakes and cooldowns get a polite,
//! localized, private notice; internal errors and panics are logged and answered generically,
//! whether they happen in a command, a click or a modal, before or after a deferral.

use poise::serenity_prelude as serenity;

use super::cooldown::Cooling;
use super::{Context, Data, Error};
use crate::i18n::{t, tr};
use crate::interaction::Outcome;
use crate::pack::Lang;
use crate::reply::Reply;

/// A feature failed or panicked: logged, and answered with the generic notice.
pub fn failed(lang: Lang, what: &str, detail: &str) -> Outcome {
    tracing::error!(what, error = detail, "an interaction failed");
    Outcome::Reply(Reply::notice(t(lang, "error-internal")))
}

async fn notice(ctx: Context<'_>, text: String) {
    let reply = poise::CreateReply::default()
        .content(crate::text::truncate(&text, crate::render::limits::CONTENT))
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    if let Err(e) = ctx.send(reply).await {
        tracing::warn!(error = %e, "could not send an error notice");
    }
}

/// What poise reports before or around a command: cooldowns, options it cannot read, and
/// errors of the few commands that answer through poise itself.
pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    // An autocomplete is answered whatever went wrong: with no suggestions.
    if let Some(poise::Context::Application(actx)) = error.ctx()
        && actx.interaction_type == poise::CommandInteractionType::Autocomplete
    {
        tracing::warn!(command = %actx.command().qualified_name, error = %error, "an autocomplete failed");
        let empty = serenity::CreateInteractionResponse::Autocomplete(
            serenity::CreateAutocompleteResponse::new(),
        );
        if let Err(e) = actx
            .interaction
            .create_response(actx.serenity_context(), empty)
            .await
        {
            tracing::warn!(error = %e, "could not answer an autocomplete");
        }
        return;
    }
    match error {
        poise::FrameworkError::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } if error.is::<Cooling>() => {
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let left = error
                .downcast_ref::<Cooling>()
                .map(|c| c.0)
                .unwrap_or_default();
            let seconds = left.as_secs().max(1) as usize;
            let text = tr(lang, "error-cooldown", &[("seconds", &seconds)]);
            notice(ctx, text).await;
        }
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, error = %error, "command failed");
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let text = t(lang, "error-internal");
            notice(ctx, text).await;
        }
        poise::FrameworkError::CommandPanic { payload, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, panic = ?payload, "command panicked");
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let text = t(lang, "error-internal");
            notice(ctx, text).await;
        }
        poise::FrameworkError::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => {
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let seconds = remaining_cooldown.as_secs().max(1) as usize;
            let text = tr(lang, "error-cooldown", &[("seconds", &seconds)]);
            notice(ctx, text).await;
        }
        poise::FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, error = %error, "unreadable options");
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let text = t(lang, "error-bad-input");
            notice(ctx, text).await;
        }
        // What poise reports for an option of the wrong type or out of its type's range (an
        // integer above 2^32 for a u32, a choice this version does not have): a client with an
        // older version of the command, or a forged interaction.
        poise::FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::info!(command = %ctx.command().qualified_name, description, "options that do not fit the command");
            let ctx = poise::Context::Application(ctx);
            let lang = ctx.data().services.core.lang_for(ctx.locale());
            let text = t(lang, "error-bad-input");
            notice(ctx, text).await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "could not handle a framework error");
            }
        }
    }
}
