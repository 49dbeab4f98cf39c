//! Debate votes: which debates are open, and each member's current vote (one per member,
//! changeable until the debate closes).

use sqlx::Row;

use super::{Store, StoreError};

/// A side a member can vote for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Benjamin,
    Adorno,
    Undecided,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Benjamin => "benjamin",
            Side::Adorno => "adorno",
            Side::Undecided => "undecided",
        }
    }
    pub fn parse(s: &str) -> Option<Side> {
        match s {
            "benjamin" => Some(Side::Benjamin),
            "adorno" => Some(Side::Adorno),
            "undecided" => Some(Side::Undecided),
            _ => None,
        }
    }
}

/// An open or closed debate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Debate {
    pub id: String,
    pub pack: String,
    pub motion: String,
    pub guild_id: Option<String>,
    pub channel_id: String,
    pub starter_id: String,
    pub token: String,
    pub lang: String,
    pub opened_at: i64,
    pub closes_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub benjamin: u32,
    pub adorno: u32,
    pub undecided: u32,
}

impl Tally {
    pub fn total(&self) -> u32 {
        self.benjamin + self.adorno + self.undecided
    }
}

/// What a vote did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    /// A first vote.
    Cast,
    /// A changed vote (or the same one again).
    Changed,
    /// The debate is closed (or unknown): nothing changed.
    Closed,
}

fn debate(row: &sqlx::sqlite::SqliteRow) -> Result<Debate, sqlx::Error> {
    Ok(Debate {
        id: row.try_get("id")?,
        pack: row.try_get("pack")?,
        motion: row.try_get("motion")?,
        guild_id: row.try_get("guild_id")?,
        channel_id: row.try_get("channel_id")?,
        starter_id: row.try_get("starter_id")?,
        token: row.try_get("token")?,
        lang: row.try_get("lang")?,
        opened_at: row.try_get("opened_at")?,
        closes_at: row.try_get("closes_at")?,
        closed_at: row.try_get("closed_at")?,
    })
}

impl Store {
    pub async fn open_debate(&self, d: &Debate) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO debates (id, pack, motion, guild_id, channel_id, starter_id, token, lang, opened_at, closes_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&d.id)
        .bind(&d.pack)
        .bind(&d.motion)
        .bind(&d.guild_id)
        .bind(&d.channel_id)
        .bind(&d.starter_id)
        .bind(&d.token)
        .bind(&d.lang)
        .bind(d.opened_at)
        .bind(d.closes_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn debate(&self, id: &str) -> Result<Option<Debate>, StoreError> {
        let row = sqlx::query("SELECT * FROM debates WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(debate).transpose()?)
    }

    /// Records a member's vote, in one transaction with the check that the debate is open
    /// (at `now`, unix seconds). Votes cast at the same moment share a transaction; this returns
    /// once the vote is committed.
    pub async fn vote(
        &self,
        id: &str,
        user: &str,
        side: Side,
        now: i64,
    ) -> Result<VoteOutcome, StoreError> {
        self.votes.cast(id, user, side, now).await
    }

    pub async fn tally(&self, id: &str) -> Result<Tally, StoreError> {
        let rows = sqlx::query(
            "SELECT side, COUNT(*) AS n FROM debate_votes WHERE debate_id = ? GROUP BY side",
        )
        .bind(id)
        .fetch_all(&self.pool)
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
    }

    /// Closes a debate; `false` when it was already closed (so only one closer announces it).
    pub async fn close_debate(&self, id: &str, now: i64) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE debates SET closed_at = ? WHERE id = ? AND closed_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Open debates whose time is up at `now`.
    pub async fn due_debates(&self, now: i64) -> Result<Vec<Debate>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM debates WHERE closed_at IS NULL AND closes_at <= ? ORDER BY closes_at",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(debate).collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(id: &str, closes_at: i64) -> Debate {
        Debate {
            id: id.into(),
            pack: "benjamin".into(),
            motion: "film-makes-experts".into(),
            guild_id: Some("1".into()),
            channel_id: "2".into(),
            starter_id: "3".into(),
            token: "t".into(),
            lang: "en".into(),
            opened_at: 0,
            closes_at,
            closed_at: None,
        }
    }

    #[tokio::test]
    async fn one_vote_per_member_changeable_until_closed() {
        let store = Store::in_memory().await.unwrap();
        store.open_debate(&sample("d", 100)).await.unwrap();
        assert_eq!(
            store.vote("d", "u1", Side::Benjamin, 10).await.unwrap(),
            VoteOutcome::Cast
        );
        assert_eq!(
            store.vote("d", "u2", Side::Adorno, 10).await.unwrap(),
            VoteOutcome::Cast
        );
        assert_eq!(
            store.vote("d", "u1", Side::Adorno, 11).await.unwrap(),
            VoteOutcome::Changed
        );
        assert_eq!(
            store.tally("d").await.unwrap(),
            Tally {
                benjamin: 0,
                adorno: 2,
                undecided: 0
            }
        );
        assert!(store.close_debate("d", 12).await.unwrap());
        assert!(
            !store.close_debate("d", 13).await.unwrap(),
            "closed once only"
        );
        assert_eq!(
            store.vote("d", "u3", Side::Undecided, 14).await.unwrap(),
            VoteOutcome::Closed
        );
        assert_eq!(store.tally("d").await.unwrap().total(), 2);
    }

    #[tokio::test]
    async fn votes_after_the_deadline_are_refused_and_due_debates_are_listed() {
        let store = Store::in_memory().await.unwrap();
        store.open_debate(&sample("a", 50)).await.unwrap();
        store.open_debate(&sample("b", 500)).await.unwrap();
        assert_eq!(
            store.vote("a", "u", Side::Benjamin, 60).await.unwrap(),
            VoteOutcome::Closed
        );
        let due = store.due_debates(100).await.unwrap();
        assert_eq!(
            due.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            vec!["a"]
        );
        assert_eq!(
            store.vote("zzz", "u", Side::Benjamin, 1).await.unwrap(),
            VoteOutcome::Closed
        );
    }
}
