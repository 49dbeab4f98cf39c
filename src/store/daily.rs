//! Daily post schedules and their history. `claim_post` records a post for a schedule and local
//! date at most once: whoever claims first (the automatic post, a catch-up after a restart, or
//! `/daily now`) posts, and everyone else is told it is already done.

use sqlx::Row;

use super::{Store, StoreError};

/// A stored schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailySchedule {
    pub id: i64,
    pub guild_id: String,
    pub channel_id: String,
    pub time: String,
    pub zone: String,
    pub days: String,
    pub lang: String,
    pub kind: String,
    pub role_id: Option<String>,
    pub thread: bool,
    pub pin: bool,
    pub paused: bool,
    pub pause_reason: Option<String>,
    pub skip_date: Option<String>,
    /// The no-repeat deck as JSON (`daily::Deck`).
    pub deck: String,
}

fn schedule(row: &sqlx::sqlite::SqliteRow) -> Result<DailySchedule, sqlx::Error> {
    Ok(DailySchedule {
        id: row.try_get("id")?,
        guild_id: row.try_get("guild_id")?,
        channel_id: row.try_get("channel_id")?,
        time: row.try_get("time")?,
        zone: row.try_get("zone")?,
        days: row.try_get("days")?,
        lang: row.try_get("lang")?,
        kind: row.try_get("kind")?,
        role_id: row.try_get("role_id")?,
        thread: row.try_get("thread")?,
        pin: row.try_get("pin")?,
        paused: row.try_get("paused")?,
        pause_reason: row.try_get("pause_reason")?,
        skip_date: row.try_get("skip_date")?,
        deck: row.try_get("deck")?,
    })
}

impl Store {
    /// Stores a new schedule and returns its id.
    pub async fn add_schedule(&self, s: &DailySchedule) -> Result<i64, StoreError> {
        let done = sqlx::query(
            "INSERT INTO daily_schedules (guild_id, channel_id, time, zone, days, lang, kind, role_id, thread, pin, deck)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&s.guild_id)
        .bind(&s.channel_id)
        .bind(&s.time)
        .bind(&s.zone)
        .bind(&s.days)
        .bind(&s.lang)
        .bind(&s.kind)
        .bind(&s.role_id)
        .bind(s.thread)
        .bind(s.pin)
        .bind(&s.deck)
        .execute(&self.pool)
        .await?;
        Ok(done.last_insert_rowid())
    }

    pub async fn schedules(&self, guild: Option<&str>) -> Result<Vec<DailySchedule>, StoreError> {
        let rows = match guild {
            Some(g) => {
                sqlx::query("SELECT * FROM daily_schedules WHERE guild_id = ? ORDER BY id")
                    .bind(g)
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                sqlx::query("SELECT * FROM daily_schedules ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        Ok(rows.iter().map(schedule).collect::<Result<_, _>>()?)
    }

    /// Pauses (with the reason staff will see) or resumes a schedule.
    pub async fn set_paused(&self, id: i64, reason: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE daily_schedules SET paused = ?, pause_reason = ? WHERE id = ?")
            .bind(reason.is_some())
            .bind(reason)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn remove_schedule(&self, id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM daily_schedules WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Claims the post of `local_date` (YYYY-MM-DD) for a schedule, with the drawn item and the
    /// deck after the draw. `false` when that day's post was already claimed: nothing changes.
    pub async fn claim_post(
        &self,
        schedule: i64,
        local_date: &str,
        item: &str,
        deck: &str,
        manual: bool,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "INSERT INTO daily_posts (schedule_id, local_date, item, posted_at, manual) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(schedule)
        .bind(local_date)
        .bind(item)
        .bind(now)
        .bind(manual)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("UPDATE daily_schedules SET deck = ? WHERE id = ?")
            .bind(deck)
            .bind(schedule)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records the message that carried a claimed post (for unpinning it later).
    pub async fn set_post_message(
        &self,
        schedule: i64,
        local_date: &str,
        message: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE daily_posts SET message_id = ? WHERE schedule_id = ? AND local_date = ?",
        )
        .bind(message)
        .bind(schedule)
        .bind(local_date)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The local date of the schedule's last post, if any.
    pub async fn last_post_date(&self, schedule: i64) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT MAX(local_date) FROM daily_posts WHERE schedule_id = ?")
                .bind(schedule)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}

/// A post made, for the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastPost {
    pub schedule_id: i64,
    pub kind: String,
    pub local_date: String,
    pub item: String,
}

/// A member's suggestion for a daily prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub id: i64,
    pub guild_id: String,
    pub channel_id: String,
    pub user_id: String,
    pub text: String,
    pub status: String,
    pub reason: Option<String>,
    pub token: String,
}

impl Store {
    /// A server's latest posts, newest first.
    pub async fn past_posts(&self, guild: &str, limit: i64) -> Result<Vec<PastPost>, StoreError> {
        let rows = sqlx::query(
            "SELECT p.schedule_id, s.kind, p.local_date, p.item FROM daily_posts p
             JOIN daily_schedules s ON s.id = p.schedule_id
             WHERE s.guild_id = ? AND p.message_id IS NOT NULL
             ORDER BY p.posted_at DESC, p.local_date DESC LIMIT ?",
        )
        .bind(guild)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(PastPost {
                schedule_id: row.try_get("schedule_id")?,
                kind: row.try_get("kind")?,
                local_date: row.try_get("local_date")?,
                item: row.try_get("item")?,
            });
        }
        Ok(out)
    }

    /// Gives back a claimed post that could not be sent, so a later try can post that day.
    pub async fn release_post(&self, schedule: i64, local_date: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM daily_posts WHERE schedule_id = ? AND local_date = ? AND message_id IS NULL")
            .bind(schedule)
            .bind(local_date)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The message of the schedule's latest post (to unpin it).
    pub async fn last_post_message(&self, schedule: i64) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT message_id FROM daily_posts WHERE schedule_id = ? AND message_id IS NOT NULL
             ORDER BY local_date DESC LIMIT 1",
        )
        .bind(schedule)
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }

    /// How many posts a schedule has made.
    pub async fn post_count(&self, schedule: i64) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM daily_posts WHERE schedule_id = ?")
                .bind(schedule)
                .fetch_one(&self.pool)
                .await?,
        )
    }

    pub async fn set_skip_date(&self, id: i64, date: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE daily_schedules SET skip_date = ? WHERE id = ?")
            .bind(date)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_deck(&self, id: i64, deck: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE daily_schedules SET deck = ? WHERE id = ?")
            .bind(deck)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_staff_channel(&self, guild: &str, channel: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO daily_staff (guild_id, channel_id) VALUES (?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id",
        )
        .bind(guild)
        .bind(channel)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn staff_channel(&self, guild: &str) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT channel_id FROM daily_staff WHERE guild_id = ?")
                .bind(guild)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// Stores a suggestion; returns its id.
    pub async fn add_suggestion(
        &self,
        guild: &str,
        channel: &str,
        user: &str,
        text: &str,
        token: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        let done = sqlx::query(
            "INSERT INTO daily_suggestions (guild_id, channel_id, user_id, text, token, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(guild)
        .bind(channel)
        .bind(user)
        .bind(text)
        .bind(token)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.last_insert_rowid())
    }

    pub async fn pending_suggestions(&self, guild: &str, user: &str) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM daily_suggestions WHERE guild_id = ? AND user_id = ? AND status = 'pending'",
        )
        .bind(guild)
        .bind(user)
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn suggestion(&self, id: i64) -> Result<Option<Suggestion>, StoreError> {
        let row = sqlx::query("SELECT * FROM daily_suggestions WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Suggestion {
            id: row.try_get("id")?,
            guild_id: row.try_get("guild_id")?,
            channel_id: row.try_get("channel_id")?,
            user_id: row.try_get("user_id")?,
            text: row.try_get("text")?,
            status: row.try_get("status")?,
            reason: row.try_get("reason")?,
            token: row.try_get("token")?,
        }))
    }

    /// Decides a pending suggestion; `false` if it was already decided.
    pub async fn decide_suggestion(
        &self,
        id: i64,
        approved: bool,
        reason: Option<&str>,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE daily_suggestions SET status = ?, reason = ? WHERE id = ? AND status = 'pending'",
        )
        .bind(if approved { "approved" } else { "denied" })
        .bind(reason)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> DailySchedule {
        DailySchedule {
            id: 0,
            guild_id: "g".into(),
            channel_id: "c".into(),
            time: "07:00".into(),
            zone: "Asia/Jakarta".into(),
            days: "daily".into(),
            lang: "id".into(),
            kind: "prompt".into(),
            role_id: None,
            thread: true,
            pin: true,
            paused: false,
            pause_reason: None,
            skip_date: None,
            deck: "{}".into(),
        }
    }

    #[tokio::test]
    async fn a_day_is_posted_exactly_once() {
        let s = Store::in_memory().await.unwrap();
        let id = s.add_schedule(&sample()).await.unwrap();
        assert!(
            s.claim_post(id, "2026-11-28", "p01", "{\"n\":1}", false, 1)
                .await
                .unwrap()
        );
        // A restart's catch-up, or /daily now, on the same local day: refused.
        assert!(
            !s.claim_post(id, "2026-11-28", "p02", "{\"n\":2}", true, 2)
                .await
                .unwrap()
        );
        assert_eq!(s.schedules(Some("g")).await.unwrap()[0].deck, "{\"n\":1}");
        assert!(
            s.claim_post(id, "2026-11-29", "p02", "{\"n\":2}", false, 3)
                .await
                .unwrap()
        );
        assert_eq!(
            s.last_post_date(id).await.unwrap().as_deref(),
            Some("2026-11-29")
        );
    }

    #[tokio::test]
    async fn schedules_pause_with_a_reason_and_are_removed() {
        let s = Store::in_memory().await.unwrap();
        let a = s.add_schedule(&sample()).await.unwrap();
        let b = s
            .add_schedule(&DailySchedule {
                kind: "quote".into(),
                ..sample()
            })
            .await
            .unwrap();
        s.set_paused(a, Some("missing permission: Send Messages"))
            .await
            .unwrap();
        let all = s.schedules(None).await.unwrap();
        assert!(
            all[0].paused
                && all[0].pause_reason.as_deref() == Some("missing permission: Send Messages")
        );
        assert!(
            !all[1].paused,
            "one schedule's failure leaves the others alone"
        );
        s.set_paused(a, None).await.unwrap();
        assert!(!s.schedules(None).await.unwrap()[0].paused);
        assert!(s.remove_schedule(b).await.unwrap());
        assert!(!s.remove_schedule(b).await.unwrap());
        assert_eq!(s.schedules(Some("g")).await.unwrap().len(), 1);
    }
}
