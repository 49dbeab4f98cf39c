//! What a feature hands the outbox and what it hears back: a [`Message`] to post (a reply and
//! the one ping a server admin configured), the [`Outbox`] trait itself, a server's roles and
//! the errors of a call.

use crate::reply::Reply;

/// A message to post: the reply, and the one role or member it may ping (only when a server
/// admin configured that ping; otherwise nobody).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Message {
    pub reply: Reply,
    /// A role to ping (a daily post's role).
    pub ping: Option<u64>,
    /// A member to ping (a debate's speaker, when the server turned that on); their mention
    /// must be in the reply's text.
    pub ping_user: Option<u64>,
}

impl From<Reply> for Message {
    fn from(reply: Reply) -> Message {
        Message {
            reply,
            ..Message::default()
        }
    }
}

impl From<&Reply> for Message {
    fn from(reply: &Reply) -> Message {
        Message::from(reply.clone())
    }
}

/// One of a server's roles, as far as handing it to members goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildRole {
    pub id: u64,
    /// Its place in the server's role list (higher is more powerful).
    pub position: i64,
    /// Its permission bits.
    pub permissions: u64,
    /// Managed by an integration (a bot's or a booster role): nobody may hand it out.
    pub managed: bool,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// The channel, message or member is gone, or Aura may no longer act there (404 / 403).
    #[error("gone or forbidden ({status}): {detail}")]
    Gone { status: u16, detail: String },
    /// Refused for another reason, or still failing after retries.
    #[error("refused ({status}): {detail}")]
    Refused { status: u16, detail: String },
    /// Discord could not be reached (or answered too late).
    #[error("unreachable: {0}")]
    Unreachable(String),
}

impl OutboxError {
    /// 404 / 403: retrying will not help.
    pub fn is_gone(&self) -> bool {
        matches!(self, OutboxError::Gone { .. })
    }
}

/// The calls Aura makes on its own.
/// A post Aura may have sent without hearing back: Aura's message sent with `nonce`, or one of
/// Aura's whose text contains `marker`, after message `after` if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sought<'a> {
    pub nonce: &'a str,
    pub marker: Option<&'a str>,
    pub after: Option<u64>,
}

#[async_trait::async_trait]
pub trait Outbox: Send + Sync {
    /// Posts in a channel; returns the new message's id.
    async fn post(&self, channel: u64, message: &Message) -> Result<u64, OutboxError>;
    /// Posts in a channel with a nonce Discord enforces: while Discord remembers it (a few
    /// minutes), a second post with the same nonce returns the first message, not a new one.
    async fn post_once(
        &self,
        channel: u64,
        message: &Message,
        nonce: &str,
    ) -> Result<u64, OutboxError>;
    /// Looks through a channel's recent messages for the post `sought` describes.
    async fn find_post(
        &self,
        channel: u64,
        sought: &Sought<'_>,
    ) -> Result<Option<u64>, OutboxError>;
    /// Replaces one of Aura's messages.
    async fn edit(&self, channel: u64, message: u64, new: &Message) -> Result<(), OutboxError>;
    async fn pin(&self, channel: u64, message: u64) -> Result<(), OutboxError>;
    async fn unpin(&self, channel: u64, message: u64) -> Result<(), OutboxError>;
    /// Opens a thread on a message; returns the thread's id.
    async fn start_thread(
        &self,
        channel: u64,
        message: u64,
        name: &str,
    ) -> Result<u64, OutboxError>;
    async fn add_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError>;
    async fn remove_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError>;
    /// A direct message to a member.
    async fn direct_message(&self, user: u64, message: &Message) -> Result<(), OutboxError>;
    /// A follow-up to an interaction (private when the reply says so), within its 15 minutes.
    async fn followup(&self, token: &str, message: &Message) -> Result<(), OutboxError>;
    /// Replaces the message an interaction answered with, within its 15 minutes.
    async fn edit_original(&self, token: &str, message: &Message) -> Result<(), OutboxError>;
    /// Aura's own permission bits in a channel of a guild.
    async fn bot_permissions(&self, guild: u64, channel: u64) -> Result<u64, OutboxError>;
    /// A server's roles (GET /guilds/{id}/roles).
    async fn guild_roles(&self, guild: u64) -> Result<Vec<GuildRole>, OutboxError>;
    /// The roles Aura itself has in a server (GET /guilds/{id}/members/{bot}).
    async fn bot_roles(&self, guild: u64) -> Result<Vec<u64>, OutboxError>;
    /// A file a member attached to a command, read from Discord's attachment host only (never
    /// another address), refused when larger than `limit` bytes.
    async fn download(&self, url: &str, limit: usize) -> Result<Vec<u8>, OutboxError> {
        let _ = (url, limit);
        Err(OutboxError::Refused {
            status: 0,
            detail: "this outbox reads no attachments".into(),
        })
    }
}
