//! Daily posts, from claim to message. A post is claimed once per schedule and local date
//! (whoever comes first: the tick, a catch-up after a restart, or `/daily now`), and the deck
//! is read, drawn from and written in that same transaction, so nothing queued meanwhile (an
//! approved suggestion, staff's pick) is lost. The claim stays pending, with the nonce the post
//! is sent with, until Discord's answer gives it a message; a post that could not go out gives
//! back its day and its place in the deck, again in one transaction.

use sqlx::query::Query;
use sqlx::{Database, Encode, Executor, FromRow, IntoArguments, Row, Type};

use super::daily::{deck_json, schedule};
use super::{BeginWrite, Store, StoreError};
use crate::daily::model::{DailySchedule, Deck, PendingPost, post_nonce};

/// What claiming a day's post did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// Claimed, with this item drawn from the deck and the nonce to post with.
    Claimed { item: String, nonce: String },
    /// That day was already claimed: nothing changed.
    Taken,
    /// The deck had nothing to draw: nothing changed.
    Empty,
}

/// Takes a schedule's row for this transaction and reads its deck (`$1`: the schedule), in one
/// statement: another process changing the same deck waits until this one commits, so no
/// change is lost (a row lock on PostgreSQL; on SQLite, the write lock taken at once).
const TAKE_DECK: &str = "UPDATE daily_schedules SET deck = deck WHERE id = $1 RETURNING deck";
/// Stores a schedule's deck (`$1`: the deck as JSON, `$2`: the schedule).
const WRITE_DECK: &str = "UPDATE daily_schedules SET deck = $1 WHERE id = $2";

/// Takes `schedule`'s row in transaction `tx` with [`TAKE_DECK`]: its deck, if it is there (a
/// deck that no longer parses starts afresh).
async fn take_deck<'c, DB>(
    tx: &'c mut sqlx::Transaction<'static, DB>,
    schedule: i64,
) -> Result<Option<Deck>, StoreError>
where
    DB: Database,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    (String,): for<'r> FromRow<'r, DB::Row>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
    &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    let stored: Option<String> = sqlx::query_scalar(TAKE_DECK)
        .bind(schedule)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(stored.map(|d| serde_json::from_str(&d).unwrap_or_else(|_| Deck::new(schedule as u64))))
}

/// The statement of [`WRITE_DECK`]: stores `deck` as `schedule`'s.
fn write_deck<'q, DB>(schedule: i64, deck: &Deck) -> Query<'q, DB, DB::Arguments<'q>>
where
    DB: Database,
    i64: Encode<'q, DB> + Type<DB>,
    String: Encode<'q, DB> + Type<DB>,
{
    sqlx::query(WRITE_DECK).bind(deck_json(deck)).bind(schedule)
}

impl Store {
    /// Claims the post of `local_date` (YYYY-MM-DD) for a schedule. In one transaction: reads
    /// the schedule's deck, lets `draw` take the next item from it, stores the moved deck and
    /// records the claim as pending with its nonce.
    pub async fn claim_post(
        &self,
        schedule: i64,
        local_date: &str,
        manual: bool,
        now: i64,
        draw: impl FnOnce(&mut Deck) -> Option<String> + Send,
    ) -> Result<Claim, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let current = take_deck(&mut tx, schedule).await?;
            let taken: Option<i64> = sqlx::query_scalar(
            "SELECT CAST(1 AS BIGINT) FROM daily_posts WHERE schedule_id = $1 AND local_date = $2",
        )
        .bind(schedule)
        .bind(local_date)
        .fetch_optional(&mut *tx)
        .await?;
            if taken.is_some() {
                return Ok(Claim::Taken);
            }
            let Some(mut deck) = current else {
                return Ok(Claim::Empty);
            };
            let Some(item) = draw(&mut deck) else {
                return Ok(Claim::Empty);
            };
            let nonce = post_nonce(schedule, local_date);
            let done = sqlx::query(
                "INSERT INTO daily_posts (schedule_id, local_date, item, posted_at, manual, nonce)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (schedule_id, local_date) DO NOTHING",
            )
            .bind(schedule)
            .bind(local_date)
            .bind(&item)
            .bind(now)
            .bind(i64::from(manual))
            .bind(&nonce)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                // The key is the guarantee: a claim made meanwhile elsewhere wins.
                return Ok(Claim::Taken);
            }
            write_deck(schedule, &deck).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(Claim::Claimed { item, nonce })
        })
    }

    /// Gives back a claimed post that did not go out, in one transaction: the day is free again
    /// and the item goes back to the front of the deck as it is now (whatever was queued since
    /// stays). `false` if there was no pending claim.
    pub async fn release_post(
        &self,
        schedule: i64,
        local_date: &str,
        item: &str,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let current = take_deck(&mut tx, schedule).await?;
            let done = sqlx::query(
            "DELETE FROM daily_posts WHERE schedule_id = $1 AND local_date = $2 AND message_id IS NULL",
        )
        .bind(schedule)
        .bind(local_date)
        .execute(&mut *tx)
        .await?;
            if done.rows_affected() == 0 {
                return Ok(false);
            }
            if let Some(mut deck) = current {
                deck.undraw(item);
                write_deck(schedule, &deck).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE daily_schedules SET next_due = NULL WHERE id = $1")
                .bind(schedule)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Changes a schedule's deck as it is now, in one transaction; `false` if it is gone.
    pub async fn update_deck(
        &self,
        schedule: i64,
        change: impl FnOnce(&mut Deck) + Send,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let current = take_deck(&mut tx, schedule).await?;
            let Some(mut deck) = current else {
                return Ok(false);
            };
            change(&mut deck);
            write_deck(schedule, &deck).execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Marks a claimed post as posted, with the message that carried it.
    pub async fn set_post_message(
        &self,
        schedule: i64,
        local_date: &str,
        message: u64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
                "UPDATE daily_posts SET message_id = $1 WHERE schedule_id = $2 AND local_date = $3",
            )
            .bind(message.to_string())
            .bind(schedule)
            .bind(local_date)
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// Remembers when a schedule is next due (unix seconds), so the loop reads it only then.
    pub async fn set_next_due(&self, schedule: i64, at: Option<i64>) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("UPDATE daily_schedules SET next_due = $1 WHERE id = $2")
                .bind(at)
                .bind(schedule)
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// The running schedules that may be due at `now` (their next-due time has come, or is
    /// not known yet), and those with a pending post, with it. Nothing else is read.
    pub async fn due_schedules(
        &self,
        now: i64,
    ) -> Result<Vec<(DailySchedule, Option<PendingPost>)>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
            "SELECT s.*, p.local_date AS p_date, p.item AS p_item, p.nonce AS p_nonce,
                    p.manual AS p_manual
             FROM daily_schedules s
             LEFT JOIN daily_posts p ON p.schedule_id = s.id AND p.message_id IS NULL
             WHERE s.paused = 0 AND (p.schedule_id IS NOT NULL OR s.next_due IS NULL OR s.next_due <= $1)
             ORDER BY s.id, p.local_date",
        )
        .bind(now)
        .fetch_all(db)
        .await?;
            let mut out: Vec<(DailySchedule, Option<PendingPost>)> = Vec::new();
            for row in rows {
                let s = schedule(&row)?;
                // One pending post per schedule at a time: the oldest first.
                if out.last().is_some_and(|(last, _)| last.id == s.id) {
                    continue;
                }
                let date: Option<String> = row.try_get("p_date")?;
                let pending = match date {
                    Some(local_date) => {
                        let nonce: Option<String> = row.try_get("p_nonce")?;
                        Some(PendingPost {
                            nonce: nonce.unwrap_or_else(|| post_nonce(s.id, &local_date)),
                            item: row.try_get("p_item")?,
                            manual: row.try_get::<Option<i64>, _>("p_manual")?.unwrap_or(0) != 0,
                            local_date,
                        })
                    }
                    None => None,
                };
                out.push((s, pending));
            }
            Ok(out)
        })
    }

    /// One schedule's pending post, if any (the oldest).
    pub async fn pending_post(&self, schedule: i64) -> Result<Option<PendingPost>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query(
                "SELECT local_date, item, nonce, manual FROM daily_posts
             WHERE schedule_id = $1 AND message_id IS NULL ORDER BY local_date LIMIT 1",
            )
            .bind(schedule)
            .fetch_optional(db)
            .await?;
            let Some(row) = row else { return Ok(None) };
            let local_date: String = row.try_get("local_date")?;
            let nonce: Option<String> = row.try_get("nonce")?;
            Ok(Some(PendingPost {
                nonce: nonce.unwrap_or_else(|| post_nonce(schedule, &local_date)),
                item: row.try_get("item")?,
                manual: row.try_get("manual")?,
                local_date,
            }))
        })
    }

    /// The local date of the schedule's last claimed post (sent or pending), if any.
    pub async fn last_post_date(&self, schedule: i64) -> Result<Option<String>, StoreError> {
        on!(&self.reader, |db| {
            Ok(
                sqlx::query_scalar(
                    "SELECT MAX(local_date) FROM daily_posts WHERE schedule_id = $1",
                )
                .bind(schedule)
                .fetch_one(db)
                .await?,
            )
        })
    }

    /// One post of a schedule: its item, its message (once Discord accepted it) and when it
    /// was claimed.
    pub async fn daily_post(
        &self,
        schedule: i64,
        local_date: &str,
    ) -> Result<Option<(String, Option<u64>, i64)>, StoreError> {
        on!(&self.reader, |db| {
            let row: Option<(String, Option<String>, i64)> = sqlx::query_as(
                "SELECT item, message_id, posted_at FROM daily_posts
                 WHERE schedule_id = $1 AND local_date = $2",
            )
            .bind(schedule)
            .bind(local_date)
            .fetch_optional(db)
            .await?;
            row.map(|(item, message, at)| {
                let message = message
                    .map(|m| super::parse_id("message_id", &m))
                    .transpose()?;
                Ok((item, message, at))
            })
            .transpose()
        })
    }

    /// The message of the schedule's latest post (to unpin it, and to look for a pending post
    /// after it).
    pub async fn last_post_message(&self, schedule: i64) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let message: Option<Option<String>> = sqlx::query_scalar(
            "SELECT message_id FROM daily_posts WHERE schedule_id = $1 AND message_id IS NOT NULL
             ORDER BY local_date DESC LIMIT 1",
        )
        .bind(schedule)
        .fetch_optional(db)
        .await?;
            message
                .flatten()
                .map(|m| super::parse_id("message_id", &m))
                .transpose()
        })
    }

    /// How many posts a schedule has claimed (sent or pending).
    pub async fn post_count(&self, schedule: i64) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            Ok(
                sqlx::query_scalar("SELECT COUNT(*) FROM daily_posts WHERE schedule_id = $1")
                    .bind(schedule)
                    .fetch_one(db)
                    .await?,
            )
        })
    }

    /// How many of a server's schedules exist.
    pub async fn schedule_count(&self, guild: u64) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            Ok(
                sqlx::query_scalar("SELECT COUNT(*) FROM daily_schedules WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_one(db)
                    .await?,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<String> {
        (0..5).map(|i| format!("p{i}")).collect()
    }

    #[tokio::test]
    async fn a_day_is_claimed_exactly_once_and_stays_pending_until_posted() {
        let s = Store::in_memory().await.unwrap();
        let id = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        let items = all();
        let first = s
            .claim_post(id, "2026-11-28", false, 1, |d| d.draw(&items))
            .await
            .unwrap();
        let Claim::Claimed { item, nonce } = first else {
            panic!("{first:?}")
        };
        assert_eq!(nonce, "d1.20261128");
        // A restart's catch-up, or /daily now, on the same local day: refused, deck untouched.
        let deck = s.schedules(None).await.unwrap()[0].deck.clone();
        assert_eq!(
            s.claim_post(id, "2026-11-28", true, 2, |d| d.draw(&items))
                .await
                .unwrap(),
            Claim::Taken
        );
        assert_eq!(s.schedules(None).await.unwrap()[0].deck, deck);
        // Pending until Discord's answer: the loop sees it, whatever its next-due time.
        s.set_next_due(id, Some(i64::MAX)).await.unwrap();
        let due = s.due_schedules(0).await.unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].1.as_ref().map(|p| p.item.clone()), Some(item));
        s.set_post_message(id, "2026-11-28", 99).await.unwrap();
        assert!(s.due_schedules(0).await.unwrap().is_empty());
        assert_eq!(s.pending_post(id).await.unwrap(), None);
        assert_eq!(s.last_post_message(id).await.unwrap(), Some(99));
    }

    #[tokio::test]
    async fn a_suggestion_queued_during_a_post_survives_its_release() {
        let s = Store::in_memory().await.unwrap();
        let id = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        let items = all();
        let Claim::Claimed { item, .. } = s
            .claim_post(id, "2026-11-28", false, 1, |d| d.draw(&items))
            .await
            .unwrap()
        else {
            panic!("claimed")
        };
        // Staff approve a suggestion while the post is on its way; then the post fails.
        s.update_deck(id, |d| d.put_next("suggestion:7"))
            .await
            .unwrap();
        assert!(s.release_post(id, "2026-11-28", &item).await.unwrap());
        assert!(!s.release_post(id, "2026-11-28", &item).await.unwrap());
        let deck = s.schedules(None).await.unwrap()[0].deck.clone();
        assert_eq!(deck.queue, vec![item.clone(), "suggestion:7".to_string()]);
        assert!(deck.posted.is_empty());
        assert_eq!(s.last_post_date(id).await.unwrap(), None, "the day is free");
    }

    #[tokio::test]
    async fn only_due_or_unknown_schedules_are_read() {
        let s = Store::in_memory().await.unwrap();
        let a = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        let b = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        let c = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        s.set_next_due(a, Some(100)).await.unwrap();
        s.set_next_due(b, Some(200)).await.unwrap();
        s.set_paused(c, Some("paused by staff")).await.unwrap();
        let ids = |v: Vec<(DailySchedule, Option<PendingPost>)>| {
            v.into_iter().map(|(s, _)| s.id).collect::<Vec<_>>()
        };
        assert_eq!(ids(s.due_schedules(150).await.unwrap()), vec![a]);
        assert_eq!(ids(s.due_schedules(250).await.unwrap()), vec![a, b]);
        // Resuming forgets the next-due time: it is looked at again at once.
        s.set_paused(c, None).await.unwrap();
        assert_eq!(ids(s.due_schedules(50).await.unwrap()), vec![c]);
    }
}
