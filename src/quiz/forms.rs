//! Typed answers in a live round: the question's "Answer" button opens a form, and the
//! submitted form is judged and locked like a click (once per member and question, within the
//! time), stored before the member is told, and confirmed privately in their language.

use std::sync::atomic::Ordering;

use super::AnswerOutcome;
use super::live;
use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::quiz::view as cards;
use crate::reply::{Accent, Reply};
use crate::services::Services;

fn refusal(inv: &Invocation, key: &str) -> Outcome {
    Outcome::Reply(Reply {
        text: t(inv.lang, key),
        ephemeral: true,
        accent: Accent::Error,
        ..Reply::default()
    })
}

/// A click on a typed question's "Answer" button: the form, while the question is open and the
/// member has not answered it.
pub fn typed_form(s: &Services, inv: &Invocation, round: u64, number: usize) -> Outcome {
    let Some(live) = crate::quiz::live::rooms(s).round(inv.channel, round) else {
        return refusal(inv, "quiz-not-open");
    };
    let state = live.round.lock().ok().map(|r| {
        (
            r.open_number() == Some(number),
            r.open_is_typed(),
            r.answer_of(number, inv.user).is_some(),
        )
    });
    match state {
        Some((true, true, false)) => Outcome::Modal(cards::typed_modal(inv.lang, round, number)),
        Some((true, true, true)) => refusal(inv, "quiz-already"),
        Some((true, false, _)) => refusal(inv, "quiz-typed-not-typed"),
        _ => refusal(inv, "quiz-not-open"),
    }
}

/// A submitted answer form. A locked-in answer is stored before the member is told, as a
/// click's is.
pub async fn typed_answer(
    s: &Services,
    inv: &Invocation,
    round: u64,
    number: usize,
    values: &[(String, String)],
) -> Outcome {
    let text = match cards::typed_text(inv.lang, values) {
        Ok(text) => text,
        Err(notice) => return Outcome::Reply(*notice),
    };
    let Some(live) = crate::quiz::live::rooms(s).round(inv.channel, round) else {
        return refusal(inv, "quiz-not-open");
    };
    let mut stored = None;
    let outcome = match live.round.lock() {
        Ok(mut r) if r.open_number() == Some(number) => {
            let outcome = r.answer_typed(inv.user, &text, live::std_now());
            if matches!(outcome, AnswerOutcome::Typed { .. }) {
                stored = r
                    .answer_of(number, inv.user)
                    .map(|a| live::row(a, s.clock.unix(), Some(&inv.name)));
            }
            outcome
        }
        _ => AnswerOutcome::NotOpen,
    };
    if let Some(row) = stored
        && let Err(e) = s.store.record_answer(round, live.guild, row).await
    {
        // It is in the round, and saved with the others at the reveal.
        tracing::warn!(round, error = %e, "could not store a typed answer at once");
    }
    match outcome {
        AnswerOutcome::Typed { .. } => {
            live.answered.fetch_add(1, Ordering::SeqCst);
            Outcome::Reply(cards::typed_locked(inv.lang, &text))
        }
        AnswerOutcome::AlreadyAnswered => refusal(inv, "quiz-already"),
        AnswerOutcome::TooLate => refusal(inv, "quiz-too-late"),
        AnswerOutcome::NoSuchChoice => refusal(inv, "quiz-typed-not-typed"),
        AnswerOutcome::Locked { .. } | AnswerOutcome::NotOpen => refusal(inv, "quiz-not-open"),
    }
}
