//! The runner over a recorder with an injected clock: one post per local day, catch-up,
//! refusals, pending posts, lost answers, suggestions and hung channels.

use super::*;
use crate::outbox::OutboxError;
use crate::outbox::recorder::{Call, Recorder, Sent};
use crate::pack::Lang;

fn schedule(time: &str, zone: &str, days: &str) -> DailySchedule {
    DailySchedule {
        time: time.into(),
        zone: zone.into(),
        days: days.into(),
        deck: Deck::new(5),
        ..DailySchedule::sample()
    }
}

/// A daily 08:00 UTC schedule added to `store`: its id.
async fn daily_at_eight(store: &Store) -> i64 {
    store
        .add_schedule(&schedule("08:00", "UTC", "daily"))
        .await
        .expect("add")
}

fn ts(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

fn gone() -> OutboxError {
    OutboxError::Gone {
        status: 404,
        detail: "Unknown Channel".into(),
    }
}

#[tokio::test]
async fn one_post_per_local_day_with_an_injected_clock() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let id = store
        .add_schedule(&schedule("08:00", "Asia/Jakarta", "daily"))
        .await
        .expect("add");
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    // 07:59 in Jakarta (UTC+7): nothing; 08:00: one post; later ticks that day: none.
    assert!(runner.tick(ts("2026-03-02T00:59:00Z")).await.is_empty());
    let first = runner.tick(ts("2026-03-02T01:00:00Z")).await;
    assert!(matches!(first[0].1, Ok(Posted::Sent { .. })), "{first:?}");
    assert!(runner.tick(ts("2026-03-02T01:00:30Z")).await.is_empty());
    assert!(runner.tick(ts("2026-03-02T16:59:00Z")).await.is_empty());
    // The next local day posts again, a different prompt.
    let next = runner.tick(ts("2026-03-03T01:00:05Z")).await;
    assert!(matches!(next[0].1, Ok(Posted::Sent { .. })));
    assert_eq!(outbox.posts().len(), 2);
    assert_eq!(store.post_count(id).await.expect("count"), 2);
}

#[tokio::test]
async fn a_missed_post_is_caught_up_once_within_the_window_only() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    store
        .add_schedule(&schedule("09:00", "Europe/Berlin", "daily"))
        .await
        .expect("add");
    let outbox = Recorder::new();
    let strict = Runner {
        catch_up: Some(Duration::from_secs(3600)),
        ..runner(&core, &store, &outbox)
    };
    // Down from 08:00 to 11:30 Berlin (UTC+1 in March): past a one-hour window, no post.
    assert!(strict.tick(ts("2026-03-02T10:30:00Z")).await.is_empty());
    // The same outage with no window (the bot's settings, so another store).
    let other = Store::in_memory().await.expect("store");
    other
        .add_schedule(&schedule("09:00", "Europe/Berlin", "daily"))
        .await
        .expect("add");
    let lenient = Runner {
        catch_up: None,
        store: &other,
        ..strict
    };
    let caught = lenient.tick(ts("2026-03-02T10:30:00Z")).await;
    assert!(matches!(caught[0].1, Ok(Posted::Sent { .. })));
    assert!(lenient.tick(ts("2026-03-02T10:31:00Z")).await.is_empty());
    // After local midnight the missed day is not posted any more; the new day waits for 09:00.
    assert!(lenient.tick(ts("2026-03-03T07:00:00Z")).await.is_empty());
}

#[tokio::test]
async fn manual_and_automatic_never_both_and_a_refusal_pauses_only_that_schedule() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let a = daily_at_eight(&store).await;
    let b = daily_at_eight(&store).await;
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    let s_a = store.schedules(None).await.expect("list")[0].clone();
    let manual = runner
        .post(&s_a, "2026-03-02", ts("2026-03-02T07:00:00Z"), true)
        .await
        .expect("post");
    assert!(matches!(manual, Posted::Sent { .. }));
    let ticked = runner.tick(ts("2026-03-02T08:00:00Z")).await;
    assert_eq!(ticked.len(), 1, "only b was still due: {ticked:?}");
    assert_eq!(ticked[0].0, b);
    // Tomorrow a's channel is gone: a pauses with the reason, b still posts.
    outbox.fail(Call::Post, gone());
    let s_b = store.schedules(None).await.expect("list")[1].clone();
    let out = runner
        .post(&s_a, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
        .await;
    assert_eq!(out.expect("run"), Posted::Paused(gone().to_string()));
    outbox.heal(Call::Post);
    let out = runner
        .post(&s_b, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
        .await;
    assert!(matches!(out.expect("run"), Posted::Sent { .. }));
    let listed = store.schedules(None).await.expect("list");
    let paused = listed.iter().find(|s| s.id == a).expect("a");
    assert!(paused.paused);
    assert_eq!(paused.pause_reason, Some(gone().to_string()));
    // The paused schedule's day was given back, so it can post once resumed.
    assert_eq!(
        store.last_post_date(a).await.expect("q").as_deref(),
        Some("2026-03-02")
    );
}

fn runner<'a>(core: &'a Core, store: &'a Store, outbox: &'a Recorder) -> Runner<'a> {
    Runner {
        core,
        store,
        outbox,
        catch_up: None,
        timeout: Duration::from_secs(5),
    }
}

/// Discord refuses the first post, at 08:00 on 2 March, with `status`: a passing failure.
async fn a_first_post_that_fails(
    runner: &Runner<'_>,
    outbox: &Recorder,
    status: u16,
    detail: &str,
) {
    outbox.fail(
        Call::Post,
        OutboxError::Refused {
            status,
            detail: detail.into(),
        },
    );
    assert_transient(&runner.tick(ts("2026-03-02T08:00:00Z")).await);
}

/// Once posts go through again: the retry on 2 March, nothing more that day, and 3 March's
/// post; the items they sent.
async fn the_retry_and_the_next_day(runner: &Runner<'_>, outbox: &Recorder) -> Vec<String> {
    outbox.heal(Call::Post);
    let first = sent_item(&runner.tick(ts("2026-03-02T08:00:20Z")).await);
    assert!(runner.tick(ts("2026-03-02T08:01:00Z")).await.is_empty());
    let second = sent_item(&runner.tick(ts("2026-03-03T08:00:00Z")).await);
    vec![first, second]
}

/// A tick whose one post failed in a way worth trying again.
fn assert_transient(out: &[(i64, Result<Posted, RunError>)]) {
    assert!(matches!(out[0].1, Err(RunError::Transient(_))), "{out:?}");
}

fn sent_item(out: &[(i64, Result<Posted, RunError>)]) -> String {
    match out {
        [(_, Ok(Posted::Sent { item, .. }))] => item.clone(),
        _ => panic!("{out:?}"),
    }
}

/// The items two days of posts without any failure would post.
async fn two_plain_days(core: &Core) -> Vec<String> {
    let store = Store::in_memory().await.expect("store");
    daily_at_eight(&store).await;
    let outbox = Recorder::new();
    let plain = runner(core, &store, &outbox);
    vec![
        sent_item(&plain.tick(ts("2026-03-02T08:00:00Z")).await),
        sent_item(&plain.tick(ts("2026-03-03T08:00:00Z")).await),
    ]
}

#[tokio::test]
async fn a_refused_post_gives_back_its_day_and_its_place_in_the_deck() {
    let core = Core::for_tests();
    let expected = two_plain_days(&core).await;
    let store = Store::in_memory().await.expect("store");
    let id = daily_at_eight(&store).await;
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    // Discord refuses (rate limited longer than Aura waits): surely not posted.
    a_first_post_that_fails(&runner, &outbox, 429, "rate limited for 60s").await;
    assert_eq!(
        store.post_count(id).await.expect("count"),
        0,
        "day given back"
    );
    let deck = store.schedules(None).await.expect("list")[0].deck.clone();
    assert!(deck.posted.is_empty(), "the place given back: {deck:?}");
    let sent = the_retry_and_the_next_day(&runner, &outbox).await;
    assert_eq!(sent, expected, "no prompt skipped");
    assert_eq!(outbox.posts().len(), 2);
}

#[tokio::test]
async fn a_post_with_no_answer_stays_pending_and_goes_out_once() {
    let core = Core::for_tests();
    let expected = two_plain_days(&core).await;
    let store = Store::in_memory().await.expect("store");
    daily_at_eight(&store).await;
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    // 5xx after Aura's retries: Discord may or may not have the post.
    a_first_post_that_fails(&runner, &outbox, 500, "Internal Server Error").await;
    // Not in the channel: sent now, with the claim's item and nonce.
    let sent = the_retry_and_the_next_day(&runner, &outbox).await;
    assert_eq!(sent, expected);
    let nonces: Vec<Option<String>> = outbox
        .sent()
        .into_iter()
        .filter_map(|s| match s {
            Sent::Post { nonce, .. } => Some(nonce),
            _ => None,
        })
        .collect();
    assert_eq!(
        nonces,
        vec![Some("d1.20260302".into()), Some("d1.20260303".into())]
    );
}

#[tokio::test]
async fn a_post_accepted_but_unanswered_is_found_and_not_posted_again() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let id = daily_at_eight(&store).await;
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    outbox.lose_answers(Some(OutboxError::Unreachable("timed out".into())));
    assert_transient(&runner.tick(ts("2026-03-02T08:00:00Z")).await);
    outbox.lose_answers(None);
    let found = runner.tick(ts("2026-03-02T08:00:20Z")).await;
    assert!(
        matches!(found[0].1, Ok(Posted::Sent { message: 1, .. })),
        "{found:?}"
    );
    assert_eq!(outbox.posts().len(), 1, "exactly one post");
    assert_eq!(store.last_post_message(id).await.expect("q"), Some(1));
    assert!(runner.tick(ts("2026-03-02T09:00:00Z")).await.is_empty());
}

#[tokio::test]
async fn an_approved_suggestion_survives_a_failed_post() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let id = daily_at_eight(&store).await;
    let sg = store
        .add_suggestion(1, 2, 3, "Is a meme an artwork with aura?", "tok", 0)
        .await
        .expect("suggest");
    store
        .update_deck(id, |d| d.put_next(&format!("{SUGGESTION}{sg}")))
        .await
        .expect("queue");
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    outbox.fail(
        Call::Post,
        OutboxError::Refused {
            status: 400,
            detail: "Bad Request".into(),
        },
    );
    assert!(runner.tick(ts("2026-03-02T08:00:00Z")).await[0].1.is_err());
    outbox.heal(Call::Post);
    let item = sent_item(&runner.tick(ts("2026-03-02T08:00:20Z")).await);
    assert_eq!(item, format!("{SUGGESTION}{sg}"));
    let posted = outbox.posts()[0].1.reply.text.clone();
    assert!(posted.contains("Is a meme an artwork"), "{posted}");
}

#[tokio::test]
async fn a_hung_schedule_does_not_hold_another() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    for _ in 0..2 {
        daily_at_eight(&store).await;
    }
    let outbox = Recorder::new();
    outbox.hang_channel(2);
    let mut other = schedule("08:00", "UTC", "daily");
    other.channel = 3;
    let b = store.add_schedule(&other).await.expect("add");
    let runner = Runner {
        timeout: Duration::from_millis(300),
        ..runner(&core, &store, &outbox)
    };
    let started = std::time::Instant::now();
    let out = runner.tick(ts("2026-03-02T08:00:00Z")).await;
    assert!(started.elapsed() < Duration::from_secs(2));
    let sent: Vec<i64> = out
        .iter()
        .filter(|(_, o)| matches!(o, Ok(Posted::Sent { .. })))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(sent, vec![b], "{out:?}");
}

/// The post that leaves fewer than seven items tells the staff channel once, in the schedule's
/// language; the posts before and after it do not.
#[tokio::test]
async fn the_staff_hear_once_when_a_cycle_runs_low() {
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let sample = DailySchedule {
        kind: PostKind::Motion,
        lang: Lang::En,
        ..schedule("08:00", "UTC", "daily")
    };
    let id = store.add_schedule(&sample).await.expect("add");
    store
        .set_staff_channel(sample.guild, 900)
        .await
        .expect("staff");
    let outbox = Recorder::new();
    let runner = runner(&core, &store, &outbox);
    let motions = core.library.packs[0].motions.len();
    for day in 1..=motions {
        let at = ts(&format!("2026-03-{day:02}T08:00:05Z"));
        let out = runner.tick(at).await;
        assert!(matches!(out[0].1, Ok(Posted::Sent { .. })), "{out:?}");
    }
    let warnings: Vec<String> = outbox
        .posts()
        .iter()
        .filter(|(channel, _)| *channel == 900)
        .map(|(_, m)| format!("{m:?}"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&format!("schedule #{id}")),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].contains("has 6 left"), "{}", warnings[0]);
}

/// With a reading plan, a schedule draws the prompts (and motions) on the sections read so far,
/// and what staff queued whatever its sections; hidden ones never; with nothing read, all.
#[test]
fn a_schedule_draws_what_the_class_has_read() {
    use crate::course::model::{Hidden, ItemKind, reached, sections_of};
    let core = Core::for_tests();
    let pack = &core.library.packs[0];
    let mut deck = Deck::new(1);
    let all = items(
        &core,
        &deck,
        PostKind::Motion,
        (&Hidden::default(), &[]),
        &[],
    );
    assert_eq!(all.len(), pack.motions.len());
    let placed = pack
        .motions
        .iter()
        .find(|m| !sections_of(pack, ItemKind::Motion, &m.id).is_empty())
        .expect("a motion on a section");
    let read = sections_of(pack, ItemKind::Motion, &placed.id)[..1].to_vec();
    let narrowed = items(
        &core,
        &deck,
        PostKind::Motion,
        (&Hidden::default(), &read),
        &[],
    );
    assert!(narrowed.contains(&placed.id));
    assert!(narrowed.len() < all.len(), "{narrowed:?}");
    assert!(
        narrowed
            .iter()
            .all(|id| reached(pack, ItemKind::Motion, id, &read))
    );
    let unread = all
        .iter()
        .find(|id| !narrowed.contains(id))
        .expect("one not read");
    deck.put(unread, crate::daily::deck::Priority::Next);
    let queued = items(
        &core,
        &deck,
        PostKind::Motion,
        (&Hidden::default(), &read),
        &[],
    );
    assert!(queued.contains(unread), "staff queued it");
    let mut hidden = Hidden::default();
    hidden
        .0
        .insert((ItemKind::Motion, format!("{}:{}", pack.id, placed.id)));
    let without = items(&core, &deck, PostKind::Motion, (&hidden, &read), &[]);
    assert!(!without.contains(&placed.id));
}

/// A teacher's own prompt is drawn beside the pack's, whatever the reading plan, and posted
/// as theirs: labelled, shown as written (no formatting of theirs), pinging nobody.
#[tokio::test]
async fn a_schedule_posts_the_servers_own_prompt_as_the_teachers() {
    use crate::course::model::{Hidden, ITEM_LIMITS, ItemKind};
    let core = Core::for_tests();
    let store = Store::in_memory().await.expect("store");
    let sc = schedule("08:00", "UTC", "daily");
    let body = "id = \"tue\"\ntext.en = \"What did the **film** keep from you? @everyone\"\n";
    let rows = [(ItemKind::Prompt, "tue".to_string(), body.to_string())];
    let saved = store.put_own_items((sc.guild, 7, 100), &rows, ITEM_LIMITS);
    assert_eq!(saved.await.expect("store"), Ok(1));
    let own = own_items(&store, sc.guild, PostKind::Prompt)
        .await
        .expect("own");
    assert_eq!(own, ["own:tue"]);
    let read = ["nowhere".to_string()];
    let drawn = items(
        &core,
        &Deck::new(1),
        PostKind::Prompt,
        (&Hidden::default(), &read),
        &own,
    );
    assert!(drawn.contains(&"own:tue".to_string()), "{drawn:?}");
    let post = render(&core, &store, &sc, "own:tue")
        .await
        .expect("store")
        .expect("a post");
    let text = crate::render::to_text(&post);
    assert!(
        text.contains("Dari gurumu"),
        "in the schedule's language: {text}"
    );
    assert!(
        text.contains("\\*\\*film\\*\\*") && text.contains("\\@everyone"),
        "{text}"
    );
    assert!(
        render(&core, &store, &sc, "own:gone")
            .await
            .expect("store")
            .is_none()
    );
}
