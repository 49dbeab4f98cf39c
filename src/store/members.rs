//! Language settings: a member's own, in every server (the language of Aura's replies to
//! them), and a server's for its shared posts.

use super::{BeginWrite, Store, StoreError};
use crate::language::model::Posts;
use crate::pack::Lang;

impl Store {
    /// The language a member chose for Aura's replies (`None`: their client's).
    pub async fn member_lang(&self, user: u64) -> Result<Option<Lang>, StoreError> {
        on!(&self.reader, |db| {
            let lang: Option<Option<String>> =
                sqlx::query_scalar("SELECT lang FROM member_settings WHERE user_id = $1")
                    .bind(user.to_string())
                    .fetch_optional(db)
                    .await?;
            Ok(lang.flatten().as_deref().and_then(Lang::parse))
        })
    }

    /// Sets (or, `None`, forgets) the language a member chose.
    pub async fn set_member_lang(
        &self,
        user: u64,
        lang: Option<Lang>,
        now: i64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            match lang {
                Some(lang) => {
                    sqlx::query(
                        "INSERT INTO member_settings (user_id, lang, set_at) VALUES ($1, $2, $3)
                         ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang,
                             set_at = excluded.set_at",
                    )
                    .bind(user.to_string())
                    .bind(lang.code())
                    .bind(now)
                    .execute(db)
                    .await?;
                }
                None => {
                    sqlx::query("DELETE FROM member_settings WHERE user_id = $1")
                        .bind(user.to_string())
                        .execute(db)
                        .await?;
                }
            }
            Ok(())
        })
    }

    /// The language of a server's shared posts (`Starter`: none set).
    pub async fn server_posts(&self, guild: u64) -> Result<Posts, StoreError> {
        on!(&self.reader, |db| {
            let posts: Option<String> =
                sqlx::query_scalar("SELECT posts FROM server_posts WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            Ok(posts.as_deref().and_then(Posts::parse).unwrap_or_default())
        })
    }

    /// Sets the language of a server's shared posts (`Starter`: none again).
    pub async fn set_server_posts(
        &self,
        guild: u64,
        posts: Posts,
        now: i64,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            // No row is the default (each starter's language): any other setting replaces it.
            let mut tx = db.begin_write().await?;
            sqlx::query("DELETE FROM server_posts WHERE guild_id = $1")
                .bind(guild.to_string())
                .execute(&mut *tx)
                .await?;
            if let Some(code) = posts.code() {
                sqlx::query(
                    "INSERT INTO server_posts (guild_id, posts, set_at) VALUES ($1, $2, $3)",
                )
                .bind(guild.to_string())
                .bind(code)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_members_language_is_kept_changed_and_forgotten() {
        let s = Store::in_memory().await.expect("store");
        assert_eq!(s.member_lang(5).await.expect("read"), None);
        s.set_member_lang(5, Some(Lang::Id), 10).await.expect("set");
        s.set_member_lang(6, Some(Lang::En), 10).await.expect("set");
        assert_eq!(s.member_lang(5).await.expect("read"), Some(Lang::Id));
        s.set_member_lang(5, Some(Lang::En), 11)
            .await
            .expect("change");
        assert_eq!(s.member_lang(5).await.expect("read"), Some(Lang::En));
        s.set_member_lang(5, None, 12).await.expect("clear");
        assert_eq!(s.member_lang(5).await.expect("read"), None);
        assert_eq!(s.member_lang(6).await.expect("read"), Some(Lang::En));
        // Erased with the rest of what Aura keeps about the member.
        assert_eq!(s.member_rows(6).await.expect("rows").settings, 1);
        s.forget_member(6).await.expect("forget");
        assert_eq!(s.member_lang(6).await.expect("read"), None);
    }

    #[tokio::test]
    async fn a_servers_posts_language_is_kept_changed_and_cleared() {
        let s = Store::in_memory().await.expect("store");
        assert_eq!(s.server_posts(1).await.expect("read"), Posts::Starter);
        s.set_server_posts(1, Posts::Both, 10).await.expect("set");
        s.set_server_posts(2, Posts::English, 10)
            .await
            .expect("set");
        assert_eq!(s.server_posts(1).await.expect("read"), Posts::Both);
        s.set_server_posts(1, Posts::Indonesian, 11)
            .await
            .expect("change");
        assert_eq!(s.server_posts(1).await.expect("read"), Posts::Indonesian);
        s.set_server_posts(1, Posts::Starter, 12)
            .await
            .expect("clear");
        assert_eq!(s.server_posts(1).await.expect("read"), Posts::Starter);
        assert_eq!(s.server_posts(2).await.expect("read"), Posts::English);
    }
}
