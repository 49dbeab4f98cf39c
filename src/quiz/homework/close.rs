//! Closing homework: the background loop closes every assignment whose due time has come
//! (in the guilds of the shards this process holds), a teacher may close one early; either
//! way one compare-and-set in the store decides who closes it, so its message is edited and
//! the class's summary posted exactly once, even with several processes.

use super::Assignment;
use super::summary::{self, Shape, Summary};
use crate::outbox::Message;
use crate::quiz::view::homework as cards;
use crate::services::{Error, Services};

/// Closes every assignment due now whose guild is this process's, and ends attempts begun as
/// an assignment closed.
pub async fn sweep(s: &Services) -> Result<(), Error> {
    let now = s.clock.unix();
    for a in s.store.due_homework(now).await? {
        if !s.pace.shards.owns(Some(a.guild)) {
            continue;
        }
        if let Err(e) = close(s, &a, None).await {
            tracing::warn!(homework = a.id, error = %e, "could not close a homework");
        }
    }
    s.store.end_stray_attempts(now).await?;
    Ok(())
}

/// The class's summary of an assignment so far.
pub async fn summary_of(s: &Services, a: &Assignment) -> Result<Summary, Error> {
    let shapes: Vec<Shape> = (1..=a.questions.len() as u32)
        .map(|n| Shape {
            choices: a.question(&s.core, n).map_or(0, |(_, shown)| shown.len()),
            correct: a.right_position(&s.core, n).unwrap_or(usize::MAX),
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
    let summary = summary_of(s, &closed).await?;
    let card = cards::summary_card(&s.core, &closed, &summary, closed.lang);
    s.outbox.post(closed.channel, &Message::from(card)).await?;
    Ok(true)
}

/// Edits the assignment's message to show it as it stands (its due time, or closed). It is
/// Aura's own channel message: edited through the channel, at any age.
pub async fn refresh(s: &Services, a: &Assignment) {
    let Some(message) = a.message else {
        return;
    };
    let card = cards::assignment_card(a, a.lang);
    if let Err(e) = s
        .outbox
        .edit(a.channel, message, &Message::from(card))
        .await
    {
        tracing::warn!(homework = a.id, error = %e, "could not update a homework's message");
    }
}
