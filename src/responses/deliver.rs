//! What reaches a member of their written work: released feedback, sent privately by DM when
//! their settings allow it (otherwise shown on their next `/responses mine`, which lists their
//! responses with status and released feedback), and the teacher's wish to share a response,
//! which only its author's press of Share grants: then, and only then, it is posted in the
//! class's thread as theirs, pinging nobody.

use super::model::Response;
use super::view;
use crate::audit::{self, Action};
use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::outbox::Message;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// How many of a member's responses `/responses mine` shows.
const MINE: i64 = 10;

/// Sends each released response's verdict to its author by DM, on its own task; those that
/// cannot be sent wait for the member's `/responses mine`.
pub fn spawn(s: &Services, released: Vec<Response>) {
    let s = s.clone();
    tokio::spawn(async move {
        // A release is one server's: its own statuses are read once, not once per response.
        let mut labels_of: std::collections::HashMap<u64, Vec<String>> = Default::default();
        for r in released {
            let guild = r.piece.guild;
            let labels = match labels_of.get(&guild) {
                Some(labels) => labels.clone(),
                None => {
                    let read = s.store.response_labels(guild).await.unwrap_or_default();
                    labels_of.insert(guild, read.clone());
                    read
                }
            };
            let message = Message::from(view::feedback_message(&r, &labels, r.piece.lang));
            match s.outbox.direct_message(r.piece.user, &message).await {
                Ok(()) => {
                    if let Err(e) = s.store.response_delivered(r.id, s.clock.unix()).await {
                        tracing::warn!(response = r.id, error = %e, "could not mark feedback sent");
                    }
                }
                Err(e) => {
                    tracing::info!(response = r.id, error = %e, "feedback waits for /responses mine");
                }
            }
        }
    });
}

/// `/responses mine`: the member's newest responses in this server, with status and the
/// feedback released to them (from now on delivered).
pub async fn mine(s: &Services, (inv, guild): (&Invocation, u64)) -> Result<Outcome, Error> {
    let responses = s.store.member_responses(guild, inv.user, MINE).await?;
    let labels = s.store.response_labels(guild).await?;
    let now = s.clock.unix();
    for r in responses
        .iter()
        .filter(|r| r.released() && r.delivered_at.is_none())
    {
        s.store.response_delivered(r.id, now).await?;
    }
    Ok(view::mine_card(&responses, &labels, inv.lang).into())
}

/// The author's Share (or not): the response posted in the class's thread, once, as theirs.
pub async fn consent(
    s: &Services,
    inv: &Invocation,
    (id, yes): (i64, bool),
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(r) = s.store.response(id).await? else {
        return Ok(Outcome::notice(t(lang, "responses-gone")));
    };
    if r.piece.user != inv.user {
        return Ok(Outcome::notice(t(lang, "responses-not-yours")));
    }
    if !yes {
        return Ok(Outcome::private(t(lang, "responses-share-declined")));
    }
    if r.shared_at.is_some() {
        return Ok(Outcome::private(t(lang, "responses-shared-already")));
    }
    let Some(about) = super::write::about(
        s,
        (r.piece.guild, r.piece.channel),
        r.piece.on,
        r.piece.lang,
    )
    .await?
    else {
        return Ok(Outcome::notice(t(lang, "responses-gone")));
    };
    if !s.store.mark_shared(id, inv.user, s.clock.unix()).await? {
        return Ok(Outcome::notice(t(lang, "responses-share-not-asked")));
    }
    let message = Message::from(view::shared_post(&r, r.piece.lang));
    if let Err(e) = s.outbox.post(about.share_to, &message).await {
        tracing::warn!(response = id, error = %e, "could not share a response");
        return Ok(Outcome::notice(t(lang, "responses-share-failed")));
    }
    let action = Action::ResponseShared {
        response: id,
        channel: about.share_to,
    };
    audit::record(s, r.piece.guild, inv.user, action).await;
    Ok(Reply::private(crate::i18n::tr(
        lang,
        "responses-shared-now",
        &[("channel", &format!("<#{}>", about.share_to))],
    ))
    .into())
}
