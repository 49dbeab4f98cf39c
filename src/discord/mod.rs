//! The Discord adapter: the only module that imports serenity or poise. It connects, registers
//! the slash commands, and hands every command, autocomplete and button to the core, sending
//! back exactly the body the render layer produced.

mod commands;
mod components;
mod daily;
mod debates;
mod errors;
mod quiz;
mod respond;
mod rest;

use std::fmt;
use std::sync::Arc;

use poise::serenity_prelude as serenity;

use crate::core::Core;
use crate::store::Store;

pub use commands::{all as commands, localized_commands};
pub use quiz::Tuning as QuizTuning;

/// What every handler can reach: the core (read-only), the store, Aura's own REST client and
/// the live quiz rounds.
pub struct Data {
    pub core: Arc<Core>,
    pub store: Store,
    /// How long a debate vote stays open.
    pub vote_length: std::time::Duration,
    /// How often due debate votes are closed.
    pub sweep_every: std::time::Duration,
    /// Live quiz rounds and what their drivers need.
    quiz: quiz::Deps,
    /// A fixed seed for every quiz round (tests replay rounds exactly); `None` draws one.
    pub quiz_seed: Option<u64>,
    /// How often due daily posts are looked for.
    pub daily_every: std::time::Duration,
    /// How long after its time a missed daily post is still sent; `None`: until the local
    /// day ends.
    pub daily_catch_up: Option<std::time::Duration>,
    /// The application id, known once connected (for follow-ups).
    app_id: std::sync::OnceLock<u64>,
}

impl Data {
    pub fn new(core: Arc<Core>, store: Store, conn: &Connection) -> Data {
        let rest = rest::Rest::new(conn.api_url.as_deref(), Some(conn.token.expose()));
        Data {
            quiz: quiz::Deps {
                core: core.clone(),
                store: store.clone(),
                rest,
                rooms: Arc::default(),
                tuning: quiz::Tuning::default(),
            },
            core,
            store,
            vote_length: std::time::Duration::from_secs(600),
            sweep_every: std::time::Duration::from_secs(15),
            quiz_seed: None,
            daily_every: std::time::Duration::from_secs(20),
            daily_catch_up: None,
            app_id: std::sync::OnceLock::new(),
        }
    }

    /// The application id (0 until Discord's READY arrived).
    pub fn application_id(&self) -> u64 {
        self.app_id.get().copied().unwrap_or(0)
    }

    /// Paces quiz rounds (shorter pauses in tests).
    pub fn with_quiz_tuning(mut self, tuning: QuizTuning) -> Data {
        self.quiz.tuning = tuning;
        self
    }
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
    fn expose(&self) -> &str {
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

/// Connects and serves until the gateway closes or `shutdown` resolves (SIGINT, SIGTERM).
pub async fn run(
    data: Data,
    conn: Connection,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), Error> {
    let register = conn.register;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let rest = data.quiz.rest.clone();
    let quiz = data.quiz.clone();
    let rooms = data.quiz.rooms.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: localized_commands(),
            on_error: |err| Box::pin(errors::on_error(err)),
            event_handler: |framework, event| {
                Box::pin(components::on_event(
                    framework.serenity_context,
                    event,
                    framework.user_data,
                ))
            },
            allowed_mentions: Some(serenity::CreateAllowedMentions::new()),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(bot = %ready.user.name, "connected to Discord");
                match register {
                    Some(Registration::Global) => {
                        poise::builtins::register_globally(ctx, &framework.options().commands)
                            .await?;
                    }
                    Some(Registration::Guild(id)) => {
                        poise::builtins::register_in_guild(
                            ctx,
                            &framework.options().commands,
                            serenity::GuildId::new(id),
                        )
                        .await?;
                    }
                    None => {}
                }
                let _ = data.app_id.set(ready.application.id.get());
                tokio::spawn(async move { quiz::recover(&quiz).await });
                tokio::spawn(daily::run_loop(
                    data.core.clone(),
                    data.store.clone(),
                    data.quiz.rest.clone(),
                    data.daily_every,
                    data.daily_catch_up,
                    stop_rx.clone(),
                ));
                tokio::spawn(debates::sweep(
                    ctx.http.clone(),
                    rest.clone(),
                    data.core.clone(),
                    data.store.clone(),
                    data.sweep_every,
                    stop_rx,
                ));
                Ok(data)
            })
        })
        .build();
    let mut client =
        serenity::ClientBuilder::new_with_http(http(&conn), serenity::GatewayIntents::GUILDS)
            .framework(framework)
            .await?;
    let shards = client.shard_manager.clone();
    let stop = stop_tx.clone();
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down: ending quiz rounds, then closing the gateway");
        let _ = stop.send(true);
        rooms.shutdown(std::time::Duration::from_secs(10)).await;
        shards.shutdown_all().await;
    });
    let outcome = client.start().await;
    // Background work ends with the connection, whatever ended it.
    let _ = stop_tx.send(true);
    outcome?;
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
