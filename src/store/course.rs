//! A server's course: the shipped items it hides from its class, its reading plan and its
//! own items.

use std::collections::HashSet;

use super::{BeginWrite, Store, StoreError};
use crate::course::model::{Full, Hidden, ItemKind, ItemLimits, OwnItem, ReadingPlan};

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

impl Store {
    /// The server's own wording for the mark on its teachers' items (none: the default).
    pub async fn course_label(&self, guild: u64) -> Result<Option<String>, StoreError> {
        on!(&self.reader, |db| {
            Ok(
                sqlx::query_scalar("SELECT label FROM course_labels WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?,
            )
        })
    }

    /// Sets (`Some`) or clears the server's own wording of the mark.
    pub async fn set_course_label(
        &self,
        guild: u64,
        label: Option<String>,
    ) -> Result<(), StoreError> {
        match label {
            Some(label) => {
                self.put_setting(
                    "INSERT INTO course_labels (guild_id, label) VALUES ($1, $2)
                     ON CONFLICT (guild_id) DO UPDATE SET label = excluded.label",
                    guild,
                    label,
                )
                .await
            }
            None => on!(&self.pool, |db| {
                sqlx::query("DELETE FROM course_labels WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .execute(db)
                    .await?;
                Ok(())
            }),
        }
    }
}

type OwnRow = (
    String,
    String,
    String,
    Option<String>,
    i64,
    i64,
    Option<i64>,
);

impl Store {
    /// A server's own items, oldest first: the live ones, and with `deleted` the deleted too.
    pub async fn own_items(&self, guild: u64, deleted: bool) -> Result<Vec<OwnItem>, StoreError> {
        on!(&self.reader, |db| {
            let rows: Vec<OwnRow> = sqlx::query_as(
                "SELECT kind, item, body, author_id, created_at, updated_at, deleted_at
                 FROM course_items WHERE guild_id = $1 AND ($2 OR deleted_at IS NULL)
                 ORDER BY created_at, kind, item",
            )
            .bind(guild.to_string())
            .bind(deleted)
            .fetch_all(db)
            .await?;
            rows.into_iter()
                .map(
                    |(kind, id, body, author, created_at, updated_at, deleted_at)| {
                        Ok(OwnItem {
                            kind: ItemKind::parse(&kind).ok_or(StoreError::Corrupt {
                                column: "kind",
                                value: kind,
                            })?,
                            id,
                            body,
                            author: author.and_then(|a| a.parse().ok()),
                            created_at,
                            updated_at,
                            deleted: deleted_at.is_some(),
                        })
                    },
                )
                .collect()
        })
    }

    /// Saves a server's own items (`(kind, id, body)`: new, or replacing the item of that id)
    /// for `author` at `at`, all or none: refused when the server's live items or the
    /// author's would pass `limits`. Returns how many were new.
    pub async fn put_own_items(
        &self,
        (guild, author, at): (u64, u64, i64),
        items: &[(ItemKind, String, String)],
        limits: ItemLimits,
    ) -> Result<Result<usize, Full>, StoreError> {
        on!(&self.pool, |db| {
            let mut tx = db.begin_write().await?;
            let live: Vec<(String, String, Option<String>)> = sqlx::query_as(
                "SELECT kind, item, author_id FROM course_items
                 WHERE guild_id = $1 AND deleted_at IS NULL",
            )
            .bind(guild.to_string())
            .fetch_all(&mut *tx)
            .await?;
            let author_id = author.to_string();
            let is_new = |kind: ItemKind, id: &str| {
                !live.iter().any(|(k, i, _)| k == kind.code() && i == id)
            };
            let new = items.iter().filter(|(k, id, _)| is_new(*k, id)).count();
            let server = live.len() + new;
            let mine = live
                .iter()
                .filter(|(_, _, a)| a.as_deref() == Some(author_id.as_str()))
                .count()
                + new;
            if server > limits.server as usize {
                return Ok(Err(Full::Server(live.len() as u32)));
            }
            if mine > limits.member as usize {
                return Ok(Err(Full::Member((mine - new) as u32)));
            }
            for (kind, id, body) in items {
                sqlx::query(
                    "INSERT INTO course_items
                     (guild_id, kind, item, body, author_id, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $6)
                     ON CONFLICT (guild_id, kind, item) DO UPDATE SET body = excluded.body,
                     author_id = excluded.author_id, updated_at = excluded.updated_at,
                     deleted_at = NULL",
                )
                .bind(guild.to_string())
                .bind(kind.code())
                .bind(id)
                .bind(body)
                .bind(&author_id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(Ok(new))
        })
    }

    /// Deletes a server's own item at `at`; `false` when it has none of that id.
    pub async fn delete_own_item(
        &self,
        guild: u64,
        (kind, id): (ItemKind, &str),
        at: i64,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            let done = sqlx::query(
                "UPDATE course_items SET deleted_at = $4
                 WHERE guild_id = $1 AND kind = $2 AND item = $3 AND deleted_at IS NULL",
            )
            .bind(guild.to_string())
            .bind(kind.code())
            .bind(id)
            .bind(at)
            .execute(db)
            .await?;
            Ok(done.rows_affected() > 0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_servers_own_items_are_kept_bounded_replaced_and_deleted() {
        let s = Store::in_memory().await.unwrap();
        let item = |id: &str| (ItemKind::Question, id.to_string(), format!("id = \"{id}\""));
        let limits = ItemLimits {
            server: 3,
            member: 2,
        };
        let two = [item("a"), item("b")];
        assert_eq!(
            s.put_own_items((5, 7, 100), &two, limits).await.unwrap(),
            Ok(2)
        );
        assert_eq!(
            s.put_own_items((5, 7, 101), &[item("c")], limits)
                .await
                .unwrap(),
            Err(Full::Member(2)),
            "the member's bound"
        );
        assert_eq!(
            s.put_own_items((5, 7, 102), &[item("a")], limits)
                .await
                .unwrap(),
            Ok(0),
            "replacing is not adding"
        );
        assert_eq!(
            s.put_own_items((5, 8, 103), &[item("c")], limits)
                .await
                .unwrap(),
            Ok(1)
        );
        assert_eq!(
            s.put_own_items((5, 9, 104), &[item("d")], limits)
                .await
                .unwrap(),
            Err(Full::Server(3)),
            "the server's bound"
        );
        let items = s.own_items(5, false).await.unwrap();
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!((items[0].created_at, items[0].updated_at), (100, 102));
        assert!(
            s.own_items(6, true).await.unwrap().is_empty(),
            "another server"
        );
        assert!(
            s.delete_own_item(5, (ItemKind::Question, "b"), 110)
                .await
                .unwrap()
        );
        assert!(
            !s.delete_own_item(5, (ItemKind::Question, "b"), 111)
                .await
                .unwrap()
        );
        assert_eq!(s.own_items(5, false).await.unwrap().len(), 2);
        let all = s.own_items(5, true).await.unwrap();
        assert!(
            all.iter().any(|i| i.id == "b" && i.deleted),
            "kept for what asked it"
        );
        s.forget_member(7).await.unwrap();
        let items = s.own_items(5, false).await.unwrap();
        assert_eq!(
            items[0].author, None,
            "the author's id goes, the item stays"
        );
        assert_eq!(items[1].author, Some(8));
    }

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
    async fn a_servers_wording_of_the_mark_is_kept_and_cleared() {
        let s = Store::in_memory().await.unwrap();
        assert_eq!(s.course_label(5).await.unwrap(), None);
        s.set_course_label(5, Some("From Pak Budi".into()))
            .await
            .unwrap();
        s.set_course_label(5, Some("From Bu Sari".into()))
            .await
            .unwrap();
        assert_eq!(
            s.course_label(5).await.unwrap().as_deref(),
            Some("From Bu Sari")
        );
        assert_eq!(s.course_label(6).await.unwrap(), None);
        s.set_course_label(5, None).await.unwrap();
        assert_eq!(s.course_label(5).await.unwrap(), None);
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
