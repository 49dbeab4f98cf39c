//! What every command handler shares: how its answer is sent ([`Plan`]), [`hand`], which runs
//! the feature's work and sends its outcome, and the autocomplete of names.

use std::future::Future;
use std::sync::atomic::Ordering;

use poise::serenity_prelude as serenity;

use crate::course::model::ItemKind;
use crate::discord::send::{self, Kind, Target};
use crate::discord::{Context, Error, cooldown, invocation};
use crate::interaction::{Invocation, Outcome};
use crate::reply::Accent;
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
    let inv = crate::language::apply(&services, inv).await;
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
    // A refusal (a notice: a typo, a bad time, a missing right) costs nothing and gives the
    // member's cooldown back, so that they may correct it at once: given back as soon as the
    // feature answers, before the answer is sent.
    let (refused, noted) = tokio::sync::oneshot::channel::<()>();
    let asked = work(services, inv);
    let work = async move {
        let outcome = asked.await;
        if matches!(&outcome, Ok(Outcome::Reply(r)) if r.accent == Accent::Error && r.buttons.is_empty())
        {
            let _ = refused.send(());
        }
        outcome
    };
    let give_back = async {
        if noted.await.is_ok() {
            cooldown::give_back(ctx);
        }
    };
    let (sent, ()) = tokio::join!(send::answer(target, plan.slow, work), give_back);
    if let Err(e) = sent {
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

/// `/help command:`'s choices: every command and subcommand whose name in the member's
/// language holds what they typed, with its description.
pub(super) async fn commands(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let lang = ctx.data().services.core.lang_for(ctx.locale());
    let choices = crate::catalog::help::suggestions(partial, lang)
        .into_iter()
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
/// The pack's motions, then the server's own (as `own:id`), whose words hold what was typed.
pub(super) async fn motions(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let s = &ctx.data().services;
    let lang = s.core.lang_for(ctx.locale());
    let mut choices: Vec<(String, String)> =
        s.core
            .index
            .autocomplete(search::Kind::Motion, partial, lang);
    if let Some(guild) = ctx.guild_id() {
        let own = crate::course::items::suggestions(
            s,
            (guild.get(), Some(ItemKind::Motion)),
            partial,
            lang,
        )
        .await;
        let motions = own.into_iter().filter_map(|(name, value)| {
            let id = value.strip_prefix("motion:")?;
            Some((name, crate::pack::course::own_id(id)))
        });
        choices.extend(motions);
    }
    let choices = choices
        .into_iter()
        .filter(|(name, value)| !name.trim().is_empty() && !value.is_empty())
        .take(25)
        .map(|(name, value)| serenity::AutocompleteChoice::new(name, value))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
pub(super) async fn sections(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Section, partial).await
}
