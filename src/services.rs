//! What every feature reaches, cheap to clone: the loaded core, the store, the [`Outbox`] for
//! everything outside an interaction's answer, the clock, the settings that pace the features,
//! and the quiz rounds running now. Built once at start-up (`app`), and by unit tests with a
//! recorder for an outbox.

use std::sync::Arc;
use std::time::Duration;

use crate::clock::Clock;
use crate::core::Core;
use crate::outbox::Outbox;
use crate::quiz;
use crate::store::Store;

/// A feature's failure that is not the member's doing (database, Discord): logged, and
/// answered with a generic notice by the adapter's one error path.
pub type Error = anyhow::Error;

/// How the features are paced (shorter in tests).
#[derive(Debug, Clone)]
pub struct Pace {
    pub quiz: quiz::Tuning,
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
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            quiz: quiz::Tuning::default(),
            quiz_seed: None,
            vote_length: Duration::from_secs(600),
            sweep_every: Duration::from_secs(15),
            daily_every: Duration::from_secs(20),
            daily_catch_up: None,
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
    /// The quiz rounds running now, one per channel.
    pub rounds: Arc<quiz::Rooms>,
}

impl Services {
    pub fn new(core: Arc<Core>, store: Store, outbox: Arc<dyn Outbox>, pace: Pace) -> Services {
        Services {
            core,
            store,
            outbox,
            clock: Clock::system(),
            pace: Arc::new(pace),
            rounds: Arc::default(),
        }
    }

    /// The same services on another clock.
    pub fn with_clock(mut self, clock: Clock) -> Services {
        self.clock = clock;
        self
    }
}
