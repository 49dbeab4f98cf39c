//! A server's quiz settings (how its boards name members, its default scoring) and the
//! members who keep their own name off its public boards; the extra time a teacher gives
//! one member.

use std::collections::HashSet;

use super::{Store, StoreError, parse_id};
use crate::quiz::model::{Boards, Naming, QuizSettings};

impl Store {
    /// A server's quiz settings (the defaults when it set none).
    pub async fn quiz_settings(&self, guild: u64) -> Result<QuizSettings, StoreError> {
        on!(&self.reader, |db| {
            let row: Option<(String, Option<i64>)> =
                sqlx::query_as("SELECT boards, flat FROM quiz_settings WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            let Some((boards, flat)) = row else {
                return Ok(QuizSettings::default());
            };
            Ok(QuizSettings {
                boards: Boards::parse(&boards).ok_or(StoreError::Corrupt {
                    column: "boards",
                    value: boards,
                })?,
                flat: flat.map(|f| f != 0),
            })
        })
    }

    /// Stores a server's quiz settings whole.
    pub async fn set_quiz_settings(
        &self,
        guild: u64,
        settings: QuizSettings,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
                "INSERT INTO quiz_settings (guild_id, boards, flat) VALUES ($1, $2, $3)
                 ON CONFLICT (guild_id) DO UPDATE SET boards = excluded.boards,
                     flat = excluded.flat",
            )
            .bind(guild.to_string())
            .bind(settings.boards.code())
            .bind(settings.flat.map(i64::from))
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// How a server's public boards name members now.
    pub async fn naming(&self, guild: u64) -> Result<Naming, StoreError> {
        let boards = self.quiz_settings(guild).await?.boards;
        let unnamed: Vec<String> = on!(&self.reader, |db| {
            sqlx::query_scalar("SELECT user_id FROM quiz_unnamed WHERE guild_id = $1")
                .bind(guild.to_string())
                .fetch_all(db)
                .await
        })?;
        let unnamed = unnamed
            .iter()
            .map(|u| parse_id("user_id", u))
            .collect::<Result<HashSet<u64>, _>>()?;
        Ok(Naming { boards, unnamed })
    }

    /// Gives a member extra time (`percent` of the limit, 101–300), or none again (100).
    pub async fn set_member_time(
        &self,
        (guild, user): (u64, u64),
        percent: u32,
        now: i64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            if percent <= 100 {
                sqlx::query("DELETE FROM quiz_member_time WHERE guild_id = $1 AND user_id = $2")
                    .bind(guild.to_string())
                    .bind(user.to_string())
                    .execute(db)
                    .await?;
            } else {
                sqlx::query(
                    "INSERT INTO quiz_member_time (guild_id, user_id, percent, set_at)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (guild_id, user_id) DO UPDATE SET percent = excluded.percent,
                         set_at = excluded.set_at",
                )
                .bind(guild.to_string())
                .bind(user.to_string())
                .bind(i64::from(percent))
                .bind(now)
                .execute(db)
                .await?;
            }
            Ok(())
        })
    }

    /// Keeps a member's name off (`true`) or on a server's public boards; `false` when it
    /// already was so.
    pub async fn set_unnamed(&self, guild: u64, user: u64, off: bool) -> Result<bool, StoreError> {
        let sql = if off {
            "INSERT INTO quiz_unnamed (guild_id, user_id) VALUES ($1, $2)
             ON CONFLICT (guild_id, user_id) DO NOTHING"
        } else {
            "DELETE FROM quiz_unnamed WHERE guild_id = $1 AND user_id = $2"
        };
        on!(&self.pool, |db| {
            let done = sqlx::query(sql)
                .bind(guild.to_string())
                .bind(user.to_string())
                .execute(db)
                .await?;
            Ok(done.rows_affected() > 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::homework::model::Assignment;

    #[tokio::test]
    async fn a_servers_naming_is_its_setting_and_the_members_who_hid_their_name() {
        let s = Store::in_memory().await.expect("store");
        assert_eq!(s.naming(1).await.expect("naming"), Naming::default());
        let settings = QuizSettings {
            boards: Boards::TopThree,
            flat: Some(true),
        };
        s.set_quiz_settings(1, settings).await.expect("set");
        assert_eq!(s.quiz_settings(1).await.expect("read"), settings);
        assert!(s.set_unnamed(1, 7, true).await.expect("hide"));
        assert!(!s.set_unnamed(1, 7, true).await.expect("again"));
        s.set_unnamed(2, 8, true).await.expect("elsewhere");
        let naming = s.naming(1).await.expect("naming");
        assert_eq!(naming.boards, Boards::TopThree);
        assert_eq!(naming.unnamed, HashSet::from([7]));
        assert_eq!(naming.shows(1, 7), Some(false));
        assert_eq!(naming.shows(2, 9), Some(true));
        assert_eq!(naming.shows(4, 9), None);
        assert!(s.set_unnamed(1, 7, false).await.expect("show"));
        // Extra time for one member of one server, read as a homework click reads it.
        let time = |guild| {
            let (s, a) = (s.clone(), Assignment::sample(9, (guild, 2), 100));
            async move { s.member_terms(&a, 7).await.expect("time").0 }
        };
        assert_eq!(time(1).await, 100);
        s.set_member_time((1, 7), 150, 5).await.expect("extra");
        assert_eq!(time(1).await, 150);
        assert_eq!(time(2).await, 100, "another server");
        s.set_member_time((1, 7), 100, 6).await.expect("none");
        assert_eq!(time(1).await, 100);
        assert!(s.naming(1).await.expect("naming").unnamed.is_empty());
    }
}
