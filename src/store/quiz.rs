//! Quiz rounds and answers: one open round per channel, every answer stored once, and the
//! boards per period, a member's own standing and a round's report computed from the rows.

use sqlx::Row;

use super::{Store, StoreError};

/// A leaderboard period. Week and month are rolling (7 and 30 days); a term runs from the
/// last time a teacher reset it; all is everything. A reset of any period counts from then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Term,
    All,
}

impl Period {
    pub fn code(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Term => "term",
            Period::All => "all",
        }
    }
    pub fn parse(s: &str) -> Option<Period> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" | "minggu" => Some(Period::Week),
            "month" | "bulan" => Some(Period::Month),
            "term" | "semester" => Some(Period::Term),
            "all" | "semua" => Some(Period::All),
            _ => None,
        }
    }
    fn window(self, now: i64) -> i64 {
        match self {
            Period::Week => now - 7 * 86_400,
            Period::Month => now - 30 * 86_400,
            Period::Term | Period::All => i64::MIN,
        }
    }
}

/// One stored answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub question_no: u32,
    pub question_id: String,
    pub user_id: String,
    pub choice: u32,
    pub correct: bool,
    pub taken_ms: u64,
    pub points: u32,
    pub answered_at: i64,
}

/// A member's line on a board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardLine {
    pub rank: u32,
    pub user_id: String,
    pub points: u64,
    pub correct: u32,
    pub answered: u32,
    /// Rounds played in the period.
    pub games: u32,
    /// Rounds in which the member had the most points (shared wins count).
    pub wins: u32,
}

/// What a board is ranked by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Points,
    Accuracy,
    Wins,
    Games,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        match s.trim().to_lowercase().as_str() {
            "points" | "total" | "poin" => Some(Sort::Points),
            "accuracy" | "avg" | "ketepatan" => Some(Sort::Accuracy),
            "wins" | "menang" => Some(Sort::Wins),
            "games" | "rounds" | "ronde" => Some(Sort::Games),
            _ => None,
        }
    }
    fn key(self, l: &BoardLine) -> u64 {
        match self {
            Sort::Points => l.points,
            Sort::Accuracy => u64::from(l.accuracy()),
            Sort::Wins => u64::from(l.wins),
            Sort::Games => u64::from(l.games),
        }
    }
}

impl BoardLine {
    /// Correct answers as a share of answers given, in percent.
    pub fn accuracy(&self) -> u32 {
        (self.correct * 100).checked_div(self.answered).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartOutcome {
    Started,
    /// The channel already has a round running.
    Busy,
}

impl Store {
    /// Records a new round, unless the channel has one running.
    pub async fn start_round(
        &self,
        id: &str,
        guild: &str,
        channel: &str,
        starter: &str,
        now: i64,
    ) -> Result<StartOutcome, StoreError> {
        let done = sqlx::query(
            "INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(guild)
        .bind(channel)
        .bind(starter)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(if done.rows_affected() == 1 {
            StartOutcome::Started
        } else {
            StartOutcome::Busy
        })
    }

    /// Stores a question's answers in one transaction; an answer already stored is kept as it
    /// was (never counted twice).
    pub async fn record_answers(
        &self,
        round: &str,
        guild: &str,
        rows: &[AnswerRow],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for r in rows {
            sqlx::query(
                "INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(round)
            .bind(i64::from(r.question_no))
            .bind(&r.question_id)
            .bind(guild)
            .bind(&r.user_id)
            .bind(i64::from(r.choice))
            .bind(r.correct)
            .bind(i64::try_from(r.taken_ms).unwrap_or(i64::MAX))
            .bind(i64::from(r.points))
            .bind(r.answered_at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn end_round(&self, round: &str, outcome: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE quiz_rounds SET ended_at = ?, outcome = ? WHERE id = ? AND ended_at IS NULL",
        )
        .bind(now)
        .bind(outcome)
        .bind(round)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends every round left open (after a crash), so that none stays half-open; returns their
    /// channels so a notice can be posted.
    pub async fn abandon_open_rounds(&self, now: i64) -> Result<Vec<String>, StoreError> {
        let channels: Vec<String> =
            sqlx::query_scalar("SELECT channel_id FROM quiz_rounds WHERE ended_at IS NULL")
                .fetch_all(&self.pool)
                .await?;
        sqlx::query(
            "UPDATE quiz_rounds SET ended_at = ?, outcome = 'abandoned' WHERE ended_at IS NULL",
        )
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(channels)
    }

    /// Clears a period's board for a server (the answers stay, for reports and other periods).
    pub async fn reset_board(
        &self,
        guild: &str,
        period: Period,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO quiz_resets (guild_id, period, reset_at) VALUES (?, ?, ?)
             ON CONFLICT (guild_id, period) DO UPDATE SET reset_at = excluded.reset_at",
        )
        .bind(guild)
        .bind(period.code())
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The server's board for a period by points, ranked with shared places.
    pub async fn board(
        &self,
        guild: &str,
        period: Period,
        now: i64,
    ) -> Result<Vec<BoardLine>, StoreError> {
        self.board_by(guild, period, now, Sort::Points).await
    }

    /// The server's board for a period, ranked by `sort` with shared places (then by points).
    pub async fn board_by(
        &self,
        guild: &str,
        period: Period,
        now: i64,
        sort: Sort,
    ) -> Result<Vec<BoardLine>, StoreError> {
        let reset: Option<i64> = sqlx::query_scalar(
            "SELECT reset_at FROM quiz_resets WHERE guild_id = ? AND period = ?",
        )
        .bind(guild)
        .bind(period.code())
        .fetch_optional(&self.pool)
        .await?;
        let since = period.window(now).max(reset.unwrap_or(i64::MIN));
        let rows = sqlx::query(
            "WITH per AS (
                 SELECT round_id, user_id, SUM(points) AS p, SUM(correct) AS c, COUNT(*) AS n
                 FROM quiz_answers WHERE guild_id = ? AND answered_at >= ?
                 GROUP BY round_id, user_id),
             best AS (SELECT round_id, MAX(p) AS m FROM per GROUP BY round_id)
             SELECT per.user_id AS user_id, SUM(per.p) AS points, SUM(per.c) AS correct,
                    SUM(per.n) AS answered, COUNT(*) AS games,
                    SUM(CASE WHEN per.p = best.m AND best.m > 0 THEN 1 ELSE 0 END) AS wins
             FROM per JOIN best ON best.round_id = per.round_id
             GROUP BY per.user_id",
        )
        .bind(guild)
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        let count = |row: &sqlx::sqlite::SqliteRow, name: &str| -> Result<u32, sqlx::Error> {
            Ok(u32::try_from(row.try_get::<i64, _>(name)?).unwrap_or(0))
        };
        let mut out: Vec<BoardLine> = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(BoardLine {
                rank: 0,
                user_id: row.try_get("user_id")?,
                points: u64::try_from(row.try_get::<i64, _>("points")?).unwrap_or(0),
                correct: count(row, "correct")?,
                answered: count(row, "answered")?,
                games: count(row, "games")?,
                wins: count(row, "wins")?,
            });
        }
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
        Ok(out)
    }

    /// A round's answers as CSV: member, question, answer, time, points per row.
    pub async fn report_csv(&self, round: &str) -> Result<String, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id, question_no, question_id, choice, correct, taken_ms, points
             FROM quiz_answers WHERE round_id = ? ORDER BY question_no, user_id",
        )
        .bind(round)
        .fetch_all(&self.pool)
        .await?;
        let mut csv = String::from("member,question,question_id,answer,correct,time_ms,points\n");
        for row in rows {
            let choice: i64 = row.try_get("choice")?;
            let letter = u8::try_from(choice)
                .ok()
                .filter(|c| *c < 26)
                .map(|c| char::from(b'A' + c))
                .unwrap_or('?');
            csv.push_str(&format!(
                "{},{},{},{},{},{},{}\n",
                field(&row.try_get::<String, _>("user_id")?),
                row.try_get::<i64, _>("question_no")?,
                field(&row.try_get::<String, _>("question_id")?),
                letter,
                if row.try_get::<bool, _>("correct")? {
                    "yes"
                } else {
                    "no"
                },
                row.try_get::<i64, _>("taken_ms")?,
                row.try_get::<i64, _>("points")?,
            ));
        }
        Ok(csv)
    }
}

/// Who may start, run and reset quiz rounds in a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Everyone,
    /// Members with Manage Messages (the default).
    Moderators,
    /// Moderators and the members of this role.
    Role(String),
}

impl Store {
    pub async fn quiz_access(&self, guild: &str) -> Result<Access, StoreError> {
        let row: Option<(String, Option<String>)> =
            sqlx::query_as("SELECT who, role_id FROM quiz_access WHERE guild_id = ?")
                .bind(guild)
                .fetch_optional(&self.pool)
                .await?;
        Ok(match row {
            Some((who, _)) if who == "everyone" => Access::Everyone,
            Some((who, Some(role))) if who == "role" => Access::Role(role),
            _ => Access::Moderators,
        })
    }

    pub async fn set_quiz_access(&self, guild: &str, access: &Access) -> Result<(), StoreError> {
        let (who, role) = match access {
            Access::Everyone => ("everyone", None),
            Access::Moderators => ("moderators", None),
            Access::Role(r) => ("role", Some(r.as_str())),
        };
        sqlx::query(
            "INSERT INTO quiz_access (guild_id, who, role_id) VALUES (?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET who = excluded.who, role_id = excluded.role_id",
        )
        .bind(guild)
        .bind(who)
        .bind(role)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The latest round a member answered in, in a server.
    pub async fn last_round_played(
        &self,
        guild: &str,
        user: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT round_id FROM quiz_answers WHERE guild_id = ? AND user_id = ?
             ORDER BY answered_at DESC, question_no DESC LIMIT 1",
        )
        .bind(guild)
        .bind(user)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// A member's answers in a round, by question.
    pub async fn answers_of(&self, round: &str, user: &str) -> Result<Vec<AnswerRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT question_no, question_id, user_id, choice, correct, taken_ms, points, answered_at
             FROM quiz_answers WHERE round_id = ? AND user_id = ? ORDER BY question_no",
        )
        .bind(round)
        .bind(user)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            out.push(AnswerRow {
                question_no: u32::try_from(row.try_get::<i64, _>("question_no")?).unwrap_or(0),
                question_id: row.try_get("question_id")?,
                user_id: row.try_get("user_id")?,
                choice: u32::try_from(row.try_get::<i64, _>("choice")?).unwrap_or(0),
                correct: row.try_get("correct")?,
                taken_ms: u64::try_from(row.try_get::<i64, _>("taken_ms")?).unwrap_or(0),
                points: u32::try_from(row.try_get::<i64, _>("points")?).unwrap_or(0),
                answered_at: row.try_get("answered_at")?,
            });
        }
        Ok(out)
    }

    /// The latest round started in a channel.
    pub async fn last_round(&self, channel: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM quiz_rounds WHERE channel_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1",
        )
        .bind(channel)
        .fetch_optional(&self.pool)
        .await?)
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(q: u32, user: &str, correct: bool, points: u32, at: i64) -> AnswerRow {
        AnswerRow {
            question_no: q,
            question_id: format!("q{q}"),
            user_id: user.into(),
            choice: if correct { 0 } else { 1 },
            correct,
            taken_ms: 1500,
            points,
            answered_at: at,
        }
    }

    #[tokio::test]
    async fn one_round_per_channel_and_no_answer_counted_twice() {
        let s = Store::in_memory().await.unwrap();
        assert_eq!(
            s.start_round("r1", "g", "c", "t", 0).await.unwrap(),
            StartOutcome::Started
        );
        assert_eq!(
            s.start_round("r2", "g", "c", "t", 0).await.unwrap(),
            StartOutcome::Busy
        );
        let rows = vec![row(1, "a", true, 900, 10), row(1, "b", false, 0, 10)];
        s.record_answers("r1", "g", &rows).await.unwrap();
        s.record_answers("r1", "g", &rows).await.unwrap();
        let board = s.board("g", Period::All, 100).await.unwrap();
        assert_eq!(board.len(), 2);
        assert_eq!(board[0].points, 900);
        assert_eq!(board[0].accuracy(), 100);
        s.end_round("r1", "finished", 20).await.unwrap();
        assert_eq!(
            s.start_round("r2", "g", "c", "t", 30).await.unwrap(),
            StartOutcome::Started
        );
        assert_eq!(
            s.abandon_open_rounds(40).await.unwrap(),
            vec!["c".to_string()]
        );
    }

    #[tokio::test]
    async fn boards_per_period_share_ranks_and_resets_count_from_then() {
        let s = Store::in_memory().await.unwrap();
        s.start_round("r", "g", "c", "t", 0).await.unwrap();
        let day = 86_400;
        let now = 100 * day;
        s.record_answers(
            "r",
            "g",
            &[
                row(1, "a", true, 500, now - 40 * day),
                row(1, "b", true, 800, now - 10 * day),
                row(2, "a", true, 300, now - day),
                row(2, "b", true, 300, now - day),
                row(3, "c", true, 300, now - day),
            ],
        )
        .await
        .unwrap();
        let week = s.board("g", Period::Week, now).await.unwrap();
        assert_eq!(
            week.iter().map(|l| (l.rank, l.points)).collect::<Vec<_>>(),
            vec![(1, 300), (1, 300), (1, 300)]
        );
        let month = s.board("g", Period::Month, now).await.unwrap();
        assert_eq!(month[0].user_id, "b");
        assert_eq!(month[0].points, 1100);
        let all = s.board("g", Period::All, now).await.unwrap();
        assert_eq!(
            all.iter().map(|l| (l.rank, l.points)).collect::<Vec<_>>(),
            vec![(1, 1100), (2, 800), (3, 300)]
        );
        s.reset_board("g", Period::Term, now - day / 2)
            .await
            .unwrap();
        assert!(s.board("g", Period::Term, now).await.unwrap().is_empty());
        assert_eq!(s.board("g", Period::All, now).await.unwrap().len(), 3);
        assert!(s.board("other", Period::All, now).await.unwrap().is_empty());
        let wins = s.board_by("g", Period::All, now, Sort::Wins).await.unwrap();
        // One round: b has the most points in it, so b has the only win.
        assert_eq!((wins[0].user_id.as_str(), wins[0].wins), ("b", 1));
        assert!(wins.iter().all(|l| l.games == 1));
        assert_eq!(wins[1].rank, 2);
        assert_eq!(wins[2].rank, 2, "no wins share a place");
    }

    #[tokio::test]
    async fn the_report_is_csv_with_one_row_per_answer() {
        let s = Store::in_memory().await.unwrap();
        s.start_round("r", "g", "c", "t", 0).await.unwrap();
        s.record_answers(
            "r",
            "g",
            &[row(1, "a", true, 950, 5), row(2, "a,b", false, 0, 6)],
        )
        .await
        .unwrap();
        let csv = s.report_csv("r").await.unwrap();
        assert_eq!(
            csv,
            "member,question,question_id,answer,correct,time_ms,points\na,1,q1,A,yes,1500,950\n\"a,b\",2,q2,B,no,1500,0\n"
        );
    }
}
