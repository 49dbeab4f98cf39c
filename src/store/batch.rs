//! Writes that come in bursts, stored in groups: when a class votes or answers at once, the
//! votes (or quiz answers) waiting at that moment are stored in one transaction (one commit, one
//! write to the log) instead of one each. Every caller waits for the commit that holds its own
//! write, so a click is acknowledged only once it is stored: nothing acknowledged is lost when
//! the bot stops, cleanly or not. If a group fails, each of its writes is tried alone, so one
//! bad write fails only its own click.

use std::future::Future;

use tokio::sync::{mpsc, oneshot};

use super::{BeginWrite, Db, RowLocks, StoreError};
use crate::debate::model::{Side, VoteOutcome};
use crate::quiz::model::AnswerRow;

/// The most writes one transaction takes.
const MOST: usize = 256;

/// A kind of write that can be stored in groups.
pub(super) trait Grouped: Sized + Send + Sync + 'static {
    /// What storing one says.
    type Done: Send + 'static;
    /// Stores `group` in one transaction: one result per write, in order.
    fn store(
        db: &Db,
        group: &[Self],
    ) -> impl Future<Output = Result<Vec<Self::Done>, StoreError>> + Send;
}

/// A write waiting for its group, with its caller's answer.
type Waiting<T> = (T, oneshot::Sender<Result<<T as Grouped>::Done, StoreError>>);

/// What the writing task is handed: a write, or a flush answered once every write handed
/// before it is stored.
enum Job<T: Grouped> {
    Write(Waiting<T>),
    Flush(oneshot::Sender<()>),
}

/// The handle to the task that writes `T`s; cheap to clone.
pub(super) struct Writer<T: Grouped> {
    queue: mpsc::UnboundedSender<Job<T>>,
}

impl<T: Grouped> std::fmt::Debug for Writer<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer").finish_non_exhaustive()
    }
}

impl<T: Grouped> Clone for Writer<T> {
    fn clone(&self) -> Self {
        Writer {
            queue: self.queue.clone(),
        }
    }
}

impl<T: Grouped> Writer<T> {
    /// Starts the writing task on the current runtime; it ends when every handle is dropped.
    pub(super) fn start(db: Db) -> Writer<T> {
        let (queue, mut waiting) = mpsc::unbounded_channel::<Job<T>>();
        tokio::spawn(async move {
            let mut jobs = Vec::with_capacity(MOST);
            while waiting.recv_many(&mut jobs, MOST).await > 0 {
                let mut group = Vec::with_capacity(jobs.len());
                let mut flushes = Vec::new();
                for job in jobs.drain(..) {
                    match job {
                        Job::Write(w) => group.push(w),
                        Job::Flush(done) => flushes.push(done),
                    }
                }
                if !group.is_empty() {
                    write(&db, group).await;
                }
                for done in flushes {
                    let _ = done.send(());
                }
            }
        });
        Writer { queue }
    }

    /// Stores `item` with whatever else is waiting, and says what storing it did.
    pub(super) async fn submit(&self, item: T) -> Result<T::Done, StoreError> {
        let closed = || StoreError::Db(sqlx::Error::PoolClosed);
        let (done, outcome) = oneshot::channel();
        if self.queue.send(Job::Write((item, done))).is_err() {
            return Err(closed());
        }
        outcome.await.unwrap_or_else(|_| Err(closed()))
    }

    /// Waits until every write handed in before it is stored (or failed): a member's data
    /// deleted after this cannot be brought back by a write already queued.
    pub(super) async fn flush(&self) {
        let (done, flushed) = oneshot::channel();
        if self.queue.send(Job::Flush(done)).is_ok() {
            let _ = flushed.await;
        }
    }
}

/// Stores a group in one transaction; if that fails, each write alone.
async fn write<T: Grouped>(db: &Db, group: Vec<Waiting<T>>) {
    let (items, dones): (Vec<T>, Vec<_>) = group.into_iter().unzip();
    if items.len() > 1
        && let Ok(outcomes) = T::store(db, &items).await
    {
        for (done, outcome) in dones.into_iter().zip(outcomes) {
            let _ = done.send(Ok(outcome));
        }
        return;
    }
    for (item, done) in items.iter().zip(dones) {
        let outcome = T::store(db, std::slice::from_ref(item))
            .await
            .and_then(|o| {
                o.into_iter()
                    .next()
                    .ok_or(StoreError::Db(sqlx::Error::RowNotFound))
            });
        let _ = done.send(outcome);
    }
}

/// A debate vote on its way to the database.
pub(super) struct Vote {
    pub(super) debate: String,
    /// Where the click came from: the vote counts only in the debate's own server and channel.
    pub(super) guild: Option<String>,
    pub(super) channel: String,
    pub(super) user: String,
    pub(super) side: Side,
    pub(super) now: i64,
}

impl Grouped for Vote {
    type Done = VoteOutcome;
    fn store(
        db: &Db,
        group: &[Vote],
    ) -> impl Future<Output = Result<Vec<VoteOutcome>, StoreError>> + Send {
        in_one_transaction(db, group)
    }
}

/// A quiz answer on its way to the database (kept as it was if already stored).
pub(super) struct Answer {
    pub(super) round: String,
    pub(super) guild: String,
    pub(super) row: AnswerRow,
}

impl Grouped for Answer {
    type Done = ();
    async fn store(db: &Db, group: &[Answer]) -> Result<Vec<()>, StoreError> {
        on!(db, |db| {
            let mut tx = db.begin_write().await?;
            for a in group {
                super::quiz::insert_answer(&a.round, &a.guild, &a.row)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        });
        Ok(vec![(); group.len()])
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
    on!(pool, |db| {
        if let [vote] = group
            && !db.locks_rows()
        {
            // One vote alone needs no transaction on SQLite: each statement checks that the
            // debate is open, and the one writer orders it against a close.
            let mut conn = db.acquire().await?;
            outcomes.push(store!(&mut *conn, vote));
            return Ok(outcomes);
        }
        // The write lock is taken at once (SQLite's IMMEDIATE), so no reader can turn this
        // into a busy upgrade. On PostgreSQL, the debates voted on are held (`FOR SHARE`) so
        // that a close waits for these votes or is seen by them.
        let mut tx = db.begin_write().await?;
        if db.locks_rows() {
            let mut debates: Vec<&str> = group.iter().map(|v| v.debate.as_str()).collect();
            debates.sort_unstable();
            debates.dedup();
            for debate in debates {
                sqlx::query("SELECT 1 FROM debates WHERE id = $1 FOR SHARE")
                    .bind(debate)
                    .execute(&mut *tx)
                    .await?;
            }
        }
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
    use crate::debate::model::Debate;
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
                format: crate::debate::model::Format::Quick,
                message: None,
                thread: None,
                own_motion: None,
                bilingual: false,
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
