//! What the adapter's parts share: the handlers' [`Data`], their [`Context`] and [`Error`], the
//! bot [`Token`] (never shown) and where and how to connect ([`Connection`]).

use std::fmt;
use std::time::Duration;

use crate::outbox::Rest;
use crate::services::Services;

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
    /// Timeouts of every REST call, and retries at start-up.
    pub patience: Patience,
}

impl Connection {
    /// Aura's own REST client for calls outside an interaction's answer.
    pub fn rest(&self) -> Rest {
        Rest::new(
            self.api_url.as_deref(),
            Some(self.token.expose()),
            self.patience.connect,
            self.patience.call,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registration {
    Global,
    Guild(u64),
}

/// How long Aura waits on Discord, and how it retries at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Patience {
    /// Opening a connection.
    pub connect: Duration,
    /// A whole REST call, answer included.
    pub call: Duration,
    /// The first wait before a start-up call is tried again; doubled up to `longest_wait`.
    pub first_wait: Duration,
    pub longest_wait: Duration,
    /// How many times registering the commands is tried before start-up fails.
    pub register_attempts: u32,
}

impl Default for Patience {
    fn default() -> Self {
        Patience {
            connect: Duration::from_secs(5),
            call: Duration::from_secs(15),
            first_wait: Duration::from_secs(1),
            longest_wait: Duration::from_secs(60),
            register_attempts: 5,
        }
    }
}
