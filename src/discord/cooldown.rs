//! Command cooldowns, applied by Aura instead of poise: poise checks a command's cooldown for
//! its autocomplete too, and then drops the autocomplete unanswered. Here the cooldown is
//! checked for the command alone (an autocomplete is never held back) and started when the
//! command runs.

use std::time::Duration;

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
