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
