//! The Discord adapter, the only module that imports serenity or poise: it connects,
//! registers the slash commands ([`commands`]), builds each interaction's plain
//! [`Invocation`](crate::interaction::Invocation) ([`invocation`]), routes clicks and modal
//! submits ([`interactions`]), sends what the features answer ([`send`]) and answers every
//! failure in one place ([`errors`]).

mod commands;
mod cooldowns;
mod errors;
mod interactions;
mod invocation;
mod send;

use std::fmt;

use poise::serenity_prelude as serenity;
use tokio::sync::{oneshot, watch};

use crate::outbox::Rest;
use crate::services::Services;

pub use commands::{all as commands, localized as localized_commands};

/// What every handler can reach: the features' services.
pub struct Data {
    pub services: Services,
}

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// The bot token. Its `Debug` and `Display` never show it.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    pub fn new(token: impl Into<String>) -> Token {
        Token(token.into().trim().to_string())
    }
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Where and how to connect.
#[derive(Debug, Clone)]
pub struct Connection {
    pub token: Token,
    /// The base of every REST call; `None` for Discord itself. With a proxy, serenity's own
    /// rate limiter is off (it would bypass the proxy), so the proxy owns rate limiting.
    pub api_url: Option<String>,
    /// Register the commands at start-up: globally, or in one guild.
    pub register: Option<Registration>,
}

impl Connection {
    /// Aura's own REST client for calls outside an interaction's answer.
    pub fn rest(&self) -> Rest {
        Rest::new(self.api_url.as_deref(), Some(self.token.expose()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    Global,
    Guild(u64),
}

fn http(conn: &Connection) -> serenity::Http {
    let mut builder = serenity::HttpBuilder::new(conn.token.expose());
    if let Some(url) = &conn.api_url {
        builder = builder
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    builder.build()
}

/// Registers every command (one bulk overwrite, so running it twice changes nothing).
pub async fn register(conn: &Connection, target: Registration) -> Result<usize, Error> {
    let http = http(conn);
    let app = http.get_current_application_info().await?;
    http.set_application_id(app.id);
    let commands = poise::builtins::create_application_commands(&localized_commands());
    let n = commands.len();
    match target {
        Registration::Global => {
            http.create_global_commands(&commands).await?;
        }
        Registration::Guild(id) => {
            http.create_guild_commands(serenity::GuildId::new(id), &commands)
                .await?;
        }
    }
    Ok(n)
}

/// Connects and serves until the gateway closes or `close` turns true. `ready` hears once
/// Discord's READY has arrived and the commands are registered.
pub async fn run(
    services: Services,
    rest: Rest,
    conn: Connection,
    mut close: watch::Receiver<bool>,
    ready: oneshot::Sender<()>,
) -> Result<(), Error> {
    let register = conn.register;
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: localized_commands(),
            on_error: |err| Box::pin(errors::on_error(err)),
            event_handler: |framework, event| {
                cooldowns::prune_now_and_then(&framework.options.commands, cooldowns::PRUNE_EVERY);
                Box::pin(interactions::on_event(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            ..Default::default()
        })
        .setup(move |ctx, on_ready, framework| {
            Box::pin(async move {
                tracing::info!(bot = %on_ready.user.name, "connected to Discord");
                let commands = &framework.options().commands;
                match register {
                    Some(Registration::Global) => {
                        poise::builtins::register_globally(ctx, commands).await?;
                    }
                    Some(Registration::Guild(id)) => {
                        let guild = serenity::GuildId::new(id);
                        poise::builtins::register_in_guild(ctx, commands, guild).await?;
                    }
                    None => {}
                }
                rest.set_application_id(on_ready.application.id.get());
                let _ = ready.send(());
                Ok(Data { services })
            })
        })
        .build();
    let mut client =
        serenity::ClientBuilder::new_with_http(http(&conn), serenity::GatewayIntents::GUILDS)
            .framework(framework)
            .await?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        while !*close.borrow() {
            if close.changed().await.is_err() {
                break;
            }
        }
        shards.shutdown_all().await;
    });
    client.start().await?;
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
        };
        let shown = format!("{conn:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("redacted"));
    }
}
