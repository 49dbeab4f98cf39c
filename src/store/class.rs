//! Class debates: their flow (phase and current speech, changed only from the state the
//! changer saw, so two moderators pressing "next" at once move it once), the members' sides,
//! the opening and closing ballots, the speeches' clocks, points of information and arguments.

use sqlx::Row;

use super::debates::{debate, open};
use super::{BeginWrite, Record, RowLocks, Store, StoreError, snowflake, snowflake_opt};
use crate::debate::class::model::{
    Added, Argument, Class, Member, Part, Phase, Poi, PoiState, Poll, SidesMode, Speech, warn_secs,
};
use crate::debate::model::{Debate, Side, Tally, VoteOutcome};

/// How a class debate is set up when it starts.
#[derive(Debug, Clone)]
pub struct Setup {
    pub sides_mode: SidesMode,
    pub speech_secs: i64,
    pub seed: u64,
    pub ping_speakers: bool,
    pub order: Vec<(Part, Side)>,
}

/// A speech whose clock needs a word: the warning, or "time".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    Warn,
    Time,
}

fn corrupt(column: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt {
        column,
        value: value.to_string(),
    }
}

fn side_of(row: &impl Record, column: &'static str) -> Result<Side, StoreError> {
    let text: String = row.value(column)?;
    Side::parse(&text).ok_or_else(|| corrupt(column, &text))
}

fn speech(row: &impl Record) -> Result<Speech, StoreError> {
    let part: String = row.value("part")?;
    let speaker = match snowflake_opt(row, "speaker_id")? {
        Some(id) => Some((
            id,
            row.value::<Option<String>>("speaker_name")?
                .unwrap_or_default(),
        )),
        None => None,
    };
    Ok(Speech {
        number: row.value::<i64>("number")? as u32,
        part: Part::parse(&part).ok_or_else(|| corrupt("part", &part))?,
        side: side_of(row, "side")?,
        speaker,
        allowed: row.value("allowed")?,
        started_at: row.value("started_at")?,
        deadline: row.value("deadline")?,
        remaining: row.value("remaining")?,
        warn_secs: row.value("warn_secs")?,
        warned: row.value::<i64>("warned")? != 0,
        timed: row.value::<i64>("timed")? != 0,
        ended_at: row.value("ended_at")?,
        used: row.value("used")?,
    })
}

fn tally_into(t: &mut Tally, side: &str, n: i64) {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    match Side::parse(side) {
        Some(Side::Benjamin) => t.benjamin = n,
        Some(Side::Adorno) => t.adorno = n,
        Some(Side::Undecided) => t.undecided = n,
        None => {}
    }
}

/// On PostgreSQL, holds class debate `$id`'s rows (`FOR SHARE`) in transaction `$tx` until it
/// commits: a close or a move to the next phase waits for this write, or this write sees it
/// (see [`RowLocks`]).
macro_rules! hold_class {
    ($db:expr, $tx:expr, $id:expr) => {
        if $db.locks_rows() {
            sqlx::query(
                "SELECT 1 FROM debates d JOIN class_debates c ON c.debate_id = d.id
                 WHERE d.id = $1 FOR SHARE",
            )
            .bind($id.to_string())
            .execute(&mut *$tx)
            .await?;
        }
    };
}

impl Store {
    /// Stores a new class debate with all its speeches, in one transaction.
    pub async fn start_class(&self, d: &Debate, setup: &Setup) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            open(d).execute(&mut *tx).await?;
            sqlx::query(
            "INSERT INTO class_debates (debate_id, sides_mode, speech_secs, seed, phase, speech, ping_speakers)
             VALUES ($1, $2, $3, $4, 'lobby', 0, $5)",
        )
        .bind(d.id.to_string())
        .bind(setup.sides_mode.code())
        .bind(setup.speech_secs)
        .bind(setup.seed as i64)
        .bind(i64::from(setup.ping_speakers))
        .execute(&mut *tx)
        .await?;
            for (i, (part, side)) in setup.order.iter().enumerate() {
                sqlx::query(
                "INSERT INTO debate_speeches (debate_id, number, part, side, allowed, warn_secs)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(d.id.to_string())
            .bind(i as i64 + 1)
            .bind(part.code())
            .bind(side.code())
            .bind(setup.speech_secs)
            .bind(warn_secs(setup.speech_secs))
            .execute(&mut *tx)
            .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// A class debate, whole; `None` when there is none with this id (or it is a quick vote).
    pub async fn class(&self, id: u64) -> Result<Option<Class>, StoreError> {
        on!(&self.reader, |db| {
            let key = id.to_string();
            let Some(row) = sqlx::query(
            "SELECT d.*, c.sides_mode, c.speech_secs, c.seed, c.phase, c.speech, c.ping_speakers
             FROM debates d JOIN class_debates c ON c.debate_id = d.id WHERE d.id = $1",
        )
        .bind(&key)
        .fetch_optional(db)
        .await?
        else {
            return Ok(None);
        };
            let mode: String = row.try_get("sides_mode")?;
            let phase: String = row.try_get("phase")?;
            let members = sqlx::query(
            "SELECT user_id, name, side FROM debate_sides WHERE debate_id = $1 ORDER BY joined_at, rowid",
        )
        .bind(&key)
        .fetch_all(db)
        .await?
        .iter()
        .map(|r| {
            let side: Option<String> = r.try_get("side")?;
            Ok(Member {
                id: snowflake(r, "user_id")?,
                name: r.try_get("name")?,
                side: side.as_deref().and_then(Side::parse),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
            let speeches =
                sqlx::query("SELECT * FROM debate_speeches WHERE debate_id = $1 ORDER BY number")
                    .bind(&key)
                    .fetch_all(db)
                    .await?
                    .iter()
                    .map(speech)
                    .collect::<Result<Vec<_>, _>>()?;
            let pois = sqlx::query("SELECT * FROM debate_pois WHERE debate_id = $1 ORDER BY id")
                .bind(&key)
                .fetch_all(db)
                .await?
                .iter()
                .map(|r| {
                    let state: String = r.try_get("state")?;
                    Ok(Poi {
                        id: r.try_get("id")?,
                        speech: r.try_get::<i64, _>("speech")? as u32,
                        user: snowflake(r, "user_id")?,
                        name: r.try_get("name")?,
                        state: PoiState::parse(&state).ok_or_else(|| corrupt("state", &state))?,
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            let arguments =
                sqlx::query("SELECT * FROM debate_arguments WHERE debate_id = $1 ORDER BY number")
                    .bind(&key)
                    .fetch_all(db)
                    .await?
                    .iter()
                    .map(|r| {
                        Ok(Argument {
                            number: r.try_get::<i64, _>("number")? as u32,
                            parent: r.try_get::<Option<i64>, _>("parent")?.map(|p| p as u32),
                            side: side_of(r, "side")?,
                            user: snowflake(r, "user_id")?,
                            name: r.try_get("name")?,
                            claim: r.try_get("claim")?,
                            source: r.try_get("source")?,
                        })
                    })
                    .collect::<Result<Vec<_>, StoreError>>()?;
            let (opening, closing) = self.ballot_tallies(id).await?;
            Ok(Some(Class {
                debate: debate(&row)?,
                sides_mode: SidesMode::parse(&mode).ok_or_else(|| corrupt("sides_mode", &mode))?,
                speech_secs: row.try_get("speech_secs")?,
                seed: row.try_get::<i64, _>("seed")? as u64,
                phase: Phase::parse(&phase).ok_or_else(|| corrupt("phase", &phase))?,
                speech: row.try_get::<i64, _>("speech")? as u32,
                ping_speakers: row.try_get::<i64, _>("ping_speakers")? != 0,
                members,
                speeches,
                pois,
                arguments,
                opening,
                closing,
            }))
        })
    }

    /// The open class debate run in this thread (or channel), if any.
    pub async fn class_in(&self, room: u64) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query(
                "SELECT id FROM debates WHERE format = 'class' AND closed_at IS NULL
               AND (thread_id = $1 OR (thread_id IS NULL AND channel_id = $1))
             ORDER BY opened_at DESC LIMIT 1",
            )
            .bind(room.to_string())
            .fetch_optional(db)
            .await?;
            row.map(|r| snowflake(&r, "id")).transpose()
        })
    }

    /// The newest class debate of this thread or channel, open or ended.
    pub async fn last_class_in(&self, room: u64) -> Result<Option<u64>, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query(
            "SELECT id FROM debates WHERE format = 'class' AND (thread_id = $1 OR channel_id = $1)
             ORDER BY opened_at DESC, id DESC LIMIT 1",
        )
        .bind(room.to_string())
        .fetch_optional(db)
        .await?;
            row.map(|r| snowflake(&r, "id")).transpose()
        })
    }

    /// Moves a debate from the phase (and speech) its mover saw to the next; `false` when
    /// someone else moved it first or it has ended.
    pub async fn move_class(
        &self,
        id: u64,
        from: (Phase, u32),
        to: (Phase, u32),
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE class_debates SET phase = $1, speech = $2
             WHERE debate_id = $3 AND phase = $4 AND speech = $5
               AND (SELECT closed_at FROM debates WHERE id = debate_id) IS NULL",
            )
            .bind(to.0.code())
            .bind(i64::from(to.1))
            .bind(id.to_string())
            .bind(from.0.code())
            .bind(i64::from(from.1))
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// A closed debate's flow is over.
    pub async fn mark_class_done(&self, id: u64) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query("UPDATE class_debates SET phase = 'done', speech = 0 WHERE debate_id = $1")
                .bind(id.to_string())
                .execute(db)
                .await?;
            Ok(())
        })
    }

    /// A member joins a side (`Some`) or says "I'm in" (`None`): sides may be picked until
    /// the speeches start, "I'm in" only before sides are dealt. `false` when too late.
    pub async fn join_class(
        &self,
        id: u64,
        user: u64,
        name: &str,
        side: Option<Side>,
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            hold_class!(db, tx, id);
            let done = sqlx::query(
            "INSERT INTO debate_sides (debate_id, user_id, name, side, joined_at)
             SELECT $1, $2, $3, $4, $5 FROM class_debates c JOIN debates d ON d.id = c.debate_id
             WHERE c.debate_id = $1 AND d.closed_at IS NULL
               AND (($4 IS NOT NULL AND c.sides_mode = 'join' AND c.phase IN ('lobby', 'opening'))
                 OR ($4 IS NULL AND c.sides_mode = 'assign' AND c.phase = 'lobby'))
             ON CONFLICT (debate_id, user_id) DO UPDATE SET side = excluded.side, name = excluded.name",
        )
        .bind(id.to_string())
        .bind(user.to_string())
        .bind(name)
        .bind(side.map(Side::code))
        .bind(now)
        .execute(&mut *tx)
        .await?;
            tx.commit().await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Gives each dealt member their side.
    pub async fn deal_sides(&self, id: u64, sides: &[(u64, Side)]) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            for (user, side) in sides {
                sqlx::query(
                    "UPDATE debate_sides SET side = $1 WHERE debate_id = $2 AND user_id = $3",
                )
                .bind(side.code())
                .bind(id.to_string())
                .bind(user.to_string())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// A member's ballot in the opening or closing vote, counted only while that vote is open
    /// and only from the debate's own room (`at`: server, thread or channel).
    pub async fn ballot(
        &self,
        id: u64,
        poll: Poll,
        at: (Option<u64>, u64),
        user: u64,
        side: Side,
        now: i64,
    ) -> Result<VoteOutcome, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            hold_class!(db, tx, id);
            let before = sqlx::query(
            "SELECT CAST(1 AS BIGINT) FROM debate_ballots WHERE debate_id = $1 AND phase = $2 AND user_id = $3",
        )
        .bind(id.to_string())
        .bind(poll.code())
        .bind(user.to_string())
        .fetch_optional(&mut *tx)
        .await?;
            let done = sqlx::query(
            "INSERT INTO debate_ballots (debate_id, phase, user_id, side, voted_at)
             SELECT $1, $2, $3, $4, $5 FROM class_debates c JOIN debates d ON d.id = c.debate_id
             WHERE c.debate_id = $1 AND c.phase = $2 AND d.closed_at IS NULL
               AND d.guild_id IS NOT DISTINCT FROM $6 AND COALESCE(d.thread_id, d.channel_id) = $7
             ON CONFLICT (debate_id, phase, user_id) DO UPDATE SET side = excluded.side, voted_at = excluded.voted_at",
        )
        .bind(id.to_string())
        .bind(poll.code())
        .bind(user.to_string())
        .bind(side.code())
        .bind(now)
        .bind(at.0.map(|g| g.to_string()))
        .bind(at.1.to_string())
        .execute(&mut *tx)
        .await?;
            tx.commit().await?;
            Ok(match (done.rows_affected(), before) {
                (0, _) => VoteOutcome::Closed,
                (_, None) => VoteOutcome::Cast,
                (_, Some(_)) => VoteOutcome::Changed,
            })
        })
    }

    /// The opening and closing tallies.
    pub async fn ballot_tallies(&self, id: u64) -> Result<(Tally, Tally), StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
            "SELECT phase, side, COUNT(*) AS n FROM debate_ballots WHERE debate_id = $1 GROUP BY phase, side",
        )
        .bind(id.to_string())
        .fetch_all(db)
        .await?;
            let (mut opening, mut closing) = (Tally::default(), Tally::default());
            for row in rows {
                let phase: String = row.try_get("phase")?;
                let side: String = row.try_get("side")?;
                let n: i64 = row.try_get("n")?;
                match Poll::parse(&phase) {
                    Some(Poll::Opening) => tally_into(&mut opening, &side, n),
                    Some(Poll::Closing) => tally_into(&mut closing, &side, n),
                    None => {}
                }
            }
            Ok((opening, closing))
        })
    }

    /// Names a speech's speaker; `false` when the speech has ended.
    pub async fn set_speaker(
        &self,
        id: u64,
        number: u32,
        speaker: (u64, &str),
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE debate_speeches SET speaker_id = $1, speaker_name = $2
             WHERE debate_id = $3 AND number = $4 AND ended_at IS NULL",
            )
            .bind(speaker.0.to_string())
            .bind(speaker.1)
            .bind(id.to_string())
            .bind(i64::from(number))
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// A volunteer takes a waiting speech and starts its clock, in one statement; `false` when
    /// it had a speaker or had started already (another volunteer was first).
    pub async fn claim_speech(
        &self,
        id: u64,
        number: u32,
        speaker: (u64, &str),
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE debate_speeches SET speaker_id = $1, speaker_name = $2, started_at = $3,
                        deadline = $3 + allowed
                 WHERE debate_id = $4 AND number = $5 AND speaker_id IS NULL
                   AND started_at IS NULL AND ended_at IS NULL",
            )
            .bind(speaker.0.to_string())
            .bind(speaker.1)
            .bind(now)
            .bind(id.to_string())
            .bind(i64::from(number))
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Starts a waiting speech's clock; `false` when it had started already.
    pub async fn start_speech(&self, id: u64, number: u32, now: i64) -> Result<bool, StoreError> {
        let sql = "UPDATE debate_speeches SET started_at = $1, deadline = $1 + allowed
             WHERE debate_id = $2 AND number = $3 AND started_at IS NULL AND ended_at IS NULL";
        Ok(self.change_speech(sql, id, number, now).await? == 1)
    }

    /// Pauses a running speech (its time left kept); `false` when it was not running.
    pub async fn pause_speech(&self, id: u64, number: u32, now: i64) -> Result<bool, StoreError> {
        let sql = "UPDATE debate_speeches SET remaining = CASE WHEN deadline > $1 THEN deadline - $1 ELSE 0 END, deadline = NULL
             WHERE debate_id = $2 AND number = $3 AND deadline IS NOT NULL AND ended_at IS NULL";
        Ok(self.change_speech(sql, id, number, now).await? == 1)
    }

    /// Resumes a paused speech; `false` when it was not paused.
    pub async fn resume_speech(&self, id: u64, number: u32, now: i64) -> Result<bool, StoreError> {
        let sql = "UPDATE debate_speeches SET deadline = $1 + remaining, remaining = NULL
             WHERE debate_id = $2 AND number = $3 AND remaining IS NOT NULL AND ended_at IS NULL";
        Ok(self.change_speech(sql, id, number, now).await? == 1)
    }

    /// Runs `sql`, an update of one speech that binds `$1` to now, `$2` to the debate and `$3`
    /// to the speech's number; the rows it changed (1, or 0 when the speech was not in the
    /// state the update asks for).
    async fn change_speech(
        &self,
        sql: &'static str,
        id: u64,
        number: u32,
        now: i64,
    ) -> Result<u64, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(sql)
                .bind(now)
                .bind(id.to_string())
                .bind(i64::from(number))
                .execute(db)
                .await?;
            Ok(done.rows_affected())
        })
    }

    /// Gives a started speech `secs` more (counted from now if its time had run out), and
    /// arms the warning again when the time left is past it; `false` when it has not started
    /// or has ended.
    pub async fn extend_speech(
        &self,
        id: u64,
        number: u32,
        secs: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
            "UPDATE debate_speeches SET
               allowed = allowed + $1 + CASE WHEN deadline IS NOT NULL AND deadline < $2 THEN $2 - deadline ELSE 0 END,
               deadline = CASE WHEN deadline IS NULL THEN NULL WHEN deadline > $2 THEN deadline + $1 ELSE $2 + $1 END,
               remaining = CASE WHEN remaining IS NULL THEN NULL ELSE remaining + $1 END,
               timed = 0,
               warned = CASE WHEN COALESCE(CASE WHEN deadline IS NULL THEN NULL WHEN deadline > $2 THEN deadline ELSE $2 END + $1 - $2, remaining + $1) > warn_secs THEN 0 ELSE 1 END
             WHERE debate_id = $3 AND number = $4 AND started_at IS NOT NULL AND ended_at IS NULL",
        )
        .bind(secs)
        .bind(now)
        .bind(id.to_string())
        .bind(i64::from(number))
        .execute(db)
        .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Ends a speech and records the seconds spoken (pauses left out, overtime included).
    pub async fn end_speech(&self, id: u64, number: u32, now: i64) -> Result<(), StoreError> {
        let sql = "UPDATE debate_speeches SET ended_at = $1,
               used = CASE WHEN started_at IS NULL THEN 0
                           WHEN deadline IS NOT NULL THEN allowed - deadline + $1
                           ELSE allowed - COALESCE(remaining, 0) END,
               deadline = NULL, remaining = NULL
             WHERE debate_id = $2 AND number = $3 AND ended_at IS NULL";
        self.change_speech(sql, id, number, now).await?;
        Ok(())
    }

    /// Running speeches of open debates whose warning or "time" is due at `now`.
    pub async fn due_speeches(&self, now: i64) -> Result<Vec<(u64, u32, Due)>, StoreError> {
        on!(&self.reader, |db| {
            let rows = sqlx::query(
            "SELECT s.debate_id, s.number, s.deadline <= $1 AS over FROM debate_speeches s
             JOIN debates d ON d.id = s.debate_id
             WHERE s.deadline IS NOT NULL AND s.ended_at IS NULL AND d.closed_at IS NULL
               AND ((s.timed = 0 AND s.deadline <= $1) OR (s.warned = 0 AND s.deadline - s.warn_secs <= $1))",
        )
        .bind(now)
        .fetch_all(db)
        .await?;
            rows.iter()
                .map(|r| {
                    let over: bool = r.try_get("over")?;
                    Ok((
                        snowflake(r, "debate_id")?,
                        r.try_get::<i64, _>("number")? as u32,
                        if over { Due::Time } else { Due::Warn },
                    ))
                })
                .collect()
        })
    }

    /// Claims the right to say a speech's warning or "time": `true` once per speech (and once
    /// more after an extension), whichever process or restart asks.
    pub async fn claim_due(
        &self,
        id: u64,
        number: u32,
        due: Due,
        now: i64,
    ) -> Result<bool, StoreError> {
        let sql = match due {
            // Saying "time" makes the warning moot.
            Due::Time => {
                "UPDATE debate_speeches SET timed = 1, warned = 1
                 WHERE debate_id = $2 AND number = $3 AND timed = 0 AND ended_at IS NULL
                   AND deadline IS NOT NULL AND deadline <= $1"
            }
            Due::Warn => {
                "UPDATE debate_speeches SET warned = 1
                 WHERE debate_id = $2 AND number = $3 AND warned = 0 AND ended_at IS NULL
                   AND deadline IS NOT NULL AND deadline - warn_secs <= $1 AND deadline > $1"
            }
        };
        Ok(self.change_speech(sql, id, number, now).await? == 1)
    }

    /// A raised hand during a speech; `false` when the member's hand is already up.
    pub async fn raise_poi(
        &self,
        id: u64,
        speech: u32,
        user: u64,
        name: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "INSERT INTO debate_pois (debate_id, speech, user_id, name, state, raised_at)
             VALUES ($1, $2, $3, $4, 'waiting', $5) ON CONFLICT DO NOTHING",
            )
            .bind(id.to_string())
            .bind(i64::from(speech))
            .bind(user.to_string())
            .bind(name)
            .bind(now)
            .execute(db)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Accepts or declines the first hand waiting in a speech; the member it was, if any.
    pub async fn answer_poi(
        &self,
        id: u64,
        speech: u32,
        accept: bool,
        hand: Option<i64>,
    ) -> Result<Option<(u64, String)>, StoreError> {
        on!(&self.pool, |db| {
            // The hand shown (`$4`), still up; or, for a message that named none, the first.
            let row = sqlx::query(
            "UPDATE debate_pois SET state = $1
             WHERE id = (SELECT id FROM debate_pois WHERE debate_id = $2 AND speech = $3 AND state = 'waiting'
                           AND ($4 IS NULL OR id = $4)
                         ORDER BY id LIMIT 1)
               AND state = 'waiting'
             RETURNING user_id, name",
        )
        .bind(if accept {
            PoiState::Accepted.code()
        } else {
            PoiState::Declined.code()
        })
        .bind(id.to_string())
        .bind(i64::from(speech))
        .bind(hand)
        .fetch_optional(db)
        .await?;
            row.map(|r| Ok((snowflake(&r, "user_id")?, r.try_get("name")?)))
                .transpose()
        })
    }

    /// Hands still up when a speech ends are declined.
    pub async fn lower_hands(&self, id: u64, speech: u32) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
            "UPDATE debate_pois SET state = 'declined' WHERE debate_id = $1 AND speech = $2 AND state = 'waiting'",
        )
        .bind(id.to_string())
        .bind(i64::from(speech))
        .execute(db)
        .await?;
            Ok(())
        })
    }

    /// Adds an argument (numbered in the debate) while the debate is open and neither the
    /// debate nor the member has reached its bound (`limits`: per debate, per member). The
    /// debate's row is taken first, so that two members adding at once (two processes on
    /// PostgreSQL under READ COMMITTED) count and number one after the other, and an
    /// argument never lands after the close.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_argument(
        &self,
        id: u64,
        parent: Option<u32>,
        side: Side,
        user: (u64, &str),
        claim: &str,
        source: Option<&str>,
        now: i64,
        limits: (u32, u32),
    ) -> Result<Added, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let open =
                sqlx::query("UPDATE debates SET id = id WHERE id = $1 AND closed_at IS NULL")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if open == 0 {
                return Ok(Added::Closed);
            }
            let row = sqlx::query(
                "SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN user_id = $2 THEN 1 ELSE 0 END), 0) AS mine,
                        COALESCE(MAX(number), 0) AS last
                 FROM debate_arguments WHERE debate_id = $1",
            )
            .bind(id.to_string())
            .bind(user.0.to_string())
            .fetch_one(&mut *tx)
            .await?;
            let (n, mine, last): (i64, i64, i64) = (
                row.try_get("n")?,
                row.try_get("mine")?,
                row.try_get("last")?,
            );
            if n >= i64::from(limits.0) {
                return Ok(Added::DebateFull);
            }
            if mine >= i64::from(limits.1) {
                return Ok(Added::MemberFull);
            }
            sqlx::query(
                "INSERT INTO debate_arguments (debate_id, number, parent, side, user_id, name, claim, source, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(id.to_string())
            .bind(last + 1)
            .bind(parent.map(i64::from))
            .bind(side.code())
            .bind(user.0.to_string())
            .bind(user.1)
            .bind(claim)
            .bind(source)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(Added::Numbered((last + 1) as u32))
        })
    }

    /// Whether a server pings speakers when they are named.
    pub async fn debate_pings(&self, guild: u64) -> Result<bool, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query("SELECT ping_speakers FROM debate_settings WHERE guild_id = $1")
                .bind(guild.to_string())
                .fetch_optional(db)
                .await?;
            Ok(match row {
                Some(r) => r.try_get::<i64, _>("ping_speakers")? != 0,
                None => false,
            })
        })
    }

    pub async fn set_debate_pings(&self, guild: u64, on: bool) -> Result<(), StoreError> {
        self.put_setting(
            "INSERT INTO debate_settings (guild_id, ping_speakers) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET ping_speakers = excluded.ping_speakers",
            guild,
            i64::from(on),
        )
        .await
    }

    /// The open class debates (for the clock after a restart, and for shutdown).
    pub async fn open_classes(&self) -> Result<Vec<u64>, StoreError> {
        on!(&self.reader, |db| {
            let rows =
                sqlx::query("SELECT id FROM debates WHERE format = 'class' AND closed_at IS NULL")
                    .fetch_all(db)
                    .await?;
            rows.iter().map(|r| snowflake(r, "id")).collect()
        })
    }
}
