//! The daily runner: at each tick (its clock is an argument) every schedule whose post is due
//! draws its next item, claims that local day in the store (exactly once, whoever comes first:
//! the tick, a catch-up after a restart, or `/daily now`), and hands the post to an [`Outlet`].
//! A channel that is gone or forbids posting pauses only its own schedule.

use std::future::Future;
use std::time::Duration;

use jiff::Timestamp;

use super::{Deck, Schedule};
use crate::answers::daily::{self, PostKind, SUGGESTION};
use crate::core::Core;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::store::{DailySchedule, Store, StoreError};

/// Why a post could not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The channel is gone or Aura may not post there: the schedule is paused with this reason.
    Refused(String),
    /// Worth another try at the next tick.
    Transient(String),
}

/// Where posts go: Discord in the bot, a recorder in tests.
pub trait Outlet {
    /// Posts `reply` for `schedule` (pinging its role, opening a thread, pinning as configured;
    /// `previous` is the last post's message, to unpin); returns the new message's id.
    fn publish(
        &self,
        schedule: &DailySchedule,
        reply: &Reply,
        previous: Option<&str>,
    ) -> impl Future<Output = Result<String, Failure>> + Send;
}

/// What happened to one schedule's post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    /// Posted the item for this local date as this message.
    Sent {
        date: String,
        item: String,
        message: String,
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

pub fn deck_of(s: &DailySchedule) -> Deck {
    serde_json::from_str(&s.deck).unwrap_or_else(|_| Deck::new(s.id as u64))
}

/// The post for an item, in the schedule's language.
pub async fn render(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    item: &str,
) -> Result<Option<Reply>, StoreError> {
    let lang = Lang::parse(&s.lang).unwrap_or(core.default_lang);
    if let Some(id) = item.strip_prefix(SUGGESTION) {
        let suggestion = match id.parse::<i64>() {
            Ok(id) => store.suggestion(id).await?,
            Err(_) => None,
        };
        return Ok(suggestion
            .map(|x| daily::suggestion_post(&x.text, x.user_id.parse().unwrap_or(0), lang)));
    }
    let kind = PostKind::parse(&s.kind).unwrap_or(PostKind::Prompt);
    Ok(core
        .library
        .packs
        .first()
        .and_then(|p| daily::post(p, kind, item, lang)))
}

/// Runs the daily posts against a store and an outlet.
pub struct Runner<'a, O> {
    pub core: &'a Core,
    pub store: &'a Store,
    pub outlet: &'a O,
    /// How long after its time a missed post is still sent; `None`: until that local day ends.
    pub catch_up: Option<Duration>,
}

impl<O: Outlet + Sync> Runner<'_, O> {
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
        let kind = PostKind::parse(&s.kind).unwrap_or(PostKind::Prompt);
        let mut deck = deck_of(s);
        let items = items(self.core, &deck, kind);
        let Some(item) = deck.draw(&items) else {
            return Ok(Posted::Nothing);
        };
        let deck_json = serde_json::to_string(&deck).unwrap_or_else(|_| s.deck.clone());
        let previous = self.store.last_post_message(s.id).await?;
        if !self
            .store
            .claim_post(s.id, date, &item, &deck_json, manual, now.as_second())
            .await?
        {
            return Ok(Posted::AlreadyPosted);
        }
        let Some(reply) = render(self.core, self.store, s, &item).await? else {
            self.store.release_post(s.id, date).await?;
            return Ok(Posted::Nothing);
        };
        match self.outlet.publish(s, &reply, previous.as_deref()).await {
            Ok(message) => {
                self.store.set_post_message(s.id, date, &message).await?;
                tracing::info!(schedule = s.id, date, item, "daily post sent");
                Ok(Posted::Sent {
                    date: date.to_string(),
                    item,
                    message,
                })
            }
            Err(Failure::Refused(reason)) => {
                self.store.release_post(s.id, date).await?;
                self.store.set_paused(s.id, Some(&reason)).await?;
                tracing::warn!(schedule = s.id, reason, "daily schedule paused");
                Ok(Posted::Paused(reason))
            }
            Err(Failure::Transient(e)) => {
                self.store.release_post(s.id, date).await?;
                Err(RunError::Transient(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorder {
        sent: Mutex<Vec<(i64, String)>>,
        refuse: Mutex<Option<Failure>>,
    }

    impl Outlet for Recorder {
        async fn publish(
            &self,
            s: &DailySchedule,
            reply: &Reply,
            _previous: Option<&str>,
        ) -> Result<String, Failure> {
            if let Some(f) = self.refuse.lock().expect("lock").clone() {
                return Err(f);
            }
            let mut sent = self.sent.lock().expect("lock");
            sent.push((s.id, reply.title.clone().unwrap_or_default()));
            Ok(format!("m{}", sent.len()))
        }
    }

    fn core() -> Core {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        Core::load(&dir, Lang::En).expect("pack")
    }

    fn schedule(time: &str, zone: &str, days: &str) -> DailySchedule {
        DailySchedule {
            id: 0,
            guild_id: "g".into(),
            channel_id: "c".into(),
            time: time.into(),
            zone: zone.into(),
            days: days.into(),
            lang: "id".into(),
            kind: "prompt".into(),
            role_id: None,
            thread: true,
            pin: true,
            paused: false,
            pause_reason: None,
            skip_date: None,
            deck: serde_json::to_string(&Deck::new(5)).expect("json"),
        }
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[tokio::test]
    async fn one_post_per_local_day_with_an_injected_clock() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "Asia/Jakarta", "daily"))
            .await
            .expect("add");
        let outlet = Recorder::default();
        let runner = Runner {
            core: &core,
            store: &store,
            outlet: &outlet,
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
        let sent = outlet.sent.lock().expect("lock").clone();
        assert_eq!(sent.len(), 2);
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
        let outlet = Recorder::default();
        let strict = Runner {
            core: &core,
            store: &store,
            outlet: &outlet,
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
        let outlet = Recorder::default();
        let runner = Runner {
            core: &core,
            store: &store,
            outlet: &outlet,
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
        *outlet.refuse.lock().expect("lock") = Some(Failure::Refused("Unknown Channel".into()));
        let s_b = store.schedules(None).await.expect("list")[1].clone();
        let out = runner
            .post(&s_a, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
            .await;
        assert_eq!(out.expect("run"), Posted::Paused("Unknown Channel".into()));
        *outlet.refuse.lock().expect("lock") = None;
        let out = runner
            .post(&s_b, "2026-03-03", ts("2026-03-03T08:00:00Z"), false)
            .await;
        assert!(matches!(out.expect("run"), Posted::Sent { .. }));
        let listed = store.schedules(None).await.expect("list");
        let paused = listed.iter().find(|s| s.id == a).expect("a");
        assert!(paused.paused);
        assert_eq!(paused.pause_reason.as_deref(), Some("Unknown Channel"));
        // The paused schedule's day was given back, so it can post once resumed.
        assert_eq!(
            store.last_post_date(a).await.expect("q").as_deref(),
            Some("2026-03-02")
        );
    }
}
