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
    /// Refreshes the query planner's statistics: SQLite's `PRAGMA optimize` (analysing what
    /// changed, reading at most a thousand rows of each index), PostgreSQL's `ANALYZE`. Run
    /// when the store opens, after its migrations, and with each pruning.
    pub async fn refresh_statistics(&self) -> Result<(), StoreError> {
        match &self.pool {
            super::Db::Sqlite(db) => {
                let mut conn = db.acquire().await?;
                sqlx::query("PRAGMA analysis_limit = 1000")
                    .execute(&mut *conn)
                    .await?;
                // 0x10002: analyse every table that needs it, including ones never analysed.
                sqlx::query("PRAGMA optimize = 0x10002")
                    .execute(&mut *conn)
                    .await?;
            }
            super::Db::Postgres(db) => {
                sqlx::query("ANALYZE").execute(db).await?;
            }
        }
        Ok(())
    }
}
