//! The daily post's "Notify me / stop" button: the member gets, or gives back, the role the
//! schedule pings. Only a role a schedule of this server pings can be handed out this way.

use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::reply::Reply;
use crate::services::{Error, Services};

/// A click on "notify me" for `role`.
pub async fn toggle(s: &Services, inv: &Invocation, role: u64) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        return Ok(Outcome::Reply(Reply::notice(t(lang, "error-stale-button"))));
    };
    let configured = s
        .store
        .schedules(Some(guild))
        .await?
        .iter()
        .any(|sc| sc.role == Some(role));
    if !configured {
        return Ok(Outcome::Reply(Reply::notice(t(lang, "error-stale-button"))));
    }
    let has = inv.roles.contains(&role);
    let done = if has {
        s.outbox.remove_role(guild, inv.user, role).await
    } else {
        s.outbox.add_role(guild, inv.user, role).await
    };
    let reply = match done {
        Ok(()) => Reply {
            text: t(
                lang,
                if has {
                    "daily-notify-off"
                } else {
                    "daily-notify-on"
                },
            ),
            ephemeral: true,
            ..Reply::default()
        },
        Err(e) => {
            tracing::warn!(error = %e, role, "could not change a member's ping role");
            Reply::notice(t(lang, "daily-notify-failed"))
        }
    };
    Ok(Outcome::Reply(reply))
}
