//! A member's participation beyond quiz points, for the term gradebook: class-debate speeches
//! given, arguments added (and how many cite a verified quote or a section), ballots cast, and
//! answers per question (for accuracy per essay section), since a moment (the term's start).

use std::collections::HashMap;

use super::{Store, StoreError, parse_id};
use crate::quiz::model::Debating;

/// `(user, count)` per statement: `$1` the server, `$2` since when.
const SPEECHES: &str = "SELECT sp.speaker_id, COUNT(*) FROM debate_speeches sp
    JOIN debates d ON d.id = sp.debate_id
    WHERE d.guild_id = $1 AND sp.speaker_id IS NOT NULL AND sp.started_at IS NOT NULL
      AND sp.started_at >= $2
    GROUP BY sp.speaker_id";
const ARGUMENTS: &str = "SELECT a.user_id, COUNT(*), COUNT(a.source) FROM debate_arguments a
    JOIN debates d ON d.id = a.debate_id
    WHERE d.guild_id = $1 AND a.created_at >= $2
    GROUP BY a.user_id";
const BALLOTS: &str = "SELECT b.user_id, COUNT(*) FROM debate_ballots b
    JOIN debates d ON d.id = b.debate_id
    WHERE d.guild_id = $1 AND b.voted_at >= $2 GROUP BY b.user_id
    UNION ALL
    SELECT v.user_id, COUNT(*) FROM debate_votes v
    JOIN debates d ON d.id = v.debate_id
    WHERE d.guild_id = $1 AND v.voted_at >= $2 GROUP BY v.user_id";
const PER_QUESTION: &str = "SELECT user_id, question_id, COUNT(*), CAST(SUM(correct) AS BIGINT)
    FROM quiz_answers WHERE guild_id = $1 AND answered_at >= $2
    GROUP BY user_id, question_id";

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

    /// Each member's answers per question in a server since `since`: `(member, question,
    /// answered, right)`.
    pub async fn answers_per_question(
        &self,
        guild: u64,
        since: i64,
    ) -> Result<Vec<(u64, String, u64, u64)>, StoreError> {
        on!(&self.reader, |db| {
            let rows: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(PER_QUESTION)
                .bind(guild.to_string())
                .bind(since)
                .fetch_all(db)
                .await?;
            rows.into_iter()
                .map(|(user, q, n, right)| {
                    Ok((
                        parse_id("user_id", &user)?,
                        q,
                        n as u64,
                        right.unwrap_or(0) as u64,
                    ))
                })
                .collect()
        })
    }
}
