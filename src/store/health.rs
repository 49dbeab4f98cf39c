//! The database's health: one cheap statement, for `/healthz`.

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
