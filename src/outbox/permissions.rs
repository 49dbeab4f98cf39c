//! What Aura may do in a channel, computed as Discord does: the @everyone role, the member's
//! roles, then the channel's overwrites (@everyone, roles, member); and what a channel post
//! needs of them (`/daily show`, `/quiz start`).

/// Permission bits Aura needs for a daily post.
pub const VIEW_CHANNEL: u64 = 1 << 10;
pub const SEND_MESSAGES: u64 = 1 << 11;
pub const MANAGE_MESSAGES: u64 = 1 << 13;
pub const EMBED_LINKS: u64 = 1 << 14;
pub const MENTION_EVERYONE: u64 = 1 << 17;
pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
const ADMINISTRATOR: u64 = 1 << 3;

/// One channel overwrite: `role` (or member) id, allow and deny bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overwrite {
    pub id: u64,
    pub member: bool,
    pub allow: u64,
    pub deny: u64,
}

/// The member's permissions across the server, from the @everyone role and the member's
/// roles alone: what no channel's overwrite grants (`u64::MAX` for an administrator).
pub fn in_server(guild: u64, member_roles: &[u64], roles: &[(u64, u64)]) -> u64 {
    let role_bits = |id: u64| roles.iter().find(|(r, _)| *r == id).map(|(_, p)| *p);
    let mut perms = role_bits(guild).unwrap_or(0);
    for r in member_roles {
        perms |= role_bits(*r).unwrap_or(0);
    }
    if perms & ADMINISTRATOR != 0 {
        return u64::MAX;
    }
    perms
}

/// The member's permissions in the channel.
pub fn in_channel(
    guild: u64,
    member: u64,
    member_roles: &[u64],
    roles: &[(u64, u64)],
    overwrites: &[Overwrite],
) -> u64 {
    let mut perms = in_server(guild, member_roles, roles);
    if perms == u64::MAX {
        return perms;
    }
    if let Some(o) = overwrites.iter().find(|o| !o.member && o.id == guild) {
        perms = (perms & !o.deny) | o.allow;
    }
    let (mut allow, mut deny) = (0, 0);
    for o in overwrites
        .iter()
        .filter(|o| !o.member && member_roles.contains(&o.id))
    {
        allow |= o.allow;
        deny |= o.deny;
    }
    perms = (perms & !deny) | allow;
    if let Some(o) = overwrites.iter().find(|o| o.member && o.id == member) {
        perms = (perms & !o.deny) | o.allow;
    }
    perms
}

/// The names of what a daily post needs and `perms` lacks.
pub fn missing(perms: u64, thread: bool, pin: bool, role: bool) -> Vec<&'static str> {
    let mut need = vec![
        (VIEW_CHANNEL, "View Channel"),
        (SEND_MESSAGES, "Send Messages"),
        (EMBED_LINKS, "Embed Links"),
    ];
    if thread {
        need.push((CREATE_PUBLIC_THREADS, "Create Public Threads"));
    }
    if pin {
        need.push((MANAGE_MESSAGES, "Manage Messages (to pin)"));
    }
    if role {
        need.push((
            MENTION_EVERYONE,
            "Mention @everyone, @here and All Roles (unless the role is mentionable)",
        ));
    }
    need.into_iter()
        .filter(|(bit, _)| perms & bit == 0)
        .map(|(_, name)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overwrites_apply_in_discords_order() {
        let guild = 1;
        let roles = [(1, VIEW_CHANNEL | SEND_MESSAGES), (5, EMBED_LINKS)];
        let base = in_channel(guild, 9, &[5], &roles, &[]);
        assert!(missing(base, false, false, false).is_empty());
        let deny_send = [Overwrite {
            id: 1,
            member: false,
            allow: 0,
            deny: SEND_MESSAGES,
        }];
        let p = in_channel(guild, 9, &[5], &roles, &deny_send);
        assert_eq!(missing(p, false, false, false), vec!["Send Messages"]);
        let allow_role = [
            deny_send[0].clone(),
            Overwrite {
                id: 5,
                member: false,
                allow: SEND_MESSAGES,
                deny: 0,
            },
        ];
        let p = in_channel(guild, 9, &[5], &roles, &allow_role);
        assert!(missing(p, false, false, false).is_empty());
        assert_eq!(
            missing(p, true, true, false),
            vec!["Create Public Threads", "Manage Messages (to pin)"]
        );
        assert_eq!(
            in_channel(guild, 9, &[7], &[(7, 1 << 3)], &deny_send),
            u64::MAX
        );
    }
}
