//! The gateway: the websocket the bot connects to (HELLO, IDENTIFY → READY, heartbeat and ACK,
//! RESUME → RESUMED), the URL that points to it, and the dispatches tests send on it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::{any, get};
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::payloads::bot_user;
use super::{APP_ID, FakeDiscord, Shared};

/// The connection's state: where dispatches go, how often the bot identified or resumed, and
/// the last sequence number.
#[derive(Default)]
pub(super) struct Gateway {
    sender: Mutex<Option<mpsc::UnboundedSender<Value>>>,
    identifies: AtomicU64,
    resumes: AtomicU64,
    seq: AtomicU64,
}

pub(super) fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/api/v10/gateway", get(gateway_url))
        .route("/api/v10/gateway/bot", get(gateway_url))
        .route("/ws", any(websocket))
}

impl FakeDiscord {
    /// Waits until the bot has identified and can receive dispatches.
    pub async fn wait_ready(&self) {
        self.wait_until(Duration::from_secs(20), |f| {
            f.connected() && f.inner.gateway.identifies.load(Ordering::SeqCst) > 0
        })
        .await;
        // Let serenity and poise finish their READY handling.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    /// Sends a dispatch on the gateway.
    pub fn dispatch(&self, event: &str, data: Value) {
        let gateway = &self.inner.gateway;
        let seq = gateway.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({ "op": 0, "t": event, "s": seq, "d": data });
        if let Some(tx) = gateway.sender.lock().expect("lock").as_ref() {
            let _ = tx.send(frame);
        }
    }

    /// Closes the gateway connection abruptly, as Discord sometimes does.
    pub fn drop_connection(&self) {
        if let Some(tx) = self.inner.gateway.sender.lock().expect("lock").as_ref() {
            let _ = tx.send(json!({ "close": 4000 }));
        }
    }

    pub fn identifies(&self) -> u64 {
        self.inner.gateway.identifies.load(Ordering::SeqCst)
    }

    pub fn resumes(&self) -> u64 {
        self.inner.gateway.resumes.load(Ordering::SeqCst)
    }

    pub async fn wait_for_connections(&self, n: u64) {
        self.wait_until(Duration::from_secs(30), move |f| {
            f.identifies() + f.resumes() >= n && f.connected()
        })
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    fn connected(&self) -> bool {
        self.inner.gateway.sender.lock().expect("lock").is_some()
    }
}

async fn gateway_url(State(s): State<Arc<Shared>>) -> axum::Json<Value> {
    let addr = s.addr.lock().expect("lock").expect("addr");
    axum::Json(json!({
        "url": format!("ws://{addr}/ws"),
        "shards": 1,
        "session_start_limit": { "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1 }
    }))
}

async fn websocket(State(s): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| session(s, socket))
}

async fn session(s: Arc<Shared>, mut socket: WebSocket) {
    let hello = json!({ "op": 10, "d": { "heartbeat_interval": 41250 } });
    if socket
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    let g = &s.gateway;
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
                        let seq = g.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let addr = s.addr.lock().expect("lock").expect("addr");
                        let ready = json!({ "op": 0, "t": "READY", "s": seq, "d": {
                            "v": 10, "user": bot_user(), "guilds": [], "session_id": "fake-session",
                            "resume_gateway_url": format!("ws://{addr}/ws"), "shard": [0, 1],
                            "application": { "id": APP_ID, "flags": 0 } } });
                        let _ = socket.send(Message::Text(ready.to_string().into())).await;
                        *g.sender.lock().expect("lock") = Some(tx.clone());
                        g.identifies.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    Some(6) => {
                        let seq = g.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let resumed = json!({ "op": 0, "t": "RESUMED", "s": seq, "d": {} });
                        let _ = socket.send(Message::Text(resumed.to_string().into())).await;
                        *g.sender.lock().expect("lock") = Some(tx.clone());
                        g.resumes.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    _ => {}
                }
            }
            outgoing = rx.recv() => {
                let Some(frame) = outgoing else { break };
                if frame.get("close").is_some() {
                    *g.sender.lock().expect("lock") = None;
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
