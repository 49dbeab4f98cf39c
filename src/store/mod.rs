//! State that must survive a restart (debate votes, quiz rounds and answers, daily schedules
//! and posts, audit channels; what a member asks to see or delete with `/privacy`), through
//! sqlx in one of two engines: an embedded SQLite file (the default, created on first run) or
//! PostgreSQL (`database_url`), for several processes over one database. Both run the same
//! statements (portable SQL, `$n` parameters) and are migrated from `migrations/<engine>/`;
//! [`on!`] runs a body once per engine. One module per aggregate. Rows are decoded here, once, into the features'
//! own types (ids as integers, languages, post kinds, decks): the store depends on the
//! features, never the other way round, and no caller re-parses a stored string.

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

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
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

/// Tells one test database from another within a run.
static TEST_DATABASES: AtomicU64 = AtomicU64::new(0);

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

    /// A private, empty database for tests: in memory, or, when `TEST_DATABASE_URL`
    /// names a PostgreSQL database, a schema of its own there (so the whole suite runs on
    /// either engine).
    pub async fn in_memory() -> Result<Store, StoreError> {
        match test_database_url() {
            Some(url) => {
                let n = TEST_DATABASES.fetch_add(1, Ordering::Relaxed);
                let schema = format!("t_{}_{}_{n}", std::process::id(), unique_stamp());
                Self::open_test(&Location::Postgres(in_schema(&url, &schema))).await
            }
            None => {
                let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
                Self::sqlite(options, 1).await
            }
        }
    }

    /// The database a test keeps across restarts under `path`: that SQLite file, or, when
    /// `TEST_DATABASE_URL` is set, a PostgreSQL schema named after the path.
    pub fn test_location(path: &Path) -> Location {
        match test_database_url() {
            Some(url) => {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                path.hash(&mut h);
                Location::Postgres(in_schema(&url, &format!("p_{:016x}", h.finish())))
            }
            None => Location::File(path.to_path_buf()),
        }
    }

    /// Opens the database a test keeps under `path` (see [`Store::test_location`]).
    pub async fn open_for_tests(path: &Path) -> Result<Store, StoreError> {
        Self::open_test(&Self::test_location(path)).await
    }

    /// Opens a test database at `location`, creating a PostgreSQL schema first if needed.
    pub async fn open_test(location: &Location) -> Result<Store, StoreError> {
        match location {
            Location::File(path) => Self::open(path).await,
            Location::Postgres(url) => {
                let options: PgConnectOptions = url.parse()?;
                let schema = url
                    .rsplit_once("options[search_path]=")
                    .map(|(_, s)| s.to_string())
                    .unwrap_or_else(|| "public".to_string());
                let base = url.split('?').next().unwrap_or(url);
                create_schema(base, &schema).await?;
                Self::postgres(options, 4).await
            }
        }
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

/// The URL of `url`'s database with `schema` as the search path (sqlx reads `options[…]`).
fn in_schema(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options[search_path]={schema}")
}

/// The PostgreSQL database the test suite runs on, if any.
fn test_database_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres://") || u.starts_with("postgresql://"))
}

fn unique_stamp() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Creates `schema` in the database at `url` if it is not there.
async fn create_schema(url: &str, schema: &str) -> Result<(), StoreError> {
    let admin = PgPoolOptions::new()
        .max_connections(1)
        .connect_with(url.parse()?)
        .await?;
    // Two tests creating the same schema at once: one wins, the other finds it.
    let made = sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\""))
        .execute(&admin)
        .await;
    admin.close().await;
    match made {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("23505") => Ok(()),
        Err(e) => Err(e.into()),
    }
}
