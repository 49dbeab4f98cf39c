//! The operator's view: what Aura is doing, for Prometheus and for a container's health check.
//! [`metrics`] records (through the `metrics` facade: nothing is kept while no recorder is
//! installed, which is the case unless `metrics_addr` is set); [`Gateway`] follows the shards'
//! connection; [`Listener`] serves `/healthz` and `/metrics`; [`probe`] is `aura health`.

mod gateway;
mod listener;
pub mod metrics;
mod probe;

pub use gateway::Gateway;
pub use listener::{Listener, Probe};
pub use probe::probe;
