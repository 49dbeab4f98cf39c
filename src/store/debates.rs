//! Debate votes: which debates are open, and each member's current vote (one per member,
//! changeable until the debate closes).

use sqlx::Row;

use super::{Record, Store, StoreError, snowflake, snowflake_opt};
use crate::debate::model::{Debate, Format, Side, Tally, VoteOutcome};
use crate::pack::Lang;

pub(super) fn debate(row: &impl Record) -> Result<Debate, StoreError> {
    let lang: String = row.value("lang")?;
    let format: String = row.value("format")?;
    Ok(Debate {
        id: snowflake(row, "id")?,
        pack: row.value("pack")?,
        motion: row.value("motion")?,
        guild: snowflake_opt(row, "guild_id")?,
        channel: snowflake(row, "channel_id")?,
        starter: snowflake(row, "starter_id")?,
        token: row.value("token")?,
        lang: Lang::parse(&lang).ok_or(StoreError::Corrupt {
            column: "lang",
            value: lang.clone(),
        })?,
        opened_at: row.value("opened_at")?,
        closes_at: row.value("closes_at")?,
        closed_at: row.value("closed_at")?,
        format: Format::parse(&format).ok_or(StoreError::Corrupt {
            column: "format",
            value: format.clone(),
        })?,
        message: snowflake_opt(row, "message_id")?,
        thread: snowflake_opt(row, "thread_id")?,
        own_motion: row
            .value::<Option<String>>("own_motion")?
            .and_then(|body| toml::from_str(&body).ok()),
        bilingual: row.value::<i64>("bilingual")? != 0,
    })
}

impl Store {
    pub async fn open_debate(&self, d: &Debate) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            open(d).execute(db).await?;
            Ok(())
        })
    }

    /// Remembers the message a debate keeps up to date, and its thread.
    pub async fn set_debate_messages(
        &self,
        id: u64,
        message: Option<u64>,
        thread: Option<u64>,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("UPDATE debates SET message_id = $1, thread_id = $2 WHERE id = $3")
                .bind(message.map(|m| m.to_string()))
                .bind(thread.map(|t| t.to_string()))
                .bind(id.to_string())
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// Forgets a debate whose message could not be posted.
    pub async fn drop_debate(&self, id: u64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("DELETE FROM debates WHERE id = $1")
                .bind(id.to_string())
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// When each motion was last debated in a channel: (pack, motion, last opened).
    pub async fn motions_seen(
        &self,
        channel: u64,
    ) -> Result<Vec<(String, String, i64)>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT pack, motion, MAX(opened_at) AS last FROM debates WHERE channel_id = $1
             GROUP BY pack, motion",
            )
            .bind(channel.to_string())
            .fetch_all(db)
            .await?;
            rows.iter()
                .map(|r| Ok((r.try_get("pack")?, r.try_get("motion")?, r.try_get("last")?)))
                .collect()
        })
    }

    /// A page of a channel's debates (its threads' included), newest first: `limit` of them
    /// after the newest `skip`.
    pub async fn debates_in(
        &self,
        channel: u64,
        limit: u32,
        skip: u32,
    ) -> Result<Vec<Debate>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                // The newest of the channel's and of the thread's, each read in order through
                // its index (as many as the page reaches), then merged.
                "SELECT * FROM (SELECT * FROM debates WHERE channel_id = $1
                                ORDER BY opened_at DESC, id DESC LIMIT $2) AS in_channel
                 UNION ALL
                 SELECT * FROM (SELECT * FROM debates WHERE thread_id = $1
                                ORDER BY opened_at DESC, id DESC LIMIT $2) AS in_thread
                 ORDER BY opened_at DESC, id DESC LIMIT $3 OFFSET $4",
            )
            .bind(channel.to_string())
            .bind(i64::from(limit) + i64::from(skip))
            .bind(i64::from(limit))
            .bind(i64::from(skip))
            .fetch_all(db)
            .await?;
            rows.iter().map(debate).collect()
        })
    }

    /// How many debates a channel (and its threads) has had.
    pub async fn debates_count_in(&self, channel: u64) -> Result<u64, StoreError> {
        on!(&self.reader, |db| {
            let n: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM debates WHERE channel_id = $1)
                      + (SELECT COUNT(*) FROM debates WHERE thread_id = $1 AND channel_id <> $1)",
            )
            .bind(channel.to_string())
            .fetch_one(db)
            .await?;
            Ok(n.max(0) as u64)
        })
    }
}

/// The statement that stores a new debate.
pub(super) fn open<'q, DB>(d: &'q Debate) -> sqlx::query::Query<'q, DB, DB::Arguments<'q>>
where
    DB: sqlx::Database,
    String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<String>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    sqlx::query(
            "INSERT INTO debates (id, pack, motion, guild_id, channel_id, starter_id, token, lang, opened_at, closes_at, format, message_id, thread_id, own_motion, bilingual)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(d.id.to_string())
        .bind(&d.pack)
        .bind(&d.motion)
        .bind(d.guild.map(|g| g.to_string()))
        .bind(d.channel.to_string())
        .bind(d.starter.to_string())
        .bind(&d.token)
        .bind(d.lang.code())
        .bind(d.opened_at)
        .bind(d.closes_at)
        .bind(d.format.code())
        .bind(d.message.map(|m| m.to_string()))
        .bind(d.thread.map(|t| t.to_string()))
        .bind(d.own_motion.as_ref().and_then(|m| toml::to_string(m).ok()))
        .bind(i64::from(d.bilingual))
}

impl Store {
    pub async fn debate(&self, id: u64) -> Result<Option<Debate>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query("SELECT * FROM debates WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(db)
                .await?;
            row.as_ref().map(debate).transpose()
        })
    }

    /// Records a member's vote, in one transaction with the check that the debate is open
    /// (at `now`, unix seconds). Votes cast at the same moment share a transaction; this returns
    /// once the vote is committed.
    /// A member's vote, counted only while the debate is open and only from its own server and
    /// channel (`at`); otherwise [`VoteOutcome::Closed`].
    pub async fn vote(
        &self,
        id: u64,
        at: (Option<u64>, u64),
        user: u64,
        side: Side,
        now: i64,
    ) -> Result<VoteOutcome, StoreError> {
        self.votes
            .submit(super::batch::Vote {
                debate: id.to_string(),
                guild: at.0.map(|g| g.to_string()),
                channel: at.1.to_string(),
                user: user.to_string(),
                side,
                now,
            })
            .await
    }

    pub async fn tally(&self, id: u64) -> Result<Tally, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT side, COUNT(*) AS n FROM debate_votes WHERE debate_id = $1 GROUP BY side",
            )
            .bind(id.to_string())
            .fetch_all(db)
            .await?;
            let mut t = Tally::default();
            for row in rows {
                let side: String = row.try_get("side")?;
                let n: i64 = row.try_get("n")?;
                let n = u32::try_from(n).unwrap_or(u32::MAX);
                match Side::parse(&side) {
                    Some(Side::Benjamin) => t.benjamin = n,
                    Some(Side::Adorno) => t.adorno = n,
                    Some(Side::Undecided) => t.undecided = n,
                    None => {}
                }
            }
            Ok(t)
        })
    }

    /// Closes a debate; `false` when it was already closed (so only one closer announces it).
    pub async fn close_debate(&self, id: u64, now: i64) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE debates SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL",
            )
            .bind(now)
            .bind(id.to_string())
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Open debates whose time is up at `now`.
    pub async fn due_debates(&self, now: i64) -> Result<Vec<Debate>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
            "SELECT * FROM debates WHERE closed_at IS NULL AND closes_at <= $1 ORDER BY closes_at",
        )
        .bind(now)
        .fetch_all(db)
        .await?;
            rows.iter().map(debate).collect()
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Where `sample` debates are.
    const HERE: (Option<u64>, u64) = (Some(1), 2);

    /// A quick vote on a Benjamin motion in server 1, channel 2, started by member 3.
    pub(in crate::store) fn sample(id: u64, closes_at: i64) -> Debate {
        Debate {
            id,
            pack: "benjamin".into(),
            motion: "film-makes-experts".into(),
            guild: Some(1),
            channel: 2,
            starter: 3,
            token: "t".into(),
            lang: Lang::En,
            opened_at: 0,
            closes_at,
            closed_at: None,
            format: Format::Quick,
            message: None,
            thread: None,
            own_motion: None,
            bilingual: false,
        }
    }

    /// A debate on one of the server's own motions keeps the motion as it was.
    #[tokio::test]
    async fn a_debate_keeps_the_servers_own_motion_and_its_languages() {
        let store = Store::in_memory().await.unwrap();
        let text = |s: &str| crate::pack::Text {
            en: Some(s.into()),
            id: None,
        };
        let motion = crate::pack::Motion {
            id: "thu".into(),
            motion: text("This house would rather see the original"),
            benjamin: text("A copy reaches people."),
            adorno: text("A copy is a commodity."),
            benjamin_quotes: Vec::new(),
            adorno_quotes: Vec::new(),
            questions: vec![text("Which?")],
            concepts: Vec::new(),
        };
        let d = Debate {
            motion: "own:thu".into(),
            own_motion: Some(motion),
            // Shown in both languages, its own first.
            bilingual: true,
            ..sample(9, 100)
        };
        store.open_debate(&d).await.unwrap();
        assert_eq!(store.debate(9).await.unwrap(), Some(d));
        store.open_debate(&sample(10, 100)).await.unwrap();
        let plain = store.debate(10).await.unwrap().unwrap();
        assert_eq!((plain.own_motion, plain.bilingual), (None, false));
    }

    #[tokio::test]
    async fn one_vote_per_member_changeable_until_closed() {
        let store = Store::in_memory().await.unwrap();
        store.open_debate(&sample(9, 100)).await.unwrap();
        assert_eq!(
            store.vote(9, HERE, 11, Side::Benjamin, 10).await.unwrap(),
            VoteOutcome::Cast
        );
        assert_eq!(
            store.vote(9, HERE, 12, Side::Adorno, 10).await.unwrap(),
            VoteOutcome::Cast
        );
        // A click from another channel or server counts for nothing.
        for elsewhere in [(Some(1), 3), (Some(4), 2), (None, 2)] {
            assert_eq!(
                store
                    .vote(9, elsewhere, 14, Side::Adorno, 10)
                    .await
                    .unwrap(),
                VoteOutcome::Closed,
                "{elsewhere:?}"
            );
        }
        assert_eq!(
            store.vote(9, HERE, 11, Side::Adorno, 11).await.unwrap(),
            VoteOutcome::Changed
        );
        assert_eq!(
            store.tally(9).await.unwrap(),
            Tally {
                benjamin: 0,
                adorno: 2,
                undecided: 0
            }
        );
        assert!(store.close_debate(9, 12).await.unwrap());
        assert!(
            !store.close_debate(9, 13).await.unwrap(),
            "closed once only"
        );
        assert_eq!(
            store.vote(9, HERE, 13, Side::Undecided, 14).await.unwrap(),
            VoteOutcome::Closed
        );
        assert_eq!(store.tally(9).await.unwrap().total(), 2);
    }

    #[tokio::test]
    async fn votes_after_the_deadline_are_refused_and_due_debates_are_listed() {
        let store = Store::in_memory().await.unwrap();
        store.open_debate(&sample(1, 50)).await.unwrap();
        store.open_debate(&sample(2, 500)).await.unwrap();
        assert_eq!(
            store.vote(1, HERE, 11, Side::Benjamin, 60).await.unwrap(),
            VoteOutcome::Closed
        );
        let due = store.due_debates(100).await.unwrap();
        assert_eq!(due.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1]);
        assert_eq!(
            store.vote(777, HERE, 11, Side::Benjamin, 1).await.unwrap(),
            VoteOutcome::Closed
        );
    }
}
