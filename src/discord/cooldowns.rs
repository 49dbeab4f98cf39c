//! poise keeps, in each command's cooldown tracker, one entry per member (and channel and
//! server) that ever ran it, and never forgets them. Aura starts every tracker afresh once
//! an hour, from the event handler: the map stays as small as the last hour's members. A
//! cooldown of a few seconds running at that moment ends early; nothing else changes.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often the trackers are started afresh.
pub const PRUNE_EVERY: Duration = Duration::from_secs(3600);

static LAST: Mutex<Option<Instant>> = Mutex::new(None);

/// Starts the trackers afresh if the last time was `every` ago or more (the first call only
/// notes the time). Returns whether it did.
pub fn prune_now_and_then<U, E>(commands: &[poise::Command<U, E>], every: Duration) -> bool {
    let now = Instant::now();
    let due = match LAST.lock() {
        Ok(mut last) => match *last {
            Some(at) if now.duration_since(at) < every => false,
            Some(_) => {
                *last = Some(now);
                true
            }
            None => {
                *last = Some(now);
                false
            }
        },
        Err(_) => false,
    };
    if due {
        prune(commands);
    }
    due
}

/// Starts every command's (and subcommand's) cooldown tracker afresh.
pub fn prune<U, E>(commands: &[poise::Command<U, E>]) {
    for command in commands {
        if let Ok(mut tracker) = command.cooldowns.lock() {
            *tracker = poise::CooldownTracker::new();
        }
        prune(&command.subcommands);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use poise::serenity_prelude as serenity;

    #[test]
    fn pruning_forgets_who_ran_a_command() {
        let commands = crate::discord::commands();
        let who = |user: u64| poise::CooldownContext {
            user_id: serenity::UserId::new(user),
            guild_id: None,
            channel_id: serenity::ChannelId::new(9),
        };
        let config = poise::CooldownConfig {
            user: Some(Duration::from_secs(60)),
            ..Default::default()
        };
        let first = &commands[0];
        first.cooldowns.lock().expect("lock").start_cooldown(who(5));
        let sub = commands
            .iter()
            .find_map(|c| c.subcommands.first())
            .expect("a command with subcommands");
        sub.cooldowns.lock().expect("lock").start_cooldown(who(6));
        assert!(
            first
                .cooldowns
                .lock()
                .expect("lock")
                .remaining_cooldown(who(5), &config)
                .is_some()
        );
        // The first call only notes the time; a call `every` later prunes.
        assert!(!prune_now_and_then(&commands, Duration::ZERO));
        assert!(prune_now_and_then(&commands, Duration::ZERO));
        assert!(!prune_now_and_then(&commands, Duration::from_secs(3600)));
        for (c, user) in [(first, 5), (sub, 6)] {
            let left = c
                .cooldowns
                .lock()
                .expect("lock")
                .remaining_cooldown(who(user), &config);
            assert_eq!(left, None);
        }
    }
}
