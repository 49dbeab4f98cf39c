//! What the fake recorded of Aura's calls, and the queries tests make of it: callbacks,
//! posted messages and their edits, deletions, follow-ups, pins, threads, role changes,
//! attachments, registered commands, rate-limited calls and unknown routes.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use serde_json::Value;

use super::FakeDiscord;

/// A message Aura posted in a channel (or a DM), as the fake stores it, with its edits.
#[derive(Debug, Clone)]
pub struct Posted {
    pub channel: String,
    pub id: String,
    pub body: Value,
    pub edits: Vec<Value>,
    /// The files the message carries now: those it was posted with, replaced by an edit that
    /// lists `attachments` (kept when an edit does not).
    pub files: Vec<super::Upload>,
    /// The bot token it was posted with (which bot process posted it).
    pub by: String,
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

/// Everything recorded, in the order it arrived.
#[derive(Default)]
pub(super) struct Record {
    pub(super) callbacks: Mutex<Vec<Callback>>,
    /// Tokens of deleted `@original` messages.
    pub(super) deleted: Mutex<Vec<String>>,
    /// Successful edits of `@original`: (interaction token, body).
    pub(super) edits: Mutex<Vec<(String, Value)>>,
    /// Every edit of `@original` tried, failed or not.
    pub(super) edit_attempts: Mutex<Vec<tokio::time::Instant>>,
    pub(super) registered: Mutex<Vec<Value>>,
    pub(super) unknown: Mutex<Vec<String>>,
    pub(super) posted: Mutex<Vec<Posted>>,
    pub(super) next_message: AtomicU64,
    pub(super) rate_limited: AtomicU64,
    /// Posts that were left hanging.
    pub(super) hung_calls: AtomicU64,
    /// Reads of a channel's recent messages.
    pub(super) history_reads: AtomicU64,
    pub(super) pins: Mutex<Vec<(String, String, bool)>>,
    pub(super) threads: Mutex<Vec<(String, String, String)>>,
    pub(super) attachments: Mutex<Vec<(String, String, Vec<u8>)>>,
    /// Every file uploaded, with its key and description.
    pub(super) uploads: Mutex<Vec<super::Upload>>,
    pub(super) followups: Mutex<Vec<(String, Value)>>,
    pub(super) role_changes: Mutex<Vec<(String, String, bool)>>,
    /// REST requests that came without a `DiscordBot (url, version)` User-Agent.
    pub(super) unidentified: Mutex<Vec<String>>,
}

impl FakeDiscord {
    fn record(&self) -> &Record {
        &self.inner.record
    }

    /// The REST requests that named no `DiscordBot (url, version)` User-Agent.
    pub fn unidentified(&self) -> Vec<String> {
        self.record().unidentified.lock().expect("lock").clone()
    }

    /// Waits for the callback to this interaction.
    pub async fn callback(&self, interaction_id: &str) -> Callback {
        let id = interaction_id.to_string();
        self.wait_until(Duration::from_secs(10), move |f| f.find(&id).is_some())
            .await;
        self.find(interaction_id).expect("callback")
    }

    fn find(&self, id: &str) -> Option<Callback> {
        self.record()
            .callbacks
            .lock()
            .expect("lock")
            .iter()
            .find(|c| c.interaction_id == id)
            .cloned()
    }

    pub fn callbacks(&self) -> Vec<Callback> {
        self.record().callbacks.lock().expect("lock").clone()
    }
    pub fn deleted(&self) -> Vec<String> {
        self.record().deleted.lock().expect("lock").clone()
    }
    pub fn edit_attempts(&self) -> Vec<tokio::time::Instant> {
        self.record().edit_attempts.lock().expect("lock").clone()
    }
    pub async fn wait_for_edit_attempts(&self, n: usize) {
        self.wait_until(Duration::from_secs(20), move |f| {
            f.edit_attempts().len() >= n
        })
        .await;
    }
    pub fn edits(&self) -> Vec<(String, Value)> {
        self.record().edits.lock().expect("lock").clone()
    }
    /// Waits for the first edit of this interaction's `@original`.
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
        self.record().posted.lock().expect("lock").clone()
    }
    /// How many posts were left hanging.
    pub fn hung_calls(&self) -> u64 {
        self.record().hung_calls.load(Ordering::SeqCst)
    }
    /// How many times a channel's recent messages were read.
    pub fn history_reads(&self) -> u64 {
        self.record().history_reads.load(Ordering::SeqCst)
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
        self.record().rate_limited.load(Ordering::SeqCst)
    }
    /// (channel, message, pinned) for every pin and unpin, in order.
    pub fn pins(&self) -> Vec<(String, String, bool)> {
        self.record().pins.lock().expect("lock").clone()
    }
    /// (channel, message, name) of every thread opened.
    pub fn threads(&self) -> Vec<(String, String, String)> {
        self.record().threads.lock().expect("lock").clone()
    }
    /// Files uploaded with callbacks, edits, follow-ups and posts: (interaction id, token or
    /// message id, file name, bytes).
    pub fn attachments(&self) -> Vec<(String, String, Vec<u8>)> {
        self.record().attachments.lock().expect("lock").clone()
    }
    /// Every file uploaded, in order, with its alt text.
    pub fn uploads(&self) -> Vec<super::Upload> {
        self.record().uploads.lock().expect("lock").clone()
    }
    /// Waits for the first file uploaded under this name.
    pub async fn wait_for_upload(&self, name: &str) -> super::Upload {
        let n = name.to_string();
        self.wait_until(Duration::from_secs(15), move |f| {
            f.uploads().iter().any(|u| u.name == n)
        })
        .await;
        self.uploads()
            .into_iter()
            .find(|u| u.name == name)
            .expect("an upload")
    }
    /// (user, role, added) for every role change Aura made.
    pub fn role_changes(&self) -> Vec<(String, String, bool)> {
        self.record().role_changes.lock().expect("lock").clone()
    }
    /// Follow-up messages: (interaction token, body).
    pub fn followups(&self) -> Vec<(String, Value)> {
        self.record().followups.lock().expect("lock").clone()
    }
    /// The commands last registered, as Aura sent them.
    pub fn registered(&self) -> Vec<Value> {
        self.record().registered.lock().expect("lock").clone()
    }
    /// Calls the fake did not know, or refused for breaking a limit.
    pub fn unknown_routes(&self) -> Vec<String> {
        self.record().unknown.lock().expect("lock").clone()
    }
}
