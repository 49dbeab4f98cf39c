//! The daily post end to end: set up → post → thread → pin; exactly one post per schedule per
//! day across restarts and `/daily now`; a missed post caught up once, and a deleted channel
//! pausing only its schedule; a member's suggestion approved (DM) and one denied with a reason
//! (DMs closed: told in the channel, privately); the configured role pinged alone, members
//! opting in and out, and the archive.

use std::time::Duration;

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{
    FakeDiscord, GUILD_ID, MANAGE_GUILD, MEMBER, click, in_guild, string_option, subcommand,
    with_channel, with_role,
};
use crate::support::{self, answered, press, press_in, submit_in, time_and_zone};
use aura::clock::Clock;
use aura::daily::PostKind;
use aura::store::Store;
use serde_json::{Value, json};

const STAFF: u64 = 77;
const POSTS: &str = "700000000000000001";
const STAFF_ROOM: &str = "700000000000000002";

async fn daily(
    bot: &TestApp,
    user: u64,
    perms: u64,
    sub: &str,
    options: Value,
    channel: Option<(&str, &str)>,
) -> Value {
    let id = next();
    let mut payload = subcommand(id, user, "en-US", "daily", sub, options);
    if let Some((name, ch)) = channel {
        payload = with_channel(payload, name, ch);
    }
    let cb = bot.fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/daily {sub}: {}", cb.body);
    if cb.body["type"] == 5 {
        // Deferred (ephemeral "thinking…"): the answer replaces it.
        assert_eq!(cb.body["data"]["flags"], 64);
    }
    answered(&bot.fake, &cb).await
}

/// A bot whose clock stands just before 08:00 UTC on a Monday: a schedule set up for 08:00
/// is not yet due, and becomes due when the test moves the clock on.
fn before_eight() -> (Options, Clock) {
    let (options, clock) = Options::with_clock();
    clock.set("2026-03-02T07:59:40Z".parse().expect("instant"));
    (options, clock)
}

/// Moves the bot's clock to 08:00:05 UTC that day: the 08:00 post is due.
fn at_eight(clock: &Clock) {
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
}

/// The follow-up sent with an interaction's token.
pub async fn wait_for_followup(fake: &FakeDiscord, token: &str) -> Value {
    fake.wait_for(Duration::from_secs(5), |f| {
        f.followups().iter().any(|(t, _)| t == token)
    })
    .await;
    fake.followups()
        .into_iter()
        .find(|(t, _)| t == token)
        .map(|(_, body)| body)
        .unwrap_or(Value::Null)
}

/// `/daily setup` for 08:00 in `zone`, posting in `POSTS`, by `user` with `perms`.
async fn setup(bot: &TestApp, user: u64, perms: u64, zone: &str) -> Value {
    let options = time_and_zone("08:00", zone);
    daily(bot, user, perms, "setup", options, Some(("channel", POSTS))).await
}

/// `/daily staff` by staff: suggestions and warnings go to `STAFF_ROOM`.
async fn set_staff_room(bot: &TestApp) {
    daily(
        bot,
        STAFF,
        MANAGE_GUILD,
        "staff",
        json!([]),
        Some(("channel", STAFF_ROOM)),
    )
    .await;
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(1200)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn set_up_post_thread_pin_and_exactly_one_post_across_restarts() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let (options, clock) = before_eight();
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    // Members may not set up schedules.
    let refused = setup(&bot, 5, MEMBER, "UTC").await;
    assert!(refused.to_string().contains("permission"), "{refused}");
    // A bad zone is named.
    let bad = setup(&bot, STAFF, MANAGE_GUILD, "Mars/Olympus").await;
    assert!(bad.to_string().contains("Mars/Olympus"), "{bad}");
    let done = setup(&bot, STAFF, MANAGE_GUILD, "UTC").await;
    assert!(done.to_string().contains("is set up"), "{done}");
    // Not before its time.
    settle().await;
    assert!(fake.posted_in(POSTS).is_empty(), "posted before 08:00");
    at_eight(&clock);
    // The post goes out, with a thread on it, pinned, pinging nobody.
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    settle().await;
    let posts = fake.posted_in(POSTS);
    assert_eq!(posts.len(), 1);
    let post = &posts[0];
    assert_eq!(post.body["allowed_mentions"]["parse"], json!([]));
    let text = post.body.to_string();
    assert!(
        text.contains("Diskusi") || text.contains("Discussion"),
        "{text}"
    );
    assert!(text.contains("Benjamin against Adorno"), "{text}");
    assert_eq!(fake.threads().len(), 1);
    assert_eq!(fake.threads()[0].1, post.id);
    assert_eq!(
        fake.pins(),
        vec![(POSTS.to_string(), post.id.clone(), true)]
    );
    // /daily now the same day: the automatic post already went out, nothing more.
    let now = daily(&bot, STAFF, MANAGE_GUILD, "now", json!([]), None).await;
    assert!(now.to_string().contains("already gone out"), "{now}");
    let show = daily(&bot, STAFF, MANAGE_GUILD, "show", json!([]), None).await;
    assert!(show.to_string().contains("every permission"), "{show}");
    assert!(show.to_string().contains("left before the cycle"), "{show}");
    // A restart around the post time: still exactly one post.
    bot.stop().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1, "a restart posted again");
    bot.stop().await;
    // Every REST request, serenity's and Aura's own (the post, its thread, its pin), said who
    // it was.
    assert_eq!(fake.unidentified(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_missed_while_down_is_sent_once_on_recovery_and_a_gone_channel_pauses() {
    let state = state_file();
    // The bot comes back at 09:00, nine hours after the 00:00 post was due.
    let (options, clock) = before_eight();
    clock.set("2026-03-02T09:00:00Z".parse().expect("instant"));
    let store = Store::open_for_tests(&state).await.expect("store");
    let guild = GUILD_ID.parse().expect("id");
    let schedule = |channel| support::schedule(guild, channel, "00:00", PostKind::Quote, 3);
    store.add_schedule(&schedule(POSTS)).await.expect("add");
    store
        .add_schedule(&schedule("700000000000000009"))
        .await
        .expect("add");
    store.close().await;
    let fake = FakeDiscord::start().await;
    fake.break_channel("700000000000000009", 404);
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1);
    assert!(
        fake.posted_in(POSTS)[0]
            .body
            .to_string()
            .contains("Quote of the day")
    );
    let show = daily(&bot, STAFF, MANAGE_GUILD, "show", json!([]), None).await;
    assert!(show.to_string().contains("Paused"), "{show}");
    assert!(show.to_string().contains("Unknown Channel"), "{show}");
    bot.stop().await;
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suggestion_is_approved_and_another_denied_with_a_reason() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let none = daily(
        &bot,
        5,
        MEMBER,
        "suggest",
        json!([string_option("text", "Is a meme an artwork with aura?")]),
        None,
    )
    .await;
    assert!(none.to_string().contains("no suggestions yet"), "{none}");
    set_staff_room(&bot).await;
    let sent = daily(
        &bot,
        15,
        MEMBER,
        "suggest",
        json!([string_option("text", "Is a meme an artwork with aura?")]),
        None,
    )
    .await;
    assert!(sent.to_string().contains("Thank you"), "{sent}");
    fake.wait_for_posts(Duration::from_secs(5), |p| {
        p.iter().any(|m| m.channel == STAFF_ROOM)
    })
    .await;
    let card = fake.posted_in(STAFF_ROOM)[0].clone();
    let approve = card.body["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(approve.starts_with("aura:sugg-approve:"), "{}", card.body);
    // A member cannot decide; staff can.
    let nope = press_in(&fake, 5, MEMBER, STAFF_ROOM, &approve).await;
    assert!(nope.body.to_string().contains("permission"));
    let ok = press_in(&fake, STAFF, MANAGE_GUILD, STAFF_ROOM, &approve).await;
    assert_eq!(ok.body["type"], 7, "{}", ok.body);
    assert!(ok.body.to_string().contains("Approved"));
    fake.wait_for_posts(Duration::from_secs(5), |p| {
        p.iter().any(|m| m.channel == "7715")
    })
    .await;
    assert!(
        fake.posted_in("7715")[0]
            .body
            .to_string()
            .contains("approved")
    );

    // The second is denied with a reason; the member's DMs are closed.
    fake.close_dms("6");
    let near = daily(
        &bot,
        6,
        MEMBER,
        "suggest",
        json!([string_option(
            "text",
            "What is the aura of a work of art, and why does it wither?"
        )]),
        None,
    )
    .await;
    assert!(near.to_string().contains("Thank you"), "{near}");
    fake.wait_for_posts(Duration::from_secs(5), |p| {
        p.iter().filter(|m| m.channel == STAFF_ROOM).count() >= 2
    })
    .await;
    let card = fake.posted_in(STAFF_ROOM)[1].clone();
    let deny = card.body["components"][0]["components"][1]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let modal = press_in(&fake, STAFF, MANAGE_GUILD, STAFF_ROOM, &deny).await;
    assert_eq!(modal.body["type"], 9, "{}", modal.body);
    let reason_id = modal.body["data"]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let reason = [("reason", "We discussed this last week")];
    let submit = submit_in(
        &fake,
        (STAFF, MANAGE_GUILD),
        STAFF_ROOM,
        &reason_id,
        &reason,
    )
    .await;
    assert_eq!(submit.body["type"], 7, "{}", submit.body);
    assert!(
        submit
            .body
            .to_string()
            .contains("We discussed this last week")
    );
    fake.wait_for(Duration::from_secs(5), |f| !f.followups().is_empty())
        .await;
    let (_, note) = fake.followups()[0].clone();
    assert_eq!(note["flags"], 64);
    assert!(
        note.to_string().contains("We discussed this last week"),
        "{note}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_configured_role_is_pinged_alone_members_opt_in_and_the_archive_remembers() {
    let fake = FakeDiscord::start().await;
    let (options, clock) = before_eight();
    at_eight(&clock);
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    const ROLE: &str = "880000000000000001";
    let id = next();
    let payload = with_role(
        with_channel(
            subcommand(
                id,
                STAFF,
                "id",
                "daily",
                "setup",
                json!([
                    string_option("time", "08:00"),
                    string_option("timezone", "UTC"),
                    { "type": 5, "name": "thread", "value": false }
                ]),
            ),
            "channel",
            POSTS,
        ),
        "role",
        ROLE,
    );
    let cb = fake.interact(in_guild(payload, MANAGE_GUILD, &[])).await;
    assert!(cb.body.to_string().contains("sudah diatur"), "{}", cb.body);
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    let post = fake.posted_in(POSTS)[0].clone();
    // Only the configured role may be pinged: no @everyone, no other role, no user.
    assert_eq!(post.body["content"], format!("<@&{ROLE}>"));
    assert_eq!(post.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(post.body["allowed_mentions"]["roles"], json!([ROLE]));
    assert!(
        post.body.to_string().contains("Pertanyaan diskusi"),
        "posted in the schedule's language"
    );
    assert!(fake.threads().is_empty(), "threads were turned off");
    // A member opts in with the post's button, then out again.
    let notify = format!("aura:daily-role:{ROLE}");
    // The click is answered before Aura calls Discord; the result follows privately.
    let on = press(&fake, 31, MEMBER, &notify).await;
    assert_eq!(on.body["type"], 6, "{}", on.body);
    let on = wait_for_followup(&fake, &on.token).await;
    assert_eq!(on["flags"], 64, "{on}");
    assert!(on.to_string().contains("You will be pinged"), "{on}");
    let off = fake
        .interact(in_guild(
            click(next(), 31, "en-US", &notify, None),
            MEMBER,
            &[ROLE],
        ))
        .await;
    let off = wait_for_followup(&fake, &off.token).await;
    assert!(off.to_string().contains("no longer"), "{off}");
    assert_eq!(
        fake.role_changes(),
        vec![
            ("31".to_string(), ROLE.to_string(), true),
            ("31".to_string(), ROLE.to_string(), false)
        ]
    );
    // The archive lists the post (once Discord's answer to it is stored), and can bring it back
    // at random.
    let mut past = daily(&bot, 31, MEMBER, "past", json!([]), None).await;
    // (Asked again by other members: a member's cooldown would answer the same one.)
    for other in 3100..3150 {
        if !past.to_string().contains("No daily post") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        past = daily(&bot, other, MEMBER, "past", json!([]), None).await;
    }
    assert_eq!(past["data"]["flags"], 64);
    assert!(past.to_string().contains("Latest daily posts"), "{past}");
    let again = daily(
        &bot,
        32,
        MEMBER,
        "past",
        json!([{ "type": 5, "name": "random", "value": true }]),
        None,
    )
    .await;
    assert!(again.to_string().contains("From the archive"), "{again}");
    assert_eq!(again["data"]["allowed_mentions"]["parse"], json!([]));
    bot.stop().await;
}

/// A schedule's next post skipped, then the schedule paused and resumed, on the bot's clock:
/// the skipped day posts nothing and the next day posts once; a paused day posts nothing, and
/// nothing is caught up on resuming; the day after the resume posts again. A member may do none
/// of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skipping_the_next_post_and_pausing_and_resuming_a_schedule() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let (options, clock) = before_eight();
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let done = setup(&bot, STAFF, MANAGE_GUILD, "UTC").await;
    assert!(done.to_string().contains("is set up"), "{done}");
    let refused = daily(&bot, 5, MEMBER, "skip", json!([]), None).await;
    assert!(refused.to_string().contains("permission"), "{refused}");
    let skipped = daily(&bot, STAFF, MANAGE_GUILD, "skip", json!([]), None).await;
    assert!(skipped.to_string().contains("will be skipped"), "{skipped}");
    // Monday's post is skipped.
    at_eight(&clock);
    settle().await;
    assert!(fake.posted_in(POSTS).is_empty(), "a skipped post went out");
    // Tuesday's goes out, once.
    clock.set("2026-03-03T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1);
    // Paused on Tuesday: Wednesday posts nothing.
    clock.set("2026-03-03T09:00:00Z".parse().expect("instant"));
    let refused = daily(&bot, 5, MEMBER, "pause", json!([]), None).await;
    assert!(refused.to_string().contains("permission"), "{refused}");
    let paused = daily(&bot, STAFF, MANAGE_GUILD, "pause", json!([]), None).await;
    assert!(paused.to_string().contains("is paused"), "{paused}");
    clock.set("2026-03-04T08:00:05Z".parse().expect("instant"));
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1, "a paused schedule posted");
    // Resumed on Thursday morning: Wednesday is not caught up; Thursday posts at 08:00.
    clock.set("2026-03-05T07:00:00Z".parse().expect("instant"));
    let resumed = daily(&bot, STAFF, MANAGE_GUILD, "resume", json!([]), None).await;
    assert!(resumed.to_string().contains("posts again"), "{resumed}");
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 1, "a paused day was caught up");
    clock.set("2026-03-05T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().filter(|m| m.channel == POSTS).count() >= 2
    })
    .await;
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 2);
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}

/// A schedule of debate motions (ten in the pack): the fourth post leaves six, and the staff
/// channel is told once, with the schedule and its channel named and nobody pinged; the fifth
/// post says nothing more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_staff_channel_hears_once_when_a_schedule_runs_low() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let (options, clock) = before_eight();
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    set_staff_room(&bot).await;
    let mut setup_options = time_and_zone("08:00", "UTC");
    if let Some(list) = setup_options.as_array_mut() {
        list.push(json!({ "type": 4, "name": "kind", "value": 2 }));
    }
    let done = daily(
        &bot,
        STAFF,
        MANAGE_GUILD,
        "setup",
        setup_options,
        Some(("channel", POSTS)),
    )
    .await;
    assert!(done.to_string().contains("is set up"), "{done}");
    for day in 2..=6 {
        clock.set(
            format!("2026-03-{day:02}T08:00:05Z")
                .parse()
                .expect("instant"),
        );
        let n = day - 1;
        fake.wait_for_posts(Duration::from_secs(10), move |p| {
            p.iter().filter(|m| m.channel == POSTS).count() >= n
        })
        .await;
    }
    settle().await;
    assert_eq!(fake.posted_in(POSTS).len(), 5);
    let warnings = fake.posted_in(STAFF_ROOM);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = warnings[0].body.to_string();
    assert!(warning.contains("has 6 left"), "{warning}");
    assert!(warning.contains(&format!("<#{POSTS}>")), "{warning}");
    assert_eq!(warnings[0].body["allowed_mentions"]["parse"], json!([]));
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}

/// Staff queue prompts with priorities: `next` first of all, `high` after it, `normal` in
/// turn, `low` after the rest of the cycle. `/daily queue` lists them marked, and the next
/// three days post them in that order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_posts_by_priority() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let (options, clock) = before_eight();
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    setup(&bot, STAFF, MANAGE_GUILD, "UTC").await;
    let core = support::core();
    let prompts: Vec<(String, String)> = core.library.packs[0]
        .prompts
        .iter()
        .take(4)
        .map(|p| (p.id.clone(), p.text.get(aura::pack::Lang::En).to_string()))
        .collect();
    let queue = |item: &str, priority: Option<i64>| {
        let mut options = vec![string_option("next", item)];
        if let Some(p) = priority {
            options.push(json!({ "type": 4, "name": "priority", "value": p }));
        }
        json!(options)
    };
    // Choices: next 0, high 1, normal 2, low 3.
    let order = [(0, Some(2)), (1, Some(3)), (2, Some(1)), (3, None)];
    let mut shown = Value::Null;
    for (i, priority) in order {
        shown = daily(
            &bot,
            STAFF,
            MANAGE_GUILD,
            "queue",
            queue(&prompts[i].0, priority),
            None,
        )
        .await;
    }
    let listed = shown.to_string();
    let at = |id: &str| listed.find(&format!("`{id}`")).unwrap_or(usize::MAX);
    assert!(at(&prompts[3].0) < at(&prompts[2].0), "{listed}");
    assert!(at(&prompts[2].0) < at(&prompts[0].0), "{listed}");
    assert!(listed.contains("queued: high"), "{listed}");
    assert!(listed.contains("queued: normal"), "{listed}");
    assert!(
        !listed.contains(&format!("`{}`", prompts[1].0)),
        "low waits: {listed}"
    );
    // The three next posts: next, high, normal.
    for (day, expected) in [(2, 3), (3, 2), (4, 0)] {
        clock.set(
            format!("2026-03-0{day}T08:00:05Z")
                .parse()
                .expect("instant"),
        );
        fake.wait_for_posts(Duration::from_secs(10), |p| {
            p.iter().filter(|m| m.channel == POSTS).count() >= day - 1
        })
        .await;
        let posts = fake.posted_in(POSTS);
        let last = posts.last().expect("a post").body.to_string();
        let text = &prompts[expected].1;
        let head: String = text.chars().take(40).collect();
        assert!(last.contains(&head), "day {day}: expected {text}: {last}");
    }
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}
