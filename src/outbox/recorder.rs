//! An [`Outbox`] for unit tests: it records every call in order, hands out message ids, and
//! fails the calls it was told to fail, so the paths only a real Discord reached before (a
//! refused post, a failed question, a closed DM) can be tested without one.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{GuildRole, Message, Outbox, OutboxError, Sought};

/// The kinds of call, to choose which ones fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Call {
    Post,
    Edit,
    Pin,
    Unpin,
    Thread,
    AddRole,
    RemoveRole,
    DirectMessage,
    Followup,
    EditOriginal,
    Permissions,
    /// Reading a server's roles, or Aura's own.
    Roles,
    Find,
}

/// One recorded call.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    Post {
        channel: u64,
        id: u64,
        message: Message,
        /// The nonce it was sent with (`post_once`).
        nonce: Option<String>,
    },
    Edit {
        channel: u64,
        id: u64,
        message: Message,
    },
    Pin {
        channel: u64,
        id: u64,
    },
    Unpin {
        channel: u64,
        id: u64,
    },
    Thread {
        channel: u64,
        id: u64,
        name: String,
    },
    Role {
        guild: u64,
        user: u64,
        role: u64,
        added: bool,
    },
    DirectMessage {
        user: u64,
        message: Message,
    },
    Followup {
        token: String,
        message: Message,
    },
    EditOriginal {
        token: String,
        message: Message,
    },
}

/// Records calls; ids of new messages count up from 1.
#[derive(Debug, Default)]
pub struct Recorder {
    sent: Mutex<Vec<Sent>>,
    failing: Mutex<HashMap<Call, OutboxError>>,
    /// Posts are accepted (recorded) but answered with this error, as when Discord's answer
    /// is lost on the way back.
    lost_answers: Mutex<Option<OutboxError>>,
    /// Channels whose posts never answer.
    hung: Mutex<Vec<u64>>,
    next_id: Mutex<u64>,
    /// What `bot_permissions` answers (all bits unless set).
    pub permissions: Mutex<Option<u64>>,
    /// What `guild_roles` answers (none unless set).
    pub roles: Mutex<Vec<GuildRole>>,
    /// What `bot_roles` answers (none unless set).
    pub bot_roles: Mutex<Vec<u64>>,
}

impl Recorder {
    pub fn new() -> Recorder {
        Recorder::default()
    }

    /// Every call of `kind` fails with `error` from now on.
    pub fn fail(&self, kind: Call, error: OutboxError) {
        if let Ok(mut f) = self.failing.lock() {
            f.insert(kind, error);
        }
    }

    /// Calls of `kind` succeed again.
    pub fn heal(&self, kind: Call) {
        if let Ok(mut f) = self.failing.lock() {
            f.remove(&kind);
        }
    }

    /// From now on posts are accepted but their answer is lost: the caller sees `error`.
    pub fn lose_answers(&self, error: Option<OutboxError>) {
        if let Ok(mut l) = self.lost_answers.lock() {
            *l = error;
        }
    }

    /// From now on posts in `channel` never answer.
    pub fn hang_channel(&self, channel: u64) {
        if let Ok(mut h) = self.hung.lock() {
            h.push(channel);
        }
    }

    async fn hang_if_told(&self, channel: u64) {
        if self.hung.lock().is_ok_and(|h| h.contains(&channel)) {
            std::future::pending::<()>().await;
        }
    }

    /// Everything recorded so far, in order.
    pub fn sent(&self) -> Vec<Sent> {
        self.sent.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// The messages posted so far, with their channels.
    pub fn posts(&self) -> Vec<(u64, Message)> {
        self.sent()
            .into_iter()
            .filter_map(|s| match s {
                Sent::Post {
                    channel, message, ..
                } => Some((channel, message)),
                _ => None,
            })
            .collect()
    }

    fn check(&self, kind: Call) -> Result<(), OutboxError> {
        match self.failing.lock().ok().and_then(|f| f.get(&kind).cloned()) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn record(&self, sent: Sent) {
        if let Ok(mut s) = self.sent.lock() {
            s.push(sent);
        }
    }

    /// A post: failed as told, or recorded (and then maybe its answer lost).
    fn posted(
        &self,
        channel: u64,
        message: &Message,
        nonce: Option<&str>,
    ) -> Result<u64, OutboxError> {
        self.check(Call::Post)?;
        let id = self.new_id();
        self.record(Sent::Post {
            channel,
            id,
            message: message.clone(),
            nonce: nonce.map(str::to_string),
        });
        match self.lost_answers.lock().ok().and_then(|l| l.clone()) {
            Some(e) => Err(e),
            None => Ok(id),
        }
    }

    fn new_id(&self) -> u64 {
        self.next_id
            .lock()
            .map(|mut n| {
                *n += 1;
                *n
            })
            .unwrap_or(1)
    }
}

#[async_trait::async_trait]
impl Outbox for Recorder {
    async fn post(&self, channel: u64, message: &Message) -> Result<u64, OutboxError> {
        self.hang_if_told(channel).await;
        self.posted(channel, message, None)
    }

    async fn post_once(
        &self,
        channel: u64,
        message: &Message,
        nonce: &str,
    ) -> Result<u64, OutboxError> {
        self.hang_if_told(channel).await;
        self.posted(channel, message, Some(nonce))
    }

    async fn find_post(
        &self,
        channel: u64,
        sought: &Sought<'_>,
    ) -> Result<Option<u64>, OutboxError> {
        let nonce = sought.nonce;
        self.check(Call::Find)?;
        Ok(self.sent().into_iter().find_map(|s| match s {
            Sent::Post {
                channel: c,
                id,
                nonce: Some(n),
                ..
            } if c == channel && n == nonce => Some(id),
            _ => None,
        }))
    }

    async fn edit(&self, channel: u64, id: u64, message: &Message) -> Result<(), OutboxError> {
        self.check(Call::Edit)?;
        self.record(Sent::Edit {
            channel,
            id,
            message: message.clone(),
        });
        Ok(())
    }

    async fn pin(&self, channel: u64, id: u64) -> Result<(), OutboxError> {
        self.check(Call::Pin)?;
        self.record(Sent::Pin { channel, id });
        Ok(())
    }

    async fn unpin(&self, channel: u64, id: u64) -> Result<(), OutboxError> {
        self.check(Call::Unpin)?;
        self.record(Sent::Unpin { channel, id });
        Ok(())
    }

    async fn start_thread(&self, channel: u64, id: u64, name: &str) -> Result<u64, OutboxError> {
        self.check(Call::Thread)?;
        self.record(Sent::Thread {
            channel,
            id,
            name: name.to_string(),
        });
        Ok(self.new_id())
    }

    async fn add_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError> {
        self.check(Call::AddRole)?;
        self.record(Sent::Role {
            guild,
            user,
            role,
            added: true,
        });
        Ok(())
    }

    async fn remove_role(&self, guild: u64, user: u64, role: u64) -> Result<(), OutboxError> {
        self.check(Call::RemoveRole)?;
        self.record(Sent::Role {
            guild,
            user,
            role,
            added: false,
        });
        Ok(())
    }

    async fn direct_message(&self, user: u64, message: &Message) -> Result<(), OutboxError> {
        self.check(Call::DirectMessage)?;
        self.record(Sent::DirectMessage {
            user,
            message: message.clone(),
        });
        Ok(())
    }

    async fn followup(&self, token: &str, message: &Message) -> Result<(), OutboxError> {
        self.check(Call::Followup)?;
        self.record(Sent::Followup {
            token: token.to_string(),
            message: message.clone(),
        });
        Ok(())
    }

    async fn edit_original(&self, token: &str, message: &Message) -> Result<(), OutboxError> {
        self.check(Call::EditOriginal)?;
        self.record(Sent::EditOriginal {
            token: token.to_string(),
            message: message.clone(),
        });
        Ok(())
    }

    async fn bot_permissions(&self, _guild: u64, _channel: u64) -> Result<u64, OutboxError> {
        self.check(Call::Permissions)?;
        Ok(self
            .permissions
            .lock()
            .ok()
            .and_then(|p| *p)
            .unwrap_or(u64::MAX))
    }

    async fn guild_roles(&self, _guild: u64) -> Result<Vec<GuildRole>, OutboxError> {
        self.check(Call::Roles)?;
        Ok(self.roles.lock().map(|r| r.clone()).unwrap_or_default())
    }

    async fn bot_roles(&self, _guild: u64) -> Result<Vec<u64>, OutboxError> {
        self.check(Call::Roles)?;
        Ok(self.bot_roles.lock().map(|r| r.clone()).unwrap_or_default())
    }
}
