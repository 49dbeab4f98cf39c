//! Rounds a crash left open in the store. At start-up a process ends those of its own servers
//! (all of them when it holds every shard), with a notice in their channels; it never touches
//! the rounds of servers another process holds. Should one still be open later, it is ended
//! when its channel starts a new one: an open round this process is not driving, in a channel
//! of its own servers (the interaction arrived here), was left by a crash. What a round could
//! not store while the database was out (its answers, its end) is kept in memory until the
//! sweep stores it.

use crate::i18n::t;
use crate::outbox::Message;
use crate::quiz::AnswerRow;
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

/// What rounds could not store while the database was out: their answers (as each save
/// found them) and their ends, stored by [`save_unsaved`] once it answers again.
#[derive(Default)]
pub(crate) struct Unsaved(std::sync::Mutex<Kept>);

#[derive(Default)]
struct Kept {
    /// (round, guild, the answers).
    answers: Vec<(u64, u64, Vec<AnswerRow>)>,
    /// (round, outcome, when).
    ends: Vec<(u64, &'static str, i64)>,
}

/// Keeps a round's answers the database refused.
pub(crate) fn keep_unsaved_answers(s: &Services, round: u64, guild: u64, rows: Vec<AnswerRow>) {
    if let Ok(mut kept) = s.state::<Unsaved>().0.lock() {
        kept.answers.retain(|(r, _, _)| *r != round);
        kept.answers.push((round, guild, rows));
    }
}

/// Keeps round `id`'s end (`outcome` at `at`) to store once the database is back.
pub(crate) fn keep_unsaved_end(s: &Services, id: u64, outcome: &'static str, at: i64) {
    if let Ok(mut kept) = s.state::<Unsaved>().0.lock() {
        kept.ends.push((id, outcome, at));
    }
}

/// Forgets `member`'s kept answers (they asked Aura to delete what it stores about them).
pub(crate) fn forget_unsaved(s: &Services, member: u64) {
    if let Ok(mut kept) = s.state::<Unsaved>().0.lock() {
        for (_, _, rows) in &mut kept.answers {
            rows.retain(|r| r.user_id != member);
        }
    }
}

/// Stores what was kept while the database was out, as it happened: the answers first (a
/// round's end folds its answers), then the ends. What it still refuses waits for the next
/// sweep. Returns how many rounds' writes were stored.
pub async fn save_unsaved(s: &Services) -> Result<usize, StoreError> {
    let unsaved = s.state::<Unsaved>();
    let Kept { answers, ends } = match unsaved.0.lock() {
        Ok(mut kept) => std::mem::take(&mut *kept),
        Err(_) => return Ok(0),
    };
    let mut saved = 0;
    let mut failed = None;
    let mut left = Kept::default();
    for (round, guild, rows) in answers {
        if failed.is_none() {
            match s.store.record_answers(round, guild, &rows).await {
                Ok(()) => {
                    saved += 1;
                    continue;
                }
                Err(e) => failed = Some(e),
            }
        }
        left.answers.push((round, guild, rows));
    }
    for (id, outcome, at) in ends {
        if failed.is_none() {
            match s.store.end_round(id, outcome, at).await {
                Ok(_) => {
                    saved += 1;
                    continue;
                }
                Err(e) => failed = Some(e),
            }
        }
        left.ends.push((id, outcome, at));
    }
    if let Ok(mut kept) = unsaved.0.lock() {
        // Kept meanwhile by a round still failing, then what is left from before.
        let Kept { answers, ends } = std::mem::take(&mut *kept);
        left.answers.extend(answers);
        left.ends.extend(ends);
        *kept = left;
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
        assert_eq!(save_unsaved(&s).await.expect("saved"), 1);
        assert_eq!(store.open_rounds(8).await.expect("count"), 0);
        assert_eq!(save_unsaved(&s).await.expect("nothing left"), 0);
        // The database out: the end stays kept.
        store.start_round(6, 8, 11, 3, 0).await.expect("round");
        keep_unsaved_end(&s, 6, "stopped", 50);
        store.close().await;
        assert!(save_unsaved(&s).await.is_err());
        assert_eq!(s.state::<Unsaved>().0.lock().expect("kept").ends.len(), 1);
    }
}
