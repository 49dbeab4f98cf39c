//! `/language`: a thin poise function handing over to `language`.

use super::kit::{Plan, hand};
use super::pick::Pick;
use crate::discord::{Context, Error};
use crate::language::{self, Picked};

/// The language Aura answers you in.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn language(ctx: Context<'_>, language: Option<Pick<Picked>>) -> Result<(), Error> {
    let picked = language.map(Pick::get);
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        language::command(&s, &inv, picked).await
    })
    .await
}
