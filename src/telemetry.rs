//! Logging set-up in one place: readable or JSON lines on stderr, filtered by `RUST_LOG` or the
//! configured filter. Secrets never reach a line, whatever the level asks:
//! - the websocket crates never log below `info` (at `trace` they print every gateway frame,
//!   IDENTIFY with the bot token included, and every event with its interaction token);
//! - every line is scrubbed on its way out: the bot token (`DISCORD_TOKEN`, with or without its
//!   `Bot ` prefix) and interaction tokens in URLs (`/interactions/<id>/<token>`,
//!   `/webhooks/<app>/<token>`) and in `token` fields become `[redacted]`, and so do the
//!   database URL's password and secret query values.
//!
//! serenity's warning at every failed try to connect the gateway (every 5 s) is left out unless
//! serenity's logs are asked for by name; Aura's own gateway watch says it once, and then more
//! and more rarely.

use std::io::{self, Write};

use tracing::{Level, Metadata};
use tracing_subscriber::filter::{EnvFilter, FilterExt, filter_fn};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, fmt};

use crate::config::{LogFormat, LogSettings};

/// What replaces a secret.
pub const REDACTED: &str = "[redacted]";

/// Crates that log raw websocket frames and messages below `info`.
const FRAME_LOGGERS: &[&str] = &["tungstenite", "tokio_tungstenite", "async_tungstenite"];

pub fn init(settings: &LogSettings) {
    let directives = std::env::var("RUST_LOG")
        .ok()
        .filter(|f| EnvFilter::try_new(f).is_ok())
        .unwrap_or_else(|| settings.filter.clone());
    let filter =
        EnvFilter::try_new(quiet_retries(&directives)).unwrap_or_else(|_| EnvFilter::new("info"));
    let quiet_frames = filter_fn(|meta| !frame_log(meta));
    let writer = Scrubbing::new(bot_token(), database_secrets());
    let layer = fmt::layer().with_writer(writer);
    let layer = match settings.format {
        LogFormat::Json => layer.json().boxed(),
        LogFormat::Pretty => layer.boxed(),
    };
    // A second init (tests) is harmless: the first subscriber stays.
    let _ = tracing_subscriber::registry()
        .with(layer.with_filter(filter.and(quiet_frames)))
        .try_init();
}

/// A websocket crate's log below `info`: never shown.
fn frame_log(meta: &Metadata<'_>) -> bool {
    *meta.level() > Level::INFO
        && FRAME_LOGGERS
            .iter()
            .any(|c| meta.target() == *c || meta.target().starts_with(&format!("{c}::")))
}

/// The bot token from the environment, without its `Bot ` prefix; `None` when unset or too
/// short to be a token (redacting a two-letter string would garble every line).
fn bot_token() -> Option<String> {
    let token = std::env::var("DISCORD_TOKEN").ok()?;
    let token = token.trim().trim_start_matches("Bot ").trim().to_string();
    (token.len() >= 6).then_some(token)
}

/// The credentials of the database URL in the environment (`AURA_DATABASE_URL`): its password
/// (between the user's `:` and the last `@`, so one holding an `@` is taken whole) and the
/// values of its query's secret parameters (`password`, `sslpassword`, a key file). A database
/// driver may log them (sqlx warns of a parameter it does not know, value included).
fn database_secrets() -> Vec<String> {
    std::env::var("AURA_DATABASE_URL")
        .map(|url| url_secrets(&url))
        .unwrap_or_default()
}

/// The credentials in a database URL (see [`database_secrets`]).
pub fn url_secrets(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (place, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut out = Vec::new();
    if let Some((_, password)) = place
        .rsplit_once('@')
        .and_then(|(user, _)| user.split_once(':'))
    {
        out.push(password.to_string());
    }
    for (key, value) in query.split('&').filter_map(|pair| pair.split_once('=')) {
        let key = key.to_ascii_lowercase();
        if ["pass", "key", "secret", "token"]
            .iter()
            .any(|k| key.contains(k))
        {
            out.push(value.to_string());
        }
    }
    out.retain(|secret| !secret.is_empty());
    out
}

/// Stderr, through [`scrub`], with the database's credentials redacted too.
#[derive(Clone)]
struct Scrubbing {
    token: Option<String>,
    secrets: Vec<String>,
}

impl Scrubbing {
    fn new(token: Option<String>, secrets: Vec<String>) -> Scrubbing {
        Scrubbing { token, secrets }
    }
}

impl<'a> MakeWriter<'a> for Scrubbing {
    type Writer = ScrubbedLine<'a>;
    fn make_writer(&'a self) -> Self::Writer {
        ScrubbedLine {
            token: self.token.as_deref(),
            secrets: &self.secrets,
        }
    }
}

/// One event's text (the formatter writes each event whole), scrubbed, then written.
struct ScrubbedLine<'a> {
    token: Option<&'a str>,
    secrets: &'a [String],
}

impl Write for ScrubbedLine<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut text = String::from_utf8_lossy(buf).into_owned();
        for secret in self.secrets {
            text = text.replace(secret.as_str(), REDACTED);
        }
        io::stderr().write_all(scrub(&text, self.token).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

/// `text` with the bot token and every interaction token replaced by [`REDACTED`].
pub fn scrub(text: &str, bot_token: Option<&str>) -> String {
    let mut out = match bot_token {
        Some(token) if !token.is_empty() => text.replace(token, REDACTED),
        _ => text.to_string(),
    };
    // A URL's token segment: `/interactions/<id>/<token>/…`, `/webhooks/<app>/<token>…`.
    for route in ["interactions/", "webhooks/"] {
        out = redact_after_id(&out, route);
    }
    // A field: `token: "…"` (Debug), `"token":"…"` and `"token": "…"` (JSON).
    for field in ["token: \"", "\"token\":\"", "\"token\": \"", "token=\""] {
        out = redact_quoted(&out, field);
    }
    out
}

/// After each `marker` followed by digits and `/`, the next path segment is redacted.
fn redact_after_id(text: &str, marker: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let (before, after) = rest.split_at(at + marker.len());
        out.push_str(before);
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &after[digits..];
        if digits > 0
            && let Some(segment) = tail.strip_prefix('/')
        {
            let end = segment
                .find(['/', '?', '#', '"', '\'', ' ', ')', '\n'])
                .unwrap_or(segment.len());
            out.push_str(&after[..digits]);
            out.push('/');
            if end > 0 {
                out.push_str(REDACTED);
            }
            rest = &segment[end..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// After each `marker` (which ends with an opening quote), the text up to the closing quote is
/// redacted.
fn redact_quoted(text: &str, marker: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        let (before, after) = rest.split_at(at + marker.len());
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        if end > 0 {
            out.push_str(REDACTED);
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// serenity's shard queuer logs a raw warning at every failed connection try; unless the filter
/// names serenity itself, only its errors are kept.
fn quiet_retries(directives: &str) -> String {
    if directives.contains("serenity") {
        directives.to_string()
    } else {
        format!("{directives},serenity::gateway::bridge::shard_queuer=error")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_urls_credentials_are_found_whole() {
        assert_eq!(
            url_secrets("postgres://aura:pass@word@db:5432/aura?sslmode=require&sslpassword=k3y"),
            ["pass@word", "k3y"]
        );
        assert!(url_secrets("postgres://db/aura").is_empty());
    }

    #[test]
    fn serenitys_retry_warnings_are_left_out_unless_asked_for() {
        assert_eq!(
            quiet_retries("info"),
            "info,serenity::gateway::bridge::shard_queuer=error"
        );
        assert!(EnvFilter::try_new(quiet_retries("aura=debug,warn")).is_ok());
        assert_eq!(quiet_retries("serenity=debug"), "serenity=debug");
    }

    #[test]
    fn the_bot_token_is_redacted_with_or_without_its_prefix() {
        let line = "Authorization: Bot abc.def.ghi and abc.def.ghi again";
        let clean = scrub(line, Some("abc.def.ghi"));
        assert!(!clean.contains("abc.def.ghi"), "{clean}");
        assert_eq!(clean.matches(REDACTED).count(), 2, "{clean}");
    }

    #[test]
    fn interaction_tokens_in_urls_and_fields_are_redacted() {
        let cases = [
            "error sending request for url (http://127.0.0.1:9/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback)",
            "PATCH https://discord.com/api/v10/webhooks/456/aW50ZXJhY3Rpb24/messages/@original",
            "POST https://discord.com/api/v10/webhooks/456/aW50ZXJhY3Rpb24",
            "route: InteractionResponse { interaction_id: 1, token: \"aW50ZXJhY3Rpb24\" }",
            r#"{"id":"1","token":"aW50ZXJhY3Rpb24","type":2}"#,
        ];
        for line in cases {
            let clean = scrub(line, None);
            assert!(!clean.contains("aW50ZXJhY3Rpb24"), "{clean}");
            assert!(clean.contains(REDACTED), "{clean}");
        }
        // Everything else stays as it was.
        let clean = scrub(cases[1], None);
        assert!(
            clean.ends_with("/webhooks/456/[redacted]/messages/@original"),
            "{clean}"
        );
        let plain = "GET /api/v10/channels/645027906669510667/messages";
        assert_eq!(scrub(plain, None), plain);
    }
}
