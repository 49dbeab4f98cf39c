//! What a member started and has not confirmed yet (a teacher's items before Save, a student's
//! response before it is saved): kept in memory under the interaction's id for 15 minutes (an
//! interaction's life), for that member in that server alone.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::Invocation;

/// How long a draft waits for its confirmation or its form.
pub const DRAFT_LIFE: Duration = Duration::from_secs(15 * 60);

struct Kept<T> {
    guild: u64,
    owner: u64,
    at: Instant,
    value: T,
}

/// Drafts of one kind; a feature keeps its own through `Services::state`.
pub struct Drafts<T>(Mutex<HashMap<u64, Kept<T>>>);

impl<T> Default for Drafts<T> {
    fn default() -> Self {
        Drafts(Mutex::new(HashMap::new()))
    }
}

impl<T> Drafts<T> {
    /// Keeps what `inv`'s member started in `guild`, under the interaction's id (older drafts
    /// past their life are dropped on the way).
    pub fn keep(&self, (inv, guild): (&Invocation, u64), value: T) {
        let kept = Kept {
            guild,
            owner: inv.user,
            at: Instant::now(),
            value,
        };
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, d| d.at.elapsed() < DRAFT_LIFE);
            map.insert(inv.id, kept);
        }
    }

    /// Takes draft `id` with its server, if `inv`'s member started it there and it is still
    /// fresh; anyone else's is left where it is.
    pub fn take(&self, inv: &Invocation, id: u64) -> Option<(u64, T)> {
        let mut map = self.0.lock().ok()?;
        let kept = map.remove(&id)?;
        if kept.owner != inv.user || Some(kept.guild) != inv.guild {
            map.insert(id, kept);
            return None;
        }
        (kept.at.elapsed() < DRAFT_LIFE).then_some((kept.guild, kept.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_taken_once_by_the_member_who_started_it() {
        let drafts: Drafts<&str> = Drafts::default();
        let inv = Invocation {
            id: 5,
            user: 7,
            guild: Some(1),
            ..Invocation::default()
        };
        drafts.keep((&inv, 1), "text");
        let other = Invocation {
            user: 8,
            ..inv.clone()
        };
        assert_eq!(drafts.take(&other, 5), None);
        assert_eq!(drafts.take(&inv, 5), Some((1, "text")));
        assert_eq!(drafts.take(&inv, 5), None);
    }
}
