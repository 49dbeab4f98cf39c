//! Reaching Discord: serenity's REST client with connect and call timeouts; the start-up check
//! of the token (a refused token ends start-up with a clear error) and of Discord's
//! reachability (retried, backing off, one clear log line per try); command registration with
//! retries and a clear error when it cannot be done; and a watch on the gateway that says
//! plainly, and not too often, when it is not connected.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use tokio::sync::watch;

use super::context::{Connection, Data, Error, Patience, Registration};

/// Why the bot could not get going.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(
        "Discord refused the bot token (401 Unauthorized). Check DISCORD_TOKEN: copy the token \
         again from https://discord.com/developers/applications (Bot → Reset Token)."
    )]
    TokenRefused,
    #[error("Discord answered {status} to {what}: {message}")]
    Refused {
        what: &'static str,
        status: u16,
        message: String,
    },
    #[error("registering the commands failed: {0}")]
    Register(String),
}

/// Serenity's REST client, with Aura's timeouts (serenity's default client has none).
pub(super) fn http(conn: &Connection) -> serenity::Http {
    let client = reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(conn.patience.connect)
        .timeout(conn.patience.call)
        .build()
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot build the REST client with timeouts");
            reqwest::Client::default()
        });
    let mut builder = serenity::HttpBuilder::new(conn.token.expose()).client(client);
    if let Some(url) = &conn.api_url {
        builder = builder
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    builder.build()
}

/// The HTTP status of a failed call, if Discord answered at all.
fn status(e: &serenity::Error) -> Option<u16> {
    match e {
        serenity::Error::Http(h) => h.status_code().map(|s| s.as_u16()),
        _ => None,
    }
}

/// Worth trying again: no answer, a rate limit, or a server error.
fn transient(e: &serenity::Error) -> bool {
    status(e).is_none_or(|s| s == 429 || s >= 500)
}

/// Discord's own message for a refused call, or the error.
fn brief(e: &serenity::Error) -> String {
    match e {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            format!("{} (code {})", r.error.message, r.error.code)
        }
        other => other.to_string(),
    }
}

/// Waits `wait`, unless `close` turns true first (then `true`).
async fn closed_while_waiting(wait: Duration, close: &mut watch::Receiver<bool>) -> bool {
    if *close.borrow() {
        return true;
    }
    tokio::select! {
        _ = tokio::time::sleep(wait) => false,
        changed = close.changed() => changed.is_err() || *close.borrow(),
    }
}

/// Checks the token with `GET /users/@me`. A refused token is an error; an unreachable Discord
/// is tried again, backing off, until it answers or `close` turns true (then `None`).
pub(super) async fn check_token(
    http: &serenity::Http,
    patience: &Patience,
    close: &mut watch::Receiver<bool>,
) -> Result<Option<serenity::CurrentUser>, Error> {
    let mut wait = patience.first_wait;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let call = http.get_current_user();
        let answer = tokio::select! {
            answer = call => answer,
            _ = close.changed() => return Ok(None),
        };
        match answer {
            Ok(user) => {
                if attempt > 1 {
                    tracing::info!(attempt, "Discord answers again");
                }
                return Ok(Some(user));
            }
            Err(e) if status(&e) == Some(401) => return Err(StartupError::TokenRefused.into()),
            Err(e) if !transient(&e) => {
                return Err(StartupError::Refused {
                    what: "GET /users/@me",
                    status: status(&e).unwrap_or(0),
                    message: brief(&e),
                }
                .into());
            }
            Err(e) => tracing::warn!(
                attempt,
                retry_in = ?wait,
                error = %brief(&e),
                "cannot reach Discord; trying again"
            ),
        }
        if closed_while_waiting(wait, close).await {
            return Ok(None);
        }
        wait = (wait * 2).min(patience.longest_wait);
    }
}

/// Registers `commands` (one bulk overwrite), trying again on a rate limit, a server error or
/// no answer; a refusal (a wrong guild id, no access) fails at once with a clear error.
/// `None` when `close` turned true while waiting.
pub(super) async fn register(
    http: &serenity::Http,
    target: Registration,
    commands: &[poise::Command<Data, Error>],
    patience: &Patience,
    close: &mut watch::Receiver<bool>,
) -> Result<Option<usize>, Error> {
    let body = poise::builtins::create_application_commands(commands);
    let mut wait = patience.first_wait;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let call = async {
            let app = http.get_current_application_info().await?;
            http.set_application_id(app.id);
            match target {
                Registration::Global => http.create_global_commands(&body).await.map(drop),
                Registration::Guild(id) => http
                    .create_guild_commands(serenity::GuildId::new(id), &body)
                    .await
                    .map(drop),
            }
        };
        let answer = tokio::select! {
            answer = call => answer,
            _ = close.changed() => return Ok(None),
        };
        let e = match answer {
            Ok(()) => return Ok(Some(body.len())),
            Err(e) => e,
        };
        let place = match target {
            Registration::Global => "globally".to_string(),
            Registration::Guild(id) => format!("in server {id}"),
        };
        if status(&e) == Some(401) {
            return Err(StartupError::TokenRefused.into());
        }
        if !transient(&e) {
            let hint = match target {
                Registration::Guild(_) => {
                    " Is the server id right, and was Aura invited there with the \
                     applications.commands scope?"
                }
                Registration::Global => "",
            };
            return Err(StartupError::Register(format!(
                "Discord refused the commands {place} ({}: {}).{hint}",
                status(&e).unwrap_or(0),
                brief(&e)
            ))
            .into());
        }
        if attempt >= patience.register_attempts {
            return Err(StartupError::Register(format!(
                "Discord did not take the commands {place} after {attempt} tries; last error: {}",
                brief(&e)
            ))
            .into());
        }
        tracing::warn!(attempt, retry_in = ?wait, error = %brief(&e), "registering the commands failed; trying again");
        if closed_while_waiting(wait, close).await {
            return Ok(None);
        }
        wait = (wait * 2).min(patience.longest_wait);
    }
}

/// When to say that the gateway is down: first after `FIRST`, then after twice as long each
/// time (at most every `LONGEST`), and once when it is back.
#[derive(Debug, Default)]
pub(super) struct Outage {
    since: Option<tokio::time::Instant>,
    next_report: Duration,
    reported: bool,
}

const FIRST: Duration = Duration::from_secs(15);
const LONGEST: Duration = Duration::from_secs(600);

/// What the gateway watch says.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Report {
    Down(Duration),
    Back(Duration),
}

impl Outage {
    pub(super) fn observe(&mut self, connected: bool, now: tokio::time::Instant) -> Option<Report> {
        match (connected, self.since) {
            (true, None) => None,
            (true, Some(since)) => {
                let reported = self.reported;
                *self = Outage::default();
                reported.then(|| Report::Back(now - since))
            }
            (false, None) => {
                self.since = Some(now);
                self.next_report = FIRST;
                None
            }
            (false, Some(since)) => {
                let down = now - since;
                (down >= self.next_report).then(|| {
                    self.reported = true;
                    self.next_report = (self.next_report * 2).min(down + LONGEST);
                    Report::Down(down)
                })
            }
        }
    }
}

/// Looks at the shard every few seconds and logs a clear line, rate-limited, while it is not
/// connected (serenity retries by itself; its own per-try warnings are filtered out).
pub(super) async fn watch_gateway(shards: std::sync::Arc<serenity::ShardManager>) {
    let mut outage = Outage::default();
    let mut tick = tokio::time::interval(Duration::from_secs(5));
    loop {
        tick.tick().await;
        let connected = shards
            .runners
            .lock()
            .await
            .values()
            .any(|r| r.stage == serenity::ConnectionStage::Connected);
        match outage.observe(connected, tokio::time::Instant::now()) {
            Some(Report::Down(d)) => tracing::warn!(
                down_for = ?Duration::from_secs(d.as_secs()),
                "not connected to Discord's gateway; still trying"
            ),
            Some(Report::Back(d)) => tracing::info!(
                was_down_for = ?Duration::from_secs(d.as_secs()),
                "connected to Discord's gateway again"
            ),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_is_reported_rarely_and_its_end_once() {
        let start = tokio::time::Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut o = Outage::default();
        assert_eq!(o.observe(true, at(0)), None);
        assert_eq!(o.observe(false, at(5)), None);
        let reports: Vec<u64> = (6..2000)
            .step_by(5)
            .filter(|&s| o.observe(false, at(s)).is_some())
            .collect();
        // After 15 s, then at growing gaps: a handful of lines in half an hour, not 400.
        assert_eq!(reports.first(), Some(&21));
        assert!(reports.len() <= 10, "{reports:?}");
        assert!(matches!(o.observe(true, at(2000)), Some(Report::Back(_))));
        assert_eq!(o.observe(true, at(2005)), None);
        // A blip shorter than the first report says nothing at all.
        assert_eq!(o.observe(false, at(2010)), None);
        assert_eq!(o.observe(true, at(2015)), None);
    }
}
