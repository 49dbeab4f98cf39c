//! Homework end to end, on the bot's injected clock: a class of thirty doing an assignment at
//! their own pace (some finish, one runs out of time on a question, some start and stop, some
//! never start), the assignment closing on time exactly once with the summary checked against
//! numbers computed by hand here, a late Start refused; a teacher closing early and extending,
//! a student refused, and due times Aura cannot use answered politely.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, open_state, state_file};
use crate::fake::{
    CHANNEL_ID, Callback, FakeDiscord, GUILD_ID, MANAGE_MESSAGES, MEMBER, Posted, READERS_ROLE,
    in_guild, subcommand, with_role,
};
use crate::support::{self, core, custom_ids, opt, shown, title};

const TEACHER: u64 = 4343;

/// `/quiz <sub>` by `user` with `perms`, in `locale`; returns what Aura answered (waiting for a
/// deferred answer's edit).
async fn quiz(
    fake: &FakeDiscord,
    user: u64,
    perms: u64,
    locale: &str,
    sub: &str,
    options: Value,
) -> Value {
    let payload = subcommand(next(), user, locale, "quiz", sub, options);
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/quiz {sub}: {}", cb.body);
    shown(fake, &cb).await
}

/// `/quiz <sub>` by the teacher, in English.
async fn teacher(fake: &FakeDiscord, sub: &str, options: Value) -> Value {
    quiz(fake, TEACHER, MANAGE_MESSAGES, "en-US", sub, options).await
}

/// A click by `user`; returns Aura's answer to it.
async fn press(fake: &FakeDiscord, user: u64, custom_id: &str) -> Callback {
    let cb = support::press(fake, user, MEMBER, custom_id).await;
    assert_eq!(cb.status, 204, "{custom_id}: {}", cb.body);
    cb
}

/// The assignment message titled `title`, once posted.
async fn assignment_message(fake: &FakeDiscord, wanted: &str) -> Posted {
    let wanted_in = wanted.to_string();
    fake.wait_for_posts(Duration::from_secs(10), move |p| {
        p.iter().any(|m| title(m) == wanted_in)
    })
    .await;
    fake.posted_in(CHANNEL_ID)
        .into_iter()
        .find(|m| title(m) == wanted)
        .unwrap_or_else(|| panic!("no message titled {wanted}"))
}

/// The posts titled `wanted`, after waiting `for_ms`.
async fn posts_titled(fake: &FakeDiscord, wanted: &str, for_ms: u64) -> Vec<Posted> {
    tokio::time::sleep(Duration::from_millis(for_ms)).await;
    fake.posted_in(CHANNEL_ID)
        .into_iter()
        .filter(|m| title(m) == wanted)
        .collect()
}

/// The message's body as it stands after its edits.
fn latest(p: &Posted, fake: &FakeDiscord) -> Value {
    let now = fake
        .posted_in(&p.channel)
        .into_iter()
        .find(|m| m.id == p.id)
        .expect("still there");
    now.edits.last().cloned().unwrap_or(now.body)
}

/// The private question's answer button for `position`.
fn answer_button(body: &Value, position: usize) -> String {
    custom_ids(&body["data"])
        .into_iter()
        .find(|id| id.starts_with("aura:hw:") && id.ends_with(&format!(":{position}")))
        .unwrap_or_else(|| panic!("no answer button {position}: {body}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_class_of_30_does_homework_at_its_own_pace_and_it_closes_on_time_once() {
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;

    // 18:00 in Jakarta (UTC+7, no summer time) is 11:00 UTC.
    let due: i64 = "2026-12-01T11:00:00Z"
        .parse::<jiff::Timestamp>()
        .expect("due")
        .as_second();
    let posted = teacher(
        &fake,
        "assign",
        json!([
            opt("due", json!("2026-12-01 18:00")),
            opt("timezone", json!("Asia/Jakarta")),
            opt("questions", json!(4)),
            opt("time_limit", json!(60)),
        ]),
    )
    .await;
    let text = posted.to_string();
    assert!(
        text.contains("Homework #1 is posted: 4 questions"),
        "{text}"
    );
    assert_eq!(posted["data"]["flags"], 64, "{posted}");

    let message = assignment_message(&fake, "Homework #1").await;
    let body = message.body.to_string();
    assert!(body.contains(&format!("<t:{due}:F>")), "{body}");
    assert!(body.contains(&format!("<t:{due}:R>")), "{body}");
    assert!(body.contains("4 questions"), "{body}");
    assert!(body.contains("60 seconds per question"), "{body}");
    let start = custom_ids(&message.body)
        .into_iter()
        .find(|id| id.starts_with("aura:hw-start:"))
        .expect("a Start button");
    let homework: u64 = start
        .rsplit(':')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("id");

    // The questions were chosen once; their right positions as everyone sees them.
    let store = open_state(&state).await;
    let a = store
        .homework(homework)
        .await
        .expect("read")
        .expect("stored");
    assert_eq!(a.questions.len(), 4);
    let core = core();
    let right: Vec<usize> = (1..=4)
        .map(|n| a.right_position((&core, &[]), n).expect("right position"))
        .collect();
    let choices: Vec<usize> = (1..=4)
        .map(|n| a.question((&core, &[]), n).expect("question").1.len())
        .collect();
    let wrong = |q: usize| (right[q - 1] + 1) % choices[q - 1];

    // Members 0–19 finish, 20–24 start and stop, 25–29 never start.
    let members: Vec<u64> = (0..30).map(|i| 70_000 + i).collect();
    // Who answers what: finishers get Q1 right; Q2 right if i < 15; Q3 right if i is even;
    // Q4 right, but member 19 answers Q4 after the time limit (missed). Members 20–24 get
    // Q1 wrong; 22–24 also answer Q2 (right), then leave.
    let plan = |i: usize, q: usize| -> Option<bool> {
        match (i, q) {
            (0..=19, 1) => Some(true),
            (0..=19, 2) => Some(i < 15),
            (0..=19, 3) => Some(i.is_multiple_of(2)),
            (0..=19, 4) => Some(true),
            (20..=24, 1) => Some(false),
            (22..=24, 2) => Some(true),
            _ => None,
        }
    };
    let mut given: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, &member) in members.iter().enumerate().take(25) {
        clock.advance(37);
        let started = press(&fake, member, &start).await;
        assert_eq!(started.body["type"], 4, "{}", started.body);
        assert_eq!(
            started.body["data"]["flags"], 64,
            "private: {}",
            started.body
        );
        assert!(
            started.body.to_string().contains("question 1 of 4"),
            "{}",
            started.body
        );
        let mut current = started.body;
        for q in 1..=4 {
            let Some(right_answer) = plan(i, q) else {
                break;
            };
            let position = if right_answer { right[q - 1] } else { wrong(q) };
            let late = i == 19 && q == 4;
            clock.advance(if late { 61 } else { 9 });
            let id = answer_button(&current, position);
            let answered = press(&fake, member, &id).await;
            // Each click answers its own interaction, replacing the private message.
            assert_eq!(answered.body["type"], 7, "{}", answered.body);
            let shown = answered.body.to_string();
            if late {
                assert!(shown.contains("time ran out"), "{shown}");
            } else {
                given.insert((i, q), position);
                let said = if right_answer { "right!" } else { "not quite" };
                assert!(shown.contains(said), "{shown}");
            }
            current = answered.body;
        }
        if i == 24 {
            // Back within the time limit of the question they left: the same question again.
            clock.advance(5);
            let back = press(&fake, member, &start).await.body.to_string();
            assert!(back.contains("question 3 of 4"), "{back}");
            assert!(!back.contains("time ran out"), "{back}");
        }
        if i < 20 {
            let score = (1..=4)
                .filter(|&q| given.get(&(i, q)) == Some(&right[q - 1]))
                .count();
            let done = current.to_string();
            assert!(
                done.contains(&format!("You have finished: {score} of 4 right")),
                "{done}"
            );
        }
    }
    // A finisher's second Start: one attempt each. An unfinished member's: they resume.
    let again = press(&fake, members[0], &start).await;
    assert!(
        again.body.to_string().contains("done homework #1 already"),
        "{}",
        again.body
    );
    // Member 22 left question 3 open longer than its time limit: it counts as missed and
    // they go on with question 4.
    let resumed = press(&fake, members[22], &start).await;
    let back = resumed.body.to_string();
    assert!(back.contains("question 4 of 4"), "{back}");
    assert!(back.contains("Question 3: time ran out"), "{back}");

    // Hand-computed from what the class did: Q1 20/25 right, Q2 18/23, Q3 10/20, Q4 19/19.
    let right_of = |q: usize| {
        given
            .iter()
            .filter(|((_, gq), p)| *gq == q && **p == right[q - 1])
            .count()
    };
    let answered_of = |q: usize| given.keys().filter(|(_, gq)| *gq == q).count();
    assert_eq!((right_of(1), answered_of(1)), (20, 25));
    assert_eq!((right_of(2), answered_of(2)), (18, 23));
    assert_eq!((right_of(3), answered_of(3)), (10, 20));
    assert_eq!((right_of(4), answered_of(4)), (19, 19));
    // Finishers' right answers: 20 + 15 + 10 + 19 = 64, a mean of 3.2 of 4 (80%).

    // Shortly before the due time nothing has closed (the bot's clock runs on from where it
    // is set, so not a second before).
    clock.set(jiff::Timestamp::from_second(due - 30).expect("instant"));
    let summary_title = "Homework #1: the class's results";
    assert!(posts_titled(&fake, summary_title, 800).await.is_empty());
    // At the due time it closes by itself, once.
    clock.set(jiff::Timestamp::from_second(due).expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| title(m) == summary_title)
    })
    .await;
    let summaries = posts_titled(&fake, summary_title, 1200).await;
    assert_eq!(summaries.len(), 1, "exactly one summary");
    let summary = summaries[0].body.to_string();
    assert!(
        summary.contains("25 members started, 20 finished."),
        "{summary}"
    );
    assert!(
        summary.contains("Mean score of those who finished: 3.2 of 4 (80%)."),
        "{summary}"
    );
    assert!(
        summary.contains("Hardest: question 3 (10 of 20 right, 50%)"),
        "{summary}"
    );
    // Q3's split: the right choice and the one wrong choice chosen, 10 each; the others none.
    let letter = |p: usize| char::from(b'A' + p as u8);
    let (q3, _) = a.question((&core, &[]), 3).expect("question 3");
    if q3.true_false {
        assert!(summary.contains(": 10 · 50% ✅"), "{summary}");
    } else {
        assert!(
            summary.contains(&format!("**{}** — ", letter(right[2]))),
            "{summary}"
        );
        for p in 0..choices[2] {
            let expected = if p == right[2] || p == wrong(3) {
                "10 · 50%"
            } else {
                "0 · 0%"
            };
            let line = summary
                .split("\\n")
                .find(|l| l.starts_with(&format!("**{}**", letter(p))))
                .unwrap_or_else(|| panic!("no line for {}: {summary}", letter(p)));
            assert!(line.contains(expected), "{line}");
            assert_eq!(line.contains('✅'), p == right[2], "{line}");
        }
    }
    // The assignment message shows it closed, without its Start button.
    let closed = latest(&message, &fake);
    assert!(closed.to_string().contains("Closed <t:"), "{closed}");
    assert!(custom_ids(&closed).is_empty(), "{closed}");

    // A late Start and a late answer are refused politely, privately.
    let late = press(&fake, members[27], &start).await;
    assert_eq!(late.body["data"]["flags"], 64);
    assert!(
        late.body.to_string().contains("no longer takes attempts"),
        "{}",
        late.body
    );
    let late_answer = answer_button(&resumed.body, 0);
    let refused = press(&fake, members[22], &late_answer).await;
    assert!(
        refused.body.to_string().contains("has closed"),
        "{}",
        refused.body
    );

    // What was stored: one homework round per member who started, every in-time answer of
    // kind 'homework' under the member's name, no round left open.
    let attempts = store.attempts_at(homework).await.expect("attempts");
    assert_eq!(attempts.len(), 25);
    assert_eq!(attempts.iter().filter(|a| a.finished).count(), 20);
    assert_eq!(
        store
            .homework_answers(homework)
            .await
            .expect("answers")
            .len(),
        given.len()
    );
    assert_eq!(
        store
            .open_rounds(GUILD_ID.parse().expect("id"))
            .await
            .expect("q"),
        0
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_closes_early_and_extends_a_student_cannot_and_bad_due_times_are_explained() {
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    let student = 80_001;

    // Due times Aura cannot use, and a zone it does not know, are explained privately.
    for (due, zone, said) in [
        (
            "someday",
            None,
            "cannot read “someday” as a date and time for due",
        ),
        ("2026-11-30 10:00", None, "has already passed"),
        ("2027-03-01 10:00", None, "more than 60 days ahead"),
        (
            "2026-12-05 10:00",
            Some("Mars/Olympus"),
            "not a time zone Aura knows",
        ),
    ] {
        let mut options = vec![opt("due", json!(due))];
        if let Some(z) = zone {
            options.push(opt("timezone", json!(z)));
        }
        let answer = teacher(&fake, "assign", json!(options)).await;
        assert_eq!(answer["data"]["flags"], 64, "{answer}");
        assert!(answer.to_string().contains(said), "{said}: {answer}");
    }
    let id = quiz(
        &fake,
        TEACHER,
        MANAGE_MESSAGES,
        "id",
        "assign",
        json!([opt("due", json!("kemarin"))]),
    )
    .await;
    assert!(id.to_string().contains("tenggat"), "{id}");
    // A student may not set homework (moderators only, by default).
    let refused = quiz(
        &fake,
        student,
        MEMBER,
        "en-US",
        "assign",
        json!([opt("due", json!("tomorrow 18:00"))]),
    )
    .await;
    assert!(refused.to_string().contains("permission"), "{refused}");

    // Without a zone and without a daily schedule, UTC.
    for _ in 0..2 {
        // `/quiz assign` has a short cooldown per member (a refusal gives it back).
        tokio::time::sleep(Duration::from_secs(3)).await;
        teacher(
            &fake,
            "assign",
            json!([
                opt("due", json!("2026-12-02 18:00")),
                opt("questions", json!(2))
            ]),
        )
        .await;
    }
    let first = assignment_message(&fake, "Homework #1").await;
    let second = assignment_message(&fake, "Homework #2").await;
    let utc_due: i64 = "2026-12-02T18:00:00Z"
        .parse::<jiff::Timestamp>()
        .expect("due")
        .as_second();
    assert!(first.body.to_string().contains(&format!("<t:{utc_due}:F>")));

    // A student may list them, but not close or extend them.
    let listed = quiz(&fake, student, MEMBER, "en-US", "assignments", json!([])).await;
    assert!(listed.to_string().contains("#1"), "{listed}");
    // (`/quiz assignments` has a short cooldown per member.)
    tokio::time::sleep(Duration::from_secs(2)).await;
    let no = quiz(
        &fake,
        student,
        MEMBER,
        "en-US",
        "assignments",
        json!([opt("action", json!(0)), opt("id", json!(1))]),
    )
    .await;
    assert!(no.to_string().contains("permission"), "{no}");

    // A member answers one question of #1; the teacher closes #1 early: the summary follows
    // at once and the message shows it closed.
    let start = custom_ids(&first.body)
        .into_iter()
        .find(|id| id.starts_with("aura:hw-start:"))
        .expect("Start");
    let begun = press(&fake, student, &start).await;
    let answer = answer_button(&begun.body, 0);
    press(&fake, student, &answer).await;
    // Closing asks first; Cancel keeps it open, and only the teacher who asked may answer.
    let close = json!([opt("action", json!(0)), opt("id", json!(1))]);
    let asked = teacher(&fake, "assignments", close.clone()).await;
    assert!(
        asked.to_string().contains("Close homework #1 now?"),
        "{asked}"
    );
    let buttons = custom_ids(&asked["data"]);
    let (yes, no) = (buttons[0].clone(), buttons[1].clone());
    let kept = support::press(&fake, TEACHER, MANAGE_MESSAGES, &no).await;
    assert!(
        kept.body.to_string().contains("stays open"),
        "{}",
        kept.body
    );
    let stranger = press(&fake, student, &yes).await;
    assert!(
        stranger.body.to_string().contains("not for you")
            || stranger.body.to_string().contains("Only the"),
        "{}",
        stranger.body
    );
    let closed = support::press(&fake, TEACHER, MANAGE_MESSAGES, &yes)
        .await
        .body;
    assert!(
        closed.to_string().contains("Homework #1 is closed"),
        "{closed}"
    );
    let summaries = posts_titled(&fake, "Homework #1: the class's results", 300).await;
    assert_eq!(summaries.len(), 1);
    assert!(
        summaries[0]
            .body
            .to_string()
            .contains("1 member started, 0 finished."),
        "{}",
        summaries[0].body
    );
    assert!(
        summaries[0].body.to_string().contains("Nobody finished"),
        "{}",
        summaries[0].body
    );
    assert!(custom_ids(&latest(&first, &fake)).is_empty());
    tokio::time::sleep(Duration::from_secs(2)).await;
    let again = teacher(
        &fake,
        "assignments",
        json!([opt("action", json!(0)), opt("id", json!(1))]),
    )
    .await;
    assert!(again.to_string().contains("already closed"), "{again}");

    // The teacher extends #2 to Friday in Jakarta: the message shows the new time.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let needs = teacher(
        &fake,
        "assignments",
        json!([opt("action", json!(1)), opt("id", json!(2))]),
    )
    .await;
    assert!(needs.to_string().contains("new due time in due"), "{needs}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let extended = teacher(
        &fake,
        "assignments",
        json!([
            opt("action", json!(1)),
            opt("id", json!(2)),
            opt("due", json!("4/12 18:00")),
            opt("timezone", json!("Asia/Jakarta")),
        ]),
    )
    .await;
    let friday: i64 = "2026-12-04T11:00:00Z"
        .parse::<jiff::Timestamp>()
        .expect("due")
        .as_second();
    assert!(
        extended
            .to_string()
            .contains(&format!("now due <t:{friday}:F>")),
        "{extended}"
    );
    let moved = latest(&second, &fake).to_string();
    assert!(moved.contains(&format!("<t:{friday}:F>")), "{moved}");
    // It does not close at the old due time.
    clock.set(jiff::Timestamp::from_second(utc_due + 60).expect("instant"));
    assert!(
        posts_titled(&fake, "Homework #2: the class's results", 800)
            .await
            .is_empty()
    );
    tokio::time::sleep(Duration::from_secs(2)).await;
    let listed = teacher(&fake, "assignments", json!([])).await;
    let listed = listed.to_string();
    let open_at = listed.find("Open").expect("open heading");
    let past_at = listed.find("Closed").expect("closed heading");
    let two = listed.find("**#2**").expect("#2");
    let one = listed.find("**#1**").expect("#1");
    assert!(open_at < two && two < past_at && past_at < one, "{listed}");
    assert!(
        listed.contains("1 started, 0 finished, no mean yet"),
        "{listed}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_summary_refused_with_500s_waits_and_is_posted_once_when_discord_recovers() {
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    let posted = teacher(
        &fake,
        "assign",
        json!([
            opt("due", json!("2026-12-01 18:00")),
            opt("timezone", json!("Asia/Jakarta")),
            opt("questions", json!(3)),
        ]),
    )
    .await;
    assert!(posted.to_string().contains("Homework #1"), "{posted}");
    let message = assignment_message(&fake, "Homework #1").await;
    // Discord fails every post in the channel for a while: the close goes on (the message
    // shows it closed), the summary waits.
    fake.fail_posts(CHANNEL_ID, &[500; 8], 0.0);
    clock.set("2026-12-01T11:00:00Z".parse().expect("instant"));
    fake.wait_for(Duration::from_secs(10), |f| {
        f.posted_in(CHANNEL_ID)
            .iter()
            .find(|m| m.id == message.id)
            .and_then(|m| m.edits.last())
            .is_some_and(|e| e.to_string().contains("Closed <t:"))
    })
    .await;
    let summary_title = "Homework #1: the class's results";
    // A restart while the summary still waits: it is not lost.
    bot.stop().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    // Discord recovers once its 500s are spent; the sweep posts the summary, once.
    for _ in 0..40 {
        if !posts_titled(&fake, summary_title, 250).await.is_empty() {
            break;
        }
        clock.advance(20);
    }
    clock.advance(20);
    let summaries = posts_titled(&fake, summary_title, 1500).await;
    assert_eq!(summaries.len(), 1, "exactly one summary");
    bot.stop().await;
}

/// An Indonesian class's assignment closed early: its message says so in Indonesian and loses
/// its Start button.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_indonesian_classs_closed_assignment_says_so_without_its_start_button() {
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let assign = json!([
        opt("due", json!("2026-12-01 18:00")),
        opt("timezone", json!("Asia/Jakarta")),
        opt("questions", json!(3)),
    ]);
    let posted = quiz(&fake, TEACHER, MANAGE_MESSAGES, "id", "assign", assign).await;
    assert_eq!(posted["data"]["flags"], 64, "{posted}");
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("aura:hw-start:"))
    })
    .await;
    let message = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(|m| m.body.to_string().contains("aura:hw-start:"))
        .expect("the assignment's message");
    let close = json!([opt("action", json!(0)), opt("id", json!(1))]);
    let asked = quiz(&fake, TEACHER, MANAGE_MESSAGES, "id", "assignments", close).await;
    let yes = custom_ids(&asked["data"])[0].clone();
    support::press(&fake, TEACHER, MANAGE_MESSAGES, &yes).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let closed = latest(&message, &fake);
    let shown = closed.to_string();
    assert!(shown.contains("Ditutup <t:"), "{shown}");
    assert!(shown.contains("PR ini sudah ditutup"), "{shown}");
    assert!(custom_ids(&closed).is_empty(), "{shown}");
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}

/// The posts in the class channel that are homework reminders.
fn reminders(fake: &FakeDiscord) -> Vec<Posted> {
    fake.posted_in(CHANNEL_ID)
        .into_iter()
        .filter(|m| title(m).starts_with('⏰'))
        .collect()
}

/// An assignment due in two days reminds its channel once a day before and once an hour
/// before, with its Start button and pinging nobody; one set three hours before it is due gets
/// no "due tomorrow", only the hour's reminder; an Indonesian class reads them in Indonesian.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_come_a_day_and_an_hour_before_once_each() {
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let assign = |due: &str| {
        json!([
            opt("due", json!(due)),
            opt("timezone", json!("UTC")),
            opt("questions", json!(2)),
        ])
    };
    // #1 pings the class's role; @everyone is never pinged.
    let with_ping = |role: &str| {
        let payload = subcommand(
            next(),
            TEACHER,
            "en-US",
            "quiz",
            "assign",
            assign("2026-12-03 18:00"),
        );
        in_guild(with_role(payload, "ping", role), MANAGE_MESSAGES, &[])
    };
    let everyone = fake.interact(with_ping(GUILD_ID)).await.body.to_string();
    assert!(everyone.contains("never @everyone"), "{everyone}");
    tokio::time::sleep(Duration::from_millis(3100)).await;
    let first = fake
        .interact(with_ping(READERS_ROLE))
        .await
        .body
        .to_string();
    assert!(first.contains("Homework #1"), "{first}");
    // Another teacher (each has their own cooldown), in an Indonesian client.
    let other = TEACHER + 1;
    let second = quiz(
        &fake,
        other,
        MANAGE_MESSAGES,
        "id",
        "assign",
        assign("2026-12-01 08:00"),
    )
    .await;
    assert!(second.to_string().contains("PR #2"), "{second}");
    let settle = || tokio::time::sleep(Duration::from_millis(800));
    settle().await;
    assert!(
        reminders(&fake).is_empty(),
        "nothing is due within a day yet"
    );
    // 07:10: the Indonesian assignment (#2) is due within the hour.
    clock.set("2026-12-01T07:10:00Z".parse().expect("instant"));
    settle().await;
    let got = reminders(&fake);
    let titles: Vec<String> = fake.posted_in(CHANNEL_ID).iter().map(title).collect();
    assert_eq!(got.len(), 1, "{titles:?}");
    let hour = got[0].body.to_string();
    assert!(
        hour.contains("PR #2") && hour.contains("Tinggal satu jam"),
        "{hour}"
    );
    assert!(hour.contains("aura:hw-start:"), "{hour}");
    assert_eq!(
        got[0].body["allowed_mentions"]["parse"],
        json!([]),
        "{hour}"
    );
    // The next day, 23 hours before #1: its day reminder, once.
    clock.set("2026-12-02T19:00:00Z".parse().expect("instant"));
    settle().await;
    settle().await;
    let got = reminders(&fake);
    assert_eq!(got.len(), 2, "{got:?}");
    let day = got[1].body.to_string();
    assert!(
        day.contains("Homework #1") && day.contains("is due <t:"),
        "{day}"
    );
    assert_eq!(
        got[1].body["allowed_mentions"]["roles"],
        json!([READERS_ROLE]),
        "the role the teacher named, and no one else: {day}"
    );
    assert!(day.contains(&format!("<@&{READERS_ROLE}>")), "{day}");
    // 17:30 on the day: the hour's reminder, once.
    clock.set("2026-12-03T17:30:00Z".parse().expect("instant"));
    settle().await;
    settle().await;
    let got = reminders(&fake);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got[2].body.to_string().contains("One hour left"),
        "{}",
        got[2].body
    );
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}
