//! Where a server's lookup rules are applied: the gate remembers, for this process, when each
//! lookup command last answered publicly in each channel and server, and which entries each
//! channel was shown when, and decides whether the next answer is public or private. A lookup
//! is never refused for a server's rule: an answer the channel should not see now (a cooldown
//! running, an entry shown a moment ago, a private-only channel) goes to the member alone, with
//! a line saying why. A server's rules (with its reading plan, which section cards read) are
//! read from the store at most every [`RULES_FOR`] seconds (at once after staff change them in
//! this process); a server's interactions all reach the one process that holds its shard.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use super::model::{LookupRules, MAX_COOLDOWN, MAX_REPEAT_WINDOW};
use crate::course::model::ReadingPlan;

/// What a server's lookups depend on, kept for [`RULES_FOR`] seconds: its rules for them, and
/// its reading plan (a section card ahead of the class says when it comes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Server {
    pub rules: LookupRules,
    pub plan: ReadingPlan,
}

/// How long a server's rules are used before they are read again, in seconds.
pub const RULES_FOR: i64 = 30;

/// How many remembered uses and shown entries make the gate forget the expired ones.
const TIDY_AT: usize = 10_000;

/// How a lookup answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Public,
    /// Only to the member, because…
    Private(Why),
}

/// Why a lookup answers privately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The channel (or the server, by default) answers lookups only privately.
    PrivateChannel,
    /// The command answered publicly in this channel this long ago; public again in `left`
    /// seconds.
    ChannelCooldown { left: u32 },
    /// The same, anywhere in the server.
    ServerCooldown { left: u32 },
    /// The entry was shown in this channel `ago` seconds ago.
    Repeated { ago: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Place {
    Channel(u64),
    Server(u64),
}

#[derive(Default)]
struct Memory {
    rules: HashMap<u64, (i64, Arc<Server>)>,
    /// When a command last answered publicly, per channel and per server.
    used: HashMap<(Place, String), i64>,
    /// When an entry was last shown publicly in a channel.
    shown: HashMap<(u64, String), i64>,
}

/// The process's memory of public lookups, one per process (`Services::state`).
#[derive(Default)]
pub struct Gate(Mutex<Memory>);

impl Gate {
    fn memory(&self) -> std::sync::MutexGuard<'_, Memory> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A server's rules and plan, if they were read less than [`RULES_FOR`] seconds ago.
    pub fn rules(&self, guild: u64, now: i64) -> Option<Arc<Server>> {
        self.memory()
            .rules
            .get(&guild)
            .filter(|(at, _)| now - at < RULES_FOR && now >= *at)
            .map(|(_, rules)| Arc::clone(rules))
    }

    /// Keeps a server's rules and plan as read `now`.
    pub fn keep_rules(&self, guild: u64, rules: Server, now: i64) -> Arc<Server> {
        let rules = Arc::new(rules);
        let mut memory = self.memory();
        if memory.rules.len() >= TIDY_AT {
            memory.rules.retain(|_, (at, _)| now - *at < RULES_FOR);
        }
        memory.rules.insert(guild, (now, Arc::clone(&rules)));
        rules
    }

    /// Forgets a server's rules and plan (staff changed them): the next lookup reads them
    /// again.
    pub fn forget_rules(&self, guild: u64) {
        self.memory().rules.remove(&guild);
    }

    /// The entries shown publicly in `channel` within the server's repeat window.
    pub fn recent(&self, rules: &LookupRules, channel: u64, now: i64) -> HashSet<String> {
        if rules.repeat_window == 0 {
            return HashSet::new();
        }
        let window = i64::from(rules.repeat_window);
        self.memory()
            .shown
            .iter()
            .filter(|((c, _), at)| *c == channel && now - **at < window)
            .map(|((_, entry), _)| entry.clone())
            .collect()
    }

    /// Whether `command`'s answer (showing `entry`, if it shows one) is public in `channel`
    /// of `guild` under `rules`; a public answer is remembered at once, in the same step, so
    /// that of two lookups at the same moment only one passes a cooldown.
    pub fn admit(
        &self,
        rules: &LookupRules,
        (guild, channel): (u64, u64),
        command: &str,
        entry: Option<&str>,
        now: i64,
    ) -> Verdict {
        if rules.private_in(channel) {
            return Verdict::Private(Why::PrivateChannel);
        }
        let mut memory = self.memory();
        let left = |used: &HashMap<(Place, String), i64>, place: Place, cooldown: u32| {
            let at = *used.get(&(place, command.to_string()))?;
            let left = at + i64::from(cooldown) - now;
            (left > 0).then(|| u32::try_from(left).unwrap_or(u32::MAX))
        };
        if let Some(left) = left(
            &memory.used,
            Place::Channel(channel),
            rules.channel_cooldown,
        ) {
            return Verdict::Private(Why::ChannelCooldown { left });
        }
        if let Some(left) = left(&memory.used, Place::Server(guild), rules.server_cooldown) {
            return Verdict::Private(Why::ServerCooldown { left });
        }
        if let Some(entry) = entry
            && rules.repeat_window > 0
            && let Some(at) = memory.shown.get(&(channel, entry.to_string()))
            && now - at < i64::from(rules.repeat_window)
        {
            let ago = u32::try_from((now - at).max(0)).unwrap_or(u32::MAX);
            return Verdict::Private(Why::Repeated { ago });
        }
        if memory.used.len() + memory.shown.len() >= TIDY_AT {
            tidy(&mut memory, now);
        }
        if rules.channel_cooldown > 0 {
            memory
                .used
                .insert((Place::Channel(channel), command.to_string()), now);
        }
        if rules.server_cooldown > 0 {
            memory
                .used
                .insert((Place::Server(guild), command.to_string()), now);
        }
        if let Some(entry) = entry
            && rules.repeat_window > 0
        {
            memory.shown.insert((channel, entry.to_string()), now);
        }
        Verdict::Public
    }
}

/// Forgets what no rule can still need: uses older than the longest cooldown, entries older
/// than the longest repeat window.
fn tidy(memory: &mut Memory, now: i64) {
    memory
        .used
        .retain(|_, at| now - *at < i64::from(MAX_COOLDOWN));
    memory
        .shown
        .retain(|_, at| now - *at < i64::from(MAX_REPEAT_WINDOW));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> LookupRules {
        LookupRules {
            channel_cooldown: 10,
            server_cooldown: 0,
            repeat_window: 600,
            ..LookupRules::default()
        }
    }

    #[test]
    fn no_rule_answers_everything_publicly() {
        let gate = Gate::default();
        let none = LookupRules::default();
        for now in [0, 0, 1] {
            assert_eq!(
                gate.admit(&none, (1, 2), "quote", Some("quote:p:a"), now),
                Verdict::Public
            );
        }
    }

    #[test]
    fn a_channel_cooldown_sends_the_next_answer_privately_until_it_ends() {
        let gate = Gate::default();
        let r = rules();
        assert_eq!(gate.admit(&r, (1, 2), "search", None, 100), Verdict::Public);
        assert_eq!(
            gate.admit(&r, (1, 2), "search", None, 104),
            Verdict::Private(Why::ChannelCooldown { left: 6 })
        );
        // Another channel, another command: not held back.
        assert_eq!(gate.admit(&r, (1, 3), "search", None, 104), Verdict::Public);
        assert_eq!(gate.admit(&r, (1, 2), "essay", None, 104), Verdict::Public);
        // A private answer does not restart the cooldown.
        assert_eq!(gate.admit(&r, (1, 2), "search", None, 110), Verdict::Public);
    }

    #[test]
    fn a_server_cooldown_holds_across_channels() {
        let gate = Gate::default();
        let r = LookupRules {
            server_cooldown: 30,
            ..LookupRules::default()
        };
        assert_eq!(gate.admit(&r, (1, 2), "quote", None, 0), Verdict::Public);
        assert_eq!(
            gate.admit(&r, (1, 3), "quote", None, 20),
            Verdict::Private(Why::ServerCooldown { left: 10 })
        );
        assert_eq!(gate.admit(&r, (9, 3), "quote", None, 20), Verdict::Public);
    }

    #[test]
    fn an_entry_is_not_shown_twice_in_a_channel_within_the_window() {
        let gate = Gate::default();
        let r = LookupRules {
            repeat_window: 600,
            ..LookupRules::default()
        };
        let entry = Some("concept:p:aura");
        assert_eq!(gate.admit(&r, (1, 2), "concept", entry, 0), Verdict::Public);
        assert_eq!(
            gate.admit(&r, (1, 2), "concept", entry, 120),
            Verdict::Private(Why::Repeated { ago: 120 })
        );
        assert!(gate.recent(&r, 2, 120).contains("concept:p:aura"));
        assert!(gate.recent(&r, 3, 120).is_empty());
        assert_eq!(
            gate.admit(&r, (1, 3), "concept", entry, 120),
            Verdict::Public
        );
        assert_eq!(
            gate.admit(&r, (1, 2), "concept", entry, 600),
            Verdict::Public
        );
    }

    #[test]
    fn a_private_channel_answers_privately_and_a_public_one_overrides_the_server() {
        let gate = Gate::default();
        let r = LookupRules {
            private: true,
            channels: vec![(5, false)],
            ..LookupRules::default()
        };
        assert_eq!(
            gate.admit(&r, (1, 2), "quote", None, 0),
            Verdict::Private(Why::PrivateChannel)
        );
        assert_eq!(gate.admit(&r, (1, 5), "quote", None, 0), Verdict::Public);
    }

    #[test]
    fn rules_are_kept_for_a_while_and_forgotten_when_changed() {
        let gate = Gate::default();
        let server = Server {
            rules: rules(),
            ..Server::default()
        };
        gate.keep_rules(1, server, 100);
        assert!(gate.rules(1, 100 + RULES_FOR - 1).is_some());
        assert!(gate.rules(1, 100 + RULES_FOR).is_none());
        gate.forget_rules(1);
        assert!(gate.rules(1, 101).is_none());
    }

    #[test]
    fn expired_memories_are_forgotten() {
        let gate = Gate::default();
        let r = rules();
        for c in 0..TIDY_AT as u64 {
            gate.admit(&r, (1, c), "quote", None, 0);
        }
        gate.admit(&r, (1, 1), "quote", None, i64::from(MAX_REPEAT_WINDOW));
        assert!(gate.memory().used.len() < 10);
    }
}
