//! The slash commands as thin poise functions, one module per command group: typed options in,
//! the feature's function called, its outcome sent. Names and descriptions in both languages
//! come from the catalog and the Fluent files.

mod daily;
mod debate;
mod lookup;
mod privacy;
mod quiz;

use std::future::Future;
use std::sync::atomic::Ordering;

use poise::serenity_prelude as serenity;

use super::send::{self, Kind, Target};
use super::{Context, Data, Error, invocation};
use crate::answers::catalog;
use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
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

async fn suggest(
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

async fn concepts(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Concept, partial).await
}
async fn thinkers(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Thinker, partial).await
}
async fn motions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Motion, partial).await
}
async fn sections(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, search::Kind::Section, partial).await
}

/// Every command, without localizations.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        lookup::quote(),
        lookup::concept(),
        debate::debate(),
        lookup::section(),
        lookup::search(),
        lookup::thinker(),
        lookup::essay(),
        quiz::quiz(),
        daily::daily(),
        privacy::privacy(),
        privacy::audit(),
        lookup::help(),
    ]
}

/// Every command with its Indonesian name and both languages' descriptions, from the catalog
/// and the Fluent files. English is the default; `id` is Discord's Indonesian locale.
pub fn localized() -> Vec<poise::Command<Data, Error>> {
    let mut commands = all();
    for command in &mut commands {
        if let Some(spec) = catalog::command(&command.name) {
            localize(command, spec);
        }
    }
    commands
}

fn localize(command: &mut poise::Command<Data, Error>, spec: &catalog::CommandSpec) {
    command.description = Some(t(Lang::En, spec.desc).into());
    command
        .name_localizations
        .to_mut()
        .push(("id".into(), spec.name_id.into()));
    command
        .description_localizations
        .to_mut()
        .push(("id".into(), t(Lang::Id, spec.desc).into()));
    for parameter in &mut command.parameters {
        let Some(opt) = spec.option(&parameter.name) else {
            continue;
        };
        parameter.description = Some(t(Lang::En, opt.desc).into());
        parameter
            .name_localizations
            .to_mut()
            .push(("id".into(), opt.name_id.into()));
        parameter
            .description_localizations
            .to_mut()
            .push(("id".into(), t(Lang::Id, opt.desc).into()));
    }
    for sub in &mut command.subcommands {
        if let Some(sub_spec) = spec.subcommand(&sub.name) {
            localize(sub, sub_spec);
        }
    }
}
