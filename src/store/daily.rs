//! Daily post schedules, their staff channel and member suggestions. The posts themselves
//! (claims, pending posts, the deck) are in `posts`.

use sqlx::Row;

use super::{Record, Store, StoreError, snowflake, snowflake_opt};
use crate::daily::model::{DailySchedule, Deck, PastPost, PostKind, Suggestion};
use crate::pack::Lang;

pub(super) fn schedule(row: &impl Record) -> Result<DailySchedule, StoreError> {
    let id: i64 = row.value("id")?;
    let lang: String = row.value("lang")?;
    let kind: String = row.value("kind")?;
    let deck: String = row.value("deck")?;
    Ok(DailySchedule {
        id,
        guild: snowflake(row, "guild_id")?,
        channel: snowflake(row, "channel_id")?,
        time: row.value("time")?,
        zone: row.value("zone")?,
        days: row.value("days")?,
        lang: Lang::parse(&lang).ok_or(StoreError::Corrupt {
            column: "lang",
            value: lang.clone(),
        })?,
        kind: PostKind::parse(&kind).ok_or(StoreError::Corrupt {
            column: "kind",
            value: kind.clone(),
        })?,
        role: snowflake_opt(row, "role_id")?,
        thread: row.value::<i64>("thread")? != 0,
        bilingual: row.value::<i64>("bilingual")? != 0,
        pin: row.value::<i64>("pin")? != 0,
        paused: row.value::<i64>("paused")? != 0,
        pause_reason: row.value("pause_reason")?,
        skip_date: row.value("skip_date")?,
        deck: serde_json::from_str(&deck).unwrap_or_else(|e| {
            // Decided here, once: an unreadable deck starts a new cycle rather than stop posts.
            tracing::warn!(schedule = id, error = %e, "unreadable deck; starting a new one");
            Deck::new(id as u64)
        }),
    })
}

pub(super) fn deck_json(deck: &Deck) -> String {
    serde_json::to_string(deck).unwrap_or_default()
}

impl Store {
    /// Stores a new schedule and returns its id.
    pub async fn add_schedule(&self, s: &DailySchedule) -> Result<i64, StoreError> {
        on!(&self.pool, |db| {
            let id: i64 = sqlx::query_scalar(
            "INSERT INTO daily_schedules (guild_id, channel_id, time, zone, days, lang, kind, role_id, thread, pin, deck, bilingual)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
        )
        .bind(s.guild.to_string())
        .bind(s.channel.to_string())
        .bind(&s.time)
        .bind(&s.zone)
        .bind(&s.days)
        .bind(s.lang.code())
        .bind(s.kind.code())
        .bind(s.role.map(|r| r.to_string()))
        .bind(i64::from(s.thread))
        .bind(i64::from(s.pin))
        .bind(deck_json(&s.deck))
        .bind(i64::from(s.bilingual))
        .fetch_one(db)
        .await?;
            Ok(id)
        })
    }

    pub async fn schedules(&self, guild: Option<u64>) -> Result<Vec<DailySchedule>, StoreError> {
        on!(&self.reader, |db| {
            let rows = match guild {
                Some(g) => {
                    sqlx::query("SELECT * FROM daily_schedules WHERE guild_id = $1 ORDER BY id")
                        .bind(g.to_string())
                        .fetch_all(db)
                        .await?
                }
                None => {
                    sqlx::query("SELECT * FROM daily_schedules ORDER BY id")
                        .fetch_all(db)
                        .await?
                }
            };
            rows.iter().map(schedule).collect()
        })
    }

    /// Pauses (with the reason staff will see) or resumes a schedule.
    pub async fn set_paused(&self, id: i64, reason: Option<&str>) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
            "UPDATE daily_schedules SET paused = $1, pause_reason = $2, next_due = NULL WHERE id = $3",
        )
        .bind(i64::from(reason.is_some()))
        .bind(reason)
        .bind(id)
        .execute(db)
        .await?;
            Ok(())
        })
    }

    pub async fn remove_schedule(&self, id: i64) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query("DELETE FROM daily_schedules WHERE id = $1")
                .bind(id)
                .execute(db)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

impl Store {
    /// A server's latest posts, newest first.
    pub async fn past_posts(&self, guild: u64, limit: i64) -> Result<Vec<PastPost>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT p.schedule_id, s.kind, p.local_date, p.item FROM daily_posts p
             JOIN daily_schedules s ON s.id = p.schedule_id
             WHERE s.guild_id = $1 AND p.message_id IS NOT NULL
             ORDER BY p.posted_at DESC, p.local_date DESC LIMIT $2",
            )
            .bind(guild.to_string())
            .bind(limit)
            .fetch_all(db)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let kind: String = row.try_get("kind")?;
                out.push(PastPost {
                    schedule_id: row.try_get("schedule_id")?,
                    kind: PostKind::parse(&kind).ok_or(StoreError::Corrupt {
                        column: "kind",
                        value: kind.clone(),
                    })?,
                    local_date: row.try_get("local_date")?,
                    item: row.try_get("item")?,
                });
            }
            Ok(out)
        })
    }

    pub async fn set_skip_date(&self, id: i64, date: Option<&str>) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("UPDATE daily_schedules SET skip_date = $1, next_due = NULL WHERE id = $2")
                .bind(date)
                .bind(id)
                .execute(db)
                .await?;
            Ok(())
        })
    }

    pub async fn set_staff_channel(&self, guild: u64, channel: u64) -> Result<(), StoreError> {
        self.put_setting(
            "INSERT INTO daily_staff (guild_id, channel_id) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id",
            guild,
            channel.to_string(),
        )
        .await
    }

    pub async fn staff_channel(&self, guild: u64) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let channel: Option<String> =
                sqlx::query_scalar("SELECT channel_id FROM daily_staff WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            channel
                .map(|c| super::parse_id("channel_id", &c))
                .transpose()
        })
    }

    /// Stores a suggestion; returns its id.
    pub async fn add_suggestion(
        &self,
        guild: u64,
        channel: u64,
        user: u64,
        text: &str,
        token: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        on!(&self.pool, |db| {
            let id: i64 = sqlx::query_scalar(
            "INSERT INTO daily_suggestions (guild_id, channel_id, user_id, text, token, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(guild.to_string())
        .bind(channel.to_string())
        .bind(user.to_string())
        .bind(text)
        .bind(token)
        .bind(now)
        .fetch_one(db)
        .await?;
            Ok(id)
        })
    }

    pub async fn pending_suggestions(&self, guild: u64, user: u64) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM daily_suggestions WHERE guild_id = $1 AND user_id = $2 AND status = 'pending'",
        )
        .bind(guild.to_string())
        .bind(user.to_string())
        .fetch_one(db)
        .await?)
        })
    }

    /// How many suggestions of a server wait for staff.
    pub async fn waiting_suggestions(&self, guild: u64) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            Ok(sqlx::query_scalar(
                "SELECT COUNT(*) FROM daily_suggestions WHERE guild_id = $1 AND status = 'pending'",
            )
            .bind(guild.to_string())
            .fetch_one(db)
            .await?)
        })
    }

    pub async fn suggestion(&self, id: i64) -> Result<Option<Suggestion>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query("SELECT * FROM daily_suggestions WHERE id = $1")
                .bind(id)
                .fetch_optional(db)
                .await?;
            let Some(row) = row else { return Ok(None) };
            Ok(Some(Suggestion {
                id: row.try_get("id")?,
                guild: snowflake(&row, "guild_id")?,
                channel: snowflake(&row, "channel_id")?,
                user: snowflake(&row, "user_id")?,
                text: row.try_get("text")?,
                status: row.try_get("status")?,
                reason: row.try_get("reason")?,
                token: row.try_get("token")?,
            }))
        })
    }

    /// Decides a pending suggestion; `false` if it was already decided.
    pub async fn decide_suggestion(
        &self,
        id: i64,
        approved: bool,
        reason: Option<&str>,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
            "UPDATE daily_suggestions SET status = $1, reason = $2 WHERE id = $3 AND status = 'pending'",
        )
        .bind(if approved { "approved" } else { "denied" })
        .bind(reason)
        .bind(id)
        .execute(db)
        .await?;
            Ok(done.rows_affected() == 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn schedules_pause_with_a_reason_and_are_removed() {
        let s = Store::in_memory().await.unwrap();
        let a = s.add_schedule(&DailySchedule::sample()).await.unwrap();
        let b = s
            .add_schedule(&DailySchedule {
                kind: PostKind::Quote,
                ..DailySchedule::sample()
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
        assert_eq!(s.schedules(Some(1)).await.unwrap().len(), 1);
    }
}
