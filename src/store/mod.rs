//! State that must survive a restart (debate votes, quiz rounds and answers, daily schedules
//! and posts, audit channels; what a member asks to see or delete with `/privacy`), through
//! sqlx in one of two engines: an embedded SQLite file (the default, created on first run) or
//! PostgreSQL (`database_url`), for several processes over one database. Both run the same
//! statements (portable SQL, `$n` parameters) and are migrated from `migrations/<engine>/`;
//! [`on!`] runs a body once per engine. One module per aggregate. Rows are decoded here, once,
//! into the features' plain values (their `model` modules: ids as integers, languages, post
//! kinds, decks), so no caller re-parses a stored string. The store names nothing else of the
//! features (`tests/architecture.rs` holds it to that); the features call the store.

/// Runs `$body` with `$p` bound to the pool of `$db` (a `&Db`), whichever engine it is: the
/// body is written once and compiled for each. Written like a closure, `on!(&self.pool, |db| {
/// … })`, so that rustfmt formats the body.
macro_rules! on {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Sqlite($p) => $body,
            $crate::store::Db::Postgres($p) => $body,
        }
    };
}

mod audit;
mod batch;
mod class;
mod daily;
mod debates;
mod health;
mod homework;
mod learning;
mod limits;
mod names;
mod posts;
mod privacy;
#[cfg(test)]
mod processes;
mod prune;
mod quiz;
#[cfg(any(test, feature = "test-util"))]
mod testing;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Decode, Postgres, Row, Sqlite, Type};

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

/// A row of either engine, read column by column with the types both engines decode alike.
pub(crate) trait Record {
    /// The value in `column`.
    fn value<T>(&self, column: &str) -> Result<T, sqlx::Error>
    where
        T: for<'r> Decode<'r, Sqlite>
            + Type<Sqlite>
            + for<'r> Decode<'r, Postgres>
            + Type<Postgres>;
}

impl Record for SqliteRow {
    fn value<T>(&self, column: &str) -> Result<T, sqlx::Error>
    where
        T: for<'r> Decode<'r, Sqlite>
            + Type<Sqlite>
            + for<'r> Decode<'r, Postgres>
            + Type<Postgres>,
    {
        self.try_get(column)
    }
}

impl Record for PgRow {
    fn value<T>(&self, column: &str) -> Result<T, sqlx::Error>
    where
        T: for<'r> Decode<'r, Sqlite>
            + Type<Sqlite>
            + for<'r> Decode<'r, Postgres>
            + Type<Postgres>,
    {
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
    async fn close(&self) {
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

/// Where the state lives, from the settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// An SQLite file, created if missing.
    File(std::path::PathBuf),
    /// A PostgreSQL database (`postgres://…`).
    Postgres(String),
}

impl Location {
    /// What an operator can be shown: the file, or the server without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::File(p) => p.display().to_string(),
            Location::Postgres(url) => match url.split_once('@') {
                Some((_, host)) => format!("postgres://…@{host}"),
                None => url.clone(),
            },
        }
    }
}

/// The database handle, cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    /// Where writes go: SQLite's one writer, or the PostgreSQL pool.
    pool: Db,
    /// Readers: in SQLite's WAL mode they read the last commit without waiting for the writer,
    /// so boards and lookups never queue behind a burst of votes. On PostgreSQL, the same pool.
    reader: Db,
    /// Debate votes, written in groups.
    votes: batch::Writer<batch::Vote>,
    /// Quiz answers as they are clicked, written in groups.
    answers: batch::Writer<batch::Answer>,
}

impl Store {
    /// Opens the state database where `location` says, creating and migrating it as needed.
    pub async fn connect(location: &Location) -> Result<Store, StoreError> {
        match location {
            Location::File(path) => Self::open(path).await,
            Location::Postgres(url) => Self::postgres(url.parse()?, 8).await,
        }
    }

    /// Opens (creating if needed) the SQLite file at `path` and applies the migrations.
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
            // Another connection (a reader, a second process, or `aura check` beside a running
            // bot) makes a writer wait a moment instead of failing with "database is locked".
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        // SQLite has one writer at a time: one connection serializes writes without
        // "database is locked" failures, and is plenty for a class's clicks.
        let mut store = Self::sqlite(options.clone(), 1).await?;
        // Reads go through connections of their own, opened when needed.
        store.reader = Db::Sqlite(
            SqlitePoolOptions::new()
                .max_connections(2)
                .min_connections(0)
                .test_before_acquire(false)
                .connect_lazy_with(options),
        );
        Ok(store)
    }

    async fn postgres(options: PgConnectOptions, max: u32) -> Result<Store, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max)
            .min_connections(0)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        // Several processes may start at once: the migrations take a lock of their own.
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self::over(Db::Postgres(pool)))
    }

    async fn sqlite(options: SqliteConnectOptions, max: u32) -> Result<Store, StoreError> {
        // A connection to a local file does not go stale: no round trip to its thread to
        // check it before each use (a failing one still fails its statement, and is replaced).
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        // A private in-memory database is one connection: it reads what it writes.
        Ok(Self::over(Db::Sqlite(pool)))
    }

    /// The store over `db`, reading through it too, with its group writers started.
    fn over(db: Db) -> Store {
        Store {
            votes: batch::Writer::start(db.clone()),
            answers: batch::Writer::start(db.clone()),
            reader: db.clone(),
            pool: db,
        }
    }

    /// Which engine holds the state.
    pub fn engine(&self) -> &'static str {
        match self.pool {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Closes every connection cleanly (checkpointing SQLite's write-ahead log).
    pub async fn close(&self) {
        self.reader.close().await;
        self.pool.close().await;
    }
}
