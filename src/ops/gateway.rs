//! Whether the gateway is connected, per shard, as the Discord adapter hears it (ready, resume,
//! and every change of a shard's connection stage).

use std::collections::BTreeMap;
use std::sync::Mutex;

/// The shards this process runs and whether each is connected now.
#[derive(Debug, Default)]
pub struct Gateway {
    shards: Mutex<BTreeMap<u32, bool>>,
}

impl Gateway {
    /// A shard connected (`true`) or lost its connection (`false`).
    pub fn set(&self, shard: u32, connected: bool) {
        let connected_now = match self.shards.lock() {
            Ok(mut shards) => {
                shards.insert(shard, connected);
                shards.values().filter(|c| **c).count()
            }
            Err(_) => return,
        };
        super::metrics::shards_connected(connected_now);
    }

    /// Connected: at least one shard has connected, and none is disconnected now.
    pub fn connected(&self) -> bool {
        self.shards
            .lock()
            .map(|s| !s.is_empty() && s.values().all(|c| *c))
            .unwrap_or(false)
    }

    /// A short account for `/healthz`: `2 of 2 shards connected`.
    pub fn describe(&self) -> String {
        let (up, all) = self
            .shards
            .lock()
            .map(|s| (s.values().filter(|c| **c).count(), s.len()))
            .unwrap_or((0, 0));
        if all == 0 {
            "no shard has connected yet".into()
        } else {
            format!("{up} of {all} shards connected")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Gateway;

    #[test]
    fn connected_only_while_every_shard_is() {
        let g = Gateway::default();
        assert!(!g.connected());
        assert_eq!(g.describe(), "no shard has connected yet");
        g.set(0, true);
        assert!(g.connected());
        g.set(1, false);
        assert!(!g.connected());
        assert_eq!(g.describe(), "1 of 2 shards connected");
        g.set(1, true);
        assert!(g.connected());
        g.set(0, false);
        assert!(!g.connected());
    }
}
