//! A server's quiz settings (`/quiz settings`, staff): how its public boards and round end
//! cards name members — everyone, the top three only, or nobody (ranks without names) — and
//! the scoring its rounds take when `/quiz start` names none. A member keeps their own name
//! off the public boards with `/quiz me hide:true`. A teacher gives one member extra time on
//! homework questions (`/quiz time`). Every change of a setting is audited.

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

/// `/quiz time member: percent:` (teachers, private): a member's homework questions get
/// `percent` of each time limit (100: the class's; at most 300). The audit log says a member's
/// time changed, not whose: extra time is between a teacher and a student.
pub async fn member_time(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    (member, percent): (u64, u32),
) -> Result<Reply, Error> {
    let lang = inv.lang;
    if !(100..=300).contains(&percent) {
        return Ok(Reply::notice(tr(
            lang,
            "quiz-time-bad",
            &[("percent", &(percent as usize))],
        )));
    }
    s.store
        .set_member_time((guild, member), percent, s.clock.unix())
        .await?;
    audit::record(s, guild, inv.user, Action::MemberTime).await;
    let who = format!("<@{member}>");
    let text = if percent == 100 {
        tr(lang, "quiz-time-none", &[("member", &who)])
    } else {
        let factor = format!("{}.{:02}", percent / 100, percent % 100);
        let factor = factor
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string();
        tr(
            lang,
            "quiz-time-set",
            &[("member", &who), ("factor", &factor)],
        )
    };
    Ok(Reply::private(text))
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
