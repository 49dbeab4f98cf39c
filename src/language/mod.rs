//! `/language` (`/bahasa`): a member chooses the language of Aura's replies to them — private
//! answers, notices, forms — over their Discord client's, or goes back to their client's.
//! The choice follows the member into every server; shared posts (daily posts, rounds and
//! debates others start) keep their own language, which server staff may set for the server
//! ([`posts`]). Kept in the store, read through a short
//! cache ([`Chosen`]) so that every interaction can apply it ([`apply`]) without a query.

pub mod model;
pub mod posts;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::catalog::{Choice, Names};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// How long a member's choice is kept in memory (another process's change shows after it).
const CACHED: Duration = Duration::from_secs(60);

/// How long an interaction waits for a member's choice to be read.
const LOOKUP: Duration = Duration::from_millis(300);

/// `/language language:`: Indonesian, English, or the Discord client's again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    Indonesian,
    English,
    Client,
}

impl Picked {
    /// The language chosen (`None`: the client's).
    pub fn lang(self) -> Option<Lang> {
        match self {
            Picked::Indonesian => Some(Lang::Id),
            Picked::English => Some(Lang::En),
            Picked::Client => None,
        }
    }
}

impl Choice for Picked {
    const CHOICES: &'static [Picked] = &[Picked::Indonesian, Picked::English, Picked::Client];
    fn names(self) -> Names {
        match self {
            Picked::Indonesian => Names::new("indonesian", "indonesia").or(&["id", "bahasa"]),
            Picked::English => Names::new("english", "inggris").or(&["en"]),
            Picked::Client => Names::new("discord", "discord").or(&["default", "bawaan"]),
        }
    }
}

/// Members' choices as last read, with when.
#[derive(Default)]
pub struct Chosen(Mutex<HashMap<u64, (Option<Lang>, Instant)>>);

/// Member `user`'s chosen language, if any: from memory when read in the last minute.
pub async fn chosen(s: &Services, user: u64) -> Option<Lang> {
    let cache = s.state::<Chosen>();
    if let Ok(map) = cache.0.lock()
        && let Some((lang, at)) = map.get(&user)
        && at.elapsed() < CACHED
    {
        return *lang;
    }
    // Read before Discord's answer is under way: a slow database must not cost the member
    // their answer, so after a moment the client's language stands in (read again next time).
    let read = tokio::time::timeout(LOOKUP, s.store.member_lang(user)).await;
    let lang = match read {
        Ok(Ok(lang)) => lang,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "cannot read a member's language");
            return None;
        }
        Err(_) => {
            tracing::warn!("a member's language was not read in time");
            return None;
        }
    };
    if let Ok(mut map) = cache.0.lock() {
        if map.len() > 100_000 {
            map.retain(|_, (_, at)| at.elapsed() < CACHED);
        }
        map.insert(user, (lang, Instant::now()));
    }
    lang
}

/// Forgets what is kept in memory of `user`'s choice (after `/privacy` erased it).
pub fn forget(s: &Services, user: u64) {
    if let Ok(mut map) = s.state::<Chosen>().0.lock() {
        map.remove(&user);
    }
}

/// The invocation in the member's chosen language (their client's when they chose none).
pub async fn apply(s: &Services, mut inv: Invocation) -> Invocation {
    if let Some(lang) = chosen(s, inv.user).await {
        inv.lang = lang;
    }
    inv
}

/// The name of a language in `lang`.
fn name(of: Lang, lang: Lang) -> String {
    t(lang, &format!("language-name-{}", of.code()))
}

/// `/language [language]`: sets the member's language (or goes back to their client's), or
/// shows which language Aura uses for them and where it comes from.
pub async fn command(
    s: &Services,
    inv: &Invocation,
    picked: Option<Picked>,
) -> Result<Outcome, Error> {
    let Some(picked) = picked else {
        let lang = inv.lang;
        let text = match chosen(s, inv.user).await {
            Some(chosen) => tr(
                lang,
                "language-now-chosen",
                &[
                    ("language", &name(chosen, lang)),
                    ("client", &name(inv.client_lang, lang)),
                ],
            ),
            None => tr(
                lang,
                "language-now-client",
                &[("language", &name(inv.client_lang, lang))],
            ),
        };
        let text = match inv.guild {
            Some(_) => {
                let server = posts::of(s, inv.guild).await;
                let line = tr(lang, "posts-now", &[("posts", &posts::shown(server, lang))]);
                format!("{text}\n{line}")
            }
            None => text,
        };
        return Ok(Reply::private(text).into());
    };
    let chosen = picked.lang();
    s.store
        .set_member_lang(inv.user, chosen, s.clock.unix())
        .await?;
    if let Ok(mut map) = s.state::<Chosen>().0.lock() {
        map.insert(inv.user, (chosen, Instant::now()));
    }
    // Said in the language now in force.
    let lang = chosen.unwrap_or(inv.client_lang);
    let text = match chosen {
        Some(l) => tr(lang, "language-set", &[("language", &name(l, lang))]),
        None => tr(
            lang,
            "language-cleared",
            &[("language", &name(inv.client_lang, lang))],
        ),
    };
    Ok(Reply::private(text).into())
}
