//! `/language`: a thin poise function handing over to `language`.

use super::kit::{Plan, hand};
use super::pick::Pick;
use crate::discord::{Context, Error};
use crate::interaction::Outcome;
use crate::language::{self, Picked, posts::Posts};

/// The language Aura answers you in.
#[poise::command(slash_command, user_cooldown = 2)]
pub async fn language(
    ctx: Context<'_>,
    language: Option<Pick<Picked>>,
    posts: Option<Pick<Posts>>,
) -> Result<(), Error> {
    let picked = language.map(Pick::get);
    let posts = posts.map(Pick::get);
    hand(ctx, Plan::PRIVATE, move |s, inv| async move {
        match (picked, posts) {
            (_, None) => language::command(&s, &inv, picked).await,
            (None, Some(posts)) => Ok(language::posts::set(&s, &inv, posts).await?.into()),
            (Some(_), Some(posts)) => {
                // Both at once: the member's language first, so the server's line is said in it.
                let mine = language::command(&s, &inv, picked).await?;
                let inv = language::apply(&s, inv).await;
                let server = language::posts::set(&s, &inv, posts).await?;
                Ok(match mine {
                    Outcome::Reply(mut reply) => {
                        reply.text = format!("{}\n{}", reply.text, server.text);
                        Outcome::Reply(reply)
                    }
                    other => other,
                })
            }
        }
    })
    .await
}
