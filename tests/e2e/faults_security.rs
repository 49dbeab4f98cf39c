//! The security part of the fault suite: what a member, a forged client or a changed server
//! can send Aura, and what must come of it. Each case ends with the member answered politely
//! and privately, nothing changed that should not, and the bot still answering.
//!
//! - `ids`: forged and stale `custom_id`s of every kind, and buttons and forms from another
//!   server or channel;
//! - `staff`: a member with no permissions pressing every staff button and submitting every
//!   form; quiz access "everyone" still keeps resets and reports with moderators; member text
//!   shown as text;
//! - `roles`: the daily "Notify me" role vetted at setup and again at every grant;
//! - `input`: hostile option values (very long, emoji-only, right-to-left, zero-width) to the
//!   lookup commands and their autocomplete.

mod ids;
mod input;
mod roles;
mod staff;

use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{TestApp, next};
use crate::fake::{
    Callback, FakeDiscord, GUILD_ID, MANAGE_GUILD, MEMBER, in_guild, string_option, subcommand,
    with_channel,
};
use crate::support::answered;
pub use crate::support::custom_ids;

/// Staff, and the channels they use.
pub const STAFF: u64 = 77;
pub const STAFF_ROOM: &str = "700000000000000002";
/// A server and a channel Aura's buttons were not made in.
pub const OTHER_GUILD: &str = "390926798626357111";
pub const OTHER_CHANNEL: &str = "745027906669510999";

/// A polite private notice: accepted by Discord, a new ephemeral message with some text, or
/// a silent acknowledgement followed by such a message (a click that calls Discord first).
pub async fn assert_answered(fake: &FakeDiscord, cb: &Callback, what: &str) -> Value {
    if cb.body["type"] == 6 {
        fake.wait_for(Duration::from_secs(5), |f| {
            f.followups().iter().any(|(t, _)| *t == cb.token)
        })
        .await;
        let (_, body) = fake
            .followups()
            .into_iter()
            .find(|(t, _)| *t == cb.token)
            .unwrap_or_default();
        assert_eq!(body["flags"], 64, "{what}: not private: {body}");
        assert!(body.to_string().len() > 40, "{what}: says nothing: {body}");
        return body;
    }
    assert_polite(cb, what);
    cb.body["data"].clone()
}

/// A polite private notice: accepted by Discord, a new ephemeral message with some text.
pub fn assert_polite(cb: &Callback, what: &str) {
    assert_eq!(cb.status, 204, "{what}: Discord refused {}", cb.body);
    assert!(
        aura::render::limits::check_callback(&cb.body).is_empty(),
        "{what}: {}",
        cb.body
    );
    assert_eq!(cb.body["type"], 4, "{what}: not a new message: {}", cb.body);
    assert_eq!(
        cb.body["data"]["flags"], 64,
        "{what}: not private: {}",
        cb.body
    );
    let text = cb.body["data"].to_string();
    assert!(text.len() > 40, "{what}: says nothing: {text}");
    assert!(
        !text.contains("error-"),
        "{what}: a raw message key: {text}"
    );
}

/// Moves an interaction to another server.
pub fn in_other_guild(mut v: Value) -> Value {
    v["guild_id"] = json!(OTHER_GUILD);
    v
}

/// `/daily <sub>` in the server, answered (a deferred answer is waited for).
pub async fn daily(bot: &TestApp, user: u64, perms: u64, sub: &str, options: Value) -> Value {
    let payload = subcommand(next(), user, "en-US", "daily", sub, options);
    let payload = if sub == "staff" {
        with_channel(payload, "channel", STAFF_ROOM)
    } else {
        payload
    };
    let cb = bot.fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/daily {sub}: {}", cb.body);
    answered(&bot.fake, &cb).await
}

/// Staff set a staff room and `member` suggests `text`; returns the staff card's Approve and
/// Deny ids and the card.
pub async fn suggestion(bot: &TestApp, member: u64, text: &str) -> (String, String, Value) {
    let before = bot.fake.posted_in(STAFF_ROOM).len();
    daily(bot, STAFF, MANAGE_GUILD, "staff", json!([])).await;
    let sent = daily(
        bot,
        member,
        MEMBER,
        "suggest",
        json!([string_option("text", text)]),
    )
    .await;
    assert!(sent.to_string().contains("Thank you"), "{sent}");
    bot.fake
        .wait_for_posts(Duration::from_secs(5), |p| {
            p.iter().filter(|m| m.channel == STAFF_ROOM).count() > before
        })
        .await;
    let card = bot.fake.posted_in(STAFF_ROOM)[before].body.clone();
    let ids = custom_ids(&card);
    assert_eq!(ids.len(), 2, "{card}");
    (ids[0].clone(), ids[1].clone(), card)
}

/// The server's id, for ids that carry it.
pub fn guild() -> u64 {
    GUILD_ID.parse().unwrap_or(0)
}
