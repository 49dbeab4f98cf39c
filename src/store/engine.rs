//! The two engines the store runs on: where the state lives ([`Location`]), the pool of either
//! engine ([`Db`]), its errors, decoding ids from rows of either, and beginning a write.

use sqlx::postgres::{PgPool, PgRow};
use sqlx::sqlite::{SqlitePool, SqliteRow};
use sqlx::{Decode, Postgres, Row, Sqlite, Type};

/// A failure of the database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the state folder {0}: {1}")]
    Folder(String, std::io::Error),
    #[error("stored `{column}` is not valid: {value:?}")]
    Corrupt { column: &'static str, value: String },
}

/// A Discord id stored as text, read back as the integer it is.
pub(crate) fn parse_id(column: &'static str, text: &str) -> Result<u64, StoreError> {
    text.parse().map_err(|_| StoreError::Corrupt {
        column,
        value: text.to_string(),
    })
}

/// A value both engines decode alike (integers, text, their options).
pub(crate) trait Column:
    for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

impl<T> Column for T where
    T: for<'r> Decode<'r, Sqlite> + Type<Sqlite> + for<'r> Decode<'r, Postgres> + Type<Postgres>
{
}

/// A row of either engine, read column by column with the types both engines decode alike.
pub(crate) trait Record {
    /// The value in `column`.
    fn value<T: Column>(&self, column: &str) -> Result<T, sqlx::Error>;
}

impl Record for SqliteRow {
    fn value<T: Column>(&self, column: &str) -> Result<T, sqlx::Error> {
        self.try_get(column)
    }
}

impl Record for PgRow {
    fn value<T: Column>(&self, column: &str) -> Result<T, sqlx::Error> {
        self.try_get(column)
    }
}

/// The Discord id in `column` of a row.
pub(crate) fn snowflake(row: &impl Record, column: &'static str) -> Result<u64, StoreError> {
    parse_id(column, &row.value::<String>(column)?)
}

/// An optional Discord id in `column` of a row.
pub(crate) fn snowflake_opt(
    row: &impl Record,
    column: &'static str,
) -> Result<Option<u64>, StoreError> {
    row.value::<Option<String>>(column)?
        .map(|t| parse_id(column, &t))
        .transpose()
}

/// A connection pool of one engine or the other.
#[derive(Debug, Clone)]
pub(crate) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    pub(super) async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }
}

/// A transaction that will write, begun so that it never has to upgrade from reading: on SQLite
/// `BEGIN IMMEDIATE` takes the write lock at once (another process holding it makes this one
/// wait `busy_timeout`, where an upgrade would fail with "database is locked"); on PostgreSQL,
/// a plain `BEGIN`, the rows' locks doing the rest.
pub(crate) trait BeginWrite {
    type Engine: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Engine>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Engine = Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Engine = Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Postgres>, sqlx::Error> {
        self.begin().await
    }
}

/// Whether a write must lock the rows its conditions read. On PostgreSQL under READ COMMITTED,
/// `INSERT … WHERE (the debate is open)` reads the debate in its own snapshot: a close that
/// commits meanwhile lets the insert land after it. Taking `FOR SHARE` on the row first makes a
/// concurrent close wait for this transaction, and a close that committed first is seen by the
/// statements that follow. On SQLite, `BEGIN IMMEDIATE` already admits one writer at a time.
pub(crate) trait RowLocks {
    fn locks_rows(&self) -> bool;
}

impl RowLocks for SqlitePool {
    fn locks_rows(&self) -> bool {
        false
    }
}

impl RowLocks for PgPool {
    fn locks_rows(&self) -> bool {
        true
    }
}

/// Reads that must see one moment, such as kept totals and the rounds not folded into them
/// yet (a round folding between two reads would otherwise be counted twice or not at all): on
/// SQLite a deferred `BEGIN`, whose snapshot is taken at its first read; on PostgreSQL
/// `REPEATABLE READ`, whose statements all see the transaction's first snapshot.
pub(crate) trait BeginRead {
    type Engine: sqlx::Database;
    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, Self::Engine>, sqlx::Error>;
}

impl BeginRead for SqlitePool {
    type Engine = Sqlite;
    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, Sqlite>, sqlx::Error> {
        self.begin().await
    }
}

impl BeginRead for PgPool {
    type Engine = Postgres;
    async fn begin_read(&self) -> Result<sqlx::Transaction<'static, Postgres>, sqlx::Error> {
        self.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .await
    }
}

/// Where the state lives, from the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file, created if missing.
    File(std::path::PathBuf),
    /// A PostgreSQL database (`postgres://…`).
    Postgres(String),
}

impl Location {
    /// What an operator can be shown: the file, or the server without any credential: the
    /// user and password go (up to the last `@`, so a password holding one is hidden whole),
    /// and so does the query, which may carry `password=` or a key file.
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Postgres(url) => {
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                let (place, query) = match rest.split_once('?') {
                    Some((place, _)) => (place, "?…"),
                    None => (rest, ""),
                };
                let server = place.rsplit_once('@').map_or(place, |(_, server)| server);
                format!("{scheme}://…@{server}{query}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Location;

    #[test]
    fn a_database_url_is_shown_without_any_credential() {
        for (url, shown) in [
            (
                "postgres://aura:secret@db:5432/aura",
                "postgres://…@db:5432/aura",
            ),
            ("postgres://aura:p@ss@word@db/aura", "postgres://…@db/aura"),
            (
                "postgresql://db/aura?user=aura&password=secret",
                "postgresql://…@db/aura?…",
            ),
        ] {
            let seen = Location::Postgres(url.into()).shown();
            assert_eq!(seen, shown);
            for secret in ["secret", "p@ss", "ss@word"] {
                assert!(!seen.contains(secret), "{seen}");
            }
        }
    }
}
