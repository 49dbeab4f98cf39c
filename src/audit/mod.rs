//! The audit channel: staff (Manage Server) choose a channel with `/audit set`, and Aura logs
//! staff actions there (board resets, daily schedule changes, suggestion decisions, debate
//! votes closed by hand, homework closed early or extended, quiz access, debate settings, the
//! term gradebook downloaded, lookup rules, items hidden or shown) as one line each, pinging nobody. [`record`] is the one entry point the
//! features call; the post goes through the [`Outbox`](crate::outbox::Outbox) after the action,
//! and a failed post is logged, never the action's failure.

use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::outbox::Message;
use crate::pack::Lang;
use crate::quiz::Period;
use crate::quiz::view as cards;
use crate::reply::{Accent, Reply};
use crate::services::{Error, Services};
use crate::text::member_text;

/// A staff action worth a line in the audit channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    BoardReset {
        period: Period,
    },
    ScheduleSetUp {
        schedule: i64,
        channel: u64,
    },
    ScheduleRemoved {
        schedule: i64,
    },
    SchedulePaused {
        schedule: i64,
    },
    ScheduleResumed {
        schedule: i64,
    },
    ScheduleSkipped {
        schedule: i64,
    },
    SuggestionApproved {
        suggestion: i64,
    },
    SuggestionDenied {
        suggestion: i64,
        reason: String,
    },
    DebateClosed {
        channel: u64,
    },
    AuditOn {
        channel: u64,
    },
    AuditOff,
    HomeworkClosedEarly {
        number: u32,
    },
    HomeworkExtended {
        number: u32,
        due: i64,
    },
    /// `/quiz access` set to `who` (everyone, moderators, or a role's mention).
    QuizAccess {
        who: String,
    },
    DebateSettings {
        pings: bool,
    },
    GradebookDownloaded,
    /// The reading plan changed.
    ReadingPlan,
    /// A shipped item hidden from the server's class, or shown again (`kind:pack:id`).
    CourseItem {
        item: String,
        hidden: bool,
    },
    /// The server's own items: `count` saved (added or replaced), or one deleted (`kind:id`).
    OwnItemsSaved {
        count: usize,
    },
    OwnItemDeleted {
        item: String,
    },
    /// The server's wording of the mark on its teachers' items changed.
    CourseLabel,
    /// The lookup rules changed: the server's (`None`) or one channel's.
    LookupRules {
        channel: Option<u64>,
    },
    /// The server's quiz settings changed: how boards name members, the default scoring.
    QuizSettings {
        boards: String,
        flat: bool,
    },
    /// A member's extra time on homework changed (whose is not said).
    MemberTime,
    /// The language of the server's shared posts set (`id`, `en`, `both`, `starter`).
    ServerPosts {
        posts: String,
    },
    /// One member given their own due time on a homework (not named: it is between a teacher
    /// and a student).
    HomeworkMemberExtended {
        number: u32,
    },
    /// A response given a status (its code).
    ResponseStatus {
        response: i64,
        status: String,
    },
    /// Feedback written on a response (held until released).
    ResponseFeedback {
        response: i64,
    },
    /// Statuses and feedback released to their authors.
    ResponsesReleased {
        count: usize,
    },
    /// An author asked to share their excellent response.
    ResponseShareAsked {
        response: i64,
    },
    /// A response shared in the class's thread, its author having agreed.
    ResponseShared {
        response: i64,
        channel: u64,
    },
}

/// `/audit`'s subcommands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditCommand {
    Set { channel: u64 },
    Off,
}

/// The line an action gets, in the audit channel's language; mentions show names but ping
/// nobody (the message allows no mentions).
pub fn line(action: &Action, actor: u64, lang: Lang) -> String {
    let actor = format!("<@{actor}>");
    let actor = ("actor", &actor as &dyn crate::i18n::ToArg);
    let id = |n: i64| usize::try_from(n).unwrap_or(0);
    match action {
        Action::BoardReset { period } => tr(
            lang,
            "audit-board-reset",
            &[actor, ("period", &cards::period_name(*period, lang))],
        ),
        Action::ScheduleSetUp { schedule, channel } => tr(
            lang,
            "audit-daily-setup",
            &[
                actor,
                ("id", &id(*schedule)),
                ("channel", &format!("<#{channel}>")),
            ],
        ),
        Action::ScheduleRemoved { schedule } => tr(
            lang,
            "audit-daily-removed",
            &[actor, ("id", &id(*schedule))],
        ),
        Action::SchedulePaused { schedule } => {
            tr(lang, "audit-daily-paused", &[actor, ("id", &id(*schedule))])
        }
        Action::ScheduleResumed { schedule } => tr(
            lang,
            "audit-daily-resumed",
            &[actor, ("id", &id(*schedule))],
        ),
        Action::ScheduleSkipped { schedule } => tr(
            lang,
            "audit-daily-skipped",
            &[actor, ("id", &id(*schedule))],
        ),
        Action::SuggestionApproved { suggestion } => tr(
            lang,
            "audit-suggestion-approved",
            &[actor, ("id", &id(*suggestion))],
        ),
        Action::SuggestionDenied { suggestion, reason } => tr(
            lang,
            "audit-suggestion-denied",
            &[
                actor,
                ("id", &id(*suggestion)),
                ("reason", &member_text(reason, 200)),
            ],
        ),
        Action::DebateClosed { channel } => tr(
            lang,
            "audit-debate-closed",
            &[actor, ("channel", &format!("<#{channel}>"))],
        ),
        Action::AuditOn { channel } => tr(
            lang,
            "audit-on",
            &[actor, ("channel", &format!("<#{channel}>"))],
        ),
        Action::AuditOff => tr(lang, "audit-off", &[actor]),
        Action::HomeworkClosedEarly { number } => tr(
            lang,
            "audit-homework-closed",
            &[actor, ("number", &(*number as usize))],
        ),
        Action::HomeworkExtended { number, due } => tr(
            lang,
            "audit-homework-extended",
            &[
                actor,
                ("number", &(*number as usize)),
                ("due", &format!("<t:{due}:F>")),
            ],
        ),
        Action::QuizAccess { who } => tr(lang, "audit-quiz-access", &[actor, ("who", who)]),
        Action::DebateSettings { pings } => tr(
            lang,
            if *pings {
                "audit-debate-pings-on"
            } else {
                "audit-debate-pings-off"
            },
            &[actor],
        ),
        Action::GradebookDownloaded => tr(lang, "audit-gradebook", &[actor]),
        Action::ReadingPlan => tr(lang, "audit-reading-plan", &[actor]),
        Action::CourseItem { item, hidden } => tr(
            lang,
            if *hidden {
                "audit-course-hidden"
            } else {
                "audit-course-shown"
            },
            &[actor, ("item", &format!("`{item}`"))],
        ),
        Action::OwnItemsSaved { count } => tr(lang, "audit-own-saved", &[actor, ("count", count)]),
        Action::CourseLabel => tr(lang, "audit-course-label", &[actor]),
        Action::OwnItemDeleted { item } => tr(
            lang,
            "audit-own-deleted",
            &[actor, ("item", &format!("`{item}`"))],
        ),
        Action::LookupRules { channel: None } => tr(lang, "audit-lookup-rules", &[actor]),
        Action::LookupRules {
            channel: Some(channel),
        } => tr(
            lang,
            "audit-lookup-channel",
            &[actor, ("channel", &format!("<#{channel}>"))],
        ),
        Action::QuizSettings { boards, flat } => tr(
            lang,
            "audit-quiz-settings",
            &[
                actor,
                ("boards", boards),
                ("scoring", &if *flat { "flat" } else { "speed" }.to_string()),
            ],
        ),
        Action::MemberTime => tr(lang, "audit-member-time", &[actor]),
        Action::ServerPosts { posts } => tr(
            lang,
            "audit-server-posts",
            &[actor, ("posts", &t(lang, &format!("posts-{posts}")))],
        ),
        Action::HomeworkMemberExtended { number } => tr(
            lang,
            "audit-homework-member-extended",
            &[actor, ("number", &(*number as usize))],
        ),
        Action::ResponseStatus { response, status } => tr(
            lang,
            "audit-response-status",
            &[actor, ("id", &id(*response)), ("status", status)],
        ),
        Action::ResponseFeedback { response } => tr(
            lang,
            "audit-response-feedback",
            &[actor, ("id", &id(*response))],
        ),
        Action::ResponsesReleased { count } => {
            tr(lang, "audit-responses-released", &[actor, ("count", count)])
        }
        Action::ResponseShareAsked { response } => tr(
            lang,
            "audit-response-share-asked",
            &[actor, ("id", &id(*response))],
        ),
        Action::ResponseShared { response, channel } => tr(
            lang,
            "audit-response-shared",
            &[
                actor,
                ("id", &id(*response)),
                ("channel", &format!("<#{channel}>")),
            ],
        ),
    }
}

/// Logs `actor`'s `action` in the server's audit channel, if staff set one. Never fails and
/// never waits on Discord: the post is sent on its own task, and a failure is only logged.
pub async fn record(s: &Services, guild: u64, actor: u64, action: Action) {
    let (channel, lang) = match s.store.audit_channel(guild).await {
        Ok(Some(found)) => found,
        Ok(None) => return,
        Err(e) => {
            tracing::warn!(guild, error = %e, "cannot read the audit channel");
            return;
        }
    };
    let message = Message::from(Reply {
        text: line(&action, actor, lang),
        accent: Accent::Debate,
        ..Reply::default()
    });
    let outbox = s.outbox.clone();
    tokio::spawn(async move {
        if let Err(e) = outbox.post(channel, &message).await {
            tracing::warn!(guild, channel, error = %e, "could not post to the audit channel");
        }
    });
}

/// `/audit set channel` and `/audit off`: staff only, whatever the server's command settings.
pub async fn command(s: &Services, inv: &Invocation, cmd: AuditCommand) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in("audit", lang);
        return Ok(Reply::notice(tr(lang, "error-server-only", &[("command", &path)])).into());
    };
    if !inv.is_staff() {
        return Ok(Reply::no_permission(lang).into());
    }
    let text = match cmd {
        AuditCommand::Set { channel } => {
            s.store
                .set_audit_channel(guild, Some((channel, lang)))
                .await?;
            record(s, guild, inv.user, Action::AuditOn { channel }).await;
            tr(lang, "audit-set", &[("channel", &format!("<#{channel}>"))])
        }
        AuditCommand::Off => {
            // Said in the old channel, so nobody turns the log off unseen.
            record(s, guild, inv.user, Action::AuditOff).await;
            s.store.set_audit_channel(guild, None).await?;
            t(lang, "audit-off-done")
        }
    };
    Ok(Reply {
        text,
        ephemeral: true,
        ..Reply::default()
    }
    .into())
}

#[cfg(test)]
mod tests;
