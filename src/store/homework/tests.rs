//! Tests of the homework store on either engine: numbers per server, one attempt per member,
//! answers taken only in order and while open, closing exactly once, and the summary's rows.

use super::*;
use crate::quiz::homework::model::Attempted;

fn sample(id: u64, guild: u64, due_at: i64) -> Assignment {
    Assignment {
        id,
        guild,
        number: 0,
        channel: 20,
        message: None,
        teacher: 30,
        lang: Lang::Id,
        pack: "benjamin".into(),
        questions: vec![
            Picked {
                id: "q1".into(),
                order: vec![1, 0, 2],
            },
            Picked {
                id: "q2".into(),
                order: vec![0, 1],
            },
        ],
        time_limit: Some(30),
        created_at: 0,
        due_at,
        zone: "Asia/Jakarta".into(),
        closed_at: None,
        closed_by: None,
        // Kept and read back as stored.
        ping_role: Some(77),
        flat: false,
        bilingual: true,
    }
}

fn row(q: u32, user: u64, choice: u32, correct: bool, at: i64) -> AnswerRow {
    AnswerRow {
        question_no: q,
        question_id: format!("q{q}"),
        user_id: user,
        choice,
        correct,
        taken_ms: 2000,
        points: if correct { 1000 } else { 0 },
        answered_at: at,
        team: None,
        picked: Some(choice),
        display_name: None,
        typed: None,
    }
}

#[tokio::test]
async fn assignments_are_numbered_per_server_and_read_back_as_stored() {
    let s = Store::in_memory().await.unwrap();
    let mut a = sample(1, 10, 1_000);
    assert_eq!(s.create_homework(&a, 100).await.unwrap().unwrap(), 1);
    assert_eq!(
        s.create_homework(&sample(2, 10, 2_000), 100)
            .await
            .unwrap()
            .unwrap(),
        2
    );
    assert_eq!(
        s.create_homework(&sample(3, 11, 2_000), 100)
            .await
            .unwrap()
            .unwrap(),
        1
    );
    s.set_homework_message(1, 555).await.unwrap();
    a.number = 1;
    a.message = Some(555);
    assert_eq!(s.homework(1).await.unwrap(), Some(a.clone()));
    assert_eq!(s.homework_numbered(10, 1).await.unwrap(), Some(a));
    assert_eq!(s.homework_numbered(11, 2).await.unwrap(), None);
    let listed: Vec<u32> = s
        .homeworks(10, 10)
        .await
        .unwrap()
        .iter()
        .map(|a| a.number)
        .collect();
    assert_eq!(listed, vec![2, 1]);
    s.drop_homework(2).await.unwrap();
    assert_eq!(s.homework(2).await.unwrap(), None);
}

#[tokio::test]
async fn one_attempt_per_member_answers_in_order_and_only_while_open() {
    let s = Store::in_memory().await.unwrap();
    let mut a = sample(1, 10, 1_000);
    a.number = s.create_homework(&a, 100).await.unwrap().unwrap();
    assert!(s.begin_attempt(&a, 100, 7, 10).await.unwrap());
    // A second Start (another click id) begins nothing.
    assert!(!s.begin_attempt(&a, 101, 7, 11).await.unwrap());
    let mine = s.homework_attempt(1, 7).await.unwrap().expect("attempt");
    assert_eq!(mine.round, 100);
    assert_eq!(
        mine.progress,
        Progress {
            next: 1,
            shown_at: 10,
            finished: false
        }
    );
    // Question 2 before question 1 is refused.
    let r2 = row(2, 7, 0, true, 20);
    assert!(
        !s.advance_attempt(&a, 7, 2, Some(&r2), "Ani", 20)
            .await
            .unwrap()
    );
    let r1 = row(1, 7, 0, true, 20);
    assert!(
        s.advance_attempt(&a, 7, 1, Some(&r1), "Ani", 20)
            .await
            .unwrap()
    );
    // The same click again is not counted twice.
    assert!(
        !s.advance_attempt(&a, 7, 1, Some(&r1), "Ani", 21)
            .await
            .unwrap()
    );
    // Question 2 out of time: no answer stored, the attempt ends.
    assert!(s.advance_attempt(&a, 7, 2, None, "Ani", 60).await.unwrap());
    let mine = s.homework_attempt(1, 7).await.unwrap().expect("attempt");
    assert!(mine.progress.finished);
    assert_eq!(s.attempt_score(100).await.unwrap(), 1);
    // The answer is kind 'homework', under the member's display name; the round is ended.
    let (kind, name): (String, Option<String>) = on!(&s.pool, |db| {
        sqlx::query_as("SELECT kind, display_name FROM quiz_answers WHERE round_id = '100'")
            .fetch_one(db)
            .await
            .unwrap()
    });
    assert_eq!((kind.as_str(), name.as_deref()), ("homework", Some("Ani")));
    let (kind, outcome): (String, Option<String>) = on!(&s.pool, |db| {
        sqlx::query_as("SELECT kind, outcome FROM quiz_rounds WHERE id = '100'")
            .fetch_one(db)
            .await
            .unwrap()
    });
    assert_eq!(
        (kind.as_str(), outcome.as_deref()),
        ("homework", Some("finished"))
    );
    // Homework attempts do not count as live rounds against the server's limit.
    assert!(s.begin_attempt(&a, 102, 8, 30).await.unwrap());
    assert_eq!(s.open_rounds(10).await.unwrap(), 0);
    // After the due time nothing is taken: neither a start nor an answer.
    assert!(!s.begin_attempt(&a, 103, 9, 1_000).await.unwrap());
    let late = row(1, 8, 1, false, 1_000);
    assert!(
        !s.advance_attempt(&a, 8, 1, Some(&late), "Budi", 1_000)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn closing_happens_once_ends_unfinished_attempts_and_the_summary_rows_add_up() {
    let s = Store::in_memory().await.unwrap();
    let mut a = sample(1, 10, 1_000);
    a.number = s.create_homework(&a, 100).await.unwrap().unwrap();
    for (user, round) in [(7, 100), (8, 101)] {
        assert!(s.begin_attempt(&a, round, user, 10).await.unwrap());
    }
    for (user, q, choice, correct) in [(7, 1, 0, true), (7, 2, 1, false), (8, 1, 2, false)] {
        let r = row(q, user, choice, correct, 20);
        assert!(
            s.advance_attempt(&a, user, q, Some(&r), "", 20)
                .await
                .unwrap()
        );
    }
    assert_eq!(s.due_homework(999).await.unwrap().len(), 0);
    assert_eq!(s.due_homework(1_000).await.unwrap().len(), 1);
    // Extending moves it out of the due list; closing twice announces once.
    assert!(s.extend_homework(1, 2_000).await.unwrap());
    assert_eq!(s.due_homework(1_000).await.unwrap().len(), 0);
    assert!(s.close_homework(1, 1_500, Some(30)).await.unwrap());
    assert!(!s.close_homework(1, 1_501, None).await.unwrap());
    assert!(!s.extend_homework(1, 3_000).await.unwrap());
    let closed = s.homework(1).await.unwrap().expect("homework");
    assert_eq!(
        (closed.closed_at, closed.closed_by, closed.due_at),
        (Some(1_500), Some(30), 2_000)
    );
    assert_eq!(s.due_homework(5_000).await.unwrap().len(), 0);
    // Member 8 never finished: their round is ended as unfinished.
    let outcome: Option<String> = on!(&s.pool, |db| {
        sqlx::query_scalar("SELECT outcome FROM quiz_rounds WHERE id = '101'")
            .fetch_one(db)
            .await
            .unwrap()
    });
    assert_eq!(outcome.as_deref(), Some("unfinished"));
    assert_eq!(
        s.attempts_at(1).await.unwrap(),
        vec![
            Attempted {
                user: 7,
                finished: true
            },
            Attempted {
                user: 8,
                finished: false
            }
        ]
    );
    let given = s.homework_answers(1).await.unwrap();
    assert_eq!(given.len(), 3);
    assert_eq!(given.iter().filter(|g| g.correct).count(), 1);
    assert_eq!(s.end_stray_attempts(5_000).await.unwrap(), 0);
}

#[tokio::test]
async fn privacy_counts_and_erases_a_members_homework_and_keeps_the_classes() {
    let s = Store::in_memory().await.unwrap();
    let mut a = sample(1, 10, 1_000);
    a.number = s.create_homework(&a, 100).await.unwrap().unwrap();
    for (user, round) in [(7, 100), (8, 101)] {
        assert!(s.begin_attempt(&a, round, user, 10).await.unwrap());
        let r = row(1, user, 0, true, 20);
        assert!(
            s.advance_attempt(&a, user, 1, Some(&r), "name", 20)
                .await
                .unwrap()
        );
    }
    let mine = s.member_rows(7).await.unwrap();
    assert_eq!((mine.homework, mine.answers, mine.started), (1, 1, 0));
    // The teacher who set it: counted among what they started.
    assert_eq!(s.member_rows(30).await.unwrap().started, 1);
    // Closed, its attempts go whole with their members' data.
    assert!(s.close_homework(1, 900, Some(30)).await.unwrap());
    let gone = s.forget_member(7).await.unwrap();
    assert_eq!(gone.homework, 1);
    assert!(s.member_rows(7).await.unwrap().is_empty());
    assert_eq!(s.homework_attempt(1, 7).await.unwrap(), None);
    let rounds: i64 = on!(&s.pool, |db| {
        sqlx::query_scalar("SELECT COUNT(*) FROM quiz_rounds WHERE kind = 'homework'")
            .fetch_one(db)
            .await
            .unwrap()
    });
    assert_eq!(rounds, 1, "only the other member's attempt stays");
    assert_eq!(s.attempts_at(1).await.unwrap().len(), 1);
    assert_eq!(s.homework_answers(1).await.unwrap().len(), 1);
    // The teacher asks too: the assignment stays for the class, without their id.
    s.forget_member(30).await.unwrap();
    assert!(s.member_rows(30).await.unwrap().is_empty());
    assert_eq!(s.homework(1).await.unwrap().map(|a| a.teacher), Some(0));
}

/// A server's open assignments stop at the limit, even when ten teachers race for the last
/// places; a closed one frees its place.
#[tokio::test]
async fn open_assignments_stop_at_the_limit_even_when_teachers_race() {
    let s = Store::in_memory().await.unwrap();
    assert_eq!(
        s.create_homework(&sample(1, 10, 9_000), 3).await.unwrap(),
        Some(1)
    );
    let racing: Vec<_> = (0..10)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move { s.create_homework(&sample(100 + i, 10, 9_000), 3).await })
        })
        .collect();
    let mut taken = 0;
    for r in racing {
        if r.await.unwrap().unwrap().is_some() {
            taken += 1;
        }
    }
    assert_eq!(taken, 2, "three open at most");
    assert_eq!(
        s.create_homework(&sample(200, 10, 9_000), 3).await.unwrap(),
        None
    );
    // Another server has places of its own; closing one here frees one.
    assert_eq!(
        s.create_homework(&sample(201, 11, 9_000), 3).await.unwrap(),
        Some(1)
    );
    assert!(s.close_homework(1, 5_000, Some(30)).await.unwrap());
    assert_eq!(
        s.create_homework(&sample(202, 10, 9_000), 3).await.unwrap(),
        Some(4)
    );
}

/// Erasing a member's data keeps the bare fact of an attempt at an open assignment (no answer,
/// nothing more to answer): Start does not begin a second one. At a closed assignment the
/// attempt goes whole.
#[tokio::test]
async fn erasing_does_not_buy_a_retake_of_an_open_assignment() {
    let s = Store::in_memory().await.unwrap();
    let mut open = sample(1, 10, 10_000);
    open.number = s.create_homework(&open, 100).await.unwrap().unwrap();
    let mut closed = sample(2, 10, 50);
    closed.number = s.create_homework(&closed, 100).await.unwrap().unwrap();
    assert!(s.begin_attempt(&open, 100, 7, 10).await.unwrap());
    assert!(s.begin_attempt(&closed, 200, 7, 10).await.unwrap());
    for (a, at) in [(&open, 20), (&closed, 21)] {
        let r1 = row(1, 7, 0, false, at);
        assert!(
            s.advance_attempt(a, 7, 1, Some(&r1), "Ani", at)
                .await
                .unwrap()
        );
    }
    assert!(s.close_homework(2, 60, None).await.unwrap());
    let before = s.member_rows(7).await.unwrap();
    assert_eq!((before.homework, before.open_homework), (2, 1));
    let gone = s.forget_member(7).await.unwrap();
    assert_eq!(gone.open_homework, 1);
    // No answer is left; the open assignment's attempt is, past its last question.
    let after = s.member_rows(7).await.unwrap();
    assert_eq!(
        (after.answers, after.homework, after.open_homework),
        (0, 1, 1)
    );
    assert!(
        !s.begin_attempt(&open, 101, 7, 70).await.unwrap(),
        "a retake"
    );
    let r2 = row(2, 7, 1, true, 71);
    assert!(
        !s.advance_attempt(&open, 7, 2, Some(&r2), "Ani", 71)
            .await
            .unwrap()
    );
    assert_eq!(s.homework_attempt(2, 7).await.unwrap(), None);
}

/// An assignment wants its day's reminder within a day of its due time and its hour's within
/// the hour; each is claimed once; a new due time earns them again; a closed one wants none.
#[tokio::test]
async fn reminders_are_claimed_once_each_and_again_after_an_extension() {
    let s = Store::in_memory().await.unwrap();
    let due = 200_000;
    s.create_homework(&sample(1, 10, due), 100).await.unwrap();
    let wanted = |at: i64| {
        let s = s.clone();
        async move {
            s.homework_to_remind(at)
                .await
                .unwrap()
                .into_iter()
                .map(|(a, level)| (a.id, level))
                .collect::<Vec<_>>()
        }
    };
    assert!(
        wanted(due - 90_000).await.is_empty(),
        "more than a day before"
    );
    assert_eq!(wanted(due - 80_000).await, [(1, 1)]);
    assert!(s.claim_reminder(1, 1).await.unwrap());
    assert!(!s.claim_reminder(1, 1).await.unwrap(), "claimed once");
    assert!(wanted(due - 80_000).await.is_empty());
    assert_eq!(wanted(due - 600).await, [(1, 2)]);
    assert!(s.claim_reminder(1, 2).await.unwrap());
    assert!(wanted(due - 600).await.is_empty());
    // Extended by a day: both reminders again.
    assert!(s.extend_homework(1, due + 86_400).await.unwrap());
    assert_eq!(wanted(due + 600).await, [(1, 1)]);
    assert!(s.close_homework(1, due + 600, Some(30)).await.unwrap());
    assert!(wanted(due + 86_000).await.is_empty(), "closed");
}

/// A member given more time starts and answers after the class's due time, alone; the
/// assignment closes (for its summary) only once their time has passed too, and a close
/// racing a new extension leaves it open.
#[tokio::test]
async fn a_member_given_more_time_answers_after_the_class_and_holds_the_close() {
    let s = Store::in_memory().await.unwrap();
    let mut a = sample(1, 10, 1_000);
    a.number = s.create_homework(&a, 100).await.unwrap().unwrap();
    assert_eq!(s.member_terms(&a, 7).await.unwrap(), (100, None));
    assert!(s.extend_member((1, 7), 1_500, 200).await.unwrap());
    // Given again: the later word stands.
    assert!(s.extend_member((1, 7), 1_800, 300).await.unwrap());
    s.set_member_time((10, 7), 150, 300).await.unwrap();
    assert_eq!(s.member_terms(&a, 7).await.unwrap(), (150, Some(1_800)));
    assert_eq!(s.member_terms(&a, 8).await.unwrap(), (100, None));
    assert_eq!(s.members_with_more_time(1, 1_000).await.unwrap(), 1);
    // After the class's due time: member 8 may not begin, member 7 may, and answers.
    assert!(!s.begin_attempt(&a, 101, 8, 1_100).await.unwrap());
    assert!(s.begin_attempt(&a, 100, 7, 1_100).await.unwrap());
    let r = row(1, 7, 0, true, 1_200);
    assert!(
        s.advance_attempt(&a, 7, 1, Some(&r), "", 1_200)
            .await
            .unwrap()
    );
    // Not due for closing while member 7 has time, and an on-time close is refused.
    assert!(s.due_homework(1_700).await.unwrap().is_empty());
    assert!(!s.close_homework(1, 1_700, None).await.unwrap());
    // Their time over: nothing more is taken, and the assignment is due.
    let late = row(2, 7, 1, true, 1_800);
    assert!(
        !s.advance_attempt(&a, 7, 2, Some(&late), "", 1_800)
            .await
            .unwrap()
    );
    assert_eq!(s.due_homework(1_800).await.unwrap().len(), 1);
    assert_eq!(s.members_with_more_time(1, 1_800).await.unwrap(), 0);
    assert!(s.close_homework(1, 1_800, None).await.unwrap());
    assert_eq!(s.homework_answers(1).await.unwrap().len(), 1);
    // Closed: no more time can be given.
    assert!(!s.extend_member((1, 8), 5_000, 1_900).await.unwrap());
}
