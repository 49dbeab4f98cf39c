//! Folding answers into what the boards, the gradebook, `/quiz insights` and names read, so a
//! command reads a server's members and questions, never its whole history.
//!
//! A live round is folded once, in the transaction that ends it: each member's totals in the
//! round (and who won it), the term's and all-time board, the class's tallies per question,
//! each member's answers per question and per essay section (for the gradebook), each
//! member's Leitner box per question and the members' latest names. Homework and practice answers are folded one by one as they are
//! stored (a member's own attempt is not a race, and a practice run may never end). Readers
//! add the answers of the live rounds still running (`folded = 0`), one per channel at most,
//! starting from those rounds (`quiz_rounds r CROSS JOIN quiz_answers a`: SQLite keeps that
//! order, so a server's whole history is never the outer loop of a read).
//!
//! Rounds stored before this existed (and the bulk history the growth bench writes) are folded
//! by [`Store::fold_pending`], which the store runs when it opens.

use super::{BeginWrite, Store, StoreError};

/// The lowest instant, when a period has never been reset.
pub(super) const EVER: i64 = -9_000_000_000_000_000_000;

/// The periods kept as running totals from their last reset (the rolling week and month are
/// kept over a moving edge: [`super::windows`]).
pub(super) const TOTALLED: [&str; 2] = ["term", "all"];

/// Each member's totals in the round (`$1`), or in the one answer `($2, $3)` when given.
pub(super) const ROUND_MEMBERS: &str = "
    INSERT INTO quiz_round_members (round_id, user_id, guild_id, kind, points, correct, answered, last_at)
    SELECT a.round_id, a.user_id, MIN(a.guild_id), MIN(a.kind), CAST(SUM(a.points) AS BIGINT),
           CAST(SUM(a.correct) AS BIGINT), COUNT(*), MAX(a.answered_at)
    FROM quiz_answers a
    WHERE a.round_id = $1 AND ($2 IS NULL OR (a.question_no = $2 AND a.user_id = $3))
    GROUP BY a.round_id, a.user_id
    ON CONFLICT (round_id, user_id) DO UPDATE SET
        points = quiz_round_members.points + excluded.points,
        correct = quiz_round_members.correct + excluded.correct,
        answered = quiz_round_members.answered + excluded.answered,
        last_at = CASE WHEN excluded.last_at > quiz_round_members.last_at
                       THEN excluded.last_at ELSE quiz_round_members.last_at END";

/// Who won the round `$1`: the most points in it, if any.
pub(super) const WINS: &str = "
    UPDATE quiz_round_members SET won = 1
    WHERE round_id = $1 AND points > 0
      AND points = (SELECT MAX(m.points) FROM quiz_round_members m WHERE m.round_id = $1)";

/// The live round `$1` added to the board of period `$2` (when it was played after the
/// period's last reset).
pub(super) const TOTALS: &str = concat!(
    "
    INSERT INTO quiz_member_totals (guild_id, period, user_id, points, correct, answered, games, wins)
    SELECT m.guild_id, $2, m.user_id, m.points, m.correct, m.answered, 1, m.won
    FROM quiz_round_members m
    WHERE m.round_id = $1
      AND m.last_at >= COALESCE(
          (SELECT reset_at FROM quiz_resets WHERE guild_id = m.guild_id AND period = $2), $3)
    ",
    super::kept::totals_added!()
);

/// The round's answers (or one, `($4, $5)`) added to the class's tallies of period `$2`:
/// answers given after its last reset (`$3` when it has none).
pub(super) const TALLIES: &str = "
    INSERT INTO quiz_question_tallies (guild_id, period, channel_id, question_id, picked, correct, n)
    SELECT a.guild_id, $2, r.channel_id, a.question_id, COALESCE(a.picked, -1), a.correct, COUNT(*)
    FROM quiz_answers a JOIN quiz_rounds r ON r.id = a.round_id
    WHERE a.round_id = $1 AND ($4 IS NULL OR (a.question_no = $4 AND a.user_id = $5))
      AND a.answered_at >= COALESCE(
          (SELECT reset_at FROM quiz_resets WHERE guild_id = a.guild_id AND period = $2), $3)
    GROUP BY a.guild_id, r.channel_id, a.question_id, COALESCE(a.picked, -1), a.correct
    ON CONFLICT (guild_id, period, channel_id, question_id, picked, correct) DO UPDATE SET
        n = quiz_question_tallies.n + excluded.n";

/// The round's answers (or one, `($4, $5)`) added to each member's answers per `$column` in
/// `$table` for period `$2` (answers given after its last reset; `$3` when it has none), for
/// the gradebook: `$value` is the column's value for an answer `a`, from the tables `$join`
/// adds.
macro_rules! answers_per {
    ($table:literal, $column:literal, $value:literal, $join:literal) => {
        concat!(
            "INSERT INTO ", $table, " (guild_id, period, user_id, ", $column, ", n, correct)
             SELECT a.guild_id, $2, a.user_id, ", $value, ", COUNT(*), CAST(SUM(a.correct) AS BIGINT)
             FROM quiz_answers a ", $join, "
             WHERE a.round_id = $1 AND ($4 IS NULL OR (a.question_no = $4 AND a.user_id = $5))
               AND a.answered_at >= COALESCE(
                   (SELECT reset_at FROM quiz_resets WHERE guild_id = a.guild_id AND period = $2), $3)
             GROUP BY a.guild_id, a.user_id, ", $value, "
             ON CONFLICT (guild_id, period, user_id, ", $column, ") DO UPDATE SET
                 n = ", $table, ".n + excluded.n,
                 correct = ", $table, ".correct + excluded.correct"
        )
    };
}

/// Each member's answers per question.
pub(super) const MEMBER_QUESTIONS: &str =
    answers_per!("quiz_member_questions", "question_id", "a.question_id", "");

/// Each member's answers per essay section, each question's section from the store's map of
/// them (a question without one is left out).
pub(super) const MEMBER_SECTIONS: &str = answers_per!(
    "quiz_member_sections",
    "section",
    "s.section",
    "JOIN quiz_question_sections s ON s.question_id = a.question_id"
);

/// Each member's latest name in the round (or in the one answer `($2, $3)`), kept when it is
/// newer than the one stored.
pub(super) const NAMES: &str = "
    INSERT INTO quiz_names (guild_id, user_id, name, seen_at)
    SELECT a.guild_id, a.user_id,
           (SELECT b.display_name FROM quiz_answers b
            WHERE b.round_id = a.round_id AND b.user_id = a.user_id AND b.display_name <> ''
              AND ($2 IS NULL OR b.question_no = $2)
            ORDER BY b.answered_at DESC, b.question_no DESC LIMIT 1),
           MAX(a.answered_at)
    FROM quiz_answers a
    WHERE a.round_id = $1 AND ($2 IS NULL OR (a.question_no = $2 AND a.user_id = $3))
      AND a.display_name <> ''
    GROUP BY a.guild_id, a.user_id, a.round_id
    ON CONFLICT (guild_id, user_id) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at
    WHERE excluded.seen_at >= quiz_names.seen_at";

/// What a homework fold adds to a member's row of `quiz_homework_totals` that exists.
macro_rules! homework_added {
    () => {
        $crate::store::kept::added!(quiz_homework_totals: attempts, points, correct, answered, score)
    };
}

/// A homework answer (`($4, $5)` of the attempt `$1`) added to the member's homework totals of
/// period `$2` (when given after its last reset; `$3` when it has none): the attempt counts
/// at its first answer, and its score moves from what it was to what it is now.
pub(super) const HOMEWORK_ONE: &str = concat!(
    "
    INSERT INTO quiz_homework_totals (guild_id, period, user_id, attempts, points, correct, answered, score)
    SELECT m.guild_id, $2, m.user_id, CASE WHEN m.answered = 1 THEN 1 ELSE 0 END, a.points,
           a.correct, 1,
           100.0 * m.correct / m.answered
           - CASE WHEN m.answered > 1 THEN 100.0 * (m.correct - a.correct) / (m.answered - 1)
                  ELSE 0.0 END
    FROM quiz_round_members m
    JOIN quiz_answers a ON a.round_id = m.round_id AND a.user_id = m.user_id
    WHERE m.round_id = $1 AND a.question_no = $4 AND a.user_id = $5
      AND a.answered_at >= COALESCE(
          (SELECT reset_at FROM quiz_resets WHERE guild_id = m.guild_id AND period = $2), $3)
    ",
    homework_added!()
);

/// A whole homework attempt (round `$1`, folded at once) added to the homework totals of period
/// `$2`.
pub(super) const HOMEWORK_WHOLE: &str = concat!(
    "
    INSERT INTO quiz_homework_totals (guild_id, period, user_id, attempts, points, correct, answered, score)
    SELECT m.guild_id, $2, m.user_id, 1, m.points, m.correct, m.answered,
           100.0 * m.correct / m.answered
    FROM quiz_round_members m
    WHERE m.round_id = $1 AND m.answered > 0
      AND m.last_at >= COALESCE(
          (SELECT reset_at FROM quiz_resets WHERE guild_id = m.guild_id AND period = $2), $3)
    ",
    homework_added!()
);

/// Each member's Leitner box for each question answered in the round (or in the one answer
/// `($2, $3)`), from their latest answer to it there: a right answer moves the box up one (to
/// at most 6; a first one to 2), a wrong one back to 1. An answer older than the box's last is
/// left out (a round folded after a later practice answer).
pub(super) const BOXES: &str = "
    INSERT INTO quiz_boxes (guild_id, user_id, question_id, boxed, last_at)
    SELECT a.guild_id, a.user_id, a.question_id, CASE WHEN a.correct <> 0 THEN 2 ELSE 1 END,
           a.answered_at
    FROM quiz_answers a
    WHERE a.round_id = $1 AND ($2 IS NULL OR (a.question_no = $2 AND a.user_id = $3))
      AND NOT EXISTS (
          SELECT 1 FROM quiz_answers b
          WHERE b.round_id = a.round_id AND b.user_id = a.user_id AND b.question_id = a.question_id
            AND (b.answered_at > a.answered_at
                 OR (b.answered_at = a.answered_at AND b.question_no > a.question_no)))
    ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET
        boxed = CASE WHEN excluded.boxed = 1 THEN 1
                     WHEN quiz_boxes.boxed >= 6 THEN 6
                     ELSE quiz_boxes.boxed + 1 END,
        last_at = excluded.last_at
    WHERE excluded.last_at >= quiz_boxes.last_at";

/// Folds the answers of round `$round` (a `&str`) into the aggregates through `$tx` (a
/// transaction of either engine): the whole round (`$one` is `None`), or the one stored answer
/// `Some((question_no, user))`, of a round of `$kind`. A whole live round also counts its wins
/// and joins the boards; homework joins the gradebook's homework totals.
macro_rules! fold {
    ($tx:expr, $round:expr, $one:expr, $kind:expr) => {{
        let round: &str = $round;
        let kind: &str = $kind;
        let one: Option<(i64, String)> = $one;
        let (number, user) = match &one {
            Some((n, u)) => (Some(*n), Some(u.as_str())),
            None => (None, None),
        };
        sqlx::query($crate::store::fold::ROUND_MEMBERS)
            .bind(round)
            .bind(number)
            .bind(user)
            .execute(&mut *$tx)
            .await?;
        if kind == "live" && one.is_none() {
            $crate::store::fold::board!($tx, round);
        }
        if kind == "homework" {
            // One answer's statement takes the answer's number and member as well.
            let single = number.is_some();
            for period in $crate::store::fold::TOTALLED {
                let sql = if single {
                    $crate::store::fold::HOMEWORK_ONE
                } else {
                    $crate::store::fold::HOMEWORK_WHOLE
                };
                let query = sqlx::query(sql)
                    .bind(round)
                    .bind(period)
                    .bind($crate::store::fold::EVER);
                let query = if single {
                    query.bind(number).bind(user)
                } else {
                    query
                };
                query.execute(&mut *$tx).await?;
            }
        }
        for period in $crate::store::fold::TOTALLED {
            for sql in [
                $crate::store::fold::TALLIES,
                $crate::store::fold::MEMBER_QUESTIONS,
                $crate::store::fold::MEMBER_SECTIONS,
            ] {
                sqlx::query(sql)
                    .bind(round)
                    .bind(period)
                    .bind($crate::store::fold::EVER)
                    .bind(number)
                    .bind(user)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
        for sql in [$crate::store::fold::BOXES, $crate::store::fold::NAMES] {
            sqlx::query(sql)
                .bind(round)
                .bind(number)
                .bind(user)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}
pub(super) use fold;

/// A folded live round's wins, and its members' totals on the term's and all-time boards and
/// in the rolling windows kept ([`super::windows`]).
macro_rules! board {
    ($tx:expr, $round:expr) => {{
        sqlx::query($crate::store::fold::WINS)
            .bind($round)
            .execute(&mut *$tx)
            .await?;
        for period in $crate::store::fold::TOTALLED {
            sqlx::query($crate::store::fold::TOTALS)
                .bind($round)
                .bind(period)
                .bind($crate::store::fold::EVER)
                .execute(&mut *$tx)
                .await?;
        }
        $crate::store::windows::fold_windows!($tx, $round);
    }};
}
pub(super) use board;

/// Marks the round `$round` folded and folds it whole, unless it was folded already.
macro_rules! fold_round {
    ($tx:expr, $round:expr) => {{
        let round: &str = $round;
        let kind: Option<String> = sqlx::query_scalar(
            "UPDATE quiz_rounds SET folded = 1 WHERE id = $1 AND folded = 0 RETURNING kind",
        )
        .bind(round)
        .fetch_optional(&mut *$tx)
        .await?;
        if let Some(kind) = kind {
            $crate::store::fold::fold!($tx, round, None, kind.as_str());
        }
    }};
}
pub(super) use fold_round;

/// Rounds folded per transaction by [`Store::fold_pending`].
const PENDING_BATCH: i64 = 200;

impl Store {
    /// Folds every round that should be and is not: ended live rounds, and homework and
    /// practice rounds stored before folding existed. Run when the store opens; a few hundred
    /// rounds per transaction, so a large history never holds the writer for long.
    pub async fn fold_pending(&self) -> Result<u64, StoreError> {
        let mut folded = 0;
        loop {
            let done: u64 = on!(&self.pool, |db| {
                let mut tx = db.begin_write().await?;
                let ids: Vec<String> = sqlx::query_scalar(
                    "SELECT id FROM quiz_rounds
                     WHERE folded = 0 AND (ended_at IS NOT NULL OR kind <> 'live')
                     ORDER BY id LIMIT $1",
                )
                .bind(PENDING_BATCH)
                .fetch_all(&mut *tx)
                .await?;
                for id in &ids {
                    fold_round!(tx, id);
                }
                tx.commit().await?;
                ids.len() as u64
            });
            folded += done;
            if done < PENDING_BATCH as u64 {
                return Ok(folded);
            }
        }
    }
}
