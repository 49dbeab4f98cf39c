//! `/quiz practice [topic]`: a member's private run of questions chosen by spaced repetition
//! ([`leitner`](super::leitner)) from every answer they gave in the server. A run is a round of
//! kind 'practice' and its answers are of kind 'practice', so they feed the boxes in turn.
//!
//! Nothing of a run is kept in memory: each answer button carries the run, the question's
//! number, the question and the chosen answer; the click stores the answer and replaces the
//! private message with the right answer, its explanation and the next question, chosen then
//! from the stored answers. So each click answers its own interaction (no 15-minute token to
//! outlive) and a restart loses nothing.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::AnswerRow;
use super::asked::Shown;
use super::leitner::{self, Card};
pub use super::model::Run;
use crate::core::Core;
use crate::course::model::{Hidden, ItemKind};
use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::pack::{Pack, QuizQuestion};
use crate::quiz::plan::StartArgs;
use crate::quiz::view::{self as cards, Step};
use crate::reply::Reply;
use crate::services::{Error, Services};

/// Questions in a run.
pub const RUN: usize = 5;

/// The questions a run draws from: a pack's, on one concept if given.
pub struct Scope<'a> {
    pack: &'a Pack,
    concept: Option<String>,
    /// The server's own questions (practised beside the pack's).
    own: &'a [QuizQuestion],
}

impl<'a> Scope<'a> {
    /// The scope of `topic` (`pack:concept`; none: the first pack), with the server's `own`
    /// questions.
    pub fn of(core: &'a Core, own: &'a [QuizQuestion], topic: Option<&str>) -> Option<Scope<'a>> {
        let (pack, concept) = match topic.map(|t| t.split_once(':').unwrap_or((t, ""))) {
            Some((pack, concept)) => (core.library.pack(pack)?, Some(concept)),
            None => (core.library.packs.first()?, None),
        };
        let concept = concept.filter(|c| !c.is_empty()).map(String::from);
        Some(Scope { pack, concept, own })
    }

    fn code(&self) -> String {
        match &self.concept {
            Some(c) => format!("{}:{c}", self.pack.id),
            None => self.pack.id.clone(),
        }
    }

    /// The scope's questions in a shuffled order (by `seed`), without those the server hides
    /// and, given `read` (the sections the class has read by its plan), on those sections.
    pub fn pool(&self, seed: u64, (hidden, read): (&Hidden, &[String])) -> Vec<&'a str> {
        let mut ids: Vec<&str> = self
            .pack
            .questions
            .iter()
            .chain(self.own)
            .filter(|q| self.concept.as_ref().is_none_or(|c| q.concepts.contains(c)))
            .filter(|q| !hidden.hides(ItemKind::Question, &self.pack.id, &q.id))
            .filter(|q| {
                read.is_empty()
                    || (q.by_teacher && q.section.is_none())
                    || q.section.as_ref().is_some_and(|s| read.contains(s))
            })
            .map(|q| q.id.as_str())
            .collect();
        ids.shuffle(&mut StdRng::seed_from_u64(seed));
        ids
    }

    pub fn question(&self, id: &str) -> Option<&'a QuizQuestion> {
        self.pack
            .questions
            .iter()
            .chain(self.own)
            .find(|q| q.id == id)
    }
}

/// How run `run` shows `q` as its question `number`: the choices in an order fixed by both.
pub fn shown(run: u64, number: usize, q: &QuizQuestion) -> Shown {
    Shown::seeded(q, run ^ (number as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// A member's cards in a server: the boxes kept, with the answers of running rounds on top.
async fn cards_of(
    s: &Services,
    guild: u64,
    user: u64,
) -> Result<std::collections::HashMap<String, Card>, Error> {
    let (kept, running) = s.store.practice_boxes(guild, user).await?;
    Ok(leitner::resume(&kept, &running))
}

/// What the server lets practice draw: the questions it hides and, when `by_plan` (no topic
/// asked), the sections its class has read by its reading plan (empty: all).
async fn reach(s: &Services, guild: u64, by_plan: bool) -> Result<(Hidden, Vec<String>), Error> {
    let hidden = s.store.hidden_items(guild).await?;
    let read = if by_plan {
        s.store
            .reading_plan(guild)
            .await?
            .read_so_far(s.clock.now())
    } else {
        Vec::new()
    };
    Ok((hidden, read))
}

/// How many questions of the server's first pack are due for a member now, and when the next
/// one not yet due comes due (for `/quiz me`).
pub async fn due(s: &Services, guild: u64, user: u64) -> Result<(usize, Option<i64>), Error> {
    let own = crate::course::own::of(s, guild).await?;
    let Some(scope) = Scope::of(&s.core, &own.questions, None) else {
        return Ok((0, None));
    };
    let boxes = cards_of(s, guild, user).await?;
    let (hidden, read) = reach(s, guild, true).await?;
    let pool = scope.pool(0, (&hidden, &read));
    Ok(leitner::due_summary(&boxes, &pool, s.clock.unix()))
}

/// `/quiz practice [topic]`: the run's first question, or when the next is due.
pub async fn start(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    topic: Option<String>,
) -> Result<Outcome, Error> {
    let (core, lang) = (&s.core, inv.lang);
    let topic = topic.filter(|t| !t.trim().is_empty());
    let by_plan = topic.is_none();
    let own = crate::course::own::of(s, guild).await?;
    let scope = match &topic {
        Some(_) => {
            let args = StartArgs {
                topic,
                ..StartArgs::default()
            };
            let plan = match crate::quiz::plan::plan(core, lang, &args, 2) {
                Ok(plan) => plan,
                Err(notice) => return Ok(Outcome::Reply(*notice)),
            };
            let code = match &plan.settings.concept {
                Some(c) => format!("{}:{c}", plan.pack),
                None => plan.pack.clone(),
            };
            Scope::of(core, &own.questions, Some(code.as_str()))
        }
        None => Scope::of(core, &own.questions, None),
    };
    let Some(scope) = scope else {
        return Ok(Outcome::Reply(Reply::notice(t(lang, "quiz-no-questions"))));
    };
    let now = s.clock.unix();
    let boxes = cards_of(s, guild, inv.user).await?;
    let (hidden, read) = reach(s, guild, by_plan).await?;
    let pool = scope.pool(inv.id, (&hidden, &read));
    let queue = leitner::queue(&boxes, &pool, &[], now);
    let Some(first) = queue.first().and_then(|id| scope.question(id)) else {
        let (_, next) = leitner::due_summary(&boxes, &pool, now);
        return Ok(Outcome::Reply(cards::practice_nothing_due(next, lang)));
    };
    let run = Run {
        guild,
        channel: inv.channel,
        user: inv.user,
        topic: Some(scope.code()),
        ended: false,
    };
    s.store.start_practice(&run, inv.id, now).await?;
    let step = Step {
        run: inv.id,
        number: 1,
        total: queue.len().min(RUN),
    };
    let shown = shown(inv.id, 1, first);
    Ok(Outcome::Reply(cards::practice_question(
        first, &shown, step, None, lang,
    )))
}

/// A click on a practice answer: stored, then the message shows the right answer and the next
/// question, or the run's summary after the last.
pub async fn answer(
    s: &Services,
    inv: &Invocation,
    run_id: u64,
    number: usize,
    question: &str,
    choice: usize,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let refuse = |key: &str| Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    let Some(run) = s.store.practice_run(run_id).await? else {
        return refuse("error-stale-button");
    };
    if inv.guild != Some(run.guild) {
        return refuse("error-stale-button");
    }
    if run.user != inv.user {
        return refuse("error-not-your-buttons");
    }
    let own = crate::course::own::of(s, run.guild).await?;
    let scope = Scope::of(&s.core, &own.asked, run.topic.as_deref());
    let found = scope
        .as_ref()
        .and_then(|sc| Some((sc, sc.question(question)?)));
    let Some((scope, q)) = found.filter(|(_, q)| choice < q.choices.len()) else {
        return refuse("error-stale-button");
    };
    if run.ended {
        return refuse("quiz-practice-over");
    }
    let now = s.clock.unix();
    let position = shown(run_id, number, q)
        .position_of(choice)
        .unwrap_or(choice);
    let row = AnswerRow {
        question_no: u32::try_from(number).unwrap_or(u32::MAX),
        question_id: q.id.clone(),
        user_id: inv.user,
        choice: u32::try_from(position).unwrap_or(0),
        correct: choice == q.correct,
        answered_at: now,
        picked: u32::try_from(choice).ok(),
        display_name: Some(inv.name.clone()),
        ..AnswerRow::default()
    };
    if !s
        .store
        .record_practice_answer(run_id, run.guild, &row)
        .await?
    {
        return refuse("quiz-practice-answered");
    }
    let feedback = cards::practice_feedback(scope.pack, q, choice, lang);
    let boxes = cards_of(s, run.guild, inv.user).await?;
    let asked = s.store.answers_of(run_id, inv.user).await?;
    let asked_ids: Vec<String> = asked.iter().map(|a| a.question_id.clone()).collect();
    let (hidden, read) = reach(
        s,
        run.guild,
        run.topic.as_deref() == Some(scope.pack.id.as_str()),
    )
    .await?;
    let pool = scope.pool(run_id, (&hidden, &read));
    let queue = leitner::queue(&boxes, &pool, &asked_ids, now);
    let next = queue.first().and_then(|id| scope.question(id));
    match next {
        Some(next) if asked.len() < RUN => {
            let step = Step {
                run: run_id,
                number: asked.len() + 1,
                total: (asked.len() + queue.len()).min(RUN),
            };
            let shown = shown(run_id, step.number, next);
            Ok(Outcome::Update(cards::practice_question(
                next,
                &shown,
                step,
                Some(feedback),
                lang,
            )))
        }
        _ => {
            s.store.end_round(run_id, "finished", now).await?;
            let lines: Vec<(&QuizQuestion, bool, Card)> = asked
                .iter()
                .filter_map(|a| {
                    let q = scope.question(&a.question_id)?;
                    Some((q, a.correct, *boxes.get(&a.question_id)?))
                })
                .collect();
            Ok(Outcome::Update(cards::practice_summary(
                &lines, feedback, now, lang,
            )))
        }
    }
}

/// The pack a run without a topic draws from.
pub fn first_pack(core: &Core) -> Option<&Pack> {
    core.library.packs.first()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Lang;

    #[test]
    fn a_run_shows_choices_in_a_fixed_order_per_question() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Core::load(&dir, Lang::En).expect("pack");
        let pack = first_pack(&core).expect("a pack");
        for q in &pack.questions {
            let o = shown(77, 2, q).order;
            assert_eq!(o, shown(77, 2, q).order);
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..q.choices.len()).collect::<Vec<_>>());
            if q.true_false {
                assert_eq!(o, vec![0, 1]);
            }
        }
    }

    /// The boxes the store keeps as rounds end are the boxes a replay of every answer gives,
    /// live rounds, homework and practice alike, with a round still running on top.
    #[tokio::test]
    async fn kept_boxes_are_the_replay_of_every_answer() {
        use crate::store::Store;
        use rand::{Rng, SeedableRng};
        for seed in 0..8u64 {
            let store = Store::in_memory().await.expect("store");
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let mut at = 1_000;
            for round in 1..=12u64 {
                let practice = rng.gen_bool(0.3);
                let mut rows = Vec::new();
                let mut asked: Vec<u32> = (1..=6).collect();
                asked.shuffle(&mut rng);
                for (n, q) in asked.iter().take(4).enumerate() {
                    for user in [5u64, 6] {
                        at += rng.gen_range(0..3);
                        let mut row = crate::quiz::model::answered(
                            n as u32 + 1,
                            user,
                            rng.gen_bool(0.6),
                            100,
                            at,
                        );
                        row.question_id = format!("q{q}");
                        rows.push(row);
                    }
                }
                if practice {
                    let run = Run {
                        guild: 10,
                        channel: 20,
                        user: 5,
                        topic: None,
                        ended: false,
                    };
                    store.start_practice(&run, round, at).await.expect("run");
                    for r in rows.iter().filter(|r| r.user_id == 5) {
                        store
                            .record_practice_answer(round, 10, r)
                            .await
                            .expect("answer");
                    }
                } else {
                    store
                        .start_round(round, 10, 20, 30, at)
                        .await
                        .expect("round");
                    store
                        .record_answers(round, 10, &rows)
                        .await
                        .expect("answers");
                    // The last round is still running.
                    if round < 12 {
                        store.end_round(round, "finished", at).await.expect("end");
                    }
                }
            }
            for user in [5u64, 6] {
                let history = store.answer_history(10, user).await.expect("history");
                let (kept, running) = store.practice_boxes(10, user).await.expect("boxes");
                assert_eq!(
                    leitner::resume(&kept, &running),
                    leitner::replay(&history),
                    "seed {seed}, member {user}"
                );
            }
        }
    }
}
