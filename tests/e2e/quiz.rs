//! Quiz rounds end to end: a class of 200 answering five questions at once, exact scores
//! checked against the documented rules, the board, the CSV report, review, the edit rate, a
//! restart keeping the board; who may start, stop and reset; hints; SIGTERM during a round, a
//! round left open by a crash, a channel deleted mid-round, and an auto round stopping idle.

use std::collections::HashMap;
use std::time::Duration;

use crate::app::{Options, TestApp, next, round_report, state_file};
use crate::fake::{
    CHANNEL_ID, FakeDiscord, GUILD_ID, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, Posted, click,
    in_guild,
};
use crate::support::{
    TEACHER, custom_ids_with, labelled, opt, quiz, teacher_quiz, title, wait_posts,
};
use aura::quiz::Period;
use aura::store::Store;
use serde_json::{Value, json};

/// The quiz's (custom id, label) buttons on a post.
fn custom_ids(p: &Posted) -> Vec<(String, String)> {
    labelled(&p.body, "aura:quiz:")
}

fn hint_id(p: &Value) -> String {
    custom_ids_with(p, "aura:quiz-hint:")
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The position a member picks for question `q`, spreading the class over every choice.
fn pick(member: u64, q: usize, choices: usize) -> usize {
    ((member * 7 + q as u64 * 3) % choices as u64) as usize
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_class_of_200_plays_five_questions_with_exact_scores() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    let members: Vec<u64> = (0..200).map(|i| 10_000 + i).collect();

    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(5)),
            opt("mode", json!(1)),
            opt("scoring", json!(1)),
            opt("seconds", json!(120))
        ]),
    )
    .await;
    assert_eq!(started["type"], 4);
    // A second round in the same channel is refused, politely and privately.
    let busy = teacher_quiz(&fake, "start", json!([])).await;
    assert_eq!(busy["data"]["flags"], 64, "{busy}");
    assert!(busy.to_string().contains("already running"), "{busy}");

    let mut expected: HashMap<u64, u32> = HashMap::new();
    let mut streak: HashMap<u64, u32> = HashMap::new();
    let mut per_answer: HashMap<(u64, usize), u32> = HashMap::new();
    let mut posts_seen = 0;
    for q in 1..=5usize {
        // The question message: buttons A–D (or true/false) carrying the round and number.
        let posts = wait_posts(&fake, posts_seen + 1).await;
        let question = posts[posts_seen].clone();
        posts_seen += 1;
        assert!(
            title(&question).contains(&format!("Question {q} of 5")),
            "{}",
            title(&question)
        );
        let buttons = custom_ids(&question);
        assert!((2..=4).contains(&buttons.len()), "{buttons:?}");
        assert!(
            question.body.to_string().contains("<t:"),
            "a live countdown"
        );
        // 200 members click at once; every click is acknowledged, privately.
        let clicks = members.iter().map(|&m| {
            let (id, _) = &buttons[pick(m, q, buttons.len())];
            let payload = in_guild(click(next(), m, "en-US", id, None), MEMBER, &[]);
            let fake = fake.clone();
            async move { fake.interact(payload).await }
        });
        let callbacks = futures::future::join_all(clicks).await;
        for cb in &callbacks {
            assert_eq!(cb.status, 204, "{}", cb.body);
            assert_eq!(cb.body["data"]["flags"], 64);
            assert!(cb.body.to_string().contains("Locked in"), "{}", cb.body);
        }
        // A second click changes nothing.
        let again = fake
            .interact(in_guild(
                click(next(), members[0], "id", &buttons[0].0, None),
                MEMBER,
                &[],
            ))
            .await;
        assert!(
            again.body.to_string().contains("sudah menjawab"),
            "{}",
            again.body
        );

        teacher_quiz(&fake, "reveal", json!([])).await;
        let posts = wait_posts(&fake, posts_seen + 1).await;
        let reveal = posts[posts_seen].clone();
        posts_seen += 1;
        // "Question q: B — …" or "Question q: True".
        let answer = title(&reveal)
            .split_once(": ")
            .map(|(_, a)| a.to_string())
            .unwrap_or_default();
        let correct = buttons
            .iter()
            .position(|(_, label)| answer.starts_with(&format!("{label} —")) || answer == *label)
            .unwrap_or_else(|| panic!("no choice matches {answer}"));
        let total: u64 = reveal.body["embeds"][0]["fields"][0]["value"]
            .as_str()
            .unwrap_or("")
            .lines()
            .filter_map(|l| {
                l.trim_end_matches(" ✅")
                    .rsplit(' ')
                    .next()
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .sum();
        assert_eq!(total, 200, "the counts add up to the class");
        for &m in &members {
            let s = streak.entry(m).or_default();
            let points = if pick(m, q, buttons.len()) == correct {
                let p = 1000 + (*s * 100).min(500);
                *s += 1;
                p
            } else {
                *s = 0;
                0
            };
            *expected.entry(m).or_default() += points;
            per_answer.insert((m, q), points);
        }
        if q < 5 {
            teacher_quiz(&fake, "next", json!([])).await;
        }
    }
    // The end: podium and table.
    let posts = wait_posts(&fake, posts_seen + 1).await;
    let end = &posts[posts_seen];
    assert!(title(end).contains("over"), "{}", title(end));
    assert!(end.body.to_string().contains("🥇"));
    assert_eq!(end.body["allowed_mentions"]["parse"], json!([]));

    // The "N answered" line was edited, coalesced, never faster than the channel allows.
    assert_eq!(fake.rate_limited(), 0, "an edit hit the rate limit");
    for p in fake.posted_in(CHANNEL_ID) {
        assert!(p.edits.len() <= 6, "{} edits of one message", p.edits.len());
    }

    // The report: one CSV row per answer, points as the rules say.
    let report = teacher_quiz(&fake, "report", json!([])).await;
    assert_eq!(report["data"]["flags"], 64);
    let files = fake.attachments();
    let (_, name, csv) = files.last().expect("a CSV attachment");
    assert_eq!(name, "quiz-report.csv");
    let csv = String::from_utf8_lossy(csv).to_string();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 1000);
    for row in rows {
        // member (display name), member_id, question, question_id, answer, correct, time, points
        let cols: Vec<&str> = row.split(',').collect();
        assert_eq!(cols[0], format!("student{}", cols[1]), "{row}");
        let member: u64 = cols[1].parse().expect("member");
        let q: usize = cols[2].parse().expect("question");
        let points: u32 = cols[7].parse().expect("points");
        assert_eq!(points, per_answer[&(member, q)], "{row}");
    }

    // /quiz me agrees, and the board survives a restart.
    let me = quiz(&bot.fake, members[3], MEMBER, "me", json!([])).await;
    assert!(
        me.to_string()
            .contains(&format!("{} points", expected[&members[3]])),
        "{me}"
    );
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    let board = store
        .board(
            GUILD_ID.parse().expect("id"),
            Period::All,
            aura::clock::unix_now(),
        )
        .await
        .expect("board");
    store.close().await;
    assert_eq!(board.len(), 200);
    for line in &board {
        let m: u64 = line.user_id;
        assert_eq!(line.points, u64::from(expected[&m]), "member {m}");
    }
    let best = board[0].points;
    assert!(
        board
            .iter()
            .filter(|l| l.rank == 1)
            .all(|l| l.points == best)
    );

    let fake2 = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake2, &state, Options::default()).await;
    let me = quiz(&bot.fake, members[3], MEMBER, "me", json!([])).await;
    assert!(
        me.to_string()
            .contains(&format!("{} points", expected[&members[3]])),
        "after a restart: {me}"
    );
    // /quiz review: the member's missed questions with the answers, privately.
    let review = quiz(&bot.fake, members[3], MEMBER, "review", json!([])).await;
    assert_eq!(review["data"]["flags"], 64);
    let missed = (1..=5)
        .filter(|q| per_answer[&(members[3], *q)] == 0)
        .count();
    if missed == 0 {
        assert!(
            review.to_string().contains("every question right"),
            "{review}"
        );
    } else {
        assert!(
            review
                .to_string()
                .contains(&format!("You missed {missed} of 5")),
            "{review}"
        );
    }
    let lb = quiz(&bot.fake, members[3], MEMBER, "leaderboard", json!([])).await;
    assert_eq!(lb["data"]["allowed_mentions"]["parse"], json!([]));
    assert!(lb.to_string().contains(&format!("<@{}>", board[0].user_id)));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn students_cannot_start_unless_the_server_allows_it_and_reset_asks_first() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let refused = quiz(&bot.fake, 7, MEMBER, "start", json!([])).await;
    assert_eq!(refused["data"]["flags"], 64);
    assert!(refused.to_string().contains("permission"), "{refused}");
    let access = quiz(
        &bot.fake,
        TEACHER,
        MANAGE_GUILD,
        "access",
        json!([opt("who", json!(0))]),
    )
    .await;
    assert!(access.to_string().contains("everyone"), "{access}");
    let started = quiz(
        &bot.fake,
        7,
        MEMBER,
        "start",
        json!([opt("mode", json!(1))]),
    )
    .await;
    assert_eq!(started["type"], 4);
    assert!(started["data"]["flags"].is_null(), "{started}");
    // Another student may not stop it; the starter may.
    let other = quiz(&bot.fake, 8, MEMBER, "stop", json!([])).await;
    assert!(other.to_string().contains("Only the member"), "{other}");
    quiz(&bot.fake, 7, MEMBER, "stop", json!([])).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("The round was stopped"))
    })
    .await;
    // Reset: a confirmation first, and only the asker's click clears the board.
    let confirm = teacher_quiz(&fake, "reset", json!([opt("period", json!(0))])).await;
    let yes = confirm["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(yes.starts_with("aura:quiz-reset:week:"), "{confirm}");
    let stranger = fake
        .interact(in_guild(click(next(), 9, "en-US", &yes, None), MEMBER, &[]))
        .await;
    assert!(stranger.body.to_string().contains("Only the member"));
    let done = fake
        .interact(in_guild(
            click(next(), TEACHER, "en-US", &yes, None),
            MANAGE_MESSAGES,
            &[],
        ))
        .await;
    assert_eq!(done.body["type"], 7);
    assert!(done.body.to_string().contains("cleared"), "{}", done.body);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_ends_a_running_round_with_a_notice_and_keeps_its_answers() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    teacher_quiz(&fake, "start", json!([opt("seconds", json!(60))])).await;
    let posts = wait_posts(&fake, 1).await;
    let buttons = custom_ids(&posts[0]);
    // A hint, privately: a wrong choice struck out or where to look, at half the points.
    let hint = fake
        .interact(in_guild(
            click(next(), 1, "en-US", &hint_id(&posts[0].body), None),
            MEMBER,
            &[],
        ))
        .await;
    assert_eq!(hint.body["data"]["flags"], 64);
    assert!(
        hint.body.to_string().contains("earns half"),
        "{}",
        hint.body
    );
    for m in [1u64, 2, 3] {
        let cb = fake
            .interact(in_guild(
                click(next(), m, "en-US", &buttons[0].0, None),
                MEMBER,
                &[],
            ))
            .await;
        assert!(cb.body.to_string().contains("Locked in"));
    }
    bot.stop().await;
    let posts = fake.posted_in(CHANNEL_ID);
    assert!(
        posts
            .iter()
            .any(|p| p.body.to_string().contains("Aura is restarting")),
        "no shutdown notice"
    );
    let store = Store::open_for_tests(&state).await.expect("store");
    let csv = round_report(
        &store,
        store
            .last_round(CHANNEL_ID.parse().expect("id"))
            .await
            .expect("q")
            .expect("round"),
    )
    .await;
    assert_eq!(csv.len(), 3, "{csv:?}");
    // Nothing is left half-open: a restart finds no open round to abandon.
    assert!(store.abandon_open_rounds(0).await.expect("q").is_empty());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_left_open_by_a_crash_is_ended_with_a_notice() {
    let state = state_file();
    let store = Store::open_for_tests(&state).await.expect("store");
    store
        .start_round(
            1,
            GUILD_ID.parse().expect("id"),
            CHANNEL_ID.parse().expect("id"),
            42,
            0,
        )
        .await
        .expect("start");
    store.close().await;
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("restarted, so the round"))
    })
    .await;
    // The channel is free again.
    let started = teacher_quiz(&fake, "start", json!([])).await;
    assert!(started.to_string().contains("Round started"), "{started}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_channel_ends_the_round_cleanly() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    teacher_quiz(&fake, "start", json!([opt("mode", json!(1))])).await;
    wait_posts(&fake, 1).await;
    fake.break_channel(CHANNEL_ID, 404);
    teacher_quiz(&fake, "reveal", json!([])).await;
    // The round ends: the channel has no running round any more.
    let mut ended = false;
    for _ in 0..50 {
        let stop = teacher_quiz(&fake, "stop", json!([])).await;
        if stop.to_string().contains("No round is running") {
            ended = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ended, "the round did not end");
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    assert!(store.abandon_open_rounds(0).await.expect("q").is_empty());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_auto_round_reveals_on_time_and_stops_when_nobody_answers() {
    let fake = FakeDiscord::start().await;
    let mut options = Options::default();
    options.quiz.read_time = Duration::from_secs(1);
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    teacher_quiz(
        &fake,
        "start",
        json!([opt("seconds", json!(10)), opt("questions", json!(5))]),
    )
    .await;
    // Two questions pass unanswered: the round stops by itself after the second reveal.
    fake.wait_for_posts(Duration::from_secs(40), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("round is over"))
    })
    .await;
    let posts = fake.posted_in(CHANNEL_ID);
    let questions = posts.iter().filter(|p| title(p).contains("of 5")).count();
    assert_eq!(questions, 2);
    assert!(
        posts
            .iter()
            .any(|p| p.body.to_string().contains("stopped by itself"))
    );
    // The question is read first (no buttons), then its answers open, then it closes.
    let first = &posts[0];
    assert!(
        first.body["components"]
            .as_array()
            .is_none_or(|c| c.is_empty())
    );
    assert!(first.body.to_string().contains("Answers open"));
    assert!(first.edits[0].to_string().contains("aura:quiz:"));
    let last_edit = first.edits.last().expect("closed");
    assert!(
        last_edit["components"]
            .as_array()
            .is_none_or(|c| c.is_empty()),
        "{last_edit}"
    );
    bot.stop().await;
}

/// `/quiz skip` reveals the open question at once and the teacher goes on; questions skipped
/// unanswered do not count towards the idle stop (two unanswered reveals would end the round);
/// a student who did not start the round may not skip.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_teacher_skips_questions_and_the_round_goes_on() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(3)),
            opt("mode", json!(1)),
            opt("seconds", json!(120))
        ]),
    )
    .await;
    let posts = wait_posts(&fake, 1).await;
    assert!(
        title(&posts[0]).contains("Question 1 of 3"),
        "{}",
        title(&posts[0])
    );
    let refused = quiz(&fake, 7_001, MEMBER, "skip", json!([])).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert_eq!(
        fake.posted_in(CHANNEL_ID).len(),
        1,
        "a student's skip changed nothing"
    );
    for q in 1..=2usize {
        teacher_quiz(&fake, "skip", json!([])).await;
        let posts = wait_posts(&fake, 2 * q).await;
        let reveal = title(&posts[2 * q - 1]);
        assert!(reveal.starts_with(&format!("Question {q}:")), "{reveal}");
        teacher_quiz(&fake, "next", json!([])).await;
        let posts = wait_posts(&fake, 2 * q + 1).await;
        let shown = title(&posts[2 * q]);
        assert!(
            shown.contains(&format!("Question {} of 3", q + 1)),
            "{shown}"
        );
    }
    let stopped = fake
        .posted_in(CHANNEL_ID)
        .iter()
        .any(|p| p.body.to_string().contains("stopped by itself"));
    assert!(!stopped, "skipped questions counted as idle");
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;
}

/// A round drawn from a weighted mix of sections starts; a weight out of range gets the polite,
/// private notice naming the option and what it takes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_from_a_weighted_mix_of_sections() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let refused = teacher_quiz(&fake, "start", json!([opt("section", json!("II*9, V"))])).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert!(refused.to_string().contains("II*3"), "{refused}");
    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("section", json!("II*3, V")),
            opt("questions", json!(2)),
            opt("mode", json!(1))
        ]),
    )
    .await;
    assert_eq!(started["type"], 4, "{started}");
    let posts = wait_posts(&fake, 1).await;
    assert!(
        title(&posts[0]).contains("Question 1 of 2"),
        "{}",
        title(&posts[0])
    );
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;
}

/// An auto round that waits for three players: two say they are in and no question comes; the
/// third starts it. Another waits for five, nobody comes, and it ends without a question once
/// its waiting time is over. A click after the wait is told so privately.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_auto_round_waits_for_its_players() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    teacher_quiz(
        &fake,
        "start",
        json!([opt("players", json!(3)), opt("questions", json!(2))]),
    )
    .await;
    let posts = wait_posts(&fake, 1).await;
    let lobby = posts[0].clone();
    assert!(title(&lobby).contains("who is in"), "{}", title(&lobby));
    let join = custom_ids_with(&lobby.body, "aura:quiz-in:")
        .into_iter()
        .next()
        .expect("an I'm in button");
    for (member, count) in [(8_001u64, "1 of 3"), (8_002, "2 of 3")] {
        let cb = fake
            .interact(in_guild(
                click(next(), member, "en-US", &join, None),
                MEMBER,
                &[],
            ))
            .await;
        assert_eq!(cb.body["data"]["flags"], 64, "{}", cb.body);
        assert!(cb.body.to_string().contains(count), "{}", cb.body);
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(
        fake.posted_in(CHANNEL_ID).len(),
        1,
        "a question came with two of three"
    );
    fake.interact(in_guild(
        click(next(), 8_003, "id", &join, None),
        MEMBER,
        &[],
    ))
    .await;
    let posts = wait_posts(&fake, 2).await;
    assert!(
        title(&posts[1]).contains("Question 1 of 2"),
        "{}",
        title(&posts[1])
    );
    let late = fake
        .interact(in_guild(
            click(next(), 8_004, "en-US", &join, None),
            MEMBER,
            &[],
        ))
        .await;
    assert!(
        late.body.to_string().contains("not waiting"),
        "{}",
        late.body
    );
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;

    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    teacher_quiz(&fake, "start", json!([opt("players", json!(5))])).await;
    fake.wait_for_posts(Duration::from_secs(15), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("did not start"))
    })
    .await;
    let posts = fake.posted_in(CHANNEL_ID);
    assert!(
        !posts.iter().any(|p| title(p).contains("Question")),
        "a question came"
    );
    bot.stop().await;
}

/// A click on `custom_id` by `user` in `locale`; returns Aura's answer.
async fn click_as(fake: &FakeDiscord, user: u64, locale: &str, custom_id: &str) -> Value {
    let cb = fake
        .interact(in_guild(
            click(next(), user, locale, custom_id, None),
            MEMBER,
            &[],
        ))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    cb.body
}

/// Students vote to skip: the first question goes on two votes, the next on a majority of
/// those who answered the one before; each voter is told privately where the vote stands (in
/// their language), the reveal says the class skipped it, and a round without votes shows no
/// button.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn students_vote_to_skip_a_question() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(3)),
            opt("mode", json!(1)),
            opt("seconds", json!(120))
        ]),
    )
    .await;
    assert!(started.to_string().contains("majority"), "{started}");
    let posts = wait_posts(&fake, 1).await;
    let skip = custom_ids_with(&posts[0].body, "aura:quiz-skip:");
    assert_eq!(skip.len(), 1, "{}", posts[0].body);
    // Three students answer the first question.
    let answers: Vec<String> = custom_ids(&posts[0])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for student in [8_101, 8_102, 8_103] {
        click_as(&fake, student, "en-US", &answers[0]).await;
    }
    let first = click_as(&fake, 8_101, "en-US", &skip[0]).await;
    assert_eq!(first["data"]["flags"], 64, "{first}");
    assert!(first.to_string().contains("1 of 2"), "{first}");
    let again = click_as(&fake, 8_101, "id", &skip[0]).await;
    assert!(
        again.to_string().contains("1 dari 2"),
        "counted once: {again}"
    );
    assert_eq!(fake.posted_in(CHANNEL_ID).len(), 1, "not skipped yet");
    let second = click_as(&fake, 8_102, "en-US", &skip[0]).await;
    assert!(
        second.to_string().contains("the question is skipped"),
        "{second}"
    );
    let posts = wait_posts(&fake, 2).await;
    let reveal = posts[1].body.to_string();
    assert!(reveal.contains("Skipped by the class"), "{reveal}");
    assert!(
        title(&posts[1]).starts_with("Question 1:"),
        "{}",
        title(&posts[1])
    );
    // The second question: a majority of the three who answered the first.
    teacher_quiz(&fake, "next", json!([])).await;
    let posts = wait_posts(&fake, 3).await;
    let skip = custom_ids_with(&posts[2].body, "aura:quiz-skip:");
    let one = click_as(&fake, 8_103, "en-US", &skip[0]).await;
    assert!(one.to_string().contains("1 of 2"), "{one}");
    // A vote on the first question's stale button skips nothing now.
    let stale = custom_ids_with(&posts[0].body, "aura:quiz-skip:");
    let late = click_as(&fake, 8_104, "en-US", &stale[0]).await;
    assert_eq!(late["data"]["flags"], 64, "{late}");
    assert_eq!(fake.posted_in(CHANNEL_ID).len(), 3);
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;

    // skip_votes:0: only the teacher skips; no button.
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let started = teacher_quiz(
        &fake,
        "start",
        json!([opt("mode", json!(1)), opt("skip_votes", json!(0))]),
    )
    .await;
    assert!(
        started.to_string().contains("Only the teacher skips"),
        "{started}"
    );
    let posts = wait_posts(&fake, 1).await;
    assert!(custom_ids_with(&posts[0].body, "aura:quiz-skip:").is_empty());
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;
}

/// With `penalty:`, the round's first card states the rule, and the reveal says how many
/// answered wrong within the first second and what it costs them (naming nobody); without it,
/// nothing is said.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_penalty_for_mashing_is_stated_and_counted() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("mode", json!(1)),
            opt("seconds", json!(120)),
            opt("penalty", json!(500)),
            opt("scoring", json!(1))
        ]),
    )
    .await;
    assert!(
        started.to_string().contains("costs 500 points"),
        "{started}"
    );
    let posts = wait_posts(&fake, 1).await;
    let answers: Vec<String> = custom_ids(&posts[0])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    // Each choice clicked at once by its own student: all but one are wrong.
    for (i, id) in answers.iter().enumerate() {
        click_as(&fake, 8_200 + i as u64, "en-US", id).await;
    }
    teacher_quiz(&fake, "reveal", json!([])).await;
    let posts = wait_posts(&fake, 2).await;
    let reveal = posts[1].body.to_string();
    let wrong = answers.len() - 1;
    let said = if wrong == 1 {
        "One answer was wrong within the first second: 500 points each".to_string()
    } else {
        format!("{wrong} answers were wrong within the first second: 500 points each")
    };
    assert!(reveal.contains(&said), "{reveal}");
    let fields = posts[1].body["embeds"][0]["fields"].as_array().cloned();
    let line = fields
        .into_iter()
        .flatten()
        .find(|f| f["name"] == "Too fast")
        .expect("the line on mashing");
    assert!(!line.to_string().contains("<@"), "names nobody: {line}");
    teacher_quiz(&fake, "stop", json!([])).await;
    bot.stop().await;
}

/// A board of 45 players pages twenty at a time with Previous/Next, saying how many there are,
/// by points (read through the index) and by accuracy (ranked whole), in both languages; the
/// second page goes on from place 21, the last has no Next.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_pages_and_says_how_many_players_there_are() {
    let state = state_file();
    let now = aura::clock::unix_now();
    let guild: u64 = GUILD_ID.parse().expect("id");
    let store = crate::app::open_state(&state).await;
    store
        .start_round(
            1,
            guild,
            CHANNEL_ID.parse().expect("id"),
            TEACHER,
            now - 100,
        )
        .await
        .expect("round");
    let rows: Vec<aura::quiz::AnswerRow> = (0..45u64)
        .map(|i| aura::quiz::AnswerRow {
            question_no: 1,
            question_id: "q".into(),
            user_id: 9_000 + i,
            correct: i % 2 == 0,
            points: 1_000 + (45 - i as u32) * 10,
            answered_at: now - 90,
            ..aura::quiz::AnswerRow::default()
        })
        .collect();
    store
        .record_answers(1, guild, &rows)
        .await
        .expect("answers");
    store.end_round(1, "finished", now - 80).await.expect("end");
    store.close().await;
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    // By points in English (places 1-45, no ties); by accuracy in Indonesian (shared places).
    let cases = [
        (
            0,
            "en-US",
            ["Page 1 of 3 · 45 players", "Page 2 of 3", "Page 3 of 3"],
        ),
        (
            1,
            "id",
            [
                "Halaman 1 dari 3 · 45 pemain",
                "Halaman 2 dari 3",
                "Halaman 3 dari 3",
            ],
        ),
    ];
    for (sort, locale, said) in cases {
        let payload = crate::fake::subcommand(
            next(),
            next(),
            locale,
            "quiz",
            "leaderboard",
            json!([opt("sort", json!(sort))]),
        );
        let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
        let board = &cb.body["data"];
        assert!(board.to_string().contains(said[0]), "{board}");
        let pages = custom_ids_with(board, "aura:qb:");
        assert_eq!(pages.len(), 1, "only Next on the first page: {pages:?}");
        let second = click_as(&fake, next(), locale, &pages[0]).await;
        assert_eq!(second["type"], 7, "the board itself turns: {second}");
        let text = second["data"].to_string();
        assert!(text.contains(said[1]), "{text}");
        let turns = custom_ids_with(&second["data"], "aura:qb:");
        assert_eq!(turns.len(), 2, "Previous and Next: {turns:?}");
        let last = click_as(&fake, next(), locale, &turns[1]).await;
        let last_text = last["data"].to_string();
        assert!(last_text.contains(said[2]), "{last_text}");
        let turns = custom_ids_with(&last["data"], "aura:qb:");
        assert_eq!(turns.len(), 1, "no Next on the last page");
        assert!(
            aura::render::limits::check_callback(&last).is_empty(),
            "{last}"
        );
        if sort == 0 {
            assert!(text.contains("21. <@9020>"), "{text}");
            assert!(!text.contains("20. <@"), "{text}");
            assert!(last_text.contains("41. <@9040>") && last_text.contains("45. <@9044>"));
        }
    }
    bot.stop().await;
}
