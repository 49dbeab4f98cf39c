//! Who may run quiz rounds: a server's choice of everyone, moderators (Manage Messages) or
//! moderators plus a quiz-master role. The starter of a round may always stop it. Server-wide
//! powers (the term gradebook, the whole server's insights, resets, any assignment) need Manage
//! Messages from the member's roles, not from one channel's overwrites.

use super::Access;
use crate::interaction::{Invocation, perms};
use crate::outbox::permissions;
use crate::services::Services;

/// What Aura knows of the member asking.
#[derive(Debug, Clone, Default)]
pub struct Asker<'a> {
    pub id: u64,
    /// Manage Messages (or Administrator) in this channel.
    pub moderator: bool,
    pub roles: &'a [u64],
}

/// May this member start, control or reset rounds?
pub fn may_run(access: &Access, asker: &Asker<'_>) -> bool {
    asker.moderator
        || match access {
            Access::Everyone => true,
            Access::Moderators => false,
            Access::Role(role) => asker.roles.contains(role),
        }
}

/// May this member reset boards or download reports? Moderators and the quiz-master role
/// only: "everyone" lets students play and start rounds, not clear what the class earned.
pub fn may_moderate(access: &Access, asker: &Asker<'_>) -> bool {
    asker.moderator || matches!(access, Access::Role(role) if asker.roles.contains(role))
}

/// May this member stop or steer the round `starter` started? The starter, a moderator, or a
/// quiz master; with "everyone" a student may start a round but not steer another's.
pub fn may_control(access: &Access, asker: &Asker<'_>, starter: u64) -> bool {
    asker.id == starter
        || (may_run(access, asker) && *access != Access::Everyone)
        || asker.moderator
}

/// Manage Messages (or Administrator) across the whole server: from the @everyone role and the
/// member's roles, as Discord grants it everywhere, not from the overwrites of the channel
/// where they typed. When Discord cannot say (its roles unreachable), the answer is no.
pub async fn moderates_server(s: &Services, inv: &Invocation) -> bool {
    if inv.permissions & perms::ADMINISTRATOR != 0 {
        // Administrator comes from roles only: no overwrite can grant it.
        return true;
    }
    let Some(guild) = inv.guild else {
        return false;
    };
    let roles = match s.outbox.guild_roles(guild).await {
        Ok(roles) => roles,
        Err(e) => {
            tracing::warn!(guild, error = %e, "cannot read the server's roles");
            return false;
        }
    };
    let roles: Vec<(u64, u64)> = roles.iter().map(|r| (r.id, r.permissions)).collect();
    let server = permissions::in_server(guild, &inv.roles, &roles);
    server & (perms::MANAGE_MESSAGES | perms::ADMINISTRATOR) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A student (id 7) with the role 42, and a moderator (id 8).
    fn class() -> (Asker<'static>, Asker<'static>) {
        let student = Asker {
            id: 7,
            moderator: false,
            roles: &[42],
        };
        let moderator = Asker {
            id: 8,
            moderator: true,
            roles: &[],
        };
        (student, moderator)
    }

    #[test]
    fn moderators_always_students_as_configured() {
        let (student, moderator) = class();
        assert!(may_run(&Access::Moderators, &moderator));
        assert!(!may_run(&Access::Moderators, &student));
        assert!(may_run(&Access::Everyone, &student));
        assert!(may_run(&Access::Role(42), &student));
        assert!(!may_run(&Access::Role(43), &student));
        assert!(may_control(&Access::Moderators, &student, 7));
        assert!(!may_control(&Access::Moderators, &student, 9));
        assert!(!may_control(&Access::Everyone, &student, 9));
        assert!(may_control(&Access::Role(42), &student, 9));
        assert!(may_control(&Access::Everyone, &moderator, 9));
    }

    #[test]
    fn with_everyone_students_play_but_only_moderators_and_quiz_masters_reset() {
        let (student, moderator) = class();
        assert!(may_run(&Access::Everyone, &student));
        assert!(!may_moderate(&Access::Everyone, &student));
        assert!(!may_moderate(&Access::Moderators, &student));
        assert!(may_moderate(&Access::Role(42), &student));
        assert!(!may_moderate(&Access::Role(43), &student));
        for access in [Access::Everyone, Access::Moderators, Access::Role(43)] {
            assert!(may_moderate(&access, &moderator));
        }
    }
}
