//! Errors answered to the member in one place: their own mistakes and cooldowns get a polite,
//! localized, ephemeral notice; internal errors and panics are logged and answered generically.

use poise::serenity_prelude as serenity;

use super::{Context, Data, Error};
use crate::i18n::{t, tr};

async fn notice(ctx: Context<'_>, text: String) {
    let reply = poise::CreateReply::default()
        .content(crate::text::truncate(&text, crate::render::limits::CONTENT))
        .ephemeral(true)
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    if let Err(e) = ctx.send(reply).await {
        tracing::warn!(error = %e, "could not send an error notice");
    }
}

pub async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, error = %error, "command failed");
            let lang = ctx.data().core.lang_for(ctx.locale());
            let text = t(lang, "error-internal");
            notice(ctx, text).await;
        }
        poise::FrameworkError::CommandPanic { payload, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, panic = ?payload, "command panicked");
            let lang = ctx.data().core.lang_for(ctx.locale());
            let text = t(lang, "error-internal");
            notice(ctx, text).await;
        }
        poise::FrameworkError::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => {
            let lang = ctx.data().core.lang_for(ctx.locale());
            let seconds = remaining_cooldown.as_secs().max(1) as usize;
            let text = tr(lang, "error-cooldown", &[("seconds", &seconds)]);
            notice(ctx, text).await;
        }
        poise::FrameworkError::ArgumentParse {
            error, input, ctx, ..
        } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, error = %error, "unreadable options");
            let lang = ctx.data().core.lang_for(ctx.locale());
            notice(ctx, t(lang, "error-bad-input")).await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "could not handle a framework error");
            }
        }
    }
}
