use std::path::PathBuf;
use std::sync::Arc;

use super::*;
use crate::core::Core;
use crate::debate::Side;
use crate::outbox::Recorder;
use crate::quiz::{AnswerRow, Period};
use crate::services::Pace;
use crate::store::Store;

async fn services() -> Services {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    Services::new(core, store, Arc::new(Recorder::new()), Pace::default())
}

fn member(user: u64) -> Invocation {
    Invocation {
        id: 900 + user,
        token: format!("token-{user}"),
        guild: Some(1),
        channel: 2,
        user,
        lang: Lang::En,
        ..Invocation::default()
    }
}

fn answer(user: u64, question_no: u32, points: u32) -> AnswerRow {
    AnswerRow {
        question_no,
        question_id: format!("q{question_no}"),
        user_id: user,
        choice: 0,
        correct: points > 0,
        taken_ms: 1000,
        points,
        answered_at: 100,
        team: None,
        ..AnswerRow::default()
    }
}

/// Members 5 and 6 answer two questions, vote and suggest; 5 started the round and the debate.
async fn played(s: &Services) {
    let store = &s.store;
    store.start_round(50, 1, 2, 5, 90).await.expect("round");
    store
        .record_answers(
            50,
            1,
            &[answer(5, 1, 1000), answer(6, 1, 900), answer(5, 2, 1100)],
        )
        .await
        .expect("answers");
    store
        .record_answers(50, 1, &[answer(6, 2, 0)])
        .await
        .expect("answers");
    crate::debate::votes::start(s, &member(5), None, (None, None))
        .await
        .expect("debate");
    let debate = 905;
    for (user, side) in [(5, Side::Adorno), (6, Side::Benjamin)] {
        store
            .vote(debate, (Some(1), 2), user, side, s.clock.unix())
            .await
            .expect("vote");
    }
    store
        .add_suggestion(1, 2, 5, "What would Adorno say about memes?", "tok", 100)
        .await
        .expect("suggestion");
}

fn text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Reply(r) | Outcome::Update(r) => crate::render::to_text(r),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_member_sees_their_rows_and_deletes_them_and_boards_forget_them() {
    let s = services().await;
    played(&s).await;
    let shown = show(&s, &member(5)).await.expect("show");
    let Outcome::Reply(reply) = &shown else {
        panic!("{shown:?}");
    };
    assert!(reply.ephemeral);
    let shown = text(&shown);
    assert!(shown.contains("Quiz answers: 2 (in 1 rounds)"), "{shown}");
    assert!(shown.contains("Debate votes: 1"), "{shown}");
    assert!(shown.contains("daily prompts: 1"), "{shown}");
    assert!(shown.contains("you started: 2"), "{shown}");
    assert_eq!(
        reply.buttons[0].id,
        CustomId::Privacy {
            delete: true,
            owner: 5
        }
    );

    // Someone else's click (a forged id) deletes nothing; Cancel deletes nothing.
    let forged = confirm(&s, &member(6), (true, 5)).await.expect("forged");
    assert!(
        text(&forged).contains("Only the member"),
        "{}",
        text(&forged)
    );
    let kept = confirm(&s, &member(5), (false, 5)).await.expect("cancel");
    assert!(matches!(kept, Outcome::Update(_)));
    assert_eq!(s.store.member_rows(5).await.expect("rows").answers, 2);

    let board = s.store.board(1, Period::All, 200).await.expect("board");
    assert_eq!(board.len(), 2);
    let done = confirm(&s, &member(5), (true, 5)).await.expect("delete");
    assert!(matches!(done, Outcome::Update(ref r) if r.ephemeral));
    assert!(text(&done).contains("no longer stores"), "{}", text(&done));
    assert!(s.store.member_rows(5).await.expect("rows").is_empty());

    // The board is computed without them; the other member keeps everything.
    let board = s.store.board(1, Period::All, 200).await.expect("board");
    assert_eq!(
        board
            .iter()
            .map(|l| (l.user_id, l.points))
            .collect::<Vec<_>>(),
        vec![(6, 900)]
    );
    assert_eq!(board[0].rank, 1);
    let other = s.store.member_rows(6).await.expect("rows");
    assert_eq!((other.answers, other.votes), (2, 1));
    assert_eq!(s.store.tally(905).await.expect("tally").total(), 1);
    let after = show(&s, &member(5)).await.expect("show");
    assert!(text(&after).contains("stores nothing"), "{}", text(&after));
}
