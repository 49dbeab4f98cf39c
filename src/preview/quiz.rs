//! What `aura preview` shows for the quiz's commands, with no database behind it: a round's
//! first question or teams message, an assignment, a new member's first practice question and
//! a sample class's insights.

use crate::catalog::Request;
use crate::core::Core;
use crate::i18n::t;
use crate::pack::Lang;
use crate::quiz::Period;
use crate::quiz::homework::{Assignment, MAX_LIMIT, MIN_LIMIT, due, pick};
use crate::quiz::plan::{Mode, StartArgs, plan};
use crate::quiz::practice::{RUN, Scope, shown};
use crate::quiz::view::homework::{assignment_card, due_notice, option};
use crate::quiz::view::{
    JoinStage, Stage, Step, insights_card, practice_question, question_card, teams_card,
};
use crate::reply::Reply;

/// What `aura preview '/quiz start …'` shows: the round's first question (the teams message,
/// for a team round).
pub fn start(core: &Core, lang: Lang, req: &Request, seed: u64) -> Reply {
    let plan = match StartArgs::from_request(req, lang).and_then(|args| plan(core, lang, &args, 2))
    {
        Ok(plan) => plan,
        Err(notice) => return *notice,
    };
    let Some(mut round) = plan.round(core, seed) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    // A team round opens with its teams message.
    if let Some(roster) = round.roster() {
        let first = match plan.mode {
            Mode::Auto => Some(
                crate::clock::unix_now()
                    + crate::quiz::Tuning::default().join_time.as_secs() as i64,
            ),
            Mode::Teacher => None,
        };
        return teams_card(
            roster.teams(),
            &roster.members(),
            0,
            JoinStage::Open { first },
            lang,
        );
    }
    let now = std::time::Instant::now();
    match round.open_next(now) {
        Some(view) => {
            let closes = crate::clock::unix_now() + i64::from(plan.settings.seconds);
            question_card(&view, lang, 0, 0, Stage::Open { closes })
        }
        None => Reply::notice(t(lang, "quiz-no-questions")),
    }
}

/// What `aura preview '/quiz assign due:…'` shows: the assignment message the class would see
/// (due in the zone given, else UTC), its questions drawn with `seed`.
pub fn assign(core: &Core, lang: Lang, req: &Request, seed: u64) -> Reply {
    let args = match StartArgs::from_request(req, lang) {
        Ok(args) => args,
        Err(notice) => return *notice,
    };
    let limit = match req.get("time_limit").map(|v| (v, v.trim().parse::<u32>())) {
        None => None,
        Some((_, Ok(n))) if (MIN_LIMIT..=MAX_LIMIT).contains(&n) => Some(n),
        Some((v, _)) => {
            let name = option("assign", "time_limit", lang);
            let allowed = format!("{MIN_LIMIT}–{MAX_LIMIT}");
            return crate::cards::bad_option(lang, &name, v, &allowed);
        }
    };
    let given = req.get("due").unwrap_or("");
    let zone = req.get("timezone").unwrap_or("UTC");
    let now = crate::clock::unix_now();
    let due_at = due::zone(zone).and_then(|tz| {
        let now = jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        due::parse(given, &tz, now)
    });
    let due_at = match due_at {
        Ok(at) => at.as_second(),
        Err(e) => return due_notice(e, "assign", given, lang),
    };
    let plan = match plan(core, lang, &args, 2) {
        Ok(plan) => plan,
        Err(notice) => return *notice,
    };
    let Some(questions) = pick(core, &plan, seed) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let a = Assignment {
        id: 1,
        guild: 1,
        number: 1,
        channel: 1,
        message: None,
        teacher: 1,
        lang,
        pack: plan.pack,
        questions,
        time_limit: limit,
        created_at: now,
        due_at,
        zone: zone.to_string(),
        closed_at: None,
        closed_by: None,
        ping_role: None,
        // As the teacher named, else flat (a preview has no server setting).
        flat: args.scoring != Some(crate::quiz::Scoring::Speed),
        bilingual: false,
    };
    assignment_card(&a, lang)
}

/// What `aura preview '/quiz practice [topic]'` shows: the first question a member who has
/// answered nothing yet would get (no database behind a preview).
pub fn practice(core: &Core, lang: crate::pack::Lang, topic: Option<&str>) -> Reply {
    let scope = match topic.filter(|t| !t.trim().is_empty()) {
        Some(topic) => {
            let args = StartArgs {
                topic: Some(topic.to_string()),
                ..StartArgs::default()
            };
            match plan(core, lang, &args, 2) {
                Ok(plan) => {
                    let code = match &plan.settings.concept {
                        Some(c) => format!("{}:{c}", plan.pack),
                        None => plan.pack.clone(),
                    };
                    Scope::of(core, &[], Some(code.as_str()))
                }
                Err(notice) => return *notice,
            }
        }
        None => Scope::of(core, &[], None),
    };
    let Some(scope) = scope else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let pool = scope.pool(1, (&Default::default(), &[]));
    let Some(first) = pool.first().and_then(|id| scope.question(id)) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let step = Step {
        run: 1,
        number: 1,
        total: pool.len().min(RUN),
    };
    practice_question(first, &shown(1, 1, first), step, None, lang)
}

/// What `aura preview '/quiz insights'` shows: the card for a sample class of twelve (no
/// database behind a preview), so authors see the layout, the chart and the menu.
pub fn insights(core: &crate::core::Core, lang: Lang) -> Reply {
    use crate::quiz::insights::{Tally, compute};
    let Some(pack) = core.library.packs.first() else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let mut tallies = Vec::new();
    let written = |tf: bool| {
        pack.questions
            .iter()
            .filter(move |q| !q.generated && q.true_false == tf)
    };
    for (i, q) in written(false)
        .take(5)
        .chain(written(true).take(3))
        .enumerate()
    {
        let n = q.choices.len().max(1);
        let right = (i as u64 * 5) % 11 + 1;
        let wrong = 12 - right;
        let tally = |picked: usize, correct: bool, count: u64| Tally {
            question: q.id.clone(),
            picked: u32::try_from(picked).ok(),
            correct,
            count,
        };
        tallies.push(tally(q.correct, true, right));
        tallies.push(tally((q.correct + 1) % n, false, wrong - wrong / 3));
        tallies.push(tally((q.correct + n - 1) % n, false, wrong / 3));
    }
    let found = compute(&pack.questions, &tallies);
    let mut card = insights_card(pack, &found, Period::Term, None, lang);
    card.footer = Some(t(lang, "quiz-insights-sample"));
    card
}
