//! Tests of live rounds over a recorder: what happens when Discord refuses a round's messages.

use super::*;
use crate::core::Core;
use crate::outbox::OutboxError;
use crate::outbox::recorder::{Call, Recorder, Sent};
use crate::quiz::Tuning;
use crate::quiz::plan::{StartArgs, plan};
use crate::services::Pace;
use crate::store::Store;
use std::path::PathBuf;

/// Services over the study pack, a fresh store and a recording outbox, questions opening at
/// once (no reading time).
async fn services() -> (Services, Arc<Core>, Store, Arc<Recorder>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    let outbox = Arc::new(Recorder::new());
    let pace = Pace {
        quiz: Tuning {
            read_time: Duration::ZERO,
            ..Tuning::default()
        },
        ..Pace::default()
    };
    let s = Services::new(core.clone(), store.clone(), outbox.clone(), pace);
    (s, core, store, outbox)
}

#[tokio::test]
async fn a_question_that_cannot_be_posted_ends_the_round_and_frees_the_channel() {
    let (s, core, store, outbox) = services().await;
    outbox.fail(
        Call::Post,
        OutboxError::Gone {
            status: 403,
            detail: "Missing Access".into(),
        },
    );
    let plan = plan(&core, Lang::En, &StartArgs::default(), 2).expect("plan");
    let round = plan.round(&core, 1).expect("round");
    store
        .start_round(9, 1, 2, 3, 0)
        .await
        .expect("start in the store");
    let (live, rx) = new_live(9, 1, 2, 3, Lang::En, &plan, round);
    launch(&s, live, rx);
    for _ in 0..100 {
        if crate::quiz::live::rooms(&s).get(2).is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        crate::quiz::live::rooms(&s).get(2).is_none(),
        "the channel is free again"
    );
    assert!(outbox.posts().is_empty(), "nothing reached the channel");
    assert!(
        store.abandon_open_rounds(1).await.expect("q").is_empty(),
        "the round is ended in the store"
    );
}

#[tokio::test]
async fn an_untimed_teacher_question_stays_open_past_two_minutes_until_the_teacher_reveals() {
    let (s, core, store, outbox) = services().await;
    let args = StartArgs {
        questions: Some(1),
        seconds: Some(0),
        mode: Some(Mode::Teacher),
        ..StartArgs::default()
    };
    let planned = plan(&core, Lang::En, &args, 2).expect("plan");
    let round = planned.round(&core, 1).expect("round");
    store.start_round(9, 1, 2, 3, 0).await.expect("start");
    let (live, rx) = new_live(9, 1, 2, 3, Lang::En, &planned, round);
    launch(&s, live, rx);
    // The question goes out saying it has no timer.
    for _ in 0..50 {
        if !outbox.posts().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let posts = outbox.posts();
    let question = crate::render::to_text(&posts[0].1.reply);
    assert!(
        question.contains("Open until the teacher reveals it"),
        "{question}"
    );
    // Three minutes later (the runtime's clock, moved by the test; the database is not
    // touched meanwhile): still open, nothing revealed.
    tokio::time::pause();
    tokio::time::sleep(Duration::from_secs(180)).await;
    tokio::time::resume();
    let room = rooms(&s).get(2).expect("the round runs");
    assert!(room.round.lock().expect("round").open_number().is_some());
    assert_eq!(outbox.posts().len(), 1, "no reveal yet");
    let closed = outbox.sent().into_iter().any(|x| {
        matches!(&x, Sent::Edit { message, .. }
            if crate::render::to_text(&message.reply).contains("Time is up"))
    });
    assert!(!closed, "the question was never closed by a timer");
    // The teacher reveals it.
    room.control.send(Control::Reveal).expect("control");
    for _ in 0..50 {
        if outbox.posts().len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(outbox.posts().len() >= 2, "revealed");
    // An untimed question needs a teacher to reveal it: automatic mode refuses it.
    let auto = StartArgs {
        seconds: Some(0),
        ..StartArgs::default()
    };
    let refused = plan(&core, Lang::En, &auto, 2).expect_err("refused");
    assert!(refused.text.contains("teacher mode"), "{}", refused.text);
    let five = StartArgs {
        seconds: Some(300),
        ..StartArgs::default()
    };
    assert_eq!(
        plan(&core, Lang::En, &five, 2)
            .expect("5 minutes")
            .settings
            .seconds,
        300
    );
}
