//! What every command handler shares: how its answer is sent ([`Plan`]), [`hand`], which runs
//! the feature's work and sends its outcome, and the autocomplete of names.

use std::future::Future;
use std::sync::atomic::Ordering;

use poise::serenity_prelude as serenity;

use crate::discord::send::{self, Kind, Target};
use crate::discord::{Context, Error, invocation};
use crate::interaction::{Invocation, Outcome};
use crate::search;
use crate::services::{self, Services};

/// How a command's answer is sent: private or public, deferred at once or only when slow.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub private: bool,
    pub slow: bool,
}

impl Plan {
    pub const PUBLIC: Plan = Plan {
        private: false,
        slow: false,
    };
    pub const PRIVATE: Plan = Plan {
        private: true,
        slow: false,
    };
}

/// Hands a command to its feature: the invocation is built once, `work` runs with it, and its
/// outcome is sent (every failure answered through the one error path).
pub async fn hand<F, Fut>(ctx: Context<'_>, plan: Plan, work: F) -> Result<(), Error>
where
    F: FnOnce(Services, Invocation) -> Fut,
    Fut: Future<Output = Result<Outcome, services::Error>> + Send + 'static,
{
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let interaction = actx.interaction;
    let services = ctx.data().services.clone();
    let inv = invocation::of_command(interaction, &services.core);
    let what = ctx.command().qualified_name.clone();
    let target = Target {
        http: ctx.http(),
        id: interaction.id,
        token: &interaction.token,
        kind: Kind::Command {
            private: plan.private,
        },
        lang: inv.lang,
        what: &what,
    };
    actx.has_sent_initial_response.store(true, Ordering::SeqCst);
    if let Err(e) = send::answer(target, plan.slow, work(services, inv)).await {
        tracing::warn!(command = %what, error = %e, "could not answer a command");
    }
    Ok(())
}

pub(super) async fn suggest(
    ctx: Context<'_>,
    kind: search::Kind,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let core = &ctx.data().services.core;
    let lang = core.lang_for(ctx.locale());
    let choices = core
        .index
        .autocomplete(kind, partial, lang)
        .into_iter()
        .filter(|(name, value)| !name.trim().is_empty() && !value.is_empty())
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

pub(super) async fn concepts(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Concept, partial).await
}
pub(super) async fn thinkers(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Thinker, partial).await
}
pub(super) async fn motions(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Motion, partial).await
}
pub(super) async fn sections(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Section, partial).await
}
