//! Tests of the quiz store: one round per channel, answers stored once, boards and reports.

use super::*;
use crate::quiz::model::answered as row;

#[tokio::test]
async fn one_round_per_channel_and_no_answer_counted_twice() {
    let s = Store::in_memory().await.unwrap();
    assert_eq!(
        s.start_round(1, 10, 20, 30, 0).await.unwrap(),
        StartOutcome::Started
    );
    assert_eq!(
        s.start_round(2, 10, 20, 30, 0).await.unwrap(),
        StartOutcome::Busy
    );
    let rows = vec![row(1, 101, true, 900, 10), row(1, 102, false, 0, 10)];
    s.record_answers(1, 10, &rows).await.unwrap();
    s.record_answers(1, 10, &rows).await.unwrap();
    let board = s.board(10, Period::All, 100).await.unwrap();
    assert_eq!(board.len(), 2);
    assert_eq!(board[0].points, 900);
    assert_eq!(board[0].accuracy(), 100);
    s.end_round(1, "finished", 20).await.unwrap();
    assert_eq!(
        s.start_round(2, 10, 20, 30, 30).await.unwrap(),
        StartOutcome::Started
    );
    assert_eq!(s.abandon_open_rounds(40).await.unwrap(), vec![20]);
}

#[tokio::test]
async fn boards_per_period_share_ranks_and_resets_count_from_then() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    let day = 86_400;
    let now = 100 * day;
    s.record_answers(
        1,
        10,
        &[
            row(1, 101, true, 500, now - 40 * day),
            row(1, 102, true, 800, now - 10 * day),
            row(2, 101, true, 300, now - day),
            row(2, 102, true, 300, now - day),
            row(3, 103, true, 300, now - day),
        ],
    )
    .await
    .unwrap();
    let week = s.board(10, Period::Week, now).await.unwrap();
    assert_eq!(
        week.iter().map(|l| (l.rank, l.points)).collect::<Vec<_>>(),
        vec![(1, 300), (1, 300), (1, 300)]
    );
    let month = s.board(10, Period::Month, now).await.unwrap();
    assert_eq!(month[0].user_id, 102);
    assert_eq!(month[0].points, 1100);
    let all = s.board(10, Period::All, now).await.unwrap();
    assert_eq!(
        all.iter().map(|l| (l.rank, l.points)).collect::<Vec<_>>(),
        vec![(1, 1100), (2, 800), (3, 300)]
    );
    s.reset_board(10, Period::Term, now - day / 2)
        .await
        .unwrap();
    assert!(s.board(10, Period::Term, now).await.unwrap().is_empty());
    assert_eq!(s.board(10, Period::All, now).await.unwrap().len(), 3);
    assert!(s.board(99, Period::All, now).await.unwrap().is_empty());
    let wins = s.board_by(10, Period::All, now, Sort::Wins).await.unwrap();
    // One round: b has the most points in it, so b has the only win.
    assert_eq!((wins[0].user_id, wins[0].wins), (102, 1));
    assert!(wins.iter().all(|l| l.games == 1));
    assert_eq!(wins[1].rank, 2);
    assert_eq!(wins[2].rank, 2, "no wins share a place");
}

#[tokio::test]
async fn typed_answers_keep_their_text_and_a_refused_one_chose_nothing() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 3, 0).await.unwrap();
    let typed = |user: u64, text: &str, correct: bool| AnswerRow {
        choice: if correct { 2 } else { AnswerRow::NO_CHOICE },
        typed: Some(text.into()),
        ..row(1, user, correct, if correct { 900 } else { 0 }, 5)
    };
    s.record_answer(1, 10, typed(101, "klosowski", true))
        .await
        .unwrap();
    s.record_answers(
        1,
        10,
        &[typed(102, "Harry Zohn", false), row(2, 101, true, 800, 6)],
    )
    .await
    .unwrap();
    let mine = s.answers_of(1, 101).await.unwrap();
    assert_eq!(mine[0].typed.as_deref(), Some("klosowski"));
    assert_eq!(mine[0].choice, 2);
    assert_eq!(mine[1].typed, None, "a click has no typed text");
    let refused = s.answers_of(1, 102).await.unwrap();
    assert_eq!(refused[0].choice, AnswerRow::NO_CHOICE);
    assert_eq!(refused[0].typed.as_deref(), Some("Harry Zohn"));
    assert!(!refused[0].correct);
    // The column holds -1 for it (documented on `AnswerRow::choice`).
    let stored: i64 = on!(&s.reader, |db| {
        sqlx::query_scalar("SELECT choice FROM quiz_answers WHERE user_id = '102'")
            .fetch_one(db)
            .await
            .unwrap()
    });
    assert_eq!(stored, -1);
}

/// Ending a round folds it into the kept totals: every board, the gradebook, the class's
/// tallies and the names read the same before (from the running round's answers) and after.
#[tokio::test]
async fn a_round_reads_the_same_running_and_folded() {
    let s = Store::in_memory().await.unwrap();
    let now = 1_000_000;
    s.start_round(1, 10, 20, 30, now - 100).await.unwrap();
    s.start_round(2, 10, 21, 30, now - 100).await.unwrap();
    let mut rows = Vec::new();
    for (q, user, correct, points) in [
        (1, 101, true, 900),
        (1, 102, false, 0),
        (2, 101, true, 500),
        (2, 102, true, 800),
        (2, 103, true, 700),
        (3, 103, true, 900),
    ] {
        let mut r = row(q, user, correct, points, now - 50 + i64::from(q));
        r.picked = Some(if correct { 0 } else { 2 });
        r.display_name = Some(format!("member {user}"));
        rows.push(r);
    }
    s.record_answers(1, 10, &rows).await.unwrap();
    s.record_answers(2, 10, &[row(1, 104, true, 100, now - 10)])
        .await
        .unwrap();
    async fn seen(s: &Store, now: i64) -> Vec<String> {
        let mut out = Vec::new();
        for period in [Period::Week, Period::Month, Period::Term, Period::All] {
            for sort in [Sort::Points, Sort::Wins, Sort::Games, Sort::Accuracy] {
                out.push(format!(
                    "{period:?} {sort:?} {:?}",
                    s.board_by(10, period, now, sort).await.unwrap()
                ));
            }
            for channel in [None, Some(20), Some(21)] {
                let mut t = s
                    .insight_tallies(10, period, now, channel)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|t| (t.question, t.picked, t.correct, t.count))
                    .collect::<Vec<_>>();
                t.sort();
                // Rows of one kind may come as several parts: their sums are what counts.
                let mut summed: Vec<(String, Option<u32>, bool, u64)> = Vec::new();
                for (q, p, c, n) in t {
                    match summed.last_mut() {
                        Some(last) if (&last.0, last.1, last.2) == (&q, p, c) => last.3 += n,
                        _ => summed.push((q, p, c, n)),
                    }
                }
                out.push(format!("{period:?} {channel:?} {summed:?}"));
            }
        }
        let mut tallies = s.round_tallies(10, i64::MIN).await.unwrap();
        tallies.sort_by_key(|t| (t.user, t.round));
        out.push(format!("{tallies:?}"));
        let mut names: Vec<_> = s.display_names(10).await.unwrap().into_iter().collect();
        names.sort();
        out.push(format!("{names:?}"));
        out
    }
    let running = seen(&s, now).await;
    s.end_round(1, "finished", now).await.unwrap();
    s.end_round(2, "finished", now).await.unwrap();
    assert_eq!(seen(&s, now).await, running);
    // Folding happens once: ending again, or the folding at start-up, adds nothing.
    s.end_round(1, "finished", now).await.unwrap();
    assert_eq!(s.fold_pending().await.unwrap(), 0);
    assert_eq!(seen(&s, now).await, running);
    // A page of a board read through the index is the page of the whole board.
    s.start_round(3, 10, 20, 30, now - 9).await.unwrap();
    // Tied members whose ids differ in length: ranked by id as a number (99, 104, 1000).
    let tied = [
        row(1, 104, true, 1_300, now - 9),
        row(1, 1000, true, 1_300, now - 9),
        row(1, 99, true, 1_300, now - 9),
    ];
    s.record_answers(3, 10, &tied).await.unwrap();
    // While a round runs the board is ranked whole; once it ends, through the index.
    for fold in [false, true] {
        if fold {
            s.end_round(3, "finished", now).await.unwrap();
        }
        for period in [Period::Term, Period::All] {
            let board = s.board_by(10, period, now, Sort::Points).await.unwrap();
            for member in [101, 103, 104, 999] {
                for page in [
                    (0, 0),
                    (0, 1),
                    (0, 2),
                    (0, 20),
                    (1, 1),
                    (2, 1),
                    (3, 1),
                    (1, 2),
                    (2, 2),
                    (3, 10),
                ] {
                    assert_eq!(
                        s.board_page(10, period, now, Sort::Points, page, member)
                            .await
                            .unwrap(),
                        BoardPage::of(&board, page, member),
                        "{period:?}, member {member}, page {page:?}"
                    );
                }
            }
        }
    }
    // A reset of the term starts its kept totals again; all time keeps them.
    s.reset_board(10, Period::Term, now).await.unwrap();
    assert!(s.board(10, Period::Term, now).await.unwrap().is_empty());
    assert!(
        s.insight_tallies(10, Period::Term, now, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.board(10, Period::All, now).await.unwrap().len(),
        6,
        "with 99 and 1000"
    );
    let all = s.board(10, Period::All, now).await.unwrap();
    let b = all.iter().find(|l| l.user_id == 104).expect("104");
    assert_eq!(
        (b.points, b.games),
        (1_400, 2),
        "104's two rounds: 100 + 1,300"
    );
    // Erasing a member takes their totals and name from every board.
    s.forget_member(101).await.unwrap();
    let all = s.board(10, Period::All, now).await.unwrap();
    assert!(all.iter().all(|l| l.user_id != 101));
    assert!(!s.display_names(10).await.unwrap().contains_key(&101));
}
