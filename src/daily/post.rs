//! Publishing one daily post through the outbox: the post with its opt-in button and the
//! configured role's ping (only that role), then its discussion thread, then the pin (the
//! previous post unpinned). Once the post is out, what follows is logged when it fails, never
//! undone.

use super::{DailySchedule, PostKind};
use crate::i18n::t;
use crate::interaction::CustomId;
use crate::outbox::{Message, Outbox, OutboxError};
use crate::reply::{Button, ButtonStyle, Reply};
use crate::responses::model::On;
use crate::text::truncate;

/// Posts `reply` for schedule `s` and its local `date` with `nonce` (the same for every try of
/// that post); `previous` is the last post's message, to unpin. A prompt or a motion carries a
/// Respond button (members write their response to it). Returns the new message's id.
pub async fn publish(
    outbox: &dyn Outbox,
    s: &DailySchedule,
    reply: &Reply,
    (previous, date): (Option<u64>, &str),
    nonce: &str,
) -> Result<u64, OutboxError> {
    let mut reply = reply.clone();
    if let (PostKind::Prompt | PostKind::Motion, Some(date)) = (s.kind, On::date_number(date)) {
        reply.buttons.push(Button {
            id: CustomId::Respond {
                on: On::Prompt {
                    schedule: s.id,
                    date,
                },
            },
            label: t(s.lang, "button-respond"),
            style: ButtonStyle::Primary,
        });
    }
    if let Some(role) = s.role {
        // Members opt in to (or out of) the ping themselves.
        reply.buttons.insert(
            0,
            Button {
                id: CustomId::DailyRole { role },
                label: t(s.lang, "button-notify"),
                style: ButtonStyle::Secondary,
            },
        );
    }
    let message = Message {
        reply,
        ping: s.role,
        ping_user: None,
    };
    let id = outbox.post_once(s.channel, &message, nonce).await?;
    if s.thread {
        let name = thread_name(&message.reply);
        if let Err(e) = outbox.start_thread(s.channel, id, &name).await {
            tracing::warn!(schedule = s.id, error = %e, "could not open the thread");
        }
    }
    if s.pin {
        if let Some(prev) = previous
            && let Err(e) = outbox.unpin(s.channel, prev).await
        {
            tracing::warn!(schedule = s.id, error = %e, "could not unpin the last post");
        }
        if let Err(e) = outbox.pin(s.channel, id).await {
            tracing::warn!(schedule = s.id, error = %e, "could not pin the post");
        }
    }
    Ok(id)
}

/// Words of the post that find it again in the channel's history: its first line, without
/// markdown, at most 80 characters.
pub fn marker(reply: &Reply) -> Option<String> {
    reply
        .text
        .lines()
        .map(|l| l.replace("**", "").trim().to_string())
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(80).collect())
}

/// A thread's name: the post's first line (the prompt itself), without markdown, within
/// Discord's 100 characters.
pub fn thread_name(reply: &Reply) -> String {
    let first = reply
        .text
        .lines()
        .map(|l| l.replace("**", "").trim().to_string())
        .find(|l| !l.is_empty())
        .or_else(|| reply.title.clone())
        .unwrap_or_else(|| "Discussion".into());
    truncate(&first, 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::recorder::{Recorder, Sent};
    use crate::pack::Lang;

    #[test]
    fn thread_names_are_the_prompt_within_100_characters() {
        let reply = Reply {
            title: Some("Discussion prompt of the day".into()),
            text: format!("**{}**\n\nDiscuss below.", "word ".repeat(40)),
            ..Reply::default()
        };
        let name = thread_name(&reply);
        assert!(name.chars().count() <= 100);
        assert!(name.starts_with("word word"));
    }

    #[tokio::test]
    async fn a_post_pings_only_its_role_then_opens_a_thread_and_moves_the_pin() {
        let outbox = Recorder::new();
        let s = DailySchedule {
            id: 1,
            channel: 7,
            time: "08:00".into(),
            zone: "UTC".into(),
            lang: Lang::En,
            role: Some(99),
            ..DailySchedule::sample()
        };
        let reply = Reply {
            text: "**Is aura lost?**".into(),
            ..Reply::default()
        };
        let id = publish(&outbox, &s, &reply, (Some(41), "2026-03-02"), "d1.20260302")
            .await
            .expect("post");
        let sent = outbox.sent();
        let Sent::Post { message, .. } = &sent[0] else {
            panic!("{sent:?}");
        };
        assert_eq!(message.ping, Some(99));
        assert_eq!(
            message.reply.buttons[0].id,
            CustomId::DailyRole { role: 99 }
        );
        assert_eq!(
            sent[1..],
            [
                Sent::Thread {
                    channel: 7,
                    id,
                    name: "Is aura lost?".into()
                },
                Sent::Unpin { channel: 7, id: 41 },
                Sent::Pin { channel: 7, id },
            ]
        );
    }
}
