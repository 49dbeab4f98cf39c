//! A fake Discord on loopback for end-to-end tests: Discord's REST API (the routes Aura uses)
//! and a gateway websocket (HELLO, IDENTIFY → READY, heartbeat and ACK, RESUME, dispatch).
//! The real serenity client connects to it; tests inject interactions and read the callbacks.
//! Like Discord, it refuses a callback body that breaks a limit with 400 / 50035.
//!
//! - `gateway`: the websocket, and dispatching events on it;
//! - `rest`: the routes for interactions, webhooks and command registration;
//! - `channels`: the routes for messages, edits (with rate-limit buckets), pins, threads,
//!   roles and DMs, and the faults a test can arrange on them;
//! - `recorder`: what the fake recorded, and the queries tests make of it;
//! - `payloads`: what Discord sends: interactions, members, messages;
//! - `faults`: a status or a call that never answers, on any route a test names;
//! - `uploads`: JSON or multipart bodies, and the files they carry.
//!
//! This file holds the shared state, starting the fake, and waiting on it.

#![allow(dead_code)]

mod channels;
mod faults;
mod gateway;
mod payloads;
mod recorder;
mod rest;
mod uploads;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use tokio::sync::Notify;

#[allow(unused_imports)] // the benches use the fake without faults
pub use faults::Fault;
pub use payloads::*;
pub use recorder::{Callback, Posted};
pub use uploads::Upload;

pub const APP_ID: &str = "1234567890123456789";
pub const CHANNEL_ID: &str = "645027906669510667";
pub const GUILD_ID: &str = "290926798626357999";
/// A plain role every server of the fake has, below Aura's: for daily readers.
pub const READERS_ROLE: &str = "880000000000000001";
/// The fake server's moderators' role (Manage Messages server-wide): a member given Manage
/// Messages by [`in_guild`] holds it.
pub const MODERATORS_ROLE: &str = "880000000000000002";
/// The fake server's staff role (Manage Server and Manage Messages server-wide): a member given
/// Manage Server by [`in_guild`] holds it.
pub const STAFF_ROLE: &str = "880000000000000003";

/// Everything the fake's routes and the tests share.
#[derive(Default)]
struct Shared {
    /// Where the fake listens (the gateway URL points back here).
    addr: Mutex<Option<SocketAddr>>,
    /// Woken on every change, for the waiting helpers.
    changed: Notify,
    gateway: gateway::Gateway,
    record: recorder::Record,
    faults: channels::Faults,
    route_faults: faults::RouteFaults,
    /// Files members attached, served as Discord's attachment host serves them.
    hosted: Mutex<Vec<(String, Vec<u8>)>>,
}

impl Shared {
    /// Keeps the files a request carried, under its message id, interaction id or token.
    fn keep_uploads(&self, key: &str, files: Vec<Upload>) {
        let mut kept = self.record.uploads.lock().expect("lock");
        let mut legacy = self.record.attachments.lock().expect("lock");
        for mut file in files {
            file.key = key.to_string();
            legacy.push((key.to_string(), file.name.clone(), file.bytes.clone()));
            kept.push(file);
        }
    }
}

/// A hosted attachment, by its number.
async fn attachment(
    axum::extract::State(s): axum::extract::State<Arc<Shared>>,
    axum::extract::Path((n, _name)): axum::extract::Path<(usize, String)>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let hosted = s.hosted.lock().expect("lock");
    match hosted.get(n) {
        Some((_, bytes)) => bytes.clone().into_response(),
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

#[derive(Clone)]
pub struct FakeDiscord {
    inner: Arc<Shared>,
    pub addr: SocketAddr,
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let inner = Arc::new(Shared::default());
        let app = Router::new()
            .merge(gateway::routes())
            .merge(rest::routes())
            .merge(channels::routes())
            .route("/attachments/{n}/{name}", axum::routing::get(attachment))
            .fallback(rest::fallback)
            .layer(axum::middleware::from_fn_with_state(
                inner.clone(),
                faults::layer,
            ))
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

    /// Hosts a file a member attaches, as Discord's attachment host does; its URL.
    pub fn host_file(&self, name: &str, bytes: &[u8]) -> String {
        let mut hosted = self.inner.hosted.lock().expect("lock");
        hosted.push((name.to_string(), bytes.to_vec()));
        format!("{}/attachments/{}/{name}", self.url(), hosted.len() - 1)
    }

    /// Waits until `cond` holds, or fails the test after `limit`.
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

    pub async fn wait_for(&self, limit: Duration, cond: impl Fn(&FakeDiscord) -> bool) {
        self.wait_until(limit, cond).await;
    }

    /// Injects an interaction and waits for its callback.
    pub async fn interact(&self, payload: serde_json::Value) -> Callback {
        let id = payload["id"].as_str().unwrap_or_default().to_string();
        self.dispatch("INTERACTION_CREATE", payload);
        self.callback(&id).await
    }
}
