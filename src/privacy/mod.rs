//! `/privacy`: a member sees what Aura stores about them (quiz answers, homework attempts,
//! debate votes, suggestions, written responses with their feedback, the rounds and debates they started) and deletes it after a confirmation.
//! Everything is private to the member. Boards are computed from the answers, so they no longer
//! count a member once their answers are gone.

use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Invocation, Outcome};
use crate::pack::Lang;
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::services::{Error, Services};
use crate::store::MemberRows;

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// What is stored, one line per kind.
fn summary(rows: &MemberRows, lang: Lang) -> String {
    [
        tr(
            lang,
            "privacy-answers",
            &[
                ("answers", &count(rows.answers)),
                ("rounds", &count(rows.rounds)),
            ],
        ),
        tr(
            lang,
            "privacy-homework",
            &[("homework", &count(rows.homework))],
        ),
        tr(lang, "privacy-votes", &[("votes", &count(rows.votes))]),
        tr(
            lang,
            "privacy-debating",
            &[("debating", &count(rows.debating))],
        ),
        tr(
            lang,
            "privacy-suggestions",
            &[("suggestions", &count(rows.suggestions))],
        ),
        tr(
            lang,
            "privacy-started",
            &[("started", &count(rows.started))],
        ),
        tr(
            lang,
            "privacy-responses",
            &[("responses", &count(rows.responses))],
        ),
        tr(
            lang,
            "privacy-settings",
            &[("settings", &count(rows.settings))],
        ),
    ]
    .join("\n")
}

/// What deleting keeps (`key`: said before or after), when the member has started homework
/// that is still open: the bare fact of each attempt, so that one attempt stays one.
fn kept_attempts(text: &mut String, rows: &MemberRows, key: &str, lang: Lang) {
    if rows.open_homework > 0 {
        let open = count(rows.open_homework);
        text.push_str(&format!("\n\n{}", tr(lang, key, &[("open", &open)])));
    }
}

/// `/privacy`: the counts, with Delete and Cancel for the member alone.
pub async fn show(s: &Services, inv: &Invocation) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let rows = s.store.member_rows(inv.user).await?;
    if rows.is_empty() {
        return Ok(Reply::private(t(lang, "privacy-nothing")).into());
    }
    let mut text = format!("{}\n\n{}", t(lang, "privacy-intro"), summary(&rows, lang));
    kept_attempts(&mut text, &rows, "privacy-keeps-attempts", lang);
    text.push_str(&format!("\n\n{}", t(lang, "privacy-confirm")));
    let mut reply = Reply {
        title: Some(t(lang, "privacy-title")),
        text,
        ephemeral: true,
        accent: Accent::Error,
        ..Reply::default()
    };
    reply.buttons.push(Button {
        id: CustomId::Privacy {
            delete: true,
            owner: inv.user,
        },
        label: t(lang, "button-privacy-delete"),
        style: ButtonStyle::Danger,
    });
    reply.buttons.push(Button {
        id: CustomId::Privacy {
            delete: false,
            owner: inv.user,
        },
        label: t(lang, "button-cancel"),
        style: ButtonStyle::Secondary,
    });
    Ok(reply.into())
}

/// The confirmation's buttons: only the member it was shown to can press them.
pub async fn confirm(
    s: &Services,
    inv: &Invocation,
    (delete, owner): (bool, u64),
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    if owner != inv.user {
        return Ok(Reply::notice(t(lang, "privacy-not-yours")).into());
    }
    if !delete {
        return Ok(Outcome::Update(Reply::private(t(lang, "privacy-kept"))));
    }
    // What the rounds running now hold of the member goes first, so that no later save of
    // theirs stores it again; the store then flushes its queued writes before deleting.
    crate::quiz::live::rooms(s).forget(inv.user);
    crate::quiz::recovery::forget_unsaved(s, inv.user);
    let gone = s.store.forget_member(inv.user).await?;
    crate::language::forget(s, inv.user);
    tracing::info!("a member's stored data was deleted at their request");
    let mut text = format!("{}\n\n{}", t(lang, "privacy-deleted"), summary(&gone, lang));
    kept_attempts(&mut text, &gone, "privacy-kept-attempts", lang);
    Ok(Outcome::Update(Reply::private(text)))
}

#[cfg(test)]
mod tests;
