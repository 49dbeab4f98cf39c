//! What the class learns, read from the quiz's rows of every kind (live, homework, practice): a
//! member's answer history for spaced repetition, practice runs and their answers, the
//! tallies behind `/quiz insights`, and the gradebook's rows with members' display names.

use std::collections::HashMap;

use sqlx::Row;

use super::fold::{TOTALLED, fold};
use super::{BeginRead, BeginWrite, Store, StoreError, parse_id, snowflake};
use crate::quiz::model::Run;
use crate::quiz::model::Tally;
use crate::quiz::model::{AnswerRow, Period};
use crate::quiz::model::{Boxed, Seen};
use crate::quiz::model::{MemberTotals, ReportLine, RoundTally};

/// The term's or all-time tallies as folded (`$2`: the period; `$3`: a channel, or `NULL`).
const TALLIED: &str = "SELECT question_id, picked, correct, CAST(SUM(n) AS BIGINT) AS n
     FROM quiz_question_tallies
     WHERE guild_id = $1 AND period = $2 AND ($3 IS NULL OR channel_id = $3)
     GROUP BY question_id, picked, correct";

/// The answers (`a`) of a server's live rounds not folded yet, that is still running (`$1`:
/// the server): the tail of a query that adds its own conditions with `AND`.
macro_rules! running_answers {
    () => {
        "FROM quiz_rounds r CROSS JOIN quiz_answers a
         WHERE r.guild_id = $1 AND r.folded = 0 AND r.kind = 'live' AND a.round_id = r.id"
    };
}
pub(super) use running_answers;

/// A group of answers (`a`) summed: how many, how many right, their points.
macro_rules! answer_sums {
    () => {
        "COUNT(*) AS answered, CAST(SUM(a.correct) AS BIGINT) AS correct,
         CAST(SUM(a.points) AS BIGINT) AS points"
    };
}

/// The tallies of the rounds still running, since `$2` (in channel `$3` if not `NULL`).
const RUNNING_TALLIES: &str = concat!(
    "SELECT a.question_id AS question_id, a.picked AS picked, a.correct AS correct, COUNT(*) AS n ",
    running_answers!(),
    " AND a.answered_at >= $2 AND ($3 IS NULL OR r.channel_id = $3)
     GROUP BY a.question_id, a.picked, a.correct"
);

/// Every answer of the server since `$2`, a range of `quiz_answers_board`.
const WINDOW_TALLIES: &str = "SELECT question_id, picked, correct, COUNT(*) AS n
     FROM quiz_answers WHERE guild_id = $1 AND answered_at >= $2
     GROUP BY question_id, picked, correct";

/// The same in one channel's rounds (`$3`).
const WINDOW_TALLIES_IN: &str =
    "SELECT a.question_id AS question_id, a.picked AS picked, a.correct AS correct, COUNT(*) AS n
     FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
     WHERE a.guild_id = $1 AND a.answered_at >= $2 AND r.channel_id = $3
     GROUP BY a.question_id, a.picked, a.correct";

/// A count in `column` of a row (0 for a negative one).
fn count(row: &impl super::Record, column: &str) -> Result<u64, sqlx::Error> {
    Ok(u64::try_from(row.value::<i64>(column)?).unwrap_or(0))
}

/// A row's `answered`, `correct` and `points` counts.
fn scored(row: &impl super::Record) -> Result<(u64, u64, u64), sqlx::Error> {
    Ok((
        count(row, "answered")?,
        count(row, "correct")?,
        count(row, "points")?,
    ))
}

impl Store {
    /// Where a period starts for a server: its rolling window or its last reset, the later.
    pub async fn period_start(
        &self,
        guild: u64,
        period: Period,
        now: i64,
    ) -> Result<i64, StoreError> {
        on!(&self.reader, |db| {
            let reset: Option<i64> = sqlx::query_scalar(
                "SELECT reset_at FROM quiz_resets WHERE guild_id = $1 AND period = $2",
            )
            .bind(guild.to_string())
            .bind(period.code())
            .fetch_optional(db)
            .await?;
            Ok(period.window(now).max(reset.unwrap_or(i64::MIN)))
        })
    }

    /// Every answer a member gave in a server, of every kind, in time order.
    pub async fn answer_history(&self, guild: u64, user: u64) -> Result<Vec<Seen>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT question_id, correct, answered_at FROM quiz_answers
                 WHERE guild_id = $1 AND user_id = $2
                 ORDER BY answered_at, round_id, question_no",
            )
            .bind(guild.to_string())
            .bind(user.to_string())
            .fetch_all(db)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                out.push(Seen {
                    question: row.try_get("question_id")?,
                    correct: row.try_get::<i64, _>("correct")? != 0,
                    at: row.try_get("answered_at")?,
                });
            }
            Ok(out)
        })
    }

    /// What spaced repetition needs of a member in a server: the Leitner boxes kept for them,
    /// and their answers in the rounds still running (not folded yet), in time order.
    pub async fn practice_boxes(
        &self,
        guild: u64,
        user: u64,
    ) -> Result<(Vec<Boxed>, Vec<Seen>), StoreError> {
        on!(&self.reader, |db| {
            let (guild, user) = (guild.to_string(), user.to_string());
            // Both reads see one moment: a round folding between them is read once.
            let mut tx = db.begin_read().await?;
            let rows = sqlx::query(
                "SELECT question_id, boxed, last_at FROM quiz_boxes
                 WHERE guild_id = $1 AND user_id = $2",
            )
            .bind(&guild)
            .bind(&user)
            .fetch_all(&mut *tx)
            .await?;
            let mut kept = Vec::with_capacity(rows.len());
            for row in rows {
                kept.push(Boxed {
                    question: row.try_get("question_id")?,
                    boxed: u8::try_from(row.try_get::<i64, _>("boxed")?).unwrap_or(1),
                    last: row.try_get("last_at")?,
                });
            }
            let rows = sqlx::query(concat!(
                "SELECT a.question_id AS question_id, a.correct AS correct, a.answered_at AS answered_at ",
                running_answers!(),
                " AND a.user_id = $2 ORDER BY a.answered_at, a.round_id, a.question_no"
            ))
            .bind(&guild)
            .bind(&user)
            .fetch_all(&mut *tx)
            .await?;
            let mut running = Vec::with_capacity(rows.len());
            for row in rows {
                running.push(Seen {
                    question: row.try_get("question_id")?,
                    correct: row.try_get::<i64, _>("correct")? != 0,
                    at: row.try_get("answered_at")?,
                });
            }
            tx.commit().await?;
            Ok((kept, running))
        })
    }

    /// Records a member's practice run (a round of kind 'practice', `topic` as `pack:concept`).
    pub async fn start_practice(&self, run: &Run, id: u64, now: i64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
                "INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at, kind, topic, folded)
                 VALUES ($1, $2, $3, $4, $5, 'practice', $6, 1)",
            )
            .bind(id.to_string())
            .bind(run.guild.to_string())
            .bind(run.channel.to_string())
            .bind(run.user.to_string())
            .bind(now)
            .bind(run.topic.as_deref())
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// A practice run by its id (`None`: no such run, or not a practice run).
    pub async fn practice_run(&self, id: u64) -> Result<Option<Run>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query(
                "SELECT guild_id, channel_id, starter_id, topic, ended_at FROM quiz_rounds
                 WHERE id = $1 AND kind = 'practice'",
            )
            .bind(id.to_string())
            .fetch_optional(db)
            .await?;
            let Some(row) = row else { return Ok(None) };
            Ok(Some(Run {
                guild: snowflake(&row, "guild_id")?,
                channel: snowflake(&row, "channel_id")?,
                user: snowflake(&row, "starter_id")?,
                topic: row.try_get("topic")?,
                ended: row.try_get::<Option<i64>, _>("ended_at")?.is_some(),
            }))
        })
    }

    /// Stores a practice answer (kind 'practice'); `false` when that question of the run was
    /// answered already (the first answer stays).
    pub async fn record_practice_answer(
        &self,
        run: u64,
        guild: u64,
        r: &AnswerRow,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let round = run.to_string();
            let mut tx = db.begin_write().await?;
            let done = sqlx::query(
                "INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct,
                     taken_ms, points, answered_at, picked, display_name, kind)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'practice') ON CONFLICT DO NOTHING",
            )
            .bind(&round)
            .bind(i64::from(r.question_no))
            .bind(&r.question_id)
            .bind(guild.to_string())
            .bind(r.user_id.to_string())
            .bind(i64::from(r.choice))
            .bind(i64::from(r.correct))
            .bind(i64::try_from(r.taken_ms).unwrap_or(i64::MAX))
            .bind(i64::from(r.points))
            .bind(r.answered_at)
            .bind(r.picked.map(i64::from))
            .bind(r.display_name.as_deref().filter(|n| !n.trim().is_empty()))
            .execute(&mut *tx)
            .await?;
            let stored = done.rows_affected() == 1;
            if stored {
                fold!(
                    tx,
                    &round,
                    Some((i64::from(r.question_no), r.user_id.to_string())),
                    "practice"
                );
            }
            tx.commit().await?;
            Ok(stored)
        })
    }

    /// How a server's class answered over `period` (in one channel's rounds if given): one
    /// tally per question, chosen answer and outcome, over every kind of answer. The term and
    /// all time are read from the folded tallies (plus the rounds still running); the rolling
    /// week and month from the answers in their window, a range of the server's answers by
    /// time.
    pub async fn insight_tallies(
        &self,
        guild: u64,
        period: Period,
        now: i64,
        channel: Option<u64>,
    ) -> Result<Vec<Tally>, StoreError> {
        let since = self.period_start(guild, period, now).await?;
        let totalled = TOTALLED.contains(&period.code());
        let queries: Vec<&str> = match (totalled, channel) {
            (true, _) => vec![TALLIED, RUNNING_TALLIES],
            (false, None) => vec![WINDOW_TALLIES],
            (false, Some(_)) => vec![WINDOW_TALLIES_IN],
        };
        // The reads see one moment: a round folding between them is read once.
        let out = on!(&self.reader, |db| {
            let mut tx = db.begin_read().await?;
            let mut tallies = Vec::new();
            for sql in queries {
                let query = sqlx::query(sql).bind(guild.to_string());
                let query = if sql == TALLIED {
                    query.bind(period.code())
                } else {
                    query.bind(since)
                };
                let query = if sql == WINDOW_TALLIES {
                    query
                } else {
                    query.bind(channel.map(|c| c.to_string()))
                };
                for row in query.fetch_all(&mut *tx).await? {
                    tallies.push(Tally {
                        question: row.try_get("question_id")?,
                        picked: row
                            .try_get::<Option<i64>, _>("picked")?
                            .and_then(|p| u32::try_from(p).ok()),
                        correct: row.try_get::<i64, _>("correct")? != 0,
                        count: u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0),
                    });
                }
            }
            tx.commit().await?;
            tallies
        });
        Ok(out)
    }

    /// Each member's totals per round since `since` in a server, for the gradebook: live and
    /// homework rounds (practice is the member's own and is not graded). Folded rounds count
    /// when their last answer is in the period; running rounds by their answers in it.
    pub async fn round_tallies(
        &self,
        guild: u64,
        since: i64,
    ) -> Result<Vec<RoundTally>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(concat!(
                "SELECT user_id, round_id, kind, answered, correct, points
                 FROM quiz_round_members
                 WHERE guild_id = $1 AND kind IN ('live', 'homework') AND last_at >= $2
                 UNION ALL
                 SELECT a.user_id AS user_id, a.round_id AS round_id, a.kind AS kind, ",
                answer_sums!(),
                " ",
                running_answers!(),
                " AND a.answered_at >= $2
                 GROUP BY a.user_id, a.round_id, a.kind
                 ORDER BY user_id, round_id"
            ))
            .bind(guild.to_string())
            .bind(since)
            .fetch_all(db)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let (answered, correct, points) = scored(&row)?;
                out.push(RoundTally {
                    user: snowflake(&row, "user_id")?,
                    round: parse_id("round_id", &row.try_get::<String, _>("round_id")?)?,
                    homework: row.try_get::<String, _>("kind")? == "homework",
                    answered,
                    correct,
                    points,
                });
            }
            Ok(out)
        })
    }

    /// Each member's totals for the gradebook of `period` (the term or all time) in a server,
    /// in parts: live rounds and homework as kept (one row each per member), then the rounds
    /// still running, by their answers in the period.
    pub async fn gradebook_totals(
        &self,
        guild: u64,
        period: Period,
        now: i64,
    ) -> Result<Vec<MemberTotals>, StoreError> {
        let since = self.period_start(guild, period, now).await?;
        on!(&self.reader, |db| {
            let rows = sqlx::query(concat!(
                "SELECT user_id, games AS rounds, 0 AS homework, CAST(0 AS DOUBLE PRECISION) AS score,
                        answered, correct, points
                 FROM quiz_member_totals WHERE guild_id = $1 AND period = $2
                 UNION ALL
                 SELECT user_id, 0 AS rounds, attempts AS homework, score, answered, correct, points
                 FROM quiz_homework_totals WHERE guild_id = $1 AND period = $2
                 UNION ALL
                 SELECT a.user_id AS user_id, COUNT(DISTINCT a.round_id) AS rounds, 0 AS homework,
                        CAST(0 AS DOUBLE PRECISION) AS score, ",
                answer_sums!(),
                " ",
                running_answers!(),
                " AND a.answered_at >= $3 GROUP BY a.user_id"
            ))
            .bind(guild.to_string())
            .bind(period.code())
            .bind(since)
            .fetch_all(db)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let (answered, correct, points) = scored(&row)?;
                out.push(MemberTotals {
                    user: snowflake(&row, "user_id")?,
                    rounds: count(&row, "rounds")?,
                    homework: count(&row, "homework")?,
                    homework_score: row.try_get("score")?,
                    answered,
                    correct,
                    points,
                });
            }
            Ok(out)
        })
    }

    /// A round's answers for its report, with each member's latest display name in the server.
    pub async fn report_lines(&self, round: u64) -> Result<Vec<ReportLine>, StoreError> {
        let guild: Option<String> = on!(&self.reader, |db| {
            sqlx::query_scalar("SELECT guild_id FROM quiz_rounds WHERE id = $1")
                .bind(round.to_string())
                .fetch_optional(db)
                .await?
        });
        let names = match guild {
            Some(g) => self.display_names(parse_id("guild_id", &g)?).await?,
            None => HashMap::new(),
        };
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT user_id, question_no, question_id, choice, correct, taken_ms, points, team
                 FROM quiz_answers WHERE round_id = $1 ORDER BY question_no, user_id",
            )
            .bind(round.to_string())
            .fetch_all(db)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                let user = snowflake(&row, "user_id")?;
                let number = |c: &str| -> Result<u64, sqlx::Error> {
                    Ok(u64::try_from(row.try_get::<i64, _>(c)?).unwrap_or(0))
                };
                out.push(ReportLine {
                    name: names.get(&user).cloned(),
                    user,
                    question_no: number("question_no")?,
                    question_id: row.try_get("question_id")?,
                    // A refused typed answer chose nothing (-1): no letter.
                    choice: u64::try_from(row.try_get::<i64, _>("choice")?).unwrap_or(u64::MAX),
                    correct: row.try_get::<i64, _>("correct")? != 0,
                    taken_ms: number("taken_ms")?,
                    points: number("points")?,
                    team: row
                        .try_get::<Option<i64>, _>("team")?
                        .and_then(crate::quiz::model::Team::from_code),
                });
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests;
