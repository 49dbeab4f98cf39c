//! The bot's [`Outbox`](super::Outbox): REST calls Aura makes on its own (channel messages, edits, pins,
//! threads, DMs, editing a reply after the fact), honouring Discord's answers: a route whose `X-RateLimit-Remaining`
//! reached 0 waits for `X-RateLimit-Reset-After` before its next call; a 429 is waited out for
//! its `retry_after` and retried; a 5xx is retried with backoff; after a few tries, or on any
//! other error, the failure is reported, never a crash.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde_json::Value;

use super::api::OutboxError;
use crate::render::File;

/// What Aura sends to an interaction's webhook.
#[derive(Debug, Clone, Copy)]
enum Webhook {
    /// A follow-up message (ephemeral when its flags say so).
    Followup,
    /// The message the interaction answered with, replaced.
    EditOriginal,
}

impl Webhook {
    /// The method, and the path after `/webhooks/{application}/{token}`.
    fn route(self) -> (reqwest::Method, &'static str) {
        match self {
            Webhook::Followup => (reqwest::Method::POST, ""),
            Webhook::EditOriginal => (reqwest::Method::PATCH, "/messages/@original"),
        }
    }
}

/// `PUT` to put something in place, `DELETE` to take it away.
fn put_or_delete(put: bool) -> reqwest::Method {
    if put {
        reqwest::Method::PUT
    } else {
        reqwest::Method::DELETE
    }
}

/// How many times a call is tried in all.
const ATTEMPTS: u32 = 4;
/// The longest wait Aura accepts from a 429 before giving up.
const MAX_WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("HTTP: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("Discord answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("rate limited for {0:?}, longer than Aura waits")]
    TooLong(Duration),
}

impl RestError {
    /// The channel or message is gone, or Aura may no longer act there (404 / 403).
    pub fn is_gone(&self) -> bool {
        matches!(
            self,
            RestError::Refused {
                status: 403 | 404,
                ..
            }
        )
    }
}

/// What every request says of its sender, as Discord asks of every client:
/// `DiscordBot (url, version)`.
pub const USER_AGENT: &str = concat!(
    "DiscordBot (",
    env!("CARGO_PKG_HOMEPAGE"),
    ", ",
    env!("CARGO_PKG_VERSION"),
    ")"
);

/// A small REST client for the calls Aura makes outside an interaction's answer.
#[derive(Debug, Clone)]
pub struct Rest {
    client: reqwest::Client,
    base: String,
    /// `Bot <token>`, for channel calls.
    auth: Option<String>,
    /// When each route may be called again, from Discord's rate-limit headers.
    blocked: Arc<Mutex<HashMap<String, tokio::time::Instant>>>,
    /// The application's id, known once connected (for follow-ups and original edits).
    application: Arc<OnceLock<u64>>,
    /// Aura's own user id, asked once (to know its messages in a channel's history).
    me: Arc<OnceLock<u64>>,
}

/// Where Discord serves what members attach.
const ATTACHMENT_HOSTS: [&str; 2] = ["cdn.discordapp.com", "media.discordapp.net"];

impl Rest {
    /// `api_url` as for the gateway client's proxy: the base without `/api/v10`; `None` for
    /// Discord. `connect` bounds opening a connection, `call` a whole call.
    pub fn new(
        api_url: Option<&str>,
        token: Option<&str>,
        connect: Duration,
        call: Duration,
    ) -> Rest {
        let base = api_url
            .unwrap_or("https://discord.com")
            .trim_end_matches('/');
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(connect)
            .timeout(call)
            .build()
            .unwrap_or_default();
        Rest {
            client,
            base: format!("{base}/api/v10"),
            // A token given with its `Bot ` prefix is not prefixed twice.
            auth: token.map(|t| format!("Bot {}", t.trim().trim_start_matches("Bot ").trim())),
            blocked: Arc::default(),
            application: Arc::default(),
            me: Arc::default(),
        }
    }

    /// Reads an attachment from Discord's attachment hosts (or the host Aura's REST calls go
    /// to, for a stand-in of Discord): at most `limit` bytes.
    pub async fn download_attachment(
        &self,
        url: &str,
        limit: usize,
    ) -> Result<Vec<u8>, OutboxError> {
        let refused = |detail: String| OutboxError::Refused { status: 0, detail };
        let parsed = reqwest::Url::parse(url).map_err(|e| refused(format!("not a URL: {e}")))?;
        let own = reqwest::Url::parse(&self.base).ok();
        let own_host = own.as_ref().and_then(|u| u.host_str());
        let host = parsed.host_str().unwrap_or("");
        let discords = ATTACHMENT_HOSTS.contains(&host) && parsed.scheme() == "https";
        let stand_in =
            own_host == Some(host) && own.as_ref().map(reqwest::Url::port) == Some(parsed.port());
        if !(discords || stand_in) {
            return Err(refused(format!("{host} is not Discord's attachment host")));
        }
        let mut response = self
            .client
            .get(parsed)
            .send()
            .await
            .map_err(|e| OutboxError::Unreachable(e.to_string()))?;
        let status = response.status().as_u16();
        if !response.status().is_success() {
            return Err(OutboxError::Refused {
                status,
                detail: "the attachment could not be read".into(),
            });
        }
        if response.content_length().is_some_and(|n| n > limit as u64) {
            return Err(OutboxError::Refused {
                status: 413,
                detail: "too large".into(),
            });
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| OutboxError::Unreachable(e.to_string()))?
        {
            if bytes.len() + chunk.len() > limit {
                return Err(OutboxError::Refused {
                    status: 413,
                    detail: "too large".into(),
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }

    /// Learns the application's id (from Discord's READY).
    pub fn set_application_id(&self, id: u64) {
        let _ = self.application.set(id);
    }

    fn application_id(&self) -> Result<u64, RestError> {
        self.application
            .get()
            .copied()
            .ok_or_else(|| RestError::Refused {
                status: 0,
                body: "the application id is not known yet".into(),
            })
    }

    /// Posts a message in a channel (with its files, if any); returns Discord's message object.
    async fn create_message_raw(
        &self,
        channel: u64,
        body: &Value,
        files: &[File],
    ) -> Result<Value, RestError> {
        let url = format!("{}/channels/{channel}/messages", self.base);
        self.call_with(
            reqwest::Method::POST,
            &url,
            Some(body),
            files,
            &format!("msg:{channel}"),
        )
        .await
    }

    /// Edits one of Aura's messages (with new files, if any).
    async fn edit_message_raw(
        &self,
        channel: u64,
        message: u64,
        body: &Value,
        files: &[File],
    ) -> Result<(), RestError> {
        let url = format!("{}/channels/{channel}/messages/{message}", self.base);
        self.call_with(
            reqwest::Method::PATCH,
            &url,
            Some(body),
            files,
            &format!("edit:{channel}"),
        )
        .await
        .map(drop)
    }

    /// Pins a message (`pinned`), or unpins it.
    async fn pin_raw(&self, channel: u64, message: u64, pinned: bool) -> Result<(), RestError> {
        let url = format!("{}/channels/{channel}/messages/pins/{message}", self.base);
        let route = format!("pin:{channel}");
        self.call(put_or_delete(pinned), &url, None, &route)
            .await
            .map(drop)
    }

    /// Opens a thread on a message; returns the thread channel.
    async fn start_thread_raw(
        &self,
        channel: u64,
        message: u64,
        name: &str,
    ) -> Result<Value, RestError> {
        let url = format!(
            "{}/channels/{channel}/messages/{message}/threads",
            self.base
        );
        let body = serde_json::json!({ "name": name, "auto_archive_duration": 1440 });
        self.call(
            reqwest::Method::POST,
            &url,
            Some(&body),
            &format!("thread:{channel}"),
        )
        .await
    }

    /// Sends a direct message to a member.
    async fn direct_message_raw(
        &self,
        user: u64,
        body: &Value,
        files: &[File],
    ) -> Result<Value, RestError> {
        let url = format!("{}/users/@me/channels", self.base);
        let dm = serde_json::json!({ "recipient_id": user.to_string() });
        let channel = self
            .call(reqwest::Method::POST, &url, Some(&dm), "dm")
            .await?;
        let id = channel["id"]
            .as_str()
            .and_then(|s| s.parse::<u64>().ok())
            .ok_or_else(|| RestError::Refused {
                status: 200,
                body: "no DM channel id".into(),
            })?;
        self.create_message_raw(id, body, files).await
    }

    /// Gives a member a role (`given`; the daily posts' opt-in ping role), or takes it away.
    async fn role_raw(
        &self,
        guild: u64,
        user: u64,
        role: u64,
        given: bool,
    ) -> Result<(), RestError> {
        let url = format!("{}/guilds/{guild}/members/{user}/roles/{role}", self.base);
        let route = format!("roles:{guild}");
        self.call(put_or_delete(given), &url, None, &route)
            .await
            .map(drop)
    }

    /// Aura's own user id (asked once).
    async fn me(&self) -> Result<u64, RestError> {
        if let Some(id) = self.me.get() {
            return Ok(*id);
        }
        let id = snowflake(&self.get_raw("/users/@me").await?["id"]);
        if id != 0 {
            let _ = self.me.set(id);
        }
        Ok(id)
    }

    /// A GET, for channels, roles and members.
    async fn get_raw(&self, path: &str) -> Result<Value, RestError> {
        let url = format!("{}{path}", self.base);
        self.call(reqwest::Method::GET, &url, None, path).await
    }

    /// Sends a message to an interaction's webhook (valid for 15 minutes).
    async fn webhook_raw(
        &self,
        call: Webhook,
        application: u64,
        token: &str,
        body: &Value,
        files: &[File],
    ) -> Result<(), RestError> {
        let (method, path) = call.route();
        let url = format!("{}/webhooks/{application}/{token}{path}", self.base);
        self.call_with(method, &url, Some(body), files, "webhook")
            .await
            .map(drop)
    }

    /// Waits while `route` is blocked by an earlier answer's rate-limit headers.
    async fn wait_for(&self, route: &str) {
        let until = self.blocked.lock().ok().and_then(|b| b.get(route).copied());
        if let Some(until) = until {
            tokio::time::sleep_until(until).await;
        }
    }

    /// Remembers `X-RateLimit-Remaining: 0` with its `Reset-After` for `route`.
    fn note_limits(&self, route: &str, headers: &reqwest::header::HeaderMap) {
        let number = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<f64>().ok())
        };
        if let (Some(remaining), Some(after)) = (
            number("x-ratelimit-remaining"),
            number("x-ratelimit-reset-after"),
        ) && let Ok(mut blocked) = self.blocked.lock()
        {
            if remaining <= 0.0 {
                let wait = Duration::from_secs_f64(after.clamp(0.0, 60.0));
                blocked.insert(route.to_string(), tokio::time::Instant::now() + wait);
            } else {
                blocked.remove(route);
            }
        }
    }

    async fn call(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<&Value>,
        route: &str,
    ) -> Result<Value, RestError> {
        self.call_with(method, url, body, &[], route).await
    }

    /// A call whose JSON body goes alone, or, with files, as a multipart form: the JSON as
    /// `payload_json` and each file as `files[n]` (`n` its id in the body's `attachments`).
    async fn call_with(
        &self,
        method: reqwest::Method,
        url: &str,
        body: Option<&Value>,
        files: &[File],
        route: &str,
    ) -> Result<Value, RestError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            self.wait_for(route).await;
            let mut request = self.client.request(method.clone(), url);
            if let Some(auth) = &self.auth {
                request = request.header(reqwest::header::AUTHORIZATION, auth);
            }
            match body {
                Some(body) if !files.is_empty() => request = request.multipart(form(body, files)),
                Some(body) => request = request.json(body),
                None => {}
            }
            let response = request.send().await;
            if let Ok(r) = &response {
                self.note_limits(route, r.headers());
            }
            crate::ops::metrics::rest(
                "outbox",
                response.as_ref().map_or(0, |r| r.status().as_u16()),
            );
            let wait = match response {
                Ok(r) if r.status().is_success() => {
                    return Ok(r.json().await.unwrap_or(Value::Null));
                }
                Ok(r) if r.status().as_u16() == 429 => {
                    let header = r
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<f64>().ok());
                    let json: Value = r.json().await.unwrap_or(Value::Null);
                    let seconds = json["retry_after"].as_f64().or(header).unwrap_or(1.0);
                    let wait = Duration::from_secs_f64(seconds.clamp(0.0, 3600.0));
                    if wait > MAX_WAIT {
                        return Err(RestError::TooLong(wait));
                    }
                    tracing::warn!(?wait, route, "rate limited by Discord; waiting");
                    wait
                }
                Ok(r) if r.status().is_server_error() => {
                    tracing::warn!(
                        status = r.status().as_u16(),
                        attempt,
                        route,
                        "Discord error; retrying"
                    );
                    if attempt >= ATTEMPTS {
                        let status = r.status().as_u16();
                        let body = r.text().await.unwrap_or_default();
                        return Err(RestError::Refused { status, body });
                    }
                    Duration::from_millis(250 * 2u64.pow(attempt - 1))
                }
                Ok(r) => {
                    let status = r.status().as_u16();
                    let body = r.text().await.unwrap_or_default();
                    return Err(RestError::Refused { status, body });
                }
                // A call that timed out is not tried again: Discord may have done it (a post
                // would be posted twice), and a route that hangs would hang every try.
                Err(e) if attempt >= ATTEMPTS || e.is_timeout() => {
                    return Err(e.without_url().into());
                }
                Err(e) => {
                    tracing::warn!(error = %e.without_url(), attempt, route, "cannot reach Discord; retrying");
                    Duration::from_millis(250 * 2u64.pow(attempt - 1))
                }
            };
            if attempt >= ATTEMPTS {
                return Err(RestError::Refused {
                    status: 429,
                    body: "still rate limited".into(),
                });
            }
            tokio::time::sleep(wait).await;
        }
    }
}

/// A multipart form of a JSON body and its files, made anew for each try.
/// An id Discord sent as a string (0 when it is missing or not a number).
fn snowflake(v: &Value) -> u64 {
    v.as_str().and_then(|x| x.parse::<u64>().ok()).unwrap_or(0)
}

fn form(body: &Value, files: &[File]) -> reqwest::multipart::Form {
    let json = reqwest::multipart::Part::text(body.to_string())
        .mime_str("application/json")
        .unwrap_or_else(|_| reqwest::multipart::Part::text(body.to_string()));
    let mut form = reqwest::multipart::Form::new().part("payload_json", json);
    for (n, file) in files.iter().enumerate() {
        let part = reqwest::multipart::Part::bytes(file.bytes.clone()).file_name(file.name.clone());
        let part = match mime(&file.name) {
            Some(m) => part.mime_str(m).unwrap_or_else(|_| {
                reqwest::multipart::Part::bytes(file.bytes.clone()).file_name(file.name.clone())
            }),
            None => part,
        };
        form = form.part(format!("files[{n}]"), part);
    }
    form
}

fn mime(name: &str) -> Option<&'static str> {
    if name.ends_with(".png") {
        Some("image/png")
    } else if name.ends_with(".csv") {
        Some("text/csv")
    } else {
        None
    }
}

mod calls;

#[cfg(test)]
mod tests;
