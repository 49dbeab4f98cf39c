//! Keeps a class debate's control message up to date: a change asks for a refresh; one edit
//! per debate is in flight at a time, and changes made meanwhile are shown by one more edit
//! drawn from the store, so a burst of clicks costs two edits, not one each.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::answers::debate::class as view;
use crate::outbox::Message;
use crate::services::{Error, Services};

/// The debates whose control message is being edited, and whether another change came since.
#[derive(Default)]
pub struct Refresher {
    pending: Mutex<HashMap<u64, bool>>,
}

impl Refresher {
    /// `true` when the caller should edit (no edit in flight); otherwise the edit in flight
    /// is told to go once more.
    fn claim(&self, id: u64) -> bool {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        match pending.get_mut(&id) {
            Some(again) => {
                *again = true;
                false
            }
            None => {
                pending.insert(id, false);
                true
            }
        }
    }

    /// After an edit: `true` when another change came meanwhile (edit again).
    fn again(&self, id: u64) -> bool {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        match pending.get(&id) {
            Some(true) => {
                pending.insert(id, false);
                true
            }
            _ => {
                pending.remove(&id);
                false
            }
        }
    }

    /// Whether an edit is in flight for any debate (tests wait for quiet).
    pub fn busy(&self) -> bool {
        !self
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_empty()
    }
}

/// Asks for the control message of debate `id` to show the store's state.
pub fn request(s: &Services, id: u64) {
    if !s.refresher.claim(id) {
        return;
    }
    let s = s.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = edit(&s, id).await {
                tracing::warn!(debate = id, error = %e, "could not update a debate's control message");
            }
            if !s.refresher.again(id) {
                break;
            }
        }
    });
}

/// Edits the control message once, from the store.
pub async fn edit(s: &Services, id: u64) -> Result<(), Error> {
    let Some(c) = s.store.class(id).await? else {
        return Ok(());
    };
    let Some(message) = c.debate.message else {
        return Ok(());
    };
    let reply = view::control(&s.core, &c, s.clock.unix());
    s.outbox
        .edit(c.debate.room(), message, &Message::from(reply))
        .await?;
    Ok(())
}
