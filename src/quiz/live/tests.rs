//! Tests of live rounds over a recorder: what happens when Discord refuses a round's messages.

use super::*;
use crate::core::Core;
use crate::outbox::OutboxError;
use crate::outbox::recorder::{Call, Recorder};
use crate::quiz::Tuning;
use crate::quiz::plan::{StartArgs, plan};
use crate::services::Pace;
use crate::store::Store;
use std::path::PathBuf;

#[tokio::test]
async fn a_question_that_cannot_be_posted_ends_the_round_and_frees_the_channel() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    let outbox = Arc::new(Recorder::new());
    outbox.fail(
        Call::Post,
        OutboxError::Gone {
            status: 403,
            detail: "Missing Access".into(),
        },
    );
    let pace = Pace {
        quiz: Tuning {
            read_time: Duration::ZERO,
            ..Tuning::default()
        },
        ..Pace::default()
    };
    let s = Services::new(core.clone(), store.clone(), outbox.clone(), pace);
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
