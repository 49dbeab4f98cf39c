//! The Discord adapter, the only module that imports serenity or poise: it connects,
//! registers the slash commands ([`commands`]), builds each interaction's plain
//! [`Invocation`](crate::interaction::Invocation) ([`invocation`]), routes clicks and modal
//! submits ([`interactions`]), sends what the features answer ([`send`]) and answers every
//! failure in one place ([`errors`]).

mod commands;
mod connect;
mod context;
mod cooldown;
mod errors;
mod interactions;
mod invocation;
mod send;
mod status;

use poise::serenity_prelude as serenity;
use tokio::sync::{oneshot, watch};

use crate::outbox::Rest;
use crate::services::Services;
use crate::shard::Shards;

pub use commands::{all as commands, localized as localized_commands};
pub use connect::StartupError;
pub use context::{Connection, Context, Data, Error, Patience, Registration, Token};

/// Registers every command (one bulk overwrite, so running it twice changes nothing), trying
/// again on a rate limit or a server error.
pub async fn register(conn: &Connection, target: Registration) -> Result<usize, Error> {
    let http = connect::http(conn);
    let (_keep, mut never) = watch::channel(false);
    connect::register(
        &http,
        target,
        &localized_commands(),
        &conn.patience,
        &mut never,
    )
    .await
    .map(|n| n.unwrap_or(0))
}

/// Connects and serves until the gateway closes or `close` turns true. Before the gateway, the
/// token is checked (a refused token is an error; an unreachable Discord is tried again) and
/// the commands are registered if asked. `ready` hears once Discord's READY has arrived.
pub async fn run(
    services: Services,
    rest: Rest,
    conn: Connection,
    mut close: watch::Receiver<bool>,
    ready: oneshot::Sender<()>,
) -> Result<(), Error> {
    let shards_held = services.pace.shards;
    let http = connect::http(&conn);
    let Some(me) = connect::check_token(&http, &conn.patience, &mut close).await? else {
        return Ok(());
    };
    tracing::info!(bot = %me.name, "Discord accepts the token");
    let commands = localized_commands();
    if let Some(target) = conn.register {
        let done = connect::register(&http, target, &commands, &conn.patience, &mut close).await?;
        match done {
            Some(n) => tracing::info!(commands = n, ?target, "commands registered"),
            None => return Ok(()),
        }
    }
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands,
            on_error: |err| Box::pin(errors::on_error(err)),
            // Cooldowns are Aura's (see `cooldown`): poise's would drop autocompletes.
            manual_cooldowns: true,
            command_check: Some(|ctx| Box::pin(cooldown::check(ctx))),
            pre_command: |ctx| Box::pin(cooldown::start(ctx)),
            event_handler: |framework, event| {
                cooldown::prune_now_and_then(&framework.options.commands, cooldown::PRUNE_EVERY);
                status::observe(
                    framework.serenity_context,
                    event,
                    &framework.user_data.services.gateway,
                );
                Box::pin(interactions::on_event(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            ..Default::default()
        })
        .setup(move |_ctx, on_ready, _framework| {
            Box::pin(async move {
                tracing::info!(bot = %on_ready.user.name, "connected to Discord");
                rest.set_application_id(on_ready.application.id.get());
                let _ = ready.send(());
                Ok(Data { services })
            })
        })
        .build();
    let mut builder =
        serenity::ClientBuilder::new_with_http(http, serenity::GatewayIntents::GUILDS)
            .framework(framework);
    if crate::ops::metrics::enabled() {
        builder = builder.event_handler(status::RateLimits);
    }
    let mut client = builder.await?;
    let shards = client.shard_manager.clone();
    let watch = tokio::spawn(connect::watch_gateway(shards.clone()));
    tokio::spawn(async move {
        while !*close.borrow() {
            if close.changed().await.is_err() {
                break;
            }
        }
        shards.shutdown_all().await;
    });
    // Sharded across processes: only this process's shards; otherwise one shard, as ever.
    let ended = match shards_held {
        Shards::All => client.start().await,
        Shards::Range { first, last, total } => {
            tracing::info!(shards = %shards_held, "starting this process's shards");
            client.start_shard_range(first..last, total).await
        }
    };
    watch.abort();
    ended?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_never_printed() {
        let conn = Connection {
            token: Token::new("secret.token.value"),
            api_url: None,
            register: None,
            patience: Patience::default(),
        };
        let shown = format!("{conn:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("redacted"));
    }
}
