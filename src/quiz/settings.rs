//! A server's quiz settings (`/quiz settings`, staff): how its public boards and round end
//! cards name members — everyone, the top three only, or nobody (ranks without names) — and
//! the scoring its rounds take when `/quiz start` names none. A member keeps their own name
//! off the public boards with `/quiz me hide:true`. Every change of a setting is audited.

use super::model::{Boards, QuizSettings};
use super::scoring::Scoring;
use crate::audit::{self, Action};
use crate::i18n::{choice_name, t, tr};
use crate::interaction::Invocation;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// The scoring a server's rounds take by default.
pub async fn default_scoring(s: &Services, guild: u64) -> Result<Scoring, Error> {
    let flat = s.store.quiz_settings(guild).await?.flat;
    Ok(if flat == Some(true) {
        Scoring::Flat
    } else {
        Scoring::Speed
    })
}

/// The settings in words.
fn shown(settings: QuizSettings, lang: Lang) -> String {
    let scoring = if settings.flat == Some(true) {
        Scoring::Flat
    } else {
        Scoring::Speed
    };
    tr(
        lang,
        "quiz-settings-now",
        &[
            (
                "boards",
                &t(lang, &format!("quiz-boards-{}", settings.boards.code())),
            ),
            ("scoring", &choice_name(scoring, lang).to_string()),
        ],
    )
}

/// `/quiz settings [boards] [scoring]`: changes what is given and shows them all.
pub async fn settings(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    (boards, scoring): (Option<Boards>, Option<Scoring>),
) -> Result<Reply, Error> {
    let mut now = s.store.quiz_settings(guild).await?;
    if boards.is_none() && scoring.is_none() {
        return Ok(Reply::private(shown(now, inv.lang)));
    }
    if let Some(b) = boards {
        now.boards = b;
    }
    if let Some(sc) = scoring {
        now.flat = Some(sc == Scoring::Flat);
    }
    s.store.set_quiz_settings(guild, now).await?;
    let action = Action::QuizSettings {
        boards: now.boards.code().to_string(),
        flat: now.flat == Some(true),
    };
    audit::record(s, guild, inv.user, action).await;
    Ok(Reply::private(shown(now, inv.lang)))
}

/// `/quiz me hide:`: the member's name off (or back on) the server's public boards; the line
/// that says so.
pub async fn hide(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    off: bool,
) -> Result<String, Error> {
    s.store.set_unnamed(guild, inv.user, off).await?;
    Ok(t(
        inv.lang,
        if off {
            "quiz-me-hidden"
        } else {
            "quiz-me-shown"
        },
    ))
}
