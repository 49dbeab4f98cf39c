//! An untimed question end to end, on the clock of the world: in teacher mode `seconds:0`
//! keeps a question open past two minutes — no "Time is up", an answer still taken — until the
//! teacher reveals it. (This test waits two minutes and a few seconds of real time: the bot's
//! round timers run on the runtime's clock, which only the world moves.)

use std::time::Duration;

use serde_json::json;

use crate::app::TestApp;
use crate::fake::MEMBER;
use crate::support::{first_question, opt, press, teacher_quiz, wait_posts};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untimed_teacher_question_stays_open_past_two_minutes_until_the_teacher_reveals() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(1)),
            opt("mode", json!(1)),
            opt("seconds", json!(0)),
        ]),
    )
    .await;
    assert!(
        started.to_string().contains("until the teacher reveals"),
        "{started}"
    );
    let (question, buttons) = first_question(&fake).await;
    assert!(
        question
            .to_string()
            .contains("Open until the teacher reveals it"),
        "{question}"
    );
    let asked_at = std::time::Instant::now();
    press(&fake, 601, MEMBER, &buttons[0]).await;

    // Past two minutes: the question was never closed, and a late answer is still taken.
    tokio::time::sleep(Duration::from_secs(125)).await;
    assert!(asked_at.elapsed() > Duration::from_secs(120));
    let edits = fake.edits().into_iter().map(|(_, body)| body.to_string());
    let closed: Vec<String> = edits.filter(|e| e.contains("Time is up")).collect();
    assert!(closed.is_empty(), "closed by a timer: {closed:?}");
    assert_eq!(
        fake.posted_in(crate::fake::CHANNEL_ID).len(),
        1,
        "no reveal yet"
    );
    let late = press(&fake, 602, MEMBER, &buttons[1]).await;
    let late = late.body.to_string();
    assert!(
        !late.contains("Time is up"),
        "the late answer was refused: {late}"
    );

    // The teacher reveals it: both answers counted.
    teacher_quiz(&fake, "reveal", json!([])).await;
    let posts = wait_posts(&fake, 2).await;
    let reveal = posts[1].body.to_string();
    assert!(
        reveal.contains("<@601>") && reveal.contains("<@602>"),
        "{reveal}"
    );
    bot.stop().await;
}
