//! The real bot (serenity, poise, the store) started in-process against a fake Discord, with
//! the knobs end-to-end tests turn: vote length, quiz pacing and seed.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use aura::core::Core;
use aura::discord::{self, Connection, QuizTuning, Registration, Token};
use aura::pack::Lang;
use aura::store::Store;
use serde_json::Value;

use super::{Callback, FakeDiscord, command};

static NEXT: AtomicU64 = AtomicU64::new(1_000_000);

/// A fresh snowflake-like id for interactions and members.
pub fn next() -> u64 {
    NEXT.fetch_add(1, Ordering::SeqCst)
}

pub fn state_file() -> PathBuf {
    std::env::temp_dir().join(format!("aura-e2e-{}-{}.db", std::process::id(), next()))
}

#[derive(Clone)]
pub struct Options {
    pub vote_length: Duration,
    pub quiz: QuizTuning,
    pub quiz_seed: Option<u64>,
    pub daily_every: Duration,
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
            },
            quiz_seed: Some(7),
            daily_every: Duration::from_millis(250),
        }
    }
}

pub struct Bot {
    pub fake: FakeDiscord,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: Option<tokio::task::JoinHandle<()>>,
}

impl Bot {
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

pub async fn boot() -> Bot {
    let fake = FakeDiscord::start().await;
    boot_with(fake, &state_file(), Options::default()).await
}

pub async fn boot_on(fake: FakeDiscord, state: &Path, vote_length: Duration) -> Bot {
    let options = Options {
        vote_length,
        ..Options::default()
    };
    boot_with(fake, state, options).await
}

pub async fn boot_with(fake: FakeDiscord, state: &Path, options: Options) -> Bot {
    let _ = tracing_subscriber::fmt()
        .with_env_filter("aura=debug,warn")
        .with_test_writer()
        .try_init();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).unwrap_or_else(|r| panic!("{r}")));
    let store = Store::open(state).await.expect("store");
    let conn = Connection {
        token: Token::new("fake-token"),
        api_url: Some(fake.url()),
        register: Some(Registration::Global),
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let done = tokio::spawn(async move {
        let shutdown = async move {
            let _ = stopped.await;
        };
        let mut data =
            discord::Data::new(core, store.clone(), &conn).with_quiz_tuning(options.quiz);
        data.vote_length = options.vote_length;
        data.sweep_every = Duration::from_millis(200);
        data.quiz_seed = options.quiz_seed;
        data.daily_every = options.daily_every;
        if let Err(e) = discord::run(data, conn, shutdown).await {
            eprintln!("bot stopped: {e}");
        }
        store.close().await;
    });
    fake.wait_ready().await;
    Bot {
        fake,
        stop: Some(stop),
        done: Some(done),
    }
}
