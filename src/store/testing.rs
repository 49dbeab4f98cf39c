//! The test databases (built for tests and with the `test-util` feature only): a private one
//! per test, in memory or, when `TEST_DATABASE_URL` names a PostgreSQL database, in a schema of
//! its own there, so that the whole suite runs on either engine.

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;

use super::{Location, Store, StoreError};

/// Tells one test database from another within a run.
static TEST_DATABASES: AtomicU64 = AtomicU64::new(0);

impl Store {
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
}

/// The URL of `url`'s database with `schema` as the search path (sqlx reads `options[…]`).
fn in_schema(url: &str, schema: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options[search_path]={schema}")
}

/// The PostgreSQL database the test suite runs on, if any. A value that is set but is not one
/// PostgreSQL URL stops the test: a suite meant for PostgreSQL must not pass on SQLite unseen.
fn test_database_url() -> Option<String> {
    let url = std::env::var("TEST_DATABASE_URL").ok()?;
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let postgres = url.starts_with("postgres://") || url.starts_with("postgresql://");
    assert!(
        postgres && !url.contains(char::is_whitespace),
        "TEST_DATABASE_URL is not one PostgreSQL URL: {url:?}"
    );
    Some(url.to_string())
}

pub(super) fn unique_stamp() -> u128 {
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

/// Deletes what earlier test runs left in the temporary directory: the files and directories
/// named `prefix`, then the id of a process that no longer runs, then anything (the suite names
/// its databases, logs and folders `aura-e2e-<pid>-…`). A run keeps its own while it runs, to
/// be looked at after a failure; the next run sweeps them. Only where `/proc` tells which
/// processes run.
pub fn sweep_leftovers(prefix: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(dir) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    let me = std::process::id();
    for entry in dir.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|rest| rest.split(['-', '.']).next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == me || Path::new("/proc").join(pid.to_string()).exists() {
            continue;
        }
        let path = entry.path();
        // Another run sweeping at the same moment may have taken it first.
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}
