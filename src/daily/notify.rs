//! The daily post's "Notify me / stop" button: the member gets, or gives back, the role the
//! schedule pings. Only a role a schedule of this server pings can be handed out this way, and
//! only while it is harmless ([`check`]): not @everyone, not an integration's, below Aura's
//! highest role, and with no permission @everyone lacks. Checked at `/daily setup` and again
//! before every grant, since roles change.

use crate::i18n::t;
use crate::interaction::{Invocation, Outcome};
use crate::outbox::GuildRole;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// Why a role may not be handed out to whoever clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The @everyone role (its id is the server's).
    Everyone,
    /// Not among the server's roles (deleted, or from another server).
    Unknown,
    /// Managed by an integration.
    Managed,
    /// Not below Aura's highest role: Discord would refuse, and it may be a staff role.
    NotBelowAura,
    /// It grants permissions @everyone does not have.
    Powerful,
    /// Discord could not be asked about the server's roles.
    Unchecked,
}

impl Refusal {
    /// The message key explaining this refusal to staff at setup.
    pub fn setup_key(self) -> &'static str {
        match self {
            Refusal::Everyone => "daily-role-everyone",
            Refusal::Unknown => "daily-role-unknown",
            Refusal::Managed => "daily-role-managed",
            Refusal::NotBelowAura => "daily-role-above-aura",
            Refusal::Powerful => "daily-role-powerful",
            Refusal::Unchecked => "daily-role-unchecked",
        }
    }
}

/// May `role` be handed to any member who asks, given the server's roles and Aura's own?
pub fn check(guild: u64, role: u64, roles: &[GuildRole], bot_roles: &[u64]) -> Result<(), Refusal> {
    if role == guild {
        return Err(Refusal::Everyone);
    }
    let found = roles
        .iter()
        .find(|r| r.id == role)
        .ok_or(Refusal::Unknown)?;
    if found.managed {
        return Err(Refusal::Managed);
    }
    let aura_top = roles
        .iter()
        .filter(|r| bot_roles.contains(&r.id))
        .map(|r| r.position)
        .max();
    if aura_top.is_none_or(|top| found.position >= top) {
        return Err(Refusal::NotBelowAura);
    }
    let everyone = roles
        .iter()
        .find(|r| r.id == guild)
        .map_or(0, |r| r.permissions);
    if found.permissions & !everyone != 0 {
        return Err(Refusal::Powerful);
    }
    Ok(())
}

/// [`check`] against the server's roles as Discord has them now.
pub async fn vet(s: &Services, guild: u64, role: u64) -> Result<(), Refusal> {
    if role == guild {
        return Err(Refusal::Everyone);
    }
    let (roles, bot_roles) = match (
        s.outbox.guild_roles(guild).await,
        s.outbox.bot_roles(guild).await,
    ) {
        (Ok(roles), Ok(bot)) => (roles, bot),
        (Err(e), _) | (_, Err(e)) => {
            tracing::warn!(error = %e, guild, "could not read the server's roles");
            return Err(Refusal::Unchecked);
        }
    };
    check(guild, role, &roles, &bot_roles)
}

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
    // Giving a role back is always safe; taking one is checked again, whatever setup saw.
    if !has && let Err(refusal) = vet(s, guild, role).await {
        tracing::warn!(?refusal, role, guild, "refused to hand out a ping role");
        let key = if refusal == Refusal::Unchecked {
            "daily-notify-failed"
        } else {
            "daily-notify-refused"
        };
        return Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    const GUILD: u64 = 1;
    const AURA: u64 = 2;
    const PING: u64 = 3;
    const MEMBER_BITS: u64 = 1 << 10 | 1 << 11;

    fn role(id: u64, position: i64, permissions: u64) -> GuildRole {
        GuildRole {
            id,
            position,
            permissions,
            managed: false,
        }
    }

    fn server(ping: GuildRole) -> Vec<GuildRole> {
        vec![role(GUILD, 0, MEMBER_BITS), role(AURA, 5, u64::MAX), ping]
    }

    #[test]
    fn only_a_harmless_role_below_aura_may_be_handed_out() {
        let ok = server(role(PING, 1, MEMBER_BITS));
        assert_eq!(check(GUILD, PING, &ok, &[AURA]), Ok(()));
        assert_eq!(check(GUILD, GUILD, &ok, &[AURA]), Err(Refusal::Everyone));
        assert_eq!(check(GUILD, 99, &ok, &[AURA]), Err(Refusal::Unknown));
        let admin = server(role(PING, 1, 1 << 3));
        assert_eq!(check(GUILD, PING, &admin, &[AURA]), Err(Refusal::Powerful));
        let manage_messages = server(role(PING, 1, MEMBER_BITS | 1 << 13));
        assert_eq!(
            check(GUILD, PING, &manage_messages, &[AURA]),
            Err(Refusal::Powerful)
        );
        let above = server(role(PING, 6, 0));
        assert_eq!(
            check(GUILD, PING, &above, &[AURA]),
            Err(Refusal::NotBelowAura)
        );
        let level = server(role(PING, 5, 0));
        assert_eq!(
            check(GUILD, PING, &level, &[AURA]),
            Err(Refusal::NotBelowAura)
        );
        assert_eq!(check(GUILD, PING, &ok, &[]), Err(Refusal::NotBelowAura));
        let mut managed = role(PING, 1, 0);
        managed.managed = true;
        assert_eq!(
            check(GUILD, PING, &server(managed), &[AURA]),
            Err(Refusal::Managed)
        );
    }
}
