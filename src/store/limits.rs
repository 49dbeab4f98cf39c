//! The counts behind the per-server limits: open debate votes (per server, per channel and
//! per member, and the server's list for its moderators) and running quiz rounds per server. Daily schedules and waiting suggestions are counted in
//! their own modules.

use super::{Store, StoreError};

impl Store {
    /// Open debates (quick votes and class debates) in a server, in one of its channels, and
    /// started by one member there.
    pub async fn open_debates(
        &self,
        guild: u64,
        channel: u64,
        member: u64,
    ) -> Result<(i64, i64, i64), StoreError> {
        on!(&self.reader, |db| {
            let row: (i64, i64, i64) = sqlx::query_as(
                "SELECT COUNT(*),
                    CAST(COALESCE(SUM(CASE WHEN channel_id = $1 THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN starter_id = $3 THEN 1 ELSE 0 END), 0) AS BIGINT)
             FROM debates WHERE guild_id = $2 AND closed_at IS NULL",
            )
            .bind(channel.to_string())
            .bind(guild.to_string())
            .bind(member.to_string())
            .fetch_one(db)
            .await?;
            Ok(row)
        })
    }

    /// Open quick votes and class debates in the whole database (for `/metrics`).
    pub async fn open_debate_counts(&self) -> Result<(i64, i64), StoreError> {
        on!(&self.reader, |db| {
            let row: (i64, i64) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(CASE WHEN format = 'class' THEN 0 ELSE 1 END), 0) AS BIGINT),
                        CAST(COALESCE(SUM(CASE WHEN format = 'class' THEN 1 ELSE 0 END), 0) AS BIGINT)
                 FROM debates WHERE closed_at IS NULL",
            )
            .fetch_one(db)
            .await?;
            Ok(row)
        })
    }

    /// A server's open debates, the newest first (at most `limit`).
    pub async fn open_debates_of(
        &self,
        guild: u64,
        limit: u32,
    ) -> Result<Vec<crate::debate::model::Debate>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT * FROM debates WHERE guild_id = $1 AND closed_at IS NULL
                 ORDER BY opened_at DESC, id DESC LIMIT $2",
            )
            .bind(guild.to_string())
            .bind(i64::from(limit))
            .fetch_all(db)
            .await?;
            rows.iter().map(super::debates::debate).collect()
        })
    }

    /// Quiz rounds running in a server.
    pub async fn open_rounds(&self, guild: u64) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            Ok(sqlx::query_scalar(
                "SELECT COUNT(*) FROM quiz_rounds WHERE guild_id = $1 AND ended_at IS NULL AND kind = 'live'",
            )
            .bind(guild.to_string())
            .fetch_one(db)
            .await?)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn open_debates_and_rounds_are_counted_per_server_channel_and_member() {
        let s = Store::in_memory().await.expect("store");
        for (id, guild, channel, closed) in [
            ("1", "10", "20", false),
            ("2", "10", "20", false),
            ("3", "10", "21", false),
            ("4", "10", "20", true),
            ("5", "11", "20", false),
        ] {
            on!(&s.pool, |db| sqlx::query("INSERT INTO debates (id, pack, motion, guild_id, channel_id, starter_id, token, lang, opened_at, closes_at, closed_at) VALUES ($1, 'p', 'm', $2, $3, '3', '', 'en', 0, 60, $4)")
                .bind(id).bind(guild).bind(channel).bind(closed.then_some(60))
                .execute(db).await.map(|_| ())).expect("debate");
        }
        // Every one started by member 3.
        assert_eq!(s.open_debates(10, 20, 3).await.expect("q"), (3, 2, 3));
        assert_eq!(s.open_debates(10, 20, 4).await.expect("q"), (3, 2, 0));
        assert_eq!(s.open_debates(12, 20, 3).await.expect("q"), (0, 0, 0));
        let open: Vec<u64> = s
            .open_debates_of(10, 25)
            .await
            .expect("q")
            .iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(open.len(), 3);
        assert!(!open.contains(&4) && !open.contains(&5));
        s.start_round(1, 10, 20, 3, 0).await.expect("round");
        s.start_round(2, 10, 21, 3, 0).await.expect("round");
        s.start_round(3, 11, 22, 3, 0).await.expect("round");
        assert_eq!(s.open_rounds(10).await.expect("q"), 2);
    }
}
