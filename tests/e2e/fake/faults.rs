//! Faults a test arranges on any route by method and path: an HTTP status (401 for a refused
//! token, 5xx), or a call that never answers. Every request is counted by route, so a test can
//! see what Aura tried.

use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{FakeDiscord, Shared};

/// What a faulty route does.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// Answers with this status and a Discord-like error body.
    Status(u16),
    /// Never answers (until the caller gives up).
    Hang,
}

struct Rule {
    method: String,
    path: String,
    fault: Fault,
}

#[derive(Default)]
pub(super) struct RouteFaults {
    rules: Mutex<Vec<Rule>>,
    /// Every request seen: "METHOD /path".
    seen: Mutex<Vec<String>>,
}

impl FakeDiscord {
    /// From now on, requests with this method (`*` for any) whose path contains `path` fail.
    pub fn fault(&self, method: &str, path: &str, fault: Fault) {
        self.inner
            .route_faults
            .rules
            .lock()
            .expect("lock")
            .push(Rule {
                method: method.to_string(),
                path: path.to_string(),
                fault,
            });
    }

    /// Every route fault is lifted.
    pub fn heal(&self) {
        self.inner.route_faults.rules.lock().expect("lock").clear();
    }

    /// How many requests had this method and a path containing `path`.
    pub fn requests(&self, method: &str, path: &str) -> usize {
        let prefix = format!("{method} ");
        self.inner
            .route_faults
            .seen
            .lock()
            .expect("lock")
            .iter()
            .filter(|r| r.starts_with(&prefix) && r.contains(path))
            .count()
    }
}

pub(super) async fn layer(State(s): State<Arc<Shared>>, req: Request, next: Next) -> Response {
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    // Discord asks every REST client for `User-Agent: DiscordBot (url, version)`.
    let agent = req
        .headers()
        .get(axum::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if path.starts_with("/api") && !agent.starts_with("DiscordBot (") {
        s.record
            .unidentified
            .lock()
            .expect("lock")
            .push(format!("{method} {path} ({agent:?})"));
    }
    s.route_faults
        .seen
        .lock()
        .expect("lock")
        .push(format!("{method} {path}"));
    s.changed.notify_waiters();
    let fault = s
        .route_faults
        .rules
        .lock()
        .expect("lock")
        .iter()
        .find(|r| (r.method == "*" || r.method == method) && path.contains(&r.path))
        .map(|r| r.fault);
    match fault {
        None => next.run(req).await,
        Some(Fault::Hang) => std::future::pending().await,
        Some(Fault::Status(status)) => {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let body = json!({ "message": format!("{status}: {}", code.canonical_reason().unwrap_or("")), "code": 0 });
            (code, axum::Json(body)).into_response()
        }
    }
}
