//! A server's course: the shipped items it hides from its class.

use std::collections::HashSet;

use super::{Store, StoreError};
use crate::course::model::{Hidden, ItemKind};

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
}
