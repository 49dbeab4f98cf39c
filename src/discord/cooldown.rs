//! Command cooldowns, applied by Aura instead of poise: poise checks a command's cooldown for
//! its autocomplete too, and then drops the autocomplete unanswered. Here the cooldown is
//! checked for the command alone (an autocomplete is never held back) and started when the
//! command runs. poise's trackers keep one entry per member who ever ran a command and never
//! forget them, so Aura starts every tracker afresh once an hour (a cooldown running at that
//! moment ends early). A command refused with a notice gives its cooldown back.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Context, Error};

/// A command asked again within its cooldown; `on_error` answers it politely.
#[derive(Debug)]
pub struct Cooling(pub Duration);

impl std::fmt::Display for Cooling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "in cooldown for {:?}", self.0)
    }
}

impl std::error::Error for Cooling {}

/// The framework's check: a command within its cooldown fails with [`Cooling`]; an
/// autocomplete always passes.
pub async fn check(ctx: Context<'_>) -> Result<bool, Error> {
    if let poise::Context::Application(actx) = ctx
        && actx.interaction_type == poise::CommandInteractionType::Autocomplete
    {
        return Ok(true);
    }
    let command = ctx.command();
    let remaining = match (command.cooldowns.lock(), command.cooldown_config.read()) {
        (Ok(cooldowns), Ok(config)) => {
            cooldowns.remaining_cooldown(ctx.cooldown_context(), &config)
        }
        _ => None,
    };
    match remaining {
        Some(left) => Err(Box::new(Cooling(left))),
        None => Ok(true),
    }
}

/// Before a command runs (never before an autocomplete): its cooldown starts.
pub async fn start(ctx: Context<'_>) {
    if let Ok(mut cooldowns) = ctx.command().cooldowns.lock() {
        cooldowns.start_cooldown(ctx.cooldown_context());
    }
}

/// The member's cooldown on this command given back (their command was refused): they may
/// ask again at once.
pub fn give_back(ctx: Context<'_>) {
    let long_ago = Instant::now().checked_sub(Duration::from_secs(24 * 3600));
    if let (Ok(mut cooldowns), Some(at)) = (ctx.command().cooldowns.lock(), long_ago) {
        cooldowns.set_last_invocation(poise::CooldownType::User(ctx.author().id), at);
    }
}

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
