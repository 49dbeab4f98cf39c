//! Tests of the round engine: drawing, answering, scoring, hints and reveals.

use super::*;

fn question(id: &str, difficulty: Difficulty) -> QuizQuestion {
    let t = |s: &str| Text {
        en: Some(s.into()),
        id: Some(s.into()),
    };
    QuizQuestion {
        id: id.into(),
        difficulty,
        prompt: t(id),
        choices: vec![t("right"), t("wrong 1"), t("wrong 2"), t("wrong 3")],
        correct: 0,
        true_false: false,
        explanation: t("because"),
        section: Some("v".into()),
        concepts: vec!["aura".into()],
        ..QuizQuestion::default()
    }
}

fn pool() -> Vec<QuizQuestion> {
    (0..12)
        .map(|i| {
            question(
                &format!("q{i}"),
                if i % 2 == 0 {
                    Difficulty::Easy
                } else {
                    Difficulty::Hard
                },
            )
        })
        .collect()
}

fn right(view: &QuestionView) -> usize {
    view.choices
        .iter()
        .position(|c| c.get(crate::pack::Lang::En) == "right")
        .unwrap()
}

#[test]
fn questions_are_drawn_without_repetition_and_replay_exactly() {
    let settings = Settings {
        questions: 8,
        ..Settings::default()
    };
    let a = Round::new(&pool(), settings.clone(), 42).unwrap();
    let b = Round::new(&pool(), settings.clone(), 42).unwrap();
    let c = Round::new(&pool(), settings, 43).unwrap();
    let ids = a.question_ids();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 8);
    assert_eq!(ids, b.question_ids());
    assert_ne!(ids, c.question_ids());
    assert_eq!(
        a.questions
            .iter()
            .map(|p| p.shown.order.clone())
            .collect::<Vec<_>>(),
        b.questions
            .iter()
            .map(|p| p.shown.order.clone())
            .collect::<Vec<_>>()
    );
}

#[test]
fn settings_filter_the_pool() {
    let settings = Settings {
        difficulty: Some(Difficulty::Hard),
        ..Settings::default()
    };
    let r = Round::new(&pool(), settings, 1).unwrap();
    assert_eq!(r.len(), 6);
    let none = Settings {
        sections: vec!["xv".into()],
        ..Settings::default()
    };
    assert_eq!(
        Round::new(&pool(), none, 1).unwrap_err(),
        RoundError::NoQuestions
    );
}

#[test]
fn the_first_click_locks_and_late_clicks_change_nothing() {
    let t0 = Instant::now();
    let mut r = Round::new(
        &pool(),
        Settings {
            questions: 2,
            ..Settings::default()
        },
        7,
    )
    .unwrap();
    assert_eq!(r.answer(1, 0, t0), AnswerOutcome::NotOpen);
    let view = r.open_next(t0).unwrap();
    let ok = right(&view);
    assert_eq!(r.answer(1, ok, t0), AnswerOutcome::Locked { position: ok });
    assert_eq!(
        r.answer(1, (ok + 1) % 4, t0),
        AnswerOutcome::AlreadyAnswered
    );
    assert_eq!(r.answer(2, 9, t0), AnswerOutcome::NoSuchChoice);
    assert_eq!(
        r.answer(3, ok, t0 + Duration::from_secs(21)),
        AnswerOutcome::TooLate
    );
    assert_eq!(
        r.answer(4, (ok + 1) % 4, t0 + Duration::from_secs(10)),
        AnswerOutcome::Locked {
            position: (ok + 1) % 4
        }
    );
    let reveal = r.reveal().unwrap();
    assert_eq!(reveal.correct_position, ok);
    assert_eq!(reveal.counts.iter().sum::<u32>(), 2);
    assert_eq!(reveal.top[0], (1, 1, 1000));
    assert_eq!(r.totals(4).points, 0);
}

#[test]
fn speed_streaks_and_shared_ranks_add_up() {
    let t0 = Instant::now();
    let settings = Settings {
        questions: 3,
        idle_limit: 0,
        ..Settings::default()
    };
    let mut r = Round::new(&pool(), settings, 3).unwrap();
    for q in 0..3u64 {
        let start = t0 + Duration::from_secs(100 * q);
        let view = r.open_next(start).unwrap();
        let ok = right(&view);
        // Member 1 answers at once, member 2 at the bell, both correct: a streak for both.
        r.answer(1, ok, start);
        r.answer(2, ok, start + Duration::from_secs(20));
        // Member 3 ties member 1 on the first question only.
        if q == 0 {
            r.answer(3, ok, start);
        }
        r.reveal().unwrap();
    }
    assert!(r.open_next(t0 + Duration::from_secs(1000)).is_none());
    assert!(r.is_finished());
    // 1000, 1000+100, 1000+200
    assert_eq!(r.totals(1).points, 3300);
    // 500, 500+100, 500+200
    assert_eq!(r.totals(2).points, 1800);
    assert_eq!(r.totals(3).points, 1000);
    assert_eq!(
        r.standings(),
        vec![(1, 1, 3300), (2, 2, 1800), (3, 3, 1000)]
    );
}

#[test]
fn a_round_nobody_answers_stops_by_itself() {
    let t0 = Instant::now();
    let mut r = Round::new(
        &pool(),
        Settings {
            questions: 6,
            idle_limit: 2,
            ..Settings::default()
        },
        5,
    )
    .unwrap();
    r.open_next(t0).unwrap();
    assert!(!r.reveal().unwrap().idle_stop);
    r.open_next(t0).unwrap();
    assert!(r.reveal().unwrap().idle_stop);
    assert!(r.is_finished());
    assert!(r.open_next(t0).is_none());
}

#[test]
fn a_hint_strikes_a_wrong_choice_and_halves_the_points() {
    let settings = Settings {
        questions: 2,
        scoring: Scoring::Flat,
        streaks: false,
        ..Settings::default()
    };
    let mut round = Round::new(&pool(), settings, 1).unwrap();
    let now = Instant::now();
    let view = round.open_next(now).unwrap();
    let good = right(&view);
    let hint = round.hint(7).unwrap();
    let struck = hint.struck.unwrap();
    assert_ne!(struck, good);
    assert_eq!(hint.section.as_deref(), Some("v"));
    assert_eq!(
        round.answer(7, good, now),
        AnswerOutcome::Locked { position: good }
    );
    assert_eq!(
        round.answer(8, good, now),
        AnswerOutcome::Locked { position: good }
    );
    assert_eq!(round.hint(7), None, "no hint after answering");
    assert_eq!(round.totals(7).points, 500);
    assert_eq!(round.totals(8).points, 1000);
}

#[test]
fn the_round_ends_when_someone_reaches_the_goal() {
    let settings = Settings {
        questions: 5,
        scoring: Scoring::Flat,
        streaks: false,
        goal: Some(2000),
        ..Settings::default()
    };
    let mut round = Round::new(&pool(), settings, 2).unwrap();
    let now = Instant::now();
    for n in 1..=2 {
        let view = round.open_next(now).unwrap();
        round.answer(1, right(&view), now);
        let reveal = round.reveal().unwrap();
        assert_eq!(reveal.goal_reached, n == 2);
    }
    assert!(round.is_finished());
}

/// The engine takes its clock: under paused tokio time a round plays out exactly, with
/// speed points from the simulated seconds.
#[tokio::test(start_paused = true)]
async fn a_round_runs_in_paused_tokio_time() {
    let settings = Settings {
        questions: 1,
        seconds: 20,
        streaks: false,
        ..Settings::default()
    };
    let mut round = Round::new(&pool(), settings, 3).unwrap();
    let opened = tokio::time::Instant::now();
    let view = round.open_next(opened.into_std()).unwrap();
    tokio::time::advance(std::time::Duration::from_secs(10)).await;
    let at = tokio::time::Instant::now().into_std();
    assert_eq!(
        round.answer(1, right(&view), at),
        AnswerOutcome::Locked {
            position: right(&view)
        }
    );
    tokio::time::advance(std::time::Duration::from_secs(11)).await;
    let late = tokio::time::Instant::now().into_std();
    assert_eq!(round.answer(2, right(&view), late), AnswerOutcome::TooLate);
    assert_eq!(
        round.totals(1).points,
        750,
        "half the time used: 1000 × (1 − 0.5/2)"
    );
}

/// A section listed three times weighs three: with as many questions on II as on V, the first
/// question drawn is on II about three times in four (600 seeds); listed once each, about half.
#[test]
fn a_heavier_section_is_drawn_more_often() {
    let mixed: Vec<QuizQuestion> = pool()
        .into_iter()
        .enumerate()
        .map(|(i, mut q)| {
            q.section = Some(if i % 2 == 0 { "ii" } else { "v" }.into());
            q
        })
        .collect();
    let share_of_ii = |sections: Vec<String>| {
        let settings = Settings {
            questions: 1,
            sections,
            ..Settings::default()
        };
        let on_ii = (0..600)
            .filter(|&seed| {
                let r = Round::new(&mixed, settings.clone(), seed).unwrap();
                r.questions[0].question.section.as_deref() == Some("ii")
            })
            .count();
        on_ii as f64 / 600.0
    };
    let s = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let weighted = share_of_ii(s(&["ii", "ii", "ii", "v"]));
    assert!((0.68..=0.82).contains(&weighted), "{weighted}");
    let even = share_of_ii(s(&["ii", "v"]));
    assert!((0.42..=0.58).contains(&even), "{even}");
}

/// While a round waits for its players, each member counts once; once its first question is
/// open, it waits no more; a round without a minimum never waits.
#[test]
fn a_round_counts_who_is_in_before_its_first_question() {
    let settings = Settings {
        min_players: Some(3),
        ..Settings::default()
    };
    let mut r = Round::new(&pool(), settings, 1).unwrap();
    assert_eq!(r.players(), Some((0, 3)));
    assert_eq!(
        r.ready(1),
        Ready::In {
            joined: 1,
            needed: 3
        }
    );
    assert_eq!(
        r.ready(1),
        Ready::In {
            joined: 1,
            needed: 3
        }
    );
    assert_eq!(
        r.ready(2),
        Ready::In {
            joined: 2,
            needed: 3
        }
    );
    assert!(r.open_next(Instant::now()).is_some());
    assert_eq!(r.ready(3), Ready::Closed);
    let mut plain = Round::new(&pool(), Settings::default(), 1).unwrap();
    assert_eq!(plain.players(), None);
    assert_eq!(plain.ready(1), Ready::Closed);
}

/// A question is skipped by a majority of those who answered the one before (two votes for
/// the first), by the teacher's number, or never by votes; each member counts once, and only
/// the vote that passes says so.
#[test]
fn members_vote_to_skip_a_question() {
    let mut r = Round::new(&pool(), Settings::default(), 1).unwrap();
    assert_eq!(r.vote_skip(1), SkipVote::NotOpen);
    let t0 = Instant::now();
    let q1 = r.open_next(t0).unwrap();
    assert!(q1.skippable);
    assert_eq!(
        r.vote_skip(1),
        SkipVote::Counted {
            votes: 1,
            needed: 2
        }
    );
    assert_eq!(
        r.vote_skip(1),
        SkipVote::Counted {
            votes: 1,
            needed: 2
        }
    );
    assert_eq!(
        r.vote_skip(2),
        SkipVote::Passed {
            votes: 2,
            needed: 2
        }
    );
    assert_eq!(
        r.vote_skip(3),
        SkipVote::Counted {
            votes: 3,
            needed: 2
        }
    );
    // Five answered the first: three of them skip the second.
    for m in 10..15 {
        r.answer(m, right(&q1), t0 + Duration::from_secs(2));
    }
    r.skip().unwrap();
    r.open_next(t0 + Duration::from_secs(30)).unwrap();
    assert_eq!(
        r.vote_skip(10),
        SkipVote::Counted {
            votes: 1,
            needed: 3
        }
    );
    assert_eq!(
        r.vote_skip(11),
        SkipVote::Counted {
            votes: 2,
            needed: 3
        }
    );
    assert_eq!(
        r.vote_skip(12),
        SkipVote::Passed {
            votes: 3,
            needed: 3
        }
    );

    let set = |skip_votes| Settings {
        skip_votes,
        ..Settings::default()
    };
    let mut off = Round::new(&pool(), set(SkipVotes::Off), 1).unwrap();
    assert!(!off.open_next(t0).unwrap().skippable);
    assert_eq!(off.vote_skip(1), SkipVote::Off);
    let mut four = Round::new(&pool(), set(SkipVotes::Count(4)), 1).unwrap();
    four.open_next(t0);
    for m in 1..4 {
        assert!(matches!(
            four.vote_skip(m),
            SkipVote::Counted { needed: 4, .. }
        ));
    }
    assert_eq!(
        four.vote_skip(4),
        SkipVote::Passed {
            votes: 4,
            needed: 4
        }
    );
}

/// With a penalty, a wrong answer within the first second owes it: the member's next points
/// pay it (never below zero), a later wrong answer costs nothing, and the reveal counts the
/// mashers; without one, nothing changes.
#[test]
fn a_wrong_answer_within_the_first_second_costs_the_penalty() {
    let settings = Settings {
        penalty: 300,
        scoring: Scoring::Flat,
        streaks: false,
        ..Settings::default()
    };
    let mut r = Round::new(&pool(), settings, 1).unwrap();
    let t0 = Instant::now();
    let q = r.open_next(t0).unwrap();
    let wrong = (right(&q) + 1) % 4;
    let soon = t0 + Duration::from_millis(400);
    let later = t0 + Duration::from_secs(3);
    r.answer(1, wrong, soon); // mashed: owes 300
    r.answer(2, wrong, later); // wrong, but not mashing
    r.answer(3, right(&q), soon); // right and fast: no penalty
    let reveal = r.reveal().unwrap();
    assert_eq!(reveal.mashed, Some((1, 300)));
    let q = r.open_next(t0 + Duration::from_secs(30)).unwrap();
    let t1 = t0 + Duration::from_secs(30);
    for m in 1..=3 {
        r.answer(m, right(&q), t1 + Duration::from_secs(2));
    }
    let reveal = r.reveal().unwrap();
    assert_eq!(reveal.mashed, None);
    assert_eq!(r.totals(1).points, 1000 - 300);
    assert_eq!(r.totals(2).points, 1000);
    assert_eq!(r.totals(3).points, 2000);
    // The stored answers add up to the totals.
    let points_of = |m: u64| -> u32 {
        r.answers()
            .iter()
            .filter(|a| a.2 == m)
            .map(|a| a.3.points)
            .sum()
    };
    assert_eq!(points_of(1), 700);

    let mut plain = Round::new(&pool(), Settings::default(), 1).unwrap();
    let q = plain.open_next(t0).unwrap();
    plain.answer(1, (right(&q) + 1) % 4, soon);
    assert_eq!(plain.reveal().unwrap().mashed, None);
}

#[test]
fn an_untimed_question_takes_answers_until_it_is_revealed_and_scores_them_alike() {
    let t0 = Instant::now();
    let mut r = Round::new(
        &pool(),
        Settings {
            questions: 1,
            seconds: 0,
            ..Settings::default()
        },
        7,
    )
    .unwrap();
    let view = r.open_next(t0).unwrap();
    assert_eq!(view.seconds, 0, "the card says: no timer");
    let ok = right(&view);
    // Long past any timer a class would set (two and five minutes, an hour).
    for (member, after) in [(1, 121), (2, 301), (3, 3600)] {
        let at = t0 + Duration::from_secs(after);
        assert_eq!(
            r.answer(member, ok, at),
            AnswerOutcome::Locked { position: ok }
        );
    }
    let reveal = r.reveal().unwrap();
    // Speed scoring over an open-ended question: every right answer nearly full, all alike.
    let points: Vec<u32> = (1..=3).map(|m| r.totals(m).points).collect();
    assert!(points.iter().all(|p| *p >= 999), "{points:?}");
    assert_eq!(reveal.counts.iter().sum::<u32>(), 3);
}
