//! The plain values of a server's rules for the lookup commands, as the store keeps them.

/// How the lookup commands (`/quote`, `/concept`, `/search` …) answer in one server: cooldowns
/// beside each member's own, the time before one entry is shown again in a channel, and where
/// they answer publicly or only privately. The default is today's behaviour: no rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LookupRules {
    /// Seconds a lookup command waits in one channel before it answers publicly again.
    pub channel_cooldown: u32,
    /// Seconds a lookup command waits anywhere in the server before it answers publicly again.
    pub server_cooldown: u32,
    /// Seconds before the same quote, concept, section or thinker is shown again in a channel.
    pub repeat_window: u32,
    /// Whether lookups answer only privately where no channel says otherwise.
    pub private: bool,
    /// Channels that answer otherwise than the server's default: `(channel, private)`.
    pub channels: Vec<(u64, bool)>,
}

impl LookupRules {
    /// Whether lookups in `channel` answer only privately.
    pub fn private_in(&self, channel: u64) -> bool {
        self.channels
            .iter()
            .find(|(c, _)| *c == channel)
            .map_or(self.private, |(_, private)| *private)
    }
}

/// The longest cooldown a server may set, in seconds.
pub const MAX_COOLDOWN: u32 = 3600;
/// The longest time a server may keep an entry from showing again, in seconds (a day).
pub const MAX_REPEAT_WINDOW: u32 = 24 * 3600;
/// How many channels a server may give their own answering rule.
pub const MAX_CHANNELS: u32 = 200;
