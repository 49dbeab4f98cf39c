//! Members' names as they were last seen answering quiz questions (`quiz_answers.display_name`),
//! for pictures, which cannot show a mention.

use std::collections::HashMap;

use super::{Record, Store, StoreError, snowflake};

/// The most members one call looks up (a chart shows ten).
const MAX_IDS: usize = 25;

impl Store {
    /// The names stored for these members in a server's quiz answers (one per member: the
    /// greatest, should they differ); members without one are left out.
    pub async fn display_names(
        &self,
        guild: u64,
        members: &[u64],
    ) -> Result<HashMap<u64, String>, StoreError> {
        let members: Vec<String> = members.iter().take(MAX_IDS).map(u64::to_string).collect();
        if members.is_empty() {
            return Ok(HashMap::new());
        }
        let placeholders: Vec<String> = (0..members.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT user_id, MAX(display_name) AS name FROM quiz_answers
             WHERE guild_id = $1 AND display_name IS NOT NULL AND user_id IN ({})
             GROUP BY user_id",
            placeholders.join(", ")
        );
        on!(&self.reader, |db| {
            let mut query = sqlx::query(&sql).bind(guild.to_string());
            for m in &members {
                query = query.bind(m);
            }
            let rows = query.fetch_all(db).await?;
            let mut out = HashMap::new();
            for row in &rows {
                let name: Option<String> = row.value("name")?;
                if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
                    out.insert(snowflake(row, "user_id")?, name);
                }
            }
            Ok(out)
        })
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
                .bind(q as i64).bind(guild).bind(user).bind(name)
                .execute(db).await.map(|_| ())).expect("answer");
        }
        let names = s.display_names(1, &[5, 6, 7]).await.expect("names");
        assert_eq!(names, HashMap::from([(5, "Ayu".to_string())]));
        assert!(s.display_names(1, &[]).await.expect("none").is_empty());
    }
}
