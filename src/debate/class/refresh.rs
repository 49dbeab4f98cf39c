//! Keeps a class debate's control message up to date: a change asks for a refresh; one edit
//! per debate is in flight at a time, and changes made meanwhile are shown by one more edit
//! drawn from the store, so a burst of clicks costs two edits, not one each.

use crate::coalesce::Coalescer;
use crate::debate::view::class as view;
use crate::outbox::Message;
use crate::services::{Error, Services};

/// The control messages being edited, one edit in flight per debate.
#[derive(Default)]
pub struct Refreshes(Coalescer);

impl std::ops::Deref for Refreshes {
    type Target = Coalescer;
    fn deref(&self) -> &Coalescer {
        &self.0
    }
}

/// Asks for the control message of debate `id` to show the store's state.
pub fn request(s: &Services, id: u64) {
    if !s.state::<Refreshes>().claim(id) {
        return;
    }
    let s = s.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = edit(&s, id).await {
                tracing::warn!(debate = id, error = %e, "could not update a debate's control message");
            }
            if !s.state::<Refreshes>().again(id) {
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
    let reply = view::control_card(&s.core, &c, s.clock.unix());
    s.outbox
        .edit(c.debate.room(), message, &Message::from(reply))
        .await?;
    Ok(())
}
