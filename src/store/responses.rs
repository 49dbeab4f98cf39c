//! Members' written responses and their teachers' verdicts: saved (bounded per member and
//! day, all in one transaction), walked for review, reviewed, released, delivered and shared
//! with consent; a server's own statuses.

use super::{BeginWrite, Record, Store, StoreError, snowflake, snowflake_opt};
use crate::responses::model::{
    On, PER_DAY, Piece, Response, Saved, Status, Verdict, Walk, Written,
};

/// The most responses one review walks (the newest first are left out beyond it).
const WALK_LIMIT: i64 = 2000;

fn response(row: &impl Record) -> Result<Response, StoreError> {
    let kind: String = row.value("kind")?;
    let target: String = row.value("target")?;
    let on = On::stored(&kind, &target).ok_or(StoreError::Corrupt {
        column: "target",
        value: format!("{kind}:{target}"),
    })?;
    let status: Option<String> = row.value("status")?;
    let status = match status {
        None => None,
        Some(code) => Some(Status::parse(&code).ok_or(StoreError::Corrupt {
            column: "status",
            value: code,
        })?),
    };
    let lang: String = row.value("lang")?;
    let lang = crate::pack::Lang::parse(&lang).ok_or(StoreError::Corrupt {
        column: "lang",
        value: lang,
    })?;
    let piece = Piece {
        guild: snowflake(row, "guild_id")?,
        channel: snowflake(row, "channel_id")?,
        on,
        title: row.value("title")?,
        user: snowflake(row, "user_id")?,
        name: row.value("name")?,
        lang,
        body: row.value("body")?,
        deadline: row.value("deadline")?,
    };
    Ok(Response {
        id: row.value("id")?,
        piece,
        status,
        feedback: row.value("feedback")?,
        reviewer: snowflake_opt(row, "reviewer_id")?,
        reviewed_at: row.value("reviewed_at")?,
        released_at: row.value("released_at")?,
        delivered_at: row.value("delivered_at")?,
        share_asked_at: row.value("share_asked_at")?,
        shared_at: row.value("shared_at")?,
        created_at: row.value("created_at")?,
        updated_at: row.value("updated_at")?,
    })
}

/// The conditions of a review walk after `guild_id = $1`, with their values in order.
fn walk_filter(walk: &Walk) -> (String, Vec<String>) {
    let mut sql = String::new();
    let mut values = Vec::new();
    let mut add = |column: &str, value: String| {
        values.push(value);
        sql.push_str(&format!(" AND {column} = ${}", values.len() + 1));
    };
    if let Some(on) = walk.on {
        add("kind", on.kind().to_string());
        add("target", on.target());
    }
    if let Some(channel) = walk.channel {
        add("channel_id", channel.to_string());
    }
    match walk.status {
        None => {}
        Some(None) => sql.push_str(" AND status IS NULL"),
        Some(Some(s)) => add("status", s.code()),
    }
    (sql, values)
}

impl Store {
    /// Saves a member's response, in one transaction: a new one within [`PER_DAY`] a day, or
    /// their earlier one replaced while it is still theirs to change.
    pub async fn put_response(&self, d: &Piece, now: i64) -> Result<Saved, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let before = sqlx::query(
                "SELECT * FROM responses
                 WHERE guild_id = $1 AND kind = $2 AND target = $3 AND user_id = $4",
            )
            .bind(d.guild.to_string())
            .bind(d.on.kind())
            .bind(d.on.target())
            .bind(d.user.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            if let Some(row) = before {
                let old = response(&row)?;
                if !old.editable(now) {
                    return Ok(Saved::Closed);
                }
                sqlx::query(
                    "UPDATE responses SET body = $1, name = $2, updated_at = $3, lang = $5
                     WHERE id = $4",
                )
                .bind(&d.body)
                .bind(&d.name)
                .bind(now)
                .bind(old.id)
                .bind(d.lang.code())
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                return Ok(Saved::Saved {
                    id: old.id,
                    edited: true,
                });
            }
            let today: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM responses
                 WHERE user_id = $1 AND guild_id = $2 AND created_at > $3",
            )
            .bind(d.user.to_string())
            .bind(d.guild.to_string())
            .bind(now - 24 * 3600)
            .fetch_one(&mut *tx)
            .await?;
            if today >= PER_DAY {
                return Ok(Saved::TooMany);
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO responses (guild_id, channel_id, kind, target, title, user_id, name,
                     body, deadline, created_at, updated_at, lang)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id",
            )
            .bind(d.guild.to_string())
            .bind(d.channel.to_string())
            .bind(d.on.kind())
            .bind(d.on.target())
            .bind(&d.title)
            .bind(d.user.to_string())
            .bind(&d.name)
            .bind(&d.body)
            .bind(d.deadline)
            .bind(now)
            .bind(d.lang.code())
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Saved::Saved { id, edited: false })
        })
    }

    /// Response `id`.
    pub async fn response(&self, id: i64) -> Result<Option<Response>, StoreError> {
        on!(&self.pool, |db| {
            let row = sqlx::query("SELECT * FROM responses WHERE id = $1")
                .bind(id)
                .fetch_optional(db)
                .await?;
            row.as_ref().map(response).transpose()
        })
    }

    /// A member's response to `on` in a server.
    pub async fn member_response(
        &self,
        guild: u64,
        on: On,
        user: u64,
    ) -> Result<Option<Response>, StoreError> {
        let id: Option<i64> = on!(&self.pool, |db| {
            sqlx::query_scalar(
                "SELECT id FROM responses
                 WHERE guild_id = $1 AND kind = $2 AND target = $3 AND user_id = $4",
            )
            .bind(guild.to_string())
            .bind(on.kind())
            .bind(on.target())
            .bind(user.to_string())
            .fetch_optional(db)
            .await
        })?;
        match id {
            Some(id) => self.response(id).await,
            None => Ok(None),
        }
    }

    /// A member's newest responses in a server, at most `limit`.
    pub async fn member_responses(
        &self,
        guild: u64,
        user: u64,
        limit: i64,
    ) -> Result<Vec<Response>, StoreError> {
        on!(&self.pool, |db| {
            let rows = sqlx::query(
                "SELECT * FROM responses WHERE user_id = $1 AND guild_id = $2
                 ORDER BY created_at DESC, id DESC LIMIT $3",
            )
            .bind(user.to_string())
            .bind(guild.to_string())
            .bind(limit)
            .fetch_all(db)
            .await?;
            rows.iter().map(response).collect()
        })
    }

    /// The ids a teacher's review walks through, oldest first.
    pub async fn walk_ids(&self, guild: u64, walk: &Walk) -> Result<Vec<i64>, StoreError> {
        let (filter, values) = walk_filter(walk);
        let sql = format!(
            "SELECT id FROM responses WHERE guild_id = $1{filter} ORDER BY id LIMIT {WALK_LIMIT}"
        );
        on!(&self.pool, |db| {
            let mut query = sqlx::query_scalar(&sql).bind(guild.to_string());
            for v in &values {
                query = query.bind(v);
            }
            Ok(query.fetch_all(db).await?)
        })
    }

    /// What a server's members responded to, newest first (at most 100): each thing, its
    /// title and how many responded.
    pub async fn response_topics(&self, guild: u64) -> Result<Vec<(On, String, i64)>, StoreError> {
        on!(&self.pool, |db| {
            let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
                "SELECT kind, target, MAX(title), COUNT(*) FROM responses WHERE guild_id = $1
                 GROUP BY kind, target ORDER BY MAX(created_at) DESC LIMIT 100",
            )
            .bind(guild.to_string())
            .fetch_all(db)
            .await?;
            Ok(rows
                .into_iter()
                .filter_map(|(k, t, title, n)| Some((On::stored(&k, &t)?, title, n)))
                .collect())
        })
    }

    /// A teacher's status or feedback on a response (held until released: a change takes
    /// back a release not yet read); `false` when it is gone. Empty feedback clears it.
    pub async fn review_response(
        &self,
        id: i64,
        verdict: Verdict<'_>,
        (reviewer, now): (u64, i64),
    ) -> Result<bool, StoreError> {
        let (column, value) = match verdict {
            Verdict::Status(status) => ("status", Some(status.code())),
            Verdict::Feedback(text) => (
                "feedback",
                Some(text.trim().to_string()).filter(|f| !f.is_empty()),
            ),
        };
        let sql = format!(
            "UPDATE responses SET {column} = $1, reviewer_id = $2,
                 reviewed_at = COALESCE(reviewed_at, $3), released_at = NULL, delivered_at = NULL
             WHERE id = $4"
        );
        on!(&self.pool, |db| {
            let done = sqlx::query(&sql)
                .bind(value)
                .bind(reviewer.to_string())
                .bind(now)
                .bind(id)
                .execute(db)
                .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// Releases the reviewed responses among `ids` not released yet; returns them as released.
    pub async fn release_responses(
        &self,
        ids: &[i64],
        now: i64,
    ) -> Result<Vec<Response>, StoreError> {
        let mut out = Vec::new();
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            for id in ids {
                let row = sqlx::query(
                    "UPDATE responses SET released_at = $1
                     WHERE id = $2 AND reviewed_at IS NOT NULL AND released_at IS NULL
                     RETURNING *",
                )
                .bind(now)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(row) = row {
                    out.push(response(&row)?);
                }
            }
            tx.commit().await?;
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// The feedback of response `id` has reached its author.
    pub async fn response_delivered(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
                "UPDATE responses SET delivered_at = $1
                 WHERE id = $2 AND released_at IS NOT NULL AND delivered_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// A teacher asks to share response `id` (an excellent one); `false` if it is not.
    pub async fn ask_share(&self, id: i64, now: i64) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE responses SET share_asked_at = COALESCE(share_asked_at, $1)
                 WHERE id = $2 AND status = 'excellent' AND shared_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .execute(db)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// The author agreed: response `id` is marked shared, once (`false` if it already was, or
    /// nobody asked).
    pub async fn mark_shared(&self, id: i64, user: u64, now: i64) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE responses SET shared_at = $1
                 WHERE id = $2 AND user_id = $3 AND share_asked_at IS NOT NULL
                   AND shared_at IS NULL",
            )
            .bind(now)
            .bind(id)
            .bind(user.to_string())
            .execute(db)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// A server's own statuses (at most two).
    pub async fn response_labels(&self, guild: u64) -> Result<Vec<String>, StoreError> {
        on!(&self.reader, |db| {
            let labels: Option<String> =
                sqlx::query_scalar("SELECT labels FROM response_labels WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            Ok(labels
                .map(|l| l.lines().map(str::to_string).collect())
                .unwrap_or_default())
        })
    }

    /// Sets (or, empty, clears) a server's own statuses.
    pub async fn set_response_labels(
        &self,
        guild: u64,
        labels: &[String],
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            if labels.is_empty() {
                sqlx::query("DELETE FROM response_labels WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .execute(db)
                    .await?;
            } else {
                sqlx::query(
                    "INSERT INTO response_labels (guild_id, labels) VALUES ($1, $2)
                     ON CONFLICT (guild_id) DO UPDATE SET labels = excluded.labels",
                )
                .bind(guild.to_string())
                .bind(labels.join("\n"))
                .execute(db)
                .await?;
            }
            Ok(())
        })
    }

    /// Each member's name as they last wrote a response in a server (for the gradebook's rows
    /// of members who wrote but never answered a quiz).
    pub async fn response_names(
        &self,
        guild: u64,
    ) -> Result<std::collections::HashMap<u64, String>, StoreError> {
        on!(&self.reader, |db| {
            let rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT user_id, name FROM responses WHERE guild_id = $1 AND name <> ''
                 ORDER BY updated_at, id",
            )
            .bind(guild.to_string())
            .fetch_all(db)
            .await?;
            let mut out = std::collections::HashMap::new();
            for (user, name) in rows {
                out.insert(super::parse_id("user_id", &user)?, name);
            }
            Ok(out)
        })
    }

    /// Each member's written work in a server since `since`: responses and their statuses
    /// (statuses count once released or not: the gradebook is the teacher's).
    pub async fn written_work(
        &self,
        guild: u64,
        since: i64,
    ) -> Result<Vec<(u64, Written)>, StoreError> {
        on!(&self.reader, |db| {
            let rows: Vec<(String, Option<String>, i64)> = sqlx::query_as(
                "SELECT user_id, status, COUNT(*) FROM responses
                 WHERE guild_id = $1 AND created_at >= $2 GROUP BY user_id, status",
            )
            .bind(guild.to_string())
            .bind(since)
            .fetch_all(db)
            .await?;
            let mut out: Vec<(u64, Written)> = Vec::new();
            for (user, status, n) in rows {
                let user = super::parse_id("user_id", &user)?;
                let at = match out.iter().position(|(u, _)| *u == user) {
                    Some(at) => at,
                    None => {
                        out.push((user, Written::default()));
                        out.len() - 1
                    }
                };
                let w = &mut out[at].1;
                let n = u64::try_from(n).unwrap_or(0);
                w.responses += n;
                match status.as_deref().and_then(Status::parse) {
                    Some(Status::Accepted) => w.accepted += n,
                    Some(Status::Revision) => w.revision += n,
                    Some(Status::Excellent) => w.excellent += n,
                    Some(Status::Label(_)) => w.labelled += n,
                    None => {}
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(user: u64, point: u8, body: &str) -> Piece {
        Piece {
            guild: 1,
            channel: 2,
            on: On::Letter { point },
            title: "The aura".into(),
            user,
            name: format!("member {user}"),
            lang: crate::pack::Lang::Id,
            body: body.into(),
            deadline: None,
        }
    }

    #[tokio::test]
    async fn a_response_is_edited_until_reviewed_then_released_once_and_shared_with_consent() {
        let store = Store::in_memory().await.unwrap();
        {
            let first = store.put_response(&draft(7, 1, "one"), 100).await.unwrap();
            let Saved::Saved { id, edited: false } = first else {
                panic!("{first:?}")
            };
            let again = store.put_response(&draft(7, 1, "two"), 110).await.unwrap();
            assert_eq!(again, Saved::Saved { id, edited: true });
            let r = store.response(id).await.unwrap().unwrap();
            assert_eq!((r.piece.body.as_str(), r.updated_at), ("two", 110));
            let excellent = Verdict::Status(Status::Excellent);
            assert!(
                store
                    .review_response(id, excellent, (9, 120))
                    .await
                    .unwrap()
            );
            let good = Verdict::Feedback(" Good. ");
            assert!(store.review_response(id, good, (9, 121)).await.unwrap());
            assert_eq!(
                store
                    .put_response(&draft(7, 1, "three"), 130)
                    .await
                    .unwrap(),
                Saved::Closed
            );
            let walk = Walk {
                status: Some(Some(Status::Excellent)),
                ..Walk::default()
            };
            assert_eq!(store.walk_ids(1, &walk).await.unwrap(), vec![id]);
            let released = store.release_responses(&[id], 140).await.unwrap();
            assert_eq!(released.len(), 1);
            assert_eq!(released[0].feedback.as_deref(), Some("Good."));
            assert!(
                store
                    .release_responses(&[id], 150)
                    .await
                    .unwrap()
                    .is_empty()
            );
            assert!(
                !store.mark_shared(id, 7, 160).await.unwrap(),
                "nobody asked"
            );
            assert!(store.ask_share(id, 155).await.unwrap());
            assert!(
                !store.mark_shared(id, 8, 160).await.unwrap(),
                "not the author"
            );
            assert!(store.mark_shared(id, 7, 160).await.unwrap());
            assert!(!store.mark_shared(id, 7, 161).await.unwrap(), "once");
            let topics = store.response_topics(1).await.unwrap();
            assert_eq!(
                topics,
                vec![(On::Letter { point: 1 }, "The aura".into(), 1)]
            );
            let work = store.written_work(1, 0).await.unwrap();
            assert_eq!(work[0].1.excellent, 1);
        }
    }

    #[tokio::test]
    async fn a_member_starts_a_bounded_number_of_responses_a_day() {
        let store = Store::in_memory().await.unwrap();
        {
            for n in 0..PER_DAY {
                let saved = store
                    .put_response(&draft(7, n as u8 + 1, "x"), 1000 + n)
                    .await
                    .unwrap();
                assert!(matches!(saved, Saved::Saved { edited: false, .. }));
            }
            let over = store.put_response(&draft(7, 99, "x"), 2000).await.unwrap();
            assert_eq!(over, Saved::TooMany);
            // An edit is not a new one; a day later there is room again.
            let edit = store.put_response(&draft(7, 1, "y"), 2001).await.unwrap();
            assert!(matches!(edit, Saved::Saved { edited: true, .. }));
            let later = store
                .put_response(&draft(7, 99, "x"), 1000 + 24 * 3600)
                .await;
            assert!(matches!(later.unwrap(), Saved::Saved { .. }));
            store
                .set_response_labels(1, &["Insightful".into()])
                .await
                .unwrap();
            assert_eq!(store.response_labels(1).await.unwrap(), vec!["Insightful"]);
            store.set_response_labels(1, &[]).await.unwrap();
            assert!(store.response_labels(1).await.unwrap().is_empty());
        }
    }
}
