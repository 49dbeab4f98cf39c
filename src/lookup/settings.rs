//! `/lookups settings` and `/lookups channel` (server staff): a server's rules for the lookup
//! commands — cooldowns per channel and per server beside each member's own, the time before
//! one entry is shown again in a channel, and the channels that answer publicly or only
//! privately. Every change is audited; with no option, `settings` shows the rules.

use super::gate::Gate;
use super::model::{LookupRules, MAX_CHANNELS};
use crate::audit::{self, Action};
use crate::catalog::choice::{self, Names};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// How lookups answer: publicly, only privately, or as the level above says (a channel: the
/// server's default; the server: Aura's, publicly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answers {
    Public,
    Private,
    Default,
}

impl choice::Choice for Answers {
    const CHOICES: &'static [Answers] = &[Answers::Public, Answers::Private, Answers::Default];
    fn names(self) -> Names {
        match self {
            Answers::Public => Names::new("public", "publik"),
            Answers::Private => Names::new("private", "pribadi"),
            Answers::Default => Names::new("default", "bawaan"),
        }
    }
}

/// A `/lookups` subcommand with its typed options (already within their ranges: Discord
/// enforces the ones registered).
#[derive(Debug, Clone, Copy)]
pub enum LookupsCommand {
    /// Each `None` keeps what is set; all `None` shows the rules.
    Settings {
        channel_cooldown: Option<u32>,
        server_cooldown: Option<u32>,
        repeat_minutes: Option<u32>,
        answers: Option<Answers>,
    },
    Channel {
        channel: u64,
        answers: Answers,
    },
}

/// Runs a `/lookups` subcommand: staff only, in a server, answered privately.
pub async fn command(
    s: &Services,
    inv: &Invocation,
    cmd: LookupsCommand,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in("lookups", lang);
        return Ok(Reply::notice(tr(lang, "error-server-only", &[("command", &path)])).into());
    };
    if !inv.is_staff() {
        return Ok(Reply::no_permission(lang).into());
    }
    let mut rules = s.store.lookup_rules(guild).await?;
    let changed = match cmd {
        LookupsCommand::Settings {
            channel_cooldown,
            server_cooldown,
            repeat_minutes,
            answers,
        } => {
            let before = rules.clone();
            if let Some(secs) = channel_cooldown {
                rules.channel_cooldown = secs.min(super::model::MAX_COOLDOWN);
            }
            if let Some(secs) = server_cooldown {
                rules.server_cooldown = secs.min(super::model::MAX_COOLDOWN);
            }
            if let Some(minutes) = repeat_minutes {
                rules.repeat_window = minutes
                    .saturating_mul(60)
                    .min(super::model::MAX_REPEAT_WINDOW);
            }
            if let Some(answers) = answers {
                rules.private = answers == Answers::Private;
            }
            if rules == before {
                None
            } else {
                s.store.set_lookup_settings(guild, &rules).await?;
                Some(Action::LookupRules { channel: None })
            }
        }
        LookupsCommand::Channel { channel, answers } => {
            let private = match answers {
                Answers::Public => Some(false),
                Answers::Private => Some(true),
                Answers::Default => None,
            };
            if !s.store.set_lookup_channel(guild, channel, private).await? {
                let max = MAX_CHANNELS as usize;
                return Ok(
                    Reply::notice(tr(lang, "lookups-too-many-channels", &[("max", &max)])).into(),
                );
            }
            rules.channels.retain(|(c, _)| *c != channel);
            if let Some(private) = private {
                rules.channels.push((channel, private));
            }
            Some(Action::LookupRules {
                channel: Some(channel),
            })
        }
    };
    if let Some(action) = changed {
        s.state::<Gate>().forget_rules(guild);
        audit::record(s, guild, inv.user, action).await;
    }
    Ok(card(&rules, lang).into())
}

/// How many channels of each kind the card names (a field holds 1,024 characters).
const SHOWN: usize = 30;

/// The server's rules as staff see them (privately).
pub fn card(rules: &LookupRules, lang: Lang) -> Reply {
    let seconds = |secs: u32| {
        if secs == 0 {
            t(lang, "lookups-off")
        } else {
            tr(lang, "lookups-seconds", &[("n", &(secs as usize))])
        }
    };
    let repeat = if rules.repeat_window == 0 {
        t(lang, "lookups-off")
    } else {
        tr(
            lang,
            "lookups-minutes",
            &[("n", &(rules.repeat_window.div_ceil(60) as usize))],
        )
    };
    let mode = |private: bool| {
        t(
            lang,
            if private {
                "lookups-private"
            } else {
                "lookups-public"
            },
        )
    };
    let mut reply = Reply {
        title: Some(t(lang, "lookups-title")),
        text: t(lang, "lookups-intro"),
        ephemeral: true,
        ..Reply::default()
    }
    .field(
        t(lang, "lookups-channel-cooldown"),
        seconds(rules.channel_cooldown),
    )
    .field(
        t(lang, "lookups-server-cooldown"),
        seconds(rules.server_cooldown),
    )
    .field(t(lang, "lookups-repeat"), repeat)
    .field(t(lang, "lookups-answers"), mode(rules.private));
    let (private, public): (Vec<_>, Vec<_>) = rules.channels.iter().partition(|(_, p)| *p);
    for (key, list) in [
        ("lookups-private-in", private),
        ("lookups-public-in", public),
    ] {
        if !list.is_empty() {
            let mut channels: Vec<String> = list
                .iter()
                .take(SHOWN)
                .map(|(c, _)| format!("<#{c}>"))
                .collect();
            if list.len() > SHOWN {
                channels.push(tr(lang, "lookups-more", &[("n", &(list.len() - SHOWN))]));
            }
            reply = reply.field(t(lang, key), channels.join(" "));
        }
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_names_every_rule_in_both_languages() {
        let rules = LookupRules {
            channel_cooldown: 30,
            server_cooldown: 0,
            repeat_window: 3600,
            private: false,
            channels: vec![(5, true), (6, false)],
        };
        for lang in [Lang::En, Lang::Id] {
            let card = card(&rules, lang);
            let shown = crate::render::to_text(&card);
            assert!(shown.contains("<#5>") && shown.contains("<#6>"), "{shown}");
            assert!(shown.contains("30") && shown.contains("60"), "{shown}");
            assert!(card.ephemeral);
        }
    }
}
