//! Team rounds end to end: forty members in four teams of unequal size (thirty pick a team with
//! the buttons, ten are dealt into the smallest teams at their first answer), exact team means
//! at every reveal and on the podium with each team's best player, the report's team column,
//! the board keeping individual points; switching refused politely once the first question is
//! out; and an auto round of Benjamin against Adorno whose picking time ends by itself.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{CHANNEL_ID, FakeDiscord, MEMBER, Posted, click, in_guild};
use crate::support::{core, labelled, opt, quiz, teacher_quiz, title, wait_posts};
use aura::pack::Lang;
use aura::quiz::plan::{StartArgs, plan};
use aura::quiz::{Scoring, Teams};
use serde_json::{Value, json};

const NAMES: [&str; 4] = ["🔴 Red", "🔵 Blue", "🟢 Green", "🟡 Yellow"];
const SLUGS: [&str; 4] = ["red", "blue", "green", "yellow"];

/// The buttons of a message whose ids start with `prefix`: (custom id, label).
fn buttons(body: &Value, prefix: &str) -> Vec<(String, String)> {
    labelled(body, prefix)
}

/// The value of the embed field named `name`.
fn field(body: &Value, name: &str) -> String {
    body["embeds"][0]["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["name"].as_str() == Some(name))
        .and_then(|f| f["value"].as_str())
        .unwrap_or("")
        .to_string()
}

async fn press(fake: &FakeDiscord, user: u64, locale: &str, id: &str) -> Value {
    let cb = fake
        .interact(in_guild(click(next(), user, locale, id, None), MEMBER, &[]))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "privately: {}", cb.body);
    assert_eq!(cb.body["data"]["allowed_mentions"]["parse"], json!([]));
    cb.body
}

/// The position of the right answer and the number of choices of each question of the round
/// the bot draws (the same plan and seed give the same questions in the same order).
fn answer_key(args: &StartArgs, seed: u64) -> Vec<(usize, usize)> {
    let core = core();
    let plan = plan(&core, Lang::En, args, 0).unwrap_or_else(|_| panic!("a plan"));
    let mut round = plan.round(&core, seed).expect("round");
    let now = Instant::now();
    let mut key = Vec::new();
    while let Some(view) = round.open_next(now) {
        let reveal = round.reveal().expect("reveal");
        key.push((reveal.correct_position, view.choices.len()));
    }
    key
}

/// A mean as the cards show it: at most one decimal, rounded half up.
fn mean_text(total: u64, n: u64) -> String {
    let tenths = (total * 20 + n) / (2 * n);
    if tenths.is_multiple_of(10) {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A team's place in the standings: (team, total, members, best member and points).
type TeamTotal = (usize, u64, u64, Option<(u64, u32)>);

/// The teams' standings as a reveal and the podium list them, from each member's points.
fn standings(teams: &[Vec<u64>], points: &HashMap<u64, u32>) -> Vec<(usize, String)> {
    let mut lines: Vec<TeamTotal> = teams
        .iter()
        .enumerate()
        .map(|(i, members)| {
            let total: u64 = members.iter().map(|m| u64::from(points[m])).sum();
            let best = members
                .iter()
                .map(|m| (*m, points[m]))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .filter(|(_, p)| *p > 0);
            (i, total, members.len() as u64, best)
        })
        .collect();
    // By mean, exactly; equal means keep the teams' order.
    lines.sort_by(|a, b| {
        (u128::from(b.1) * u128::from(a.2)).cmp(&(u128::from(a.1) * u128::from(b.2)))
    });
    let mut out = Vec::new();
    let mut rank = 0;
    for (k, (team, total, n, best)) in lines.iter().enumerate() {
        let tied = k > 0 && {
            let (_, pt, pn, _) = lines[k - 1];
            u128::from(pt) * u128::from(*n) == u128::from(*total) * u128::from(pn)
        };
        if !tied {
            rank = k + 1;
        }
        let mut line = format!(
            "{rank}. {} — {} ({n} members)",
            NAMES[*team],
            mean_text(*total, *n)
        );
        if let Some((m, p)) = best {
            line.push_str(&format!(" · best: <@{m}> ({p})"));
        }
        out.push((rank, line));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forty_members_in_four_teams_are_ranked_by_their_teams_mean() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let options = Options::default();
    let seed = options.quiz_seed.expect("a fixed seed");
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let key = answer_key(
        &StartArgs {
            questions: Some(3),
            scoring: Some(Scoring::Flat),
            streaks: Some(false),
            teams: Some(Teams::Four),
            ..StartArgs::default()
        },
        seed,
    );
    assert_eq!(key.len(), 3);

    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(3)),
            opt("mode", json!(1)),
            opt("scoring", json!(1)),
            opt("streaks", json!(false)),
            opt("seconds", json!(120)),
            opt("teams", json!(2))
        ]),
    )
    .await;
    assert!(
        started
            .to_string()
            .contains("open the first question with /quiz next"),
        "{started}"
    );

    // The round's first message: the teams, a join button per team.
    let posts = wait_posts(&fake, 1).await;
    assert_eq!(title(&posts[0]), "Teams");
    let joins = buttons(&posts[0].body, "aura:quiz-team:");
    let labels: Vec<&str> = joins.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, NAMES);
    for (id, _) in &joins {
        assert!(id.len() <= 100, "{id}");
    }

    let members: Vec<u64> = (0..40).map(|i| 30_000 + i).collect();
    // Thirty pick: Red 12, Blue 8, Green 6, Yellow 4. The first switches from Blue to Red
    // before the first question; the second presses Red twice.
    let mut teams: Vec<Vec<u64>> = vec![Vec::new(); 4];
    let picked = |i: usize| match i {
        0..12 => 0,
        12..20 => 1,
        20..26 => 2,
        _ => 3,
    };
    let first = press(&fake, members[0], "en-US", &joins[1].0).await;
    assert!(
        first.to_string().contains("You play for 🔵 Blue"),
        "{first}"
    );
    let switched = press(&fake, members[0], "en-US", &joins[0].0).await;
    assert!(
        switched.to_string().contains("You play for 🔴 Red"),
        "{switched}"
    );
    let clicks = members[1..30].iter().enumerate().map(|(i, &m)| {
        let id = joins[picked(i + 1)].0.clone();
        let fake = fake.clone();
        async move { press(&fake, m, "en-US", &id).await }
    });
    for body in futures::future::join_all(clicks).await {
        assert!(body.to_string().contains("You play for"), "{body}");
    }
    let again = press(&fake, members[1], "en-US", &joins[0].0).await;
    assert!(again.to_string().contains("already in 🔴 Red"), "{again}");
    for (i, &m) in members[..30].iter().enumerate() {
        teams[picked(i)].push(m);
    }

    // The teacher opens the first question: the teams are set, the buttons gone.
    teacher_quiz(&fake, "next", json!([])).await;
    let posts = wait_posts(&fake, 2).await;
    // Post 0 is the teams message; each question and its reveal follow.
    let mut seen = 1;
    let set = posts[0].edits.last().expect("the teams message, set");
    assert!(buttons(set, "aura:").is_empty(), "{set}");
    assert!(set.to_string().contains("The teams are set"), "{set}");
    assert!(set.to_string().contains("<@30000>"), "{set}");

    let mut points: HashMap<u64, u32> = members.iter().map(|m| (*m, 0)).collect();
    // How many in each team answer right at each question: Red 9 of 12, Blue 5 of 10,
    // Green 3 of 9, Yellow 7 of 9 (Yellow's mean beats Red's with a smaller total).
    let right = [9usize, 5, 3, 7];
    for (q, &(correct, choices)) in key.iter().enumerate() {
        let number = q + 1;
        let question = posts_at(&fake, seen).await;
        assert!(title(&question).contains(&format!("Question {number} of 3")));
        let answers = buttons(&question.body, "aura:quiz:");
        assert_eq!(answers.len(), choices);
        // Who answers what: the j-th member of a team (in joining order) is right when
        // (j + q) mod size < right[team]. Dealt members are not known yet at question 1: they
        // are the ten who never pressed a team button.
        let choice_of = |teams: &Vec<Vec<u64>>, m: u64| -> usize {
            let (t, j) = teams
                .iter()
                .enumerate()
                .find_map(|(t, list)| list.iter().position(|x| *x == m).map(|j| (t, j)))
                .expect("in a team");
            if (j + q) % teams[t].len() < right[t] {
                correct
            } else {
                (correct + 1) % choices
            }
        };
        if number == 1 {
            // The ten who did not pick answer one after another: each is dealt into the
            // smallest team at that moment (ties: the first in order).
            let expected_deal = [3, 3, 2, 3, 2, 3, 1, 2, 3, 1];
            for (k, &m) in members[30..].iter().enumerate() {
                let t = expected_deal[k];
                teams[t].push(m);
                let body = press(&fake, m, "en-US", &answers[choice_of(&teams, m)].0).await;
                assert!(body.to_string().contains("Locked in"), "{body}");
                assert!(
                    body.to_string()
                        .contains(&format!("You play for {}", NAMES[t])),
                    "member {m}: {body}"
                );
            }
            let sizes: Vec<usize> = teams.iter().map(Vec::len).collect();
            assert_eq!(
                sizes,
                [12, 10, 9, 9],
                "Blue, Green and Yellow were filled up"
            );
            // Switching now is refused, politely and privately, in the member's language.
            let stay = press(&fake, members[0], "en-US", &joins[1].0).await;
            assert!(stay.to_string().contains("you stay in 🔴 Red"), "{stay}");
            let tetap = press(&fake, members[2], "id", &joins[3].0).await;
            assert!(
                tetap.to_string().contains("tetap di tim 🔴 Merah"),
                "{tetap}"
            );
        }
        let rest: Vec<u64> = if number == 1 {
            members[..30].to_vec()
        } else {
            members.clone()
        };
        let clicks = rest.iter().map(|&m| {
            let id = answers[choice_of(&teams, m)].0.clone();
            let fake = fake.clone();
            async move { press(&fake, m, "en-US", &id).await }
        });
        for body in futures::future::join_all(clicks).await {
            assert!(body.to_string().contains("Locked in"), "{body}");
        }
        for &m in &members {
            if choice_of(&teams, m) == correct {
                *points.get_mut(&m).expect("member") += 1000;
            }
        }

        teacher_quiz(&fake, "reveal", json!([])).await;
        let reveal = posts_at(&fake, seen + 1).await;
        seen += 2;
        let shown = title(&reveal);
        let label = &answers[correct].1;
        assert!(
            shown.contains(&format!(": {label} —")) || shown.ends_with(&format!(": {label}")),
            "the round's key matches the reveal: {shown}"
        );
        let expected: Vec<String> = standings(&teams, &points)
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(field(&reveal.body, "Teams"), expected.join("\n"));
        if number < 3 {
            teacher_quiz(&fake, "next", json!([])).await;
        }
    }

    // Team means after three questions: Yellow 7000/3 per member beats Red's 2250 though
    // Red's total (27000) is bigger than Yellow's (21000).
    let totals: Vec<u64> = teams
        .iter()
        .map(|t| t.iter().map(|m| u64::from(points[m])).sum())
        .collect();
    assert_eq!(totals, [27_000, 15_000, 9_000, 21_000]);
    let end = posts_at(&fake, seen).await;
    assert!(title(&end).contains("over"), "{}", title(&end));
    let podium = field(&end.body, "Teams");
    let expected = standings(&teams, &points);
    assert_eq!(
        expected[0].1,
        format!(
            "1. 🟡 Yellow — 2333.3 (9 members) · best: <@{}> (3000)",
            30_026
        )
    );
    let medals = ["🥇", "🥈", "🥉", "▫️"];
    let lines: Vec<String> = expected
        .iter()
        .map(|(rank, l)| format!("{} {l}", medals[rank - 1]))
        .collect();
    assert_eq!(podium, lines.join("\n"));
    // Each team's best player is named on the podium.
    for members in &teams {
        let best = members
            .iter()
            .max_by(|a, b| points[a].cmp(&points[b]).then(b.cmp(a)))
            .expect("a member");
        assert!(podium.contains(&format!("<@{best}>")), "{podium}");
    }
    assert!(
        end.body["embeds"][0]["description"]
            .as_str()
            .unwrap_or("")
            .starts_with("🟡 Yellow wins the round!"),
        "{}",
        end.body
    );

    // Nothing Aura posted or edited can ping anyone.
    for p in fake.posted_in(CHANNEL_ID) {
        assert_eq!(p.body["allowed_mentions"]["parse"], json!([]), "{}", p.body);
        for e in &p.edits {
            if !e["allowed_mentions"].is_null() {
                assert_eq!(e["allowed_mentions"]["parse"], json!([]), "{e}");
            }
        }
    }

    // The report names each answer's team; the board keeps individual points.
    teacher_quiz(&fake, "report", json!([])).await;
    let files = fake.attachments();
    let (_, _, csv) = files.last().expect("a CSV attachment");
    let csv = String::from_utf8_lossy(csv).to_string();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("member,member_id,question,question_id,answer,correct,time_ms,points,team")
    );
    let team_of: HashMap<u64, usize> = teams
        .iter()
        .enumerate()
        .flat_map(|(t, list)| list.iter().map(move |m| (*m, t)))
        .collect();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 120);
    for row in rows {
        let cols: Vec<&str> = row.split(',').collect();
        let member: u64 = cols[1].parse().expect("member id");
        assert_eq!(cols[8], SLUGS[team_of[&member]], "{row}");
    }
    let best = members
        .iter()
        .max_by(|a, b| points[a].cmp(&points[b]).then(b.cmp(a)))
        .copied()
        .expect("a member");
    let me = quiz(&bot.fake, best, MEMBER, "me", json!([])).await;
    assert!(
        me.to_string()
            .contains(&format!("{} points", points[&best])),
        "{me}"
    );
    bot.stop().await;
}

/// The channel's post number `n` (from 0), once it is there.
async fn posts_at(fake: &FakeDiscord, n: usize) -> Posted {
    wait_posts(fake, n + 1).await[n].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn benjamin_against_adorno_picks_for_a_while_then_deals_latecomers() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let started = teacher_quiz(
        &fake,
        "start",
        json!([opt("teams", json!(3)), opt("seconds", json!(60))]),
    )
    .await;
    assert!(
        started.to_string().contains("Teams: members pick"),
        "{started}"
    );
    let posts = wait_posts(&fake, 1).await;
    let joins = buttons(&posts[0].body, "aura:quiz-team:");
    let labels: Vec<&str> = joins.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(labels, ["🟡 Benjamin", "🔵 Adorno"]);
    // Auto mode: the first question's time is shown as a countdown.
    assert!(
        posts[0].body.to_string().contains("<t:"),
        "{}",
        posts[0].body
    );

    let joined = press(&fake, 1, "id", &joins[0].0).await;
    assert!(joined.to_string().contains("tim 🟡 Benjamin"), "{joined}");
    press(&fake, 2, "en-US", &joins[1].0).await;
    press(&fake, 3, "en-US", &joins[1].0).await;

    // The picking time ends by itself and the first question comes.
    let question = posts_at(&fake, 1).await;
    assert!(
        title(&question).contains("Question 1"),
        "{}",
        title(&question)
    );
    let stay = press(&fake, 1, "en-US", &joins[1].0).await;
    assert!(
        stay.to_string().contains("you stay in 🟡 Benjamin"),
        "{stay}"
    );
    // A latecomer pressing Adorno is dealt into the smaller team.
    let dealt = press(&fake, 4, "en-US", &joins[1].0).await;
    assert!(
        dealt.to_string().contains("you play for 🟡 Benjamin"),
        "{dealt}"
    );
    teacher_quiz(&fake, "stop", json!([])).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("The round was stopped"))
    })
    .await;
    let posts = fake.posted_in(CHANNEL_ID);
    let end = posts.last().expect("the end card");
    let podium = field(&end.body, "Teams");
    assert!(podium.contains("🟡 Benjamin — 0 (2 members)"), "{podium}");
    assert!(podium.contains("🔵 Adorno — 0 (2 members)"), "{podium}");
    let set = posts[0].edits.last().expect("the teams, set");
    assert!(buttons(set, "aura:").is_empty(), "{set}");
    bot.stop().await;
}
