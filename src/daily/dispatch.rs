//! The daily loop's round as the bot runs it: reads only the schedules that are due (or have a
//! pending post), keeps those of this process's guilds (see [`crate::shard`]), and starts one task per schedule, each within the runner's timeout. The
//! round does not wait for them, so a server whose channel hangs or fails never delays
//! another's post; a schedule whose task is still running is left alone until it ends.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use super::runner::{Posted, RunError, Runner};
use crate::ops::metrics;
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
                metrics::database_error("daily");
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
                match runner.run_within(&schedule, pending, now).await {
                    Some(Ok(Posted::Sent { .. })) => metrics::daily_post(true),
                    Some(Ok(Posted::Paused(_))) => metrics::daily_post(false),
                    Some(Err(e)) => {
                        metrics::daily_post(false);
                        if matches!(e, RunError::Store(_)) {
                            metrics::database_error("daily");
                        }
                        tracing::warn!(schedule = schedule.id, guild = schedule.guild, error = %e, "daily post failed; retrying later");
                    }
                    _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Core;
    use crate::daily::{DailySchedule, Deck, PostKind};
    use crate::outbox::recorder::Recorder;
    use crate::pack::Lang;
    use crate::services::Pace;
    use crate::shard::Shards;
    use crate::store::Store;
    use std::path::PathBuf;

    fn schedule(guild: u64) -> DailySchedule {
        DailySchedule {
            guild,
            channel: guild + 1,
            time: "08:00".into(),
            zone: "UTC".into(),
            lang: Lang::En,
            kind: PostKind::Quote,
            thread: false,
            bilingual: false,
            pin: false,
            deck: Deck::new(3),
            ..DailySchedule::sample()
        }
    }

    #[tokio::test]
    async fn a_round_starts_only_the_posts_of_this_process_s_servers() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let shard = |k: u32| Shards::from_parts(Some(&k.to_string()), Some(2)).expect("shards");
        for (shards, expected) in [(shard(0), 1), (shard(1), 1), (Shards::All, 2)] {
            // Two schedules, both due (never checked yet): server 1 << 22 is on shard 1 of 2,
            // server 2 << 22 on shard 0. Each process starts its own servers' posts.
            let store = Store::in_memory().await.expect("store");
            for guild in [1 << 22, 2 << 22] {
                store.add_schedule(&schedule(guild)).await.expect("add");
            }
            let pace = Pace {
                shards,
                ..Pace::default()
            };
            let s = Services::new(core.clone(), store, Arc::new(Recorder::new()), pace);
            assert_eq!(Dispatcher::default().round(&s).await, expected, "{shards}");
        }
    }
}
