//! Where a server's staff actions are logged: one audit channel per server, with the language
//! its lines are written in.

use super::{Store, StoreError, parse_id};
use crate::pack::Lang;

impl Store {
    /// Sets (`Some`) or turns off (`None`) a server's audit channel.
    pub async fn set_audit_channel(
        &self,
        guild: u64,
        channel: Option<(u64, Lang)>,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            match channel {
                Some((channel, lang)) => {
                    sqlx::query(
                    "INSERT INTO audit_channels (guild_id, channel_id, lang) VALUES ($1, $2, $3)
                     ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,
                                                          lang = excluded.lang",
                )
                .bind(guild.to_string())
                .bind(channel.to_string())
                .bind(lang.code())
                .execute(db)
                .await?;
                }
                None => {
                    sqlx::query("DELETE FROM audit_channels WHERE guild_id = $1")
                        .bind(guild.to_string())
                        .execute(db)
                        .await?;
                }
            }
            Ok(())
        })
    }

    /// A server's audit channel and its language, if staff set one.
    pub async fn audit_channel(&self, guild: u64) -> Result<Option<(u64, Lang)>, StoreError> {
        on!(&self.reader, |db| {
            let row: Option<(String, String)> =
                sqlx::query_as("SELECT channel_id, lang FROM audit_channels WHERE guild_id = $1")
                    .bind(guild.to_string())
                    .fetch_optional(db)
                    .await?;
            row.map(|(channel, lang)| {
                Ok((
                    parse_id("channel_id", &channel)?,
                    Lang::parse(&lang).ok_or(StoreError::Corrupt {
                        column: "lang",
                        value: lang,
                    })?,
                ))
            })
            .transpose()
        })
    }
}
