//! Pictures end to end: a quiz reveal posted with its answer split as a PNG attachment (alt
//! text in words, shown as the embed's image), the question's closing edit leaving files
//! alone, and `/quiz leaderboard` answering with the top ten as a picture. (The debate
//! summary's vote chart is checked in `debates`.)

use crate::app::{TestApp, next, state_file};
use crate::fake::{CHANNEL_ID, MANAGE_MESSAGES, MEMBER, Upload, in_guild, subcommand};
use crate::support::{answer_buttons, opt, press, wait_posts};
use serde_json::{Value, json};

const TEACHER: u64 = 42;

async fn quiz(bot: &TestApp, sub: &str, options: Value) -> (String, Value) {
    let id = next();
    let cb = bot
        .fake
        .interact(in_guild(
            subcommand(id, TEACHER, "en-US", "quiz", sub, options),
            MANAGE_MESSAGES,
            &[],
        ))
        .await;
    assert_eq!(cb.status, 204, "/quiz {sub}: {}", cb.body);
    (id.to_string(), cb.body)
}

fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reveal_and_the_leaderboard_carry_their_charts() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    // Twelve members, so that the board's chart shows its top ten.
    let members: Vec<u64> = (0..12).map(|i| 20_000 + i).collect();
    quiz(
        &bot,
        "start",
        json!([
            opt("questions", json!(1)),
            opt("mode", json!(1)),
            opt("seconds", json!(120))
        ]),
    )
    .await;
    let question = wait_posts(&fake, 1).await[0].clone();
    assert!(question.files.is_empty(), "a question has no picture");
    let ids = answer_buttons(&question);
    assert!(ids.len() >= 2, "{ids:?}");
    // Eight on the first choice, four on the second.
    for (i, m) in members.iter().enumerate() {
        let id = &ids[usize::from(i >= 8)];
        let cb = press(&fake, *m, MEMBER, id).await;
        assert_eq!(cb.status, 204, "{}", cb.body);
    }
    quiz(&bot, "reveal", json!([])).await;
    let reveal = wait_posts(&fake, 2).await[1].clone();

    // The reveal: one PNG, described in words, shown in the embed.
    assert_eq!(reveal.files.len(), 1, "{:?}", reveal.body);
    let chart: &Upload = &reveal.files[0];
    assert_eq!(chart.name, "question-1.png");
    assert!(is_png(&chart.bytes));
    assert!(
        (1024..512 * 1024).contains(&chart.bytes.len()),
        "{} bytes",
        chart.bytes.len()
    );
    let alt = chart.description.clone().unwrap_or_default();
    assert!(
        alt.starts_with("Answers to question 1, 12 in all: "),
        "{alt}"
    );
    assert!(
        alt.contains(" 8 (67%)") && alt.contains(" 4 (33%)"),
        "{alt}"
    );
    assert!(alt.contains("; correct: "), "{alt}");
    assert!(alt.chars().count() <= 1024);
    assert_eq!(
        reveal.body["embeds"][0]["image"]["url"],
        "attachment://question-1.png"
    );
    assert!(
        aura::render::limits::check_message(&reveal.body).is_empty(),
        "{:?}",
        aura::render::limits::check_message(&reveal.body)
    );

    // The question's closing edit listed no files, and took none away or added any.
    let question = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(|p| p.id == question.id)
        .expect("the question");
    assert!(
        !question.edits.is_empty(),
        "the question was closed by an edit"
    );
    assert!(
        question
            .edits
            .iter()
            .all(|e| e.get("attachments").is_none())
    );
    assert!(question.files.is_empty());

    // The board: the top ten as a picture, with the member asking marked if they played.
    let (id, body) = quiz(&bot, "leaderboard", json!([])).await;
    let board = fake.wait_for_upload("leaderboard.png").await;
    assert!(is_png(&board.bytes));
    let alt = board.description.clone().unwrap_or_default();
    assert!(
        alt.starts_with("Quiz board, all time, top 10 by points: 1. "),
        "{alt}"
    );
    let entries = alt.split_once(": ").map(|(_, l)| l).unwrap_or("");
    assert_eq!(entries.split(", ").count(), 10, "{alt}");
    // Names as members were last seen answering (the fake's `student…`), never a mention.
    assert!(alt.contains("student20000"), "{alt}");
    assert!(!alt.contains("<@"), "{alt}");
    // Answered at once (its id) or after a deferral (its token), with the image in the embed.
    assert!(
        board.key == id || body["type"] == 5,
        "{} / {body}",
        board.key
    );
    if body["type"] == 4 {
        assert_eq!(
            body["data"]["embeds"][0]["image"]["url"],
            "attachment://leaderboard.png"
        );
        assert_eq!(
            body["data"]["attachments"][0]["filename"],
            "leaderboard.png"
        );
    }
    assert!(
        fake.unknown_routes().is_empty(),
        "{:?}",
        fake.unknown_routes()
    );
    bot.stop().await;
}
