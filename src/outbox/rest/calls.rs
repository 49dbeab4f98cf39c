//! How each [`Outbox`] call maps onto Discord's routes through [`Rest`]'s raw calls, and how a
//! failed call becomes an [`OutboxError`].

use serde_json::Value;

use super::{Rest, RestError, Webhook, snowflake};
use crate::outbox::{GuildRole, Message, Outbox, OutboxError, Sought, history, permissions};
use crate::render;

impl From<RestError> for OutboxError {
    fn from(e: RestError) -> OutboxError {
        match e {
            RestError::Refused { status, body } if matches!(status, 403 | 404) => {
                OutboxError::Gone {
                    status,
                    detail: body,
                }
            }
            RestError::Refused { status, body } => OutboxError::Refused {
                status,
                detail: body,
            },
            RestError::TooLong(wait) => OutboxError::Refused {
                status: 429,
                detail: format!("rate limited for {wait:?}"),
            },
            RestError::Transport(e) => OutboxError::Unreachable(e.to_string()),
        }
    }
}

/// A channel message's body: never ephemeral (Create Message refuses that flag).
fn public(message: &Message) -> Value {
    let mut body = render::channel_message(message);
    if let Some(fields) = body.as_object_mut() {
        fields.remove("flags");
    }
    body
}

/// The items of a JSON array (none when `v` is not one).
fn items(v: &Value) -> impl Iterator<Item = &Value> {
    v.as_array().into_iter().flatten()
}

fn message_id(posted: &Value) -> Result<u64, OutboxError> {
    match snowflake(&posted["id"]) {
        0 => Err(OutboxError::Refused {
            status: 200,
            detail: "Discord returned no message id".into(),
        }),
        id => Ok(id),
    }
}

impl Rest {
    /// Sends `message` (with its files) to an interaction's webhook, once the application's id
    /// is known.
    async fn to_webhook(
        &self,
        call: Webhook,
        token: &str,
        message: &Message,
    ) -> Result<(), OutboxError> {
        let app = self.application_id()?;
        let body = render::channel_message(message);
        render::ahead(&message.reply).await;
        let files = render::files(&message.reply);
        Ok(self.webhook_raw(call, app, token, &body, &files).await?)
    }

    /// The roles `user` has in `guild`.
    async fn member_roles(&self, guild: u64, user: u64) -> Result<Vec<u64>, RestError> {
        let member = self
            .get_raw(&format!("/guilds/{guild}/members/{user}"))
            .await?;
        Ok(items(&member["roles"]).map(snowflake).collect())
    }
}

#[async_trait::async_trait]
impl Outbox for Rest {
    async fn download(&self, url: &str, limit: usize) -> Result<Vec<u8>, OutboxError> {
        self.download_attachment(url, limit).await
    }

    async fn post(&self, channel: u64, message: &Message) -> Result<u64, OutboxError> {
        render::ahead(&message.reply).await;
        let files = render::files(&message.reply);
        let posted = self
            .create_message_raw(channel, &public(message), &files)
            .await?;
        message_id(&posted)
    }

    async fn post_once(
        &self,
        channel: u64,
        message: &Message,
        nonce: &str,
    ) -> Result<u64, OutboxError> {
        let mut body = public(message);
        body["nonce"] = Value::from(nonce);
        body["enforce_nonce"] = Value::Bool(true);
        render::ahead(&message.reply).await;
        let files = render::files(&message.reply);
        let posted = self.create_message_raw(channel, &body, &files).await?;
        message_id(&posted)
    }

    async fn find_post(
        &self,
        channel: u64,
        sought: &Sought<'_>,
    ) -> Result<Option<u64>, OutboxError> {
        let me = self.me().await?;
        let query = match sought.after {
            Some(after) => format!("?limit=50&after={after}"),
            None => "?limit=50".to_string(),
        };
        let recent = self
            .get_raw(&format!("/channels/{channel}/messages{query}"))
            .await?;
        Ok(items(&recent)
            .find(|m| history::is_the_post(m, me, sought.nonce, sought.marker))
            .map(|m| snowflake(&m["id"]))
            .filter(|id| *id != 0))
    }

    async fn edit(&self, channel: u64, message: u64, new: &Message) -> Result<(), OutboxError> {
        render::ahead(&new.reply).await;
        Ok(self
            .edit_message_raw(channel, message, &public(new), &render::files(&new.reply))
            .await?)
    }

    async fn pin(&self, channel: u64, message: u64) -> Result<(), OutboxError> {
        Ok(self.pin_raw(channel, message, true).await?)
    }

    async fn unpin(&self, channel: u64, message: u64) -> Result<(), OutboxError> {
        Ok(self.pin_raw(channel, message, false).await?)
    }

    async fn start_thread(
        &self,
        channel: u64,
        message: u64,
        name: &str,
    ) -> Result<u64, OutboxError> {
        let thread = self.start_thread_raw(channel, message, name).await?;
        Ok(snowflake(&thread["id"]))
    }

    async fn add_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError> {
        Ok(self.role_raw(guild, user, role, true).await?)
    }

    async fn remove_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError> {
        Ok(self.role_raw(guild, user, role, false).await?)
    }

    async fn direct_message(&self, user: u64, message: &Message) -> Result<(), OutboxError> {
        render::ahead(&message.reply).await;
        let files = render::files(&message.reply);
        self.direct_message_raw(user, &public(message), &files)
            .await?;
        Ok(())
    }

    async fn followup(&self, token: &str, message: &Message) -> Result<(), OutboxError> {
        self.to_webhook(Webhook::Followup, token, message).await
    }

    async fn edit_original(&self, token: &str, message: &Message) -> Result<(), OutboxError> {
        self.to_webhook(Webhook::EditOriginal, token, message).await
    }

    async fn bot_permissions(&self, guild: u64, channel: u64) -> Result<u64, OutboxError> {
        let bot = self.me().await?;
        let channel = self.get_raw(&format!("/channels/{channel}")).await?;
        let roles = self.get_raw(&format!("/guilds/{guild}/roles")).await?;
        let member_roles = self.member_roles(guild, bot).await?;
        let roles: Vec<(u64, u64)> = items(&roles)
            .map(|r| (snowflake(&r["id"]), snowflake(&r["permissions"])))
            .collect();
        let overwrites: Vec<permissions::Overwrite> = items(&channel["permission_overwrites"])
            .map(|o| permissions::Overwrite {
                id: snowflake(&o["id"]),
                member: o["type"] == 1,
                allow: snowflake(&o["allow"]),
                deny: snowflake(&o["deny"]),
            })
            .collect();
        Ok(permissions::in_channel(
            guild,
            bot,
            &member_roles,
            &roles,
            &overwrites,
        ))
    }

    async fn guild_roles(&self, guild: u64) -> Result<Vec<GuildRole>, OutboxError> {
        let roles = self.get_raw(&format!("/guilds/{guild}/roles")).await?;
        Ok(items(&roles)
            .map(|r| GuildRole {
                id: snowflake(&r["id"]),
                position: r["position"].as_i64().unwrap_or(0),
                permissions: snowflake(&r["permissions"]),
                managed: r["managed"].as_bool().unwrap_or(false),
            })
            .collect())
    }

    async fn bot_roles(&self, guild: u64) -> Result<Vec<u64>, OutboxError> {
        let bot = self.me().await?;
        Ok(self.member_roles(guild, bot).await?)
    }
}
