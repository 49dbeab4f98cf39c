//! A fair class end to end: a server's boards that name nobody (the reveal's top, the end
//! card, the board and its chart), flat scoring set as the server's default and stated on the
//! round's first card in plain words (equal points for equal right answers, however fast), and
//! a member keeping their own name off a board that names everyone else.

use std::time::Duration;

use serde_json::json;

use crate::app::TestApp;
use crate::fake::{CHANNEL_ID, MANAGE_GUILD, MEMBER};
use crate::support::{first_question, opt, press, quiz, teacher_quiz, wait_posts};

const MEMBERS: [u64; 4] = [501, 502, 503, 504];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_flat_round_names_nobody_and_scores_right_answers_alike() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();

    // Staff: boards anonymous, rounds flat unless told otherwise.
    let set = quiz(
        &fake,
        77,
        MANAGE_GUILD,
        "settings",
        json!([opt("boards", json!(2)), opt("scoring", json!(1))]),
    )
    .await;
    let text = set.to_string();
    assert!(
        text.contains("ranks and points, no names") && text.contains("flat"),
        "{text}"
    );
    // Members may not change them.
    let refused = quiz(
        &fake,
        501,
        MEMBER,
        "settings",
        json!([opt("boards", json!(0))]),
    )
    .await;
    assert!(refused.to_string().contains("permission"), "{refused}");

    // A round in teacher mode, scoring not named: the server's flat scoring, said in words.
    let started = teacher_quiz(
        &fake,
        "start",
        json!([opt("questions", json!(1)), opt("mode", json!(1))]),
    )
    .await;
    assert!(
        started
            .to_string()
            .contains("every right answer earns 1,000 points, however long"),
        "{started}"
    );
    let (_, buttons) = first_question(&fake).await;
    // Members answer one after another, each a little later than the one before.
    for (i, m) in MEMBERS.iter().enumerate() {
        press(&fake, *m, MEMBER, &buttons[i % 2]).await;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    teacher_quiz(&fake, "reveal", json!([])).await;
    let posts = wait_posts(&fake, 2).await;
    let reveal = posts[1].body.to_string();
    assert!(
        !reveal.contains("<@"),
        "the reveal's top names nobody: {reveal}"
    );
    teacher_quiz(&fake, "stop", json!([])).await;
    let posts = wait_posts(&fake, 3).await;
    let end = posts[2].body.to_string();
    assert!(end.contains("🥇"), "{end}");
    assert!(!end.contains("<@"), "the end card names nobody: {end}");

    // Equal points for equal right answers, whatever the time taken.
    teacher_quiz(&fake, "report", json!([])).await;
    let files = fake.attachments();
    let (_, name, csv) = files.last().expect("the report");
    assert_eq!(name, "quiz-report.csv");
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), MEMBERS.len());
    let right: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[5] == "yes").collect();
    assert!(!right.is_empty());
    let times: std::collections::HashSet<&str> = right.iter().map(|r| &r[6]).collect();
    assert!(
        times.len() > 1 || right.len() == 1,
        "answers took different times"
    );
    for r in &right {
        assert_eq!(&r[7], "1000", "{r:?}");
    }
    for r in rows.iter().filter(|r| &r[5] == "no") {
        assert_eq!(&r[7], "0", "{r:?}");
    }

    // The board and its chart name nobody either.
    let board = quiz(&fake, 501, MEMBER, "leaderboard", json!([])).await;
    let text = board.to_string();
    assert!(!text.contains("<@"), "{text}");
    assert!(
        text.contains("Names are not shown in this server"),
        "{text}"
    );

    // Names again, but one member keeps theirs off.
    quiz(
        &fake,
        77,
        MANAGE_GUILD,
        "settings",
        json!([opt("boards", json!(0))]),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let hidden = quiz(&fake, 502, MEMBER, "me", json!([opt("hide", json!(true))])).await;
    assert!(hidden.to_string().contains("kept off"), "{hidden}");
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let board = quiz(&fake, 503, MEMBER, "leaderboard", json!([])).await;
    let text = board.to_string();
    assert!(!text.contains("<@502>"), "{text}");
    assert!(text.contains("<@501>") || text.contains("<@503>"), "{text}");
    assert!(text.contains("(name hidden)"), "{text}");
    assert!(fake.posted_in(CHANNEL_ID).len() >= 3);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_given_one_and_a_half_times_the_time_gets_it_on_homework() {
    use crate::app::{Options, next, state_file};
    use crate::fake::{FakeDiscord, MANAGE_MESSAGES, in_guild, subcommand};
    use crate::support::{TEACHER, support_press};
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let (slow, other) = (601u64, 602u64);

    // The teacher gives one member one and a half times the time, privately.
    let named = json!([
        { "type": 6, "name": "member", "value": slow.to_string() },
        opt("percent", json!(150))
    ]);
    let mut payload = subcommand(next(), TEACHER, "en-US", "quiz", "time", named);
    payload["data"]["resolved"] =
        json!({ "users": { slow.to_string(): crate::fake::member_user(slow) } });
    let given = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    assert_eq!(given.body["data"]["flags"], 64, "private: {}", given.body);
    assert!(
        given.body.to_string().contains("1.5× the time limit"),
        "{}",
        given.body
    );
    // A member cannot.
    let named = json!([
        { "type": 6, "name": "member", "value": other.to_string() },
        opt("percent", json!(300))
    ]);
    let mut payload = subcommand(next(), other, "en-US", "quiz", "time", named);
    payload["data"]["resolved"] =
        json!({ "users": { other.to_string(): crate::fake::member_user(other) } });
    let refused = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert!(
        refused.body.to_string().contains("permission"),
        "{}",
        refused.body
    );

    // Homework with 20 seconds a question.
    let (message, start) = crate::support::assigned(
        &fake,
        json!([
            opt("due", json!("2026-12-01 18:00")),
            opt("timezone", json!("Asia/Jakarta")),
            opt("questions", json!(1)),
            opt("time_limit", json!(20)),
            opt("scoring", json!(0)),
        ]),
    )
    .await;
    // Scored by speed, as the teacher asked, and the card says so in plain words.
    assert!(
        message
            .body
            .to_string()
            .contains("more the faster it comes within the time limit"),
        "{}",
        message.body
    );
    // Each sees their own question with their own time: 30 seconds and 20 (the bot's clock
    // runs on from where the test set it; a press may take a second of it).
    let by = |text: &str| -> i64 {
        let at = text.find("Answer <t:").expect("a time") + "Answer <t:".len();
        text[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a time")
    };
    let before = clock.unix();
    let mine = support_press(&fake, slow, &start).await;
    let given = by(&mine) - before;
    assert!((30..=31).contains(&given), "{given} s: {mine}");
    let before = clock.unix();
    let theirs = support_press(&fake, other, &start).await;
    let given = by(&theirs) - before;
    assert!((20..=21).contains(&given), "{given} s: {theirs}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_in_both_languages_carries_both_on_its_cards() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(1)),
            opt("mode", json!(1)),
            opt("bilingual", json!(true)),
            // Indonesian (the first choice), though the teacher's Discord is in English.
            opt("language", json!(0))
        ]),
    )
    .await;
    let (asked, buttons) = first_question(&fake).await;
    let title = asked["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert_eq!(
        title, "Soal 1 dari 1 · Question 1 of 1",
        "the round's language first, then the other"
    );
    assert!(!buttons.is_empty(), "the answer buttons stay");
    assert_eq!(asked["allowed_mentions"]["parse"], json!([]));
    press(&fake, MEMBERS[0], MEMBER, &buttons[0]).await;
    teacher_quiz(&fake, "reveal", json!([])).await;
    let posts = wait_posts(&fake, 2).await;
    let reveal = posts[1].body["embeds"][0]["title"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(reveal.contains(" · "), "the reveal in both: {reveal}");
    // Its picture described in both, for screen readers.
    let alt = posts[1].body["attachments"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        alt.contains("Jawaban") && alt.contains("Answers"),
        "{}",
        posts[1].body
    );
    bot.stop().await;
}

/// One member given more time on a homework (`/quiz assignments action:extend member:`): told
/// by DM, they start after the class's due time while another member is refused, and the
/// class's results wait until their time has passed too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_given_a_later_due_time_answers_after_the_class_and_the_results_wait() {
    use crate::app::{Options, next, state_file};
    use crate::fake::{FakeDiscord, MANAGE_MESSAGES, in_guild, subcommand};
    use crate::support::support_press;
    let (options, clock) = Options::with_clock();
    clock.set("2026-12-01T05:00:00Z".parse().expect("instant"));
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let (later, other) = (611u64, 612u64);

    // Due 18:00 in Jakarta (11:00 UTC) for the class.
    let (_, start) = crate::support::assigned(
        &fake,
        json!([
            opt("due", json!("2026-12-01 18:00")),
            opt("timezone", json!("Asia/Jakarta")),
            opt("questions", json!(1)),
        ]),
    )
    .await;

    // The teacher gives one member until the next evening; too early a time is refused.
    let extend = |due: &str| {
        let options = json!([
            opt("action", json!(1)),
            opt("id", json!(1)),
            opt("due", json!(due)),
            { "type": 6, "name": "member", "value": later.to_string() },
        ]);
        let mut payload = subcommand(
            next(),
            crate::support::TEACHER,
            "en-US",
            "quiz",
            "assignments",
            options,
        );
        payload["data"]["resolved"] =
            json!({ "users": { later.to_string(): crate::fake::member_user(later) } });
        in_guild(payload, MANAGE_MESSAGES, &[])
    };
    let early = fake.interact(extend("2026-12-01 17:00")).await;
    assert!(
        early
            .body
            .to_string()
            .contains("must come after the class's"),
        "{}",
        early.body
    );
    let given = fake.interact(extend("2026-12-02 18:00")).await;
    let text = given.body.to_string();
    assert_eq!(given.body["data"]["flags"], 64, "private: {text}");
    assert!(text.contains(&format!("<@{later}> has until")), "{text}");
    assert!(text.contains("told by DM"), "{text}");
    let dm = fake.posted_in(&format!("77{later}"));
    assert_eq!(dm.len(), 1, "{dm:?}");
    assert!(dm[0].body.to_string().contains("more time for homework #1"));
    assert_eq!(dm[0].body["allowed_mentions"]["parse"], json!([]));

    // Past the class's due time: the other member is refused, the one given time begins.
    clock.set("2026-12-01T12:00:00Z".parse().expect("instant"));
    let refused = support_press(&fake, other, &start).await;
    assert!(refused.contains("closed"), "{refused}");
    let begun = support_press(&fake, later, &start).await;
    assert!(begun.contains("question 1 of 1"), "{begun}");
    // The results wait for them (the sweep runs meanwhile; the command's cooldown passes).
    let results = "Homework #1: the class's results";
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let posted = |fake: &FakeDiscord| {
        fake.posted_in(CHANNEL_ID)
            .into_iter()
            .filter(|m| m.body.to_string().contains(results))
            .count()
    };
    assert_eq!(posted(&fake), 0, "the results waited");
    let listed = teacher_quiz(&fake, "assignments", json!([])).await;
    assert!(
        listed
            .to_string()
            .contains("open for one member given more time"),
        "{listed}"
    );
    // Their time over: the assignment closes and the results are posted once.
    clock.set("2026-12-02T11:00:00Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.body.to_string().contains(results))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(posted(&fake), 1);
    bot.stop().await;
}
