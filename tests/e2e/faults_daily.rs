//! The daily post's fault suite, through the fake Discord with the bot's clock injected:
//! 500s and 429s on the channel across the post time (exactly one post, no prompt skipped);
//! a crash between the claim and Discord's acceptance (before and after it accepted), then a
//! restart (exactly one post); one server's hung or failing channel not delaying another's
//! post; per-server limits refused politely.

use std::path::Path;
use std::time::Duration;

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{FakeDiscord, GUILD_ID, MANAGE_GUILD, in_guild, subcommand, with_channel};
use crate::support::{self, answered, core, time_and_zone};
use aura::clock::Clock;
use aura::daily::runner::items;
use aura::daily::{DailySchedule, Deck, PostKind};
use aura::store::{Claim, Store};
use serde_json::{Value, json};

const POSTS: &str = "700000000000000011";
const OTHER: &str = "700000000000000012";
const SEED: u64 = 41;

/// A schedule for 08:00 UTC in `channel` of `guild`, drawing prompts with `SEED`.
fn schedule(guild: u64, channel: &str) -> DailySchedule {
    support::schedule(guild, channel, "08:00", PostKind::Prompt, SEED)
}

/// The first `n` prompts a fresh deck with `SEED` posts, in order.
fn deck_order(n: usize) -> Vec<String> {
    let core = core();
    let mut deck = Deck::new(SEED);
    (0..n)
        .filter_map(|_| {
            let all = items(
                &core,
                &deck,
                PostKind::Prompt,
                (&Default::default(), &[]),
                &[],
            );
            deck.draw(&all)
        })
        .collect()
}

/// A bot whose clock stands at `at`.
fn clock_at(at: &str) -> (Options, Clock) {
    let (options, clock) = Options::with_clock();
    clock.set(at.parse().expect("instant"));
    (options, clock)
}

async fn store_with(state: &Path, schedules: &[DailySchedule]) -> Vec<i64> {
    let store = Store::open_for_tests(state).await.expect("store");
    let mut ids = Vec::new();
    for s in schedules {
        ids.push(store.add_schedule(s).await.expect("add"));
    }
    store.close().await;
    ids
}

/// The prompts posted in a channel, as the store recorded them, oldest first.
async fn posted_items(state: &Path, id: i64) -> Vec<String> {
    let store = Store::open_for_tests(state).await.expect("store");
    let mut items: Vec<(String, String)> = store
        .past_posts(GUILD_ID.parse().expect("id"), 50)
        .await
        .expect("past")
        .into_iter()
        .filter(|p| p.schedule_id == id)
        .map(|p| (p.local_date, p.item))
        .collect();
    store.close().await;
    items.sort();
    items.into_iter().map(|(_, i)| i).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_and_rate_limits_across_the_post_time_give_one_post_and_skip_no_prompt() {
    let state = state_file();
    let ids = store_with(&state, &[schedule(GUILD_ID.parse().expect("id"), POSTS)]).await;
    let fake = FakeDiscord::start().await;
    // Four 500s (all of Aura's tries), then a 429, a 500 and a 429 on the next try.
    fake.fail_posts(POSTS, &[500, 500, 500, 500, 429, 500, 429], 0.2);
    let (options, clock) = clock_at("2026-03-02T07:59:50Z");
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(20), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(fake.posted_in(POSTS).len(), 1, "exactly one post");
    // The next day posts the prompt that follows in the deck.
    clock.set("2026-03-03T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().filter(|m| m.channel == POSTS).count() >= 2
    })
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(fake.posted_in(POSTS).len(), 2);
    bot.stop().await;
    assert_eq!(posted_items(&state, ids[0]).await, deck_order(2));
}

/// Leaves the state as a crash between the claim and Discord's answer leaves it: the day
/// claimed, the deck moved on, no message recorded.
async fn crash_after_claim(state: &Path, id: i64) -> (String, String) {
    let core = core();
    let store = Store::open_for_tests(state).await.expect("store");
    let now = "2026-03-02T08:00:01Z"
        .parse::<jiff::Timestamp>()
        .expect("t");
    let claim = store
        .claim_post(id, "2026-03-02", false, now.as_second(), |deck| {
            let all = items(
                &core,
                deck,
                PostKind::Prompt,
                (&Default::default(), &[]),
                &[],
            );
            deck.draw(&all)
        })
        .await
        .expect("claim");
    store.close().await;
    match claim {
        Claim::Claimed { item, nonce } => (item, nonce),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_before_discord_accepted_the_post_is_posted_once_after_restart() {
    let state = state_file();
    let ids = store_with(&state, &[schedule(GUILD_ID.parse().expect("id"), POSTS)]).await;
    let (item, nonce) = crash_after_claim(&state, ids[0]).await;
    let fake = FakeDiscord::start().await;
    let (options, _clock) = clock_at("2026-03-02T08:03:00Z");
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let posts = fake.posted_in(POSTS);
    assert_eq!(posts.len(), 1, "exactly one post");
    assert_eq!(posts[0].body["nonce"], json!(nonce));
    assert_eq!(posts[0].body["enforce_nonce"], json!(true));
    assert!(fake.history_reads() >= 1, "looked before posting");
    bot.stop().await;
    assert_eq!(posted_items(&state, ids[0]).await, vec![item]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_after_discord_accepted_the_post_is_found_not_posted_again() {
    let state = state_file();
    let ids = store_with(&state, &[schedule(GUILD_ID.parse().expect("id"), POSTS)]).await;
    let fake = FakeDiscord::start().await;
    // The first bot's post is accepted but its answer is lost; it then crashes (dropped
    // without a shutdown), leaving the claim pending.
    fake.lose_answers(POSTS, true);
    let (options, clock) = clock_at("2026-03-02T07:59:50Z");
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    drop(bot);
    tokio::time::sleep(Duration::from_millis(500)).await;
    // Restart with Discord answering again: the post is found, not sent again.
    fake.lose_answers(POSTS, false);
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(fake.posted_in(POSTS).len(), 1, "exactly one post");
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    let message = store.last_post_message(ids[0]).await.expect("q");
    assert_eq!(
        message.map(|m| m.to_string()),
        Some(fake.posted_in(POSTS)[0].id.clone()),
        "recorded as posted"
    );
    assert_eq!(store.pending_post(ids[0]).await.expect("q"), None);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_servers_hung_or_failing_channel_does_not_delay_anothers_post() {
    let state = state_file();
    store_with(
        &state,
        &[
            schedule(1, "700000000000000021"),
            schedule(2, "700000000000000022"),
            schedule(GUILD_ID.parse().expect("id"), POSTS),
        ],
    )
    .await;
    let fake = FakeDiscord::start().await;
    fake.hang_channel("700000000000000021", true);
    fake.fail_posts("700000000000000022", &[500; 40], 0.0);
    let (options, clock) = clock_at("2026-03-02T07:59:50Z");
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    let started = std::time::Instant::now();
    fake.wait_for_posts(Duration::from_secs(15), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    // Far below the hung channel's 90-second timeout and the failing one's retries, with room
    // for a loaded machine.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    // The schedules go out side by side: the hung channel is tried too, around the same time.
    let tried = std::time::Instant::now();
    while fake.hung_calls() == 0 && tried.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(fake.hung_calls() >= 1, "the hung channel was tried");
    bot.stop().await;
}

async fn setup(bot: &TestApp, channel: &str) -> Value {
    let id = next();
    let payload = with_channel(
        subcommand(
            id,
            77,
            "id",
            "daily",
            "setup",
            time_and_zone("08:00", "UTC"),
        ),
        "channel",
        channel,
    );
    let cb = bot
        .fake
        .interact(in_guild(payload, MANAGE_GUILD, &[]))
        .await;
    answered(&bot.fake, &cb).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_at_its_schedule_limit_is_told_politely() {
    let state = state_file();
    let guild: u64 = GUILD_ID.parse().expect("id");
    let full: Vec<DailySchedule> = (0..10).map(|_| schedule(guild, OTHER)).collect();
    store_with(&state, &full).await;
    let bot = TestApp::start_on(&state).await;
    let _fake = bot.fake.clone();
    let refused = setup(&bot, POSTS).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert!(refused.to_string().contains("10"), "{refused}");
    assert!(
        refused.to_string().contains("jadwal"),
        "in the member's language: {refused}"
    );
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    assert_eq!(store.schedule_count(guild).await.expect("q"), 10);
    store.close().await;
}
