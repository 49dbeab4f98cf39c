//! Homework: assignments (their questions fixed when assigned), members' attempts (a quiz
//! round of kind 'homework' each, one per member and assignment) and their answers (kind
//! 'homework'). Closing is a compare-and-set, so two processes never both close (and
//! announce) the same assignment; an answer is stored only while its assignment is open and
//! only for the question the attempt is at.

use super::fold::fold;
use super::{BeginWrite, Record, RowLocks, Store, StoreError, snowflake, snowflake_opt};
use crate::pack::Lang;
use crate::quiz::homework::model::{Assignment, AttemptRow, Picked, Progress};
use crate::quiz::homework::model::{Attempted, Given};
use crate::quiz::model::AnswerRow;

fn assignment(row: &impl Record) -> Result<Assignment, StoreError> {
    let lang: String = row.value("lang")?;
    let questions: String = row.value("questions")?;
    let corrupt = |column: &'static str, value: &str| StoreError::Corrupt {
        column,
        value: value.to_string(),
    };
    let picked: Vec<Picked> =
        serde_json::from_str(&questions).map_err(|_| corrupt("questions", &questions))?;
    Ok(Assignment {
        id: snowflake(row, "id")?,
        guild: snowflake(row, "guild_id")?,
        number: u32::try_from(row.value::<i64>("number")?).unwrap_or(0),
        channel: snowflake(row, "channel_id")?,
        message: snowflake_opt(row, "message_id")?,
        teacher: snowflake(row, "teacher_id")?,
        lang: Lang::parse(&lang).ok_or_else(|| corrupt("lang", &lang))?,
        pack: row.value("pack")?,
        questions: picked,
        time_limit: row
            .value::<Option<i64>>("time_limit")?
            .and_then(|l| u32::try_from(l).ok()),
        created_at: row.value("created_at")?,
        due_at: row.value("due_at")?,
        zone: row.value("zone")?,
        closed_at: row.value("closed_at")?,
        closed_by: snowflake_opt(row, "closed_by")?,
        ping_role: snowflake_opt(row, "ping_role")?,
        flat: row.value::<String>("scoring")? != "speed",
        bilingual: row.value::<i64>("bilingual")? != 0,
    })
}

fn attempt(row: &impl Record) -> Result<AttemptRow, StoreError> {
    Ok(AttemptRow {
        round: snowflake(row, "round_id")?,
        user: snowflake(row, "user_id")?,
        progress: Progress {
            next: u32::try_from(row.value::<i64>("next_no")?).unwrap_or(0),
            shown_at: row.value("shown_at")?,
            finished: row.value::<Option<i64>>("finished_at")?.is_some(),
        },
        started_at: row.value("started_at")?,
    })
}

/// An assignment still open at `$2` for member `$3` ($1: its id): not closed, and before the
/// class's due time or the member's own.
const OPEN: &str = "EXISTS (SELECT 1 FROM homework WHERE id = $1 AND closed_at IS NULL
    AND (due_at > $2 OR EXISTS (SELECT 1 FROM homework_extensions e
        WHERE e.homework_id = $1 AND e.user_id = $3 AND e.due_at > $2)))";

/// No member of assignment `homework.id` has more time past `$1`.
const NOBODY_LATER: &str = "NOT EXISTS (SELECT 1 FROM homework_extensions e
    WHERE e.homework_id = homework.id AND e.due_at > $1)";

impl Store {
    /// Stores a new assignment under the server's next number, and returns that number.
    pub async fn create_homework(
        &self,
        a: &Assignment,
        max_open: u32,
    ) -> Result<Option<u32>, StoreError> {
        let questions = serde_json::to_string(&a.questions).unwrap_or_else(|_| "[]".into());
        // Two teachers of one server assigning at the same instant may draw the same number:
        // the unique index refuses the second, which takes the next one.
        let mut tries = 0;
        loop {
            tries += 1;
            // The limit is checked in the statement that takes a place under it: two teachers
            // racing for the last place draw the same number, and the unique index sends the
            // second back here to count again.
            let stored: Result<Option<i64>, sqlx::Error> = on!(&self.pool, |db| {
                sqlx::query_scalar(
                    "INSERT INTO homework (id, guild_id, number, channel_id, message_id, teacher_id, lang, pack,
                         questions, time_limit, created_at, due_at, zone, ping_role, scoring, bilingual)
                     SELECT $1, $2, COALESCE(MAX(number), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15, $16
                     FROM homework WHERE guild_id = $2
                     HAVING (SELECT COUNT(*) FROM homework WHERE guild_id = $2 AND closed_at IS NULL) < $13
                     RETURNING number",
                )
                .bind(a.id.to_string())
                .bind(a.guild.to_string())
                .bind(a.channel.to_string())
                .bind(a.message.map(|m| m.to_string()))
                .bind(a.teacher.to_string())
                .bind(a.lang.code())
                .bind(&a.pack)
                .bind(&questions)
                .bind(a.time_limit.map(i64::from))
                .bind(a.created_at)
                .bind(a.due_at)
                .bind(&a.zone)
                .bind(i64::from(max_open))
                .bind(a.ping_role.map(|r| r.to_string()))
                .bind(if a.flat { "flat" } else { "speed" })
                .bind(i64::from(a.bilingual))
                .fetch_optional(db)
                .await
            });
            match stored {
                Ok(n) => return Ok(n.map(|n| u32::try_from(n).unwrap_or(0))),
                Err(sqlx::Error::Database(e)) if tries < 8 && e.is_unique_violation() => continue,
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Forgets an assignment whose message could not be posted.
    pub async fn drop_homework(&self, id: u64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("DELETE FROM homework WHERE id = $1")
                .bind(id.to_string())
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// Remembers the assignment's message, to edit when it closes.
    pub async fn set_homework_message(&self, id: u64, message: u64) -> Result<(), StoreError> {
        self.set_homework_id(
            "UPDATE homework SET message_id = $2 WHERE id = $1",
            id,
            message,
        )
        .await
    }

    /// Runs `sql`, which sets an id column (`$2`) of assignment `$1`.
    async fn set_homework_id(
        &self,
        sql: &'static str,
        id: u64,
        value: u64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(sql)
                .bind(id.to_string())
                .bind(value.to_string())
                .execute(db)
                .await?;
            Ok(())
        })
    }

    pub async fn homework(&self, id: u64) -> Result<Option<Assignment>, StoreError> {
        on!(&self.pool, |db| {
            let row = sqlx::query("SELECT * FROM homework WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(db)
                .await?;
            row.as_ref().map(assignment).transpose()
        })
    }

    /// A server's assignment by its number.
    pub async fn homework_numbered(
        &self,
        guild: u64,
        number: u32,
    ) -> Result<Option<Assignment>, StoreError> {
        on!(&self.pool, |db| {
            let row = sqlx::query("SELECT * FROM homework WHERE guild_id = $1 AND number = $2")
                .bind(guild.to_string())
                .bind(i64::from(number))
                .fetch_optional(db)
                .await?;
            row.as_ref().map(assignment).transpose()
        })
    }

    /// A server's assignments, newest first.
    pub async fn homeworks(&self, guild: u64, limit: u32) -> Result<Vec<Assignment>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
                "SELECT * FROM homework WHERE guild_id = $1 ORDER BY number DESC LIMIT $2",
            )
            .bind(guild.to_string())
            .bind(i64::from(limit))
            .fetch_all(db)
            .await?;
            rows.iter().map(assignment).collect()
        })
    }

    /// Open assignments whose due time has come at `now`.
    /// Closed assignments whose summary Discord has not accepted yet, closed since `since`
    /// (a few at a time, the oldest first).
    pub async fn pending_summaries(&self, since: i64) -> Result<Vec<Assignment>, StoreError> {
        on!(&self.pool, |db| {
            let rows = sqlx::query(
                "SELECT * FROM homework WHERE closed_at IS NOT NULL AND summary_message IS NULL
                 AND closed_at >= $1 ORDER BY closed_at LIMIT 50",
            )
            .bind(since)
            .fetch_all(db)
            .await?;
            rows.iter().map(assignment).collect()
        })
    }

    /// Remembers that Discord accepted the assignment's summary as `message` (`0`: nothing
    /// left to try).
    pub async fn homework_summary_sent(&self, id: u64, message: u64) -> Result<(), StoreError> {
        self.set_homework_id(
            "UPDATE homework SET summary_message = $2 WHERE id = $1",
            id,
            message,
        )
        .await
    }

    /// Open assignments whose due time has passed for the class and for every member given
    /// more time.
    pub async fn due_homework(&self, now: i64) -> Result<Vec<Assignment>, StoreError> {
        on!(&self.pool, |db| {
            let rows = sqlx::query(&format!(
                "SELECT * FROM homework WHERE closed_at IS NULL AND due_at <= $1 AND {NOBODY_LATER}
                 ORDER BY due_at"
            ))
            .bind(now)
            .fetch_all(db)
            .await?;
            rows.iter().map(assignment).collect()
        })
    }

    /// Open assignments due within a day of `now` whose channel has not had the reminder due
    /// now (a day before, then an hour before): each with the reminder it wants (1: the day's,
    /// 2: the hour's).
    pub async fn homework_to_remind(&self, now: i64) -> Result<Vec<(Assignment, u8)>, StoreError> {
        on!(&self.pool, |db| {
            let rows = sqlx::query(
                "SELECT * FROM homework WHERE closed_at IS NULL AND due_at > $1
                 AND due_at <= $1 + 86400
                 AND reminded < CASE WHEN due_at <= $1 + 3600 THEN 2 ELSE 1 END
                 ORDER BY due_at",
            )
            .bind(now)
            .fetch_all(db)
            .await?;
            rows.iter()
                .map(|r| {
                    let a = assignment(r)?;
                    let wanted = if a.due_at - now <= 3600 { 2 } else { 1 };
                    Ok((a, wanted))
                })
                .collect()
        })
    }

    /// Claims reminder `level` of an open assignment: `true` for the one process (and the one
    /// sweep) that is to post it.
    pub async fn claim_reminder(&self, id: u64, level: u8) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE homework SET reminded = $2 WHERE id = $1 AND reminded < $2 AND closed_at IS NULL",
            )
            .bind(id.to_string())
            .bind(i64::from(level))
            .execute(db)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }

    /// Closes an assignment (`by`: the teacher closing it early) and ends its unfinished
    /// attempts; `false` when it was already closed, so only one closer announces it.
    pub async fn close_homework(
        &self,
        id: u64,
        now: i64,
        by: Option<u64>,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let done = sqlx::query(&format!(
                // An on-time close (`by` none) re-checks the due times as they stand now: an
                // extension (the class's or a member's) committed since the sweep read the
                // assignment keeps it open.
                "UPDATE homework SET closed_at = $1, closed_by = $2
                 WHERE id = $3 AND closed_at IS NULL
                 AND ($2 IS NOT NULL OR (due_at <= $1 AND {NOBODY_LATER}))"
            ))
            .bind(now)
            .bind(by.map(|b| b.to_string()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            sqlx::query(
                "UPDATE quiz_rounds SET ended_at = $1, outcome = 'unfinished'
                 WHERE kind = 'homework' AND ended_at IS NULL AND id IN (
                     SELECT round_id FROM homework_attempts WHERE homework_id = $2 AND finished_at IS NULL)",
            )
            .bind(now)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Ends attempts of closed assignments that are still open (one begun as its assignment
    /// closed); returns how many.
    pub async fn end_stray_attempts(&self, now: i64) -> Result<u64, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE quiz_rounds SET ended_at = $1, outcome = 'unfinished'
                 WHERE kind = 'homework' AND ended_at IS NULL AND id IN (
                     SELECT t.round_id FROM homework_attempts t JOIN homework h ON h.id = t.homework_id
                     WHERE h.closed_at IS NOT NULL AND t.finished_at IS NULL)",
            )
            .bind(now)
            .execute(db)
            .await?;
            Ok(done.rows_affected())
        })
    }

    /// Moves an open assignment's due time; `false` when it is closed.
    pub async fn extend_homework(&self, id: u64, due: i64) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done =
                // A new due time earns its reminders again.
                sqlx::query("UPDATE homework SET due_at = $1, reminded = 0 WHERE id = $2 AND closed_at IS NULL")
                    .bind(due)
                    .bind(id.to_string())
                    .execute(db)
                    .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Gives `user` until `due` on an open assignment (their own due time, replacing one given
    /// before); `false` when it is closed.
    pub async fn extend_member(
        &self,
        (homework, user): (u64, u64),
        due: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "INSERT INTO homework_extensions (homework_id, user_id, due_at, set_at)
                 SELECT $1, $2, $3, $4 WHERE EXISTS (
                     SELECT 1 FROM homework WHERE id = $1 AND closed_at IS NULL)
                 ON CONFLICT (homework_id, user_id)
                 DO UPDATE SET due_at = excluded.due_at, set_at = excluded.set_at",
            )
            .bind(homework.to_string())
            .bind(user.to_string())
            .bind(due)
            .bind(now)
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// What a teacher gave `user` on assignment `a`, in one read: the percent of its time
    /// limit (100: none extra) and their own due time, if any.
    pub async fn member_terms(
        &self,
        a: &Assignment,
        user: u64,
    ) -> Result<(u32, Option<i64>), StoreError> {
        on!(&self.reader, |db| {
            let (percent, due): (Option<i64>, Option<i64>) = sqlx::query_as(
                "SELECT
                   (SELECT percent FROM quiz_member_time WHERE guild_id = $1 AND user_id = $3),
                   (SELECT due_at FROM homework_extensions WHERE homework_id = $2 AND user_id = $3)",
            )
            .bind(a.guild.to_string())
            .bind(a.id.to_string())
            .bind(user.to_string())
            .fetch_one(db)
            .await?;
            let percent = percent.and_then(|p| u32::try_from(p).ok()).unwrap_or(100);
            Ok((percent, due))
        })
    }

    /// How many members of an assignment have more time than the class past `now`.
    pub async fn members_with_more_time(&self, homework: u64, now: i64) -> Result<u32, StoreError> {
        on!(&self.reader, |db| {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM homework_extensions WHERE homework_id = $1 AND due_at > $2",
            )
            .bind(homework.to_string())
            .bind(now)
            .fetch_one(db)
            .await?;
            Ok(u32::try_from(n).unwrap_or(0))
        })
    }

    /// A member's attempt at an assignment.
    pub async fn homework_attempt(
        &self,
        homework: u64,
        user: u64,
    ) -> Result<Option<AttemptRow>, StoreError> {
        on!(&self.pool, |db| {
            let row = sqlx::query(
                "SELECT * FROM homework_attempts WHERE homework_id = $1 AND user_id = $2",
            )
            .bind(homework.to_string())
            .bind(user.to_string())
            .fetch_optional(db)
            .await?;
            row.as_ref().map(attempt).transpose()
        })
    }

    /// Begins a member's attempt (round `round`, kind 'homework', question 1 shown at `now`);
    /// `false` when they have one already or the assignment is closed.
    pub async fn begin_attempt(
        &self,
        a: &Assignment,
        round: u64,
        user: u64,
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let (hw, round, user) = (a.id.to_string(), round.to_string(), user.to_string());
            let mut tx = db.begin_write().await?;
            if db.locks_rows() {
                // The assignment as it stands: a close or an extension waits for this write,
                // or this write sees it.
                sqlx::query("SELECT 1 FROM homework WHERE id = $1 FOR SHARE")
                    .bind(a.id.to_string())
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(
                "INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at, kind, folded)
                 VALUES ($1, $2, $3, $4, $5, 'homework', 1) ON CONFLICT DO NOTHING",
            )
            .bind(&round)
            .bind(a.guild.to_string())
            .bind(a.channel.to_string())
            .bind(&user)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let begun = sqlx::query(&format!(
                "INSERT INTO homework_attempts (homework_id, user_id, round_id, next_no, shown_at, started_at)
                 SELECT $1, $3, $4, 1, $2, $2 WHERE {OPEN}
                 ON CONFLICT (homework_id, user_id) DO NOTHING"
            ))
            .bind(&hw)
            .bind(now)
            .bind(&user)
            .bind(&round)
            .execute(&mut *tx)
            .await?;
            if begun.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Moves a member's attempt past question `number` at `now`, storing their answer (kind
    /// 'homework', with the name they are shown under) if it came in time, and ending the
    /// attempt after the last question. `false` (nothing stored) when the attempt is not at that
    /// question or the assignment is closed.
    #[allow(clippy::too_many_arguments)]
    pub async fn advance_attempt(
        &self,
        a: &Assignment,
        user: u64,
        number: u32,
        answer: Option<&AnswerRow>,
        name: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let total = a.questions.len() as i64;
        on!(&self.pool, |db| {
            let (hw, who) = (a.id.to_string(), user.to_string());
            let mut tx = db.begin_write().await?;
            if db.locks_rows() {
                // The assignment as it stands: a close or an extension waits for this write,
                // or this write sees it.
                sqlx::query("SELECT 1 FROM homework WHERE id = $1 FOR SHARE")
                    .bind(a.id.to_string())
                    .execute(&mut *tx)
                    .await?;
            }
            let round: Option<String> = sqlx::query_scalar(&format!(
                "UPDATE homework_attempts
                 SET next_no = next_no + 1, shown_at = $2,
                     finished_at = CASE WHEN next_no + 1 > $5 THEN $2 ELSE NULL END
                 WHERE homework_id = $1 AND user_id = $3 AND next_no = $4 AND finished_at IS NULL
                   AND {OPEN}
                 RETURNING round_id"
            ))
            .bind(&hw)
            .bind(now)
            .bind(&who)
            .bind(i64::from(number))
            .bind(total)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(round) = round else {
                tx.rollback().await?;
                return Ok(false);
            };
            if let Some(r) = answer {
                let stored = sqlx::query(
                    "INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice,
                         correct, taken_ms, points, answered_at, kind, display_name, picked)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'homework', $11, $12)
                     ON CONFLICT DO NOTHING",
                )
                .bind(&round)
                .bind(i64::from(r.question_no))
                .bind(&r.question_id)
                .bind(a.guild.to_string())
                .bind(&who)
                .bind(i64::from(r.choice))
                .bind(i64::from(r.correct))
                .bind(i64::try_from(r.taken_ms).unwrap_or(i64::MAX))
                .bind(i64::from(r.points))
                .bind(r.answered_at)
                .bind((!name.is_empty()).then_some(name))
                .bind(r.picked.map(i64::from))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                if stored {
                    fold!(
                        tx,
                        &round,
                        Some((i64::from(r.question_no), who.clone())),
                        "homework"
                    );
                }
            }
            if i64::from(number) >= total {
                sqlx::query(
                    "UPDATE quiz_rounds SET ended_at = $1, outcome = 'finished' WHERE id = $2 AND ended_at IS NULL",
                )
                .bind(now)
                .bind(&round)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Every attempt at an assignment.
    pub async fn attempts_at(&self, homework: u64) -> Result<Vec<Attempted>, StoreError> {
        on!(&self.pool, |db| {
            let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
                "SELECT user_id, finished_at FROM homework_attempts WHERE homework_id = $1 ORDER BY user_id",
            )
            .bind(homework.to_string())
            .fetch_all(db)
            .await?;
            rows.into_iter()
                .map(|(user, finished)| {
                    Ok(Attempted {
                        user: super::parse_id("user_id", &user)?,
                        finished: finished.is_some(),
                    })
                })
                .collect()
        })
    }

    /// Every answer given in time at an assignment.
    pub async fn homework_answers(&self, homework: u64) -> Result<Vec<Given>, StoreError> {
        on!(&self.pool, |db| {
            let rows: Vec<(String, i64, i64, i64)> = sqlx::query_as(
                "SELECT a.user_id, a.question_no, a.choice, a.correct
                 FROM quiz_answers a JOIN homework_attempts t ON t.round_id = a.round_id
                 WHERE t.homework_id = $1 ORDER BY a.user_id, a.question_no",
            )
            .bind(homework.to_string())
            .fetch_all(db)
            .await?;
            rows.into_iter()
                .map(|(user, number, choice, correct)| {
                    Ok(Given {
                        user: super::parse_id("user_id", &user)?,
                        number: u32::try_from(number).unwrap_or(0),
                        choice: u32::try_from(choice).unwrap_or(u32::MAX),
                        correct: correct != 0,
                    })
                })
                .collect()
        })
    }

    /// How many of a member's answers in an attempt were right.
    pub async fn attempt_score(&self, round: u64) -> Result<u32, StoreError> {
        on!(&self.pool, |db| {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM quiz_answers WHERE round_id = $1 AND correct = 1",
            )
            .bind(round.to_string())
            .fetch_one(db)
            .await?;
            Ok(u32::try_from(n).unwrap_or(0))
        })
    }
}

#[cfg(test)]
mod tests;
