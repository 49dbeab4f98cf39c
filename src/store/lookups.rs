//! A server's rules for the lookup commands: its cooldowns, repeat window and default answering
//! mode (one row), and the channels that answer otherwise (one row each).

use sqlx::Row;

use super::{Store, StoreError, parse_id};
use crate::lookup::model::{LookupRules, MAX_CHANNELS};

impl Store {
    /// A server's lookup rules (the defaults when staff set none).
    pub async fn lookup_rules(&self, guild: u64) -> Result<LookupRules, StoreError> {
        on!(&self.reader, |db| {
            let row = sqlx::query(
                "SELECT channel_cooldown, server_cooldown, repeat_window, private
                 FROM lookup_settings WHERE guild_id = $1",
            )
            .bind(guild.to_string())
            .fetch_optional(db)
            .await?;
            let mut rules = LookupRules::default();
            if let Some(r) = row {
                let secs = |column: &str| -> Result<u32, StoreError> {
                    Ok(u32::try_from(r.try_get::<i64, _>(column)?).unwrap_or(0))
                };
                rules.channel_cooldown = secs("channel_cooldown")?;
                rules.server_cooldown = secs("server_cooldown")?;
                rules.repeat_window = secs("repeat_window")?;
                rules.private = r.try_get::<i64, _>("private")? != 0;
            }
            let channels: Vec<(String, i64)> = sqlx::query_as(
                "SELECT channel_id, private FROM lookup_channels WHERE guild_id = $1
                 ORDER BY channel_id",
            )
            .bind(guild.to_string())
            .fetch_all(db)
            .await?;
            for (channel, private) in channels {
                rules
                    .channels
                    .push((parse_id("channel_id", &channel)?, private != 0));
            }
            Ok(rules)
        })
    }

    /// Sets a server's cooldowns, repeat window and default answering mode (its channels'
    /// rules are kept).
    pub async fn set_lookup_settings(
        &self,
        guild: u64,
        rules: &LookupRules,
    ) -> Result<(), StoreError> {
        on!(&self.pool, |db| {
            sqlx::query(
                "INSERT INTO lookup_settings
                     (guild_id, channel_cooldown, server_cooldown, repeat_window, private)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (guild_id) DO UPDATE SET
                     channel_cooldown = excluded.channel_cooldown,
                     server_cooldown = excluded.server_cooldown,
                     repeat_window = excluded.repeat_window,
                     private = excluded.private",
            )
            .bind(guild.to_string())
            .bind(i64::from(rules.channel_cooldown))
            .bind(i64::from(rules.server_cooldown))
            .bind(i64::from(rules.repeat_window))
            .bind(i64::from(rules.private))
            .execute(db)
            .await?;
            Ok(())
        })
    }

    /// Gives a channel its own answering rule (`Some(private)`) or returns it to the server's
    /// default (`None`). `false` when the server already has [`MAX_CHANNELS`] channels with a
    /// rule of their own (nothing is stored then).
    pub async fn set_lookup_channel(
        &self,
        guild: u64,
        channel: u64,
        private: Option<bool>,
    ) -> Result<bool, StoreError> {
        on!(&self.pool, |db| {
            match private {
                Some(private) => {
                    // The count is checked in the statement that adds the row; a channel that
                    // already has a rule is only changed.
                    let done = sqlx::query(
                        "INSERT INTO lookup_channels (guild_id, channel_id, private)
                         SELECT $1, $2, $3
                         WHERE (SELECT COUNT(*) FROM lookup_channels
                                WHERE guild_id = $1 AND channel_id <> $2) < $4
                         ON CONFLICT (guild_id, channel_id) DO UPDATE SET private = excluded.private",
                    )
                    .bind(guild.to_string())
                    .bind(channel.to_string())
                    .bind(i64::from(private))
                    .bind(i64::from(MAX_CHANNELS))
                    .execute(db)
                    .await?;
                    Ok(done.rows_affected() > 0)
                }
                None => {
                    sqlx::query(
                        "DELETE FROM lookup_channels WHERE guild_id = $1 AND channel_id = $2",
                    )
                    .bind(guild.to_string())
                    .bind(channel.to_string())
                    .execute(db)
                    .await?;
                    Ok(true)
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_servers_lookup_rules_are_kept_and_its_channels_are_bounded() {
        let s = Store::in_memory().await.unwrap();
        let guild = 7_001;
        assert_eq!(s.lookup_rules(guild).await.unwrap(), LookupRules::default());
        let rules = LookupRules {
            channel_cooldown: 30,
            server_cooldown: 5,
            repeat_window: 3_600,
            private: true,
            channels: vec![],
        };
        s.set_lookup_settings(guild, &rules).await.unwrap();
        assert!(s.set_lookup_channel(guild, 10, Some(false)).await.unwrap());
        assert!(s.set_lookup_channel(guild, 11, Some(true)).await.unwrap());
        // Changed, not added twice.
        assert!(s.set_lookup_channel(guild, 11, Some(false)).await.unwrap());
        let read = s.lookup_rules(guild).await.unwrap();
        assert_eq!(read.channels, vec![(10, false), (11, false)]);
        assert_eq!(
            LookupRules {
                channels: vec![],
                ..read
            },
            rules
        );
        // Back to the server's default.
        assert!(s.set_lookup_channel(guild, 10, None).await.unwrap());
        assert_eq!(
            s.lookup_rules(guild).await.unwrap().channels,
            vec![(11, false)]
        );
        // Another server is untouched.
        assert_eq!(s.lookup_rules(9).await.unwrap(), LookupRules::default());
        // At most MAX_CHANNELS channels with a rule of their own; one of them can still change.
        for c in 100..100 + u64::from(MAX_CHANNELS) - 1 {
            assert!(s.set_lookup_channel(guild, c, Some(true)).await.unwrap());
        }
        assert!(!s.set_lookup_channel(guild, 5, Some(true)).await.unwrap());
        assert!(s.set_lookup_channel(guild, 11, Some(true)).await.unwrap());
        let read = s.lookup_rules(guild).await.unwrap();
        assert_eq!(read.channels.len(), MAX_CHANNELS as usize);
    }
}
