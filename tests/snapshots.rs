//! What members see, pinned in both languages: every command's answer as text, and the exact
//! Discord body for one card.

use std::path::PathBuf;

use aura::core::Core;
use aura::pack::Lang;
use aura::preview::preview;
use aura::quiz::model::Naming;

fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
}

/// Pins `text` under `name` and the language's code (`quiz_end_en`).
fn pin(name: &str, lang: Lang, text: impl AsRef<str>) {
    insta::assert_snapshot!(format!("{name}_{}", lang.code()), text.as_ref());
}

/// Stops `round` after its first question; returns the card a finished round ends with.
fn finished(round: &mut aura::quiz::Round, lang: Lang) -> aura::reply::Reply {
    use aura::quiz::view::{Ending, end_card};
    round.stop();
    end_card(
        &round.standings(),
        |m| round.totals(m),
        1,
        Ending::Finished,
        (lang, &aura::quiz::model::Naming::default()),
    )
}

const LINES: &[(&str, &str)] = &[
    ("concept_aura", "/concept name:aura"),
    ("concept_typo", "/concept name:Kultwret"),
    ("concept_ambiguous", "/concept name:value"),
    ("concept_unknown", "/concept name:zzzz"),
    ("quote_topic", "/quote topic:cult value"),
    ("quote_speaker", "/quote speaker:adorno"),
    (
        "debate",
        "/debate start motion:film makes audiences critical experts",
    ),
    (
        "debate_class_control",
        "/debate start format:class motion:film makes audiences critical experts",
    ),
    ("debate_summary", "/debate summary"),
    ("section_iii", "/section number:III"),
    ("section_epilogue", "/section number:nachwort"),
    ("search", "/search query:distraction"),
    ("essay", "/essay"),
    ("thinker_adorno", "/thinker name:adorno"),
    ("thinker_tokoh_pirandello", "/tokoh nama:pirandello"),
    (
        "search_question",
        "/search query:what does benjamin mean by aura",
    ),
    ("help", "/help"),
    ("quiz_start", "/quiz start questions:3 difficulty:easy"),
    ("quiz_start_bad", "/quiz start seconds:5"),
    ("quiz_start_typed", "/quiz start kind:typed questions:2"),
    ("quiz_start_typed_none", "/quiz start kind:typed section:V"),
    ("quiz_start_kind_bad", "/quiz start kind:spoken"),
    ("quiz_board_outside", "/quiz leaderboard"),
    ("quiz_info", "/quiz info"),
    ("quiz_practice", "/quiz practice topic:aura"),
    ("quiz_insights_sample", "/quiz insights"),
    ("daily_preview", "/daily preview kind:prompt"),
    ("daily_preview_motion", "/daily preview kind:motion"),
    ("help_quiz_start", "/help command:quiz start"),
    ("help_debate", "/help command:debate"),
    ("help_unknown", "/help command:quiz dance"),
];

/// Discord timestamps (`<t:1795879503:R>`) depend on the clock: pinned as `<t:…:R>`.
fn steady(out: &str) -> String {
    let mut rest = out;
    let mut shown = String::new();
    while let Some(at) = rest.find("<t:") {
        shown.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        shown.push_str("<t:…");
        rest = &after[digits..];
    }
    shown.push_str(rest);
    shown
}

#[test]
fn every_command_in_both_languages() {
    let core = core();
    for lang in Lang::ALL {
        for (name, line) in LINES {
            let out =
                preview(&core, lang, line, 1, false).unwrap_or_else(|e| panic!("{line}: {e}"));
            insta::assert_snapshot!(format!("{name}_{}", lang.code()), steady(&out), line);
        }
    }
}

/// A class debate's control message in each phase, its summary and its argument tree, in both
/// languages (a sample debate of eight members).
#[test]
fn class_debate_cards_in_both_languages() {
    use aura::debate::class::Phase;
    use aura::debate::view::class::control;
    use aura::debate::view::summary::{arguments, summary};
    use aura::preview::sample_debate as sample;
    let core = core();
    for lang in Lang::ALL {
        for phase in [
            Phase::Lobby,
            Phase::Opening,
            Phase::Speech,
            Phase::Closing,
            Phase::Done,
        ] {
            let debate = sample(&core, lang, phase, None).expect("a sample debate");
            let now = debate.debate.opened_at + 1150;
            let card = control(&core, &debate, now);
            let name = format!("debate_control_{}_{}", phase.code(), lang.code());
            insta::assert_snapshot!(name, steady(&aura::render::to_text(&card)));
            let body = aura::render::channel_message(&aura::outbox::Message::from(card));
            assert!(
                aura::render::limits::check_message(&body).is_empty(),
                "{phase:?}"
            );
        }
        let done = sample(&core, lang, Phase::Done, None).expect("a sample debate");
        let card = summary(&core, &done, lang);
        pin(
            "debate_summary_card",
            lang,
            steady(&aura::render::to_text(&card)),
        );
        let tree = arguments(&core, &done, lang);
        pin("debate_arguments", lang, aura::render::to_text(&tree));
    }
}

#[test]
fn the_exact_discord_body() {
    let core = core();
    for lang in Lang::ALL {
        let out = preview(&core, lang, "/concept name:nilai kultus", 1, true).expect("preview");
        let body: serde_json::Value = serde_json::from_str(&out).expect("json");
        insta::assert_json_snapshot!(format!("concept_cult_value_json_{}", lang.code()), body);
    }
}

/// The letter card (reached from `/essay`, the thinker card and letter quotes) in both languages.
#[test]
fn the_letter_card_in_both_languages() {
    use rand::SeedableRng;
    let core = core();
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    for lang in Lang::ALL {
        let letter = aura::interaction::CustomId::Letter {
            pack: "benjamin".into(),
        };
        let card =
            aura::lookup::component(&core, lang, &letter, None, &mut rng).expect("the letter card");
        pin("letter_card", lang, aura::render::to_text(&card));
    }
}

/// The study commands' rules as staff see them (`/lookups settings`), in both languages.
#[test]
fn the_lookup_rules_card_in_both_languages() {
    let rules = aura::lookup::model::LookupRules {
        channel_cooldown: 30,
        server_cooldown: 0,
        repeat_window: 3_600,
        private: false,
        channels: vec![
            (645_027_906_669_599_002, true),
            (645_027_906_669_599_001, false),
        ],
    };
    for lang in Lang::ALL {
        let card = aura::lookup::settings::card(&rules, lang);
        pin("lookup_rules", lang, aura::render::to_text(&card));
    }
}

/// What a server hides from its class (`/course hidden`), in both languages, and the list
/// when nothing is hidden.
#[test]
fn the_hidden_items_card_in_both_languages() {
    use aura::course::model::{Hidden, ItemKind};
    let core = core();
    let pack = &core.library.packs[0];
    let mut hidden = Hidden::default();
    hidden.0.insert((
        ItemKind::Question,
        format!("{}:{}", pack.id, pack.questions[0].id),
    ));
    hidden.0.insert((
        ItemKind::Motion,
        format!("{}:{}", pack.id, pack.motions[0].id),
    ));
    for lang in Lang::ALL {
        let card = aura::course::hidden_card(&core, &hidden, lang);
        pin("course_hidden", lang, aura::render::to_text(&card));
        let none = aura::course::hidden_card(&core, &Hidden::default(), lang);
        pin("course_hidden_none", lang, aura::render::to_text(&none));
    }
}

/// The reading plan as staff see it (`/course plan`), in week 2, in both languages.
#[test]
fn the_reading_plan_card_in_both_languages() {
    use aura::course::model::ReadingPlan;
    let core = core();
    let mut plan = ReadingPlan {
        start: "2026-09-07".into(),
        zone: "Asia/Jakarta".into(),
        ..ReadingPlan::default()
    };
    plan.weeks.insert(1, vec!["preface".into(), "i".into()]);
    plan.weeks.insert(2, vec!["ii".into(), "iii".into()]);
    plan.weeks.insert(5, vec!["x".into()]);
    let now = "2026-09-14T03:00:00Z".parse().expect("instant");
    for lang in Lang::ALL {
        let card = aura::course::plan::card(&core, &plan, now, lang);
        pin("course_plan", lang, aura::render::to_text(&card));
        let unset = aura::course::plan::card(&core, &ReadingPlan::default(), now, lang);
        pin("course_plan_unset", lang, aura::render::to_text(&unset));
    }
}

/// The server's own items, in both languages: a question written in a form as members will
/// see it (labelled as the teacher's), a file's preview, a refused file with its problems, and
/// the list of the server's items.
#[test]
fn the_servers_own_items_cards_in_both_languages() {
    use aura::course::model::{ItemKind, OwnItem};
    use aura::course::own::Own;
    use aura::course::view::{list_card, preview_card, refusal_card};
    let core = core();
    let pack = &core.library.packs[0];
    let fixture = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/course")
            .join(name);
        std::fs::read_to_string(path).expect("fixture")
    };
    let lecture =
        aura::pack::course::check(pack, "lecture.toml", &fixture("lecture.toml")).expect("valid");
    let csv =
        aura::pack::course::check(pack, "lecture.csv", &fixture("lecture.csv")).expect("valid");
    let mistakes = aura::pack::course::check(pack, "mistakes.toml", &fixture("mistakes.toml"))
        .expect_err("refused");
    let one = aura::pack::course::Course {
        questions: vec![lecture.questions[0].clone()],
        ..Default::default()
    };
    let now = 1_796_000_000;
    let items: Vec<OwnItem> = csv
        .questions
        .iter()
        .map(|q| {
            (
                ItemKind::Question,
                q.id.clone(),
                toml::to_string(q).expect("toml"),
            )
        })
        .chain(csv.prompts.iter().map(|p| {
            (
                ItemKind::Prompt,
                p.id.clone(),
                toml::to_string(p).expect("toml"),
            )
        }))
        .chain(csv.motions.iter().map(|m| {
            (
                ItemKind::Motion,
                m.id.clone(),
                toml::to_string(m).expect("toml"),
            )
        }))
        .enumerate()
        .map(|(i, (kind, id, body))| OwnItem {
            kind,
            id,
            body,
            author: (i != 1).then_some(42),
            created_at: now,
            updated_at: now + i as i64,
            deleted: false,
        })
        .collect();
    let own = Own::of_items(items, None);
    for lang in Lang::ALL {
        let shown = aura::course::view::Shown {
            now,
            label: None,
            lang,
        };
        let card = preview_card(&one, (None, 0), &shown);
        pin("own_item_form_preview", lang, aura::render::to_text(&card));
        for (name, course) in [
            (
                "own_prompt_form_preview",
                aura::pack::course::Course {
                    prompts: csv.prompts.clone(),
                    ..Default::default()
                },
            ),
            (
                "own_motion_form_preview",
                aura::pack::course::Course {
                    motions: csv.motions.clone(),
                    ..Default::default()
                },
            ),
        ] {
            pin(
                name,
                lang,
                aura::render::to_text(&preview_card(&course, (None, 0), &shown)),
            );
        }
        let card = preview_card(&lecture, (Some("`lecture.toml`"), 2), &shown);
        pin("own_items_file_preview", lang, aura::render::to_text(&card));
        let card = refusal_card("`mistakes.toml`", &mistakes, lang);
        pin("own_items_refused", lang, aura::render::to_text(&card));
        pin(
            "own_items_list",
            lang,
            aura::render::to_text(&list_card(&own, None, lang)),
        );
    }
}

#[test]
fn unknown_commands_and_options_list_what_exists() {
    let core = core();
    for lang in Lang::ALL {
        let err = preview(&core, lang, "/kviz start", 1, false).unwrap_err();
        pin("unknown_command", lang, err);
        let err = preview(&core, lang, "/concept colour:red", 1, false).unwrap_err();
        pin("unknown_option", lang, err);
    }
}

#[test]
fn quiz_cards_in_both_languages() {
    use aura::quiz::view::{board_card, me_card, reveal_card};
    use aura::quiz::{BoardLine, Period};
    use aura::quiz::{Round, Scoring, Settings};
    let core = core();
    let pack = &core.library.packs[0];
    let settings = Settings {
        questions: 2,
        scoring: Scoring::Flat,
        ..Settings::default()
    };
    for lang in Lang::ALL {
        let mut round = Round::new(&pack.questions, settings.clone(), 3).expect("round");
        let now = std::time::Instant::now();
        let view = round.open_next(now).expect("question");
        round.answer(11, 0, now);
        round.answer(12, 1, now);
        round.answer(13, 2 % view.choices.len(), now);
        let reveal = round.reveal().expect("reveal");
        let card = reveal_card(
            &core,
            &pack.id,
            &view,
            &reveal,
            (lang, false, &Naming::default()),
        );
        pin("quiz_reveal", lang, aura::render::to_text(&card));
        let hidden = reveal_card(
            &core,
            &pack.id,
            &view,
            &reveal,
            (lang, true, &Naming::default()),
        );
        pin("quiz_reveal_spoilers", lang, aura::render::to_text(&hidden));
        let end = finished(&mut round, lang);
        pin("quiz_end", lang, aura::render::to_text(&end));
        let lines = vec![
            BoardLine {
                rank: 1,
                user_id: 11,
                points: 2100,
                correct: 2,
                answered: 2,
                games: 1,
                wins: 1,
            },
            BoardLine {
                rank: 2,
                user_id: 12,
                points: 1000,
                correct: 1,
                answered: 2,
                games: 1,
                wins: 0,
            },
        ];
        let shown = (Period::Week, aura::quiz::Sort::Points);
        let board = board_card(&lines, shown, &Naming::default(), lang);
        pin("quiz_board", lang, aura::render::to_text(&board));
        // A server whose boards name nobody, and one that shows the top three (one member
        // there keeping their name off).
        let anonymous = Naming {
            boards: aura::quiz::model::Boards::Anonymous,
            ..Naming::default()
        };
        let board = board_card(&lines, shown, &anonymous, lang);
        let text = aura::render::to_text(&board);
        assert!(!text.contains("<@"), "{text}");
        pin("quiz_board_anonymous", lang, text);
        let top = Naming {
            boards: aura::quiz::model::Boards::TopThree,
            unnamed: [lines[0].user_id].into_iter().collect(),
        };
        pin(
            "quiz_board_top_three",
            lang,
            aura::render::to_text(&board_card(&lines, shown, &top, lang)),
        );
        let me = me_card(lines.get(1), 2, Period::All, lang);
        pin("quiz_me", lang, aura::render::to_text(&me));
    }
}

/// A team round's reveal (the teams' standings) and end card (the teams' ranking with each
/// team's best player), and its teams message, in both languages: four teams of unequal size,
/// one of them empty.
#[test]
fn team_cards_in_both_languages() {
    use aura::quiz::view::{
        JoinStage, reveal_card, teams_card, with_team_podium, with_team_standings,
    };
    use aura::quiz::{Round, Scoring, Settings, Teams};
    let core = core();
    let pack = &core.library.packs[0];
    let settings = Settings {
        questions: 2,
        scoring: Scoring::Flat,
        streaks: false,
        teams: Some(Teams::Four),
        ..Settings::default()
    };
    for lang in Lang::ALL {
        let mut round = Round::new(&pack.questions, settings.clone(), 3).expect("round");
        // Red: 11, 12, 13; Blue: 14; Green: 15 (who never answers); Yellow: nobody.
        for (member, team) in [(11, 0), (12, 0), (13, 0), (14, 1), (15, 2)] {
            round.join(member, team);
        }
        let roster = round.roster().expect("teams");
        let card = teams_card(
            roster.teams(),
            &roster.members(),
            7,
            JoinStage::Open { first: None },
            lang,
        );
        pin("quiz_teams_pick", lang, aura::render::to_text(&card));
        let now = std::time::Instant::now();
        let view = round.open_next(now).expect("question");
        let key = {
            let mut probe = round.clone();
            probe.reveal().expect("reveal").correct_position
        };
        let wrong = (key + 1) % view.choices.len();
        for (member, choice) in [(11, key), (12, key), (13, wrong), (14, key)] {
            round.answer(member, choice, now);
        }
        let reveal = round.reveal().expect("reveal");
        let card = reveal_card(
            &core,
            &pack.id,
            &view,
            &reveal,
            (lang, false, &Naming::default()),
        );
        let card = with_team_standings(card, &reveal.teams, lang);
        pin("quiz_team_reveal", lang, aura::render::to_text(&card));
        let end = finished(&mut round, lang);
        let end = with_team_podium(end, &round.team_standings(), lang);
        pin("quiz_team_podium", lang, aura::render::to_text(&end));
    }
}

/// Practice (a question with the last answer's feedback, a run's summary), `/quiz me` with its
/// due line, and the class insights, in both languages, within Discord's limits.
#[test]
fn learning_cards_in_both_languages() {
    use aura::quiz::insights::{Tally, compute};
    use aura::quiz::leitner::Card;
    use aura::quiz::view::{
        Step, insights_card, me_card, practice_due_field, practice_feedback, practice_nothing_due,
        practice_question, practice_summary,
    };
    use aura::quiz::{BoardLine, Period, practice};
    let core = core();
    let pack = &core.library.packs[0];
    let q = pack
        .questions
        .iter()
        .find(|q| !q.true_false && q.choices.len() >= 3 && !q.concepts.is_empty())
        .expect("a multiple-choice question on a concept");
    let tf = pack
        .questions
        .iter()
        .find(|q| q.true_false)
        .expect("a true/false question");
    let wrong = (q.correct + 1) % q.choices.len();
    let now = 1_800_000_000;
    let within = |card: &aura::reply::Reply| {
        let body = aura::render::channel_message(&aura::outbox::Message::from(card.clone()));
        assert!(aura::render::limits::check_message(&body).is_empty());
    };
    for lang in Lang::ALL {
        let step = Step {
            run: 77,
            number: 2,
            total: 5,
        };
        let feedback = practice_feedback(pack, tf, 1 - tf.correct, lang);
        let card = practice_question(q, &practice::shown(77, 2, q), step, Some(feedback), lang);
        within(&card);
        pin("practice_question", lang, aura::render::to_text(&card));
        let lines = [
            (
                q,
                true,
                Card {
                    boxed: 3,
                    last: now,
                    due: now + 86_400,
                },
            ),
            (
                tf,
                false,
                Card {
                    boxed: 1,
                    last: now,
                    due: now,
                },
            ),
        ];
        let summary = practice_summary(
            &lines,
            practice_feedback(pack, q, q.correct, lang),
            now,
            lang,
        );
        within(&summary);
        pin(
            "practice_summary",
            lang,
            steady(&aura::render::to_text(&summary)),
        );
        let nothing = practice_nothing_due(Some(now + 600), lang);
        pin(
            "practice_nothing_due",
            lang,
            steady(&aura::render::to_text(&nothing)),
        );
        let line = BoardLine {
            rank: 2,
            user_id: 11,
            points: 2400,
            correct: 3,
            answered: 5,
            games: 1,
            wins: 0,
        };
        let (name, value) = practice_due_field(3, Some(now + 600), lang);
        let me = me_card(Some(&line), 12, Period::All, lang).field(name, value);
        pin("quiz_me_due", lang, steady(&aura::render::to_text(&me)));
        // Ten answers to `q`: 4 right, 4 chose `wrong`, 2 another wrong answer; 3 right of 4
        // on the true/false question.
        let other = (q.correct + 2) % q.choices.len();
        let tally = |question: &str, picked: usize, correct: bool, count: u64| Tally {
            question: question.into(),
            picked: Some(picked as u32),
            correct,
            count,
        };
        let found = compute(
            &pack.questions,
            &[
                tally(&q.id, q.correct, true, 4),
                tally(&q.id, wrong, false, 4),
                tally(&q.id, other, false, 2),
                tally(&tf.id, tf.correct, true, 3),
                tally(&tf.id, 1 - tf.correct, false, 1),
            ],
        );
        let card = insights_card(pack, &found, Period::Term, None, lang);
        within(&card);
        assert_eq!(card.charts.len(), 1);
        assert!(card.select.is_some());
        pin("quiz_insights", lang, aura::render::to_text(&card));
    }
}

/// Homework's cards in both languages: the assignment message open and closed, a member's
/// private question, the end of an attempt, the class's summary (with its chart's data) and
/// the list.
#[test]
fn homework_cards_in_both_languages() {
    use aura::quiz::homework::summary::{Attempted, Given, Shape, summarise};
    use aura::quiz::homework::{Assignment, pick};
    use aura::quiz::plan::{StartArgs, plan};
    use aura::quiz::view::homework::{
        Feedback, Listed, assignment_card, finished_card, list_card, question_card, summary_card,
    };
    use aura::reply::ChartKind;
    let core = core();
    for lang in Lang::ALL {
        let args = StartArgs {
            questions: Some(3),
            ..StartArgs::default()
        };
        let plan = plan(&core, lang, &args, 2).expect("plan");
        let questions = pick(&core, &plan, 11).expect("questions");
        let mut a = Assignment {
            id: 1_300_000_000_000_000_001,
            guild: 1,
            number: 4,
            channel: 645_027_906_669_510_667,
            message: Some(9),
            teacher: 2,
            lang,
            pack: plan.pack.clone(),
            questions,
            time_limit: Some(45),
            created_at: 1_796_000_000,
            due_at: 1_796_130_000,
            zone: "Asia/Jakarta".into(),
            closed_at: None,
            closed_by: None,
            ping_role: None,
            flat: true,
            bilingual: false,
        };
        let open = assignment_card(&a, lang);
        pin("homework_assignment", lang, aura::render::to_text(&open));
        for (name, hour) in [
            ("homework_reminder_day", false),
            ("homework_reminder_hour", true),
        ] {
            let reminder = aura::quiz::view::homework::reminder(&a, hour, a.lang);
            pin(name, lang, aura::render::to_text(&reminder));
        }
        let (q, shown) = a.question((&core, &[]), 2).expect("question 2");
        let asked = question_card(
            &a,
            q,
            &shown,
            2,
            Some(1_796_000_100),
            Some((Feedback::Right, 1)),
            lang,
        );
        pin("homework_question", lang, aura::render::to_text(&asked));
        let done = finished_card(&a, 2, Some((Feedback::Missed, 3)), lang);
        pin("homework_finished", lang, aura::render::to_text(&done));
        // Four members: three finished (3, 2 and 1 right), one stopped after question 1.
        let shapes: Vec<Shape> = (1..=3)
            .map(|n| Shape {
                choices: a.question((&core, &[]), n).expect("q").1.len(),
                correct: a.right_position((&core, &[]), n).expect("right"),
            })
            .collect();
        let right = |n: usize| shapes[n - 1].correct as u32;
        let other = |n: usize| (right(n) + 1) % shapes[n - 1].choices as u32;
        let mut given = Vec::new();
        for (user, pattern) in [
            (1, [true, true, true]),
            (2, [true, false, true]),
            (3, [false, false, true]),
        ] {
            for (i, ok) in pattern.iter().enumerate() {
                let n = i + 1;
                given.push(Given {
                    user,
                    number: n as u32,
                    choice: if *ok { right(n) } else { other(n) },
                    correct: *ok,
                });
            }
        }
        given.push(Given {
            user: 4,
            number: 1,
            choice: other(1),
            correct: false,
        });
        let attempts: Vec<Attempted> = (1..=4)
            .map(|user| Attempted {
                user,
                finished: user < 4,
            })
            .collect();
        let summary = summarise(&shapes, &attempts, &given);
        a.closed_at = Some(1_796_130_000);
        let closed = assignment_card(&a, lang);
        assert!(closed.buttons.is_empty(), "no Start once closed");
        pin("homework_closed", lang, aura::render::to_text(&closed));
        let card = summary_card((&core, &[]), &a, &summary, lang);
        pin("homework_summary", lang, aura::render::to_text(&card));
        // The hardest question's split as chart data: one bar per choice, the right one marked.
        let chart = card.charts.first().expect("a chart");
        let ChartKind::Bars(bars) = &chart.kind else {
            panic!("bars");
        };
        let hardest = summary.hardest.as_ref().expect("hardest");
        assert_eq!(bars.len(), hardest.counts.len());
        assert_eq!(
            bars.iter().map(|b| b.value).sum::<u64>(),
            u64::from(hardest.answered)
        );
        assert_eq!(bars.iter().filter(|b| b.marked).count(), 1);
        assert!(bars[hardest.right].marked);
        assert!(!chart.alt.is_empty());
        pin("homework_summary_chart", lang, format!("{chart:#?}"));
        for reply in [&open, &closed, &card] {
            let body = aura::render::channel_message(&aura::outbox::Message::from(reply.clone()));
            assert!(aura::render::limits::check_message(&body).is_empty());
        }
        let open_again = Assignment {
            number: 5,
            closed_at: None,
            ..a.clone()
        };
        let waiting = Assignment {
            number: 6,
            closed_at: None,
            ..a.clone()
        };
        let list = list_card(
            &[
                Listed {
                    assignment: &open_again,
                    summary: &summary,
                    more_time: 0,
                },
                Listed {
                    assignment: &waiting,
                    summary: &summary,
                    more_time: 2,
                },
                Listed {
                    assignment: &a,
                    summary: &summary,
                    more_time: 0,
                },
            ],
            lang,
        );
        pin("homework_list", lang, aura::render::to_text(&list));
    }
}

/// A question asked typed: its card with the "Answer" button, the form it opens (the exact
/// Discord body), the private confirmation and the reveal with the accepted answers, in both
/// languages.
#[test]
fn typed_quiz_cards_in_both_languages() {
    use aura::quiz::view::{Stage, question_card, reveal_card, typed_locked, typed_modal};
    use aura::quiz::{Answering, Round, Scoring, Settings};
    let core = core();
    let pack = &core.library.packs[0];
    let pool: Vec<_> = pack
        .questions
        .iter()
        .filter(|q| q.id == "mc-french-translator")
        .cloned()
        .collect();
    let settings = Settings {
        questions: 1,
        scoring: Scoring::Flat,
        answering: Answering::Typed,
        ..Settings::default()
    };
    for lang in Lang::ALL {
        let mut round = Round::new(&pool, settings.clone(), 3).expect("round");
        let now = std::time::Instant::now();
        let view = round.open_next(now).expect("question");
        let card = question_card(
            &view,
            lang,
            77,
            2,
            Stage::Open {
                closes: 1_800_000_000,
            },
        );
        pin(
            "quiz_typed_question",
            lang,
            steady(&aura::render::to_text(&card)),
        );
        let body = aura::render::channel_message(&aura::outbox::Message::from(card));
        assert!(aura::render::limits::check_message(&body).is_empty());
        let modal = aura::render::modal(&typed_modal(lang, 77, view.number));
        insta::assert_json_snapshot!(format!("quiz_typed_modal_{}", lang.code()), modal);
        let locked = typed_locked(lang, "klosowski *bold* <@1>");
        pin("quiz_typed_locked", lang, aura::render::to_text(&locked));
        round.answer_typed(11, "klosowski", now);
        round.answer_typed(12, "Pierre Klossowski", now);
        round.answer_typed(13, "Harry Zohn", now);
        let reveal = round.reveal().expect("reveal");
        let card = reveal_card(
            &core,
            &pack.id,
            &view,
            &reveal,
            (lang, false, &Naming::default()),
        );
        pin("quiz_typed_reveal", lang, aura::render::to_text(&card));
    }
}

#[test]
fn written_work_cards_and_forms_in_both_languages() {
    use aura::quiz::gradebook::{Debating, MemberLine, Participation};
    use aura::responses::model::{On, Piece, Response, Status, Walk};
    use aura::responses::{quote_check, view};
    let core = core();
    let pack = &core.library.packs[0];
    let on = On::Prompt {
        schedule: 3,
        date: 20_260_302,
    };
    let title = "Is difficult, “unpopular” art more free than a hit song?";
    let co_written = pack
        .quotable()
        .find(|q| q.coauthor.is_some())
        .expect("a co-written quote");
    let claim = pack
        .misconceptions
        .iter()
        .find(|m| m.claim.get(Lang::En).split_whitespace().count() >= 3)
        .expect("a misconception");
    let now = 1_772_438_405;
    for lang in Lang::ALL {
        let first = |s: &str, n: usize| s.split_whitespace().take(n).collect::<Vec<_>>().join(" ");
        let body = format!(
            "Benjamin: “{}”. Copies differ: “{}”. Adorno says “{}”. Some say “{}”. And “words nobody wrote here”. *Bold* <@1>",
            first(
                pack.quote("here-and-now").expect("quote").text.get(lang),
                12
            ),
            match lang {
                Lang::En => "Even the most perfect copy of a work of art is lacking in one element",
                Lang::Id => "Bahkan reproduksi karya seni yang paling bagus kekurangan satu unsur",
            },
            first(co_written.text.get(lang).trim_matches('…'), 8),
            claim.claim.get(lang),
        );
        let checked = quote_check::check(pack, &body);
        assert_eq!(checked.len(), 5, "{body}");
        let card = view::check_card(pack, (on, title, &body), &checked, 77, lang);
        let msg = aura::render::channel_message(&aura::outbox::Message::from(card.clone()));
        assert!(aura::render::limits::check_message(&msg).is_empty());
        pin("responses_check", lang, aura::render::to_text(&card));
        let form = aura::render::modal(&view::form(on, title, Some(body.clone()), lang));
        assert!(aura::render::limits::check_callback(&form).is_empty());
        insta::assert_json_snapshot!(format!("responses_form_{}", lang.code()), form);
        let response = |id: i64, status: Option<Status>, feedback: Option<&str>| Response {
            id,
            piece: Piece {
                guild: 1,
                channel: 2,
                on,
                title: title.into(),
                user: 9,
                name: "Ana *the* reader".into(),
                lang,
                body: body.clone(),
                deadline: Some(now + 7 * 86_400),
            },
            status,
            feedback: feedback.map(String::from),
            reviewer: status.map(|_| 42),
            reviewed_at: status.map(|_| now + 60),
            released_at: None,
            delivered_at: None,
            share_asked_at: None,
            shared_at: None,
            created_at: now,
            updated_at: now,
        };
        let waiting = response(1, None, None);
        pin(
            "responses_saved",
            lang,
            aura::render::to_text(&view::saved_card(&waiting, false, lang)),
        );
        let held = response(2, Some(Status::Revision), Some("Cite the section, please."));
        let released = Response {
            released_at: Some(now + 120),
            share_asked_at: Some(now + 130),
            ..response(
                3,
                Some(Status::Excellent),
                Some("A model answer: **well** argued."),
            )
        };
        let labels = vec!["Insightful".to_string()];
        let mine = view::mine_card(
            &[released.clone(), held.clone(), waiting.clone()],
            &labels,
            lang,
        );
        pin("responses_mine", lang, aura::render::to_text(&mine));
        pin(
            "responses_mine_none",
            lang,
            aura::render::to_text(&view::mine_card(&[], &[], lang)),
        );
        let walk = Walk::default();
        let review = view::review_card(
            pack,
            (&held, &checked),
            (&labels, walk, (Some(2), 30)),
            lang,
        );
        let msg = aura::render::channel_message(&aura::outbox::Message::from(review.clone()));
        assert!(aura::render::limits::check_message(&msg).is_empty());
        pin("responses_review", lang, aura::render::to_text(&review));
        let feedback =
            aura::render::modal(&view::feedback_form(2, walk, held.feedback.clone(), lang));
        assert!(aura::render::limits::check_callback(&feedback).is_empty());
        insta::assert_json_snapshot!(format!("responses_feedback_form_{}", lang.code()), feedback);
        pin(
            "responses_feedback_message",
            lang,
            aura::render::to_text(&view::feedback_message(&released, &labels, lang)),
        );
        pin(
            "responses_shared",
            lang,
            aura::render::to_text(&view::shared_post(&released, lang)),
        );
        let line = MemberLine {
            user: 9,
            name: "Ana".into(),
            rounds: 4,
            homework: 2,
            homework_score: Some(75.0),
            accuracy: 62.5,
            points: 3400,
            participation: Participation {
                responses: 3,
                accepted: 1,
                revision: 1,
                excellent: 1,
                labelled: 0,
                debating: Debating {
                    speeches: 2,
                    arguments: 5,
                    cited: 3,
                    ballots: 4,
                },
                sections: [("i".to_string(), (4, 3)), ("ii".to_string(), (2, 1))]
                    .into_iter()
                    .collect(),
            },
        };
        let sections = ["i".to_string(), "ii".to_string()];
        let card = aura::quiz::view::student_card(Some(pack), &line, &sections, lang);
        pin("responses_student", lang, aura::render::to_text(&card));
    }
}

#[test]
fn a_daily_post_in_both_languages() {
    use aura::daily::PostKind;
    use aura::daily::view::post_in_both;
    let core = core();
    let pack = &core.library.packs[0];
    let item = PostKind::Prompt.items(pack).remove(0);
    for first in [Lang::Id, Lang::En] {
        let both = post_in_both(pack, PostKind::Prompt, &item, first).expect("a post");
        pin(
            "daily_prompt_bilingual",
            first,
            aura::render::to_text(&both),
        );
    }
}

#[test]
fn a_quiz_question_in_both_languages() {
    use aura::quiz::view::{Stage, question_card};
    use aura::quiz::{Round, Settings};
    let core = core();
    let pack = &core.library.packs[0];
    let mut round = Round::new(&pack.questions, Settings::default(), 3).expect("round");
    let view = round
        .open_next(std::time::Instant::now())
        .expect("question");
    let stage = Stage::Open {
        closes: 1_800_000_000,
    };
    for (first, second) in [(Lang::Id, Lang::En), (Lang::En, Lang::Id)] {
        let a = question_card(&view, first, 77, 3, stage);
        let b = question_card(&view, second, 77, 3, stage);
        let both = aura::cards::side_by_side(a, &b);
        let body = aura::render::channel_message(&aura::outbox::Message::from(both.clone()));
        assert!(aura::render::limits::check_message(&body).is_empty());
        pin(
            "quiz_question_bilingual",
            first,
            steady(&aura::render::to_text(&both)),
        );
    }
}

/// A quick vote's card and its result in both languages side by side, each language first (a
/// debate started in a server whose shared posts are in both), within Discord's limits.
#[test]
fn a_debate_vote_in_both_languages() {
    use aura::debate::view::{result_card, vote_card};
    let core = core();
    let pack = &core.library.packs[0];
    let m = &pack.motions[0];
    for first in [Lang::Id, Lang::En] {
        let card = |lang| vote_card(pack, m, lang, 7, 1_796_130_000);
        let langs = (first, first.other());
        let both = aura::cards::side_by_side(card(first), &card(first.other()));
        let both = aura::cards::with_terms(both, pack, &m.concepts, langs);
        let result = |lang| result_card(pack, m, lang, 5, 3, 1);
        let closed = aura::cards::side_by_side(result(first), &result(first.other()));
        let closed = aura::cards::with_terms(closed, pack, &m.concepts, langs);
        for reply in [&both, &closed] {
            let body = aura::render::channel_message(&aura::outbox::Message::from(reply.clone()));
            assert!(aura::render::limits::check_message(&body).is_empty());
        }
        let text = format!(
            "{}\n\n=== closed ===\n\n{}",
            aura::render::to_text(&both),
            aura::render::to_text(&closed)
        );
        pin("debate_vote_bilingual", first, text);
    }
}
