//! A member's own language end to end: `/language` (`/bahasa`) shows where the language comes
//! from, a choice changes the member's private replies and forms in every server but not the
//! shared posts, and going back to the client's language undoes it.

use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, open_state, state_file};
use crate::fake::{FakeDiscord, GUILD_ID, MEMBER, command, in_guild, subcommand};
use crate::support::{self, custom_ids, opt, press_in};
use aura::daily::PostKind;

const POSTS: &str = "700000000000000001";
const STUDENT: u64 = 5;

/// `/language` by the student (an English Discord), with `options`; the reply's text.
async fn language(fake: &FakeDiscord, options: Value) -> String {
    // `/language` has a cooldown of two seconds a member.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let payload = command(next(), STUDENT, "en-US", "language", options);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
    cb.body.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_language_changes_their_private_replies_not_the_shared_posts() {
    let state = state_file();
    let (options, clock) = Options::with_clock();
    clock.set("2026-03-02T07:59:40Z".parse().expect("instant"));
    let store = open_state(&state).await;
    let guild = GUILD_ID.parse().expect("id");
    let schedule = support::schedule(guild, POSTS, "08:00", PostKind::Prompt, 5);
    store.add_schedule(&schedule).await.expect("schedule");
    store.close().await;
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;

    // Where the language comes from: the client.
    let now = language(&fake, json!([])).await;
    assert!(now.contains("your Discord's language"), "{now}");
    // Indonesian chosen (the first choice): said in Indonesian.
    let set = language(&fake, json!([opt("language", json!(0))])).await;
    assert!(
        set.contains("Mulai sekarang Aura menjawabmu dalam bahasa Indonesia"),
        "{set}"
    );
    let now = language(&fake, json!([])).await;
    assert!(
        now.contains("sesuai pilihanmu") && now.contains("bahasa Inggris"),
        "{now}"
    );
    // A private reply in Indonesian, though the client is English.
    let payload = subcommand(next(), STUDENT, "en-US", "responses", "mine", json!([]));
    let mine = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert!(
        mine.body
            .to_string()
            .contains("Kamu belum menulis tanggapan"),
        "{}",
        mine.body
    );

    // The daily post, shared, keeps the schedule's English.
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    let post = fake.posted_in(POSTS)[0].body.clone();
    let text = post.to_string();
    assert!(
        text.contains("Discussion prompt") && text.contains("Respond"),
        "{text}"
    );
    // The member's form from it follows their choice.
    let respond = custom_ids(&post)
        .into_iter()
        .find(|id| id.starts_with("aura:rsp:"))
        .expect("Respond");
    let form = press_in(&fake, STUDENT, MEMBER, POSTS, &respond).await;
    assert_eq!(form.body["data"]["title"], "Tanggapanmu", "{}", form.body);

    // Back to the client's language.
    let back = language(&fake, json!([opt("language", json!(2))])).await;
    assert!(
        back.contains("your Discord's language again (English)"),
        "{back}"
    );
    let form = press_in(&fake, STUDENT, MEMBER, POSTS, &respond).await;
    assert_eq!(form.body["data"]["title"], "Your response", "{}", form.body);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_schedule_in_both_languages_posts_them_side_by_side() {
    let state = state_file();
    let (options, clock) = Options::with_clock();
    clock.set("2026-03-02T07:59:40Z".parse().expect("instant"));
    let store = open_state(&state).await;
    let guild = GUILD_ID.parse().expect("id");
    let mut schedule = support::schedule(guild, POSTS, "08:00", PostKind::Prompt, 5);
    schedule.lang = aura::pack::Lang::Id;
    schedule.bilingual = true;
    store.add_schedule(&schedule).await.expect("schedule");
    store.close().await;
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    let post = fake.posted_in(POSTS)[0].body.clone();
    let title = post["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert_eq!(
        title, "Pertanyaan diskusi hari ini · Discussion prompt of the day",
        "Indonesian first, then English"
    );
    let text = post["embeds"][0]["description"].as_str().unwrap_or("");
    assert!(text.contains("───"), "{text}");
    assert_eq!(post["allowed_mentions"]["parse"], json!([]));
    bot.stop().await;
}

/// A server whose staff set its shared posts to both languages (`/language posts:both`): a
/// round, a quick vote, a class debate and a daily schedule that name no language of their own
/// all show Indonesian and English side by side, Indonesian first, though each was started
/// from an English Discord; a member may not change the server's setting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_set_to_both_languages_shows_new_rounds_debates_and_schedules_in_both() {
    use crate::fake::{CHANNEL_ID, MANAGE_GUILD, MANAGE_MESSAGES, string_option, with_channel};
    let state = state_file();
    let (options, clock) = Options::with_clock();
    clock.set("2026-03-02T07:59:40Z".parse().expect("instant"));
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let both = json!([opt("posts", json!(2))]);

    // A member may not; staff may.
    let refused = language(&fake, both.clone()).await;
    assert!(refused.contains("permission"), "{refused}");
    let payload = command(next(), 77, "en-US", "language", both);
    let set = fake.interact(in_guild(payload, MANAGE_GUILD, &[])).await;
    let set = set.body.to_string();
    assert!(set.contains("Indonesian and English side by side"), "{set}");
    let now = language(&fake, json!([])).await;
    assert!(
        now.contains("This server's shared posts: Indonesian and English side by side"),
        "{now}"
    );

    // A round with no `bilingual:`: its first card and its question in both, Indonesian first.
    let started = support::teacher_quiz(&fake, "start", json!([opt("questions", json!(1))])).await;
    let text = started.to_string();
    assert!(
        text.contains("───"),
        "the round's first card in both: {text}"
    );
    let (question, _) = support::first_question(&fake).await;
    assert_eq!(
        question["embeds"][0]["title"], "Soal 1 dari 1 · Question 1 of 1",
        "{question}"
    );

    // A quick vote on a motion whose two sides fit one card: its card in both.
    let motion = json!([opt("motion", json!("benjamin:loss-of-aura-is-a-gain"))]);
    let payload = subcommand(next(), 88, "en-US", "debate", "start", motion);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.body.to_string().contains("aura:vote:"))
    })
    .await;
    let vote = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(|m| m.body.to_string().contains("aura:vote:"))
        .expect("the vote card");
    let description = vote.body["embeds"][0]["description"].as_str().unwrap_or("");
    assert!(description.contains("───"), "{}", vote.body);
    assert!(
        aura::render::limits::check_message(&vote.body).is_empty(),
        "{}",
        vote.body
    );
    let title = vote.body["embeds"][0]["title"].as_str().unwrap_or("");
    assert!(title.starts_with("Mosi: "), "Indonesian first: {title}");
    // Its starter closes it: the result in both too.
    let close = custom_ids(&vote.body)
        .into_iter()
        .find(|id| id.starts_with("aura:close:"))
        .expect("Close");
    let closed = support::press(&fake, 88, MEMBER, &close).await;
    assert!(closed.body.to_string().contains("───"), "{}", closed.body);
    // A debate that names English alone (`language:english bilingual:false`) is English alone.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let english = json!([
        opt("motion", json!("benjamin:film-makes-experts")),
        opt("language", json!(1)),
        opt("bilingual", json!(false))
    ]);
    let payload = subcommand(next(), 88, "en-US", "debate", "start", english);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .filter(|m| m.body.to_string().contains("aura:vote:"))
            .count()
            >= 2
    })
    .await;
    let second = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .filter(|m| m.body.to_string().contains("aura:vote:"))
        .nth(1)
        .expect("the second vote card");
    let title = second.body["embeds"][0]["title"].as_str().unwrap_or("");
    assert!(title.starts_with("Motion: "), "{title}");
    assert!(!title.contains("Mosi"), "{title}");

    // A class debate: its control message in both.
    let class = json!([
        { "type": 4, "name": "format", "value": 1 },
        opt("motion", json!("benjamin:loss-of-aura-is-a-gain"))
    ]);
    let payload = subcommand(next(), 4242, "en-US", "debate", "start", class);
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    let said = support::shown(&fake, &cb).await;
    assert!(said.to_string().contains("class debate is open"), "{said}");
    let (_, thread, _) = fake.threads().last().cloned().expect("a thread");
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == thread)
    })
    .await;
    let control = fake.posted_in(&thread)[0].body.clone();
    let control_text = control.to_string();
    assert!(control_text.contains("───"), "{control_text}");
    assert!(
        aura::render::limits::check_message(&control).is_empty(),
        "{control}"
    );

    // Homework: its card in both, Indonesian first.
    let (homework, _) = support::assigned(
        &fake,
        json!([
            opt("due", json!("2026-03-03 18:00")),
            opt("timezone", json!("UTC")),
            opt("questions", json!(2)),
        ]),
    )
    .await;
    assert_eq!(
        homework.body["embeds"][0]["title"], "PR #1 · Homework #1",
        "{}",
        homework.body
    );

    // A schedule set up without `language:` or `bilingual:` posts in both.
    let setup = subcommand(
        next(),
        77,
        "en-US",
        "daily",
        "setup",
        json!([
            string_option("time", "08:00"),
            string_option("timezone", "UTC")
        ]),
    );
    let setup = with_channel(setup, "channel", POSTS);
    let cb = fake.interact(in_guild(setup, MANAGE_GUILD, &[])).await;
    let set_up = support::answered(&fake, &cb).await.to_string();
    assert!(
        set_up.contains("in Indonesian and English side by side"),
        "{set_up}"
    );
    // A prompt whose two sides fit one card goes next.
    let next_up = json!([string_option("next", "museum-selfie")]);
    let queue = subcommand(next(), 77, "en-US", "daily", "queue", next_up);
    let queued = fake.interact(in_guild(queue, MANAGE_GUILD, &[])).await;
    assert_eq!(queued.status, 204, "{}", queued.body);
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    let post = fake.posted_in(POSTS)[0].body.clone();
    assert!(
        post["embeds"][0]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Pertanyaan diskusi hari ini · ")),
        "{post}"
    );
    let text = post["embeds"][0]["description"].as_str().unwrap_or("");
    assert!(
        text.contains("Mona Lisa") && text.contains("───"),
        "the queued prompt in both: {text}"
    );
    bot.stop().await;
}
