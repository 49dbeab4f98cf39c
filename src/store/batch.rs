//! Debate votes written in groups: when a class votes at once, the votes waiting at that moment
//! are stored in one transaction (one commit, one write to the log) instead of one each. Every
//! vote's caller waits for the commit that holds its vote, so a click is acknowledged only once
//! its vote is stored: nothing acknowledged is lost when the bot stops, cleanly or not.

use tokio::sync::{mpsc, oneshot};

use super::{BeginWrite, Db, StoreError};
use crate::debate::{Side, VoteOutcome};

/// The most votes one transaction takes.
const MOST: usize = 256;

/// A vote on its way to the database.
struct Vote {
    debate: String,
    /// Where the click came from: the vote counts only in the debate's own server and channel.
    guild: Option<String>,
    channel: String,
    user: String,
    side: Side,
    now: i64,
    done: oneshot::Sender<Result<VoteOutcome, StoreError>>,
}

/// The handle to the task that writes votes; cheap to clone.
#[derive(Debug, Clone)]
pub(super) struct Votes {
    queue: mpsc::UnboundedSender<Vote>,
}

impl Votes {
    /// Starts the writing task on the current runtime; it ends when every handle is dropped.
    pub(super) fn start(pool: Db) -> Votes {
        let (queue, mut waiting) = mpsc::unbounded_channel::<Vote>();
        tokio::spawn(async move {
            let mut group = Vec::with_capacity(MOST);
            while waiting.recv_many(&mut group, MOST).await > 0 {
                write(&pool, std::mem::take(&mut group)).await;
            }
        });
        Votes { queue }
    }

    /// Stores one vote (with the check that the debate is open at `now`, in the server and
    /// channel `at`) and says what it did.
    pub(super) async fn cast(
        &self,
        debate: u64,
        at: (Option<u64>, u64),
        user: u64,
        side: Side,
        now: i64,
    ) -> Result<VoteOutcome, StoreError> {
        let (done, outcome) = oneshot::channel();
        let vote = Vote {
            debate: debate.to_string(),
            guild: at.0.map(|g| g.to_string()),
            channel: at.1.to_string(),
            user: user.to_string(),
            side,
            now,
            done,
        };
        if self.queue.send(vote).is_err() {
            return Err(StoreError::Db(sqlx::Error::PoolClosed));
        }
        outcome
            .await
            .unwrap_or_else(|_| Err(StoreError::Db(sqlx::Error::PoolClosed)))
    }
}

/// Stores a group in one transaction; if that fails, each vote alone, so that one bad vote
/// fails only its own click.
async fn write(pool: &Db, group: Vec<Vote>) {
    let together = match group.len() {
        1 => None,
        _ => in_one_transaction(pool, &group).await.ok(),
    };
    if let Some(outcomes) = together {
        for (vote, outcome) in group.into_iter().zip(outcomes) {
            let _ = vote.done.send(Ok(outcome));
        }
        return;
    }
    for vote in group {
        let outcome = in_one_transaction(pool, std::slice::from_ref(&vote))
            .await
            .map(|o| o.into_iter().next().unwrap_or(VoteOutcome::Closed));
        let _ = vote.done.send(outcome);
    }
}

/// Stores one vote if its debate is open (a first vote is one statement, a changed vote two)
/// through `$conn`, a connection of either engine, and says what it did.
macro_rules! store {
    ($conn:expr, $vote:expr) => {{
        let vote: &Vote = $vote;
        let mut outcome = VoteOutcome::Closed;
        for (sql, done_as) in [(CAST, VoteOutcome::Cast), (CHANGE, VoteOutcome::Changed)] {
            let done = sqlx::query(sql)
                .bind(&vote.debate)
                .bind(&vote.user)
                .bind(vote.side.code())
                .bind(vote.now)
                .bind(&vote.channel)
                .bind(&vote.guild)
                .execute($conn)
                .await?;
            if done.rows_affected() == 1 {
                outcome = done_as;
                break;
            }
        }
        outcome
    }};
}

async fn in_one_transaction(pool: &Db, group: &[Vote]) -> Result<Vec<VoteOutcome>, StoreError> {
    let mut outcomes = Vec::with_capacity(group.len());
    if let [vote] = group {
        // One vote alone needs no transaction: each statement checks that the debate is open.
        on!(pool, |db| {
            let mut conn = db.acquire().await?;
            outcomes.push(store!(&mut *conn, vote));
        });
        return Ok(outcomes);
    }
    // The write lock is taken at once (SQLite's IMMEDIATE), so no reader can turn this into a
    // busy upgrade.
    on!(pool, |db| {
        let mut tx = db.begin_write().await?;
        for vote in group {
            outcomes.push(store!(&mut *tx, vote));
        }
        tx.commit().await?;
    });
    Ok(outcomes)
}

/// A first vote, stored if the debate is open and the click came from its own server and
/// channel ($1 debate, $2 member, $3 side, $4 now, $5 channel, $6 server).
const CAST: &str = "INSERT INTO debate_votes (debate_id, user_id, side, voted_at)
    SELECT $1, $2, $3, $4
    WHERE EXISTS (SELECT 1 FROM debates WHERE id = $1 AND closed_at IS NULL AND closes_at > $4
        AND channel_id = $5 AND guild_id IS NOT DISTINCT FROM $6 AND format = 'quick')
    ON CONFLICT (debate_id, user_id) DO NOTHING";

/// A changed vote, stored on the same conditions.
const CHANGE: &str = "UPDATE debate_votes SET side = $3, voted_at = $4
    WHERE debate_id = $1 AND user_id = $2
    AND EXISTS (SELECT 1 FROM debates WHERE id = $1 AND closed_at IS NULL AND closes_at > $4
        AND channel_id = $5 AND guild_id IS NOT DISTINCT FROM $6 AND format = 'quick')";

#[cfg(test)]
mod tests {
    use super::super::Store;
    use super::*;
    use crate::debate::Debate;
    use crate::pack::Lang;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_class_voting_at_once_is_stored_vote_by_vote() {
        let store = Store::in_memory().await.unwrap();
        store
            .open_debate(&Debate {
                id: 1,
                pack: "benjamin".into(),
                motion: "m".into(),
                guild: None,
                channel: 2,
                starter: 3,
                token: "t".into(),
                lang: Lang::En,
                opened_at: 0,
                closes_at: 100,
                closed_at: None,
                format: crate::debate::Format::Quick,
                message: None,
                thread: None,
            })
            .await
            .unwrap();
        let votes: Vec<_> = (0..300)
            .map(|i| {
                let store = store.clone();
                // Members 0–49 vote twice; member 7 also votes on a debate that does not exist.
                let user = 100 + (i % 250) as u64;
                let side = [Side::Benjamin, Side::Adorno, Side::Undecided][i % 3];
                tokio::spawn(async move { store.vote(1, (None, 2), user, side, 10).await })
            })
            .chain(std::iter::once({
                let store = store.clone();
                tokio::spawn(async move { store.vote(99, (None, 2), 107, Side::Adorno, 10).await })
            }))
            .collect();
        let mut outcomes = Vec::new();
        for v in votes {
            outcomes.push(v.await.unwrap().unwrap());
        }
        let count = |o: VoteOutcome| outcomes.iter().filter(|&&x| x == o).count();
        assert_eq!(count(VoteOutcome::Cast), 250);
        assert_eq!(count(VoteOutcome::Changed), 50);
        assert_eq!(count(VoteOutcome::Closed), 1);
        assert_eq!(store.tally(1).await.unwrap().total(), 250);
    }
}
