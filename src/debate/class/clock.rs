//! The speeches' clocks, checked every second or so: at one minute left (or half time for a
//! short speech) Aura warns, and when the time is up it says "time", each once per speech
//! (claimed in the store, so a restart or a second process never says it twice; a speech
//! whose time ran out while Aura was down gets "time" once, without a late warning). Only the
//! debates of this process's guilds are looked at (see [`crate::shard`]).

use super::announce::say;
use super::refresh;
use crate::debate::view::class as view;
use crate::services::{Error, Services};
use crate::store::Due;

/// Says every warning and "time" that is due now.
pub async fn tick(s: &Services) -> Result<(), Error> {
    let now = s.clock.unix();
    for (id, number, due) in s.store.due_speeches(now).await? {
        let Some(c) = s.store.class(id).await? else {
            continue;
        };
        // Another process keeps the clocks of the guilds of the shards it holds.
        if !s.pace.shards.owns(c.debate.guild) {
            continue;
        }
        if !s.store.claim_due(id, number, due, now).await? {
            continue;
        }
        let Some(sp) = c.speeches.iter().find(|sp| sp.number == number) else {
            continue;
        };
        let line = |lang| match due {
            Due::Warn => view::speech_warning(&c, sp, lang),
            Due::Time => view::speech_time(&c, sp, lang),
        };
        say(s, &c, line, None).await;
        refresh::request(s, id);
    }
    Ok(())
}
