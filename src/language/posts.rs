//! `/language posts:` (server staff): the language of the server's shared posts — Indonesian,
//! English, both side by side, or each starter's own — taken by every new schedule, round and
//! debate that names none ([`Posts::resolve`]). Schedules set up before keep theirs. Read within
//! a moment on a command's path: a slow database leaves each starter's language in force.

use std::time::Duration;

pub use super::model::Posts;
use crate::audit::{self, Action};
use crate::i18n::{t, tr};
use crate::interaction::Invocation;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// How long a command waits for the server's setting.
const LOOKUP: Duration = Duration::from_millis(300);

/// The server's shared posts' language (`Starter` outside a server, with none set, or when the
/// store does not answer in time).
pub async fn of(s: &Services, guild: Option<u64>) -> Posts {
    let Some(guild) = guild else {
        return Posts::Starter;
    };
    match tokio::time::timeout(LOOKUP, s.store.server_posts(guild)).await {
        Ok(Ok(posts)) => posts,
        Ok(Err(e)) => {
            tracing::warn!(guild, error = %e, "cannot read a server's posts language");
            Posts::Starter
        }
        Err(_) => {
            tracing::warn!(guild, "a server's posts language was not read in time");
            Posts::Starter
        }
    }
}

/// The setting in words.
pub fn shown(posts: Posts, lang: Lang) -> String {
    let code = posts.code().unwrap_or("starter");
    t(lang, &format!("posts-{code}"))
}

/// `/language posts:`: staff set the server's shared posts' language; audited.
pub async fn set(s: &Services, inv: &Invocation, posts: Posts) -> Result<Reply, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        return Ok(Reply::notice(t(lang, "class-server-only")));
    };
    if !inv.is_staff() {
        return Ok(Reply::no_permission(lang));
    }
    s.store
        .set_server_posts(guild, posts, s.clock.unix())
        .await?;
    let action = Action::ServerPosts {
        posts: posts.code().unwrap_or("starter").to_string(),
    };
    audit::record(s, guild, inv.user, action).await;
    Ok(Reply::private(tr(
        lang,
        "posts-set",
        &[("posts", &shown(posts, lang))],
    )))
}
