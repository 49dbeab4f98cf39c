//! Button clicks and menu choices: navigation answered by the core (visible to the clicker
//! only), and the delete button, which works for the member who asked and nobody else.

use futures::FutureExt;
use poise::serenity_prelude as serenity;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::{Data, Error};
use crate::answers;
use crate::i18n::t;
use crate::render;
use crate::reply::Reply;

pub async fn on_event(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    if let serenity::FullEvent::InteractionCreate {
        interaction: serenity::Interaction::Modal(modal),
    } = event
        && let Some(id) = modal.data.custom_id.strip_prefix("aura:sugg-reason:")
        && let Err(e) = super::daily::on_reason(ctx, modal, data, id).await
    {
        tracing::error!(error = %e, "a suggestion's reason could not be handled");
    }
    if let serenity::FullEvent::InteractionCreate {
        interaction: serenity::Interaction::Component(click),
    } = event
    {
        // A failing or panicking handler is logged, and the member still gets an answer.
        let outcome = std::panic::AssertUnwindSafe(on_click(ctx, click, data))
            .catch_unwind()
            .await;
        let failed = match outcome {
            Ok(Ok(())) => false,
            Ok(Err(e)) => {
                tracing::error!(custom_id = %click.data.custom_id, error = %e, "button failed");
                true
            }
            Err(panic) => {
                tracing::error!(custom_id = %click.data.custom_id, panic = ?panic, "button handler panicked");
                true
            }
        };
        if failed {
            let lang = data.core.lang_for(Some(click.locale.as_str()));
            let reply = Reply::notice(t(lang, "error-internal"));
            let body = render::interaction_response(&reply, render::CHANNEL_MESSAGE);
            let _ = send(ctx, click, body).await;
        }
    }
    Ok(())
}

/// Sends an interaction response body for a click.
pub(super) async fn send(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    body: serde_json::Value,
) -> Result<(), Error> {
    ctx.http
        .create_interaction_response(click.id, &click.token, &body, vec![])
        .await?;
    Ok(())
}

async fn on_click(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
    let core = &data.core;
    let lang = core.lang_for(Some(click.locale.as_str()));
    let id = click.data.custom_id.as_str();
    if let Some(rest) = id.strip_prefix("aura:quiz:") {
        return super::quiz::on_answer(ctx, click, data, rest).await;
    }
    if let Some(rest) = id.strip_prefix("aura:quiz-hint:") {
        return super::quiz::on_hint(ctx, click, data, rest).await;
    }
    if let Some(rest) = id.strip_prefix("aura:quiz-reset:") {
        return super::quiz::on_reset(ctx, click, data, rest).await;
    }
    if let Some(role) = id.strip_prefix("aura:daily-role:") {
        return super::daily::on_role(ctx, click, data, role).await;
    }
    if let Some(rest) = id.strip_prefix("aura:sugg-approve:") {
        return super::daily::on_decision(ctx, click, data, true, rest).await;
    }
    if let Some(rest) = id.strip_prefix("aura:sugg-deny:") {
        return super::daily::on_decision(ctx, click, data, false, rest).await;
    }
    if let Some(rest) = id.strip_prefix("aura:vote:") {
        return super::debates::on_vote(ctx, click, data, rest).await;
    }
    if let Some(debate) = id.strip_prefix("aura:close:") {
        return super::debates::on_close(ctx, click, data, debate).await;
    }
    if let Some(owner) = id.strip_prefix("aura:delete:") {
        if owner == click.user.id.get().to_string() {
            send(ctx, click, serde_json::json!({ "type": 6 })).await?;
            ctx.http
                .delete_original_interaction_response(&click.token)
                .await?;
        } else {
            let reply = Reply::notice(t(lang, "error-not-yours"));
            send(
                ctx,
                click,
                render::interaction_response(&reply, render::CHANNEL_MESSAGE),
            )
            .await?;
        }
        return Ok(());
    }
    let value = match &click.data.kind {
        serenity::ComponentInteractionDataKind::StringSelect { values } => values.first().cloned(),
        _ => None,
    };
    let reply = {
        let mut rng = StdRng::from_entropy();
        answers::component(core, lang, id, value.as_deref(), &mut rng)
    };
    let mut reply = reply.unwrap_or_else(|| Reply::notice(t(lang, "error-stale-button")));
    // Navigation is shown to the clicker alone, so nobody's click changes the channel.
    reply.ephemeral = true;
    send(
        ctx,
        click,
        render::interaction_response(&reply, render::CHANNEL_MESSAGE),
    )
    .await
}
