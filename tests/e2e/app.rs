//! `TestApp`: the real bot (serenity, poise, the store) started in-process against a fake
//! Discord, with the knobs end-to-end tests turn: vote length, quiz pacing and seed, and how
//! often daily schedules are checked.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use aura::app::{self, Launch};
use aura::clock::Clock;
use aura::core::Core;
use aura::discord::{Connection, Patience, Registration, Token};
use aura::pack::Lang;
use aura::quiz::Tuning as QuizTuning;
use aura::services::Pace;
use aura::shard::Shards;
use aura::store::{Location, Store};
use serde_json::Value;

use crate::fake::{Callback, FakeDiscord, command};

static NEXT: AtomicU64 = AtomicU64::new(1_000_000);

/// A fresh snowflake-like id for interactions and members.
pub fn next() -> u64 {
    NEXT.fetch_add(1, Ordering::SeqCst)
}

/// Where a bot keeps its state: a file of its own for one bot (or for several, one after
/// another to test restarts, or side by side as shard processes). Every test gets its bots'
/// database from here, in-process ([`TestApp`]) or as `aura run` ([`point_at_state`]), and
/// reads it back with [`open_state`].
pub fn state_file() -> PathBuf {
    // What earlier runs left behind goes first.
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(|| {
        for prefix in ["aura-e2e-", "aura-anywhere-"] {
            aura::store::sweep_leftovers(prefix);
        }
    });
    std::env::temp_dir().join(format!("aura-e2e-{}-{}.db", std::process::id(), next()))
}

/// The environment variable and value that point an `aura` process at the test database kept
/// under `state`: `AURA_STATE_PATH` for the SQLite file, or, when the suite runs on PostgreSQL
/// (`TEST_DATABASE_URL`), `AURA_DATABASE_URL` for the schema named after `state`, created and
/// migrated here first.
pub fn database_env(state: &Path) -> (&'static str, String) {
    match Store::test_location(state) {
        Location::File(path) => ("AURA_STATE_PATH", path.display().to_string()),
        Location::Postgres(url) => {
            let state = state.to_path_buf();
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async {
                    let store = Store::open_for_tests(&state).await.expect("test schema");
                    store.close().await;
                });
            })
            .join()
            .expect("schema ready");
            ("AURA_DATABASE_URL", url)
        }
    }
}

/// The bot token a bot holding `shards` connects with.
pub fn token_of(shards: Shards) -> String {
    match shards {
        Shards::All => "fake-token".into(),
        Shards::Range { first, .. } => format!("fake-token-shard{first}"),
    }
}

/// Opens the state `state_file` gave, as a bot does (tests read what the bots stored).
pub async fn open_state(state: &Path) -> Store {
    Store::open_for_tests(state).await.expect("store")
}

/// `url` with its host and port replaced by `via`.
fn through(url: &str, via: std::net::SocketAddr) -> String {
    let start = url
        .find('@')
        .map_or_else(|| url.find("//").map_or(0, |i| i + 2), |i| i + 1);
    let end = url[start..].find('/').map_or(url.len(), |i| start + i);
    format!("{}{via}{}", &url[..start], &url[end..])
}

/// The rows of the CSV a teacher gets from `/quiz report` for `round` (one per answer), read
/// from what the bots stored, cell by cell.
pub async fn round_report(store: &Store, round: u64) -> Vec<csv::StringRecord> {
    let lines = store.report_lines(round).await.expect("report");
    let bytes = aura::quiz::gradebook::round_csv(&lines).expect("csv");
    csv::Reader::from_reader(bytes.as_slice())
        .records()
        .map(|r| r.expect("row"))
        .collect()
}

/// Points an `aura run` child process at the state `state_file` gave.
pub fn point_at_state(cmd: &mut std::process::Command, state: &Path) {
    let (database, at) = database_env(state);
    cmd.env(database, at);
}

#[derive(Clone)]
pub struct Options {
    pub vote_length: Duration,
    pub quiz: QuizTuning,
    pub quiz_seed: Option<u64>,
    pub daily_every: Duration,
    /// The bot's clock (daily posts and debate deadlines follow it).
    pub clock: Clock,
    /// REST timeouts and start-up retries.
    pub patience: Patience,
    /// The shards this bot holds (all, by default).
    pub shards: Shards,
    /// On PostgreSQL: reach the database through this address (a proxy the test can cut)
    /// instead of directly.
    pub database_via: Option<std::net::SocketAddr>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            vote_length: Duration::from_secs(600),
            quiz: QuizTuning {
                pause: Duration::from_millis(300),
                edit_gap: Duration::from_millis(1000),
                idle_limit: 2,
                read_time: Duration::ZERO,
                join_time: Duration::from_secs(2),
                players_wait: Duration::from_secs(3),
            },
            quiz_seed: Some(7),
            daily_every: Duration::from_millis(250),
            clock: Clock::system(),
            patience: Patience::default(),
            shards: Shards::All,
            database_via: None,
        }
    }
}

impl Options {
    /// The defaults on a clock the test moves by hand; returns them and the clock.
    pub fn with_clock() -> (Options, Clock) {
        let clock = Clock::adjustable();
        let options = Options {
            clock: clock.clone(),
            ..Options::default()
        };
        (options, clock)
    }

    /// The defaults, with debate votes lasting `length`.
    pub fn votes_lasting(length: Duration) -> Options {
        Options {
            vote_length: length,
            ..Options::default()
        }
    }
}

/// A running bot and the fake Discord it is connected to. Dropping it stops the bot without
/// waiting (as a crash would leave things); `stop` stops it as SIGTERM does.
pub struct TestApp {
    pub fake: FakeDiscord,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<()>>,
}

impl TestApp {
    /// A bot with the default options, a fresh state and a fake Discord of its own.
    pub async fn start() -> TestApp {
        let fake = FakeDiscord::start().await;
        TestApp::start_with(fake, &state_file(), Options::default()).await
    }

    /// A bot with the default options on this state file, and a fake Discord of its own.
    pub async fn start_on(state: &Path) -> TestApp {
        let fake = FakeDiscord::start().await;
        TestApp::start_with(fake, state, Options::default()).await
    }

    /// A bot on this fake Discord and state file; returns once it is connected and ready.
    pub async fn start_with(fake: FakeDiscord, state: &Path, options: Options) -> TestApp {
        let _ = tracing_subscriber::fmt()
            .with_env_filter("aura=debug,warn")
            .with_test_writer()
            .try_init();
        let shards = options.shards;
        let first = match shards {
            Shards::Range { first, .. } => Some((first, fake.shard_identifies(first))),
            Shards::All => None,
        };
        let app = TestApp::spawn_bot(fake, state, options).await;
        match first {
            Some((shard, before)) => app.fake.wait_shard_ready(shard, before).await,
            None => app.fake.wait_ready().await,
        }
        app
    }

    // ------------------------------------------------------------------------------------
    // START-UP: the only place the tests call the bot's start-up API. When that API
    // changes, only this function changes.
    // ------------------------------------------------------------------------------------
    /// Loads the pack, opens the store and runs the bot in a task, pointed at `fake`.
    async fn spawn_bot(fake: FakeDiscord, state: &Path, options: Options) -> TestApp {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).unwrap_or_else(|r| panic!("{r}")));
        let store = match options.database_via {
            None => open_state(state).await,
            Some(via) => {
                // The schema is made and migrated directly; the bot's own pool goes through `via`.
                open_state(state).await.close().await;
                let Location::Postgres(url) = Store::test_location(state) else {
                    panic!("a database proxy needs TEST_DATABASE_URL");
                };
                Store::connect(&Location::Postgres(through(&url, via)))
                    .await
                    .expect("the store through the proxy")
            }
        };
        let conn = Connection {
            // A shard process has a token of its own, so the fake tells who posted what.
            token: Token::new(token_of(options.shards)),
            api_url: Some(fake.url()),
            register: Some(Registration::Global),
            patience: options.patience,
        };
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let done = tokio::spawn(async move {
            let shutdown = async move {
                let _ = stopped.await;
            };
            let launch = Launch {
                core,
                store,
                conn,
                pace: Pace {
                    quiz: options.quiz,
                    quiz_seed: options.quiz_seed,
                    vote_length: options.vote_length,
                    sweep_every: Duration::from_millis(200),
                    daily_every: options.daily_every,
                    daily_catch_up: None,
                    debate_tick: Duration::from_millis(100),
                    debate_seed: Some(5),
                    shards: options.shards,
                    // A test's crash leaves its claim behind: the restart waits this out.
                    shard_patience: Duration::from_secs(2),
                    ..Pace::default()
                },
                clock: options.clock,
            };
            if let Err(e) = app::serve(launch, shutdown).await {
                eprintln!("bot stopped: {e}");
            }
        });
        TestApp {
            fake,
            stop: Some(stop),
            done: Some(done),
        }
    }

    /// A new member runs `/name options` in `locale`; returns Aura's callback.
    pub async fn ask(&self, locale: &str, name: &str, options: Value) -> Callback {
        let id = next();
        self.fake
            .interact(command(id, id, locale, name, options))
            .await
    }

    /// Stops the bot as SIGTERM does and waits until it has closed its state.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(done) = self.done.take() {
            let _ = tokio::time::timeout(Duration::from_secs(20), done).await;
        }
    }
}
