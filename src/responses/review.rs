//! A teacher's review (`/responses review`, private): the server's responses walked one by one
//! (about one prompt or motion, in one channel, with one status), each with its quote check;
//! a status (accepted, needs revision, excellent, or one of the server's own), feedback in a
//! form, held until released (one response, or all about the same thing), and a request to
//! share an excellent one, which its author alone can grant. Every staff action is audited.

use super::deliver;
use super::model::{On, ReviewAct, Status, Verdict, Walk};
use super::{quote_check, view};
use crate::audit::{self, Action};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::reply::Reply;
use crate::services::{Error, Services};

/// What `/responses review` was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewArgs {
    /// A prompt, a letter's point or an assignment (`p.12.20261207`, from the autocomplete).
    pub prompt: Option<String>,
    /// A debate's motion (`m.<debate>`).
    pub motion: Option<String>,
    pub channel: Option<u64>,
    pub status: Option<Option<Status>>,
}

/// Whether `inv`'s member teaches in the server (as for the server's other teaching powers).
async fn teaches(s: &Services, inv: &Invocation) -> bool {
    crate::quiz::access::moderates_server(s, inv).await
}

/// The card of response `id` at its place in `walk` (`None`: it is gone or not this server's).
async fn card(
    s: &Services,
    (guild, id): (u64, i64),
    walk: Walk,
    lang: crate::pack::Lang,
) -> Result<Option<Reply>, Error> {
    let Some(r) = s
        .store
        .response(id)
        .await?
        .filter(|r| r.piece.guild == guild)
    else {
        return Ok(None);
    };
    let ids = s.store.walk_ids(guild, &walk).await?;
    let position = ids.iter().position(|x| *x == id).map(|p| p + 1);
    let labels = s.store.response_labels(guild).await?;
    let Some(pack) = s.core.library.packs.first() else {
        return Ok(None);
    };
    let checked = quote_check::check(pack, &r.piece.body);
    Ok(Some(view::review_card(
        pack,
        (&r, &checked),
        (&labels, walk, (position, ids.len())),
        lang,
    )))
}

/// `/responses review`: the first response waiting for review in the walk (or its first).
pub async fn command(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    args: ReviewArgs,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    if !teaches(s, inv).await {
        return Ok(Reply::no_permission(lang).into());
    }
    let about = args.prompt.as_deref().or(args.motion.as_deref());
    let on = match about {
        None => None,
        Some(code) => match On::parse(code.trim()) {
            Some(on) => Some(on),
            None => return Ok(Outcome::notice(t(lang, "responses-unknown-topic"))),
        },
    };
    let walk = Walk {
        on,
        channel: args.channel,
        status: args.status,
    };
    // The first not reviewed yet in the walk (one query), or the walk's first.
    let waiting = Walk {
        status: Some(None),
        ..walk
    };
    let first = match walk.status {
        None => s.store.walk_ids(guild, &waiting).await?.first().copied(),
        Some(_) => None,
    };
    let first = match first {
        Some(id) => Some(id),
        None => s.store.walk_ids(guild, &walk).await?.first().copied(),
    };
    let Some(first) = first else {
        return Ok(Outcome::private(t(lang, "responses-review-none")));
    };
    match card(s, (guild, first), walk, lang).await? {
        Some(reply) => Ok(reply.into()),
        None => Ok(Outcome::private(t(lang, "responses-review-none"))),
    }
}

/// `(kind:target, title, count)` for the autocomplete of `/responses review prompt:|motion:`:
/// what the server's members responded to, `motions` or the rest, matching `partial`.
pub async fn topics(
    s: &Services,
    guild: u64,
    (partial, motions): (&str, bool),
    lang: crate::pack::Lang,
) -> Vec<(String, String)> {
    let Ok(all) = s.store.response_topics(guild).await else {
        return Vec::new();
    };
    let wanted = crate::text::normalize(partial);
    all.into_iter()
        .filter(|(on, _, _)| matches!(on, On::Motion { .. }) == motions)
        .filter(|(_, title, _)| {
            wanted.is_empty() || crate::text::normalize(title).contains(&wanted)
        })
        .take(25)
        .map(|(on, title, n)| {
            let kind = t(lang, &format!("responses-kind-{}", on.kind()));
            let name = format!("{kind} · {title} ({n})");
            (crate::text::truncate(&name, 100), on.code())
        })
        .collect()
}

/// Response `id` for a teacher of its server: with the server, or the refusal to answer
/// (not in a server, not a teacher, not this server's response).
async fn teachers(
    s: &Services,
    inv: &Invocation,
    id: i64,
) -> Result<Result<(u64, crate::responses::model::Response), Outcome>, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        return Ok(Err(Outcome::notice(t(lang, "error-stale-button"))));
    };
    if !teaches(s, inv).await {
        return Ok(Err(Reply::no_permission(lang).into()));
    }
    match s
        .store
        .response(id)
        .await?
        .filter(|r| r.piece.guild == guild)
    {
        Some(r) => Ok(Ok((guild, r))),
        None => Ok(Err(Outcome::notice(t(lang, "responses-gone")))),
    }
}

/// A button of the review card.
pub async fn click(
    s: &Services,
    inv: &Invocation,
    (id, act, walk): (i64, ReviewAct, Walk),
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let (guild, r) = match teachers(s, inv, id).await? {
        Ok(found) => found,
        Err(refused) => return Ok(refused),
    };
    let now = s.clock.unix();
    let mut shown = id;
    let mut note = None;
    match act {
        ReviewAct::Status(status) => {
            s.store
                .review_response(id, Verdict::Status(status), (inv.user, now))
                .await?;
            let action = Action::ResponseStatus {
                response: id,
                status: status.code(),
            };
            audit::record(s, guild, inv.user, action).await;
        }
        ReviewAct::Feedback => {
            return Ok(Outcome::Modal(view::feedback_form(
                id,
                walk,
                r.feedback.clone(),
                lang,
            )));
        }
        ReviewAct::FeedbackForm => return Ok(Outcome::notice(t(lang, "error-stale-button"))),
        ReviewAct::FullText => {
            let heading = view::heading(r.piece.on, &r.piece.title, lang);
            return Ok(Outcome::File {
                reply: Reply::private(tr(
                    lang,
                    "responses-full-text",
                    &[
                        ("name", &crate::text::escape_markdown(&r.piece.name)),
                        ("heading", &heading),
                    ],
                )),
                name: format!("response-{id}.txt"),
                bytes: r.piece.body.clone().into_bytes(),
            });
        }
        ReviewAct::Release => {
            let released = s.store.release_responses(&[id], now).await?;
            note = Some(released_note(s, (inv, guild), released).await);
        }
        ReviewAct::ReleaseAll => {
            let same = Walk {
                on: Some(r.piece.on),
                ..Walk::default()
            };
            let ids = s.store.walk_ids(guild, &same).await?;
            let released = s.store.release_responses(&ids, now).await?;
            note = Some(released_note(s, (inv, guild), released).await);
        }
        ReviewAct::Share => {
            if s.store.ask_share(id, now).await? {
                audit::record(
                    s,
                    guild,
                    inv.user,
                    Action::ResponseShareAsked { response: id },
                )
                .await;
                if let Some(asked) = s.store.response(id).await?
                    && asked.released()
                {
                    deliver::spawn(s, vec![asked]);
                }
                note = Some(t(lang, "responses-share-requested"));
            } else {
                note = Some(t(lang, "responses-share-not-excellent"));
            }
        }
        ReviewAct::Previous | ReviewAct::Next => {
            // By id, so that a response that left the walk (its status changed) still has
            // neighbours.
            let ids = s.store.walk_ids(guild, &walk).await?;
            let next = match act {
                ReviewAct::Previous => ids.iter().rev().find(|x| **x < id),
                _ => ids.iter().find(|x| **x > id),
            };
            match next {
                Some(n) => shown = *n,
                None => note = Some(t(lang, "responses-review-end")),
            }
        }
    }
    let Some(mut reply) = card(s, (guild, shown), walk, lang).await? else {
        return Ok(Outcome::notice(t(lang, "responses-gone")));
    };
    if let Some(note) = note {
        reply.text = format!("*{note}*\n\n{}", reply.text);
    }
    Ok(Outcome::Update(reply))
}

/// The feedback form submitted: kept (held until released) and the card shown again.
pub async fn feedback(
    s: &Services,
    inv: &Invocation,
    (id, walk): (i64, Walk),
    values: &[(String, String)],
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let guild = match teachers(s, inv, id).await? {
        Ok((guild, _)) => guild,
        Err(refused) => return Ok(refused),
    };
    let text = values
        .iter()
        .find(|(k, _)| k == "feedback")
        .map_or("", |(_, v)| v.as_str());
    let now = s.clock.unix();
    s.store
        .review_response(id, Verdict::Feedback(text), (inv.user, now))
        .await?;
    audit::record(
        s,
        guild,
        inv.user,
        Action::ResponseFeedback { response: id },
    )
    .await;
    match card(s, (guild, id), walk, lang).await? {
        Some(mut reply) => {
            reply.text = format!("*{}*\n\n{}", t(lang, "responses-feedback-kept"), reply.text);
            Ok(Outcome::Update(reply))
        }
        None => Ok(Outcome::notice(t(lang, "responses-gone"))),
    }
}

/// Releases are audited and delivered in the background; the teacher reads how many.
async fn released_note(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    released: Vec<crate::responses::model::Response>,
) -> String {
    let count = released.len();
    if count > 0 {
        audit::record(s, guild, inv.user, Action::ResponsesReleased { count }).await;
        deliver::spawn(s, released);
    }
    tr(inv.lang, "responses-released-count", &[("count", &count)])
}
