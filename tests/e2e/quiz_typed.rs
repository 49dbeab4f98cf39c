//! Typed answers end to end: a round of `kind: typed`, its "Answer" button opening the form,
//! members typing the right name in several ways (and a wrong choice's name) through the form,
//! each confirmed privately in their language and stored with its text; an answer typed twice,
//! an over-long one, and the reveal listing the accepted answers and how many typed it right.

use std::time::Duration;

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{
    CHANNEL_ID, FakeDiscord, MANAGE_MESSAGES, MEMBER, click, in_guild, modal_submit, subcommand,
};
use crate::support::{core, custom_ids};
use aura::quiz::{AnswerRow, Answering, Round, Settings};
use aura::store::Store;
use serde_json::{Value, json};

const TEACHER: u64 = 42;

fn opt(name: &str, value: u64) -> Value {
    json!({ "type": 4, "name": name, "value": value })
}

/// The first seed whose one-question typed round asks `question`.
fn seed_asking(question: &str) -> u64 {
    let core = core();
    let pool = &core.library.packs[0].questions;
    let settings = Settings {
        questions: 1,
        answering: Answering::Typed,
        ..Settings::default()
    };
    (0..10_000)
        .find(|&seed| {
            Round::new(pool, settings.clone(), seed)
                .is_ok_and(|r| r.question_ids().first() == Some(&question))
        })
        .expect("a seed")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_type_the_answer_through_the_form_and_are_scored() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let options = Options {
        quiz_seed: Some(seed_asking("mc-french-translator")),
        ..Options::default()
    };
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    // kind: typed (poise numbers the choices buttons 0, typed 1, mixed 2), teacher mode.
    let start = subcommand(
        next(),
        TEACHER,
        "en-US",
        "quiz",
        "start",
        json!([
            opt("kind", 1),
            opt("mode", 1),
            opt("questions", 1),
            opt("seconds", 120)
        ]),
    );
    let started = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(started.body["type"], 4, "{}", started.body);

    fake.wait_for_posts(Duration::from_secs(30), |p| {
        p.iter().any(|m| m.channel == CHANNEL_ID)
    })
    .await;
    let question = fake.posted_in(CHANNEL_ID)[0].body.clone();
    // (The prompt's spaces carry zero-width spaces against copying.)
    let text = question.to_string().replace('\u{200b}', "");
    assert!(
        text.contains("Who translated the 1936 French version?"),
        "{text}"
    );
    assert!(
        !text.contains("Harry Zohn"),
        "a typed question shows no choices: {text}"
    );
    let buttons = custom_ids(&question);
    assert!(
        buttons.iter().all(|id| !id.starts_with("aura:quiz:")),
        "no choice buttons: {buttons:?}"
    );
    let answer = buttons
        .iter()
        .find(|id| id.starts_with("aura:quiz-type:"))
        .expect("an Answer button")
        .clone();

    // The button opens the form: one short text input, at most 100 characters.
    let opened = fake
        .interact(in_guild(
            click(next(), 101, "id", &answer, None),
            MEMBER,
            &[],
        ))
        .await;
    assert_eq!(opened.body["type"], 9, "a form: {}", opened.body);
    let form = opened.body["data"]["custom_id"]
        .as_str()
        .expect("the form's id")
        .to_string();
    assert!(form.starts_with("aura:quiz-typed:"), "{form}");
    let input = &opened.body["data"]["components"][0]["components"][0];
    assert_eq!(input["max_length"], 100, "{input}");
    assert!(
        opened.body.to_string().contains("Jawaban Anda"),
        "in the member's language: {}",
        opened.body
    );

    let submit = |member: u64, locale: &'static str, typed: String| {
        let fake = fake.clone();
        let form = form.clone();
        async move {
            let payload = modal_submit(next(), member, locale, &form, &[("answer", &typed)]);
            let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
            assert_eq!(cb.status, 204, "{}", cb.body);
            assert_eq!(cb.body["data"]["flags"], 64, "privately: {}", cb.body);
            cb.body.to_string()
        }
    };
    let typed = [
        (101, "id", "Klossowski", true),
        (102, "en-US", "klosowski", true),
        (103, "en-US", "Pierre Klossowski", true),
        (104, "en-US", "Harry Zohn", false),
        (105, "en-US", "KLOSSOWSKI", true),
    ];
    for (member, locale, text, _) in typed {
        let reply = submit(member, locale, text.to_string()).await;
        let locked = if locale == "id" {
            "Terkunci"
        } else {
            "Locked in"
        };
        assert!(
            reply.contains(locked) && reply.contains(&format!("“{text}”")),
            "{reply}"
        );
    }
    // A second answer changes nothing; neither does the button.
    let again = submit(101, "en-US", "Harry Zohn".into()).await;
    assert!(again.contains("already answered"), "{again}");
    let button_again = fake
        .interact(in_guild(
            click(next(), 102, "en-US", &answer, None),
            MEMBER,
            &[],
        ))
        .await;
    assert!(
        button_again.body.to_string().contains("already answered"),
        "{}",
        button_again.body
    );
    // Longer than the form allows (a forged form): a polite refusal, nothing locked.
    let long = submit(106, "en-US", "Klossowski ".repeat(12)).await;
    assert!(long.contains("at most 100"), "{long}");
    let long_id = submit(107, "id", "x".repeat(4000)).await;
    assert!(long_id.contains("batasnya 100"), "{long_id}");
    let empty = submit(108, "en-US", "   ".into()).await;
    assert!(empty.contains("empty"), "{empty}");

    // The reveal names the accepted answers and how many typed one.
    let reveal = subcommand(next(), TEACHER, "en-US", "quiz", "reveal", json!([]));
    fake.interact(in_guild(reveal, MANAGE_MESSAGES, &[])).await;
    fake.wait_for_posts(Duration::from_secs(30), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("round is over"))
    })
    .await;
    let posts = fake.posted_in(CHANNEL_ID);
    let reveal = posts
        .iter()
        .map(|p| p.body.to_string())
        .find(|b| b.contains("Accepted answers"))
        .expect("the reveal");
    assert!(reveal.contains("Question 1: Pierre Klossowski"), "{reveal}");
    assert!(reveal.contains("Pierre Klossowski, Klossowski"), "{reveal}");
    assert!(reveal.contains("4 of 5 typed it right"), "{reveal}");
    bot.stop().await;

    // Stored as clicks are, with the text typed; a refused answer chose nothing (-1).
    let store = Store::open_for_tests(&state).await.expect("store");
    let round = store
        .last_round(CHANNEL_ID.parse().expect("id"))
        .await
        .expect("q")
        .expect("a round");
    for (member, _, text, correct) in typed {
        let rows = store.answers_of(round, member).await.expect("answers");
        assert_eq!(rows.len(), 1, "member {member}");
        let row = &rows[0];
        assert_eq!(row.typed.as_deref(), Some(text));
        assert_eq!(row.correct, correct, "{text}");
        assert_eq!(row.points > 0, correct, "{text}: {} points", row.points);
        assert_eq!(row.choice == AnswerRow::NO_CHOICE, !correct, "{text}");
    }
    for member in [106, 107, 108] {
        assert!(store.answers_of(round, member).await.expect("q").is_empty());
    }
    let board = store
        .board(
            crate::fake::GUILD_ID.parse().expect("id"),
            aura::quiz::Period::All,
            aura::clock::unix_now(),
        )
        .await
        .expect("board");
    assert_eq!(board.len(), 5, "the typed answers count on the board");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mixed_round_asks_typed_and_with_buttons_in_turn() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    // kind: mixed, in Indonesian.
    let start = subcommand(
        next(),
        TEACHER,
        "id",
        "quiz",
        "start",
        json!([
            opt("kind", 2),
            opt("mode", 1),
            opt("questions", 2),
            opt("seconds", 60)
        ]),
    );
    let started = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(started.body["type"], 4, "{}", started.body);
    let mut seen = Vec::new();
    for q in 1..=2usize {
        fake.wait_for_posts(Duration::from_secs(30), move |p| {
            p.iter().filter(|m| m.channel == CHANNEL_ID).count() >= 2 * q - 1
        })
        .await;
        let question = fake.posted_in(CHANNEL_ID)[2 * q - 2].body.clone();
        let buttons = custom_ids(&question);
        seen.push((
            buttons.iter().any(|id| id.starts_with("aura:quiz-type:")),
            buttons
                .iter()
                .filter(|id| id.starts_with("aura:quiz:"))
                .count(),
        ));
        for sub in ["reveal", "next"] {
            let cmd = subcommand(next(), TEACHER, "id", "quiz", sub, json!([]));
            fake.interact(in_guild(cmd, MANAGE_MESSAGES, &[])).await;
            if sub == "reveal" {
                fake.wait_for_posts(Duration::from_secs(30), move |p| {
                    p.iter().filter(|m| m.channel == CHANNEL_ID).count() >= 2 * q
                })
                .await;
            }
        }
    }
    assert!(seen[0].0 && seen[0].1 == 0, "question 1 is typed: {seen:?}");
    assert!(
        !seen[1].0 && seen[1].1 >= 2,
        "question 2 has buttons: {seen:?}"
    );
    let first = fake.posted_in(CHANNEL_ID)[0].body.to_string();
    assert!(first.contains("Jawab"), "in Indonesian: {first}");
    bot.stop().await;
}
