//! A server's course: the shipped items it hides from its class.

use std::collections::HashSet;

use super::{Store, StoreError};
use crate::course::model::{Hidden, ItemKind, ReadingPlan};

impl Store {
    /// The items a server hides.
    pub async fn hidden_items(&self, guild: u64) -> Result<Hidden, StoreError> {
        on!(&self.reader, |db| {
            let rows: Vec<(String, String)> =
                sqlx::query_as("SELECT kind, item FROM course_hidden WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_all(db)
                    .await?;
            let mut hidden = HashSet::with_capacity(rows.len());
            for (kind, item) in rows {
                let kind = ItemKind::parse(&kind).ok_or(StoreError::Corrupt {
                    column: "kind",
                    value: kind,
                })?;
                hidden.insert((kind, item));
            }
            Ok(Hidden(hidden))
        })
    }

    /// Hides (`Some((member, at))`) or shows again (`None`) a server's item `pack:id`;
    /// `false` when it already was so.
    pub async fn set_hidden(
        &self,
        guild: u64,
        (kind, item): (ItemKind, &str),
        by: Option<(u64, i64)>,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done =
                match by {
                    Some((member, at)) => {
                        sqlx::query(
                            "INSERT INTO course_hidden (guild_id, kind, item, hidden_by, hidden_at)
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (guild_id, kind, item) DO NOTHING",
                        )
                        .bind(guild.to_string())
                        .bind(kind.code())
                        .bind(item)
                        .bind(member.to_string())
                        .bind(at)
                        .execute(db)
                        .await?
                    }
                    None => sqlx::query(
                        "DELETE FROM course_hidden WHERE guild_id = $1 AND kind = $2 AND item = $3",
                    )
                    .bind(guild.to_string())
                    .bind(kind.code())
                    .bind(item)
                    .execute(db)
                    .await?,
                };
            Ok(done.rows_affected() > 0)
        })
    }
}

impl Store {
    /// A server's reading plan (empty when staff set none).
    pub async fn reading_plan(&self, guild: u64) -> Result<ReadingPlan, StoreError> {
        on!(&self.reader, |db| {
            let plan: Option<String> =
                sqlx::query_scalar("SELECT plan FROM course_plans WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            match plan {
                None => Ok(ReadingPlan::default()),
                Some(json) => serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
                    column: "plan",
                    value: json,
                }),
            }
        })
    }

    /// Stores a server's reading plan whole.
    pub async fn set_reading_plan(&self, guild: u64, plan: &ReadingPlan) -> Result<(), StoreError> {
        let json = serde_json::to_string(plan).unwrap_or_else(|_| "{}".into());
        self.put_setting(
            "INSERT INTO course_plans (guild_id, plan) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET plan = excluded.plan",
            guild,
            json,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_server_hides_and_shows_its_items() {
        let s = Store::in_memory().await.unwrap();
        let q = (ItemKind::Question, "benjamin:q1");
        assert!(s.set_hidden(5, q, Some((7, 100))).await.unwrap());
        assert!(
            !s.set_hidden(5, q, Some((8, 101))).await.unwrap(),
            "hidden already"
        );
        let m = (ItemKind::Motion, "benjamin:m1");
        assert!(s.set_hidden(5, m, Some((7, 100))).await.unwrap());
        let hidden = s.hidden_items(5).await.unwrap();
        assert!(hidden.hides(ItemKind::Question, "benjamin", "q1"));
        assert!(!hidden.hides(ItemKind::Prompt, "benjamin", "q1"));
        assert_eq!(hidden.ids(ItemKind::Motion, "benjamin"), ["m1"]);
        assert!(
            s.hidden_items(6).await.unwrap().0.is_empty(),
            "another server"
        );
        assert!(s.set_hidden(5, q, None).await.unwrap());
        assert!(!s.set_hidden(5, q, None).await.unwrap(), "shown already");
        assert!(
            !s.hidden_items(5)
                .await
                .unwrap()
                .hides(ItemKind::Question, "benjamin", "q1")
        );
    }

    #[tokio::test]
    async fn a_reading_plan_is_kept_whole() {
        let s = Store::in_memory().await.unwrap();
        assert_eq!(s.reading_plan(5).await.unwrap(), ReadingPlan::default());
        let mut plan = ReadingPlan {
            start: "2026-09-07".into(),
            zone: "Asia/Jakarta".into(),
            ..ReadingPlan::default()
        };
        plan.weeks.insert(1, vec!["preface".into(), "i".into()]);
        plan.weeks.insert(3, vec!["ii".into()]);
        s.set_reading_plan(5, &plan).await.unwrap();
        assert_eq!(s.reading_plan(5).await.unwrap(), plan);
        plan.weeks.remove(&3);
        s.set_reading_plan(5, &plan).await.unwrap();
        assert_eq!(s.reading_plan(5).await.unwrap(), plan);
        assert_eq!(s.reading_plan(6).await.unwrap(), ReadingPlan::default());
    }
}
