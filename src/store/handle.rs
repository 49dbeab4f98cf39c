//! The store's handle: one pool over either engine, opened, migrated and shared, with the
//! writers that store votes and answers in groups.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::batch;
use super::engine::*;

/// The database handle, cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    /// Where writes go: SQLite's one writer, or the PostgreSQL pool.
    pub(super) pool: Db,
    /// Readers: in SQLite's WAL mode they read the last commit without waiting for the writer,
    /// so boards and lookups never queue behind a burst of votes. On PostgreSQL, the same pool.
    pub(super) reader: Db,
    /// Debate votes, written in groups.
    pub(super) votes: batch::Writer<batch::Vote>,
    /// Quiz answers as they are clicked, written in groups.
    pub(super) answers: batch::Writer<batch::Answer>,
}

impl Store {
    /// Saves one per-server setting: `upsert` inserts `($1, $2)`, the guild and `value`, or
    /// updates the guild's row in place.
    pub(super) async fn put_setting<T>(
        &self,
        upsert: &'static str,
        guild: u64,
        value: T,
    ) -> Result<(), StoreError>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Sqlite>
            + sqlx::Type<sqlx::Sqlite>
            + for<'q> sqlx::Encode<'q, sqlx::Postgres>
            + sqlx::Type<sqlx::Postgres>
            + Send
            + 'static,
    {
        on!(&self.pool, |db| {
            sqlx::query(upsert)
                .bind(guild.to_string())
                .bind(value)
                .execute(db)
                .await?;
            Ok(())
        })
    }

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

    pub(super) async fn postgres(options: PgConnectOptions, max: u32) -> Result<Store, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max)
            .min_connections(0)
            // While the database is out, a call fails within two seconds (the member is told
            // so politely, background work tries again at its next tick) instead of holding
            // an interaction until Discord gives up on it.
            .acquire_timeout(Duration::from_secs(2))
            .connect_with(options)
            .await?;
        // Several processes may start at once: the migrations take a lock of their own.
        let applied = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM _sqlx_migrations")
                .fetch_one(&pool)
                .await
                .unwrap_or(0)
        };
        let before = applied().await;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        let migrated = applied().await != before;
        let store = Self::over(Db::Postgres(pool.clone())).ready().await?;
        if migrated {
            store.analyze().await?;
        }
        Ok(store)
    }

    pub(super) async fn sqlite(
        options: SqliteConnectOptions,
        max: u32,
    ) -> Result<Store, StoreError> {
        // A connection to a local file does not go stale: no round trip to its thread to
        // check it before each use (a failing one still fails its statement, and is replaced).
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .test_before_acquire(false)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        // A private in-memory database is one connection: it reads what it writes.
        Self::over(Db::Sqlite(pool)).ready().await
    }

    /// After the migrations: rounds not yet folded into the boards are folded, and SQLite's
    /// planner statistics refreshed (PostgreSQL keeps its own; see `refresh_statistics`).
    async fn ready(self) -> Result<Store, StoreError> {
        let folded = self.fold_pending().await?;
        if folded > 0 {
            tracing::info!(rounds = folded, "rounds folded into the boards");
        }
        self.refresh_statistics().await?;
        Ok(self)
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
