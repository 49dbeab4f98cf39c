//! The database's health: one cheap statement, for `/healthz`.

use super::{Store, StoreError};

impl Store {
    /// Whether the database answers (`SELECT 1`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}
