//! The gateway: the websocket the bot connects to (HELLO, IDENTIFY → READY, heartbeat and ACK,
//! RESUME → RESUMED), the URL and shard count that point to it, and the dispatches tests send
//! on it. Like Discord, it takes IDENTIFY's `shard: [id, total]` and delivers a guild's events
//! only on the connection of the shard that holds the guild (`(guild_id >> 22) % total`;
//! events of no guild on shard 0), so several bot processes can share one fake.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::{any, get};
use serde_json::{Value, json};
use tokio::sync::mpsc;

use super::payloads::{bot_user, guild_create};
use super::{APP_ID, FakeDiscord, Shared};

/// The connections' state: where each shard's dispatches go, how often the bot identified or
/// resumed, each shard's session sequence number, and where each dispatch was delivered.
#[derive(Default)]
pub(super) struct Gateway {
    /// By shard id: the shard count the connection identified with, and its sender.
    senders: Mutex<HashMap<u32, (u32, mpsc::UnboundedSender<Value>)>>,
    identifies: AtomicU64,
    resumes: AtomicU64,
    /// By shard id: the last sequence number of its session (a new IDENTIFY starts at 0, a
    /// RESUME goes on).
    seqs: Mutex<HashMap<u32, u64>>,
    /// IDENTIFYs per shard id.
    shard_identifies: Mutex<HashMap<u32, u64>>,
    /// (event, guild, shard it went to) for every dispatch delivered.
    delivered: Mutex<Vec<(String, Option<u64>, u32)>>,
    /// What `GET /gateway/bot` recommends (0: one).
    shard_count: AtomicU32,
    /// The servers the bot is in: listed in READY and sent as GUILD_CREATE to their shard.
    guilds: Mutex<Vec<u64>>,
}

impl Gateway {
    /// The next sequence number of `shard`'s session.
    fn next_seq(&self, shard: u32) -> u64 {
        let mut seqs = self.seqs.lock().expect("lock");
        let seq = seqs.entry(shard).or_default();
        *seq += 1;
        *seq
    }
}

/// The guild a dispatch concerns: its `guild_id`, or the guild itself for guild events.
fn guild_of(event: &str, data: &Value) -> Option<u64> {
    let id = match event {
        "GUILD_CREATE" | "GUILD_UPDATE" | "GUILD_DELETE" => &data["id"],
        _ => &data["guild_id"],
    };
    id.as_str().and_then(|g| g.parse().ok())
}

/// The shard that holds `guild` among `total` (no guild: shard 0).
pub fn shard_of(guild: Option<u64>, total: u32) -> u32 {
    match guild {
        Some(g) if total > 0 => ((g >> 22) % u64::from(total)) as u32,
        _ => 0,
    }
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

    /// Sends a dispatch on the gateway, on the connection whose shard holds its guild.
    pub fn dispatch(&self, event: &str, data: Value) {
        let gateway = &self.inner.gateway;
        let guild = guild_of(event, &data);
        let senders = gateway.senders.lock().expect("lock");
        for (&shard, (total, tx)) in senders.iter() {
            if shard_of(guild, *total) != shard {
                continue;
            }
            let frame = json!({ "op": 0, "t": event, "s": gateway.next_seq(shard), "d": data });
            if tx.send(frame).is_ok() {
                gateway
                    .delivered
                    .lock()
                    .expect("lock")
                    .push((event.to_string(), guild, shard));
            }
        }
    }

    /// Closes every gateway connection abruptly, as Discord sometimes does.
    pub fn drop_connection(&self) {
        for (_, tx) in self.inner.gateway.senders.lock().expect("lock").values() {
            let _ = tx.send(json!({ "close": 4000 }));
        }
    }

    pub fn identifies(&self) -> u64 {
        self.inner.gateway.identifies.load(Ordering::SeqCst)
    }

    pub fn resumes(&self) -> u64 {
        self.inner.gateway.resumes.load(Ordering::SeqCst)
    }

    /// How many times a connection identified as this shard.
    pub fn shard_identifies(&self, shard: u32) -> u64 {
        let counts = self.inner.gateway.shard_identifies.lock().expect("lock");
        counts.get(&shard).copied().unwrap_or(0)
    }

    /// Waits until shard `shard` has identified more than `before` times and is connected.
    pub async fn wait_shard_ready(&self, shard: u32, before: u64) {
        self.wait_until(Duration::from_secs(20), move |f| {
            f.shard_identifies(shard) > before && f.shard_connected(shard)
        })
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    /// Where each dispatch went: (event, guild, shard).
    pub fn delivered(&self) -> Vec<(String, Option<u64>, u32)> {
        self.inner.gateway.delivered.lock().expect("lock").clone()
    }

    /// The bot is in server `guild`: its shard hears of it when it connects.
    pub fn serve_guild(&self, guild: &str) {
        if let Ok(id) = guild.parse() {
            self.inner.gateway.guilds.lock().expect("lock").push(id);
        }
    }

    /// The shard count `GET /gateway/bot` recommends.
    pub fn set_shard_count(&self, n: u32) {
        self.inner.gateway.shard_count.store(n, Ordering::SeqCst);
    }

    pub async fn wait_for_connections(&self, n: u64) {
        self.wait_until(Duration::from_secs(30), move |f| {
            f.identifies() + f.resumes() >= n && f.connected()
        })
        .await;
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    fn connected(&self) -> bool {
        !self.inner.gateway.senders.lock().expect("lock").is_empty()
    }

    fn shard_connected(&self, shard: u32) -> bool {
        let senders = self.inner.gateway.senders.lock().expect("lock");
        senders.contains_key(&shard)
    }
}

async fn gateway_url(State(s): State<Arc<Shared>>) -> axum::Json<Value> {
    let addr = s.addr.lock().expect("lock").expect("addr");
    axum::Json(json!({
        "url": format!("ws://{addr}/ws"),
        "shards": s.gateway.shard_count.load(Ordering::SeqCst).max(1),
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
    // The shard this connection speaks for, once it identified (or resumed).
    let mut shard: Option<u32> = None;
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
                        let given = &frame["d"]["shard"];
                        let (id, total) = (
                            given[0].as_u64().unwrap_or(0) as u32,
                            given[1].as_u64().unwrap_or(1).max(1) as u32,
                        );
                        g.seqs.lock().expect("lock").insert(id, 0);
                        let seq = g.next_seq(id);
                        let addr = s.addr.lock().expect("lock").expect("addr");
                        // The servers of this shard: unavailable in READY, then GUILD_CREATE each.
                        let mine: Vec<u64> = g.guilds.lock().expect("lock").iter().copied()
                            .filter(|&guild| shard_of(Some(guild), total) == id).collect();
                        let listed: Vec<Value> = mine.iter()
                            .map(|guild| json!({ "id": guild.to_string(), "unavailable": true }))
                            .collect();
                        let ready = json!({ "op": 0, "t": "READY", "s": seq, "d": {
                            "v": 10, "user": bot_user(), "guilds": listed,
                            "session_id": format!("fake-session-{id}-{total}"),
                            "resume_gateway_url": format!("ws://{addr}/ws"), "shard": [id, total],
                            "application": { "id": APP_ID, "flags": 0 } } });
                        let _ = socket.send(Message::Text(ready.to_string().into())).await;
                        g.senders.lock().expect("lock").insert(id, (total, tx.clone()));
                        for guild in mine {
                            let frame = json!({ "op": 0, "t": "GUILD_CREATE", "s": g.next_seq(id),
                                "d": guild_create(guild) });
                            let _ = socket.send(Message::Text(frame.to_string().into())).await;
                            g.delivered.lock().expect("lock")
                                .push(("GUILD_CREATE".into(), Some(guild), id));
                        }
                        shard = Some(id);
                        *g.shard_identifies.lock().expect("lock").entry(id).or_default() += 1;
                        g.identifies.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    Some(6) => {
                        // The session id says which shard resumes: fake-session-<id>-<total>.
                        let session = frame["d"]["session_id"].as_str().unwrap_or_default();
                        let mut parts = session.rsplit('-');
                        let total = parts.next().and_then(|t| t.parse().ok()).unwrap_or(1);
                        let id = parts.next().and_then(|i| i.parse().ok()).unwrap_or(0);
                        let seq = g.next_seq(id);
                        let resumed = json!({ "op": 0, "t": "RESUMED", "s": seq, "d": {} });
                        let _ = socket.send(Message::Text(resumed.to_string().into())).await;
                        g.senders.lock().expect("lock").insert(id, (total, tx.clone()));
                        shard = Some(id);
                        g.resumes.fetch_add(1, Ordering::SeqCst);
                        s.changed.notify_waiters();
                    }
                    _ => {}
                }
            }
            outgoing = rx.recv() => {
                let Some(frame) = outgoing else { break };
                if frame.get("close").is_some() {
                    forget(g, shard, &tx);
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
    forget(g, shard, &tx);
    s.changed.notify_waiters();
}

/// The connection of `shard` is gone (unless a newer one took its place).
fn forget(g: &Gateway, shard: Option<u32>, tx: &mpsc::UnboundedSender<Value>) {
    let Some(shard) = shard else { return };
    let mut senders = g.senders.lock().expect("lock");
    if senders.get(&shard).is_some_and(|(_, t)| t.same_channel(tx)) {
        senders.remove(&shard);
    }
}
