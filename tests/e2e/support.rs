//! What the end-to-end tests do again and again, written once: a slash command or a click as a
//! member with some permissions (in the server, or in one of its channels), what Aura showed
//! (a deferred answer's edit waited for), the buttons and title of a message, and waiting for
//! the posts in a channel. The tests say what happens; these helpers hide the payloads.

use std::path::PathBuf;
use std::time::Duration;

use aura::core::Core;
use aura::daily::{DailySchedule, Deck, PostKind};
use aura::pack::Lang;
use serde_json::{Value, json};

use crate::app::next;
use crate::fake::{
    CHANNEL_ID, Callback, FakeDiscord, MANAGE_MESSAGES, MEMBER, Posted, click, in_channel,
    in_guild, modal_submit, string_option, subcommand,
};

/// The pack in `data/`, in English, as the bot loads it.
pub fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).expect("pack")
}

/// `/group sub options` by `user` with `perms` (a permission bit set), in the server's
/// channel, in English; returns Aura's callback.
pub async fn slash(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    (group, sub): (&str, &str),
    options: Value,
) -> Callback {
    let payload = subcommand(next(), user, "en-US", group, sub, options);
    fake.interact(in_guild(payload, perms, &[])).await
}

/// A click on `custom_id` by `user` with `perms`, in the server's channel, in English.
pub async fn press(fake: &FakeDiscord, user: u64, perms: u64, custom_id: &str) -> Callback {
    fake.interact(in_guild(
        click(next(), user, "en-US", custom_id, None),
        perms,
        &[],
    ))
    .await
}

/// A member's click on `custom_id`; Aura's answer as text.
pub async fn support_press(fake: &FakeDiscord, user: u64, custom_id: &str) -> String {
    let cb = press(fake, user, MEMBER, custom_id).await;
    assert_eq!(cb.status, 204, "{custom_id}: {}", cb.body);
    cb.body.to_string()
}

/// A click on `custom_id` by `user` with `perms`, on a message in `room`.
pub async fn press_in(
    fake: &FakeDiscord,
    user: u64,
    perms: u64,
    room: &str,
    custom_id: &str,
) -> Callback {
    fake.interact(in_guild(
        in_channel(click(next(), user, "en-US", custom_id, None), room),
        perms,
        &[],
    ))
    .await
}

/// A form (`form`'s custom id) submitted with `inputs` by `user` with `perms`, from `room`.
pub async fn submit_in(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    room: &str,
    form: &str,
    inputs: &[(&str, &str)],
) -> Callback {
    let submit = modal_submit(next(), user, "en-US", form, inputs);
    fake.interact(in_guild(in_channel(submit, room), perms, &[]))
        .await
}

/// What a callback shows: its body, or for a deferred answer the edit that follows it.
pub async fn shown(fake: &FakeDiscord, cb: &Callback) -> Value {
    if cb.body["type"] == 5 {
        fake.wait_for_edit(&cb.token).await
    } else {
        cb.body.clone()
    }
}

/// A callback as a new message: its body, or for a deferred answer the edit that follows it,
/// in a new message's shape (`{"type": 4, "data": …}`).
pub async fn answered(fake: &FakeDiscord, cb: &Callback) -> Value {
    if cb.body["type"] == 5 {
        let edit = fake.wait_for_edit(&cb.token).await;
        return json!({ "type": 4, "data": edit });
    }
    cb.body.clone()
}

/// Every `custom_id` on the component rows of a message (or a callback's `data`).
pub fn custom_ids(message: &Value) -> Vec<String> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(String::from))
        .collect()
}

/// The `custom_id`s on a message that start with `prefix`.
pub fn custom_ids_with(message: &Value, prefix: &str) -> Vec<String> {
    custom_ids(message)
        .into_iter()
        .filter(|id| id.starts_with(prefix))
        .collect()
}

/// (custom id, label) of a message's buttons whose id starts with `prefix`.
pub fn labelled(message: &Value, prefix: &str) -> Vec<(String, String)> {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .map(|b| {
            (
                b["custom_id"].as_str().unwrap_or("").to_string(),
                b["label"].as_str().unwrap_or("").to_string(),
            )
        })
        .filter(|(id, _)| id.starts_with(prefix))
        .collect()
}

/// A quiz question's answer buttons on a post.
pub fn answer_buttons(p: &Posted) -> Vec<String> {
    custom_ids_with(&p.body, "aura:quiz:")
}

/// The title of a post's first embed.
pub fn title(p: &Posted) -> String {
    p.body["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// Waits (up to `limit`) until `channel` holds `n` posts; returns its posts.
pub async fn wait_posts_in(
    fake: &FakeDiscord,
    channel: &str,
    n: usize,
    limit: Duration,
) -> Vec<Posted> {
    let c = channel.to_string();
    fake.wait_for_posts(limit, move |p| {
        p.iter().filter(|m| m.channel == c).count() >= n
    })
    .await;
    fake.posted_in(channel)
}

/// Waits (up to 30 seconds) until the server's channel holds `n` posts; returns its posts.
pub async fn wait_posts(fake: &FakeDiscord, n: usize) -> Vec<Posted> {
    wait_posts_in(fake, CHANNEL_ID, n, Duration::from_secs(30)).await
}

/// `/daily setup`'s time and zone options.
pub fn time_and_zone(time: &str, zone: &str) -> Value {
    json!([string_option("time", time), string_option("timezone", zone)])
}

/// `/quiz sub options` by `user` with `perms`; Discord must accept the callback, whose body
/// this returns.
pub async fn quiz(fake: &FakeDiscord, user: u64, perms: u64, sub: &str, options: Value) -> Value {
    let cb = slash(fake, (user, perms), ("quiz", sub), options).await;
    assert_eq!(cb.status, 204, "/quiz {sub}: {}", cb.body);
    cb.body
}

/// The teacher of the quiz tests: a member who may manage messages.
pub const TEACHER: u64 = 42;

/// `/quiz sub options` by the teacher; returns Aura's answer.
pub async fn teacher_quiz(fake: &FakeDiscord, sub: &str, options: Value) -> Value {
    quiz(fake, TEACHER, MANAGE_MESSAGES, sub, options).await
}

/// `/quiz assign options` by the teacher; waits for the assignment's message and returns it
/// with its Start button's id.
pub async fn assigned(fake: &FakeDiscord, options: Value) -> (Posted, String) {
    teacher_quiz(fake, "assign", options).await;
    let start = |m: &Posted| m.body.to_string().contains("aura:hw-start:");
    fake.wait_for_posts(Duration::from_secs(10), |p| p.iter().any(start))
        .await;
    let message = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(start)
        .expect("the assignment");
    let id = custom_ids(&message.body)
        .into_iter()
        .find(|id| id.starts_with("aura:hw-start:"))
        .expect("Start");
    (message, id)
}

/// An option as Discord sends it; a choice option carries its choice's value (poise numbers
/// choices from 0 in the order they are declared).
pub fn opt(name: &str, value: Value) -> Value {
    let kind = if value.is_boolean() {
        5
    } else if value.is_number() {
        4
    } else {
        3
    };
    json!({ "type": kind, "name": name, "value": value })
}

/// Waits for the first post with buttons (a round's first question); returns its body and
/// its answer buttons.
pub async fn first_question(fake: &FakeDiscord) -> (Value, Vec<String>) {
    fake.wait_for_posts(Duration::from_secs(30), |p| {
        p.iter().any(|m| !custom_ids(&m.body).is_empty())
    })
    .await;
    let asked = fake.posted_in(CHANNEL_ID)[0].body.clone();
    let buttons = custom_ids_with(&asked, "aura:quiz:");
    (asked, buttons)
}

/// `starter`, a plain member, runs `/debate start` without a motion: a quick vote opens in the
/// channel. Returns the debate's id and Aura's callback.
pub async fn start_vote(fake: &FakeDiscord, starter: u64) -> (u64, Callback) {
    let debate = next();
    let payload = subcommand(debate, starter, "en-US", "debate", "start", json!([]));
    (debate, fake.interact(in_guild(payload, MEMBER, &[])).await)
}

/// A daily schedule of `kind` for `channel` of `guild`, every day at `time` UTC in English,
/// with no role, thread or pin, its deck shuffled with `seed`.
pub fn schedule(guild: u64, channel: &str, time: &str, kind: PostKind, seed: u64) -> DailySchedule {
    DailySchedule {
        id: 0,
        guild,
        channel: channel.parse().expect("id"),
        // When: every day at `time` UTC, no day skipped.
        time: time.into(),
        zone: "UTC".into(),
        days: "daily".into(),
        skip_date: None,
        // What: `kind` in English, from a deck shuffled with `seed`.
        kind,
        lang: Lang::En,
        deck: Deck::new(seed),
        // How: no role to ping, no thread, no pin; running.
        role: None,
        thread: false,
        bilingual: false,
        pin: false,
        paused: false,
        pause_reason: None,
    }
}
