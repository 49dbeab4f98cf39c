//! Wall-clock time in one place, for what is stored, shown and scheduled. [`Clock`] is the
//! injectable kind: the system's in the bot, a settable one in tests (daily posts at a chosen
//! instant, debates that outlive an interaction token), built for tests and with the
//! `test-util` feature only.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;

/// Seconds since the Unix epoch (0 if the system clock is before it).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Where "now" comes from.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// `None`: the system clock; otherwise this many seconds are added to it.
    offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock that starts at the system's time and can be moved (tests).
    #[cfg(any(test, feature = "test-util"))]
    pub fn adjustable() -> Clock {
        Clock {
            offset: Some(Arc::default()),
        }
    }

    /// Moves an adjustable clock by `seconds` (no effect on the system clock).
    #[cfg(any(test, feature = "test-util"))]
    pub fn advance(&self, seconds: i64) {
        if let Some(o) = &self.offset {
            o.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Sets an adjustable clock to `at`.
    #[cfg(any(test, feature = "test-util"))]
    pub fn set(&self, at: Timestamp) {
        if let Some(o) = &self.offset {
            o.store(at.as_second() - unix_now(), Ordering::SeqCst);
        }
    }

    /// Unix seconds now.
    pub fn unix(&self) -> i64 {
        unix_now() + self.offset.as_ref().map_or(0, |o| o.load(Ordering::SeqCst))
    }

    /// Now, as a timestamp.
    pub fn now(&self) -> Timestamp {
        Timestamp::from_second(self.unix()).unwrap_or(Timestamp::UNIX_EPOCH)
    }
}
