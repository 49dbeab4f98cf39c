//! Written work: what students write for the class and what Aura can tell them about it. A
//! Respond button under daily prompts and motions, the letter's points, debates' motions and
//! homework's hardest question opens a form ([`write`]); every passage the student quotes is
//! checked against the pack before saving ([`quote_check`]); teachers review, give statuses
//! and feedback and release it ([`review`]); members read theirs and agree to share
//! ([`deliver`]). The cards are in [`view`], the plain data in [`model`].

pub mod deliver;
pub mod model;
pub mod quote_check;
pub mod review;
pub mod view;
pub mod write;

use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::reply::Reply;
use crate::services::{Error, Services};
use model::MAX_LABELS;

/// A `/responses` subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponsesCommand {
    /// The member's own responses, with status and feedback.
    Mine,
    /// A teacher's review.
    Review(review::ReviewArgs),
    /// The server's own statuses (comma-separated; empty clears them).
    Labels { text: Option<String> },
    /// A teacher's view of one member's participation.
    Student { member: u64 },
}

/// Runs a `/responses` subcommand, in a server, privately.
pub async fn command(
    s: &Services,
    inv: &Invocation,
    cmd: ResponsesCommand,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in("responses", lang);
        return Ok(Reply::notice(tr(lang, "error-server-only", &[("command", &path)])).into());
    };
    match cmd {
        ResponsesCommand::Mine => deliver::mine(s, (inv, guild)).await,
        ResponsesCommand::Review(args) => review::command(s, (inv, guild), args).await,
        ResponsesCommand::Labels { text } => labels(s, (inv, guild), text.as_deref()).await,
        ResponsesCommand::Student { member } => {
            if !crate::quiz::access::moderates_server(s, inv).await {
                return Ok(Reply::no_permission(lang).into());
            }
            crate::quiz::gradebook::term::student(s, (guild, member), lang).await
        }
    }
}

/// `/responses labels [text]`: the server's own statuses beside the three (at most two, each
/// at most 40 characters), or none.
async fn labels(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    text: Option<&str>,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    if !crate::quiz::access::moderates_server(s, inv).await {
        return Ok(Reply::no_permission(lang).into());
    }
    let labels: Vec<String> = text
        .unwrap_or("")
        .split([',', ';', '\n'])
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    if labels.len() > MAX_LABELS || labels.iter().any(|l| l.chars().count() > 40) {
        return Ok(Outcome::notice(tr(
            lang,
            "responses-labels-bad",
            &[("limit", &MAX_LABELS)],
        )));
    }
    s.store.set_response_labels(guild, &labels).await?;
    let text = if labels.is_empty() {
        t(lang, "responses-labels-none")
    } else {
        let shown: Vec<String> = labels
            .iter()
            .map(|l| crate::text::escape_markdown(l))
            .collect();
        tr(
            lang,
            "responses-labels-set",
            &[("labels", &shown.join(", "))],
        )
    };
    Ok(Outcome::private(text))
}
