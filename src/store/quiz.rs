//! Quiz rounds and answers: one open round per channel, every answer stored once, and the
//! boards per period, a member's own standing and a round's report computed from the rows.

use sqlx::Row;

use std::collections::HashMap;

use super::fold::fold_round;
use super::kept::set_instant;
use super::{BeginRead, BeginWrite, Record, RowLocks, Store, StoreError, parse_id, snowflake};
use crate::quiz::model::{Access, AnswerRow, BoardLine, BoardPage, Period, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartOutcome {
    Started,
    /// The channel already has a round running.
    Busy,
    /// The server already runs as many rounds as it may.
    Full,
}

impl Store {
    /// Records a new round, unless the channel has one running.
    pub async fn start_round(
        &self,
        id: u64,
        guild: u64,
        channel: u64,
        starter: u64,
        now: i64,
    ) -> Result<StartOutcome, StoreError> {
        self.start_round_within(id, (guild, channel, starter), now, u32::MAX)
            .await
    }

    /// Records a new round, unless the channel has one running or the server already runs
    /// `max` live rounds. The limit is checked by the statement that takes the place: on
    /// SQLite its one writer orders two starts, on PostgreSQL a lock on the server (for the
    /// transaction) does, so two starts at once cannot both take the last place.
    pub async fn start_round_within(
        &self,
        id: u64,
        (guild, channel, starter): (u64, u64, u64),
        now: i64,
        max: u32,
    ) -> Result<StartOutcome, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            if db.locks_rows() {
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(guild as i64)
                    .execute(&mut *tx)
                    .await?;
            }
            let done = sqlx::query(
                "INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at)
                 SELECT $1, $2, $3, $4, $5
                 WHERE (SELECT COUNT(*) FROM quiz_rounds
                        WHERE guild_id = $2 AND ended_at IS NULL AND kind = 'live') < $6
                 ON CONFLICT DO NOTHING",
            )
            .bind(id.to_string())
            .bind(guild.to_string())
            .bind(channel.to_string())
            .bind(starter.to_string())
            .bind(now)
            .bind(i64::from(max))
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                tx.commit().await?;
                return Ok(StartOutcome::Started);
            }
            let busy: Option<i64> = sqlx::query_scalar(
                "SELECT CAST(1 AS BIGINT) FROM quiz_rounds
                 WHERE channel_id = $1 AND ended_at IS NULL AND kind = 'live'",
            )
            .bind(channel.to_string())
            .fetch_optional(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(if busy.is_some() {
                StartOutcome::Busy
            } else {
                StartOutcome::Full
            })
        })
    }

    /// Stores a question's answers in one transaction; an answer already stored is kept as it
    /// was (never counted twice).
    pub async fn record_answers(
        &self,
        round: u64,
        guild: u64,
        rows: &[AnswerRow],
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let (round, guild) = (round.to_string(), guild.to_string());
            let mut tx = db.begin_write().await?;
            for r in rows {
                insert_answer(&round, &guild, r).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Stores one answer as it is clicked, grouped with the other answers waiting at that
    /// moment (see `batch`); it is stored when this returns.
    pub async fn record_answer(
        &self,
        round: u64,
        guild: u64,
        row: AnswerRow,
    ) -> Result<(), StoreError> {
        self.answers
            .submit(super::batch::Answer {
                round: round.to_string(),
                guild: guild.to_string(),
                row,
            })
            .await
    }

    /// Ends a round and folds its answers into the boards, in one transaction.
    pub async fn end_round(&self, round: u64, outcome: &str, now: i64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let round = round.to_string();
            let mut tx = db.begin_write().await?;
            sqlx::query(
                "UPDATE quiz_rounds SET ended_at = $1, outcome = $2 WHERE id = $3 AND ended_at IS NULL",
            )
            .bind(now)
            .bind(outcome)
            .bind(&round)
            .execute(&mut *tx)
            .await?;
            fold_round!(tx, &round);
            tx.commit().await?;
            Ok(())
        })
    }

    /// Ends every round left open (after a crash), so that none stays half-open; returns their
    /// channels so a notice can be posted.
    pub async fn abandon_open_rounds(&self, now: i64) -> Result<Vec<u64>, StoreError> {
        self.abandon_open_rounds_of(now, |_, _| true).await
    }

    /// Ends the rounds left open for which `ours(round, guild)` holds (a process's own servers,
    /// rounds it is not driving); returns their channels. Each round is ended by one statement
    /// that finds it still open, so two processes never both end (and announce) the same one.
    pub async fn abandon_open_rounds_of(
        &self,
        now: i64,
        ours: impl Fn(u64, u64) -> bool + Send,
    ) -> Result<Vec<u64>, StoreError> {
        on!(&self.pool, |db| {
            let open: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT id, guild_id, channel_id FROM quiz_rounds WHERE ended_at IS NULL AND kind = 'live' ORDER BY id",
            )
            .fetch_all(db)
            .await?;
            let mut channels = Vec::new();
            for (id, guild, channel) in open {
                let round = parse_id("id", &id)?;
                if !ours(round, parse_id("guild_id", &guild)?) {
                    continue;
                }
                let mut tx = db.begin_write().await?;
                let done = sqlx::query(
                    "UPDATE quiz_rounds SET ended_at = $1, outcome = 'abandoned'
                     WHERE id = $2 AND ended_at IS NULL",
                )
                .bind(now)
                .bind(&id)
                .execute(&mut *tx)
                .await?;
                fold_round!(tx, &id);
                tx.commit().await?;
                if done.rows_affected() == 1 {
                    channels.push(parse_id("channel_id", &channel)?);
                }
            }
            Ok(channels)
        })
    }

    /// Clears a period's board for a server (the answers stay, for reports and other periods).
    pub async fn reset_board(
        &self,
        guild: u64,
        period: Period,
        now: i64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let guild = guild.to_string();
            let mut tx = db.begin_write().await?;
            set_instant!(tx, "quiz_resets", "reset_at", &guild, period.code(), now);
            // The totals kept for the period start again from nothing.
            for sql in [
                "DELETE FROM quiz_member_totals WHERE guild_id = $1 AND period = $2",
                "DELETE FROM quiz_question_tallies WHERE guild_id = $1 AND period = $2",
                "DELETE FROM quiz_homework_totals WHERE guild_id = $1 AND period = $2",
                "DELETE FROM quiz_member_questions WHERE guild_id = $1 AND period = $2",
                "DELETE FROM quiz_member_sections WHERE guild_id = $1 AND period = $2",
                // A rolling window is built again from the reset by its next read.
                "DELETE FROM quiz_window_edges WHERE guild_id = $1 AND period = $2",
            ] {
                sqlx::query(sql)
                    .bind(&guild)
                    .bind(period.code())
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// The server's board for a period by points, ranked with shared places.
    pub async fn board(
        &self,
        guild: u64,
        period: Period,
        now: i64,
    ) -> Result<Vec<BoardLine>, StoreError> {
        self.board_by(guild, period, now, Sort::Points).await
    }

    /// The server's board for a period, ranked by `sort` with shared places (then by points).
    ///
    /// Read from the kept totals (one row per member; a rolling week or month moved to the
    /// window first, [`super::windows`]), plus the answers of the rounds still running. A
    /// window whose totals cannot be moved (a clock set back) is summed from each member's
    /// totals per round played in it, a round counting when its last answer does.
    pub async fn board_by(
        &self,
        guild: u64,
        period: Period,
        now: i64,
        sort: Sort,
    ) -> Result<Vec<BoardLine>, StoreError> {
        let since = self.period_start(guild, period, now).await?;
        let kept = self.kept_since(guild, period, since).await?;
        let (folded, running) = on!(&self.reader, |db| {
            let guild = guild.to_string();
            let mut tx = db.begin_read().await?;
            let folded = if kept {
                sqlx::query(
                    "SELECT user_id, points, correct, answered, games, wins FROM quiz_member_totals
                     WHERE guild_id = $1 AND period = $2",
                )
                .bind(&guild)
                .bind(period.code())
                .fetch_all(&mut *tx)
                .await?
            } else {
                sqlx::query(
                    "SELECT user_id, CAST(SUM(points) AS BIGINT) AS points,
                            CAST(SUM(correct) AS BIGINT) AS correct,
                            CAST(SUM(answered) AS BIGINT) AS answered, COUNT(*) AS games,
                            CAST(SUM(won) AS BIGINT) AS wins
                     FROM quiz_round_members
                     WHERE guild_id = $1 AND kind = 'live' AND last_at >= $2
                     GROUP BY user_id",
                )
                .bind(&guild)
                .bind(since)
                .fetch_all(&mut *tx)
                .await?
            };
            let running = sqlx::query(
                "WITH per AS (
                     SELECT a.round_id AS round_id, a.user_id AS user_id, CAST(SUM(a.points) AS BIGINT) AS p,
                            CAST(SUM(a.correct) AS BIGINT) AS c, COUNT(*) AS n
                     FROM quiz_rounds r CROSS JOIN quiz_answers a
                     WHERE r.guild_id = $1 AND r.folded = 0 AND r.kind = 'live' AND a.round_id = r.id
                       AND a.answered_at >= $2
                     GROUP BY a.round_id, a.user_id),
                 best AS (SELECT round_id, MAX(p) AS m FROM per GROUP BY round_id)
                 SELECT per.user_id AS user_id, CAST(SUM(per.p) AS BIGINT) AS points, CAST(SUM(per.c) AS BIGINT) AS correct,
                        CAST(SUM(per.n) AS BIGINT) AS answered, COUNT(*) AS games,
                        CAST(SUM(CASE WHEN per.p = best.m AND best.m > 0 THEN 1 ELSE 0 END) AS BIGINT) AS wins
                 FROM per JOIN best ON best.round_id = per.round_id
                 GROUP BY per.user_id",
            )
            .bind(&guild)
            .bind(since)
            .fetch_all(&mut *tx)
            .await?;
            tx.commit().await?;
            (lines(&folded)?, lines(&running)?)
        });
        let mut by: HashMap<u64, BoardLine> = HashMap::with_capacity(folded.len());
        for line in folded.into_iter().chain(running) {
            let sum = by.entry(line.user_id).or_insert_with(|| BoardLine {
                user_id: line.user_id,
                ..BoardLine::default()
            });
            sum.points += line.points;
            sum.correct += line.correct;
            sum.answered += line.answered;
            sum.games += line.games;
            sum.wins += line.wins;
        }
        let mut out: Vec<BoardLine> = by.into_values().collect();
        rank(&mut out, sort);
        Ok(out)
    }
}

impl Store {
    /// The `top` lines of a server's board for a period after the first `skip` (a page),
    /// `member`'s line and how many members are on it. A board by points, with no round
    /// running in the server, is read from its kept totals through `quiz_member_totals_rank`:
    /// the page's rows, the member's row and a few counts, whatever the number of members;
    /// any other board is ranked whole.
    pub async fn board_page(
        &self,
        guild: u64,
        period: Period,
        now: i64,
        sort: Sort,
        (skip, top): (usize, usize),
        member: u64,
    ) -> Result<BoardPage, StoreError> {
        let indexed = sort == Sort::Points
            && !self.running_round(guild).await?
            && (!super::windows::windowed(period) || {
                let since = self.period_start(guild, period, now).await?;
                self.kept_since(guild, period, since).await?
            });
        if !indexed {
            let board = self.board_by(guild, period, now, sort).await?;
            return Ok(BoardPage::of(&board, (skip, top), member));
        }
        let limit = i64::try_from(top).unwrap_or(i64::MAX);
        let offset = i64::try_from(skip).unwrap_or(i64::MAX);
        let (first, mine, above, players, before) = on!(&self.reader, |db| {
            let (guild, member) = (guild.to_string(), member.to_string());
            let mut tx = db.begin_read().await?;
            // The page's rows, in the board's order: points, then the id as a number (ids are
            // decimal text without leading zeros: the shorter is the smaller).
            let first = sqlx::query(
                "SELECT user_id, points, correct, answered, games, wins FROM quiz_member_totals
                 WHERE guild_id = $1 AND period = $2
                 ORDER BY points DESC, LENGTH(user_id), user_id LIMIT $3 OFFSET $4",
            )
            .bind(&guild)
            .bind(period.code())
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *tx)
            .await?;
            let first = lines(&first)?;
            let mine = sqlx::query(
                "SELECT user_id, points, correct, answered, games, wins FROM quiz_member_totals
                 WHERE guild_id = $1 AND period = $2 AND user_id = $3",
            )
            .bind(&guild)
            .bind(period.code())
            .bind(&member)
            .fetch_all(&mut *tx)
            .await?;
            let mine = lines(&mine)?.pop();
            // How many have more points than the page's first row (its shared place) and than
            // the member.
            let page_first = first.first().filter(|_| skip > 0).map(|l| l.points);
            let mut above = [0i64; 2];
            for (n, points) in above
                .iter_mut()
                .zip([page_first, mine.as_ref().map(|m| m.points)])
            {
                if let Some(points) = points {
                    *n = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM quiz_member_totals
                         WHERE guild_id = $1 AND period = $2 AND points > $3",
                    )
                    .bind(&guild)
                    .bind(period.code())
                    .bind(i64::try_from(points).unwrap_or(i64::MAX))
                    .fetch_one(&mut *tx)
                    .await?;
                }
            }
            let [before, above] = above;
            let players: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM quiz_member_totals WHERE guild_id = $1 AND period = $2",
            )
            .bind(&guild)
            .bind(period.code())
            .fetch_one(&mut *tx)
            .await?;
            tx.commit().await?;
            (first, mine, above, players, before)
        });
        // Shared places: a row with the points of the one before it shares its place; any
        // other is placed by its position on the board.
        let mut first = first;
        let mut last: Option<(u64, u32)> = None;
        for (i, line) in first.iter_mut().enumerate() {
            line.rank = match last {
                Some((points, rank)) if points == line.points => rank,
                None => u32::try_from(before + 1).unwrap_or(u32::MAX),
                Some(_) => u32::try_from(skip + i + 1).unwrap_or(u32::MAX),
            };
            last = Some((line.points, line.rank));
        }
        Ok(BoardPage {
            top: first,
            mine: mine.map(|m| BoardLine {
                rank: u32::try_from(above + 1).unwrap_or(u32::MAX),
                ..m
            }),
            players: usize::try_from(players).unwrap_or(0),
        })
    }

    /// Whether a live round is running in the server (its answers are not folded yet).
    async fn running_round(&self, guild: u64) -> Result<bool, StoreError> {
        on!(&self.reader, |db| {
            let found: Option<i64> = sqlx::query_scalar(
                "SELECT CAST(1 AS BIGINT) FROM quiz_rounds WHERE guild_id = $1 AND folded = 0 AND kind = 'live' LIMIT 1",
            )
            .bind(guild.to_string())
            .fetch_optional(db)
            .await?;
            Ok(found.is_some())
        })
    }
}

/// Sorts board lines by `sort` (then points, then id) and gives shared places to equal keys.
fn rank(out: &mut [BoardLine], sort: Sort) {
    out.sort_by(|a, b| {
        sort.key(b)
            .cmp(&sort.key(a))
            .then(b.points.cmp(&a.points))
            .then(a.user_id.cmp(&b.user_id))
    });
    for i in 0..out.len() {
        out[i].rank = match i.checked_sub(1).map(|p| &out[p]) {
            Some(prev) if sort.key(prev) == sort.key(&out[i]) => prev.rank,
            _ => i as u32 + 1,
        };
    }
}

/// Board lines (unranked) from rows of `user_id`, `points`, `correct`, `answered`, `games` and
/// `wins`.
fn lines(rows: &[impl Record]) -> Result<Vec<BoardLine>, StoreError> {
    fn count(row: &impl Record, name: &str) -> Result<u32, sqlx::Error> {
        Ok(u32::try_from(row.value::<i64>(name)?).unwrap_or(0))
    }
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(BoardLine {
            rank: 0,
            user_id: snowflake(row, "user_id")?,
            points: u64::try_from(row.value::<i64>("points")?).unwrap_or(0),
            correct: count(row, "correct")?,
            answered: count(row, "answered")?,
            games: count(row, "games")?,
            wins: count(row, "wins")?,
        });
    }
    Ok(out)
}

impl Store {
    pub async fn quiz_access(&self, guild: u64) -> Result<Access, StoreError> {
        on!(&self.reader, |db| {
            let row: Option<(String, Option<String>)> =
                sqlx::query_as("SELECT who, role_id FROM quiz_access WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            Ok(match row {
                Some((who, _)) if who == "everyone" => Access::Everyone,
                Some((who, Some(role))) if who == "role" => {
                    Access::Role(parse_id("role_id", &role)?)
                }
                _ => Access::Moderators,
            })
        })
    }

    pub async fn set_quiz_access(&self, guild: u64, access: &Access) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let (who, role) = match access {
                Access::Everyone => ("everyone", None),
                Access::Moderators => ("moderators", None),
                Access::Role(r) => ("role", Some(r.to_string())),
            };
            sqlx::query(
                "INSERT INTO quiz_access (guild_id, who, role_id) VALUES ($1, $2, $3)
             ON CONFLICT (guild_id) DO UPDATE SET who = excluded.who, role_id = excluded.role_id",
            )
            .bind(guild.to_string())
            .bind(who)
            .bind(role)
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// The latest round a member answered in, in a server.
    pub async fn last_round_played(
        &self,
        guild: u64,
        user: u64,
    ) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let round: Option<String> = sqlx::query_scalar(
                "SELECT round_id FROM quiz_answers WHERE guild_id = $1 AND user_id = $2 AND kind = 'live'
             ORDER BY answered_at DESC, question_no DESC LIMIT 1",
            )
            .bind(guild.to_string())
            .bind(user.to_string())
            .fetch_optional(db)
            .await?;
            round.map(|r| parse_id("round_id", &r)).transpose()
        })
    }

    /// A member's answers in a round, by question.
    pub async fn answers_of(&self, round: u64, user: u64) -> Result<Vec<AnswerRow>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
            "SELECT question_no, question_id, user_id, choice, correct, taken_ms, points, answered_at, team, typed
             FROM quiz_answers WHERE round_id = $1 AND user_id = $2 ORDER BY question_no",
        )
        .bind(round.to_string())
        .bind(user.to_string())
        .fetch_all(db)
        .await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in rows {
                out.push(AnswerRow {
                    question_no: u32::try_from(row.try_get::<i64, _>("question_no")?).unwrap_or(0),
                    question_id: row.try_get("question_id")?,
                    user_id: snowflake(&row, "user_id")?,
                    choice: u32::try_from(row.try_get::<i64, _>("choice")?)
                        .unwrap_or(AnswerRow::NO_CHOICE),
                    correct: row.try_get::<i64, _>("correct")? != 0,
                    taken_ms: u64::try_from(row.try_get::<i64, _>("taken_ms")?).unwrap_or(0),
                    points: u32::try_from(row.try_get::<i64, _>("points")?).unwrap_or(0),
                    answered_at: row.try_get("answered_at")?,
                    team: row
                        .try_get::<Option<i64>, _>("team")?
                        .and_then(crate::quiz::model::Team::from_code),
                    picked: None,
                    display_name: None,
                    typed: row.try_get("typed")?,
                });
            }
            Ok(out)
        })
    }

    /// The latest round started in a channel.
    pub async fn last_round(&self, channel: u64) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let round: Option<String> = sqlx::query_scalar(
            "SELECT id FROM quiz_rounds WHERE channel_id = $1 AND kind = 'live' ORDER BY started_at DESC, rowid DESC LIMIT 1",
        )
        .bind(channel.to_string())
        .fetch_optional(db)
        .await?;
            round.map(|r| parse_id("id", &r)).transpose()
        })
    }
}

#[cfg(test)]
mod tests;

/// The statement that stores one answer (an answer already stored is kept as it was).
pub(super) fn insert_answer<'q, DB>(
    round: &'q String,
    guild: &'q String,
    r: &'q AnswerRow,
) -> sqlx::query::Query<'q, DB, DB::Arguments<'q>>
where
    DB: sqlx::Database,
    String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<i64>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q str>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    // A typed answer that was not accepted chose nothing: -1.
    let choice = match r.choice {
        AnswerRow::NO_CHOICE => -1,
        c => i64::from(c),
    };
    sqlx::query(
        "INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at, team, picked, display_name, typed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING",
    )
    .bind(round)
    .bind(i64::from(r.question_no))
    .bind(&r.question_id)
    .bind(guild)
    .bind(r.user_id.to_string())
    .bind(choice)
    .bind(i64::from(r.correct))
    .bind(i64::try_from(r.taken_ms).unwrap_or(i64::MAX))
    .bind(i64::from(r.points))
    .bind(r.answered_at)
    .bind(r.team.map(crate::quiz::model::Team::code))
    .bind(r.picked.map(i64::from))
    .bind(r.display_name.as_deref().filter(|n| !n.trim().is_empty()))
    .bind(r.typed.as_deref())
}
