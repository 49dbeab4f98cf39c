//! A member's participation beyond quiz points, for the term gradebook: class-debate speeches
//! given, arguments added (and how many cite a verified quote or a section), ballots cast, and
//! answers per question (for accuracy per essay section), since a moment (the term's start).

use std::collections::HashMap;

use super::learning::running_answers;
use super::{BeginWrite, Store, StoreError, parse_id};
use crate::quiz::model::{Debating, Period};

/// `(user, count)` per statement: `$1` the server, `$2` since when. Each starts from the
/// server's debates (`debates_guild`), then reads each debate's rows by its key: SQLite keeps
/// the order a `CROSS JOIN` gives, so no statement reads other servers' debating.
const SPEECHES: &str = "SELECT sp.speaker_id, COUNT(*) FROM debates d CROSS JOIN debate_speeches sp
    WHERE d.guild_id = $1 AND sp.debate_id = d.id AND sp.speaker_id IS NOT NULL
      AND sp.started_at IS NOT NULL AND sp.started_at >= $2
    GROUP BY sp.speaker_id";
const ARGUMENTS: &str = "SELECT a.user_id, COUNT(*), COUNT(a.source)
    FROM debates d CROSS JOIN debate_arguments a
    WHERE d.guild_id = $1 AND a.debate_id = d.id AND a.created_at >= $2
    GROUP BY a.user_id";
const BALLOTS: &str = "SELECT b.user_id, COUNT(*) FROM debates d CROSS JOIN debate_ballots b
    WHERE d.guild_id = $1 AND b.debate_id = d.id AND b.voted_at >= $2 GROUP BY b.user_id
    UNION ALL
    SELECT v.user_id, COUNT(*) FROM debates d CROSS JOIN debate_votes v
    WHERE d.guild_id = $1 AND v.debate_id = d.id AND v.voted_at >= $2 GROUP BY v.user_id";
/// Each member's answers per essay section in period `$2` as kept, then in the live rounds
/// still running since `$3` (each question's section from the store's map; `NULL` for a
/// question without one). A member and section may come in both parts.
const PER_SECTION: &str = concat!(
    "SELECT user_id, section, n, correct FROM quiz_member_sections
     WHERE guild_id = $1 AND period = $2
     UNION ALL
     SELECT a.user_id AS user_id,
            (SELECT s.section FROM quiz_question_sections s WHERE s.question_id = a.question_id)
                AS section,
            COUNT(*), CAST(SUM(a.correct) AS BIGINT) ",
    running_answers!(),
    " AND a.answered_at >= $3 GROUP BY a.user_id, a.question_id"
);

impl Store {
    /// Each member's class-debate participation in a server since `since`.
    pub async fn debating(
        &self,
        guild: u64,
        since: i64,
    ) -> Result<HashMap<u64, Debating>, StoreError> {
        let mut out: HashMap<u64, Debating> = HashMap::new();
        on!(&self.reader, |db| {
            let speeches: Vec<(String, i64)> = sqlx::query_as(SPEECHES)
                .bind(guild.to_string())
                .bind(since)
                .fetch_all(db)
                .await?;
            for (user, n) in speeches {
                out.entry(parse_id("speaker_id", &user)?)
                    .or_default()
                    .speeches += n as u64;
            }
            let arguments: Vec<(String, i64, i64)> = sqlx::query_as(ARGUMENTS)
                .bind(guild.to_string())
                .bind(since)
                .fetch_all(db)
                .await?;
            for (user, n, cited) in arguments {
                let d = out.entry(parse_id("user_id", &user)?).or_default();
                d.arguments += n as u64;
                d.cited += cited as u64;
            }
            let ballots: Vec<(String, i64)> = sqlx::query_as(BALLOTS)
                .bind(guild.to_string())
                .bind(since)
                .fetch_all(db)
                .await?;
            for (user, n) in ballots {
                out.entry(parse_id("user_id", &user)?).or_default().ballots += n as u64;
            }
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// Each member's answers per essay section in a server in `period` (the term or all
    /// time): `(member, section, answered, right)`, in parts (a member and section may come
    /// twice: kept, and in a round still running). `sections` maps the pack's question ids
    /// to their section (questions without one are left out): the store's copy of it is
    /// brought up to date first ([`Store::keep_sections`]). A row per member and section is
    /// read, whatever the number of answers.
    pub async fn answers_per_section(
        &self,
        guild: u64,
        period: Period,
        now: i64,
        sections: &[(&str, &str)],
    ) -> Result<Vec<(u64, String, u64, u64)>, StoreError> {
        self.keep_sections(sections).await?;
        let since = self.period_start(guild, period, now).await?;
        on!(&self.reader, |db| {
            let rows: Vec<(String, Option<String>, i64, Option<i64>)> = sqlx::query_as(PER_SECTION)
                .bind(guild.to_string())
                .bind(period.code())
                .bind(since)
                .fetch_all(db)
                .await?;
            rows.into_iter()
                .filter_map(|(user, section, n, right)| Some((user, section?, n, right)))
                .map(|(user, section, n, right)| {
                    Ok((
                        parse_id("user_id", &user)?,
                        section,
                        u64::try_from(n).unwrap_or(0),
                        u64::try_from(right.unwrap_or(0)).unwrap_or(0),
                    ))
                })
                .collect()
        })
    }

    /// Makes the store's map of questions to sections the pack's. Written only when it
    /// differs (a pack edited between two starts), and then each member's answers per section
    /// are built again from their answers per question, in the same transaction: every
    /// server's at once, so the bot does it when it starts, before it serves anyone.
    pub async fn keep_sections(&self, sections: &[(&str, &str)]) -> Result<(), StoreError> {
        let mut wanted: Vec<(String, String)> = sections
            .iter()
            .map(|(q, s)| (q.to_string(), s.to_string()))
            .collect();
        wanted.sort();
        wanted.dedup_by(|a, b| a.0 == b.0);
        let kept: Vec<(String, String)> = on!(&self.reader, |db| {
            sqlx::query_as(
                "SELECT question_id, section FROM quiz_question_sections ORDER BY question_id",
            )
            .fetch_all(db)
            .await?
        });
        if kept == wanted {
            return Ok(());
        }
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            sqlx::query("DELETE FROM quiz_question_sections")
                .execute(&mut *tx)
                .await?;
            for (question, section) in &wanted {
                sqlx::query(
                    "INSERT INTO quiz_question_sections (question_id, section) VALUES ($1, $2)
                     ON CONFLICT (question_id) DO UPDATE SET section = excluded.section",
                )
                .bind(question)
                .bind(section)
                .execute(&mut *tx)
                .await?;
            }
            for sql in [
                "DELETE FROM quiz_member_sections",
                "INSERT INTO quiz_member_sections (guild_id, period, user_id, section, n, correct)
                 SELECT q.guild_id, q.period, q.user_id, s.section, CAST(SUM(q.n) AS BIGINT),
                        CAST(SUM(q.correct) AS BIGINT)
                 FROM quiz_member_questions q
                 JOIN quiz_question_sections s ON s.question_id = q.question_id
                 GROUP BY q.guild_id, q.period, q.user_id, s.section",
            ] {
                sqlx::query(sql).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}
