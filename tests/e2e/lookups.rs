//! A server's rules for the study commands (`/lookups`): cooldowns per channel and per server
//! and a repeat window send an answer the channel should not see now to the member alone,
//! saying why (never a refusal); a channel can answer only privately; a random quote avoids
//! what the channel saw lately; only staff set the rules, and every change is audited.

use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next};
use crate::fake::{
    Callback, FakeDiscord, MANAGE_GUILD, MEMBER, command, in_channel, in_guild, string_option,
    subcommand, with_channel,
};

const OTHER_ROOM: &str = "645027906669599001";
const QUIET_ROOM: &str = "645027906669599002";
const AUDIT_ROOM: &str = "645027906669599003";

/// A lookup by a new member (so that their own cooldown never counts) in `room`.
async fn look(
    fake: &FakeDiscord,
    locale: &str,
    room: &str,
    name: &str,
    options: Value,
) -> Callback {
    let payload = in_channel(command(next(), next(), locale, name, options), room);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["type"], 4, "answered at once: {}", cb.body);
    assert!(
        aura::render::limits::check_callback(&cb.body).is_empty(),
        "{}",
        cb.body
    );
    cb
}

fn private(cb: &Callback) -> bool {
    cb.body["data"]["flags"] == 64
}

/// `/lookups <sub>` by `user` with `perms`; `channel` adds the channel option.
async fn rules(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    sub: &str,
    options: Value,
    channel: Option<&str>,
) -> Value {
    let mut payload = subcommand(next(), user, "en-US", "lookups", sub, options);
    if let Some(room) = channel {
        payload = with_channel(payload, "channel", room);
    }
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "staff answers are private");
    cb.body
}

fn int(name: &str, value: i64) -> Value {
    json!({ "type": 4, "name": name, "value": value })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_lookup_rules_send_what_the_channel_should_not_see_now_to_the_member() {
    let (options, clock) = Options::with_clock();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake, &crate::app::state_file(), options).await;
    let fake = bot.fake.clone();
    let staff = next();
    let aura = || json!([string_option("name", "aura")]);
    let here = crate::fake::CHANNEL_ID;

    // No rules: the same concept twice in a channel is public twice.
    for _ in 0..2 {
        assert!(!private(
            &look(&fake, "en-US", here, "concept", aura()).await
        ));
    }

    // Only staff set the rules.
    let refused = rules(&fake, (next(), MEMBER), "settings", json!([]), None).await;
    assert!(refused.to_string().contains("permission"), "{refused}");
    let audit = subcommand(next(), staff, "en-US", "audit", "set", json!([]));
    fake.interact(in_guild(
        with_channel(audit, "channel", AUDIT_ROOM),
        MANAGE_GUILD,
        &[],
    ))
    .await;
    let set = rules(
        &fake,
        (staff, MANAGE_GUILD),
        "settings",
        json!([int("channel_cooldown", 60), int("repeat_minutes", 30)]),
        None,
    )
    .await
    .to_string();
    assert!(set.contains("after 60 seconds"), "{set}");
    assert!(set.contains("after 30 minutes"), "{set}");
    let audited = |p: &[crate::fake::Posted]| {
        p.iter()
            .any(|m| m.channel == AUDIT_ROOM && m.body.to_string().contains("study commands"))
    };
    fake.wait_for_posts(Duration::from_secs(10), audited).await;
    assert!(audited(&fake.posted()), "the change is audited");

    // A channel cooldown: the first /concept is public, the next within a minute private,
    // saying when the channel hears it again; another channel is not held back.
    let first = look(&fake, "en-US", here, "concept", aura()).await;
    assert!(!private(&first), "{}", first.body);
    let cooled = look(&fake, "en-US", here, "concept", aura()).await;
    assert!(private(&cooled), "{}", cooled.body);
    let why = cooled.body.to_string();
    assert!(
        why.contains("for you alone") && why.contains(":R>"),
        "{why}"
    );
    assert!(why.contains("Aura"), "the answer itself is given: {why}");
    let elsewhere = look(&fake, "en-US", OTHER_ROOM, "concept", aura()).await;
    assert!(!private(&elsewhere), "{}", elsewhere.body);

    // After the cooldown, the same concept within the repeat window: private, "shown …";
    // another concept is public.
    clock.advance(61);
    let again = look(&fake, "id", here, "concept", aura()).await;
    assert!(private(&again), "{}", again.body);
    assert!(
        again
            .body
            .to_string()
            .contains("sudah ditampilkan di kanal ini"),
        "{}",
        again.body
    );
    let other = look(
        &fake,
        "en-US",
        here,
        "concept",
        json!([string_option("name", "cult value")]),
    )
    .await;
    assert!(!private(&other), "{}", other.body);
    // The window passed: public again.
    clock.advance(30 * 60);
    assert!(!private(
        &look(&fake, "en-US", here, "concept", aura()).await
    ));

    // A random quote is one the channel has not seen within the window.
    rules(
        &fake,
        (staff, MANAGE_GUILD),
        "settings",
        json!([int("channel_cooldown", 0)]),
        None,
    )
    .await;
    let mut quotes = Vec::new();
    for _ in 0..8 {
        let q = look(&fake, "en-US", OTHER_ROOM, "quote", json!([])).await;
        assert!(!private(&q), "{}", q.body);
        quotes.push(q.body["data"]["embeds"][0]["description"].to_string());
    }
    let distinct: std::collections::HashSet<_> = quotes.iter().collect();
    assert_eq!(distinct.len(), quotes.len(), "{quotes:#?}");

    // A server cooldown holds across channels.
    rules(
        &fake,
        (staff, MANAGE_GUILD),
        "settings",
        json!([int("server_cooldown", 120)]),
        None,
    )
    .await;
    let query = || json!([string_option("query", "distraction")]);
    assert!(!private(
        &look(&fake, "en-US", here, "search", query()).await
    ));
    let held = look(&fake, "en-US", OTHER_ROOM, "search", query()).await;
    assert!(private(&held), "{}", held.body);
    assert!(
        held.body.to_string().contains("This server"),
        "{}",
        held.body
    );

    // A channel that answers only privately; the server's other channels stay public.
    let quiet = rules(
        &fake,
        (staff, MANAGE_GUILD),
        "channel",
        json!([int("answers", 1)]),
        Some(QUIET_ROOM),
    )
    .await
    .to_string();
    assert!(quiet.contains(&format!("<#{QUIET_ROOM}>")), "{quiet}");
    let essay = look(&fake, "en-US", QUIET_ROOM, "essay", json!([])).await;
    assert!(private(&essay), "{}", essay.body);
    assert!(
        !essay.body.to_string().contains("for you alone"),
        "a private channel says nothing more: {}",
        essay.body
    );
    assert!(!private(
        &look(&fake, "en-US", here, "essay", json!([])).await
    ));
    // The server answers privately everywhere but a channel staff open.
    rules(
        &fake,
        (staff, MANAGE_GUILD),
        "settings",
        json!([int("answers", 1), int("server_cooldown", 0)]),
        None,
    )
    .await;
    rules(
        &fake,
        (staff, MANAGE_GUILD),
        "channel",
        json!([int("answers", 0)]),
        Some(OTHER_ROOM),
    )
    .await;
    assert!(private(
        &look(
            &fake,
            "en-US",
            here,
            "thinker",
            json!([string_option("name", "adorno")])
        )
        .await
    ));
    assert!(!private(
        &look(
            &fake,
            "en-US",
            OTHER_ROOM,
            "thinker",
            json!([string_option("name", "adorno")])
        )
        .await
    ));
    bot.stop().await;
}
