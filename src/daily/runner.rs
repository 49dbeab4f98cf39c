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

use super::deck::LOW_WATER;
use super::{DailySchedule, Deck, PendingPost, PostKind, SUGGESTION, Schedule, post};
use crate::core::Core;
use crate::course::model::{Hidden, ItemKind, reached};
use crate::course::own::Own;
use crate::daily::view as daily;
use crate::i18n::tr;
use crate::outbox::{Message, Outbox, OutboxError, Sought};
use crate::pack::Lang;
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

/// The items a schedule walks through: its pack kind's items, the server's own of that kind
/// (`own`: their ids, never narrowed by the reading plan: they name no section) and approved
/// suggestions queued.
pub fn items(
    core: &Core,
    deck: &Deck,
    kind: PostKind,
    (hidden, read): Reach<'_>,
    own: &[String],
) -> Vec<String> {
    let hideable = match kind {
        PostKind::Prompt => Some(ItemKind::Prompt),
        PostKind::Motion => Some(ItemKind::Motion),
        PostKind::Quote => None,
    };
    let mut items: Vec<String> = core
        .library
        .packs
        .first()
        .map(|p| {
            let mut items = kind.items(p);
            if let Some(k) = hideable {
                items.retain(|id| !hidden.hides(k, &p.id, id));
                // What the class has not read yet waits, unless staff queued it or nothing
                // would be left.
                let reachable: Vec<String> = items
                    .iter()
                    .filter(|id| deck.queue.contains(id) || reached(p, k, id, read))
                    .cloned()
                    .collect();
                if !reachable.is_empty() {
                    items = reachable;
                }
            }
            items
        })
        .unwrap_or_default();
    items.extend(own.iter().cloned());
    items.extend(
        deck.queue
            .iter()
            .filter(|q| q.starts_with(SUGGESTION))
            .cloned(),
    );
    items
}

/// The ids of a server's own items a schedule of `kind` draws (none for quotes).
pub async fn own_items(
    store: &Store,
    guild: u64,
    kind: PostKind,
) -> Result<Vec<String>, StoreError> {
    let kind = match kind {
        PostKind::Prompt => ItemKind::Prompt,
        PostKind::Motion => ItemKind::Motion,
        PostKind::Quote => return Ok(Vec::new()),
    };
    let own = Own::of_items(store.own_items(guild, false).await?, None);
    Ok(own.ids(kind))
}

/// What a server lets its schedules draw: the items it hides, and the sections its class has
/// read by its reading plan (empty: all).
pub type Reach<'a> = (&'a Hidden, &'a [String]);

/// The post for an item, in the schedule's language, or in both side by side (the
/// schedule's first) when it asks for both and they fit.
pub async fn render(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    item: &str,
) -> Result<Option<Reply>, StoreError> {
    let Some(first) = render_in(core, store, s, (item, s.lang)).await? else {
        return Ok(None);
    };
    if !s.bilingual {
        return Ok(Some(first));
    }
    let is_pack_item =
        !item.starts_with(SUGGESTION) && crate::pack::course::teacher_id(item).is_none();
    if is_pack_item && let Some(pack) = core.library.packs.first() {
        return Ok(daily::post_in_both(pack, s.kind, item, s.lang).or(Some(first)));
    }
    Ok(Some(
        match render_in(core, store, s, (item, s.lang.other())).await? {
            Some(second) => daily::side_by_side(first, &second),
            None => first,
        },
    ))
}

/// The post for an item in `lang`.
async fn render_in(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    (item, lang): (&str, Lang),
) -> Result<Option<Reply>, StoreError> {
    if let Some(id) = item.strip_prefix(SUGGESTION) {
        let suggestion = match id.parse::<i64>() {
            Ok(id) => store.suggestion(id).await?,
            Err(_) => None,
        };
        return Ok(suggestion.map(|x| daily::suggestion_post(&x.text, x.user, lang)));
    }
    if let Some(id) = crate::pack::course::teacher_id(item) {
        let items = store.own_items(s.guild, false).await?;
        let own = Own::of_items(items, store.course_label(s.guild).await?);
        return Ok(daily::own_post(&own, s.kind, id, lang));
    }
    Ok(core
        .library
        .packs
        .first()
        .and_then(|p| daily::post(p, s.kind, item, lang)))
}

/// What a post of `s` for `item` asks, in `lang`: the prompt's or motion's words (a teacher's
/// or a member's as they wrote them), for a response's heading.
pub async fn item_text(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    (item, lang): (&str, crate::pack::Lang),
) -> Result<Option<String>, StoreError> {
    if let Some(id) = item.strip_prefix(SUGGESTION) {
        let suggestion = match id.parse::<i64>() {
            Ok(id) => store.suggestion(id).await?,
            Err(_) => None,
        };
        return Ok(suggestion.map(|x| x.text));
    }
    if let Some(id) = crate::pack::course::teacher_id(item) {
        let own = Own::of_items(store.own_items(s.guild, false).await?, None);
        let text = match s.kind {
            PostKind::Prompt => own.prompts.iter().find(|p| p.id == id).map(|p| &p.text),
            PostKind::Motion => own.motions.iter().find(|m| m.id == id).map(|m| &m.motion),
            PostKind::Quote => None,
        };
        return Ok(text.map(|t| t.get(lang).to_string()));
    }
    let Some(pack) = core.library.packs.first() else {
        return Ok(None);
    };
    Ok(match s.kind {
        PostKind::Prompt => pack.prompt(item).map(|p| p.text.get(lang).to_string()),
        PostKind::Motion => pack.motion(item).map(|m| m.motion.get(lang).to_string()),
        PostKind::Quote => None,
    })
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
        let hidden = self.store.hidden_items(s.guild).await?;
        let read = self.store.reading_plan(s.guild).await?.read_so_far(now);
        let own = own_items(self.store, s.guild, kind).await?;
        let claim = self
            .store
            .claim_post(s.id, date, manual, now.as_second(), |deck: &mut Deck| {
                let items = items(core, deck, kind, (&hidden, &read), &own);
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
            .find_post(
                s.channel,
                &Sought {
                    nonce: &p.nonce,
                    marker: marker.as_deref(),
                    after: previous,
                },
            )
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
        match post::publish(self.outbox, s, &reply, (previous, date), nonce).await {
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
        self.warn_if_low(s).await;
        Ok(Posted::Sent {
            date: date.to_string(),
            item,
            message,
        })
    }

    /// The post that leaves a schedule's cycle with fewer than [`LOW_WATER`] items tells the
    /// server's staff channel, in the schedule's language: once per cycle, since each post
    /// takes one item. Telling is best effort: the post went out either way.
    async fn warn_if_low(&self, s: &DailySchedule) {
        let deck = match self.store.schedules(Some(s.guild)).await {
            Ok(all) => all.into_iter().find(|x| x.id == s.id).map(|x| x.deck),
            Err(e) => {
                tracing::warn!(schedule = s.id, error = %e, "could not count what is left");
                return;
            }
        };
        let Some(deck) = deck else {
            return;
        };
        let hidden = self.store.hidden_items(s.guild).await.unwrap_or_default();
        let own = own_items(self.store, s.guild, s.kind)
            .await
            .unwrap_or_default();
        let left = deck.remaining(&items(self.core, &deck, s.kind, (&hidden, &[]), &own));
        if left + 1 != LOW_WATER {
            return;
        }
        let staff = match self.store.staff_channel(s.guild).await {
            Ok(Some(staff)) => staff,
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(schedule = s.id, error = %e, "no staff channel to warn");
                return;
            }
        };
        let text = tr(
            s.lang,
            "daily-low-stock",
            &[
                ("id", &s.id.to_string()),
                ("channel", &format!("<#{}>", s.channel)),
                ("left", &left),
            ],
        );
        let warning = Message::from(Reply {
            text,
            ..Reply::default()
        });
        match self.outbox.post(staff, &warning).await {
            Ok(_) => tracing::info!(schedule = s.id, left, "staff told the cycle runs low"),
            Err(e) => tracing::warn!(schedule = s.id, error = %e, "could not warn the staff"),
        }
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
mod tests;
