//! What members and classes learn, end to end: practice bringing back a question missed in a
//! live round (and keeping it away until its interval passes on the bot's clock), the class
//! insights matching hand-computed shares (with the channel filter and the concept menu), and
//! the term gradebook and round report opened with a CSV parser, cell by cell, with display
//! names a spreadsheet would otherwise run.

use std::time::Duration;

use crate::app::{Options, TestApp, next, open_state, state_file};
use crate::fake::{
    CHANNEL_ID, FakeDiscord, GUILD_ID, MANAGE_MESSAGES, MEMBER, click, in_guild, subcommand,
    with_channel,
};
use crate::support::{core, custom_ids, first_question, opt};
use aura::pack::{Lang, Pack, QuizQuestion};
use aura::quiz::{AnswerRow, Period};
use serde_json::{Value, json};

const TEACHER: u64 = 42;
const OTHER_CHANNEL: &str = "645027906669510999";

fn guild() -> u64 {
    GUILD_ID.parse().expect("id")
}

fn channel() -> u64 {
    CHANNEL_ID.parse().expect("id")
}

/// `/quiz <sub>` as `user` (with a server nickname if given); the callback's body.
async fn quiz_as(
    fake: &FakeDiscord,
    user: u64,
    nick: Option<&str>,
    perms: u64,
    sub: &str,
    options: Value,
) -> Value {
    let mut payload = in_guild(
        subcommand(next(), user, "en-US", "quiz", sub, options),
        perms,
        &[],
    );
    if let Some(nick) = nick {
        payload["member"]["nick"] = json!(nick);
    }
    let cb = fake.interact(payload).await;
    assert_eq!(cb.status, 204, "/quiz {sub}: {}", cb.body);
    cb.body
}

/// `/quiz <sub>` by the teacher.
async fn teacher(fake: &FakeDiscord, sub: &str, options: Value) -> Value {
    quiz_as(fake, TEACHER, None, MANAGE_MESSAGES, sub, options).await
}

async fn press(fake: &FakeDiscord, user: u64, nick: Option<&str>, id: &str) -> Value {
    let mut payload = in_guild(click(next(), user, "en-US", id, None), MEMBER, &[]);
    if let Some(nick) = nick {
        payload["member"]["nick"] = json!(nick);
    }
    let cb = fake.interact(payload).await;
    assert_eq!(cb.status, 204, "{id}: {}", cb.body);
    cb.body
}

/// The file Aura sent last, which must be `name`, opened with a CSV parser: its header, its
/// records, and its raw text.
fn last_csv(fake: &FakeDiscord, name: &str) -> (Vec<String>, Vec<csv::StringRecord>, String) {
    let files = fake.attachments();
    let (_, sent, bytes) = files.last().expect(name);
    assert_eq!(sent, name);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().expect("headers").iter().map(String::from);
    let headers = headers.collect();
    let records = reader.records().map(|r| r.expect("row")).collect();
    (
        headers,
        records,
        String::from_utf8_lossy(bytes).into_owned(),
    )
}

/// A multiple-choice question (three choices or more) on a concept.
fn concept_question(pack: &Pack) -> &QuizQuestion {
    pack.questions
        .iter()
        .find(|q| !q.true_false && q.choices.len() >= 3 && !q.concepts.is_empty())
        .expect("a multiple-choice question on a concept")
}

/// The embed's description and fields, as one text.
fn text(body: &Value) -> String {
    let e = &body["embeds"][0];
    let mut out = format!(
        "{}\n{}\n",
        e["title"].as_str().unwrap_or(""),
        e["description"].as_str().unwrap_or("")
    );
    for f in e["fields"].as_array().into_iter().flatten() {
        out.push_str(f["name"].as_str().unwrap_or(""));
        out.push('\n');
        out.push_str(f["value"].as_str().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// A practice answer button: (question id, authored choice, custom id).
fn practice_buttons(body: &Value) -> Vec<(String, usize, String)> {
    custom_ids(body)
        .into_iter()
        .filter_map(|id| {
            let parts: Vec<&str> = id.split(':').collect();
            match parts.as_slice() {
                ["aura", "practice", _, _, q, c] => {
                    Some((q.to_string(), c.parse().ok()?, id.clone()))
                }
                _ => None,
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn practice_brings_back_a_question_missed_in_a_live_round() {
    let core = core();
    let fake = FakeDiscord::start().await;
    let (options, clock) = Options::with_clock();
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    // A live round of one question, each member clicking another choice.
    teacher(
        &fake,
        "start",
        json!([opt("questions", json!(1)), opt("mode", json!(1))]),
    )
    .await;
    let (asked, buttons) = first_question(&fake).await;
    let members: Vec<u64> = (0..buttons.len() as u64).map(|i| 500 + i).collect();
    for (m, b) in members.iter().zip(&buttons) {
        let cb = press(&fake, *m, None, b).await;
        assert!(cb.to_string().contains("Locked in"), "{cb}");
    }
    teacher(&fake, "reveal", json!([])).await;

    // The question asked, found in the pack by its prompt.
    let prompt = text(&asked).replace('\u{200b}', "");
    let missed = core.library.packs[0]
        .questions
        .iter()
        .find(|q| prompt.contains(q.prompt.get(Lang::En).trim()))
        .expect("the live question in the pack")
        .clone();
    let missed_q = missed.id.clone();
    // Who got it right: the reveal's title names the answer ("Question 1: B — …").
    fake.wait_for_posts(Duration::from_secs(30), |p| p.len() >= 2)
        .await;
    let reveal = fake.posted_in(CHANNEL_ID)[1].body.clone();
    let answer = reveal["embeds"][0]["title"]
        .as_str()
        .and_then(|t| t.split_once(": "))
        .map(|(_, a)| a.to_string())
        .unwrap_or_default();
    let labels: Vec<String> = asked["components"][0]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| b["label"].as_str().unwrap_or("").to_string())
        .collect();
    let right = labels
        .iter()
        .position(|l| answer.starts_with(&format!("{l} —")) || answer == *l)
        .unwrap_or_else(|| panic!("no choice matches {answer}"));
    // Each member who missed it is offered it first; the one who got it right is not.
    for (i, &m) in members.iter().enumerate() {
        let first = quiz_as(&fake, m, None, MEMBER, "practice", json!([])).await;
        assert_eq!(first["data"]["flags"], 64, "private: {first}");
        let offered = practice_buttons(&first["data"]);
        let (qid, _, _) = offered.first().expect("a practice question");
        assert_eq!(*qid == missed_q, i != right, "member {m}");
    }
    let subject = members[(right + 1) % members.len()];
    // `/quiz practice` has a short cooldown per member.
    tokio::time::sleep(Duration::from_secs(3)).await;

    // The subject answers it right this time.
    let run = quiz_as(&fake, subject, None, MEMBER, "practice", json!([])).await;
    let choices = practice_buttons(&run["data"]);
    assert_eq!(choices[0].0, missed_q, "the missed question comes first");
    let correct = choices
        .iter()
        .find(|(_, c, _)| *c == missed.correct)
        .expect("the right answer's button")
        .2
        .clone();
    let after = press(&fake, subject, None, &correct).await;
    assert_eq!(
        after["type"], 7,
        "the practice message is replaced: {after}"
    );
    let shown = text(&after["data"]);
    assert!(shown.contains("✅ Right"), "{shown}");
    assert!(
        shown.contains(missed.explanation.get(Lang::En).trim()),
        "{shown}"
    );
    assert!(shown.contains("question 2 of"), "{shown}");
    // A second click on the same button changes nothing.
    let again = press(&fake, subject, None, &correct).await;
    assert!(again.to_string().contains("already answered"), "{again}");
    // Someone else's click is refused.
    let stranger = press(&fake, 999, None, &correct).await;
    assert!(
        stranger.to_string().contains("Only the member"),
        "{stranger}"
    );

    // Not due again before ten minutes: /quiz me says so, practice offers something else.
    let me = quiz_as(&fake, subject, None, MEMBER, "me", json!([])).await;
    assert!(
        me.to_string()
            .contains("No question is due for practice now"),
        "{me}"
    );
    assert!(me.to_string().contains("The next one is due <t:"), "{me}");
    tokio::time::sleep(Duration::from_secs(3)).await;
    let later = quiz_as(&fake, subject, None, MEMBER, "practice", json!([])).await;
    assert_ne!(practice_buttons(&later["data"])[0].0, missed_q);
    clock.advance(9 * 60);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let early = quiz_as(&fake, subject, None, MEMBER, "practice", json!([])).await;
    assert_ne!(practice_buttons(&early["data"])[0].0, missed_q);
    // Ten minutes on the bot's clock: due again, and first.
    clock.advance(61);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let me = quiz_as(&fake, subject, None, MEMBER, "me", json!([])).await;
    assert!(
        me.to_string()
            .contains("1 question is due for practice now"),
        "{me}"
    );
    let back = quiz_as(&fake, subject, None, MEMBER, "practice", json!([])).await;
    assert_eq!(practice_buttons(&back["data"])[0].0, missed_q);
    bot.stop().await;
}

fn answer(q: &QuizQuestion, no: u32, user: u64, picked: usize, at: i64) -> AnswerRow {
    AnswerRow {
        question_no: no,
        question_id: q.id.clone(),
        user_id: user,
        choice: picked as u32,
        correct: picked == q.correct,
        points: if picked == q.correct { 1000 } else { 0 },
        answered_at: at,
        picked: Some(picked as u32),
        ..AnswerRow::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn insights_match_hand_computed_shares_and_open_the_concept_card() {
    let core = core();
    let pack = &core.library.packs[0];
    let q = concept_question(pack);
    let (wrong, other) = (
        (q.correct + 1) % q.choices.len(),
        (q.correct + 2) % q.choices.len(),
    );
    let state = state_file();
    let now = aura::clock::unix_now();
    let store = open_state(&state).await;
    // In this channel: 4 right, 4 chose `wrong`, 2 chose `other`. Elsewhere: 5 right.
    store
        .start_round(1, guild(), channel(), TEACHER, now - 100)
        .await
        .expect("round");
    let mut rows = Vec::new();
    for (i, picked) in [q.correct; 4]
        .into_iter()
        .chain([wrong; 4])
        .chain([other; 2])
        .enumerate()
    {
        rows.push(answer(q, 1, 100 + i as u64, picked, now - 90));
    }
    store
        .record_answers(1, guild(), &rows)
        .await
        .expect("answers");
    store.end_round(1, "finished", now - 80).await.expect("end");
    store
        .start_round(
            2,
            guild(),
            OTHER_CHANNEL.parse().expect("id"),
            TEACHER,
            now - 70,
        )
        .await
        .expect("round");
    let rows: Vec<AnswerRow> = (0..5)
        .map(|i| answer(q, 1, 200 + i, q.correct, now - 60))
        .collect();
    store
        .record_answers(2, guild(), &rows)
        .await
        .expect("answers");
    store.end_round(2, "finished", now - 50).await.expect("end");
    store.close().await;

    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    // Students may not see the class's insights.
    let refused = quiz_as(&fake, 7, None, MEMBER, "insights", json!([])).await;
    assert!(refused.to_string().contains("permission"), "{refused}");

    let prompt: String = q.prompt.get(Lang::En).chars().take(40).collect();
    let concept = pack.concept(&q.concepts[0]).expect("concept");
    let here = in_guild(
        with_channel(
            subcommand(next(), TEACHER, "en-US", "quiz", "insights", json!([])),
            "channel",
            CHANNEL_ID,
        ),
        MANAGE_MESSAGES,
        &[],
    );
    let cb = fake.interact(here).await;
    let body = &cb.body["data"];
    assert_eq!(body["flags"], 64, "private to the teacher: {}", cb.body);
    let shown = text(body);
    assert!(shown.contains("From 10 answers"), "{shown}");
    assert!(shown.contains(&prompt), "{shown}");
    assert!(
        shown.contains("missed by 60% (10 answers)"),
        "6 of 10 missed: {shown}"
    );
    let wrong_text = q.choices[wrong].get(Lang::En);
    assert!(
        shown.contains(&format!("“{wrong_text}” (40% of answers)")),
        "4 of 10 chose it: {shown}"
    );
    assert!(
        shown.contains(&format!("{}: 40% (4/10)", concept.name.get(Lang::En))),
        "{shown}"
    );
    // Every channel: 15 answers, 6 missed (40%), 4 chose `wrong` (27%).
    // (`/quiz insights` has a short cooldown per member.)
    tokio::time::sleep(Duration::from_secs(5)).await;
    let all = teacher(&fake, "insights", json!([])).await;
    let shown = text(&all["data"]);
    assert!(shown.contains("missed by 40% (15 answers)"), "{shown}");
    assert!(shown.contains("(27% of answers)"), "{shown}");
    assert!(
        shown.contains(&format!("{}: 60% (9/15)", concept.name.get(Lang::En))),
        "{shown}"
    );
    // The week: the same (everything is recent); the menu opens the concept's card.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let week = teacher(&fake, "insights", json!([opt("period", json!(0))])).await;
    assert!(text(&week["data"]).contains("this week"));
    let menu = custom_ids(&week["data"])
        .into_iter()
        .find(|id| id.starts_with("aura:open:"))
        .expect("a concept menu");
    let value = format!("concept:{}:{}", pack.id, concept.id);
    assert!(week.to_string().contains(&value), "{week}");
    let card = fake
        .interact(in_guild(
            click(next(), TEACHER, "en-US", &menu, Some(vec![&value])),
            MANAGE_MESSAGES,
            &[],
        ))
        .await;
    assert!(
        card.body.to_string().contains(concept.name.get(Lang::En)),
        "{}",
        card.body
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_term_gradebook_and_round_report_open_in_a_csv_parser() {
    let state = state_file();
    let now = aura::clock::unix_now();
    let day = 86_400;
    let store = open_state(&state).await;
    let core = core();
    let q0 = &core.library.packs[0].questions[0];
    // Before the term: member 300 only. In the term, earlier: member 301 as "Old name".
    store
        .start_round(1, guild(), 1, TEACHER, now - 10 * day)
        .await
        .expect("round");
    let mut old = answer(q0, 1, 300, q0.correct, now - 10 * day);
    old.display_name = Some("Gone".into());
    store.record_answers(1, guild(), &[old]).await.expect("old");
    store
        .end_round(1, "finished", now - 10 * day)
        .await
        .expect("end");
    store
        .reset_board(guild(), Period::Term, now - 2 * day)
        .await
        .expect("reset");
    store
        .start_round(2, guild(), 1, TEACHER, now - day)
        .await
        .expect("round");
    let mut earlier = answer(q0, 1, 301, q0.correct, now - day);
    earlier.display_name = Some("Old name".into());
    store
        .record_answers(2, guild(), &[earlier])
        .await
        .expect("earlier");
    store
        .end_round(2, "finished", now - day)
        .await
        .expect("end");
    store.close().await;

    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    teacher(
        &fake,
        "start",
        json!([
            opt("questions", json!(1)),
            opt("mode", json!(1)),
            opt("scoring", json!(1))
        ]),
    )
    .await;
    let (_, buttons) = first_question(&fake).await;
    let players: [(u64, &str); 3] = [
        (301, "=HYPERLINK(\"http://evil\")"),
        (302, "Doe, \"Jo\""),
        (303, "@admin"),
    ];
    for (i, (m, nick)) in players.iter().enumerate() {
        press(&fake, *m, Some(nick), &buttons[i % buttons.len()]).await;
    }
    teacher(&fake, "reveal", json!([])).await;
    fake.wait_for_posts(Duration::from_secs(30), |p| p.len() >= 2)
        .await;
    teacher(&fake, "stop", json!([])).await;

    // The round's report: names where ids were, ids in their own column.
    teacher(&fake, "report", json!([])).await;
    let (headers, rows, _) = last_csv(&fake, "quiz-report.csv");
    assert_eq!(
        headers,
        [
            "member",
            "member_id",
            "question",
            "question_id",
            "answer",
            "correct",
            "time_ms",
            "points"
        ]
    );
    assert_eq!(rows.len(), 3);
    let mut points = std::collections::HashMap::new();
    for (row, (m, nick)) in rows.iter().zip(players) {
        assert_eq!(&row[1], m.to_string());
        let shown = if nick.starts_with(['=', '@']) {
            format!("'{nick}")
        } else {
            nick.to_string()
        };
        assert_eq!(&row[0], shown);
        assert_eq!(&row[2], "1");
        let p: u64 = row[7].parse().expect("points");
        assert_eq!(p, if &row[5] == "yes" { 1000 } else { 0 });
        points.insert(m, (p, &row[5] == "yes"));
    }

    // The term: members 301–303 (300 answered before the term), one row each, cell by cell.
    // Asked by another teacher: `/quiz report` has a short cooldown per member.
    let other = quiz_as(
        &fake,
        TEACHER + 1,
        None,
        MANAGE_MESSAGES,
        "report",
        json!([opt("scope", json!(1))]),
    );
    other.await;
    let (headers, records, raw) = last_csv(&fake, "quiz-gradebook.csv");
    assert_eq!(
        headers[..16],
        [
            "display_name",
            "member_id",
            "rounds_played",
            "homework_done",
            "homework_mean_score",
            "accuracy",
            "points",
            "responses",
            "responses_accepted",
            "responses_needs_revision",
            "responses_excellent",
            "responses_other_status",
            "speeches",
            "arguments",
            "arguments_citing",
            "ballots"
        ]
    );
    // Then one column of accuracy per essay section answered on this term.
    assert!(
        headers[16..]
            .iter()
            .all(|h| h.starts_with("accuracy_section_")),
        "{headers:?}"
    );
    // Nobody here wrote or debated: the participation columns are zeros.
    for r in &records {
        assert!(r.iter().skip(7).take(9).all(|c| c == "0"), "{r:?}");
    }
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| r.iter().take(7).map(String::from).collect())
        .collect();
    let cells = |m: u64, name: &str, rounds: u64, right: u64, answered: u64, pts: u64| {
        vec![
            name.to_string(),
            m.to_string(),
            rounds.to_string(),
            "0".to_string(),
            String::new(),
            format!("{:.1}", right as f64 * 100.0 / answered as f64),
            pts.to_string(),
        ]
    };
    let (p301, ok301) = points[&301];
    let (p302, ok302) = points[&302];
    let (p303, ok303) = points[&303];
    // By display name: "'=HYPERLINK…", "'@admin", "Doe, \"Jo\"" (the apostrophe sorts first).
    let mut expected = vec![
        cells(
            301,
            "'=HYPERLINK(\"http://evil\")",
            2,
            1 + u64::from(ok301),
            2,
            1000 + p301,
        ),
        cells(302, "Doe, \"Jo\"", 1, u64::from(ok302), 1, p302),
        cells(303, "'@admin", 1, u64::from(ok303), 1, p303),
    ];
    expected.sort_by_key(|r| r[0].to_lowercase());
    assert_eq!(rows, expected);
    // The raw file quotes the name with a comma and quotes as CSV requires.
    assert!(raw.contains("\"Doe, \"\"Jo\"\"\",302,"), "{raw}");
    bot.stop().await;
}
