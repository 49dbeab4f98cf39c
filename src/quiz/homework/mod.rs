//! Homework: a teacher assigns a set of questions due at a time (`/quiz assign`); each member
//! plays it privately at their own pace, once, from the assignment's Start button; after the
//! due time the assignment closes by itself and the class's summary is posted. The due time's
//! parsing, the attempt's state machine and the summary's maths are pure ([`due`],
//! [`attempt`], [`summary`]); [`flow`] answers `/quiz assign` and the clicks, [`steer`] the
//! list and a teacher's close and extend, [`close`] closes assignments (on time, from the
//! background loop, or early).

pub mod attempt;
pub mod close;
pub mod due;
pub mod flow;
pub mod model;
pub mod steer;
pub mod summary;

pub use model::{Assignment, AttemptRow, Picked};

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::core::Core;
use crate::pack::QuizQuestion;
use crate::quiz::asked::Shown;
use crate::quiz::plan::Plan;

pub use attempt::{Progress, Rules};

/// The most questions a homework may have.
pub const MAX_QUESTIONS: usize = 20;
/// Bounds of the time limit per question, in seconds.
pub const MIN_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 600;

impl Assignment {
    pub fn rules(&self) -> Rules {
        Rules {
            total: self.questions.len() as u32,
            time_limit: self.time_limit,
            due_at: self.due_at,
            closed: self.closed_at.is_some(),
        }
    }

    /// Question `number` (1-based), the pack's or one of the server's own (`own`: every one
    /// it has stored), and how it is shown.
    pub fn question<'c>(
        &self,
        (core, own): (&'c Core, &'c [QuizQuestion]),
        number: u32,
    ) -> Option<(&'c QuizQuestion, Shown)> {
        let picked = self
            .questions
            .get(usize::try_from(number).ok()?.checked_sub(1)?)?;
        let pack = core.library.pack(&self.pack)?;
        let q = pack
            .questions
            .iter()
            .chain(own)
            .find(|q| q.id == picked.id)?;
        Some((q, picked.shown()))
    }

    /// The shown position of question `number`'s right answer.
    pub fn right_position(&self, bank: (&Core, &[QuizQuestion]), number: u32) -> Option<usize> {
        let (q, shown) = self.question(bank, number)?;
        shown.right_position(q)
    }
}

impl Picked {
    /// The question as every member is shown it (homework is answered with buttons).
    pub fn shown(&self) -> Shown {
        Shown {
            question: self.id.clone(),
            order: self.order.clone(),
            typed: false,
        }
    }
}

impl From<Shown> for Picked {
    fn from(shown: Shown) -> Picked {
        Picked {
            id: shown.question,
            order: shown.order,
        }
    }
}

/// The server's own questions an assignment may have asked (every one it stored, deleted
/// too); none read when it asked only the pack's, or when the store cannot say.
pub async fn own_questions(
    s: &crate::services::Services,
    a: &Assignment,
) -> std::sync::Arc<crate::course::own::Own> {
    let asks_own = a
        .questions
        .iter()
        .any(|p| crate::pack::course::teacher_id(&p.id).is_some());
    if !asks_own {
        return std::sync::Arc::default();
    }
    crate::course::own::of(s, a.guild)
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(homework = a.id, error = %e, "cannot read the server's own questions");
            std::sync::Arc::default()
        })
}

/// Draws an assignment's questions once, with the plan's filters, and fixes each question's
/// choice order (true/false keeps its order), both by `seed`.
pub fn pick(core: &Core, plan: &Plan, seed: u64) -> Option<Vec<Picked>> {
    let round = plan.round(core, seed)?;
    let mut rng = StdRng::seed_from_u64(seed.rotate_left(17));
    let picked: Vec<Picked> = round
        .question_ids()
        .into_iter()
        .filter_map(|id| plan.question(core, id))
        .map(|q| Picked::from(Shown::draw(q, false, &mut rng)))
        .collect();
    (!picked.is_empty()).then_some(picked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Lang;
    use crate::quiz::plan::{StartArgs, plan};
    use std::path::PathBuf;

    #[test]
    fn the_same_seed_picks_the_same_questions_in_the_same_order() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Core::load(&dir, Lang::En).expect("pack");
        let args = StartArgs {
            questions: Some(5),
            ..StartArgs::default()
        };
        let plan = plan(&core, Lang::En, &args, 2).expect("plan");
        let a = pick(&core, &plan, 9).expect("questions");
        assert_eq!(a.len(), 5);
        assert_eq!(pick(&core, &plan, 9), Some(a.clone()));
        let pack = core.library.pack(&plan.pack).expect("pack");
        for p in &a {
            let q = pack
                .questions
                .iter()
                .find(|q| q.id == p.id)
                .expect("in pack");
            let mut sorted = p.order.clone();
            sorted.sort();
            assert_eq!(sorted, (0..q.choices.len()).collect::<Vec<_>>());
        }
    }
}
