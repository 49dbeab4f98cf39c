//! What Aura keeps about one member, counted and deleted for `/privacy`, and interaction tokens
//! forgotten once Discord no longer honours them.

use super::{BeginWrite, Store, StoreError};

/// How many rows Aura keeps about a member, everywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberRows {
    /// Quiz answers, and the rounds they were given in.
    pub answers: i64,
    pub rounds: i64,
    /// Debate votes (quick votes and class debates' ballots).
    pub votes: i64,
    /// What the member did in class debates: sides taken, speeches, points of information
    /// and arguments.
    pub debating: i64,
    /// Suggestions for daily prompts (waiting or decided).
    pub suggestions: i64,
    /// Quiz rounds, debate votes and homework the member started or set (their name is kept
    /// on them).
    pub started: i64,
    /// Homework attempts (each a round of its own, with its answers among `answers`).
    pub homework: i64,
    /// Of those, attempts at assignments still open: erasing keeps the fact that they were
    /// made (not their answers), so that an attempt stays one attempt.
    pub open_homework: i64,
    /// Written responses (with the feedback and statuses teachers gave them).
    pub responses: i64,
    /// The member's own settings (the language they chose, a name kept off boards).
    pub settings: i64,
}

impl MemberRows {
    pub fn is_empty(&self) -> bool {
        *self == MemberRows::default()
    }
}

/// What stands for a member who asked to be forgotten, where a row must stay (a round or a
/// debate other members took part in).
const NOBODY: &str = "0";

/// Every count in one query (`$1`: the member).
const COUNTS: &str = "SELECT
    (SELECT COUNT(*) FROM quiz_answers WHERE user_id = $1) AS answers,
    (SELECT COUNT(DISTINCT round_id) FROM quiz_answers WHERE user_id = $1) AS rounds,
    (SELECT COUNT(*) FROM debate_votes WHERE user_id = $1)
      + (SELECT COUNT(*) FROM debate_ballots WHERE user_id = $1) AS votes,
    (SELECT COUNT(*) FROM debate_sides WHERE user_id = $1)
      + (SELECT COUNT(*) FROM debate_speeches WHERE speaker_id = $1)
      + (SELECT COUNT(*) FROM debate_pois WHERE user_id = $1)
      + (SELECT COUNT(*) FROM debate_arguments WHERE user_id = $1) AS debating,
    (SELECT COUNT(*) FROM daily_suggestions WHERE user_id = $1) AS suggestions,
    (SELECT COUNT(*) FROM quiz_rounds WHERE starter_id = $1 AND kind <> 'homework')
      + (SELECT COUNT(*) FROM debates WHERE starter_id = $1)
      + (SELECT COUNT(*) FROM homework WHERE teacher_id = $1) AS started,
    (SELECT COUNT(*) FROM homework_attempts WHERE user_id = $1) AS homework,
    (SELECT COUNT(*) FROM homework_attempts a JOIN homework h ON h.id = a.homework_id
      WHERE a.user_id = $1 AND h.closed_at IS NULL) AS open_homework,
    (SELECT COUNT(*) FROM responses WHERE user_id = $1) AS responses,
    (SELECT COUNT(*) FROM member_settings WHERE user_id = $1)
      + (SELECT COUNT(*) FROM quiz_unnamed WHERE user_id = $1)
      + (SELECT COUNT(*) FROM quiz_member_time WHERE user_id = $1)
      + (SELECT COUNT(*) FROM homework_extensions WHERE user_id = $1) AS settings";

/// What is left of an attempt at an open assignment once its member is forgotten: the fact
/// that it was made (so Start does not offer a second one), past its last question (so
/// nothing more is answered), without a single answer.
const PAST_THE_END: i64 = 1_000_000;

impl Store {
    /// Counts what Aura keeps about `user`.
    pub async fn member_rows(&self, user: u64) -> Result<MemberRows, StoreError> {
        on!(&self.reader, |db| {
            Ok(sqlx::query_as(COUNTS)
                .bind(user.to_string())
                .fetch_one(db)
                .await?)
        })
    }

    /// Deletes every row about `user` in one transaction: answers, votes and suggestions go;
    /// the rounds and debates they started stay for the others in them, without their name.
    /// Their totals on the boards and their names go too, so boards no longer count them (the
    /// class's anonymous tallies per question keep their answers' counts). Returns
    /// what was there.
    pub async fn forget_member(&self, user: u64) -> Result<MemberRows, StoreError> {
        // Votes and answers already queued are stored first, then deleted with the rest.
        self.votes.flush().await;
        self.answers.flush().await;
        on!(&self.pool, |db| {
            let user = user.to_string();
            let mut tx = db.begin_write().await?;
            let counts: MemberRows = sqlx::query_as(COUNTS)
                .bind(&user)
                .fetch_one(&mut *tx)
                .await?;
            for sql in [
                "DELETE FROM quiz_answers WHERE user_id = $1",
                "DELETE FROM quiz_round_members WHERE user_id = $1",
                "DELETE FROM quiz_member_totals WHERE user_id = $1",
                "DELETE FROM quiz_names WHERE user_id = $1",
                "DELETE FROM quiz_boxes WHERE user_id = $1",
                "DELETE FROM quiz_homework_totals WHERE user_id = $1",
                "DELETE FROM quiz_member_questions WHERE user_id = $1",
                "DELETE FROM quiz_member_sections WHERE user_id = $1",
                "DELETE FROM debate_votes WHERE user_id = $1",
                "DELETE FROM debate_ballots WHERE user_id = $1",
                "DELETE FROM debate_sides WHERE user_id = $1",
                "DELETE FROM debate_pois WHERE user_id = $1",
                "DELETE FROM debate_arguments WHERE user_id = $1",
                "UPDATE debate_speeches SET speaker_id = NULL, speaker_name = NULL WHERE speaker_id = $1",
                // What they hid stays hidden for the server, without their name on it.
                "UPDATE course_hidden SET hidden_by = NULL WHERE hidden_by = $1",
                // What they wrote for the class stays the server's, without their name.
                "UPDATE course_items SET author_id = NULL WHERE author_id = $1",
                "DELETE FROM daily_suggestions WHERE user_id = $1",
                // Their written work goes with its feedback; feedback they gave as a teacher
                // stays with the student's response, without their id.
                "DELETE FROM responses WHERE user_id = $1",
                "UPDATE responses SET reviewer_id = NULL WHERE reviewer_id = $1",
                "DELETE FROM member_settings WHERE user_id = $1",
                "DELETE FROM quiz_unnamed WHERE user_id = $1",
                "DELETE FROM quiz_member_time WHERE user_id = $1",
                "DELETE FROM homework_extensions WHERE user_id = $1",
                // A homework attempt is the member's own round: it goes with its answers,
                // except that an attempt at an open assignment is kept as a bare fact (see
                // `PAST_THE_END`): erasing must not buy a retake.
                "DELETE FROM homework_attempts WHERE user_id = $1
                 AND homework_id IN (SELECT id FROM homework WHERE closed_at IS NOT NULL)",
                "DELETE FROM quiz_rounds WHERE starter_id = $1 AND kind = 'homework'
                 AND id NOT IN (SELECT round_id FROM homework_attempts WHERE user_id = $1)",
            ] {
                sqlx::query(sql).bind(&user).execute(&mut *tx).await?;
            }
            sqlx::query("UPDATE homework_attempts SET next_no = $2 WHERE user_id = $1")
                .bind(&user)
                .bind(PAST_THE_END)
                .execute(&mut *tx)
                .await?;
            for sql in [
                "UPDATE quiz_rounds SET starter_id = $1 WHERE starter_id = $2",
                "UPDATE debates SET starter_id = $1 WHERE starter_id = $2",
                "UPDATE homework SET teacher_id = $1 WHERE teacher_id = $2",
                "UPDATE homework SET closed_by = $1 WHERE closed_by = $2",
            ] {
                sqlx::query(sql)
                    .bind(NOBODY)
                    .bind(&user)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(counts)
        })
    }

    /// Forgets the interaction tokens of debates and suggestions made at or before `before`
    /// (unix seconds): Discord honours a token for 15 minutes, and a stored one is only a
    /// secret to leak after that. Returns how many were forgotten.
    pub async fn forget_tokens(&self, before: i64) -> Result<u64, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let debates =
                sqlx::query("UPDATE debates SET token = '' WHERE token <> '' AND opened_at <= $1")
                    .bind(before)
                    .execute(&mut *tx)
                    .await?;
            let suggestions = sqlx::query(
                "UPDATE daily_suggestions SET token = '' WHERE token <> '' AND created_at <= $1",
            )
            .bind(before)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(debates.rows_affected() + suggestions.rows_affected())
        })
    }
}
