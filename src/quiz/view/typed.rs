//! What members see of typed answers: the form that takes the answer, the private
//! confirmation of what they typed, and the reveal's accepted answers and tally.

use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Input, Modal};
use crate::pack::Lang;
use crate::quiz::round::TypedReveal;
use crate::reply::{Accent, Reply};
use crate::text::{chars, escape_markdown, member_text};

/// The most characters a typed answer may have (the form's limit; Discord allows up to 4000).
pub const TYPED_MAX: u16 = 100;

/// The id of the form's one text input.
pub const TYPED_INPUT: &str = "answer";

/// The form a member types the answer to question `number` of `round` in.
pub fn typed_modal(lang: Lang, round: u64, number: usize) -> Modal {
    Modal {
        id: CustomId::QuizTyped { round, number },
        title: tr(lang, "quiz-typed-title", &[("number", &number)]),
        fields: vec![Input {
            id: TYPED_INPUT,
            label: t(lang, "quiz-typed-label"),
            paragraph: false,
            min_length: 1,
            max_length: TYPED_MAX,
            required: true,
            value: None,
        }],
    }
}

/// What a submitted form holds, or the private notice that says why it cannot be taken
/// (empty, or longer than [`TYPED_MAX`]: a forged form is not bound by the form's limit).
pub fn typed_text(lang: Lang, values: &[(String, String)]) -> Result<String, Box<Reply>> {
    let text = values
        .iter()
        .find(|(id, _)| id == TYPED_INPUT)
        .map(|(_, v)| v.trim())
        .unwrap_or("");
    let count = chars(text);
    if count == 0 {
        return Err(Box::new(refusal(t(lang, "quiz-typed-empty"))));
    }
    if count > usize::from(TYPED_MAX) {
        let max = usize::from(TYPED_MAX);
        let text = tr(
            lang,
            "quiz-typed-too-long",
            &[("count", &count), ("max", &max)],
        );
        return Err(Box::new(refusal(text)));
    }
    Ok(text.to_string())
}

fn refusal(text: String) -> Reply {
    Reply {
        text,
        ephemeral: true,
        accent: Accent::Error,
        ..Reply::default()
    }
}

/// The private confirmation of a locked-in typed answer, quoting it as text.
pub fn typed_locked(lang: Lang, typed: &str) -> Reply {
    Reply {
        text: tr(
            lang,
            "quiz-typed-locked",
            &[("answer", &member_text(typed, usize::from(TYPED_MAX)))],
        ),
        ephemeral: true,
        ..Reply::default()
    }
}

/// The reveal's accepted answers (in the channel's language, then the neutral ones).
pub fn accepted_list(typed: &TypedReveal, lang: Lang, spoilers: bool) -> String {
    let forms = typed
        .accepted
        .shown(lang)
        .into_iter()
        .map(escape_markdown)
        .collect::<Vec<_>>()
        .join(", ");
    if spoilers {
        format!("||{forms}||")
    } else {
        forms
    }
}

/// "3 of 4 typed it right".
pub fn tally(typed: &TypedReveal, lang: Lang) -> String {
    tr(
        lang,
        "quiz-typed-right",
        &[
            ("right", &(typed.right as usize)),
            ("answered", &(typed.answered as usize)),
        ],
    )
}
