//! The rolling week's and month's boards kept as running totals, like the term's: one row per
//! member in `quiz_member_totals`, read a page at a time through its rank index, whatever the
//! server's history.
//!
//! A rolling window moves, so its totals hold the folded live rounds of each member whose last
//! answer came at or after the window's *edge* (`quiz_window_edges`, one per server and
//! period), and the edge follows the clock: a round ending adds its members' totals (when its
//! last answers are not behind the edge); a read whose window starts past the edge first takes
//! away the rounds between the two (only those, through `quiz_round_members_recent`) and moves
//! the edge; a server with no edge gets its totals built from the window's rounds by its
//! first read, and again after a reset. The retention prune moves every edge to what it keeps
//! before it deletes older rounds, so nothing is taken away twice or left behind. Each move
//! of an edge is a compare-and-set on it, and a fold locks it, so two processes never take
//! the same rounds away.

use super::kept::{set_instant, totals_added};
use super::{BeginWrite, Store, StoreError};
use crate::quiz::model::Period;

/// The rolling periods kept this way.
pub(super) const WINDOWED: [Period; 2] = [Period::Week, Period::Month];

/// Whether a period's totals follow a moving edge.
pub(super) fn windowed(period: Period) -> bool {
    WINDOWED.contains(&period)
}

/// The folded round `$1` added to the window `$2` of its server, for members whose last answer
/// in it is at or after the edge `$3`.
pub(super) const ADD: &str = concat!(
    "
    INSERT INTO quiz_member_totals (guild_id, period, user_id, points, correct, answered, games, wins)
    SELECT m.guild_id, $2, m.user_id, m.points, m.correct, m.answered, 1, m.won
    FROM quiz_round_members m
    WHERE m.round_id = $1 AND m.last_at >= $3
    ",
    totals_added!()
);

/// The edge of the window `$2` of the server of round `$1`, locked until the fold commits (an
/// update that changes nothing: PostgreSQL makes a concurrent move wait, SQLite has one
/// writer).
pub(super) const LOCK_EDGE: &str = "
    UPDATE quiz_window_edges SET edge = edge
    WHERE guild_id = (SELECT guild_id FROM quiz_rounds WHERE id = $1) AND period = $2
    RETURNING edge";

/// The live rounds' members of server `$1` whose last answer is in `[$2, $3)`, summed per
/// member.
macro_rules! between {
    () => {
        "SELECT user_id, CAST(SUM(points) AS BIGINT) AS points, CAST(SUM(correct) AS BIGINT) AS correct,
                CAST(SUM(answered) AS BIGINT) AS answered, COUNT(*) AS games,
                CAST(SUM(won) AS BIGINT) AS wins
         FROM quiz_round_members
         WHERE guild_id = $1 AND kind = 'live' AND last_at >= $2 AND last_at < $3
         GROUP BY user_id"
    };
}

/// Takes the rounds in `[$2, $3)` away from the window `$4` of server `$1`.
const TAKE_AWAY: &str = concat!(
    "UPDATE quiz_member_totals SET
         points = quiz_member_totals.points - x.points,
         correct = quiz_member_totals.correct - x.correct,
         answered = quiz_member_totals.answered - x.answered,
         games = quiz_member_totals.games - x.games,
         wins = quiz_member_totals.wins - x.wins
     FROM (",
    between!(),
    ") AS x
     WHERE quiz_member_totals.guild_id = $1 AND quiz_member_totals.period = $4
       AND quiz_member_totals.user_id = x.user_id"
);

/// Members of the window `$4` of server `$1` left with no round once `[$2, $3)` is gone.
const EMPTIED: &str = "
    DELETE FROM quiz_member_totals
    WHERE guild_id = $1 AND period = $4 AND games <= 0
      AND user_id IN (SELECT user_id FROM quiz_round_members
                      WHERE guild_id = $1 AND kind = 'live' AND last_at >= $2 AND last_at < $3)";

/// Whether server `$1` has live rounds' members whose last answer is in `[$2, $3)`.
const ANY_BETWEEN: &str = "
    SELECT CAST(1 AS BIGINT) FROM quiz_round_members
    WHERE guild_id = $1 AND kind = 'live' AND last_at >= $2 AND last_at < $3 LIMIT 1";

/// Folds the window totals for the folded live round `$round` through `$tx`: each rolling
/// period whose edge exists gets the round's members at or after it.
macro_rules! fold_windows {
    ($tx:expr, $round:expr) => {{
        for period in $crate::store::windows::WINDOWED {
            let edge: Option<i64> = sqlx::query_scalar($crate::store::windows::LOCK_EDGE)
                .bind($round)
                .bind(period.code())
                .fetch_optional(&mut *$tx)
                .await?;
            // A server without an edge has no totals yet: its first read builds them.
            if let Some(edge) = edge {
                sqlx::query($crate::store::windows::ADD)
                    .bind($round)
                    .bind(period.code())
                    .bind(edge)
                    .execute(&mut *$tx)
                    .await?;
            }
        }
    }};
}
pub(super) use fold_windows;

/// How a window's kept totals stand against the window a read asks for.
enum Standing {
    /// They are the window's: read them.
    Kept,
    /// Rounds between the edge and the window's start are still in them.
    Behind(i64),
    /// None are kept for the server (never built, or reset).
    Missing,
    /// The edge is past the window's start and rounds between are missing from them (a clock
    /// set back): the window is read from its rounds.
    Ahead,
}

impl Store {
    /// Makes the kept totals of a rolling `period` of `guild` those of the rounds since
    /// `since` (moving its edge, or building them), and says whether they are; the term and all
    /// time always are. When they cannot be (a clock set back), the caller reads the rounds.
    pub(super) async fn kept_since(
        &self,
        guild: u64,
        period: Period,
        since: i64,
    ) -> Result<bool, StoreError> {
        if !windowed(period) {
            return Ok(true);
        }
        match self.standing(guild, period, since).await? {
            Standing::Kept => Ok(true),
            Standing::Ahead => Ok(false),
            Standing::Behind(edge) => {
                self.move_edge(guild, period, edge, since).await?;
                Ok(true)
            }
            Standing::Missing => {
                self.build_window(guild, period, since).await?;
                Ok(true)
            }
        }
    }

    async fn standing(
        &self,
        guild: u64,
        period: Period,
        since: i64,
    ) -> Result<Standing, StoreError> {
        on!(&self.reader, |db| {
            let guild = guild.to_string();
            let edge: Option<i64> = sqlx::query_scalar(
                "SELECT edge FROM quiz_window_edges WHERE guild_id = $1 AND period = $2",
            )
            .bind(&guild)
            .bind(period.code())
            .fetch_optional(db)
            .await?;
            // Rounds between the edge and the window's start, in either order; with no edge,
            // any round in the window.
            let (from, to) = match edge {
                Some(edge) => (edge.min(since), edge.max(since)),
                None => (since, i64::MAX),
            };
            let between: Option<i64> = sqlx::query_scalar(ANY_BETWEEN)
                .bind(&guild)
                .bind(from)
                .bind(to)
                .fetch_optional(db)
                .await?;
            Ok(match (edge, between) {
                (_, None) => Standing::Kept,
                (None, Some(_)) => Standing::Missing,
                (Some(edge), Some(_)) if edge < since => Standing::Behind(edge),
                (Some(_), Some(_)) => Standing::Ahead,
            })
        })
    }

    /// Takes the rounds in `[edge, to)` away from a window's totals and moves its edge to `to`,
    /// unless another move got there first.
    async fn move_edge(
        &self,
        guild: u64,
        period: Period,
        edge: i64,
        to: i64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let guild = guild.to_string();
            let mut tx = db.begin_write().await?;
            let moved = sqlx::query(
                "UPDATE quiz_window_edges SET edge = $3
                 WHERE guild_id = $1 AND period = $2 AND edge = $4",
            )
            .bind(&guild)
            .bind(period.code())
            .bind(to)
            .bind(edge)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if moved == 1 {
                for sql in [TAKE_AWAY, EMPTIED] {
                    sqlx::query(sql)
                        .bind(&guild)
                        .bind(edge)
                        .bind(to)
                        .bind(period.code())
                        .execute(&mut *tx)
                        .await?;
                }
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Builds a window's totals from its rounds since `since`, and sets its edge there.
    async fn build_window(&self, guild: u64, period: Period, since: i64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let guild = guild.to_string();
            let mut tx = db.begin_write().await?;
            // The edge first: a build or a move at the same time waits for this one.
            set_instant!(
                tx,
                "quiz_window_edges",
                "edge",
                &guild,
                period.code(),
                since
            );
            sqlx::query("DELETE FROM quiz_member_totals WHERE guild_id = $1 AND period = $2")
                .bind(&guild)
                .bind(period.code())
                .execute(&mut *tx)
                .await?;
            sqlx::query(concat!(
                "INSERT INTO quiz_member_totals (guild_id, period, user_id, points, correct, answered, games, wins)
                 SELECT $1, $4, user_id, points, correct, answered, games, wins FROM (",
                between!(),
                ") AS x WHERE true ",
                totals_added!()
            ))
            .bind(&guild)
            .bind(since)
            .bind(i64::MAX)
            .bind(period.code())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Moves every window edge behind `before` there, taking the rounds between away, so the
    /// retention prune can delete what is older without leaving it in any window's totals.
    pub(super) async fn move_edges_to(&self, before: i64) -> Result<(), StoreError> {
        for period in WINDOWED {
            // The edges with nothing between them and `before` move in one statement.
            on!(&self.pool, |db| {
                sqlx::query(
                    "UPDATE quiz_window_edges SET edge = $2
                     WHERE period = $1 AND edge < $2
                       AND NOT EXISTS (
                           SELECT 1 FROM quiz_round_members m
                           WHERE m.guild_id = quiz_window_edges.guild_id AND m.kind = 'live'
                             AND m.last_at >= quiz_window_edges.edge AND m.last_at < $2)",
                )
                .bind(period.code())
                .bind(before)
                .execute(db)
                .await?;
            });
            let behind: Vec<(String, i64)> = on!(&self.pool, |db| {
                sqlx::query_as(
                    "SELECT guild_id, edge FROM quiz_window_edges WHERE period = $1 AND edge < $2",
                )
                .bind(period.code())
                .bind(before)
                .fetch_all(db)
                .await?
            });
            for (guild, edge) in behind {
                let guild = super::parse_id("guild_id", &guild)?;
                self.move_edge(guild, period, edge, before).await?;
            }
        }
        Ok(())
    }

    /// Where a rolling window's edge stands, for tests.
    #[cfg(test)]
    pub(super) async fn window_edge(&self, guild: u64, period: Period) -> Option<i64> {
        on!(&self.reader, |db| {
            sqlx::query_scalar(
                "SELECT edge FROM quiz_window_edges WHERE guild_id = $1 AND period = $2",
            )
            .bind(guild.to_string())
            .bind(period.code())
            .fetch_optional(db)
            .await
            .ok()
            .flatten()
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::quiz::model::{BoardPage, Sort, answered};

    const DAY: i64 = 86_400;

    /// One member's totals in one round: (round's time, member, points, correct, won).
    type Played = (i64, u64, u64, bool, bool);

    /// What a window's board must hold: each member's sums over the rounds at or after `since`
    /// (points, correct, answered, games, wins), as the rounds' own rows would give them.
    fn summed(played: &[Played], since: i64) -> BTreeMap<u64, (u64, u32, u32, u32, u32)> {
        let mut out = BTreeMap::new();
        for &(_, user, points, correct, won) in played.iter().filter(|p| p.0 >= since) {
            let line: &mut (u64, u32, u32, u32, u32) = out.entry(user).or_default();
            line.0 += points;
            line.1 += u32::from(correct);
            line.2 += 1;
            line.3 += 1;
            line.4 += u32::from(won);
        }
        out
    }

    async fn board_is(s: &Store, played: &[Played], period: Period, now: i64, since: i64) {
        let board = s.board_by(10, period, now, Sort::Points).await.unwrap();
        let seen: BTreeMap<u64, (u64, u32, u32, u32, u32)> = board
            .iter()
            .map(|l| {
                (
                    l.user_id,
                    (l.points, l.correct, l.answered, l.games, l.wins),
                )
            })
            .collect();
        assert_eq!(seen, summed(played, since), "{period:?} at {now}");
        for member in [1, 4, 99] {
            for page in [(0, 0), (0, 2), (1, 2), (2, 10)] {
                assert_eq!(
                    s.board_page(10, period, now, Sort::Points, page, member)
                        .await
                        .unwrap(),
                    BoardPage::of(&board, page, member),
                    "{period:?} at {now}, member {member}, page {page:?}"
                );
            }
        }
    }

    /// The week's and month's boards, kept over a moving edge, hold exactly the rounds of their
    /// window as the clock moves on, after a reset, a prune shorter than a month, an erased
    /// member and a clock set back.
    #[tokio::test]
    async fn the_rolling_boards_kept_hold_the_rounds_of_their_window_as_the_clock_moves() {
        let s = Store::in_memory().await.unwrap();
        let start = 1_000 * DAY;
        let mut played: Vec<Played> = Vec::new();
        let mut resets: BTreeMap<&str, i64> = BTreeMap::new();
        let mut now = start;
        for r in 1..=90u64 {
            // A round every twelve hours, five members at most, one question each.
            now = start + r as i64 * DAY / 2;
            s.start_round(r, 10, 20, 30, now - 60).await.unwrap();
            let mut rows = Vec::new();
            for user in (1..=5u64).filter(|u| (r + u) % 3 != 0) {
                let correct = (r * user) % 2 == 0;
                let points = if correct { 100 * user + r } else { 0 };
                rows.push(answered(1, user, correct, points as u32, now));
            }
            // Who won is the round's most points, kept when a member is erased later.
            let best = rows.iter().map(|a| a.points).max().unwrap_or(0);
            for a in &rows {
                let won = a.points > 0 && a.points == best;
                played.push((now, a.user_id, u64::from(a.points), a.correct, won));
            }
            s.record_answers(r, 10, &rows).await.unwrap();
            s.end_round(r, "finished", now).await.unwrap();
            match r {
                // The week starts again from a reset.
                40 => {
                    s.reset_board(10, Period::Week, now + 1).await.unwrap();
                    resets.insert("week", now + 1);
                }
                // Old rounds go before the month is over (a retention of ten days).
                70 => {
                    s.prune(now - 10 * DAY).await.unwrap();
                    played.retain(|p| p.0 >= now - 10 * DAY);
                }
                // An erased member leaves every window.
                80 => {
                    s.forget_member(4).await.unwrap();
                    played.retain(|p| p.1 != 4);
                }
                _ => {}
            }
            if r % 7 == 0 || matches!(r, 40 | 41 | 70 | 80) {
                for period in WINDOWED {
                    let reset = resets.get(period.code()).copied().unwrap_or(i64::MIN);
                    let since = period.window(now + 2).max(reset);
                    board_is(&s, &played, period, now + 2, since).await;
                    // Read through kept totals (the edge may be past the window's start
                    // after a prune, with nothing left between the two).
                    let edge = s.window_edge(10, period).await;
                    assert!(
                        edge.is_some() || summed(&played, since).is_empty(),
                        "{period:?}: {edge:?}"
                    );
                }
            }
        }
        // A clock set back reads the rounds themselves and leaves the kept totals as they are;
        // they still serve the clock once it is right again.
        let edges = [
            s.window_edge(10, Period::Week).await,
            s.window_edge(10, Period::Month).await,
        ];
        for back in [now - 20 * DAY, now] {
            for period in WINDOWED {
                let reset = resets.get(period.code()).copied().unwrap_or(i64::MIN);
                board_is(&s, &played, period, back, period.window(back).max(reset)).await;
            }
            if back < now {
                let after = [
                    s.window_edge(10, Period::Week).await,
                    s.window_edge(10, Period::Month).await,
                ];
                assert_eq!(after, edges, "not moved back");
            }
        }
    }
}
