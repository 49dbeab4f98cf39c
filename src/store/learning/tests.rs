//! Tests of the learning store on either engine: answer histories of every kind, practice runs,
//! insight tallies per channel and period, gradebook tallies and display names.

use super::*;

fn row(q: &str, no: u32, user: u64, picked: u32, correct: bool, at: i64) -> AnswerRow {
    AnswerRow {
        question_no: no,
        question_id: q.into(),
        user_id: user,
        choice: picked,
        correct,
        points: if correct { 100 } else { 0 },
        answered_at: at,
        picked: Some(picked),
        ..AnswerRow::default()
    }
}

fn named(mut r: AnswerRow, name: &str) -> AnswerRow {
    r.display_name = Some(name.into());
    r
}

/// A homework attempt as homework stores it: a round and answers of kind 'homework'.
async fn homework(s: &Store, round: u64, guild: u64, user: u64, rows: &[(bool, i64)]) {
    on!(&s.pool, |db| {
        sqlx::query(
            "INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at, kind)
             VALUES ($1, $2, '21', $3, 0, 'homework')",
        )
        .bind(round.to_string())
        .bind(guild.to_string())
        .bind(user.to_string())
        .execute(db)
        .await
        .expect("round");
        for (i, (correct, at)) in rows.iter().enumerate() {
            sqlx::query(
                "INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice,
                     correct, taken_ms, points, answered_at, kind)
                 VALUES ($1, $2, 'hq', $3, $4, 0, $5, 0, $6, $7, 'homework')",
            )
            .bind(round.to_string())
            .bind(i as i64 + 1)
            .bind(guild.to_string())
            .bind(user.to_string())
            .bind(i64::from(*correct))
            .bind(if *correct { 50i64 } else { 0 })
            .bind(*at)
            .execute(db)
            .await
            .expect("answer");
        }
    });
    // Stored as bulk history is: folded as the store does when it opens.
    s.fold_pending().await.expect("fold");
}

#[tokio::test]
async fn the_history_holds_every_kind_in_time_order_for_one_member_and_server() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.record_answers(
        1,
        10,
        &[row("a", 1, 5, 1, false, 100), row("a", 1, 6, 0, true, 100)],
    )
    .await
    .unwrap();
    let run = Run {
        guild: 10,
        channel: 20,
        user: 5,
        topic: Some("benjamin:aura".into()),
        ended: false,
    };
    s.start_practice(&run, 2, 200).await.unwrap();
    assert_eq!(s.practice_run(2).await.unwrap(), Some(run.clone()));
    assert_eq!(s.practice_run(1).await.unwrap(), None, "a live round");
    assert!(
        s.record_practice_answer(2, 10, &row("a", 1, 5, 0, true, 300))
            .await
            .unwrap()
    );
    assert!(
        !s.record_practice_answer(2, 10, &row("a", 1, 5, 1, false, 301))
            .await
            .unwrap(),
        "the first answer stays"
    );
    homework(&s, 3, 10, 5, &[(true, 50)]).await;
    let seen = s.answer_history(10, 5).await.unwrap();
    assert_eq!(
        seen.iter()
            .map(|x| (x.question.as_str(), x.correct, x.at))
            .collect::<Vec<_>>(),
        vec![("hq", true, 50), ("a", false, 100), ("a", true, 300)]
    );
    assert!(s.answer_history(11, 5).await.unwrap().is_empty());
    s.end_round(2, "finished", 400).await.unwrap();
    assert!(s.practice_run(2).await.unwrap().expect("run").ended);
    // A practice round does not hold the channel for live rounds.
    assert_eq!(
        s.start_round(4, 10, 20, 30, 500).await.unwrap(),
        crate::store::StartOutcome::Busy,
        "round 1 is still open"
    );
}

#[tokio::test]
async fn insight_tallies_count_per_answer_chosen_by_period_and_channel() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.start_round(2, 10, 21, 30, 0).await.unwrap();
    s.record_answers(
        1,
        10,
        &[
            row("a", 1, 5, 1, false, 1000),
            row("a", 1, 6, 1, false, 1000),
            row("a", 1, 7, 0, true, 1000),
            row("b", 2, 5, 2, true, 10),
        ],
    )
    .await
    .unwrap();
    s.record_answers(2, 10, &[row("a", 1, 8, 3, false, 1000)])
        .await
        .unwrap();
    let mut all = s.insight_tallies(10, Period::All, 0, None).await.unwrap();
    all.sort_by(|x, y| (&x.question, x.picked).cmp(&(&y.question, y.picked)));
    let flat: Vec<(&str, Option<u32>, bool, u64)> = all
        .iter()
        .map(|t| (t.question.as_str(), t.picked, t.correct, t.count))
        .collect();
    assert_eq!(
        flat,
        vec![
            ("a", Some(0), true, 1),
            ("a", Some(1), false, 2),
            ("a", Some(3), false, 1),
            ("b", Some(2), true, 1)
        ]
    );
    let recent = s
        .insight_tallies(10, Period::Week, 500 + 7 * 86_400, Some(20))
        .await
        .unwrap();
    assert_eq!(recent.iter().map(|t| t.count).sum::<u64>(), 3);
    assert!(recent.iter().all(|t| t.question == "a"));
    assert!(
        s.insight_tallies(99, Period::All, 0, None)
            .await
            .unwrap()
            .is_empty()
    );
    // The term starts at its last reset.
    assert_eq!(
        s.period_start(10, Period::Term, 2000).await.unwrap(),
        i64::MIN
    );
    s.reset_board(10, Period::Term, 900).await.unwrap();
    assert_eq!(s.period_start(10, Period::Term, 2000).await.unwrap(), 900);
    assert_eq!(
        s.period_start(10, Period::Week, 8 * 86_400).await.unwrap(),
        86_400
    );
}

#[tokio::test]
async fn the_gradebook_reads_rounds_homework_and_the_latest_display_names() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.record_answers(
        1,
        10,
        &[
            named(row("a", 1, 5, 0, true, 100), "Old name"),
            named(row("b", 2, 5, 1, false, 110), "=New, \"name\""),
            row("a", 1, 6, 0, true, 100),
            named(row("b", 2, 6, 0, true, 120), "  "),
        ],
    )
    .await
    .unwrap();
    homework(&s, 2, 10, 5, &[(true, 200), (false, 201)]).await;
    // Practice is the member's own: not in the gradebook.
    let run = Run {
        guild: 10,
        channel: 20,
        user: 6,
        topic: None,
        ended: false,
    };
    s.start_practice(&run, 3, 0).await.unwrap();
    s.record_practice_answer(3, 10, &row("a", 1, 6, 0, true, 300))
        .await
        .unwrap();
    let names = s.display_names(10).await.unwrap();
    assert_eq!(names.get(&5).map(String::as_str), Some("=New, \"name\""));
    assert_eq!(names.get(&6), None, "blank names are not kept");
    let mut tallies = s.round_tallies(10, i64::MIN).await.unwrap();
    tallies.sort_by_key(|t| (t.user, t.round));
    assert_eq!(
        tallies,
        vec![
            RoundTally {
                user: 5,
                round: 1,
                homework: false,
                answered: 2,
                correct: 1,
                points: 100
            },
            RoundTally {
                user: 5,
                round: 2,
                homework: true,
                answered: 2,
                correct: 1,
                points: 50
            },
            RoundTally {
                user: 6,
                round: 1,
                homework: false,
                answered: 2,
                correct: 2,
                points: 200
            },
        ]
    );
    assert_eq!(s.round_tallies(10, 150).await.unwrap().len(), 1);
    let report = s.report_lines(1).await.unwrap();
    assert_eq!(report.len(), 4);
    assert_eq!(report[0].name.as_deref(), Some("=New, \"name\""));
    assert_eq!((report[0].user, report[0].question_no), (5, 1));
    assert_eq!(report[1].name, None);
}
