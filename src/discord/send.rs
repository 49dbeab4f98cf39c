//! Sends what a feature answered: the one place that turns an [`Outcome`] into Discord's
//! interaction calls. A feature runs in its own task; if it has not answered within
//! [`SLOW`] (or is known to be slow), the interaction is deferred first and the outcome is
//! edited in afterwards, so Discord's 3-second window is always met. A failure or a panic
//! goes through the one error path ([`super::errors::failed`]), before or after a deferral.

use std::future::Future;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;
use serde_json::{Value, json};

use super::Error;
use super::errors;
use crate::interaction::{CustomId, Outcome};
use crate::ops::metrics;
use crate::pack::Lang;
use crate::render;
use crate::services;

/// How long a feature may take before its interaction is deferred.
pub const SLOW: Duration = Duration::from_millis(1500);

/// What was interacted with: a slash command (whose deferred answer is private or not), or a
/// component or modal on a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Command { private: bool },
    Component,
}

/// The interaction to answer.
pub struct Target<'a> {
    pub http: &'a serenity::Http,
    pub id: serenity::InteractionId,
    pub token: &'a str,
    pub kind: Kind,
    pub lang: Lang,
    /// For the logs: the command or `custom_id`.
    pub what: &'a str,
}

/// Runs `work` and answers with its outcome; defers at once when `slow`. Counted for the
/// operator's view by command (or component kind) and how it ended, with its latency.
pub async fn answer<F>(target: Target<'_>, slow: bool, work: F) -> Result<(), Error>
where
    F: Future<Output = Result<Outcome, services::Error>> + Send + 'static,
{
    let started = Instant::now();
    let mut failed = false;
    let sent = run(&target, slow, work, &mut failed).await;
    let ended = match (&sent, failed) {
        (Err(_), _) => metrics::Outcome::Unanswered,
        (Ok(()), true) => metrics::Outcome::Failed,
        (Ok(()), false) => metrics::Outcome::Ok,
    };
    metrics::interaction(&label(&target), ended, started.elapsed());
    sent
}

async fn run<F>(target: &Target<'_>, slow: bool, work: F, failed: &mut bool) -> Result<(), Error>
where
    F: Future<Output = Result<Outcome, services::Error>> + Send + 'static,
{
    let mut task = tokio::spawn(work);
    if !slow && let Ok(joined) = tokio::time::timeout(SLOW, &mut task).await {
        let outcome = settle(target, joined, failed);
        return respond(target, outcome).await;
    }
    defer(target).await?;
    let outcome = settle(target, task.await, failed);
    after_deferral(target, outcome).await
}

/// What the metrics call an interaction: the command's name, or `component:<kind>` for a
/// component or form whose id Aura made (`component:unknown` otherwise), never free text.
fn label(target: &Target<'_>) -> String {
    match target.kind {
        Kind::Command { .. } => target.what.to_string(),
        Kind::Component => {
            let kind = CustomId::decode(target.what)
                .and_then(|_| target.what.split(':').nth(1))
                .unwrap_or("unknown");
            format!("component:{kind}")
        }
    }
}

/// The outcome, or the member's notice for a failure (logged; `failed` is set).
fn settle(
    target: &Target<'_>,
    joined: Result<Result<Outcome, services::Error>, tokio::task::JoinError>,
    failed: &mut bool,
) -> Outcome {
    match joined {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(e)) => {
            *failed = true;
            if metrics::is_database(&e) {
                metrics::database_error("interaction");
            }
            errors::failed(target.lang, target.what, &format!("{e:#}"))
        }
        Err(e) => {
            *failed = true;
            errors::failed(target.lang, target.what, &format!("panic: {e}"))
        }
    }
}

/// Counts an answer's REST call by its HTTP status.
fn counted<T>(call: serenity::Result<T>) -> Result<T, Error> {
    match &call {
        Ok(_) => metrics::rest_ok("interaction"),
        Err(serenity::Error::Http(h)) => {
            metrics::rest("interaction", h.status_code().map_or(0, |s| s.as_u16()));
        }
        Err(_) => metrics::rest("interaction", 0),
    }
    Ok(call?)
}

/// The message body `data` of a reply with its charts drawn, and `extra` (a report's CSV)
/// listed after them: what serenity uploads as `files[n]` beside the JSON.
fn with_files(
    data: &mut Value,
    reply: &crate::reply::Reply,
    extra: Option<render::File>,
) -> Vec<serenity::CreateAttachment> {
    let mut files = render::files(reply);
    if let Some(file) = extra {
        render::attach(data, &mut files, file);
    }
    files
        .into_iter()
        .map(|f| serenity::CreateAttachment::bytes(f.bytes, f.name))
        .collect()
}

/// Draws the outcome's charts off the runtime before its message is built.
async fn draw_ahead(outcome: &Outcome) {
    match outcome {
        Outcome::Reply(r) | Outcome::Update(r) | Outcome::File { reply: r, .. } => {
            render::ahead(r).await;
        }
        _ => {}
    }
}

/// Answers within the 3 seconds: a new message, an update, a modal, a file, a deletion.
async fn respond(t: &Target<'_>, outcome: Outcome) -> Result<(), Error> {
    draw_ahead(&outcome).await;
    let update = t.kind == Kind::Component;
    let message = |r: &crate::reply::Reply, kind: u8, extra: Option<render::File>| {
        let mut body = render::interaction_response(r, kind);
        let files = with_files(&mut body["data"], r, extra);
        (body, files)
    };
    let (body, files) = match outcome {
        Outcome::Reply(r) => message(&r, render::CHANNEL_MESSAGE, None),
        Outcome::Update(r) if update => message(&r, render::UPDATE_MESSAGE, None),
        Outcome::Update(r) => message(&r, render::CHANNEL_MESSAGE, None),
        Outcome::Modal(m) => (render::modal(&m), vec![]),
        Outcome::File { reply, name, bytes } => message(
            &reply,
            render::CHANNEL_MESSAGE,
            Some(render::File { name, bytes }),
        ),
        Outcome::DeleteMessage => {
            let ack = json!({ "type": render::DEFERRED_UPDATE });
            counted(
                t.http
                    .create_interaction_response(t.id, t.token, &ack, vec![])
                    .await,
            )?;
            counted(t.http.delete_original_interaction_response(t.token).await)?;
            return Ok(());
        }
    };
    counted(
        t.http
            .create_interaction_response(t.id, t.token, &body, files)
            .await,
    )?;
    Ok(())
}

/// "Thinking…" for a command (private when its answer will be), or a silent acknowledgement
/// for a component, whose message is then edited or followed up.
async fn defer(t: &Target<'_>) -> Result<(), Error> {
    tracing::debug!(what = t.what, "deferring a slow answer");
    let body = match t.kind {
        Kind::Command { private: true } => {
            json!({ "type": render::DEFERRED_MESSAGE, "data": { "flags": render::EPHEMERAL } })
        }
        Kind::Command { private: false } => json!({ "type": render::DEFERRED_MESSAGE }),
        Kind::Component => json!({ "type": render::DEFERRED_UPDATE }),
    };
    counted(
        t.http
            .create_interaction_response(t.id, t.token, &body, vec![])
            .await,
    )?;
    Ok(())
}

/// The outcome after a deferral: the deferred message (or the clicked one) is edited, or a
/// follow-up carries a new message.
async fn after_deferral(t: &Target<'_>, outcome: Outcome) -> Result<(), Error> {
    draw_ahead(&outcome).await;
    let command = matches!(t.kind, Kind::Command { .. });
    let message = |r: &crate::reply::Reply, extra: Option<render::File>| {
        let mut data = render::message(r, render::Mentions::default());
        let files = with_files(&mut data, r, extra);
        (data, files)
    };
    let ((data, files), edit) = match outcome {
        // A public command's answer that turned out to be for the member alone (a server's
        // lookup rules): the public "thinking…" cannot become private, so it is removed and the
        // answer follows privately.
        Outcome::Reply(r) if t.kind == (Kind::Command { private: false }) && r.ephemeral => {
            counted(t.http.delete_original_interaction_response(t.token).await)?;
            (message(&r, None), false)
        }
        Outcome::Reply(r) => (message(&r, None), command),
        Outcome::Update(r) => (message(&r, None), true),
        Outcome::File { reply, name, bytes } => {
            (message(&reply, Some(render::File { name, bytes })), command)
        }
        Outcome::Modal(_) => {
            // A modal must be the first answer; reaching here is a bug, answered as one.
            let failed = errors::failed(t.lang, t.what, "a modal cannot follow a deferral");
            return Box::pin(after_deferral(t, failed)).await;
        }
        Outcome::DeleteMessage => {
            counted(t.http.delete_original_interaction_response(t.token).await)?;
            return Ok(());
        }
    };
    if edit {
        counted(
            t.http
                .edit_original_interaction_response(t.token, &data, files)
                .await,
        )?;
    } else {
        counted(t.http.create_followup_message(t.token, &data, files).await)?;
    }
    Ok(())
}
