//! Discord's REST routes for channels and guilds: posting messages, editing them (limited per
//! channel like Discord's rate-limit buckets), pins, threads, DMs, members' roles, and the
//! channel, role and member data serenity asks for. A test can break a channel (404 or 403)
//! or close a member's DMs.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aura::render::limits;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use serde_json::{Value, json};

use super::payloads::{member_user, message};
use super::recorder::Posted;
use super::uploads::{Sent, over_limits, unreadable};
use super::{FakeDiscord, GUILD_ID, MODERATORS_ROLE, READERS_ROLE, STAFF_ROLE, Shared};

/// How many edits of messages a channel takes per `EDIT_WINDOW` before answering 429.
pub const EDIT_LIMIT: usize = 5;
pub const EDIT_WINDOW: Duration = Duration::from_secs(5);

/// How the fake misbehaves: the failures a test arranged, and the edit buckets it enforces.
#[derive(Default)]
pub(super) struct Faults {
    /// The next edits of `@original` fail with these (status, body).
    pub(super) edit_faults: Mutex<VecDeque<(u16, Value)>>,
    /// Channels whose calls fail with this status (404 deleted, 403 missing permission).
    channel_faults: Mutex<HashMap<String, u16>>,
    /// Members whose DMs are closed.
    closed_dms: Mutex<Vec<String>>,
    /// The next posts in a channel fail with these (status, body), in order.
    post_faults: Mutex<HashMap<String, VecDeque<(u16, Value)>>>,
    /// Channels whose posts never answer.
    hung: Mutex<Vec<String>>,
    /// Channels whose posts are kept but answered with a 500 (the answer lost on the way).
    lost_answers: Mutex<Vec<String>>,
    /// When each channel's recent edits happened.
    edit_times: Mutex<HashMap<String, Vec<tokio::time::Instant>>>,
    /// Roles a test added to (or changed in) a server's role list, by guild.
    roles: Mutex<HashMap<String, Vec<Value>>>,
    /// The server of each channel a test placed (others are in `GUILD_ID`).
    guild_of: Mutex<HashMap<String, String>>,
}

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/api/v10/channels/{channel}/messages",
            post(create_message).get(recent_messages),
        )
        .route(
            "/api/v10/channels/{channel}/messages/{message}",
            patch(edit_message),
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
}

impl FakeDiscord {
    /// Places a channel in another server than `GUILD_ID`.
    pub fn place_channel(&self, channel: &str, guild: &str) {
        let mut places = self.inner.faults.guild_of.lock().expect("lock");
        places.insert(channel.to_string(), guild.to_string());
    }
    /// From now on, calls on this channel fail: 404 (deleted) or 403 (missing permission).
    pub fn break_channel(&self, channel: &str, status: u16) {
        self.inner
            .faults
            .channel_faults
            .lock()
            .expect("lock")
            .insert(channel.to_string(), status);
    }
    /// Adds a role to a server's role list, or replaces the one with this id: its position
    /// and permission bits, and whether an integration manages it.
    pub fn set_role(&self, guild: &str, id: &str, position: i64, permissions: u64, managed: bool) {
        let role = json!({ "id": id, "name": format!("role-{id}"), "position": position,
            "permissions": permissions.to_string(), "managed": managed, "color": 0,
            "hoist": false, "mentionable": true, "flags": 0 });
        let mut roles = self.inner.faults.roles.lock().expect("lock");
        let list = roles.entry(guild.to_string()).or_default();
        list.retain(|r| r["id"] != id);
        list.push(role);
    }
    /// The next posts in `channel` fail with these statuses, in order (429s carry a
    /// `retry_after` of `retry` seconds).
    pub fn fail_posts(&self, channel: &str, statuses: &[u16], retry: f64) {
        let faults = statuses.iter().map(|&status| {
            let body = if status == 429 {
                json!({ "message": "You are being rate limited.", "retry_after": retry, "global": false })
            } else {
                json!({ "message": "Internal Server Error", "code": 0 })
            };
            (status, body)
        });
        self.inner
            .faults
            .post_faults
            .lock()
            .expect("lock")
            .entry(channel.to_string())
            .or_default()
            .extend(faults);
    }
    /// From now on posts in `channel` never answer (`None` heals it).
    pub fn hang_channel(&self, channel: &str, hung: bool) {
        let mut list = self.inner.faults.hung.lock().expect("lock");
        list.retain(|c| c != channel);
        if hung {
            list.push(channel.to_string());
        }
    }
    /// From now on posts in `channel` are kept but answered with a 500, as if Discord's
    /// answer were lost on the way back.
    pub fn lose_answers(&self, channel: &str, lost: bool) {
        let mut list = self.inner.faults.lost_answers.lock().expect("lock");
        list.retain(|c| c != channel);
        if lost {
            list.push(channel.to_string());
        }
    }
    /// A message in `channel` as if Aura had posted it with `nonce` (before a crash).
    pub fn add_message(&self, channel: &str, body: Value) -> String {
        let id = (1_200_000_000_000_000_000
            + self
                .inner
                .record
                .next_message
                .fetch_add(1, Ordering::SeqCst))
        .to_string();
        self.inner.record.posted.lock().expect("lock").push(Posted {
            channel: channel.to_string(),
            id: id.clone(),
            body,
            edits: Vec::new(),
            files: Vec::new(),
            by: String::new(),
        });
        id
    }
    /// This member's DMs are closed (403 50007).
    pub fn close_dms(&self, user: &str) {
        self.inner
            .faults
            .closed_dms
            .lock()
            .expect("lock")
            .push(user.to_string());
    }
}

/// A channel call answered as Discord does for a deleted channel or a missing permission.
fn channel_fault(s: &Shared, channel: &str) -> Option<Response> {
    let status = *s.faults.channel_faults.lock().expect("lock").get(channel)?;
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
    State(s): State<Arc<Shared>>,
    Path(channel): Path<String>,
    headers: axum::http::HeaderMap,
    Sent(sent): Sent,
) -> Response {
    let (body, files) = match sent {
        Ok(read) => read,
        Err(e) => return refused(&s, &e),
    };
    let by = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .trim_start_matches("Bot ")
        .to_string();
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let fault = s
        .faults
        .post_faults
        .lock()
        .expect("lock")
        .get_mut(&channel)
        .and_then(VecDeque::pop_front);
    if let Some((status, body)) = fault {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        s.changed.notify_waiters();
        return (status, axum::Json(body)).into_response();
    }
    if s.faults.hung.lock().expect("lock").contains(&channel) {
        s.record.hung_calls.fetch_add(1, Ordering::SeqCst);
        s.changed.notify_waiters();
        std::future::pending::<()>().await;
    }
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        s.record
            .unknown
            .lock()
            .expect("lock")
            .push(format!("message over a limit: {errors:?}"));
        return over_limits(errors);
    }
    // Like Discord with `enforce_nonce`: the same nonce again returns the first message.
    let nonce = body["nonce"].as_str().map(str::to_string);
    let earlier = nonce
        .as_ref()
        .filter(|_| body["enforce_nonce"] == true)
        .and_then(|n| {
            s.record
                .posted
                .lock()
                .expect("lock")
                .iter()
                .find(|p| p.channel == channel && p.body["nonce"].as_str() == Some(n))
                .map(|p| p.id.clone())
        });
    let id = match earlier {
        Some(id) => id,
        None => {
            let id = (1_200_000_000_000_000_000
                + s.record.next_message.fetch_add(1, Ordering::SeqCst))
            .to_string();
            s.keep_uploads(&id, files.clone());
            let files = files
                .into_iter()
                .map(|mut f| {
                    f.key = id.clone();
                    f
                })
                .collect();
            s.record.posted.lock().expect("lock").push(Posted {
                channel: channel.clone(),
                id: id.clone(),
                body: body.clone(),
                edits: Vec::new(),
                files,
                by,
            });
            id
        }
    };
    s.changed.notify_waiters();
    if s.faults
        .lost_answers
        .lock()
        .expect("lock")
        .contains(&channel)
    {
        return (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(json!({ "message": "Internal Server Error", "code": 0 })),
        )
            .into_response();
    }
    axum::Json(as_message(&channel, &id, &body)).into_response()
}

/// A body Discord would not read (a malformed form, a listed file missing): 400, noted.
fn refused(s: &Shared, e: &str) -> Response {
    s.record
        .unknown
        .lock()
        .expect("lock")
        .push(format!("message refused: {e}"));
    unreadable(e)
}

/// A posted message as Discord returns it: Aura's, with its nonce, content and embeds.
fn as_message(channel: &str, id: &str, body: &Value) -> Value {
    let mut m = message(body["content"].as_str().unwrap_or(""));
    m["id"] = json!(id);
    m["channel_id"] = json!(channel);
    m["embeds"] = body.get("embeds").cloned().unwrap_or_else(|| json!([]));
    if let Some(nonce) = body.get("nonce") {
        m["nonce"] = nonce.clone();
    }
    m
}

#[derive(serde::Deserialize)]
struct History {
    limit: Option<usize>,
    after: Option<u64>,
}

/// GET a channel's messages: the newest first, at most `limit`, only those after `after`.
async fn recent_messages(
    State(s): State<Arc<Shared>>,
    Path(channel): Path<String>,
    axum::extract::Query(q): axum::extract::Query<History>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    s.record.history_reads.fetch_add(1, Ordering::SeqCst);
    let posted = s.record.posted.lock().expect("lock").clone();
    let list: Vec<Value> = posted
        .iter()
        .rev()
        .filter(|p| p.channel == channel)
        .filter(|p| {
            q.after
                .is_none_or(|a| p.id.parse::<u64>().is_ok_and(|id| id > a))
        })
        .take(q.limit.unwrap_or(50).min(100))
        .map(|p| as_message(&channel, &p.id, &p.body))
        .collect();
    axum::Json(Value::Array(list)).into_response()
}

/// Edits are limited per channel like Discord's buckets: `EDIT_LIMIT` per `EDIT_WINDOW`,
/// announced in the rate-limit headers; one more gets a 429.
async fn edit_message(
    State(s): State<Arc<Shared>>,
    Path((channel, message_id)): Path<(String, String)>,
    Sent(sent): Sent,
) -> Response {
    let (body, files) = match sent {
        Ok(read) => read,
        Err(e) => return refused(&s, &e),
    };
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let now = tokio::time::Instant::now();
    let (remaining, reset_after) = {
        let mut times = s.faults.edit_times.lock().expect("lock");
        let list = times.entry(channel.clone()).or_default();
        list.retain(|t| now.duration_since(*t) < EDIT_WINDOW);
        if list.len() >= EDIT_LIMIT {
            let wait = EDIT_WINDOW.saturating_sub(now.duration_since(list[0]));
            s.record.rate_limited.fetch_add(1, Ordering::SeqCst);
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
        return over_limits(errors);
    }
    let found = {
        let mut posted = s.record.posted.lock().expect("lock");
        match posted.iter_mut().find(|p| p.id == message_id) {
            Some(p) => {
                p.edits.push(body.clone());
                // Like Discord: an edit listing `attachments` keeps only those (here: the
                // new files it carries); one that does not list them keeps what was there.
                if body.get("attachments").is_some() {
                    p.files = files
                        .iter()
                        .cloned()
                        .map(|mut f| {
                            f.key = message_id.clone();
                            f
                        })
                        .collect();
                }
                true
            }
            None => false,
        }
    };
    if found {
        s.keep_uploads(&message_id, files);
    }
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
    State(s): State<Arc<Shared>>,
    method: axum::http::Method,
    Path((channel, message_id)): Path<(String, String)>,
) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let pinned = method == axum::http::Method::PUT;
    s.record
        .pins
        .lock()
        .expect("lock")
        .push((channel, message_id, pinned));
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT.into_response()
}

async fn thread(
    State(s): State<Arc<Shared>>,
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
    s.record
        .threads
        .lock()
        .expect("lock")
        .push((channel, message_id.clone(), name.clone()));
    s.changed.notify_waiters();
    axum::Json(json!({ "id": message_id, "type": 11, "name": name })).into_response()
}

/// PUT gives a member a role, DELETE takes it back.
async fn change_role(
    State(s): State<Arc<Shared>>,
    method: axum::http::Method,
    Path((_guild, user, role)): Path<(String, String, String)>,
) -> StatusCode {
    let added = method == axum::http::Method::PUT;
    s.record
        .role_changes
        .lock()
        .expect("lock")
        .push((user, role, added));
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT
}

async fn open_dm(State(s): State<Arc<Shared>>, axum::Json(body): axum::Json<Value>) -> Response {
    let user = body["recipient_id"].as_str().unwrap_or("").to_string();
    if s.faults.closed_dms.lock().expect("lock").contains(&user) {
        return (
            StatusCode::FORBIDDEN,
            axum::Json(json!({ "code": 50007, "message": "Cannot send messages to this user" })),
        )
            .into_response();
    }
    axum::Json(json!({ "id": format!("77{user}"), "type": 1 })).into_response()
}

/// Channel permission data: the bot's role (everything but Manage Server) and no overwrites.
async fn channel_info(State(s): State<Arc<Shared>>, Path(channel): Path<String>) -> Response {
    if let Some(fault) = channel_fault(&s, &channel) {
        return fault;
    }
    let placed = s
        .faults
        .guild_of
        .lock()
        .expect("lock")
        .get(&channel)
        .cloned();
    let guild = placed.unwrap_or_else(|| GUILD_ID.to_string());
    axum::Json(
        json!({ "id": channel, "type": 0, "guild_id": guild, "name": "class",
        "permission_overwrites": [] }),
    )
    .into_response()
}

/// Aura's role in every server of the fake.
const AURA_ROLE: &str = "555";

/// A server's roles: @everyone, Aura's (high in the list), a plain readers' role, and what a
/// test set with [`FakeDiscord::set_role`].
async fn guild_roles(State(s): State<Arc<Shared>>, Path(guild): Path<String>) -> axum::Json<Value> {
    let mut roles = vec![
        json!({ "id": guild, "name": "@everyone", "permissions": "68608", "position": 0,
            "managed": false }),
        json!({ "id": AURA_ROLE, "name": "Aura", "permissions": "309237702656", "position": 10,
            "managed": true }),
        json!({ "id": READERS_ROLE, "name": "daily-readers", "permissions": "0",
            "position": 1, "managed": false }),
        json!({ "id": MODERATORS_ROLE, "name": "moderators", "permissions": "8192",
            "position": 2, "managed": false }),
        json!({ "id": STAFF_ROLE, "name": "staff", "permissions": "8224",
            "position": 3, "managed": false }),
    ];
    let set = s.faults.roles.lock().expect("lock").get(&guild).cloned();
    for role in set.unwrap_or_default() {
        roles.retain(|r| r["id"] != role["id"]);
        roles.push(role);
    }
    axum::Json(Value::Array(roles))
}

async fn guild_member(Path((_guild, user)): Path<(String, String)>) -> axum::Json<Value> {
    axum::Json(
        json!({ "user": member_user(user.parse().unwrap_or(0)), "roles": ["555"],
        "joined_at": "2026-01-01T00:00:00+00:00", "deaf": false, "mute": false }),
    )
}
