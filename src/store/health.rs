//! The database's health: one cheap statement, for `/healthz`, and the planner's statistics
//! kept current so that it picks the indexes a growing history needs.

use super::{Store, StoreError};

impl Store {
    /// Whether the database answers (`SELECT 1`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("SELECT 1").execute(db).await?;
            Ok(())
        })
    }
}

impl Store {
    /// Refreshes the query planner's statistics where Aura must: SQLite's `PRAGMA optimize`
    /// (analysing what changed enough, reading at most a thousand rows of each index), run when
    /// the store opens and with each pruning. PostgreSQL keeps its own statistics current
    /// (autovacuum's analyse), so nothing is done there; [`Store::analyze`] runs after a
    /// migration.
    pub async fn refresh_statistics(&self) -> Result<(), StoreError> {
        if let super::Db::Sqlite(db) = &self.pool {
            let mut conn = db.acquire().await?;
            sqlx::query("PRAGMA analysis_limit = 1000")
                .execute(&mut *conn)
                .await?;
            // 0x10002: analyse every table that needs it, including ones never analysed.
            sqlx::query("PRAGMA optimize = 0x10002")
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// Gathers the planner's statistics of every table now: PostgreSQL's `ANALYZE` (after a
    /// migration, whose new tables and indexes autovacuum has not seen yet), SQLite's
    /// `PRAGMA optimize`.
    pub async fn analyze(&self) -> Result<(), StoreError> {
        match &self.pool {
            super::Db::Sqlite(_) => self.refresh_statistics().await,
            super::Db::Postgres(db) => {
                // The tables of this store's schema only (others may share the database).
                sqlx::query(
                    "DO $$ DECLARE t record; BEGIN
                         FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
                             EXECUTE format('ANALYZE %I', t.tablename);
                         END LOOP;
                     END $$",
                )
                .execute(db)
                .await?;
                Ok(())
            }
        }
    }
}
