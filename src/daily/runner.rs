//! The daily runner: at each tick (its clock is an argument) every schedule whose post is due
//! draws its next item and claims that local day in the store, in one transaction (exactly
//! once, whoever comes first: the tick, a catch-up after a restart, or `/daily now`), then
//! publishes the post through the outbox ([`super::post`]) with the claim's nonce. The claim
//! stays pending until Discord accepted the post: a pending post is first looked for in the
//! channel, and sent only if it is not there. A channel that is gone or forbids posting pauses
//! only its own schedule; a post that surely did not go out gives back its day and its place
//! in the deck, so the same item goes out at the next try.

use std::time::Duration;

use jiff::Timestamp;

use super::{DailySchedule, Deck, PendingPost, PostKind, SUGGESTION, Schedule, post};
use crate::answers::daily;
use crate::core::Core;
use crate::outbox::{Outbox, OutboxError};
use crate::reply::Reply;
use crate::store::{Claim, Store, StoreError};

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
    /// How long one schedule's post may take before it is left for the next tick.
    pub timeout: Duration,
}

impl<'a> Runner<'a> {
    /// The runner over a feature's services.
    pub fn of(s: &'a crate::services::Services) -> Runner<'a> {
        Runner {
            core: &s.core,
            store: &s.store,
            outbox: s.outbox.as_ref(),
            catch_up: s.pace.daily_catch_up,
            timeout: s.pace.daily_timeout,
        }
    }

    /// Posts every schedule that is due at `now` (and every pending post), all at once, each
    /// within the runner's timeout: one schedule's failure or slowness never holds another.
    pub async fn tick(&self, now: Timestamp) -> Vec<(i64, Result<Posted, RunError>)> {
        let due = match self.store.due_schedules(now.as_second()).await {
            Ok(s) => s,
            Err(e) => return vec![(0, Err(e.into()))],
        };
        let runs = due.iter().map(|(s, pending)| async move {
            (s.id, self.run_within(s, pending.clone(), now).await)
        });
        futures::future::join_all(runs)
            .await
            .into_iter()
            .filter_map(|(id, out)| out.map(|o| (id, o)))
            .collect()
    }

    /// One schedule's turn within the timeout; `None` when it had nothing to do.
    pub async fn run_within(
        &self,
        s: &DailySchedule,
        pending: Option<PendingPost>,
        now: Timestamp,
    ) -> Option<Result<Posted, RunError>> {
        match tokio::time::timeout(self.timeout, self.run(s, pending, now)).await {
            Ok(out) => out,
            Err(_) => Some(Err(RunError::Transient(format!(
                "no answer within {:?}; tried again at the next tick",
                self.timeout
            )))),
        }
    }

    /// One schedule's turn: its pending post first (looked for, then sent if missing), else
    /// its post if due; otherwise it notes when it is next due.
    pub async fn run(
        &self,
        s: &DailySchedule,
        pending: Option<PendingPost>,
        now: Timestamp,
    ) -> Option<Result<Posted, RunError>> {
        if let Some(p) = pending {
            return Some(self.resume(s, p, now).await);
        }
        match self.due(s, now).await {
            Ok(Some(date)) => Some(self.post(s, &date, now, false).await),
            Ok(None) => {
                let next = Schedule::new(&s.time, &s.zone, &s.days)
                    .ok()
                    .and_then(|x| x.next_after(now))
                    .map(|t| t.as_second());
                self.store
                    .set_next_due(s.id, next)
                    .await
                    .err()
                    .map(|e| Err(e.into()))
            }
            Err(e) => Some(Err(e)),
        }
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
        if !self.in_window(&schedule, date, now) {
            return Ok(None);
        }
        let date = date.to_string();
        if s.skip_date.as_deref() == Some(date.as_str()) {
            return Ok(None);
        }
        Ok(Some(date))
    }

    /// Is `now` within the catch-up window of `date`'s post (and still that local day)?
    fn in_window(&self, schedule: &Schedule, date: jiff::civil::Date, now: Timestamp) -> bool {
        if schedule.local_date(now) != date {
            return false;
        }
        match (self.catch_up, schedule.slot(date)) {
            (Some(window), Some(slot)) => {
                now.as_second() - slot.as_second() <= window.as_secs() as i64
            }
            _ => true,
        }
    }

    /// Posts the schedule's next item for `date` (the automatic post, or `/daily now`).
    pub async fn post(
        &self,
        s: &DailySchedule,
        date: &str,
        now: Timestamp,
        manual: bool,
    ) -> Result<Posted, RunError> {
        let (core, kind) = (self.core, s.kind);
        let claim = self
            .store
            .claim_post(s.id, date, manual, now.as_second(), |deck: &mut Deck| {
                let items = items(core, deck, kind);
                deck.draw(&items)
            })
            .await?;
        match claim {
            Claim::Claimed { item, nonce } => self.send(s, date, &item, &nonce, now).await,
            Claim::Empty => Ok(Posted::Nothing),
            Claim::Taken => match self.store.pending_post(s.id).await? {
                // That day's post is still on its way: try it now.
                Some(p) if manual && p.local_date == date => self.resume(s, p, now).await,
                _ => Ok(Posted::AlreadyPosted),
            },
        }
    }

    /// A pending post (the bot stopped, or Discord's answer was lost, between the claim and
    /// Discord's acceptance): if the message is in the channel, it is recorded as posted;
    /// otherwise it is sent now, if its day is still on, or given back.
    async fn resume(
        &self,
        s: &DailySchedule,
        p: PendingPost,
        now: Timestamp,
    ) -> Result<Posted, RunError> {
        let reply = render(self.core, self.store, s, &p.item).await?;
        let marker = reply.as_ref().and_then(post::marker);
        let previous = self.store.last_post_message(s.id).await?;
        let found = self
            .outbox
            .find_post(s.channel, &p.nonce, marker.as_deref(), previous)
            .await;
        match found {
            Ok(Some(message)) => {
                tracing::info!(
                    schedule = s.id,
                    date = p.local_date,
                    "pending daily post found in the channel"
                );
                self.sent(s, &p.local_date, p.item, message, now).await
            }
            Ok(None) => {
                let on = Schedule::new(&s.time, &s.zone, &s.days)
                    .ok()
                    .zip(p.local_date.parse().ok())
                    .is_some_and(|(x, date)| {
                        if p.manual {
                            x.local_date(now) == date
                        } else {
                            self.in_window(&x, date, now)
                        }
                    });
                if on {
                    self.send(s, &p.local_date, &p.item, &p.nonce, now).await
                } else {
                    // Its day is over: the item goes first next time.
                    self.store
                        .release_post(s.id, &p.local_date, &p.item)
                        .await?;
                    Ok(Posted::Nothing)
                }
            }
            Err(e) => self.failed(s, &p.local_date, &p.item, e).await,
        }
    }

    /// Sends a claimed post; records its message, or what its failure means.
    async fn send(
        &self,
        s: &DailySchedule,
        date: &str,
        item: &str,
        nonce: &str,
        now: Timestamp,
    ) -> Result<Posted, RunError> {
        let Some(reply) = render(self.core, self.store, s, item).await? else {
            self.store.release_post(s.id, date, item).await?;
            return Ok(Posted::Nothing);
        };
        let previous = self.store.last_post_message(s.id).await?;
        match post::publish(self.outbox, s, &reply, previous, nonce).await {
            Ok(message) => self.sent(s, date, item.to_string(), message, now).await,
            Err(e) => self.failed(s, date, item, e).await,
        }
    }

    async fn sent(
        &self,
        s: &DailySchedule,
        date: &str,
        item: String,
        message: u64,
        now: Timestamp,
    ) -> Result<Posted, RunError> {
        self.store.set_post_message(s.id, date, message).await?;
        let next = Schedule::new(&s.time, &s.zone, &s.days)
            .ok()
            .and_then(|x| x.next_after(now))
            .map(|t| t.as_second());
        self.store.set_next_due(s.id, next).await?;
        tracing::info!(schedule = s.id, date, item, "daily post sent");
        Ok(Posted::Sent {
            date: date.to_string(),
            item,
            message,
        })
    }

    /// A channel that is gone or forbidden pauses the schedule and gives the post back; a
    /// refusal that proves nothing was posted (4xx) gives it back; anything else (5xx, no
    /// answer: Discord may have accepted it) keeps it pending, to be looked for and, if
    /// missing, sent at the next tick.
    async fn failed(
        &self,
        s: &DailySchedule,
        date: &str,
        item: &str,
        e: OutboxError,
    ) -> Result<Posted, RunError> {
        match &e {
            OutboxError::Gone { .. } => {
                let reason = e.to_string();
                self.store.release_post(s.id, date, item).await?;
                self.store.set_paused(s.id, Some(&reason)).await?;
                tracing::warn!(schedule = s.id, reason, "daily schedule paused");
                Ok(Posted::Paused(reason))
            }
            OutboxError::Refused { status, .. } if (400..500).contains(status) => {
                self.store.release_post(s.id, date, item).await?;
                Err(RunError::Transient(e.to_string()))
            }
            _ => Err(RunError::Transient(format!(
                "{e}; kept pending, looked for and tried again at the next tick"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::OutboxError;
    use crate::outbox::recorder::{Call, Recorder, Sent};
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
            timeout: Duration::from_secs(5),
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
            timeout: Duration::from_secs(5),
        };
        // Down from 08:00 to 11:30 Berlin (UTC+1 in March): past a one-hour window, no post.
        assert!(strict.tick(ts("2026-03-02T10:30:00Z")).await.is_empty());
        // The same outage with no window (the bot's settings, so another store).
        let other = Store::in_memory().await.expect("store");
        other
            .add_schedule(&schedule("09:00", "Europe/Berlin", "daily"))
            .await
            .expect("add");
        let lenient = Runner {
            catch_up: None,
            store: &other,
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
            timeout: Duration::from_secs(5),
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

    fn runner<'a>(core: &'a Core, store: &'a Store, outbox: &'a Recorder) -> Runner<'a> {
        Runner {
            core,
            store,
            outbox,
            catch_up: None,
            timeout: Duration::from_secs(5),
        }
    }

    fn sent_item(out: &[(i64, Result<Posted, RunError>)]) -> String {
        match out {
            [(_, Ok(Posted::Sent { item, .. }))] => item.clone(),
            _ => panic!("{out:?}"),
        }
    }

    /// The items two days of posts without any failure would post.
    async fn two_plain_days(core: &Core) -> Vec<String> {
        let store = Store::in_memory().await.expect("store");
        store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let plain = runner(core, &store, &outbox);
        vec![
            sent_item(&plain.tick(ts("2026-03-02T08:00:00Z")).await),
            sent_item(&plain.tick(ts("2026-03-03T08:00:00Z")).await),
        ]
    }

    #[tokio::test]
    async fn a_refused_post_gives_back_its_day_and_its_place_in_the_deck() {
        let core = core();
        let expected = two_plain_days(&core).await;
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = runner(&core, &store, &outbox);
        // Discord refuses (rate limited longer than Aura waits): surely not posted.
        outbox.fail(
            Call::Post,
            OutboxError::Refused {
                status: 429,
                detail: "rate limited for 60s".into(),
            },
        );
        let failed = runner.tick(ts("2026-03-02T08:00:00Z")).await;
        assert!(
            matches!(failed[0].1, Err(RunError::Transient(_))),
            "{failed:?}"
        );
        assert_eq!(
            store.post_count(id).await.expect("count"),
            0,
            "day given back"
        );
        let deck = store.schedules(None).await.expect("list")[0].deck.clone();
        assert!(deck.posted.is_empty(), "the place given back: {deck:?}");
        outbox.heal(Call::Post);
        let first = sent_item(&runner.tick(ts("2026-03-02T08:00:20Z")).await);
        assert!(runner.tick(ts("2026-03-02T08:01:00Z")).await.is_empty());
        let second = sent_item(&runner.tick(ts("2026-03-03T08:00:00Z")).await);
        assert_eq!(vec![first, second], expected, "no prompt skipped");
        assert_eq!(outbox.posts().len(), 2);
    }

    #[tokio::test]
    async fn a_post_with_no_answer_stays_pending_and_goes_out_once() {
        let core = core();
        let expected = two_plain_days(&core).await;
        let store = Store::in_memory().await.expect("store");
        store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = runner(&core, &store, &outbox);
        // 5xx after Aura's retries: Discord may or may not have the post.
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
        outbox.heal(Call::Post);
        // Not in the channel: sent now, with the claim's item and nonce.
        let first = sent_item(&runner.tick(ts("2026-03-02T08:00:20Z")).await);
        assert!(runner.tick(ts("2026-03-02T08:01:00Z")).await.is_empty());
        let second = sent_item(&runner.tick(ts("2026-03-03T08:00:00Z")).await);
        assert_eq!(vec![first, second], expected);
        let nonces: Vec<Option<String>> = outbox
            .sent()
            .into_iter()
            .filter_map(|s| match s {
                Sent::Post { nonce, .. } => Some(nonce),
                _ => None,
            })
            .collect();
        assert_eq!(
            nonces,
            vec![Some("d1.20260302".into()), Some("d1.20260303".into())]
        );
    }

    #[tokio::test]
    async fn a_post_accepted_but_unanswered_is_found_and_not_posted_again() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let outbox = Recorder::new();
        let runner = runner(&core, &store, &outbox);
        outbox.lose_answers(Some(OutboxError::Unreachable("timed out".into())));
        let failed = runner.tick(ts("2026-03-02T08:00:00Z")).await;
        assert!(
            matches!(failed[0].1, Err(RunError::Transient(_))),
            "{failed:?}"
        );
        outbox.lose_answers(None);
        let found = runner.tick(ts("2026-03-02T08:00:20Z")).await;
        assert!(
            matches!(found[0].1, Ok(Posted::Sent { message: 1, .. })),
            "{found:?}"
        );
        assert_eq!(outbox.posts().len(), 1, "exactly one post");
        assert_eq!(store.last_post_message(id).await.expect("q"), Some(1));
        assert!(runner.tick(ts("2026-03-02T09:00:00Z")).await.is_empty());
    }

    #[tokio::test]
    async fn an_approved_suggestion_survives_a_failed_post() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        let id = store
            .add_schedule(&schedule("08:00", "UTC", "daily"))
            .await
            .expect("add");
        let sg = store
            .add_suggestion(1, 2, 3, "Is a meme an artwork with aura?", "tok", 0)
            .await
            .expect("suggest");
        store
            .update_deck(id, |d| d.put_next(&format!("{SUGGESTION}{sg}")))
            .await
            .expect("queue");
        let outbox = Recorder::new();
        let runner = runner(&core, &store, &outbox);
        outbox.fail(
            Call::Post,
            OutboxError::Refused {
                status: 400,
                detail: "Bad Request".into(),
            },
        );
        assert!(runner.tick(ts("2026-03-02T08:00:00Z")).await[0].1.is_err());
        outbox.heal(Call::Post);
        let item = sent_item(&runner.tick(ts("2026-03-02T08:00:20Z")).await);
        assert_eq!(item, format!("{SUGGESTION}{sg}"));
        let posted = outbox.posts()[0].1.reply.text.clone();
        assert!(posted.contains("Is a meme an artwork"), "{posted}");
    }

    #[tokio::test]
    async fn a_hung_schedule_does_not_hold_another() {
        let core = core();
        let store = Store::in_memory().await.expect("store");
        for _ in 0..2 {
            store
                .add_schedule(&schedule("08:00", "UTC", "daily"))
                .await
                .expect("add");
        }
        let outbox = Recorder::new();
        outbox.hang_channel(2);
        let mut other = schedule("08:00", "UTC", "daily");
        other.channel = 3;
        let b = store.add_schedule(&other).await.expect("add");
        let runner = Runner {
            timeout: Duration::from_millis(300),
            ..runner(&core, &store, &outbox)
        };
        let started = std::time::Instant::now();
        let out = runner.tick(ts("2026-03-02T08:00:00Z")).await;
        assert!(started.elapsed() < Duration::from_secs(2));
        let sent: Vec<i64> = out
            .iter()
            .filter(|(_, o)| matches!(o, Ok(Posted::Sent { .. })))
            .map(|(id, _)| *id)
            .collect();
        assert_eq!(sent, vec![b], "{out:?}");
    }
}
