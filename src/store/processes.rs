//! Two processes over one database (two pools on one SQLite file, or on one PostgreSQL schema
//! when the suite runs there): what must happen once happens once, whichever process asks
//! first, because the database's keys and locks decide it, not the processes.

use super::testing::unique_stamp;
use super::{Claim, StartOutcome, Store};
use crate::debate::model::{Debate, Side, VoteOutcome};
use crate::quiz::model::AnswerRow;

/// Two handles on one new database, as two processes would have.
async fn two_processes() -> (Store, Store) {
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(|| super::testing::sweep_leftovers("aura-two-"));
    let path = std::env::temp_dir().join(format!(
        "aura-two-{}-{}.db",
        std::process::id(),
        unique_stamp()
    ));
    let a = Store::open_for_tests(&path).await.expect("first");
    let b = Store::open_for_tests(&path).await.expect("second");
    (a, b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_day_raced_for_by_both_is_claimed_once_and_the_deck_moves_once() {
    let (a, b) = two_processes().await;
    let id = a
        .add_schedule(&crate::daily::model::DailySchedule::sample())
        .await
        .expect("schedule");
    let items: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
    let mut drawn = Vec::new();
    for day in 1..=20 {
        let date = format!("2026-11-{day:02}");
        let (x, y) = tokio::join!(
            a.claim_post(id, &date, false, 1, |d| d.draw(&items)),
            b.claim_post(id, &date, true, 1, |d| d.draw(&items)),
        );
        let claimed: Vec<String> = [x.expect("a"), y.expect("b")]
            .into_iter()
            .filter_map(|c| match c {
                Claim::Claimed { item, .. } => Some(item),
                _ => None,
            })
            .collect();
        assert_eq!(claimed.len(), 1, "{date}: exactly one process posts");
        drawn.extend(claimed);
    }
    assert_eq!(a.post_count(id).await.expect("count"), 20);
    // The deck moved once per day: twenty different items, none drawn twice.
    let mut unique = drawn.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 20, "{drawn:?}");
    a.close().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_round_per_channel_and_each_answer_once_across_processes() {
    let (a, b) = two_processes().await;
    let (x, y) = tokio::join!(
        a.start_round(1, 10, 20, 3, 0),
        b.start_round(2, 10, 20, 4, 0)
    );
    let started = [x.expect("a"), y.expect("b")]
        .iter()
        .filter(|o| **o == StartOutcome::Started)
        .count();
    assert_eq!(started, 1, "one open round per channel");
    // The answers go to whichever round is open.
    let round = b.last_round(20).await.expect("round").expect("one round");
    let answers: Vec<AnswerRow> = (0..30)
        .map(|user| AnswerRow {
            question_no: 1,
            question_id: "q1".into(),
            user_id: 100 + user,
            choice: 0,
            correct: user % 2 == 0,
            taken_ms: 900,
            points: 10,
            answered_at: 5,
            team: None,
            ..AnswerRow::default()
        })
        .collect();
    // Both processes store the same answers (a retry after a crash, say): counted once.
    let (x, y) = tokio::join!(
        a.record_answers(round, 10, &answers),
        b.record_answers(round, 10, &answers)
    );
    x.expect("a");
    y.expect("b");
    for user in [100, 129] {
        assert_eq!(b.answers_of(round, user).await.expect("answers").len(), 1);
    }
    a.close().await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_debate_closes_once_and_keeps_one_vote_per_member_across_processes() {
    let (a, b) = two_processes().await;
    a.open_debate(&quick(7)).await.expect("debate");
    // The same 40 members vote through both processes at once.
    let mut votes = Vec::new();
    for user in 0..40u64 {
        let (a, b) = (a.clone(), b.clone());
        votes.push(tokio::spawn(async move {
            let first = a.vote(7, (Some(1), 2), 100 + user, Side::Benjamin, 10);
            let second = b.vote(7, (Some(1), 2), 100 + user, Side::Adorno, 10);
            let (x, y) = tokio::join!(first, second);
            (x.expect("a"), y.expect("b"))
        }));
    }
    for vote in votes {
        let (x, y) = vote.await.expect("task");
        let cast = [x, y].iter().filter(|o| **o == VoteOutcome::Cast).count();
        assert_eq!(cast, 1, "one first vote per member: {x:?} {y:?}");
    }
    let tally = a.tally(7).await.expect("tally");
    assert_eq!(tally.benjamin + tally.adorno + tally.undecided, 40);
    // The sweeps of both processes close it at once: closed once.
    let (x, y) = tokio::join!(a.close_debate(7, 600), b.close_debate(7, 600));
    assert_eq!(
        [x.expect("a"), y.expect("b")]
            .iter()
            .filter(|c| **c)
            .count(),
        1
    );
    a.close().await;
    b.close().await;
}

fn quick(id: u64) -> Debate {
    super::debates::tests::sample(id, 600)
}

/// Votes racing a close through the other process: the tally read just after the close (the
/// result announced) is the final one. No vote lands after the close.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_vote_lands_after_the_close_across_processes() {
    let (a, b) = two_processes().await;
    for round in 0..5u64 {
        let id = 70 + round;
        a.open_debate(&quick(id)).await.expect("debate");
        let mut votes = tokio::task::JoinSet::new();
        for user in 0..60u64 {
            let b = b.clone();
            votes.spawn(async move {
                b.vote(id, (Some(1), 2), 100 + user, Side::Benjamin, 10)
                    .await
            });
        }
        tokio::task::yield_now().await;
        assert!(a.close_debate(id, 500).await.expect("close"));
        let announced = a.tally(id).await.expect("tally");
        let mut cast = 0;
        while let Some(outcome) = votes.join_next().await {
            if outcome.expect("task").expect("vote") == VoteOutcome::Cast {
                cast += 1;
            }
        }
        let after = a.tally(id).await.expect("tally");
        assert_eq!(
            announced, after,
            "round {round}: a vote landed after the close"
        );
        assert_eq!(after.benjamin, cast);
    }
    a.close().await;
    b.close().await;
}

/// Two processes adding arguments at once: numbered 1, 2, 3… without a gap or a repeat, and
/// never past the debate's bound.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arguments_added_at_once_are_numbered_once_and_bounded_across_processes() {
    let (a, b) = two_processes().await;
    a.open_debate(&quick(80)).await.expect("debate");
    let mut adds = tokio::task::JoinSet::new();
    for user in 0..30u64 {
        let store = if user % 2 == 0 { a.clone() } else { b.clone() };
        adds.spawn(async move {
            let name = format!("m{user}");
            store
                .add_argument(
                    80,
                    None,
                    Side::Benjamin,
                    (user, &name),
                    "a claim",
                    None,
                    5,
                    (20, 5),
                )
                .await
        });
    }
    let mut numbers = Vec::new();
    let mut full = 0;
    while let Some(added) = adds.join_next().await {
        match added.expect("task").expect("add") {
            crate::debate::class::model::Added::Numbered(n) => numbers.push(n),
            crate::debate::class::model::Added::DebateFull => full += 1,
            other => panic!("{other:?}"),
        }
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=20).collect::<Vec<u32>>());
    assert_eq!(full, 10);
    a.close().await;
    b.close().await;
}

/// An assignment extended by one process while the other's sweep closes it on time (having
/// read the old due time): it stays open. A teacher's early close still closes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_on_time_close_rechecks_the_due_time_after_an_extension() {
    let (a, b) = two_processes().await;
    let homework = crate::quiz::homework::model::Assignment::sample(90, (1, 2), 1_000);
    a.create_homework(&homework, 20).await.expect("homework");
    let due = a.due_homework(1_000).await.expect("due");
    assert_eq!(due.len(), 1, "the sweep read it as due");
    assert!(b.extend_homework(90, 5_000).await.expect("extend"));
    assert!(
        !a.close_homework(90, 1_000, None).await.expect("close"),
        "closed though extended"
    );
    assert!(
        a.close_homework(90, 1_001, Some(3))
            .await
            .expect("early close")
    );
    a.close().await;
    b.close().await;
}

/// Ten rounds started at once through both processes, in ten channels of a server allowed
/// three: three start, the others are told the server is full; a channel with its round is
/// busy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_servers_round_limit_holds_when_starts_race_across_processes() {
    let (a, b) = two_processes().await;
    let mut starts = tokio::task::JoinSet::new();
    for n in 0..10u64 {
        let store = if n % 2 == 0 { a.clone() } else { b.clone() };
        starts.spawn(async move {
            store
                .start_round_within(100 + n, (1, 200 + n, 3), 0, 3)
                .await
        });
    }
    let mut started = Vec::new();
    let mut full = 0;
    while let Some(outcome) = starts.join_next().await {
        match outcome.expect("task").expect("start") {
            StartOutcome::Started => started.push(()),
            StartOutcome::Full => full += 1,
            StartOutcome::Busy => panic!("ten different channels"),
        }
    }
    assert_eq!((started.len(), full), (3, 7));
    assert_eq!(a.open_rounds(1).await.expect("count"), 3);
    let mut running = None;
    for n in 0..10u64 {
        if a.last_round(200 + n).await.expect("last").is_some() {
            running = Some(200 + n);
        }
    }
    let channel = running.expect("a channel with its round");
    let again = b
        .start_round_within(999, (1, channel, 3), 0, 10)
        .await
        .expect("again");
    assert_eq!(again, StartOutcome::Busy);
    a.close().await;
    b.close().await;
}
