//! Discord's REST routes for interactions and the application: callbacks (JSON or multipart
//! with files, checked against Discord's limits, answered once), `@original` edits and
//! deletions, follow-ups, bulk command registration, and a 404 for any route the fake does
//! not know (recorded, so tests can see it). Channel and guild routes are in `channels`.

use std::sync::Arc;

use aura::render::limits;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use serde_json::{Value, json};

use super::payloads::{bot_user, message};
use super::recorder::Callback;
use super::uploads::{Sent, over_limits, unreadable};
use super::{APP_ID, FakeDiscord, Shared};

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
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
}

impl FakeDiscord {
    /// The next edits of `@original` fail with these statuses and bodies, in order.
    pub fn fail_edits(&self, faults: Vec<(u16, Value)>) {
        self.inner
            .faults
            .edit_faults
            .lock()
            .expect("lock")
            .extend(faults);
    }
}

async fn application() -> axum::Json<Value> {
    axum::Json(json!({
        "id": APP_ID, "name": "Aura", "icon": null, "description": "", "bot_public": true,
        "bot_require_code_grant": false, "owner": { "id": "53908232506183680", "username": "teacher",
        "discriminator": "0", "avatar": null }, "verify_key": "00", "team": null, "flags": 0
    }))
}

async fn register(
    State(s): State<Arc<Shared>>,
    Path(_app): Path<String>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    store_commands(&s, body)
}

async fn register_guild(
    State(s): State<Arc<Shared>>,
    Path((_app, _guild)): Path<(String, String)>,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    store_commands(&s, body)
}

fn store_commands(s: &Shared, body: Value) -> Response {
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
    *s.record.registered.lock().expect("lock") = body.as_array().cloned().unwrap_or_default();
    s.changed.notify_waiters();
    axum::Json(Value::Array(out)).into_response()
}

async fn callback(
    State(s): State<Arc<Shared>>,
    Path((id, token)): Path<(String, String)>,
    Sent(sent): Sent,
) -> Response {
    let body = match sent {
        Ok((body, files)) => {
            s.keep_uploads(&id, files);
            body
        }
        Err(e) => {
            s.record
                .unknown
                .lock()
                .expect("lock")
                .push(format!("callback refused: {e}"));
            Value::Null
        }
    };
    let errors = limits::check_callback(&body);
    let already = s
        .record
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
    s.record.callbacks.lock().expect("lock").push(Callback {
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
    State(s): State<Arc<Shared>>,
    Path((_app, token)): Path<(String, String)>,
) -> StatusCode {
    s.record.deleted.lock().expect("lock").push(token);
    s.changed.notify_waiters();
    StatusCode::NO_CONTENT
}

async fn edit_original(
    State(s): State<Arc<Shared>>,
    Path((_app, token)): Path<(String, String)>,
    Sent(sent): Sent,
) -> Response {
    s.record
        .edit_attempts
        .lock()
        .expect("lock")
        .push(tokio::time::Instant::now());
    s.changed.notify_waiters();
    let fault = s.faults.edit_faults.lock().expect("lock").pop_front();
    if let Some((status, body)) = fault {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        return (status, axum::Json(body)).into_response();
    }
    let (body, files) = match sent {
        Ok(read) => read,
        Err(e) => {
            s.record
                .unknown
                .lock()
                .expect("lock")
                .push(format!("PATCH @original refused: {e}"));
            return unreadable(&e);
        }
    };
    s.keep_uploads(&token, files);
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        return over_limits(errors);
    }
    s.record
        .edits
        .lock()
        .expect("lock")
        .push((token, body.clone()));
    s.changed.notify_waiters();
    axum::Json(message(body["content"].as_str().unwrap_or(""))).into_response()
}

async fn followup(
    State(s): State<Arc<Shared>>,
    Path((_app, token)): Path<(String, String)>,
    Sent(sent): Sent,
) -> Response {
    let (body, files) = match sent {
        Ok(read) => read,
        Err(e) => return unreadable(&e),
    };
    let errors = limits::check_message(&body);
    if !errors.is_empty() {
        return over_limits(errors);
    }
    s.keep_uploads(&token, files);
    s.record
        .followups
        .lock()
        .expect("lock")
        .push((token, body.clone()));
    s.changed.notify_waiters();
    axum::Json(message(body["content"].as_str().unwrap_or(""))).into_response()
}

pub(super) async fn fallback(
    State(s): State<Arc<Shared>>,
    req: axum::extract::Request,
) -> Response {
    s.record
        .unknown
        .lock()
        .expect("lock")
        .push(format!("{} {}", req.method(), req.uri()));
    (
        StatusCode::NOT_FOUND,
        axum::Json(json!({ "message": "404: Not Found", "code": 0 })),
    )
        .into_response()
}
