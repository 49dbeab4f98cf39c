//! The round report teachers download, read back cell by cell from rounds stored on either
//! engine: one row per answer, the team column in team rounds, answers clicked at once each
//! stored once.

use super::round_csv;
use crate::quiz::model::{AnswerRow, answered as row};
use crate::store::Store;

/// The CSV a teacher gets from `/quiz report` for `round`, cell by cell, its header first.
async fn teachers_csv(s: &Store, round: u64) -> Vec<Vec<String>> {
    let lines = s.report_lines(round).await.unwrap();
    let bytes = round_csv(&lines).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// The report's header, its cells joined.
const HEADER: &str = "member,member_id,question,question_id,answer,correct,time_ms,points";

#[tokio::test]
async fn the_report_is_csv_with_one_row_per_answer() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.record_answers(
        1,
        10,
        &[row(1, 101, true, 950, 5), row(2, 104, false, 0, 6)],
    )
    .await
    .unwrap();
    // No display names are stored: a member's id stands for their name.
    assert_eq!(
        teachers_csv(&s, 1).await,
        [
            HEADER.split(',').collect::<Vec<_>>(),
            vec!["101", "101", "1", "q1", "A", "yes", "1500", "950"],
            vec!["104", "104", "2", "q2", "B", "no", "1500", "0"],
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_clicked_at_once_are_stored_in_groups_each_once() {
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 3, 0).await.unwrap();
    // 300 clicks at once, members 0–49 clicking twice: 250 answers, each stored once.
    let clicks: Vec<_> = (0..300u64)
        .map(|i| {
            let s = s.clone();
            tokio::spawn(async move {
                s.record_answer(1, 10, row(1, 100 + i % 250, i % 2 == 0, 10, 5))
                    .await
            })
        })
        .collect();
    for click in clicks {
        click.await.unwrap().unwrap();
    }
    let csv = teachers_csv(&s, 1).await;
    assert_eq!(csv.len(), 1 + 250, "{csv:?}");
    assert_eq!(s.answers_of(1, 100).await.unwrap().len(), 1);
}

#[tokio::test]
async fn answers_keep_their_team_and_the_report_names_it() {
    use crate::quiz::model::Team;
    let s = Store::in_memory().await.unwrap();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    let teamed = |r: AnswerRow, team| AnswerRow { team, ..r };
    s.record_answers(
        1,
        10,
        &[
            teamed(row(1, 101, true, 1000, 5), Some(Team::Adorno)),
            teamed(row(1, 102, false, 0, 5), Some(Team::Benjamin)),
        ],
    )
    .await
    .unwrap();
    // One answer stored as it is clicked, through the grouped writer.
    s.record_answer(
        1,
        10,
        teamed(row(2, 101, true, 1000, 6), Some(Team::Adorno)),
    )
    .await
    .unwrap();
    let mine = s.answers_of(1, 101).await.unwrap();
    assert_eq!(
        mine.iter().map(|a| a.team).collect::<Vec<_>>(),
        [Some(Team::Adorno), Some(Team::Adorno)]
    );
    let csv = teachers_csv(&s, 1).await;
    assert_eq!(csv[0].join(","), format!("{HEADER},team"));
    assert_eq!(
        csv[1],
        [
            "101", "101", "1", "q1", "A", "yes", "1500", "1000", "adorno"
        ]
    );
    assert_eq!(
        csv[2],
        ["102", "102", "1", "q1", "B", "no", "1500", "0", "benjamin"]
    );
    assert_eq!(csv.len(), 4);
    // A round without teams keeps the report as it was.
    s.end_round(1, "finished", 7).await.unwrap();
    s.start_round(2, 10, 20, 30, 8).await.unwrap();
    s.record_answers(2, 10, &[row(1, 101, true, 1000, 9)])
        .await
        .unwrap();
    let plain = teachers_csv(&s, 2).await;
    assert_eq!(plain[0].join(","), HEADER);
    assert_eq!(
        plain[1],
        ["101", "101", "1", "q1", "A", "yes", "1500", "1000"]
    );
    assert!(plain.iter().flatten().all(|cell| !cell.contains("team")));
}

/// The term gradebook read from the kept totals is the one tallied round by round from the
/// answers: live rounds running and ended, homework attempts answered one by one.
#[tokio::test]
async fn the_term_gradebook_from_kept_totals_is_the_one_from_every_round() {
    use super::{MemberTotals, members};
    use crate::quiz::model::Period;
    let s = Store::in_memory().await.unwrap();
    let names = std::collections::HashMap::new();
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.record_answers(
        1,
        10,
        &[
            row(1, 101, true, 900, 5),
            row(2, 101, false, 0, 6),
            row(1, 102, true, 500, 5),
        ],
    )
    .await
    .unwrap();
    s.start_round(2, 10, 21, 30, 7).await.unwrap();
    s.record_answers(2, 10, &[row(1, 102, true, 700, 8)])
        .await
        .unwrap();
    // Homework: one attempt finished (one right of two), one left after its first answer.
    let homework = crate::quiz::homework::model::Assignment {
        id: 40,
        guild: 10,
        number: 0,
        channel: 20,
        message: None,
        teacher: 30,
        lang: crate::pack::Lang::En,
        pack: "benjamin".into(),
        questions: ["q1", "q2"]
            .map(|id| crate::quiz::homework::model::Picked {
                id: id.into(),
                order: vec![0, 1],
            })
            .to_vec(),
        time_limit: None,
        created_at: 0,
        due_at: 1_000,
        zone: "Asia/Jakarta".into(),
        closed_at: None,
        closed_by: None,
        ping_role: None,
        flat: true,
        bilingual: false,
    };
    s.create_homework(&homework, 100).await.unwrap();
    for (round, user, answers) in [(50, 101, vec![true, false]), (51, 103, vec![true])] {
        assert!(s.begin_attempt(&homework, round, user, 5).await.unwrap());
        for (i, correct) in answers.into_iter().enumerate() {
            let number = i as u32 + 1;
            let mut answer = row(number, user, correct, 400, 6 + i64::from(number));
            answer.question_id = format!("q{number}");
            let moved = s
                .advance_attempt(&homework, user, number, Some(&answer), "", 6)
                .await
                .unwrap();
            assert!(moved);
        }
    }
    let from_rounds = |tallies: Vec<crate::quiz::model::RoundTally>| {
        let totals: Vec<MemberTotals> = tallies.iter().map(MemberTotals::from).collect();
        members(&totals, &names)
    };
    for end in [None, Some(1), Some(2)] {
        if let Some(round) = end {
            s.end_round(round, "finished", 9).await.unwrap();
        }
        let kept = s.gradebook_totals(10, Period::Term, 10).await.unwrap();
        assert_eq!(
            members(&kept, &names),
            from_rounds(s.round_tallies(10, i64::MIN).await.unwrap()),
            "after ending {end:?}"
        );
        // Each member's answers per question (for accuracy per section): every answer
        // counted once, whether its round runs, ended or is homework.
        assert_eq!(
            per_question(&s, 10).await,
            [
                ((101, "q1"), (2, 2)),
                ((101, "q2"), (2, 0)),
                ((102, "q1"), (2, 2)),
                ((103, "q1"), (1, 1)),
            ]
            .map(|((u, q), n)| ((u, q.to_string()), n))
            .into(),
            "after ending {end:?}"
        );
    }
    // Questions of one section are summed together; a question without one is left out.
    let mut by_section = s
        .answers_per_section(10, Period::Term, 10, &[("q1", "I"), ("q2", "I")])
        .await
        .unwrap();
    by_section.sort();
    assert_eq!(
        by_section,
        [(101, "I", 4, 2), (102, "I", 2, 2), (103, "I", 1, 1)]
            .map(|(u, sec, n, r)| (u, sec.to_string(), n, r))
            .to_vec()
    );
    // A new term counts from its reset.
    s.reset_board(10, Period::Term, 11).await.unwrap();
    assert!(per_question(&s, 12).await.is_empty());
    s.start_round(3, 10, 20, 30, 12).await.unwrap();
    s.record_answers(3, 10, &[row(2, 104, true, 900, 13)])
        .await
        .unwrap();
    s.end_round(3, "finished", 14).await.unwrap();
    assert_eq!(
        per_question(&s, 15).await,
        [((104, "q2".to_string()), (1, 1))].into()
    );
}

/// A server's answers per member and question in the term (each test question its own
/// section), summed over their parts.
async fn per_question(
    s: &Store,
    now: i64,
) -> std::collections::BTreeMap<(u64, String), (u64, u64)> {
    let mut out = std::collections::BTreeMap::new();
    let sections = [("q1", "q1"), ("q2", "q2"), ("q3", "q3")];
    for (user, question, n, right) in s
        .answers_per_section(10, crate::quiz::model::Period::Term, now, &sections)
        .await
        .unwrap()
    {
        let e: &mut (u64, u64) = out.entry((user, question)).or_default();
        e.0 += n;
        e.1 += right;
    }
    out
}

#[tokio::test]
async fn a_member_is_named_as_last_seen_answering_typed_answers_included() {
    let s = Store::in_memory().await.unwrap();
    let named = |r: AnswerRow, name: &str, typed: Option<&str>| AnswerRow {
        display_name: Some(name.to_string()),
        typed: typed.map(String::from),
        ..r
    };
    // Round 1 clicked as "Old name"; round 2 only typed, after a rename.
    s.start_round(1, 10, 20, 30, 0).await.unwrap();
    s.record_answers(1, 10, &[named(row(1, 101, true, 900, 5), "Old name", None)])
        .await
        .unwrap();
    s.end_round(1, "finished", 10).await.unwrap();
    s.start_round(2, 10, 20, 30, 20).await.unwrap();
    let typed = AnswerRow {
        answered_at: 25,
        ..named(row(1, 101, true, 900, 5), "New name", Some("Klossowski"))
    };
    s.record_answers(2, 10, &[typed]).await.unwrap();
    // While round 2 runs, and once it is folded.
    let names = s.display_names(10).await.unwrap();
    assert_eq!(names.get(&101).map(String::as_str), Some("New name"));
    s.end_round(2, "finished", 30).await.unwrap();
    let names = s.display_names(10).await.unwrap();
    assert_eq!(names.get(&101).map(String::as_str), Some("New name"));
}
