//! State that must survive a restart (debate votes, quiz rounds and answers, daily schedules
//! and posts, audit channels; what a member asks to see or delete with `/privacy`), in SQLite through sqlx (embedded, created on first run, migrated from
//! `migrations/`). One module per aggregate. Rows are decoded here, once, into the features'
//! own types (ids as integers, languages, post kinds, decks): the store depends on the
//! features, never the other way round, and no caller re-parses a stored string.

mod audit;
mod batch;
mod class;
mod daily;
mod debates;
mod health;
mod limits;
mod posts;
mod privacy;
mod prune;
mod quiz;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};

pub use class::{Due, Setup};
pub use posts::Claim;
pub use privacy::MemberRows;
pub use prune::Pruned;
pub use quiz::StartOutcome;

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

/// The Discord id in `column` of a row.
pub(crate) fn snowflake(row: &SqliteRow, column: &'static str) -> Result<u64, StoreError> {
    parse_id(column, &row.try_get::<String, _>(column)?)
}

/// An optional Discord id in `column` of a row.
pub(crate) fn snowflake_opt(
    row: &SqliteRow,
    column: &'static str,
) -> Result<Option<u64>, StoreError> {
    row.try_get::<Option<String>, _>(column)?
        .map(|t| parse_id(column, &t))
        .transpose()
}

/// The database handle, cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    /// The one writer.
    pool: SqlitePool,
    /// Readers: in WAL mode they read the last commit without waiting for the writer, so
    /// boards and lookups never queue behind a burst of votes.
    reader: SqlitePool,
    /// Debate votes, written in groups.
    votes: batch::Votes,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and applies the migrations.
    pub async fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Folder(dir.display().to_string(), e))?;
        }
        let options = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            // Readers (the bot's own, `aura check`, a backup) read the last commit without
            // waiting for the writer, nor it for them.
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode, NORMAL syncs the log to disk at checkpoints rather than at every
            // commit. A commit is in the log file when it returns, so it survives the process
            // being stopped or killed; only a power cut or an OS crash can undo the last commits
            // before it, and the database stays consistent even then. A click does not wait for
            // a disk flush; a vote lost to a power cut can be cast again.
            .synchronous(SqliteSynchronous::Normal)
            // Another connection (a reader, or `aura check` beside a running bot) makes a
            // writer wait a moment instead of failing with "database is locked".
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        // SQLite has one writer at a time: one connection serializes writes without
        // "database is locked" failures, and is plenty for a class's clicks.
        let mut store = Self::connect(options.clone(), 1).await?;
        // Reads go through connections of their own, opened when needed.
        store.reader = SqlitePoolOptions::new()
            .max_connections(2)
            .min_connections(0)
            .test_before_acquire(false)
            .connect_lazy_with(options);
        Ok(store)
    }

    /// A private in-memory database, for tests.
    pub async fn in_memory() -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        Self::connect(options, 1).await
    }

    async fn connect(options: SqliteConnectOptions, max: u32) -> Result<Store, StoreError> {
        // A connection to a local file does not go stale: no round trip to its thread to
        // check it before each use (a failing one still fails its statement, and is replaced).
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        let votes = batch::Votes::start(pool.clone());
        // A private in-memory database is one connection: it reads what it writes.
        Ok(Store {
            reader: pool.clone(),
            pool,
            votes,
        })
    }

    /// Closes every connection cleanly (checkpointing the write-ahead log).
    pub async fn close(&self) {
        self.reader.close().await;
        self.pool.close().await;
    }
}
