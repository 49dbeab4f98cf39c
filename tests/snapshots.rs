//! What members see, pinned in both languages: every command's answer as text, and the exact
//! Discord body for one card.

use std::path::PathBuf;

use aura::core::Core;
use aura::pack::Lang;
use aura::preview::preview;

fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
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
    ("daily_preview", "/daily preview kind:prompt"),
    ("daily_preview_motion", "/daily preview kind:motion"),
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
    use aura::answers::debate::class::{arguments, control, sample, summary};
    use aura::debate::class::Phase;
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
        insta::assert_snapshot!(
            format!("debate_summary_card_{}", lang.code()),
            steady(&aura::render::to_text(&card))
        );
        let tree = arguments(&core, &done, lang);
        insta::assert_snapshot!(
            format!("debate_arguments_{}", lang.code()),
            aura::render::to_text(&tree)
        );
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
        let card = aura::answers::component(&core, lang, &letter, None, &mut rng)
            .expect("the letter card");
        insta::assert_snapshot!(
            format!("letter_card_{}", lang.code()),
            aura::render::to_text(&card)
        );
    }
}

#[test]
fn unknown_commands_and_options_list_what_exists() {
    let core = core();
    for lang in Lang::ALL {
        let err = preview(&core, lang, "/kviz start", 1, false).unwrap_err();
        insta::assert_snapshot!(format!("unknown_command_{}", lang.code()), err);
        let err = preview(&core, lang, "/concept colour:red", 1, false).unwrap_err();
        insta::assert_snapshot!(format!("unknown_option_{}", lang.code()), err);
    }
}

#[test]
fn quiz_cards_in_both_languages() {
    use aura::answers::quiz::{Ending, board_card, end_card, me_card, reveal_card};
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
        let card = reveal_card(&core, &pack.id, &view, &reveal, lang, false);
        insta::assert_snapshot!(
            format!("quiz_reveal_{}", lang.code()),
            aura::render::to_text(&card)
        );
        let hidden = reveal_card(&core, &pack.id, &view, &reveal, lang, true);
        insta::assert_snapshot!(
            format!("quiz_reveal_spoilers_{}", lang.code()),
            aura::render::to_text(&hidden)
        );
        round.stop();
        let end = end_card(
            &round.standings(),
            |m| round.totals(m),
            1,
            Ending::Finished,
            lang,
        );
        insta::assert_snapshot!(
            format!("quiz_end_{}", lang.code()),
            aura::render::to_text(&end)
        );
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
        let board = board_card(&lines, Period::Week, aura::quiz::Sort::Points, lang);
        insta::assert_snapshot!(
            format!("quiz_board_{}", lang.code()),
            aura::render::to_text(&board)
        );
        let me = me_card(lines.get(1), 2, Period::All, lang);
        insta::assert_snapshot!(
            format!("quiz_me_{}", lang.code()),
            aura::render::to_text(&me)
        );
    }
}

/// A team round's reveal (the teams' standings) and end card (the teams' ranking with each
/// team's best player), and its teams message, in both languages: four teams of unequal size,
/// one of them empty.
#[test]
fn team_cards_in_both_languages() {
    use aura::answers::quiz::{
        Ending, JoinStage, end_card, reveal_card, teams_card, with_team_podium, with_team_standings,
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
        insta::assert_snapshot!(
            format!("quiz_teams_pick_{}", lang.code()),
            aura::render::to_text(&card)
        );
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
        let card = reveal_card(&core, &pack.id, &view, &reveal, lang, false);
        let card = with_team_standings(card, &reveal.teams, lang);
        insta::assert_snapshot!(
            format!("quiz_team_reveal_{}", lang.code()),
            aura::render::to_text(&card)
        );
        round.stop();
        let end = end_card(
            &round.standings(),
            |m| round.totals(m),
            1,
            Ending::Finished,
            lang,
        );
        let end = with_team_podium(end, &round.team_standings(), lang);
        insta::assert_snapshot!(
            format!("quiz_team_podium_{}", lang.code()),
            aura::render::to_text(&end)
        );
    }
}

/// A question asked typed: its card with the "Answer" button, the form it opens (the exact
/// Discord body), the private confirmation and the reveal with the accepted answers, in both
/// languages.
#[test]
fn typed_quiz_cards_in_both_languages() {
    use aura::answers::quiz::{Stage, question_card, reveal_card, typed_locked, typed_modal};
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
        insta::assert_snapshot!(
            format!("quiz_typed_question_{}", lang.code()),
            steady(&aura::render::to_text(&card))
        );
        let body = aura::render::channel_message(&aura::outbox::Message::from(card));
        assert!(aura::render::limits::check_message(&body).is_empty());
        let modal = aura::render::modal(&typed_modal(lang, 77, view.number));
        insta::assert_json_snapshot!(format!("quiz_typed_modal_{}", lang.code()), modal);
        let locked = typed_locked(lang, "klosowski *bold* <@1>");
        insta::assert_snapshot!(
            format!("quiz_typed_locked_{}", lang.code()),
            aura::render::to_text(&locked)
        );
        round.answer_typed(11, "klosowski", now);
        round.answer_typed(12, "Pierre Klossowski", now);
        round.answer_typed(13, "Harry Zohn", now);
        let reveal = round.reveal().expect("reveal");
        let card = reveal_card(&core, &pack.id, &view, &reveal, lang, false);
        insta::assert_snapshot!(
            format!("quiz_typed_reveal_{}", lang.code()),
            aura::render::to_text(&card)
        );
    }
}
