//! Rounds a crash left open in the store. At start-up a process ends those of its own servers
//! (all of them when it holds every shard), with a notice in their channels; it never touches
//! the rounds of servers another process holds. Should one still be open later, it is ended
//! when its channel starts a new one: an open round this process is not driving, in a channel
//! of its own servers (the interaction arrived here), was left by a crash. A round that ended
//! while the database was out keeps its end in memory until the sweep stores it.

use crate::i18n::t;
use crate::outbox::Message;
use crate::reply::Reply;
use crate::services::Services;
use crate::store::{StartOutcome, StoreError};

/// After a restart: rounds left open in this process's servers are ended (their answers are
/// already stored), with a notice in their channels.
pub async fn recover(s: &Services) {
    let shards = s.pace.shards;
    let rounds = crate::quiz::live::rooms(s).clone();
    let ours = move |round: u64, guild: u64| shards.owns(Some(guild)) && !rounds.is_ours(round);
    let channels = match s.store.abandon_open_rounds_of(s.clock.unix(), ours).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "cannot end rounds left open");
            return;
        }
    };
    for channel in channels {
        let notice = Reply {
            text: t(s.core.default_lang, "quiz-abandoned"),
            ..Reply::default()
        };
        if let Err(e) = s.outbox.post(channel, &Message::from(notice)).await {
            tracing::warn!(channel, error = %e, "could not post that a round was interrupted");
        }
    }
}

/// Round ends the database refused (it was out): stored again by [`save_unsaved_ends`].
#[derive(Default)]
pub(crate) struct UnsavedEnds(std::sync::Mutex<Vec<(u64, &'static str, i64)>>);

/// Keeps round `id`'s end (`outcome` at `at`) to store once the database is back.
pub(crate) fn keep_unsaved_end(s: &Services, id: u64, outcome: &'static str, at: i64) {
    if let Ok(mut kept) = s.state::<UnsavedEnds>().0.lock() {
        kept.push((id, outcome, at));
    }
}

/// Stores the round ends kept while the database was out, as they happened; those it still
/// refuses wait for the next sweep.
pub async fn save_unsaved_ends(s: &Services) -> Result<usize, StoreError> {
    let kept = s.state::<UnsavedEnds>();
    let pending: Vec<(u64, &'static str, i64)> = match kept.0.lock() {
        Ok(mut list) => std::mem::take(&mut *list),
        Err(_) => return Ok(0),
    };
    let mut saved = 0;
    let mut failed = None;
    for (id, outcome, at) in pending {
        if failed.is_none() {
            match s.store.end_round(id, outcome, at).await {
                Ok(_) => {
                    saved += 1;
                    continue;
                }
                Err(e) => failed = Some(e),
            }
        }
        if let Ok(mut list) = kept.0.lock() {
            list.push((id, outcome, at));
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(saved),
    }
}

/// Stores round `id` as the channel's open round. A round open there that this process is
/// not driving was left by a crash: it is ended, and the new one takes its place.
pub(crate) async fn start_round(
    s: &Services,
    id: u64,
    guild: u64,
    channel: u64,
    starter: u64,
) -> Result<StartOutcome, StoreError> {
    let rooms = crate::quiz::live::rooms(s);
    rooms.own(id);
    let now = s.clock.unix();
    let max = s.pace.limits.quiz_rounds;
    let start = || {
        s.store
            .start_round_within(id, (guild, channel, starter), now, max)
    };
    let outcome = take_channel(s, channel, now, start).await;
    if !matches!(outcome, Ok(StartOutcome::Started)) {
        rooms.disown(id);
    }
    outcome
}

/// The round stored by `start`; started again once a round a crash left open in `channel`
/// is ended.
async fn take_channel<Start, Stored>(
    s: &Services,
    channel: u64,
    now: i64,
    start: Start,
) -> Result<StartOutcome, StoreError>
where
    Start: Fn() -> Stored,
    Stored: Future<Output = Result<StartOutcome, StoreError>>,
{
    let outcome = start().await?;
    if outcome == StartOutcome::Busy
        && let Some(open) = s.store.last_round(channel).await?
        && !crate::quiz::live::rooms(s).is_ours(open)
    {
        tracing::info!(
            round = open,
            channel,
            "a round left open by a crash is ended"
        );
        s.store.end_round(open, "abandoned", now).await?;
        return start().await;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Core;
    use crate::outbox::recorder::{Recorder, Sent};
    use crate::pack::Lang;
    use crate::services::Pace;
    use crate::shard::Shards;
    use crate::store::Store;
    use std::path::PathBuf;
    use std::sync::Arc;

    async fn services(shards: Shards) -> (Services, Store, Arc<Recorder>) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        let outbox = Arc::new(Recorder::new());
        let pace = Pace {
            shards,
            ..Pace::default()
        };
        let s = Services::new(core, store.clone(), outbox.clone(), pace);
        (s, store, outbox)
    }

    #[tokio::test]
    async fn a_sharded_process_leaves_other_rounds_and_frees_its_channel_on_demand() {
        let shard = Shards::from_parts(Some("0"), Some(2)).expect("shards");
        let (s, store, outbox) = services(shard).await;
        // A round a crash left open in channel 10, and one this process starts in channel 11.
        store.start_round(1, 8, 10, 3, 0).await.expect("round");
        assert_eq!(
            start_round(&s, 2, 8, 11, 3).await.expect("start"),
            StartOutcome::Started
        );
        assert!(outbox.sent().is_empty());
        // A new round in channel 11 finds this process's own round there: busy.
        assert_eq!(
            start_round(&s, 3, 8, 11, 3).await.expect("start"),
            StartOutcome::Busy
        );
        assert!(!crate::quiz::live::rooms(&s).is_ours(3));
        // In channel 10 the crashed round is ended and the new one takes its place.
        assert_eq!(
            start_round(&s, 4, 8, 10, 3).await.expect("start"),
            StartOutcome::Started
        );
        assert_eq!(store.open_rounds(8).await.expect("count"), 2);
        assert_eq!(store.last_round(10).await.expect("last"), Some(4));
    }

    /// A server on shard 1 of 2.
    const OTHER: u64 = 1 << 22;

    #[tokio::test]
    async fn a_shard_process_ends_at_start_up_only_the_rounds_of_its_own_servers() {
        let shard = Shards::from_parts(Some("0"), Some(2)).expect("shards");
        let (s, store, outbox) = services(shard).await;
        // Left open by a crash: one in a server of this shard, one in a server of the other.
        store.start_round(1, 8, 10, 3, 0).await.expect("ours");
        store.start_round(2, OTHER, 11, 3, 0).await.expect("theirs");
        // And one this process is driving already.
        assert_eq!(
            start_round(&s, 3, 8, 12, 3).await.expect("start"),
            StartOutcome::Started
        );
        recover(&s).await;
        assert_eq!(store.open_rounds(8).await.expect("count"), 1);
        assert_eq!(store.last_round(12).await.expect("last"), Some(3));
        assert_eq!(store.open_rounds(OTHER).await.expect("count"), 1);
        let notices: Vec<u64> = outbox
            .sent()
            .into_iter()
            .filter_map(|x| match x {
                Sent::Post { channel, .. } => Some(channel),
                _ => None,
            })
            .collect();
        assert_eq!(notices, vec![10]);
    }

    #[tokio::test]
    async fn one_process_ends_every_round_left_open_with_a_notice() {
        let (s, store, outbox) = services(Shards::All).await;
        store.start_round(1, 8, 10, 3, 0).await.expect("round");
        recover(&s).await;
        assert_eq!(store.open_rounds(8).await.expect("count"), 0);
        let notices = outbox
            .sent()
            .into_iter()
            .filter(|x| matches!(x, Sent::Post { channel: 10, .. }))
            .count();
        assert_eq!(notices, 1);
    }

    /// A round whose end the database refused keeps it; the sweep stores it, as it happened,
    /// once the database answers again.
    #[tokio::test]
    async fn a_round_end_refused_during_an_outage_is_stored_when_the_database_is_back() {
        let (s, store, _) = services(Shards::All).await;
        store.start_round(5, 8, 10, 3, 0).await.expect("round");
        keep_unsaved_end(&s, 5, "finished", 40);
        assert_eq!(store.open_rounds(8).await.expect("count"), 1);
        assert_eq!(save_unsaved_ends(&s).await.expect("saved"), 1);
        assert_eq!(store.open_rounds(8).await.expect("count"), 0);
        assert_eq!(save_unsaved_ends(&s).await.expect("nothing left"), 0);
        // The database out: the end stays kept.
        store.start_round(6, 8, 11, 3, 0).await.expect("round");
        keep_unsaved_end(&s, 6, "stopped", 50);
        store.close().await;
        assert!(save_unsaved_ends(&s).await.is_err());
        assert_eq!(s.state::<UnsavedEnds>().0.lock().expect("kept").len(), 1);
    }
}
