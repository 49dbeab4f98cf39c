//! The daily loop's round as the bot runs it: reads only the schedules that are due (or have a
//! pending post), keeps those of this process's guilds (see [`crate::shard`]), and starts one task per schedule, each within the runner's timeout. The
//! round does not wait for them, so a server whose channel hangs or fails never delays
//! another's post; a schedule whose task is still running is left alone until it ends.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::runner::Runner;
use crate::services::Services;

/// The schedules with a post under way.
#[derive(Debug, Clone, Default)]
pub struct Dispatcher {
    busy: Arc<Mutex<HashSet<i64>>>,
}

/// Frees a schedule when its task ends, however it ends.
struct Done(Arc<Mutex<HashSet<i64>>>, i64);

impl Drop for Done {
    fn drop(&mut self) {
        if let Ok(mut busy) = self.0.lock() {
            busy.remove(&self.1);
        }
    }
}

impl Dispatcher {
    /// Starts the due posts at the services' clock's now; returns how many were started.
    pub async fn round(&self, s: &Services) -> usize {
        let now = s.clock.now();
        let due = match s.store.due_schedules(now.as_second()).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(error = %e, "cannot read the due daily schedules");
                return 0;
            }
        };
        let mut started = 0;
        // Another process posts for the guilds of the shards it holds.
        let mine = due
            .into_iter()
            .filter(|(schedule, _)| s.pace.shards.owns(Some(schedule.guild)));
        for (schedule, pending) in mine {
            let fresh = self
                .busy
                .lock()
                .map(|mut b| b.insert(schedule.id))
                .unwrap_or(false);
            if !fresh {
                continue;
            }
            started += 1;
            let done = Done(self.busy.clone(), schedule.id);
            let s = s.clone();
            tokio::spawn(async move {
                let _done = done;
                let runner = Runner::of(&s);
                if let Some(Err(e)) = runner.run_within(&schedule, pending, now).await {
                    tracing::warn!(schedule = schedule.id, guild = schedule.guild, error = %e, "daily post failed; retrying later");
                }
            });
        }
        started
    }

    /// How many posts are under way.
    pub fn busy(&self) -> usize {
        self.busy.lock().map(|b| b.len()).unwrap_or(0)
    }
}
