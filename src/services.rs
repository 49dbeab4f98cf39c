//! What every feature reaches, cheap to clone: the loaded core, the store, the [`Outbox`] for
//! everything outside an interaction's answer, the clock, the settings that pace the features,
//! and the state the features keep for the process. Built
//! once at start-up (`app`), and by unit tests with a recorder for an outbox.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::clock::Clock;
use crate::core::Core;
use crate::outbox::Outbox;
use crate::quiz::model::Tuning;
use crate::shard::Shards;
use crate::store::Store;

/// A feature's failure that is not the member's doing (database, Discord): logged, and
/// answered with a generic notice by the adapter's one error path.
pub type Error = anyhow::Error;

/// How the features are paced (shorter in tests).
#[derive(Debug, Clone)]
pub struct Pace {
    pub quiz: Tuning,
    /// A fixed seed for every quiz round (tests replay rounds exactly); `None` draws one.
    pub quiz_seed: Option<u64>,
    /// How long a debate vote stays open.
    pub vote_length: Duration,
    /// How often due debate votes are closed.
    pub sweep_every: Duration,
    /// How often due daily posts are looked for.
    pub daily_every: Duration,
    /// How long after its time a missed daily post is still sent; `None`: until the local
    /// day ends.
    pub daily_catch_up: Option<Duration>,
    /// How long one schedule's post may take before it is left for the next tick.
    pub daily_timeout: Duration,
    /// Per-server limits.
    pub limits: Limits,
    /// How long answers, votes and interaction tokens are kept.
    pub retention: Duration,
    /// A class debate's speech length by default, in seconds.
    pub speech_secs: i64,
    /// How many speeches a class debate has (6, or 4 or 2 to shorten it).
    pub speeches: u32,
    /// A fixed seed for dealing sides (tests); `None` draws one.
    pub debate_seed: Option<u64>,
    /// How often speeches' clocks are checked for a warning or "time".
    pub debate_tick: Duration,
    /// The shards this process holds: background work is done for their guilds only.
    pub shards: Shards,
    /// How long this process's claim on its shards stands unrenewed.
    pub shard_patience: Duration,
}

/// What one server may have at once, so every server gets its fair share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub daily_schedules: u32,
    pub waiting_suggestions: u32,
    pub open_debates_per_guild: u32,
    pub open_debates_per_channel: u32,
    pub quiz_rounds: u32,
    pub open_homework: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            daily_schedules: 10,
            waiting_suggestions: 50,
            open_debates_per_guild: 10,
            open_debates_per_channel: 2,
            quiz_rounds: 5,
            open_homework: 20,
        }
    }
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            quiz: Tuning::default(),
            quiz_seed: None,
            vote_length: Duration::from_secs(600),
            sweep_every: Duration::from_secs(15),
            daily_every: Duration::from_secs(20),
            daily_catch_up: None,
            daily_timeout: Duration::from_secs(90),
            limits: Limits::default(),
            retention: Duration::from_secs(180 * 86_400),
            speech_secs: 180,
            speeches: 6,
            debate_seed: None,
            debate_tick: Duration::from_secs(1),
            shards: Shards::All,
            shard_patience: Duration::from_secs(30),
        }
    }
}

#[derive(Clone)]
pub struct Services {
    pub core: Arc<Core>,
    pub store: Store,
    pub outbox: Arc<dyn Outbox>,
    pub clock: Clock,
    pub pace: Arc<Pace>,
    /// What the features keep for the process (the quiz's live rounds, the debates' control
    /// messages being edited), one value per type.
    pub state: Arc<State>,
    /// Whether the gateway's shards are connected (for `/healthz`).
    pub gateway: Arc<crate::ops::Gateway>,
}

impl Services {
    pub fn new(core: Arc<Core>, store: Store, outbox: Arc<dyn Outbox>, pace: Pace) -> Services {
        Services {
            core,
            store,
            outbox,
            clock: Clock::system(),
            pace: Arc::new(pace),
            state: Arc::default(),
            gateway: Arc::default(),
        }
    }

    /// The feature state of type `T` for this process, made on first use.
    pub fn state<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        self.state.get()
    }

    /// The same services on another clock.
    pub fn with_clock(mut self, clock: Clock) -> Services {
        self.clock = clock;
        self
    }
}

/// State a feature keeps for the process, one value per type, made on first use: the
/// feature owns the type, the services only hold it.
#[derive(Default)]
pub struct State(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl State {
    /// The value of type `T`, made with `T::default()` the first time.
    pub fn get<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let value = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(T::default()));
        match Arc::clone(value).downcast::<T>() {
            Ok(found) => found,
            // Unreachable: the entry for `T`'s id holds a `T`.
            Err(_) => Arc::new(T::default()),
        }
    }
}
