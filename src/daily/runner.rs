//! The daily runner: at each tick (its clock is an argument) every schedule whose post is due
//! draws its next item, claims that local day in the store (exactly once, whoever comes first:
//! the tick, a catch-up after a restart, or `/daily now`), and publishes the post through the
//! outbox ([`super::post`]). A channel that is gone or forbids posting pauses only its own
//! schedule; any other failure gives back both the day and the deck's place, so the same item
//! goes out at the next try.

use std::time::Duration;

use jiff::Timestamp;

use super::{DailySchedule, Deck, PostKind, SUGGESTION, Schedule, post};
use crate::answers::daily;
use crate::core::Core;
use crate::outbox::Outbox;
use crate::reply::Reply;
use crate::store::{Store, StoreError};

/// What happened to one schedule's post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// Posted the item for this local date as this message.
    Sent {
        date: String,
        item: String,
        message: u64,
    },
    /// That day's post had already gone out.
    AlreadyPosted,
    /// The schedule was paused because of this.
    Paused(String),
    /// Nothing to post (an empty pack kind).
    Nothing,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the schedule is invalid: {0}")]
    Schedule(String),
    #[error("could not post: {0}")]
    Transient(String),
}

/// The items a schedule walks through: its pack kind's items plus approved suggestions queued.
pub fn items(core: &Core, deck: &Deck, kind: PostKind) -> Vec<String> {
    let mut items: Vec<String> = core
        .library
        .packs
        .first()
        .map(|p| kind.items(p))
        .unwrap_or_default();
    items.extend(
        deck.queue
            .iter()
            .filter(|q| q.starts_with(SUGGESTION))
            .cloned(),
    );
    items
}

/// The post for an item, in the schedule's language.
pub async fn render(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    item: &str,
) -> Result<Option<Reply>, StoreError> {
    if let Some(id) = item.strip_prefix(SUGGESTION) {
        let suggestion = match id.parse::<i64>() {
            Ok(id) => store.suggestion(id).await?,
            Err(_) => None,
        };
        return Ok(suggestion.map(|x| daily::suggestion_post(&x.text, x.user, s.lang)));
    }
    Ok(core
        .library
        .packs
        .first()
        .and_then(|p| daily::post(p, s.kind, item, s.lang)))
}

/// Runs the daily posts against a store and an outbox.
pub struct Runner<'a> {
    pub core: &'a Core,
    pub store: &'a Store,
    pub outbox: &'a dyn Outbox,
    /// How long after its time a missed post is still sent; `None`: until that local day ends.
    pub catch_up: Option<Duration>,
}

impl<'a> Runner<'a> {
    /// The runner over a feature's services.
    pub fn of(s: &'a crate::services::Services) -> Runner<'a> {
        Runner {
            core: &s.core,
            store: &s.store,
            outbox: s.outbox.as_ref(),
            catch_up: s.pace.daily_catch_up,
        }
    }

    /// Posts every schedule that is due at `now`. One schedule's failure never stops another.
    pub async fn tick(&self, now: Timestamp) -> Vec<(i64, Result<Posted, RunError>)> {
        let schedules = match self.store.schedules(None).await {
            Ok(s) => s,
            Err(e) => return vec![(0, Err(e.into()))],
        };
        let mut out = Vec::new();
        for s in schedules.into_iter().filter(|s| !s.paused) {
            match self.due(&s, now).await {
                Ok(Some(date)) => out.push((s.id, self.post(&s, &date, now, false).await)),
                Ok(None) => {}
                Err(e) => out.push((s.id, Err(e))),
            }
        }
        out
    }

    /// The local date whose post is due at `now`, if any.
    pub async fn due(&self, s: &DailySchedule, now: Timestamp) -> Result<Option<String>, RunError> {
        let schedule = Schedule::new(&s.time, &s.zone, &s.days)
            .map_err(|e| RunError::Schedule(e.to_string()))?;
        let last = self
            .store
            .last_post_date(s.id)
            .await?
            .and_then(|d| d.parse().ok());
        let Some(date) = schedule.due(now, last) else {
            return Ok(None);
        };
        if let (Some(window), Some(slot)) = (self.catch_up, schedule.slot(date))
            && now.as_second() - slot.as_second() > window.as_secs() as i64
        {
            return Ok(None);
        }
        let date = date.to_string();
        if s.skip_date.as_deref() == Some(date.as_str()) {
            return Ok(None);
        }
        Ok(Some(date))
    }

    /// Posts the schedule's next item for `date` (the automatic post, or `/daily now`).
    pub async fn post(
        &self,
        s: &DailySchedule,
        date: &str,
        now: Timestamp,
        manual: bool,
    ) -> Result<Posted, RunError> {
        let before = s.deck.clone();
        let mut deck = s.deck.clone();
        let items = items(self.core, &deck, s.kind);
        let Some(item) = deck.draw(&items) else {
            return Ok(Posted::Nothing);
        };
        let previous = self.store.last_post_message(s.id).await?;
        if !self
            .store
            .claim_post(s.id, date, &item, &deck, manual, now.as_second())
            .await?
        {
            return Ok(Posted::AlreadyPosted);
        }
        let Some(reply) = render(self.core, self.store, s, &item).await? else {
            self.store.release_post(s.id, date, &deck).await?;
            return Ok(Posted::Nothing);
        };
        match post::publish(self.outbox, s, &reply, previous).await {
            Ok(message) => {
                self.store.set_post_message(s.id, date, message).await?;
                tracing::info!(schedule = s.id, date, item, "daily post sent");
                Ok(Posted::Sent {
                    date: date.to_string(),
                    item,
                    message,
                })
            }
            Err(e) if e.is_gone() => {
                let reason = e.to_string();
                self.store.release_post(s.id, date, &before).await?;
                self.store.set_paused(s.id, Some(&reason)).await?;
                tracing::warn!(schedule = s.id, reason, "daily schedule paused");
                Ok(Posted::Paused(reason))
            }
            Err(e) => {
                // The day and the item both go back: the next try posts the same item.
                self.store.release_post(s.id, date, &before).await?;
                Err(RunError::Transient(e.to_string()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::OutboxError;
    use crate::outbox::recorder::{Call, Recorder};
    use crate::pack::Lang;
    use std::path::PathBuf;

    fn core() -> Core {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        Core::load(&dir, Lang::En).expect("pack")
    }

    fn schedule(time: &str, zone: &str, days: &str) -> DailySchedule {
        DailySchedule {
            id: 0,
            guild: 1,
            channel: 2,
            time: time.into(),
            zone: zone.into(),
            days: days.into(),
            lang: Lang::Id,
            kind: PostKind::Prompt,
            role: None,
            thread: true,
            pin: true,
            paused: false,
            pause_reason: None,
            skip_date: None,
            deck: Deck::new(5),
        }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    fn gone() -> OutboxError {
        OutboxError::Gone {
            status: 404,
            detail: "Unknown Channel".into(),
        }
    }

    #[tokio::test]
    async fn one_post_per_local_day_with_an_injected_clock() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "Asia/Jakarta", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = Runner {
            core: &core,
            store: &store,
            outbox: &outbox,
            catch_up: None,
        };
        // 07:59 in Jakarta (UTC+7): nothing; 08:00: one post; later ticks that day: none.
        assert!(runner.tick(ts("2026-03-02T00:59:00Z")).await.is_empty());
        let first = runner.tick(ts("2026-03-02T01:00:00Z")).await;
        assert!(matches!(first[0].1, Ok(Posted::Sent { .. })), "{first:?}");
        assert!(runner.tick(ts("2026-03-02T01:00:30Z")).await.is_empty());
        assert!(runner.tick(ts("2026-03-02T16:59:00Z")).await.is_empty());
        // The next local day posts again, a different prompt.
        let next = runner.tick(ts("2026-03-03T01:00:05Z")).await;
        assert!(matches!(next[0].1, Ok(Posted::Sent { .. })));
        assert_eq!(outbox.posts().len(), 2);
        assert_eq!(store.post_count(id).await.expect("count"), 2);
    }

    #[tokio::test]
    async fn a_missed_post_is_caught_up_once_within_the_window_only() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        store
            .add_schedule(&schedule("09:00", "Europe/Berlin", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let strict = Runner {
            core: &core,
            store: &store,
            outbox: &outbox,
            catch_up: Some(Duration::from_secs(3600)),
        };
        // Down from 08:00 to 11:30 Berlin (UTC+1 in March): past a one-hour window, no post.
        assert!(strict.tick(ts("2026-03-02T10:30:00Z")).await.is_empty());
        let lenient = Runner {
            catch_up: None,
            ..strict
        };
        let caught = lenient.tick(ts("2026-03-02T10:30:00Z")).await;
        assert!(matches!(caught[0].1, Ok(Posted::Sent { .. })));
        assert!(lenient.tick(ts("2026-03-02T10:31:00Z")).await.is_empty());
        // After local midnight the missed day is not posted any more; the new day waits for 09:00.
        assert!(lenient.tick(ts("2026-03-03T07:00:00Z")).await.is_empty());
    }

    #[tokio::test]
    async fn manual_and_automatic_never_both_and_a_refusal_pauses_only_that_schedule() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let a = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let b = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = Runner {
            core: &core,
            store: &store,
            outbox: &outbox,
            catch_up: None,
        };
        let s_a = store.schedules(None).await.expect("list")[0].clone();
        let manual = runner
            .post(&s_a, "2026-03-02", ts("2026-03-02T07:00:00Z"), true)
            .await
            .expect("post");
        assert!(matches!(manual, Posted::Sent { .. }));
        let ticked = runner.tick(ts("2026-03-02T08:00:00Z")).await;
        assert_eq!(ticked.len(), 1, "only b was still due: {ticked:?}");
        assert_eq!(ticked[0].0, b);
        // Tomorrow a's channel is gone: a pauses with the reason, b still posts.
        outbox.fail(Call::Post, gone());
        let s_b = store.schedules(None).await.expect("list")[1].clone();
        let out = runner
            .post(&s_a, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
            .await;
        assert_eq!(out.expect("run"), Posted::Paused(gone().to_string()));
        outbox.heal(Call::Post);
        let out = runner
            .post(&s_b, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
            .await;
        assert!(matches!(out.expect("run"), Posted::Sent { .. }));
        let listed = store.schedules(None).await.expect("list");
        let paused = listed.iter().find(|s| s.id == a).expect("a");
        assert!(paused.paused);
        assert_eq!(paused.pause_reason, Some(gone().to_string()));
        // The paused schedule's day was given back, so it can post once resumed.
        assert_eq!(
            store.last_post_date(a).await.expect("q").as_deref(),
            Some("2026-03-02")
        );
    }

    #[tokio::test]
    async fn a_refused_post_gives_back_its_day_and_its_item() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = Runner {
            core: &core,
            store: &store,
            outbox: &outbox,
            catch_up: None,
        };
        outbox.fail(
            Call::Post,
            OutboxError::Refused {
                status: 500,
                detail: "Internal Server Error".into(),
            },
        );
        let failed = runner.tick(ts("2026-03-02T08:00:00Z")).await;
        assert!(
            matches!(failed[0].1, Err(RunError::Transient(_))),
            "{failed:?}"
        );
        assert_eq!(store.post_count(id).await.expect("count"), 0);
        let unchanged = store.schedules(None).await.expect("list")[0].deck.clone();
        assert_eq!(unchanged, Deck::new(5), "the deck has not moved on");
        outbox.heal(Call::Post);
        let sent = runner.tick(ts("2026-03-02T08:00:20Z")).await;
        let Ok(Posted::Sent { item, .. }) = &sent[0].1 else {
            panic!("{sent:?}");
        };
        let mut fresh = Deck::new(5);
        let items = items(&core, &fresh, PostKind::Prompt);
        assert_eq!(
            Some(item.clone()),
            fresh.draw(&items),
            "the same item went out"
        );
        assert!(runner.tick(ts("2026-03-02T08:01:00Z")).await.is_empty());
    }
}
