//! The contract between the Discord adapter and the features, in plain values: who asked,
//! where and in which language ([`Invocation`]), what the features answer ([`Outcome`]), and
//! the `custom_id` codec ([`CustomId`]). Feature code sees these, never the Discord library's types.

pub mod custom_id;
pub mod drafts;

pub use custom_id::CustomId;

use crate::pack::Lang;
use crate::reply::Reply;

/// How long Discord honours an interaction's token (follow-ups, editing its reply), in seconds.
pub const TOKEN_LIFETIME: i64 = 15 * 60;

/// Discord permission bits Aura reads.
pub mod perms {
    pub const ADMINISTRATOR: u64 = 1 << 3;
    pub const MANAGE_GUILD: u64 = 1 << 5;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const MANAGE_MESSAGES: u64 = 1 << 13;
    pub const EMBED_LINKS: u64 = 1 << 14;
}

/// Who asked, where, in which language and with which rights: built once by the adapter from
/// the interaction (command, click or modal submit).
#[derive(Debug, Clone)]
pub struct Invocation {
    /// The interaction's id (a new round or debate takes it as its id).
    pub id: u64,
    /// The interaction's token: valid 15 minutes, for a later follow-up.
    pub token: String,
    pub guild: Option<u64>,
    pub channel: u64,
    pub user: u64,
    /// The language Aura answers this member in: their `/language` choice, or their client's.
    pub lang: Lang,
    /// Their Discord client's language.
    pub client_lang: Lang,
    /// The member's permissions in this channel (0 outside a server).
    pub permissions: u64,
    /// The member's roles.
    pub roles: Vec<u64>,
    /// Aura's own permissions in this channel, when Discord sent them.
    pub app_permissions: Option<u64>,
    /// For a click: who really asked for the clicked message (Discord's interaction metadata
    /// on it), whatever its buttons' ids say. `None` when the message says nothing.
    pub origin_user: Option<u64>,
    /// The name Discord shows for the member (nickname, display name or username), kept on
    /// what they add to a debate so summaries and exports can name them.
    pub name: String,
}

impl Default for Invocation {
    fn default() -> Invocation {
        Invocation {
            id: 0,
            token: String::new(),
            guild: None,
            channel: 0,
            user: 0,
            lang: Lang::En,
            client_lang: Lang::En,
            permissions: 0,
            roles: Vec::new(),
            app_permissions: None,
            origin_user: None,
            name: String::new(),
        }
    }
}

impl Invocation {
    fn has(&self, bit: u64) -> bool {
        self.permissions & (bit | perms::ADMINISTRATOR) != 0
    }

    /// Manage Server (or Administrator): staff who set up schedules and access.
    pub fn is_staff(&self) -> bool {
        self.has(perms::MANAGE_GUILD)
    }

    /// Manage Messages (or Administrator): moderators of a channel's activities.
    pub fn is_moderator(&self) -> bool {
        self.has(perms::MANAGE_MESSAGES)
    }

    /// The permissions Aura lacks here to post cards, by name (empty when unknown).
    pub fn bot_missing(&self) -> Vec<&'static str> {
        let Some(p) = self.app_permissions else {
            return Vec::new();
        };
        [
            (perms::VIEW_CHANNEL, "View Channel"),
            (perms::SEND_MESSAGES, "Send Messages"),
            (perms::EMBED_LINKS, "Embed Links"),
        ]
        .into_iter()
        .filter(|(bit, _)| p & (bit | perms::ADMINISTRATOR) == 0)
        .map(|(_, name)| name)
        .collect()
    }

    /// The one notice for a command that posts cards where Aura lacks the permissions to: what
    /// is missing, in the member's language; `None` when nothing is.
    pub fn bot_refusal(&self) -> Option<Reply> {
        let missing = self.bot_missing();
        (!missing.is_empty()).then(|| {
            Reply::notice(crate::i18n::tr(
                self.lang,
                "error-bot-permissions",
                &[("missing", &missing.join(", "))],
            ))
        })
    }
}

/// A form of one to five text inputs (the suggestion's deny reason, a debate argument).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modal {
    pub id: CustomId,
    pub title: String,
    pub fields: Vec<Input>,
}

/// One text input of a form; its value comes back under `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub id: &'static str,
    pub label: String,
    /// A paragraph (several lines) rather than one line.
    pub paragraph: bool,
    pub min_length: u16,
    pub max_length: u16,
    pub required: bool,
    /// What the input holds when the form opens (a response being edited).
    pub value: Option<String>,
}

/// What a feature answers to an interaction; the adapter only sends it. Whether Discord sees a
/// deferral first is the adapter's concern: a slow answer is deferred, then edited in.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new message (private when the reply says so).
    Reply(Reply),
    /// The clicked message replaced.
    Update(Reply),
    /// A form to fill in.
    Modal(Modal),
    /// A private reply with a file.
    File {
        reply: Reply,
        name: String,
        bytes: Vec<u8>,
    },
    /// The clicked message deleted (the delete button).
    DeleteMessage,
}

impl Outcome {
    /// A private reply in the plain accent.
    pub fn private(text: impl Into<String>) -> Outcome {
        Outcome::Reply(Reply::private(text))
    }

    /// A private notice (errors, refusals).
    pub fn notice(text: impl Into<String>) -> Outcome {
        Outcome::Reply(Reply::notice(text))
    }
}

impl From<Reply> for Outcome {
    fn from(reply: Reply) -> Outcome {
        Outcome::Reply(reply)
    }
}
