//! A fake Discord on loopback for end-to-end tests: Discord's REST API (the routes Aura uses)
//! and a gateway websocket (HELLO, IDENTIFY → READY, heartbeat and ACK, RESUME, dispatch).
//! The real serenity client connects to it; tests inject interactions and read the callbacks.
//! Like Discord, it refuses a callback body that breaks a limit with 400 / 50035.

#![allow(dead_code)]

pub mod bot;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aura::render::limits;
use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, delete, get, post, put};
use serde_json::{Value, json};
use tokio::sync::{Notify, mpsc};

pub const APP_ID: &str = "1234567890123456789";
pub const CHANNEL_ID: &str = "645027906669510667";
pub const GUILD_ID: &str = "290926798626357999";
/// How many edits of messages a channel takes per `EDIT_WINDOW` before answering 429.
pub const EDIT_LIMIT: usize = 5;
pub const EDIT_WINDOW: Duration = Duration::from_secs(5);

/// A message Aura posted in a channel (or a DM), as the fake stores it, with its edits.
#[derive(Debug, Clone)]
pub struct Posted {
    pub channel: String,
    pub id: String,
    pub body: Value,
    pub edits: Vec<Value>,
}

/// A callback Aura sent, as Discord received it.
#[derive(Debug, Clone)]
pub struct Callback {
    pub interaction_id: String,
    pub token: String,
    pub body: Value,
    pub status: u16,
    /// When the fake received it.
    pub received: std::time::Instant,
}

#[derive(Default)]
struct Inner {
    callbacks: Mutex<Vec<Callback>>,
    deleted: Mutex<Vec<String>>,
    edits: Mutex<Vec<(String, Value)>>,
    edit_faults: Mutex<std::collections::VecDeque<(u16, Value)>>,
    edit_attempts: Mutex<Vec<tokio::time::Instant>>,
    registered: Mutex<Vec<Value>>,
    unknown: Mutex<Vec<String>>,
    gateway: Mutex<Option<mpsc::UnboundedSender<Value>>>,
    identifies: AtomicU64,
    resumes: AtomicU64,
    seq: AtomicU64,
    changed: Notify,
    addr: Mutex<Option<SocketAddr>>,
    posted: Mutex<Vec<Posted>>,
    next_message: AtomicU64,
    edit_times: Mutex<std::collections::HashMap<String, Vec<tokio::time::Instant>>>,
    rate_limited: AtomicU64,
    channel_faults: Mutex<std::collections::HashMap<String, u16>>,
    pins: Mutex<Vec<(String, String, bool)>>,
    threads: Mutex<Vec<(String, String, String)>>,
    closed_dms: Mutex<Vec<String>>,
    attachments: Mutex<Vec<(String, String, Vec<u8>)>>,
    followups: Mutex<Vec<(String, Value)>>,
    role_changes: Mutex<Vec<(String, String, bool)>>,
}

#[derive(Clone)]
pub struct FakeDiscord {
    inner: Arc<Inner>,
    pub addr: SocketAddr,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let inner = Arc::new(Inner::default());
        let app = Router::new()
            .route("/api/v10/gateway", get(gateway_url))
            .route("/api/v10/gateway/bot", get(gateway_url))
            .route("/api/v10/oauth2/applications/@me", get(application))
            .route(
                "/api/v10/users/@me",
                get(|| async { axum::Json(bot_user()) }),
            )
            .route("/api/v10/applications/{app}/commands", put(register))
            .route(
                "/api/v10/applications/{app}/guilds/{guild}/commands",
                put(register_guild),
            )
            .route(
                "/api/v10/interactions/{id}/{token}/callback",
                post(callback),
            )
            .route(
                "/api/v10/webhooks/{app}/{token}/messages/@original",
                delete(delete_original).patch(edit_original),
            )
            .route("/api/v10/webhooks/{app}/{token}", post(followup))
            .route("/api/v10/channels/{channel}/messages", post(create_message))
            .route(
                "/api/v10/channels/{channel}/messages/{message}",
                axum::routing::patch(edit_message),
            )
            .route(
                "/api/v10/channels/{channel}/messages/pins/{message}",
                put(pin).delete(pin),
            )
            .route(
                "/api/v10/channels/{channel}/messages/{message}/threads",
                post(thread),
            )
            .route("/api/v10/users/@me/channels", post(open_dm))
            .route(
                "/api/v10/guilds/{guild}/members/{user}/roles/{role}",
                put(change_role).delete(change_role),
            )
            .route("/api/v10/channels/{channel}", get(channel_info))
            .route("/api/v10/guilds/{guild}/roles", get(guild_roles))
            .route("/api/v10/guilds/{guild}/members/{user}", get(guild_member))
            .route("/ws", any(websocket))
            .fallback(fallback)
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        *inner.addr.lock().expect("lock") = Some(addr);
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord { inner, addr }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Waits until the bot has identified and can receive dispatches.
    pub async fn wait_ready(&self) {
        self.wait_until(Duration::from_secs(20), |f| {
            f.inner.gateway.lock().expect("lock").is_some()
                && f.inner.identifies.load(Ordering::SeqCst) > 0
        })
        .await;
        // Let serenity and poise finish their READY handling.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    async fn wait_until(&self, limit: Duration, cond: impl Fn(&FakeDiscord) -> bool) {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let notified = self.inner.changed.notified();
            if cond(self) {
                return;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                assert!(cond(self), "timed out waiting on the fake Discord");
                return;
            }
        }
    }

    /// Sends a dispatch on the gateway.
    pub fn dispatch(&self, event: &str, data: Value) {
        let seq = self.inner.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({ "op": 0, "t": event, "s": seq, "d": data });
        if let Some(tx) = self.inner.gateway.lock().expect("lock").as_ref() {
            let _ = tx.send(frame);
        }
    }

    /// Closes the gateway connection abruptly, as Discord sometimes does.
    pub fn drop_connection(&self) {
        if let Some(tx) = self.inner.gateway.lock().expect("lock").as_ref() {
            let _ = tx.send(json!({ "close": 4000 }));
        }
    }

    /// Injects an interaction and waits for its callback.
    pub async fn interact(&self, payload: Value) -> Callback {
        let id = payload["id"].as_str().unwrap_or_default().to_string();
        self.dispatch("INTERACTION_CREATE", payload);
        self.callback(&id).await
    }

    pub async fn callback(&self, interaction_id: &str) -> Callback {
        let id = interaction_id.to_string();
        self.wait_until(Duration::from_secs(10), move |f| f.find(&id).is_some())
            .await;
        self.find(interaction_id).expect("callback")
    }

    fn find(&self, id: &str) -> Option<Callback> {
        self.inner
            .callbacks
            .lock()
            .expect("lock")
            .iter()
            .find(|c| c.interaction_id == id)
            .cloned()
    }

    pub fn callbacks(&self) -> Vec<Callback> {
        self.inner.callbacks.lock().expect("lock").clone()
    }
    pub fn deleted(&self) -> Vec<String> {
        self.inner.deleted.lock().expect("lock").clone()
    }
    /// The next edits of `@original` fail with these statuses and bodies, in order.
    pub fn fail_edits(&self, faults: Vec<(u16, Value)>) {
        self.inner.edit_faults.lock().expect("lock").extend(faults);
    }
    pub fn edit_attempts(&self) -> Vec<tokio::time::Instant> {
        self.inner.edit_attempts.lock().expect("lock").clone()
    }
    pub async fn wait_for_edit_attempts(&self, n: usize) {
        self.wait_until(Duration::from_secs(20), move |f| {
            f.edit_attempts().len() >= n
        })
        .await;
    }
    pub fn edits(&self) -> Vec<(String, Value)> {
        self.inner.edits.lock().expect("lock").clone()
    }
    pub async fn wait_for_edit(&self, token: &str) -> Value {
        let t = token.to_string();
        self.wait_until(Duration::from_secs(15), move |f| {
            f.edits().iter().any(|(k, _)| *k == t)
        })
        .await;
        self.edits()
            .into_iter()
            .find(|(k, _)| k == token)
            .map(|(_, v)| v)
            .expect("edit")
    }
    /// Every message Aura posted, in order, with its edits.
    pub fn posted(&self) -> Vec<Posted> {
        self.inner.posted.lock().expect("lock").clone()
    }
    pub fn posted_in(&self, channel: &str) -> Vec<Posted> {
        self.posted()
            .into_iter()
            .filter(|p| p.channel == channel)
            .collect()
    }
    /// Waits until `cond` holds for the posted messages.
    pub async fn wait_for_posts(&self, limit: Duration, cond: impl Fn(&[Posted]) -> bool) {
        self.wait_until(limit, move |f| cond(&f.posted())).await;
    }
    /// How many calls got a 429 because Aura edited too fast.
    pub fn rate_limited(&self) -> u64 {
        self.inner.rate_limited.load(Ordering::SeqCst)
    }
    /// From now on, calls on this channel fail: 404 (deleted) or 403 (missing permission).
    pub fn break_channel(&self, channel: &str, status: u16) {
        self.inner
            .channel_faults
            .lock()
            .expect("lock")
            .insert(channel.to_string(), status);
    }
    /// (channel, message, pinned) for every pin and unpin, in order.
    pub fn pins(&self) -> Vec<(String, String, bool)> {
        self.inner.pins.lock().expect("lock").clone()
    }
    /// (channel, message, name) of every thread opened.
    pub fn threads(&self) -> Vec<(String, String, String)> {
        self.inner.threads.lock().expect("lock").clone()
    }
    /// This member's DMs are closed (403 50007).
    pub fn close_dms(&self, user: &str) {
        self.inner
            .closed_dms
            .lock()
            .expect("lock")
            .push(user.to_string());
    }
    /// Files attached to callbacks: (interaction id, file name, bytes).
    pub fn attachments(&self) -> Vec<(String, String, Vec<u8>)> {
        self.inner.attachments.lock().expect("lock").clone()
    }
    /// (user, role, added) for every role change Aura made.
    pub fn role_changes(&self) -> Vec<(String, String, bool)> {
        self.inner.role_changes.lock().expect("lock").clone()
    }
    /// Follow-up messages: (interaction token, body).
    pub fn followups(&self) -> Vec<(String, Value)> {
        self.inner.followups.lock().expect("lock").clone()
    }
    pub async fn wait_for(&self, limit: Duration, cond: impl Fn(&FakeDiscord) -> bool) {
        self.wait_until(limit, cond).await;
    }
    pub fn registered(&self) -> Vec<Value> {
        self.inner.registered.lock().expect("lock").clone()
    }
    pub fn unknown_routes(&self) -> Vec<String> {
        self.inner.unknown.lock().expect("lock").clone()
    }
    pub fn identifies(&self) -> u64 {
        self.inner.identifies.load(Ordering::SeqCst)
    }
    pub fn resumes(&self) -> u64 {
        self.inner.resumes.load(Ordering::SeqCst)
    }
    pub async fn wait_for_connections(&self, n: u64) {
        self.wait_until(Duration::from_secs(30), move |f| {
            f.identifies() + f.resumes() >= n && f.inner.gateway.lock().expect("lock").is_some()
        })
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn bot_user() -> Value {
    json!({ "id": APP_ID, "username": "aura", "discriminator": "0", "global_name": null,
            "avatar": null, "bot": true, "flags": 0 })
}

async fn gateway_url(State(s): State<Arc<Inner>>) -> axum::Json<Value> {
    let addr = s.addr.lock().expect("lock").expect("addr");
    axum::Json(json!({
        "url": format!("ws://{addr}/ws"),
        "shards": 1,
        "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 }
    }))
}

async fn application() -> axum::Json<Value> {
    axum::Json(json!({
        "id": APP_ID, "name": "Aura", "icon": null, "description": "", "bot_public": true,
        "bot_require_code_grant": false, "owner": { "id": "53908232506183680", "username": "teacher",
        "discriminator": "0", "avatar": null }, "verify_key": "00", "team": null, "flags": 0
    }))
}

async fn register(
    State(s): State<Arc<Inner>>,
    Path(_app): Path<String>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    store_commands(&s, body)
}

async fn register_guild(
    State(s): State<Arc<Inner>>,
    Path((_app, _guild)): Path<(String, String)>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    store_commands(&s, body)
}

fn store_commands(s: &Inner, body: Value) -> Response {
    let mut out = Vec::new();
    for (i, c) in body
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let mut c = c;
        c["id"] = json!(format!("9000000000000000{i:03}"));
        c["application_id"] = json!(APP_ID);
        c["version"] = json!("1");
        c["default_member_permissions"] = json!(null);
        c["type"] = json!(1);
        out.push(c);
    }
    *s.registered.lock().expect("lock") = body.as_array().cloned().unwrap_or_default();
    s.changed.notify_waiters();
    axum::Json(Value::Array(out)).into_response()
}

/// Reads a multipart body as serenity sends files: `payload_json` and `files[n]` parts.
/// Files of a multipart body: (file name, bytes).
type Files = Vec<(String, Vec<u8>)>;

fn multipart(content_type: &str, raw: &[u8]) -> Option<(Value, Files)> {
    let boundary = content_type.split("boundary=").nth(1)?.trim_matches('"');
    let marker = format!("--{boundary}");
    let text = raw;
    let mut payload = None;
    let mut files = Vec::new();
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let mut at = find(text, marker.as_bytes(), 0)?;
    loop {
        let start = at + marker.len();
        let Some(next) = find(text, marker.as_bytes(), start) else {
            break;
        };
        let part = &text[start..next];
        if let Some(split) = find(part, b"\r\n\r\n", 0) {
            let head = String::from_utf8_lossy(&part[..split]).to_string();
            let mut content = part[split + 4..].to_vec();
            if content.ends_with(b"\r\n") {
                content.truncate(content.len() - 2);
            }
            if head.contains("name=\"payload_json\"") {
                payload = serde_json::from_slice(&content).ok();
            } else {
                let name = head
                    .split("filename=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .unwrap_or("")
                    .to_string();
                files.push((name, content));
            }
        }
        at = next;
    }
    Some((payload?, files))
}

async fn callback(
    State(s): State<Arc<Inner>>,
    Path((id, token)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    raw: axum::body::Bytes,
) -> Response {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let body = if content_type.starts_with("multipart/") {
        match multipart(content_type, &raw) {
            Some((body, files)) => {
                let mut stored = s.attachments.lock().expect("lock");
                for (name, bytes) in files {
                    stored.push((id.clone(), name, bytes));
                }
                body
            }
            None => Value::Null,
        }
    } else {
        serde_json::from_slice(&raw).unwrap_or(Value::Null)
    };
    let errors = limits::check_callback(&body);
    let already = s
        .callbacks
        .lock()
        .expect("lock")
        .iter()
        .any(|c| c.interaction_id == id && c.status == 204);
    let (status, response) = if already {
        (
            400,
            json!({ "code": 40060, "message": "Interaction has already been acknowledged." }),
        )
    } else if errors.is_empty() {
        (204, Value::Null)
    } else {
        (
            400,
            json!({ "code": 50035, "message": "Invalid Form Body", "errors": errors }),
        )
    };
    s.callbacks.lock().expect("lock").push(Callback {
        interaction_id: id,
        token,
        body,
        status,
        received: std::time::Instant::now(),
    });
    s.changed.notify_waiters();
    if status == 204 {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (StatusCode::BAD_REQUEST, axum::Json(response)).into_response()
    }
}

async fn delete_original(
    State(s): State<Arc<Inner>>,
    Path((_app, token)): Path<(String, String)>,
) -> StatusCode {
    s.deleted.lock().expect("lock").push(token);
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT
}

async fn edit_original(
    State(s): State<Arc<Inner>>,
    Path((_app, token)): Path<(String, String)>,
    raw: axum::body::Bytes,
) -> Response {
    s.edit_attempts
        .lock()
        .expect("lock")
        .push(tokio::time::Instant::now());
    s.changed.notify_waiters();
    let fault = s.edit_faults.lock().expect("lock").pop_front();
    if let Some((status, body)) = fault {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return (status, axum::Json(body)).into_response();
    }
    let Ok(body) = serde_json::from_slice::<Value>(&raw) else {
        let shown = String::from_utf8_lossy(&raw)
            .chars()
            .take(200)
            .collect::<String>();
        s.unknown.lock().expect("lock").push(format!(
            "PATCH @original with a body that is not JSON: {shown}"
        ));
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "code": 50035, "message": "not JSON" })),
        )
            .into_response();
    };
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "code": 50035, "errors": errors })),
        )
            .into_response();
    }
    s.edits.lock().expect("lock").push((token, body.clone()));
    s.changed.notify_waiters();
    axum::Json(message(body["content"].as_str().unwrap_or(""))).into_response()
}

async fn followup(
    State(s): State<Arc<Inner>>,
    Path((_app, token)): Path<(String, String)>,
    axum::Json(body): axum::Json<Value>,
) -> axum::Json<Value> {
    s.followups
        .lock()
        .expect("lock")
        .push((token, body.clone()));
    s.changed.notify_waiters();
    axum::Json(message(body["content"].as_str().unwrap_or("")))
}

pub fn message(content: &str) -> Value {
    json!({
        "id": "1100000000000000001", "channel_id": CHANNEL_ID, "author": bot_user(), "content": content,
        "timestamp": "2026-11-28T00:00:00+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": []
    })
}

/// A channel call answered as Discord does for a deleted channel or a missing permission.
fn channel_fault(s: &Inner, channel: &str) -> Option<Response> {
    let status = *s.channel_faults.lock().expect("lock").get(channel)?;
    let (code, message) = if status == 404 {
        (10003, "Unknown Channel")
    } else {
        (50013, "Missing Permissions")
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN);
    Some(
        (
            status,
            axum::Json(json!({ "code": code, "message": message })),
        )
            .into_response(),
    )
}

async fn create_message(
    State(s): State<Arc<Inner>>,
    Path(channel): Path<String>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        s.unknown
            .lock()
            .expect("lock")
            .push(format!("message over a limit: {errors:?}"));
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "code": 50035, "errors": errors })),
        )
            .into_response();
    }
    let id =
        (1_200_000_000_000_000_000 + s.next_message.fetch_add(1, Ordering::SeqCst)).to_string();
    s.posted.lock().expect("lock").push(Posted {
        channel: channel.clone(),
        id: id.clone(),
        body: body.clone(),
        edits: Vec::new(),
    });
    s.changed.notify_waiters();
    let mut m = message(body["content"].as_str().unwrap_or(""));
    m["id"] = json!(id);
    m["channel_id"] = json!(channel);
    axum::Json(m).into_response()
}

/// Edits are limited per channel like Discord's buckets: `EDIT_LIMIT` per `EDIT_WINDOW`,
/// announced in the rate-limit headers; one more gets a 429.
async fn edit_message(
    State(s): State<Arc<Inner>>,
    Path((channel, message_id)): Path<(String, String)>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let now = tokio::time::Instant::now();
    let (remaining, reset_after) = {
        let mut times = s.edit_times.lock().expect("lock");
        let list = times.entry(channel.clone()).or_default();
        list.retain(|t| now.duration_since(*t) < EDIT_WINDOW);
        if list.len() >= EDIT_LIMIT {
            let wait = EDIT_WINDOW.saturating_sub(now.duration_since(list[0]));
            s.rate_limited.fetch_add(1, Ordering::SeqCst);
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", format!("{:.3}", wait.as_secs_f64()))],
                axum::Json(json!({ "message": "You are being rate limited.",
                    "retry_after": wait.as_secs_f64(), "global": false })),
            )
                .into_response();
        }
        list.push(now);
        let reset = EDIT_WINDOW.saturating_sub(now.duration_since(list[0]));
        (EDIT_LIMIT - list.len(), reset)
    };
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "code": 50035, "errors": errors })),
        )
            .into_response();
    }
    let found = {
        let mut posted = s.posted.lock().expect("lock");
        match posted.iter_mut().find(|p| p.id == message_id) {
            Some(p) => {
                p.edits.push(body.clone());
                true
            }
            None => false,
        }
    };
    s.changed.notify_waiters();
    if !found {
        return (
            StatusCode::NOT_FOUND,
            axum::Json(json!({ "code": 10008, "message": "Unknown Message" })),
        )
            .into_response();
    }
    let mut m = message(body["content"].as_str().unwrap_or(""));
    m["id"] = json!(message_id);
    (
        [
            ("x-ratelimit-limit", EDIT_LIMIT.to_string()),
            ("x-ratelimit-remaining", remaining.to_string()),
            (
                "x-ratelimit-reset-after",
                format!("{:.3}", reset_after.as_secs_f64()),
            ),
        ],
        axum::Json(m),
    )
        .into_response()
}

/// PUT pins a message, DELETE unpins it.
async fn pin(
    State(s): State<Arc<Inner>>,
    method: axum::http::Method,
    Path((channel, message_id)): Path<(String, String)>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let pinned = method == axum::http::Method::PUT;
    s.pins
        .lock()
        .expect("lock")
        .push((channel, message_id, pinned));
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT.into_response()
}

async fn thread(
    State(s): State<Arc<Inner>>,
    Path((channel, message_id)): Path<(String, String)>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let name = body["name"].as_str().unwrap_or("").to_string();
    if name.is_empty() || name.chars().count() > 100 {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "code": 50035, "message": "thread name" })),
        )
            .into_response();
    }
    s.threads
        .lock()
        .expect("lock")
        .push((channel, message_id.clone(), name.clone()));
    s.changed.notify_waiters();
    axum::Json(json!({ "id": message_id, "type": 11, "name": name })).into_response()
}

/// PUT gives a member a role, DELETE takes it back.
async fn change_role(
    State(s): State<Arc<Inner>>,
    method: axum::http::Method,
    Path((_guild, user, role)): Path<(String, String, String)>,
) -> StatusCode {
    let added = method == axum::http::Method::PUT;
    s.role_changes
        .lock()
        .expect("lock")
        .push((user, role, added));
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT
}

async fn open_dm(State(s): State<Arc<Inner>>, axum::Json(body): axum::Json<Value>) -> Response {
    let user = body["recipient_id"].as_str().unwrap_or("").to_string();
    if s.closed_dms.lock().expect("lock").contains(&user) {
        return (
            StatusCode::FORBIDDEN,
            axum::Json(json!({ "code": 50007, "message": "Cannot send messages to this user" })),
        )
            .into_response();
    }
    axum::Json(json!({ "id": format!("77{user}"), "type": 1 })).into_response()
}

/// Channel permission data: the bot's role (everything but Manage Server) and no overwrites.
async fn channel_info(State(s): State<Arc<Inner>>, Path(channel): Path<String>) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    axum::Json(
        json!({ "id": channel, "type": 0, "guild_id": GUILD_ID, "name": "class",
        "permission_overwrites": [] }),
    )
    .into_response()
}

async fn guild_roles(Path(guild): Path<String>) -> axum::Json<Value> {
    axum::Json(json!([
        { "id": guild, "name": "@everyone", "permissions": "68608", "position": 0 },
        { "id": "555", "name": "Aura", "permissions": "309237702656", "position": 1 }
    ]))
}

async fn guild_member(Path((_guild, user)): Path<(String, String)>) -> axum::Json<Value> {
    axum::Json(
        json!({ "user": member_user(user.parse().unwrap_or(0)), "roles": ["555"],
        "joined_at": "2026-01-01T00:00:00+00:00", "deaf": false, "mute": false }),
    )
}

async fn fallback(State(s): State<Arc<Inner>>, req: axum::extract::Request) -> Response {
    s.unknown
        .lock()
        .expect("lock")
        .push(format!("{} {}", req.method(), req.uri()));
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({ "message": "404: Not Found", "code": 0 })),
    )
        .into_response()
}

async fn websocket(State(s): State<Arc<Inner>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| session(s, socket))
}

async fn session(s: Arc<Inner>, mut socket: WebSocket) {
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41250 } });
    if socket
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<Value>();
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let Some(Ok(msg)) = incoming else { break };
                let text = match msg {
                    Message::Text(t) => t.to_string(),
                    Message::Close(_) => break,
                    _ => continue,
                };
                let Ok(frame) = serde_json::from_str::<Value>(&text) else { continue };
                match frame["op"].as_u64() {
                    Some(1) => {
                        let _ = socket.send(Message::Text(json!({ "op": 11 }).to_string().into())).await;
                    }
                    Some(2) => {
                        let seq = s.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let addr = s.addr.lock().expect("lock").expect("addr");
                        let ready = json!({ "op": 0, "t": "READY", "s": seq, "d": {
                            "v": 10, "user": bot_user(), "guilds": [], "session_id": "fake-session",
                            "resume_gateway_url": format!("ws://{addr}/ws"), "shard": [0, 1],
                            "application": { "id": APP_ID, "flags": 0 } } });
                        let _ = socket.send(Message::Text(ready.to_string().into())).await;
                        *s.gateway.lock().expect("lock") = Some(tx.clone());
                        s.identifies.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    Some(6) => {
                        let seq = s.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let resumed = json!({ "op": 0, "t": "RESUMED", "s": seq, "d": {} });
                        let _ = socket.send(Message::Text(resumed.to_string().into())).await;
                        *s.gateway.lock().expect("lock") = Some(tx.clone());
                        s.resumes.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    _ => {}
                }
            }
            outgoing = rx.recv() => {
                let Some(frame) = outgoing else { break };
                if frame.get("close").is_some() {
                    *s.gateway.lock().expect("lock") = None;
                    let _ = socket.send(Message::Close(Some(axum::extract::ws::CloseFrame {
                        code: 4000, reason: "fake drop".into() }))).await;
                    break;
                }
                if socket.send(Message::Text(frame.to_string().into())).await.is_err() {
                    break;
                }
            }
        }
    }
}

/// A member in a server channel.
pub fn member_user(id: u64) -> Value {
    json!({ "id": id.to_string(), "username": format!("student{id}"), "discriminator": "0",
            "global_name": null, "avatar": null })
}

fn base(id: u64, user: u64, locale: &str, kind: u8) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP_ID, "type": kind,
        "token": format!("token-{id}"), "version": 1, "channel_id": CHANNEL_ID,
        "channel": { "id": CHANNEL_ID, "type": 0 },
        "user": member_user(user), "locale": locale, "entitlements": [],
        "authorizing_integration_owners": {}, "context": 0, "attachment_size_limit": 8388608,
        "app_permissions": "442368"
    })
}

/// A slash command as Discord sends it (`options`: `[{"type": 3, "name": …, "value": …}]`).
pub fn command(id: u64, user: u64, locale: &str, name: &str, options: Value) -> Value {
    let mut v = base(id, user, locale, 2);
    v["data"] = json!({ "id": "9000000000000000001", "name": name, "type": 1, "options": options });
    v
}

/// An autocomplete request for `option` with the partial `value`.
pub fn autocomplete(
    id: u64,
    user: u64,
    locale: &str,
    name: &str,
    option: &str,
    value: &str,
) -> Value {
    let mut v = base(id, user, locale, 4);
    v["data"] = json!({ "id": "9000000000000000001", "name": name, "type": 1,
        "options": [{ "type": 3, "name": option, "value": value, "focused": true }] });
    v
}

/// A button click (or, with `values`, a menu choice) on a message of Aura's.
pub fn click(
    id: u64,
    user: u64,
    locale: &str,
    custom_id: &str,
    values: Option<Vec<&str>>,
) -> Value {
    let mut v = base(id, user, locale, 3);
    v["message"] = message("");
    v["data"] = match values {
        Some(values) => json!({ "custom_id": custom_id, "component_type": 3, "values": values }),
        None => json!({ "custom_id": custom_id, "component_type": 2 }),
    };
    v
}

/// Puts an interaction in the server: a guild id and a member with these permissions
/// (a decimal bit set, e.g. `MANAGE_MESSAGES`) and roles.
pub fn in_guild(mut v: Value, permissions: u64, roles: &[&str]) -> Value {
    let user = v["user"].clone();
    v["guild_id"] = json!(GUILD_ID);
    v["guild_locale"] = json!("en-US");
    v["member"] = json!({ "user": user, "roles": roles, "joined_at": "2026-01-01T00:00:00+00:00",
        "deaf": false, "mute": false, "permissions": permissions.to_string(), "flags": 0 });
    v.as_object_mut().map(|o| o.remove("user"));
    v["app_permissions"] = json!("309237771264");
    v
}

/// Permission bits.
pub const MEMBER: u64 = 1 << 10 | 1 << 11; // View Channel, Send Messages
pub const MANAGE_MESSAGES: u64 = MEMBER | 1 << 13;
pub const MANAGE_GUILD: u64 = MANAGE_MESSAGES | 1 << 5;

/// A subcommand (`/quiz start`) with its options.
pub fn subcommand(
    id: u64,
    user: u64,
    locale: &str,
    group: &str,
    sub: &str,
    options: Value,
) -> Value {
    let mut v = base(id, user, locale, 2);
    v["data"] = json!({ "id": "9000000000000000001", "name": group, "type": 1,
        "options": [{ "type": 1, "name": sub, "options": options }] });
    v
}

/// A channel option, with the resolved channel Discord sends along.
pub fn with_channel(mut v: Value, name: &str, channel: &str) -> Value {
    if let Some(opts) = v["data"]["options"][0]["options"].as_array_mut() {
        opts.push(json!({ "type": 7, "name": name, "value": channel }));
    }
    v["data"]["resolved"] = json!({ "channels": { channel: {
        "id": channel, "name": "class", "type": 0, "permissions": "309237771264" } } });
    v
}

/// A role option, with the resolved role Discord sends along.
pub fn with_role(mut v: Value, name: &str, role: &str) -> Value {
    if let Some(opts) = v["data"]["options"][0]["options"].as_array_mut() {
        opts.push(json!({ "type": 8, "name": name, "value": role }));
    }
    v["data"]["resolved"]["roles"] = json!({ role: {
        "id": role, "name": "daily-readers", "color": 0, "hoist": false, "position": 1,
        "permissions": "0", "managed": false, "mentionable": true, "flags": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "icon": null, "unicode_emoji": null } });
    v
}

/// A modal's answer: one text input per `(custom_id, value)`.
pub fn modal_submit(
    id: u64,
    user: u64,
    locale: &str,
    custom_id: &str,
    inputs: &[(&str, &str)],
) -> Value {
    let mut v = base(id, user, locale, 5);
    let rows: Vec<Value> = inputs
        .iter()
        .map(|(cid, value)| {
            json!({ "type": 1, "components": [
            { "type": 4, "custom_id": cid, "value": value }] })
        })
        .collect();
    v["data"] = json!({ "custom_id": custom_id, "components": rows });
    v["message"] = message("");
    v
}

pub fn string_option(name: &str, value: &str) -> Value {
    json!({ "type": 3, "name": name, "value": value })
}
