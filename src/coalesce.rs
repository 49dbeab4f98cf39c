//! Coalesces repeated requests for the same work: while the work for a key is in flight, any
//! number of further requests add up to one more run, so a burst costs two runs, not one
//! each. The class debates' control messages use it; any keyed refresh can.

use std::collections::HashMap;
use std::sync::Mutex;

/// The keys whose work is in flight, and whether another request came since.
#[derive(Default)]
pub struct Coalescer {
    pending: Mutex<HashMap<u64, bool>>,
}

impl Coalescer {
    /// `true` when the caller should do the work (none in flight for `id`); otherwise the
    /// work in flight is told to go once more.
    pub fn claim(&self, id: u64) -> bool {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        match pending.get_mut(&id) {
            Some(again) => {
                *again = true;
                false
            }
            None => {
                pending.insert(id, false);
                true
            }
        }
    }

    /// After the work: `true` when another request came meanwhile (do it again).
    pub fn again(&self, id: u64) -> bool {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        match pending.get(&id) {
            Some(true) => {
                pending.insert(id, false);
                true
            }
            _ => {
                pending.remove(&id);
                false
            }
        }
    }
}
