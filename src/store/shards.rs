//! Which process holds which shards: a process claims its range at start-up, renews the claim
//! while it runs and releases it when it stops. A claim another process renewed lately that
//! overlaps the range, or counts a different total, refuses the start.

use super::{BeginWrite, RowLocks, Store, StoreError};

/// A claim that stands in the way: another process holds `shard` of `total`, renewed
/// `seconds_ago`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub shard: u32,
    pub total: u32,
    pub seconds_ago: i64,
}

impl Store {
    /// Claims shards `first..=last` of `total` for `holder` at `now`, unless another holder's
    /// claim renewed since `stale_before` overlaps them or counts another total (then that
    /// claim). Claims older than `stale_before` (a crashed process's) are taken over.
    pub async fn claim_shards(
        &self,
        (first, last, total): (u32, u32, u32),
        holder: &str,
        now: i64,
        stale_before: i64,
    ) -> Result<Result<(), Held>, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            if db.locks_rows() {
                // One claimer at a time; readers of the claims are not held up.
                sqlx::query("LOCK TABLE shard_claims IN SHARE ROW EXCLUSIVE MODE")
                    .execute(&mut *tx)
                    .await?;
            }
            let others: Vec<(i64, i64, i64)> = sqlx::query_as(
                "SELECT shard, total, seen_at FROM shard_claims
                 WHERE holder <> $1 AND seen_at >= $2 ORDER BY shard",
            )
            .bind(holder)
            .bind(stale_before)
            .fetch_all(&mut *tx)
            .await?;
            let mine = i64::from(first)..=i64::from(last);
            if let Some((shard, held, seen)) = others
                .iter()
                .find(|(shard, held, _)| *held != i64::from(total) || mine.contains(shard))
            {
                tx.rollback().await?;
                return Ok(Err(Held {
                    shard: u32::try_from(*shard).unwrap_or(0),
                    total: u32::try_from(*held).unwrap_or(0),
                    seconds_ago: now - seen,
                }));
            }
            sqlx::query("DELETE FROM shard_claims WHERE holder = $1 OR seen_at < $2")
                .bind(holder)
                .bind(stale_before)
                .execute(&mut *tx)
                .await?;
            for shard in first..=last {
                sqlx::query(
                    "INSERT INTO shard_claims (shard, total, holder, seen_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(i64::from(shard))
                .bind(i64::from(total))
                .bind(holder)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(Ok(()))
        })
    }

    /// Renews `holder`'s claims.
    pub async fn renew_shards(&self, holder: &str, now: i64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("UPDATE shard_claims SET seen_at = $2 WHERE holder = $1")
                .bind(holder)
                .bind(now)
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// Releases `holder`'s claims (a clean stop).
    pub async fn release_shards(&self, holder: &str) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("DELETE FROM shard_claims WHERE holder = $1")
                .bind(holder)
                .execute(db)
                .await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn overlapping_ranges_and_other_totals_are_refused_until_their_claim_is_stale() {
        let s = Store::in_memory().await.expect("store");
        assert_eq!(
            s.claim_shards((0, 3, 16), "a", 100, 70).await.expect("a"),
            Ok(())
        );
        // Another range of the same total: fine. An overlap: refused, naming the shard.
        assert_eq!(
            s.claim_shards((4, 7, 16), "b", 101, 71).await.expect("b"),
            Ok(())
        );
        let overlap = s.claim_shards((3, 5, 16), "c", 102, 72).await.expect("c");
        assert_eq!(
            overlap,
            Err(Held {
                shard: 3,
                total: 16,
                seconds_ago: 2
            })
        );
        // Another total, even without an overlap.
        let other = s.claim_shards((8, 8, 32), "d", 103, 73).await.expect("d");
        assert!(matches!(other, Err(Held { total: 16, .. })), "{other:?}");
        // The same holder claims again (a restart that kept its name): fine.
        assert_eq!(
            s.claim_shards((0, 3, 16), "a", 104, 74).await.expect("a"),
            Ok(())
        );
        // "a" stops cleanly; "b" crashes and is not renewed: once stale, its shards are free.
        s.release_shards("a").await.expect("release");
        s.renew_shards("b", 110).await.expect("renew");
        assert!(
            s.claim_shards((4, 5, 16), "e", 120, 100)
                .await
                .expect("e")
                .is_err()
        );
        assert_eq!(
            s.claim_shards((4, 5, 16), "e", 150, 120).await.expect("e"),
            Ok(())
        );
        assert_eq!(
            s.claim_shards((0, 3, 16), "f", 150, 120).await.expect("f"),
            Ok(())
        );
    }
}
