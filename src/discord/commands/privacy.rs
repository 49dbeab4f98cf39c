//! `/privacy` and `/audit`: thin poise functions handing over to `privacy` and `audit`.

use poise::serenity_prelude as serenity;

use super::kit::{Plan, hand};
use crate::audit::{self, AuditCommand};
use crate::discord::{Context, Error};

/// What Aura stores about you, and deleting it.
#[poise::command(slash_command, user_cooldown = 3)]
pub async fn privacy(ctx: Context<'_>) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, |s, inv| async move {
        crate::privacy::show(&s, &inv).await
    })
    .await
}

/// Where Aura logs staff actions.
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    subcommands("audit_set", "audit_off")
)]
pub async fn audit(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn run(ctx: Context<'_>, cmd: AuditCommand) -> Result<(), Error> {
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        audit::command(&s, &inv, cmd).await
    })
    .await
}

/// Log staff actions in a channel.
#[poise::command(
    slash_command,
    rename = "set",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn audit_set(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::ChannelId,
) -> Result<(), Error> {
    run(
        ctx,
        AuditCommand::Set {
            channel: channel.get(),
        },
    )
    .await
}

/// Stop logging staff actions.
#[poise::command(
    slash_command,
    rename = "off",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn audit_off(ctx: Context<'_>) -> Result<(), Error> {
    run(ctx, AuditCommand::Off).await
}
