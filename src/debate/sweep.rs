//! The sweep that closes due debates of both formats: a quick vote shows its tally on its
//! card, a class debate ends with its result and summary. Runs on a looper and at start-up.

use super::Format;
use super::class::flow;
use super::votes;
use crate::interaction::TOKEN_LIFETIME;
use crate::services::{Error, Services};

/// Closes every debate whose time is up and shows its tally on its message. Runs at start-up
/// too, so votes that ran out while the bot was down are closed. First, interaction tokens
/// older than Discord honours them are forgotten (debates' and suggestions').
pub async fn sweep(s: &Services) -> Result<(), Error> {
    let forgotten = s
        .store
        .forget_tokens(s.clock.unix() - TOKEN_LIFETIME)
        .await?;
    if forgotten > 0 {
        tracing::debug!(forgotten, "expired interaction tokens forgotten");
    }
    for d in s.store.due_debates(s.clock.unix()).await? {
        // Another process closes the debates of the guilds of the shards it holds.
        if !s.pace.shards.owns(d.guild) {
            continue;
        }
        if d.format == Format::Class {
            // A class debate ends after a whole lesson, with its result and summary.
            if let Err(e) = flow::finish(s, d.id, true).await {
                tracing::warn!(debate = d.id, error = %e, "could not end a class debate");
            }
            continue;
        }
        if let Err(e) = votes::close_one(s, &d).await {
            tracing::warn!(debate = d.id, error = %e, "could not show a debate's result");
        }
    }
    Ok(())
}
