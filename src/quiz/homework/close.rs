//! Closing homework: the background loop closes every assignment whose due time has come
//! (in the guilds of the shards this process holds), a teacher may close one early; either
//! way one compare-and-set in the store decides who closes it, so its message is edited and
//! the class's summary posted exactly once, even with several processes. A summary Discord
//! did not accept stays pending and is tried again by the sweep (found in the channel first).
//! The same sweep reminds the channel a day and an hour before an assignment is due.

use std::collections::BTreeMap;
use std::time::Duration;

use super::Assignment;
use super::summary::{self, Shape, Summary};
use crate::ops::metrics::background_failed;
use crate::outbox::{Message, Sought};
use crate::quiz::view::homework as cards;
use crate::services::{Error, Services};

/// Closes every assignment due now whose guild is this process's, and ends attempts begun as
/// an assignment closed.
pub async fn sweep(s: &Services) -> Result<(), Error> {
    let now = s.clock.unix();
    // Each server's due assignments in a task of their own, each close within a bound: one
    // server's hundred due assignments (or a channel that never answers) hold no other's.
    let mut servers: BTreeMap<u64, Vec<Assignment>> = BTreeMap::new();
    for a in s.store.due_homework(now).await? {
        if s.pace.shards.owns(Some(a.guild)) {
            servers.entry(a.guild).or_default().push(a);
        }
    }
    let mut closing = tokio::task::JoinSet::new();
    for (_, due) in servers {
        let s = s.clone();
        closing.spawn(async move {
            for a in due {
                match tokio::time::timeout(CLOSE_WITHIN, close(&s, &a, None)).await {
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => background_failed("could not close a homework", &e),
                    Err(_) => tracing::warn!(
                        homework = a.id,
                        "closing a homework took too long; its summary is tried again"
                    ),
                }
            }
        });
    }
    while closing.join_next().await.is_some() {}
    // Summaries Discord did not accept (a 5xx, a timeout, a shutdown): tried again, once.
    for a in s.store.pending_summaries(now - SUMMARY_PATIENCE).await? {
        if s.pace.shards.owns(Some(a.guild)) && a.closed_at.is_some_and(|at| at < now) {
            match tokio::time::timeout(CLOSE_WITHIN, post_summary(s, &a, true)).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => background_failed("a homework summary still waits", &e),
                Err(_) => tracing::warn!(homework = a.id, "a homework summary still waits"),
            }
        }
    }
    s.store.end_stray_attempts(now).await?;
    remind(s, now).await
}

/// Reminds each open assignment's channel a day and an hour before it is due, once each,
/// pinging nobody unless the teacher named a role for it; a reminder whose moment had passed when the assignment was set (homework
/// due in three hours gets no "due tomorrow") is claimed without a post. A post Discord
/// refuses is logged, not tried again: the next reminder or the summary follows.
async fn remind(s: &Services, now: i64) -> Result<(), Error> {
    for (a, level) in s.store.homework_to_remind(now).await? {
        if !s.pace.shards.owns(Some(a.guild)) || !s.store.claim_reminder(a.id, level).await? {
            continue;
        }
        let before = if level >= 2 { 3600 } else { 86_400 };
        if a.created_at > a.due_at - before {
            continue;
        }
        let card = cards::in_both(&a, |lang| cards::reminder(&a, level >= 2, lang));
        let message = Message {
            ping: a.ping_role,
            ..Message::from(card)
        };
        if let Err(e) = s.outbox.post(a.channel, &message).await {
            tracing::warn!(homework = a.id, error = %e, "could not post a homework reminder");
        }
    }
    Ok(())
}

/// How long one assignment's close may take before the sweep moves on.
const CLOSE_WITHIN: Duration = Duration::from_secs(30);

/// How long a summary Discord has not accepted is tried again.
const SUMMARY_PATIENCE: i64 = 3 * 86_400;

/// The class's summary of an assignment so far.
pub async fn summary_of(s: &Services, a: &Assignment) -> Result<Summary, Error> {
    let own = super::own_questions(s, a).await;
    let bank = (s.core.as_ref(), own.asked.as_slice());
    let shapes: Vec<Shape> = (1..=a.questions.len() as u32)
        .map(|n| Shape {
            choices: a.question(bank, n).map_or(0, |(_, shown)| shown.len()),
            correct: a.right_position(bank, n).unwrap_or(usize::MAX),
        })
        .collect();
    let attempts = s.store.attempts_at(a.id).await?;
    let answers = s.store.homework_answers(a.id).await?;
    Ok(summary::summarise(&shapes, &attempts, &answers))
}

/// Closes `a` now (`by`: the teacher closing it early): shows its message closed and posts the
/// class's summary. `false` when someone else closed it first.
pub async fn close(s: &Services, a: &Assignment, by: Option<u64>) -> Result<bool, Error> {
    let now = s.clock.unix();
    if !s.store.close_homework(a.id, now, by).await? {
        return Ok(false);
    }
    let closed = Assignment {
        closed_at: Some(now),
        closed_by: by,
        ..a.clone()
    };
    tracing::info!(homework = a.id, early = by.is_some(), "homework closed");
    refresh(s, &closed).await;
    if let Err(e) = post_summary(s, &closed, false).await {
        tracing::warn!(homework = a.id, error = %e, "the homework summary waits for a retry");
    }
    Ok(true)
}

/// Posts a closed assignment's summary exactly once: with the same nonce on every try (Discord
/// returns the first message for a repeat), looked for in the channel before a retry, and
/// remembered once Discord has accepted it. Until then it stays pending for the sweep.
async fn post_summary(s: &Services, a: &Assignment, retry: bool) -> Result<(), Error> {
    let summary = summary_of(s, a).await?;
    let own = super::own_questions(s, a).await;
    let card = cards::in_both(a, |lang| {
        cards::summary_card((&s.core, &own.asked), a, &summary, lang)
    });
    let nonce = format!("hw{}", a.id);
    if retry {
        let marker = card.title.clone();
        let sought = Sought {
            nonce: &nonce,
            marker: marker.as_deref(),
            after: a.message,
        };
        if let Some(found) = s.outbox.find_post(a.channel, &sought).await? {
            s.store.homework_summary_sent(a.id, found).await?;
            return Ok(());
        }
    }
    match s
        .outbox
        .post_once(a.channel, &Message::from(card), &nonce)
        .await
    {
        Ok(message) => s.store.homework_summary_sent(a.id, message).await?,
        Err(e) if e.is_gone() => {
            tracing::warn!(homework = a.id, error = %e, "the homework's channel is gone: no summary");
            s.store.homework_summary_sent(a.id, 0).await?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// Edits the assignment's message to show it as it stands (its due time, or closed). It is
/// Aura's own channel message: edited through the channel, at any age.
pub async fn refresh(s: &Services, a: &Assignment) {
    let Some(message) = a.message else {
        return;
    };
    let card = cards::in_both(a, |lang| cards::assignment_card(a, lang));
    if let Err(e) = s
        .outbox
        .edit(a.channel, message, &Message::from(card))
        .await
    {
        tracing::warn!(homework = a.id, error = %e, "could not update a homework's message");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Core;
    use crate::outbox::Recorder;
    use crate::pack::Lang;
    use crate::services::Pace;
    use crate::store::Store;
    use std::sync::Arc;

    fn due(id: u64, guild: u64, channel: u64) -> Assignment {
        Assignment::sample(id, (guild, channel), 100)
    }

    /// One server's hundred due assignments, in a channel that never answers, do not hold
    /// another server's close: each server's closes run in a task of their own.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_servers_hundred_due_assignments_do_not_delay_anothers_close() {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        let outbox = Arc::new(Recorder::new());
        outbox.hang_channel(20);
        let s = Services::new(core, store.clone(), outbox.clone(), Pace::default());
        for n in 0..100 {
            store
                .create_homework(&due(1_000 + n, 1, 20), 200)
                .await
                .expect("homework");
        }
        store
            .create_homework(&due(5_000, 2, 30), 200)
            .await
            .expect("homework");
        let sweeping = tokio::spawn({
            let s = s.clone();
            async move { sweep(&s).await }
        });
        let started = std::time::Instant::now();
        loop {
            let closed = store.homework(5_000).await.expect("read");
            let posted = outbox.posts().iter().any(|(channel, _)| *channel == 30);
            if closed.is_some_and(|a| a.closed_at.is_some()) && posted {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(3),
                "the other server's homework waited"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        sweeping.abort();
    }
}
