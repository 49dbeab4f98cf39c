//! Homework's command and clicks as plain functions: `/quiz assign` (questions drawn once,
//! the assignment message posted through the outbox), the Start button and the answer buttons
//! of a member's private attempt (`/quiz assignments` is in [`super::steer`]). Every click answers its own interaction (a new private message for Start,
//! the clicked private message replaced for an answer), so no reply waits on an old token.

use super::attempt::{self, Click, Rules, Start};
use super::due::{self, DueError};
use super::{Assignment, MAX_LIMIT, MAX_QUESTIONS, MIN_LIMIT, pick};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::outbox::Message;
use crate::pack::Lang;
use crate::pack::QuizQuestion;
use crate::quiz::AnswerRow;
use crate::quiz::plan::{self, StartArgs};
use crate::quiz::scoring::{self, MAX_POINTS, Scoring};
use crate::quiz::view::homework::{self as cards, Feedback, option};
use crate::reply::Reply;
use crate::services::{Error, Services};

/// `/quiz assign`'s options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AssignArgs {
    /// Questions, topic, section and difficulty (the other start options do not apply).
    pub start: StartArgs,
    /// The due time as the teacher typed it.
    pub due: String,
    pub timezone: Option<String>,
    /// Seconds per question.
    pub time_limit: Option<u32>,
    /// The role the reminders ping (none: they mention nobody).
    pub ping: Option<u64>,
}

/// The zone a due time is read in: the one given, else the server's daily-post zone, else UTC.
pub async fn zone_for(
    s: &Services,
    guild: u64,
    given: Option<&str>,
) -> Result<Result<(jiff::tz::TimeZone, String), DueError>, Error> {
    if let Some(name) = given.map(str::trim).filter(|n| !n.is_empty()) {
        return Ok(due::zone(name).map(|z| (z, name.to_string())));
    }
    let schedules = s.store.schedules(Some(guild)).await?;
    for schedule in schedules {
        if let Ok(z) = due::zone(&schedule.zone) {
            return Ok(Ok((z, schedule.zone)));
        }
    }
    Ok(Ok((jiff::tz::TimeZone::UTC, "UTC".into())))
}

/// `/quiz assign`: checks the options, draws the questions once, stores the assignment and
/// posts its message in the channel; the teacher is told privately.
pub async fn assign(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    args: &AssignArgs,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    if let Some(refusal) = inv.bot_refusal() {
        return Ok(Outcome::Reply(refusal));
    }
    let bounded = [
        ("questions", args.start.questions, 1, MAX_QUESTIONS as u32),
        ("time_limit", args.time_limit, MIN_LIMIT, MAX_LIMIT),
    ];
    for (key, given, low, high) in bounded {
        if let Some(n) = given.filter(|n| !(low..=high).contains(n)) {
            let name = option("assign", key, lang);
            let allowed = format!("{low}–{high}");
            let bad = crate::cards::bad_option(lang, &name, &n.to_string(), &allowed);
            return Ok(Outcome::Reply(bad));
        }
    }
    let (tz, zone) = match zone_for(s, guild, args.timezone.as_deref()).await? {
        Ok(z) => z,
        Err(e) => return Ok(cards::due_notice(e, "assign", &args.due, lang).into()),
    };
    let now = s.clock.unix();
    let due_at = match due::parse(&args.due, &tz, s.clock.now()) {
        Ok(at) => at.as_second(),
        Err(e) => return Ok(cards::due_notice(e, "assign", &args.due, lang).into()),
    };
    // The reminders may ping a role, never everyone (the server's own id names @everyone).
    if args.ping == Some(guild) {
        return Ok(Outcome::notice(t(lang, "homework-ping-everyone")));
    }
    let (plan, seed) = match plan::seeded(s, (lang, guild), &args.start, 2).await? {
        Ok(planned) => planned,
        Err(notice) => return Ok(Outcome::Reply(*notice)),
    };
    let Some(questions) = pick(&s.core, &plan, seed) else {
        return Ok(Outcome::notice(t(lang, "quiz-no-questions")));
    };
    // Its card, reminders and results in the server's shared posts' language (or both).
    let posts = crate::language::posts::of(s, Some(guild)).await;
    let (post_lang, bilingual) = posts.resolve(None, None, lang);
    let mut a = Assignment {
        id: inv.id,
        guild,
        number: 0,
        channel: inv.channel,
        message: None,
        teacher: inv.user,
        lang: post_lang,
        pack: plan.pack,
        questions,
        time_limit: args.time_limit,
        created_at: now,
        due_at,
        zone,
        closed_at: None,
        closed_by: None,
        ping_role: args.ping,
        flat: flat_scoring(s, guild, &args.start).await?,
        bilingual,
    };
    let max = s.pace.limits.open_homework;
    let Some(number) = s.store.create_homework(&a, max).await? else {
        let text = tr(lang, "limit-homework", &[("max", &(max as usize))]);
        return Ok(Outcome::Reply(Reply::notice(text)));
    };
    a.number = number;
    let posted = s
        .outbox
        .post(
            a.channel,
            &Message::from(cards::in_both(&a, |lang| cards::assignment_card(&a, lang))),
        )
        .await;
    let message = match posted {
        Ok(m) => m,
        Err(e) => {
            // Nothing to start from: the assignment is forgotten, the teacher told.
            s.store.drop_homework(a.id).await?;
            return Err(e.into());
        }
    };
    s.store.set_homework_message(a.id, message).await?;
    tracing::info!(homework = a.id, guild, due_at, "homework assigned");
    Ok(Outcome::Reply(Reply::private(tr(
        lang,
        "homework-posted",
        &[
            ("number", &(a.number as usize)),
            ("questions", &a.questions.len()),
            ("due", &cards::full(due_at)),
            ("zone", &a.zone),
        ],
    ))))
}

/// The assignment a member's click names, as they have it (see [`as_member`]), with its rules
/// for them and the server's own questions it may ask; `None` when it is gone or in another
/// server than the click.
async fn clicked(
    s: &Services,
    inv: &Invocation,
    id: u64,
) -> Result<Option<(Assignment, Rules, std::sync::Arc<crate::course::own::Own>)>, Error> {
    let Some(a) = s
        .store
        .homework(id)
        .await?
        .filter(|a| inv.guild == Some(a.guild))
    else {
        return Ok(None);
    };
    let (a, rules) = as_member(s, a, inv.user).await?;
    let own = super::own_questions(s, &a).await;
    Ok(Some((a, rules, own)))
}

fn closed_notice(a: &Assignment, lang: Lang) -> Outcome {
    let closed = a.closed_at.unwrap_or(a.due_at);
    Outcome::notice(tr(
        lang,
        "homework-closed-notice",
        &[
            ("number", &(a.number as usize)),
            ("closed", &cards::full(closed)),
        ],
    ))
}

/// Question `number` of a member's attempt, shown at `shown_at`.
fn question(
    s: &Services,
    (a, own, rules): (&Assignment, &[QuizQuestion], &Rules),
    number: u32,
    shown_at: i64,
    feedback: Option<(Feedback, u32)>,
    lang: Lang,
) -> Option<Reply> {
    let (q, shown) = a.question((&s.core, own), number)?;
    let by = rules.answer_by(shown_at);
    Some(cards::question_card(
        a, q, &shown, number, by, feedback, lang,
    ))
}

/// Whether a new assignment scores flat: as the teacher named (`scoring:`), else as the server's
/// default, else flat (homework is a class's work, done at each member's pace).
async fn flat_scoring(s: &Services, guild: u64, start: &StartArgs) -> Result<bool, Error> {
    Ok(match start.scoring {
        Some(scoring) => scoring == Scoring::Flat,
        None => s.store.quiz_settings(guild).await?.flat.unwrap_or(true),
    })
}

/// The points of an answer taken `taken_secs` after its question was shown: none when wrong;
/// the question's full points (1,000 unless a teacher set its own) when the assignment scores
/// flat or has no time limit; else half to all of them, more the faster within the member's
/// own limit (their extra time counts: 30 s of 45 earns what 20 s of 30 earns).
fn points(rules: &Rules, flat: bool, correct: bool, taken_secs: i64, own: Option<u32>) -> u32 {
    let full = own.unwrap_or(MAX_POINTS);
    match (correct, flat, rules.time_limit) {
        (false, _, _) => 0,
        (true, true, _) | (true, false, None) => full,
        (true, false, Some(limit)) => {
            let taken = std::time::Duration::from_secs(u64::try_from(taken_secs).unwrap_or(0));
            let allowed = std::time::Duration::from_secs(u64::from(limit));
            let speed = scoring::points(Scoring::Speed, true, taken, allowed, 0, false);
            u32::try_from(u64::from(full) * u64::from(speed) / u64::from(MAX_POINTS))
                .unwrap_or(full)
        }
    }
}

/// The assignment as `user` has it: due at the later of the class's due time and their own (a
/// teacher may give one member more), and its rules with the extra time per question a teacher
/// gave them in that server.
async fn as_member(s: &Services, a: Assignment, user: u64) -> Result<(Assignment, Rules), Error> {
    let (percent, own_due) = s.store.member_terms(&a, user).await?;
    let a = Assignment {
        due_at: own_due.map_or(a.due_at, |due| due.max(a.due_at)),
        ..a
    };
    let rules = a.rules().for_member(percent);
    Ok((a, rules))
}

/// The member's result after their last question.
async fn finished(
    s: &Services,
    a: &Assignment,
    user: u64,
    feedback: Option<(Feedback, u32)>,
    lang: Lang,
) -> Result<Reply, Error> {
    let score = match s.store.homework_attempt(a.id, user).await? {
        Some(attempt) => s.store.attempt_score(attempt.round).await?,
        None => 0,
    };
    Ok(cards::finished_card(a, score, feedback, lang))
}

/// The Start button: a first attempt begins privately; a second click resumes an unfinished
/// attempt or says, politely, that it is done; after closing, a polite refusal.
pub async fn start(s: &Services, inv: &Invocation, id: u64) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some((a, rules, own)) = clicked(s, inv, id).await? else {
        return Ok(Outcome::notice(t(lang, "error-stale-button")));
    };
    let now = s.clock.unix();
    let mut mine = s.store.homework_attempt(a.id, inv.user).await?;
    if mine.is_none() && attempt::on_start(&rules, None, now) == Start::Begin {
        // The click's id is the attempt's round. A double click finds the attempt begun.
        if s.store.begin_attempt(&a, inv.id, inv.user, now).await? {
            tracing::debug!(homework = a.id, "homework attempt begun");
        }
        mine = s.store.homework_attempt(a.id, inv.user).await?;
    }
    let progress = mine.map(|m| m.progress);
    let reply = match attempt::on_start(&rules, progress.as_ref(), now) {
        Start::Closed => return Ok(closed_notice(&a, lang)),
        Start::Begin => return Ok(closed_notice(&a, lang)),
        Start::Done => {
            let score = match mine {
                Some(m) => s.store.attempt_score(m.round).await?,
                None => 0,
            };
            return Ok(Outcome::notice(tr(
                lang,
                "homework-done-already",
                &[
                    ("number", &(a.number as usize)),
                    ("score", &(score as usize)),
                    ("total", &a.questions.len()),
                ],
            )));
        }
        Start::Resume { number } => {
            let shown_at = progress.map_or(now, |p| p.shown_at);
            question(s, (&a, &own.asked, &rules), number, shown_at, None, lang)
        }
        Start::Expired { number, last } => {
            s.store
                .advance_attempt(&a, inv.user, number, None, &inv.name, now)
                .await?;
            let missed = Some((Feedback::Missed, number));
            if last {
                Some(finished(s, &a, inv.user, missed, lang).await?)
            } else {
                question(s, (&a, &own.asked, &rules), number + 1, now, missed, lang)
            }
        }
    };
    Ok(match reply {
        Some(reply) => Outcome::Reply(reply),
        None => Outcome::notice(t(lang, "homework-gone")),
    })
}

/// An answer button of a member's private question: stored (if in time) and the next
/// question shown in its place, or the attempt's end.
pub async fn answer(
    s: &Services,
    inv: &Invocation,
    id: u64,
    number: usize,
    position: usize,
) -> Result<Outcome, Error> {
    answer_once(s, inv, id, number, position, true).await
}

async fn answer_once(
    s: &Services,
    inv: &Invocation,
    id: u64,
    number: usize,
    position: usize,
    retry: bool,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some((a, rules, own)) = clicked(s, inv, id).await? else {
        return Ok(Outcome::notice(t(lang, "error-stale-button")));
    };
    let now = s.clock.unix();
    let number = u32::try_from(number).unwrap_or(u32::MAX);
    let mine = s.store.homework_attempt(a.id, inv.user).await?;
    let progress = mine.map(|m| m.progress);
    match attempt::on_answer(&rules, progress.as_ref(), number, now) {
        Click::NotStarted => Ok(Outcome::notice(t(lang, "homework-not-started"))),
        Click::Closed => Ok(Outcome::Update(Reply::private(tr(
            lang,
            "homework-closed-answer",
            &[("number", &(a.number as usize))],
        )))),
        Click::Done => Ok(Outcome::Update(
            finished(s, &a, inv.user, None, lang).await?,
        )),
        Click::Stale { current } => {
            let shown_at = progress.map_or(now, |p| p.shown_at);
            let stale = Some((Feedback::Stale, number));
            Ok(in_place(
                question(s, (&a, &own.asked, &rules), current, shown_at, stale, lang),
                lang,
            ))
        }
        Click::Take {
            number,
            in_time,
            taken_secs,
            last,
        } => {
            let Some((q, shown)) = a.question((&s.core, &own.asked), number) else {
                return Ok(Outcome::notice(t(lang, "homework-gone")));
            };
            let Some(chosen) = shown.authored(position) else {
                return Ok(Outcome::notice(t(lang, "error-stale-button")));
            };
            let correct = chosen == q.correct;
            let row = AnswerRow {
                question_no: number,
                question_id: q.id.clone(),
                user_id: inv.user,
                choice: position as u32,
                correct,
                taken_ms: u64::try_from(taken_secs).unwrap_or(0) * 1000,
                points: points(&rules, a.flat, correct, taken_secs, q.points),
                answered_at: now,
                picked: u32::try_from(chosen).ok(),
                display_name: (!inv.name.is_empty()).then(|| inv.name.clone()),
                ..AnswerRow::default()
            };
            let stored = s
                .store
                .advance_attempt(
                    &a,
                    inv.user,
                    number,
                    in_time.then_some(&row),
                    &inv.name,
                    now,
                )
                .await?;
            if !stored {
                // A second click raced this one, or the assignment closed meanwhile: answered
                // as the attempt now stands.
                if retry {
                    return Box::pin(answer_once(s, inv, id, number as usize, position, false))
                        .await;
                }
                return Ok(Outcome::notice(t(lang, "error-stale-button")));
            }
            let feedback = Some((
                match (in_time, correct) {
                    (false, _) => Feedback::Missed,
                    (true, true) => Feedback::Right,
                    (true, false) => Feedback::Wrong,
                },
                number,
            ));
            if last {
                return Ok(Outcome::Update(
                    finished(s, &a, inv.user, feedback, lang).await?,
                ));
            }
            Ok(in_place(
                question(s, (&a, &own.asked, &rules), number + 1, now, feedback, lang),
                lang,
            ))
        }
    }
}

/// The clicked private message replaced by `reply`; a notice when the question is gone from
/// the pack.
fn in_place(reply: Option<Reply>, lang: Lang) -> Outcome {
    match reply {
        Some(reply) => Outcome::Update(reply),
        None => Outcome::notice(t(lang, "homework-gone")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(time_limit: Option<u32>) -> Rules {
        Rules {
            total: 3,
            time_limit,
            due_at: 1_000,
            closed: false,
        }
    }

    #[test]
    fn homework_scores_flat_or_by_speed_within_the_members_own_limit() {
        // Flat: the full points however long it took; a teacher's question its own.
        assert_eq!(points(&rules(Some(30)), true, true, 29, None), 1_000);
        assert_eq!(points(&rules(Some(30)), true, true, 2, Some(400)), 400);
        assert_eq!(points(&rules(Some(30)), true, false, 2, None), 0);
        // Speed: 1,000 at once, 750 at half the limit, 500 at the bell.
        assert_eq!(points(&rules(Some(30)), false, true, 0, None), 1_000);
        assert_eq!(points(&rules(Some(30)), false, true, 15, None), 750);
        assert_eq!(points(&rules(Some(30)), false, true, 30, None), 500);
        assert_eq!(points(&rules(Some(30)), false, true, 15, Some(400)), 300);
        // Extra time counts: 30 s of one and a half times 30 earns what 20 s of 30 earns.
        let extra = rules(Some(30)).for_member(150);
        assert_eq!(
            points(&extra, false, true, 30, None),
            points(&rules(Some(30)), false, true, 20, None)
        );
        // No limit: speed has no meaning, so flat.
        assert_eq!(points(&rules(None), false, true, 500, None), 1_000);
    }
}
