//! Members' names as they were last seen answering quiz questions (`quiz_answers.display_name`),
//! for pictures, which cannot show a mention, and for reports and the gradebook.

use std::collections::HashMap;

use super::{BeginRead, Record, Store, StoreError, snowflake};

/// The most members one call looks up (a chart shows ten).
const MAX_IDS: usize = 25;

/// Each member's latest name as folded (`quiz_names`), for a server or some members in it.
const FOLDED: &str = "SELECT user_id, name, seen_at FROM quiz_names WHERE guild_id = $1 {filter}";

/// The names members answered under in the server's rounds still running (not folded yet).
const RUNNING: &str =
    "SELECT a.user_id AS user_id, a.display_name AS name, a.answered_at AS seen_at
     FROM quiz_rounds r CROSS JOIN quiz_answers a
     WHERE r.guild_id = $1 AND r.folded = 0 AND r.kind = 'live' AND a.round_id = r.id
       AND a.guild_id = $1 AND a.display_name <> '' {filter}
     ORDER BY a.answered_at, a.question_no";

impl Store {
    /// Each member's latest display name in a server's quiz answers.
    pub async fn display_names(&self, guild: u64) -> Result<HashMap<u64, String>, StoreError> {
        self.latest_names(guild, &[]).await
    }

    /// The latest names stored for these members in a server's quiz answers (at most
    /// [`MAX_IDS`] of them); members without one are left out.
    pub async fn display_names_of(
        &self,
        guild: u64,
        members: &[u64],
    ) -> Result<HashMap<u64, String>, StoreError> {
        if members.is_empty() {
            return Ok(HashMap::new());
        }
        let members: Vec<String> = members.iter().take(MAX_IDS).map(u64::to_string).collect();
        self.latest_names(guild, &members).await
    }

    /// `members` empty: everyone's.
    async fn latest_names(
        &self,
        guild: u64,
        members: &[String],
    ) -> Result<HashMap<u64, String>, StoreError> {
        let filter = if members.is_empty() {
            String::new()
        } else {
            let marks: Vec<String> = (0..members.len()).map(|i| format!("${}", i + 2)).collect();
            format!("AND user_id IN ({})", marks.join(", "))
        };
        // Both reads see one moment: a round folding between them is read once.
        let seen = on!(&self.reader, |db| {
            let mut tx = db.begin_read().await?;
            let mut seen = Vec::new();
            for sql in [FOLDED, RUNNING] {
                let sql = sql.replace("{filter}", &filter);
                let mut query = sqlx::query(&sql).bind(guild.to_string());
                for m in members {
                    query = query.bind(m);
                }
                for row in &query.fetch_all(&mut *tx).await? {
                    let name: String = row.value("name")?;
                    let at: i64 = row.value("seen_at")?;
                    seen.push((snowflake(row, "user_id")?, name, at));
                }
            }
            tx.commit().await?;
            seen
        });
        // The latest name is kept (a later row of the same instant wins).
        let mut out: HashMap<u64, (String, i64)> = HashMap::new();
        for (user, name, at) in seen {
            match out.get(&user) {
                Some((_, kept)) if *kept > at => {}
                _ => {
                    out.insert(user, (name, at));
                }
            }
        }
        Ok(out
            .into_iter()
            .map(|(user, (name, _))| (user, name))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn names_come_from_the_answers_of_that_server() {
        let s = Store::in_memory().await.expect("store");
        on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_rounds (id, guild_id, channel_id, starter_id, started_at) VALUES ('r1', '1', '2', '3', 0)")
            .execute(db).await.map(|_| ())).expect("round");
        for (q, guild, user, name) in [
            (1, "1", "5", Some("Ayu")),
            (2, "1", "5", Some("Ayu")),
            (1, "1", "6", None),
            (1, "9", "7", Some("Elsewhere")),
        ] {
            on!(&s.pool, |db| sqlx::query("INSERT INTO quiz_answers (round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at, display_name) VALUES ('r1', $1, 'q', $2, $3, 0, 1, 900, 10, 0, $4)")
                .bind(i64::from(q)).bind(guild).bind(user).bind(name)
                .execute(db).await.map(|_| ())).expect("answer");
        }
        let names = s.display_names_of(1, &[5, 6, 7]).await.expect("names");
        assert_eq!(names, HashMap::from([(5, "Ayu".to_string())]));
        assert!(s.display_names_of(1, &[]).await.expect("none").is_empty());
    }
}
