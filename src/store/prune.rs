//! Old rows go: quiz answers of ended rounds, votes of closed debates and stored interaction
//! tokens older than the retention setting are deleted (tokens are blanked; Discord stops
//! honouring them after 15 minutes anyway), and so are practice runs left unfinished (ended
//! first, so their answers go too), closed homework with its attempts, rounds with nothing
//! left in them, and denied suggestions with their text. Run by a periodic background task.

use super::{BeginWrite, Store, StoreError};

/// How many rows one pruning deleted (or blanked), per kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub answers: u64,
    /// Members' totals per round, summed from answers that went.
    pub rounds: u64,
    pub votes: u64,
    pub tokens: u64,
    /// Practice runs ended, and homework, empty rounds and denied suggestions deleted.
    pub records: u64,
}

impl Pruned {
    pub fn total(&self) -> u64 {
        self.answers + self.rounds + self.votes + self.tokens + self.records
    }

    /// The count a statement's rows add to.
    fn of(&mut self, kind: Kind) -> &mut u64 {
        match kind {
            Kind::Answers => &mut self.answers,
            Kind::Rounds => &mut self.rounds,
            Kind::Votes => &mut self.votes,
            Kind::Tokens => &mut self.tokens,
            Kind::Records => &mut self.records,
        }
    }
}

/// What a pruning statement's rows count as.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Answers,
    /// Members' totals per round: counted with the answers they sum.
    Rounds,
    Votes,
    Tokens,
    /// Whole records: practice runs, homework, rounds, suggestions.
    Records,
}

/// The statements of a pruning (`$1`: the instant before which rows go), each with what its
/// rows count as. Each finds its rows by their age through an index, then checks their debate
/// by key (never the list of every closed debate).
const STATEMENTS: [(Kind, &str); 14] = [
    // A box not moved since then forgets the question, as its answers are gone.
    (Kind::Rounds, "DELETE FROM quiz_boxes WHERE last_at < $1"),
    (
        Kind::Votes,
        "DELETE FROM debate_votes WHERE voted_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_votes.debate_id AND d.closed_at IS NOT NULL)",
    ),
    // A class debate's ballots, sides, hands and arguments go with its votes; its speeches
    // keep their times without the speaker.
    (
        Kind::Votes,
        "DELETE FROM debate_ballots WHERE voted_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_ballots.debate_id AND d.closed_at IS NOT NULL)",
    ),
    (
        Kind::Votes,
        "DELETE FROM debate_sides WHERE joined_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_sides.debate_id AND d.closed_at IS NOT NULL)",
    ),
    (
        Kind::Votes,
        "DELETE FROM debate_pois WHERE raised_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_pois.debate_id AND d.closed_at IS NOT NULL)",
    ),
    (
        Kind::Votes,
        "DELETE FROM debate_arguments WHERE created_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_arguments.debate_id AND d.closed_at IS NOT NULL)",
    ),
    (
        Kind::Votes,
        "UPDATE debate_speeches SET speaker_id = NULL, speaker_name = NULL
             WHERE speaker_id IS NOT NULL AND ended_at < $1
             AND EXISTS (SELECT 1 FROM debates d WHERE d.id = debate_speeches.debate_id AND d.closed_at IS NOT NULL)",
    ),
    (
        Kind::Tokens,
        "UPDATE debates SET token = '' WHERE token != '' AND opened_at < $1 AND closed_at IS NOT NULL",
    ),
    (
        Kind::Tokens,
        "UPDATE daily_suggestions SET token = '' WHERE token != '' AND created_at < $1",
    ),
    // Homework closed that long ago, with its attempts (their rounds' answers go by age).
    (Kind::Records, "DELETE FROM homework WHERE closed_at < $1"),
    // A round ended that long ago with no answer and no member's total left in it.
    (
        Kind::Records,
        "DELETE FROM quiz_rounds WHERE ended_at < $1
             AND NOT EXISTS (SELECT 1 FROM quiz_answers a WHERE a.round_id = quiz_rounds.id)
             AND NOT EXISTS (SELECT 1 FROM quiz_round_members m WHERE m.round_id = quiz_rounds.id)
             AND NOT EXISTS (SELECT 1 FROM homework_attempts h WHERE h.round_id = quiz_rounds.id)",
    ),
    // A teacher's item deleted that long ago (kept till then for the assignments that asked
    // it; homework closed that long ago is gone).
    (
        Kind::Records,
        "DELETE FROM course_items WHERE deleted_at < $1",
    ),
    // A written response last changed (written, edited or reviewed) that long ago, with its
    // feedback.
    (
        Kind::Records,
        "DELETE FROM responses WHERE updated_at < $1 AND COALESCE(reviewed_at, 0) < $1",
    ),
    // A denied suggestion's text, reason and author go; an approved one is the class's prompt.
    (
        Kind::Records,
        "DELETE FROM daily_suggestions WHERE status = 'denied' AND created_at < $1",
    ),
];

/// Practice runs a member left unfinished (a run never ends by itself): ended as abandoned
/// once older than the retention, before the answers' pruning, so their answers go with it.
const END_ABANDONED: &str = "UPDATE quiz_rounds SET ended_at = started_at, outcome = 'abandoned'
    WHERE kind = 'practice' AND ended_at IS NULL AND started_at < $1";

/// Old answers (and each member's totals per round), deleted `BATCH` rows per transaction
/// through the index on their age, so the first prune of a large history never holds the
/// writer for long. `$1`: the instant before which rows go; `$2`: the batch.
const BATCHED: [(Kind, &str); 2] = [
    (
        Kind::Answers,
        "DELETE FROM quiz_answers WHERE (round_id, question_no, user_id) IN (
             SELECT a.round_id, a.question_no, a.user_id FROM quiz_answers a
             JOIN quiz_rounds r ON r.id = a.round_id
             WHERE a.answered_at < $1 AND r.ended_at IS NOT NULL LIMIT $2)",
    ),
    (
        Kind::Rounds,
        "DELETE FROM quiz_round_members WHERE (round_id, user_id) IN (
             SELECT m.round_id, m.user_id FROM quiz_round_members m
             JOIN quiz_rounds r ON r.id = m.round_id
             WHERE m.last_at < $1 AND r.ended_at IS NOT NULL LIMIT $2)",
    ),
];

/// Rows deleted per transaction by a batched statement.
const BATCH: i64 = 5_000;

impl Store {
    /// Deletes what is older than `before` (unix seconds). Answers of a running round and
    /// votes of an open debate stay, whatever their age. Answers go in batches of their own
    /// transactions; the rest in one.
    pub async fn prune(&self, before: i64) -> Result<Pruned, StoreError> {
        // No rolling board keeps a round about to go: every edge behind `before` moves there.
        self.move_edges_to(before).await?;
        let mut pruned = Pruned::default();
        pruned.records += on!(&self.pool, |db| {
            sqlx::query(END_ABANDONED)
                .bind(before)
                .execute(db)
                .await?
                .rows_affected()
        });
        for (kind, sql) in BATCHED {
            loop {
                let done = on!(&self.pool, |db| {
                    let mut tx = db.begin_write().await?;
                    let done = sqlx::query(sql)
                        .bind(before)
                        .bind(BATCH)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    tx.commit().await?;
                    done
                });
                *pruned.of(kind) += done;
                if done < BATCH as u64 {
                    break;
                }
            }
        }
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            for (kind, sql) in STATEMENTS {
                *pruned.of(kind) += sqlx::query(sql)
                    .bind(before)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            }
            tx.commit().await?;
            Ok(pruned)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;

    const DAY: i64 = 86_400;

    async fn rows(s: &Store, sql: &str) -> i64 {
        on!(&s.pool, |db| sqlx::query_scalar(sql).fetch_one(db).await).expect("count")
    }

    /// A new store, a clock 200 days after 1 March 2026, and two instants: then (older than
    /// the retention) and a day ago.
    async fn two_ages() -> (Store, Clock, i64, i64) {
        let s = Store::in_memory().await.expect("store");
        let clock = Clock::adjustable();
        clock.set("2026-03-01T00:00:00Z".parse().expect("instant"));
        let old = clock.unix();
        clock.advance(200 * DAY);
        let recent = clock.unix() - DAY;
        (s, clock, old, recent)
    }

    #[tokio::test]
    async fn old_rows_go_and_recent_ones_stay() {
        let (s, clock, old, recent) = two_ages().await;
        for (round, at, ended) in [
            ("r-old", old, true),
            ("r-new", recent, true),
            ("r-live", old, false),
        ] {
            on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at, ended_at) VALUES ($1, '1', $2, '3', $3, $4)")
                .bind(round).bind(round).bind(at).bind(ended.then_some(at + 60))
                .execute(db).await.map(|_| ())).expect("round");
            on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at) VALUES ($1, 1, 'q', '1', '5', 0, 1, 900, 10, $2)")
                .bind(round).bind(at)
                .execute(db).await.map(|_| ())).expect("answer");
        }
        for (debate, at, closed) in [
            ("d-old", old, true),
            ("d-new", recent, true),
            ("d-open", old, false),
        ] {
            on!(&s.pool, |db| sqlx::query("INSERT INTO debates (id, pack, motion, guild_id, channel_id, starter_id, token, lang, opened_at, closes_at, closed_at) VALUES ($1, 'p', 'm', '1', '2', '3', 'secret', 'en', $2, $3, $4)")
                .bind(debate).bind(at).bind(at + 600).bind(closed.then_some(at + 600))
                .execute(db).await.map(|_| ())).expect("debate");
            on!(&s.pool, |db| sqlx::query("INSERT INTO debate_votes (debate_id, user_id, side, voted_at) VALUES ($1, '5', 'adorno', $2)")
                .bind(debate).bind(at)
                .execute(db).await.map(|_| ())).expect("vote");
        }
        s.add_suggestion(1, 2, 5, "old idea", "tok-old", old)
            .await
            .expect("s");
        s.add_suggestion(1, 2, 5, "new idea", "tok-new", recent)
            .await
            .expect("s");

        let retention = 180 * DAY;
        let gone = s.prune(clock.unix() - retention).await.expect("prune");
        assert_eq!(
            gone,
            Pruned {
                answers: 1,
                rounds: 0,
                votes: 1,
                tokens: 2,
                // The old round, nothing left in it.
                records: 1,
            }
        );
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM quiz_answers WHERE round_id IN ('r-new', 'r-live')"
            )
            .await,
            2
        );
        assert_eq!(rows(&s, "SELECT COUNT(*) FROM quiz_answers").await, 2);
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM debate_votes WHERE debate_id IN ('d-new', 'd-open')"
            )
            .await,
            2
        );
        assert_eq!(
            rows(&s, "SELECT COUNT(*) FROM debates WHERE token = 'secret'").await,
            2
        );
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM daily_suggestions WHERE token = 'tok-new'"
            )
            .await,
            1
        );
        // Nothing more to do the second time.
        assert_eq!(
            s.prune(clock.unix() - retention)
                .await
                .expect("prune")
                .total(),
            0
        );
    }

    /// A practice run left unfinished, closed homework with its attempts and a denied
    /// suggestion go once older than the retention; a recent run and an approved suggestion
    /// stay.
    #[tokio::test]
    async fn abandoned_practice_old_homework_and_denied_suggestions_go() {
        let (s, clock, old, recent) = two_ages().await;
        for (round, at) in [("p-old", old), ("p-new", recent)] {
            on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at, kind, folded) VALUES ($1, '1', '2', '5', $2, 'practice', 1)")
                .bind(round).bind(at)
                .execute(db).await.map(|_| ())).expect("run");
            on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at, kind) VALUES ($1, 1, 'q', '1', '5', 0, 1, 900, 0, $2, 'practice')")
                .bind(round).bind(at)
                .execute(db).await.map(|_| ())).expect("answer");
        }
        on!(&s.pool, |db| sqlx::query("INSERT INTO homework (id, guild_id, number, channel_id, teacher_id, lang, pack, questions, created_at, due_at, zone, closed_at, summary_message) VALUES ('h-old', '1', 1, '2', '3', 'en', 'benjamin', '[]', $1, $1, 'UTC', $1, '0')")
            .bind(old)
            .execute(db).await.map(|_| ())).expect("homework");
        for (id, status) in [("old denied", "denied"), ("old approved", "approved")] {
            let n = s
                .add_suggestion(1, 2, 5, id, "", old)
                .await
                .expect("suggestion");
            on!(&s.pool, |db| sqlx::query(
                "UPDATE daily_suggestions SET status = $1 WHERE id = $2"
            )
            .bind(status)
            .bind(n)
            .execute(db)
            .await
            .map(|_| ()))
            .expect("decided");
        }
        // A written response last changed long ago, and one written recently.
        for (user, at) in [(5u64, old), (6, recent)] {
            let draft = crate::responses::model::Piece {
                guild: 1,
                channel: 2,
                on: crate::responses::model::On::Letter { point: 1 },
                title: "t".into(),
                user,
                name: "n".into(),
                lang: crate::pack::Lang::En,
                body: "b".into(),
                deadline: None,
            };
            s.put_response(&draft, at).await.expect("response");
        }
        let gone = s.prune(clock.unix() - 180 * DAY).await.expect("prune");
        // The old run ended and deleted, its answer gone; the homework; the denied suggestion;
        // the old response.
        assert_eq!((gone.answers, gone.records), (1, 5), "{gone:?}");
        assert_eq!(
            rows(&s, "SELECT COUNT(*) FROM responses WHERE user_id = '6'").await,
            1
        );
        assert_eq!(rows(&s, "SELECT COUNT(*) FROM responses").await, 1);
        assert_eq!(
            rows(&s, "SELECT COUNT(*) FROM quiz_rounds WHERE id = 'p-old'").await,
            0
        );
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM quiz_answers WHERE round_id = 'p-new'"
            )
            .await,
            1
        );
        assert_eq!(rows(&s, "SELECT COUNT(*) FROM homework").await, 0);
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM daily_suggestions WHERE status = 'denied'"
            )
            .await,
            0
        );
        assert_eq!(
            rows(
                &s,
                "SELECT COUNT(*) FROM daily_suggestions WHERE status = 'approved'"
            )
            .await,
            1
        );
    }
}
