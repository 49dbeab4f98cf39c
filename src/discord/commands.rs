//! The slash commands, as poise functions that hand their options to the core, and their
//! names and descriptions in both languages from the catalog and the Fluent files.

use std::sync::atomic::Ordering;

use poise::serenity_prelude as serenity;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::{Context, Data, Error};
use crate::answers::{self, Request, catalog};
use crate::i18n::t;
use crate::pack::Lang;
use crate::render;
use crate::reply::{Button, ButtonStyle};
use crate::search::Kind;

/// Answers a command through the core and sends the rendered body as the interaction response.
async fn respond(
    ctx: Context<'_>,
    name: &str,
    options: Vec<(&'static str, Option<String>)>,
) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    let Some(command) = catalog::command(name) else {
        return Err(format!("command {name} is not in the catalog").into());
    };
    let request = Request {
        group: None,
        command,
        options: options
            .into_iter()
            .filter_map(|(n, v)| v.map(|v| (n, v)))
            .collect(),
    };
    let core = &ctx.data().core;
    let interaction = actx.interaction;
    let lang = core.lang_for(Some(interaction.locale.as_str()));
    let body = {
        let mut rng = StdRng::from_entropy();
        let mut reply = answers::answer(core, lang, &request, &mut rng);
        if !reply.ephemeral {
            reply
                .buttons
                .push(delete_button(lang, interaction.user.id.get()));
        }
        render::interaction_response(&reply, render::CHANNEL_MESSAGE)
    };
    ctx.http()
        .create_interaction_response(interaction.id, &interaction.token, &body, vec![])
        .await?;
    actx.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}

/// The button that lets the member who asked, and only them, delete the reply.
pub fn delete_button(lang: Lang, user: u64) -> Button {
    Button {
        id: format!("aura:delete:{user}"),
        label: t(lang, "button-delete"),
        style: ButtonStyle::Danger,
    }
}

async fn suggest(
    ctx: Context<'_>,
    kind: Kind,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let core = &ctx.data().core;
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
    suggest(ctx, Kind::Concept, partial).await
}
async fn thinkers(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Kind::Thinker, partial).await
}
async fn motions(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Kind::Motion, partial).await
}
pub(super) async fn sections(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Kind::Section, partial).await
}

/// A verified quotation from the essay or its critics.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn quote(
    ctx: Context<'_>,
    #[autocomplete = "concepts"] topic: Option<String>,
    #[autocomplete = "thinkers"] speaker: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "quote", vec![("topic", topic), ("speaker", speaker)]).await
}

/// A concept card.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn concept(
    ctx: Context<'_>,
    #[autocomplete = "concepts"] name: String,
) -> Result<(), Error> {
    respond(ctx, "concept", vec![("name", Some(name))]).await
}

/// A Benjamin-against-Adorno debate motion.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn debate(
    ctx: Context<'_>,
    #[autocomplete = "motions"] motion: Option<String>,
) -> Result<(), Error> {
    let poise::Context::Application(actx) = ctx else {
        return Ok(());
    };
    super::debates::start(ctx.serenity_context(), actx.interaction, ctx.data(), motion).await?;
    actx.has_sent_initial_response.store(true, Ordering::SeqCst);
    Ok(())
}

/// One section of the essay.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn section(
    ctx: Context<'_>,
    #[autocomplete = "sections"] number: String,
) -> Result<(), Error> {
    respond(ctx, "section", vec![("number", Some(number))]).await
}

/// Search the study pack.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn search(ctx: Context<'_>, #[max_length = 100] query: String) -> Result<(), Error> {
    respond(ctx, "search", vec![("query", Some(query))]).await
}

/// Who someone is, and what they have to do with the essay.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn thinker(
    ctx: Context<'_>,
    #[autocomplete = "thinkers"] name: String,
) -> Result<(), Error> {
    respond(ctx, "thinker", vec![("name", Some(name))]).await
}

/// The essay: titles, versions, history, structure.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn essay(ctx: Context<'_>) -> Result<(), Error> {
    respond(ctx, "essay", vec![]).await
}

/// What Aura can do.
#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    respond(ctx, "help", vec![]).await
}

/// Every command, without localizations.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        quote(),
        concept(),
        debate(),
        section(),
        search(),
        thinker(),
        essay(),
        super::quiz::quiz(),
        super::daily::daily(),
        help(),
    ]
}

/// Every command with its Indonesian name and both languages' descriptions, from the catalog
/// and the Fluent files. English is the default; `id` is Discord's Indonesian locale.
pub fn localized_commands() -> Vec<poise::Command<Data, Error>> {
    let mut commands = all();
    for command in &mut commands {
        let Some(spec) = catalog::command(&command.name) else {
            continue;
        };
        localize(command, spec);
    }
    commands
}

fn localize(command: &mut poise::Command<Data, Error>, spec: &catalog::CommandSpec) {
    {
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
}
