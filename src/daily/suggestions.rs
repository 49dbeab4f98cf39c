//! Members' suggestions for daily prompts: sent to the server's staff channel with Approve and
//! Deny (Deny asks for a reason in a modal), a near-copy of a pack prompt flagged to staff; the
//! member hears the decision by DM, or privately in the channel when their DMs are closed;
//! approved suggestions are put next in the server's prompt schedules.

use std::collections::HashSet;

use super::deck::Priority;
use super::{PostKind, SUGGESTION, Suggestion};
use crate::audit::{self, Action};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Input, Invocation, Modal, Outcome};
use crate::outbox::{Message, Outbox};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::services::{Error, Services};
use crate::text::{escape_markdown, member_text, normalize, truncate};

/// The shortest and longest suggestion a member may send, and how many may wait at once.
pub const SUGGESTION_MIN: usize = 10;
pub const SUGGESTION_MAX: usize = 300;
pub const PENDING_MAX: i64 = 3;

/// Is `text` nearly one of the pack's prompts? (word overlap, accents and case ignored)
pub fn near_duplicate<'a>(core: &'a Core, text: &str) -> Option<&'a str> {
    let words = |s: &str| -> HashSet<String> {
        normalize(s)
            .split_whitespace()
            .filter(|w| w.len() > 2)
            .map(String::from)
            .collect()
    };
    let mine = words(text);
    if mine.is_empty() {
        return None;
    }
    core.library
        .packs
        .iter()
        .flat_map(|p| &p.prompts)
        .find_map(|p| {
            [p.text.en.as_deref(), p.text.id.as_deref()]
                .into_iter()
                .flatten()
                .find(|candidate| {
                    let theirs = words(candidate);
                    let common = mine.intersection(&theirs).count();
                    let union = mine.union(&theirs).count().max(1);
                    common * 100 / union >= 60
                })
        })
}

/// `/daily suggest text`.
pub async fn suggest(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    text: &str,
) -> Result<Reply, Error> {
    let (store, lang) = (&s.store, inv.lang);
    let text = text.trim();
    let length = text.chars().count();
    if !(SUGGESTION_MIN..=SUGGESTION_MAX).contains(&length) {
        return Ok(Reply::notice(tr(
            lang,
            "daily-suggest-length",
            &[("max", &SUGGESTION_MAX)],
        )));
    }
    if store.pending_suggestions(guild, inv.user).await? >= PENDING_MAX {
        return Ok(Reply::notice(tr(
            lang,
            "daily-suggest-too-many",
            &[("max", &(PENDING_MAX as usize))],
        )));
    }
    let limit = s.pace.limits.waiting_suggestions;
    if store.waiting_suggestions(guild).await? >= i64::from(limit) {
        return Ok(Reply::notice(tr(
            lang,
            "limit-waiting-suggestions",
            &[("max", &(limit as usize))],
        )));
    }
    let Some(staff) = store.staff_channel(guild).await? else {
        return Ok(Reply::notice(t(lang, "daily-suggest-no-staff")));
    };
    let id = store
        .add_suggestion(
            guild,
            inv.channel,
            inv.user,
            text,
            &inv.token,
            s.clock.unix(),
        )
        .await?;
    let card = staff_card(&s.core, id, text, inv.user);
    match s.outbox.post(staff, &Message::from(card)).await {
        Ok(_) => Ok(Reply::private(t(lang, "daily-suggest-sent"))),
        Err(e) => {
            tracing::warn!(error = %e, "could not reach the staff channel");
            store
                .decide_suggestion(id, false, Some("staff channel unreachable"))
                .await?;
            Ok(Reply::notice(t(lang, "daily-suggest-no-staff")))
        }
    }
}

/// The card staff decide on.
fn staff_card(core: &Core, id: i64, text: &str, user: u64) -> Reply {
    let staff_lang = core.default_lang;
    let mut card = Reply {
        title: Some(t(staff_lang, "daily-suggestion-title")),
        text: format!("**{}**", escape_markdown(text)),
        footer: Some(tr(
            staff_lang,
            "daily-suggested-by",
            &[("member", &format!("<@{user}>"))],
        )),
        accent: Accent::Debate,
        ..Reply::default()
    };
    if let Some(similar) = near_duplicate(core, text) {
        card = card.field(
            t(staff_lang, "daily-suggestion-similar"),
            truncate(similar, 300),
        );
    }
    card.buttons.push(Button {
        id: CustomId::Approve { suggestion: id },
        label: t(staff_lang, "button-approve"),
        style: ButtonStyle::Success,
    });
    card.buttons.push(Button {
        id: CustomId::Deny { suggestion: id },
        label: t(staff_lang, "button-deny"),
        style: ButtonStyle::Danger,
    });
    card
}

/// The suggestion a staff click or form names, when the clicker is staff and the click came
/// from the staff channel of the suggestion's server; otherwise the notice to answer with.
async fn staff_target(
    s: &Services,
    inv: &Invocation,
    suggestion: i64,
) -> Result<Result<Suggestion, Outcome>, Error> {
    let notice = |key: &str| Ok(Err(Outcome::Reply(Reply::notice(t(inv.lang, key)))));
    if !(inv.is_staff() || inv.is_moderator()) {
        return notice("error-no-permission");
    }
    let Some(sg) = s.store.suggestion(suggestion).await? else {
        return notice("error-stale-button");
    };
    // Staff cards live in the server's staff channel; a click anywhere else is not on one.
    let staff = s.store.staff_channel(sg.guild).await?;
    if Some(sg.guild) != inv.guild || staff != Some(inv.channel) {
        return notice("error-stale-button");
    }
    Ok(Ok(sg))
}

/// Approve or Deny on a staff card: approving decides at once; denying asks for a reason.
pub async fn decision(
    s: &Services,
    inv: &Invocation,
    suggestion: i64,
    approve: bool,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let sg = match staff_target(s, inv, suggestion).await? {
        Ok(sg) => sg,
        Err(refused) => return Ok(refused),
    };
    if !approve {
        return Ok(Outcome::Modal(Modal {
            id: CustomId::DenyReason { suggestion: sg.id },
            title: t(lang, "daily-deny-title"),
            fields: vec![Input {
                id: "reason",
                label: t(lang, "daily-deny-label"),
                paragraph: true,
                min_length: 3,
                max_length: 300,
                required: true,
                value: None,
            }],
        }));
    }
    decide(s, inv, sg, true, None).await
}

/// The Deny modal's answer, with the reason: the same checks as the buttons, at submit time.
pub async fn denied_with_reason(
    s: &Services,
    inv: &Invocation,
    suggestion: i64,
    reason: &str,
) -> Result<Outcome, Error> {
    let sg = match staff_target(s, inv, suggestion).await? {
        Ok(sg) => sg,
        Err(refused) => return Ok(refused),
    };
    decide(s, inv, sg, false, Some(reason.trim())).await
}

async fn decide(
    s: &Services,
    inv: &Invocation,
    sg: Suggestion,
    approve: bool,
    reason: Option<&str>,
) -> Result<Outcome, Error> {
    let (store, lang) = (&s.store, inv.lang);
    let notice = |key: &str| Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    if !store.decide_suggestion(sg.id, approve, reason).await? {
        return notice("daily-decided-already");
    }
    let action = if approve {
        Action::SuggestionApproved { suggestion: sg.id }
    } else {
        Action::SuggestionDenied {
            suggestion: sg.id,
            reason: reason.unwrap_or("").to_string(),
        }
    };
    audit::record(s, sg.guild, inv.user, action).await;
    if approve {
        // A suggestion is a discussion prompt: it joins the prompt schedules' queues, after
        // the suggestions approved before it.
        let schedules = store.schedules(Some(sg.guild)).await?;
        let item = format!("{SUGGESTION}{}", sg.id);
        for schedule in schedules.iter().filter(|x| x.kind == PostKind::Prompt) {
            store
                .update_deck(schedule.id, |deck| deck.put(&item, Priority::Normal))
                .await?;
        }
    }
    let member_lang = s.core.default_lang;
    let text = member_text(&sg.text, 200);
    let note = if approve {
        tr(member_lang, "daily-approved-note", &[("text", &text)])
    } else {
        let reason = escape_markdown(reason.unwrap_or(""));
        tr(
            member_lang,
            "daily-denied-note",
            &[("text", &text), ("reason", &reason)],
        )
    };
    // After the staff's click is answered, so that answer never waits on the member's DMs.
    let outbox = s.outbox.clone();
    let (user, token) = (sg.user, sg.token.clone());
    tokio::spawn(async move { tell_member(outbox.as_ref(), user, &token, note).await });
    let key = if approve {
        "daily-approved"
    } else {
        "daily-denied"
    };
    let done = Reply {
        title: Some(t(lang, "daily-suggestion-title")),
        text: format!("**{}**", member_text(&sg.text, 500)),
        footer: Some(tr(
            lang,
            key,
            &[("reason", &reason.unwrap_or("").to_string())],
        )),
        accent: if approve {
            Accent::Benjamin
        } else {
            Accent::Error
        },
        ..Reply::default()
    };
    Ok(Outcome::Update(done))
}

/// The member hears the decision by DM, or privately in the channel when DMs are closed.
pub async fn tell_member(outbox: &dyn Outbox, user: u64, token: &str, note: String) {
    let dm = Message::from(Reply {
        text: note.clone(),
        ..Reply::default()
    });
    if let Err(e) = outbox.direct_message(user, &dm).await {
        if token.is_empty() {
            tracing::info!(error = %e, "DMs closed and the suggestion's token has expired");
            return;
        }
        tracing::info!(error = %e, "DMs closed; telling the member in the channel");
        let private = Message::from(Reply::private(note));
        if let Err(e) = outbox.followup(token, &private).await {
            tracing::warn!(error = %e, "could not tell the member about their suggestion");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::OutboxError;
    use crate::outbox::recorder::{Call, Recorder, Sent};
    use crate::pack::Lang;
    use std::path::PathBuf;

    #[tokio::test]
    async fn a_server_with_too_many_waiting_suggestions_is_told_politely() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = std::sync::Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = crate::store::Store::in_memory().await.expect("store");
        let pace = crate::services::Pace {
            limits: crate::services::Limits {
                waiting_suggestions: 2,
                ..Default::default()
            },
            ..Default::default()
        };
        let outbox = std::sync::Arc::new(Recorder::new());
        let s = Services::new(core, store, outbox.clone(), pace);
        s.store.set_staff_channel(1, 9).await.expect("staff");
        for user in [5, 6] {
            s.store
                .add_suggestion(1, 2, user, "An idea of mine", "t", 0)
                .await
                .expect("add");
        }
        let inv = Invocation {
            guild: Some(1),
            channel: 2,
            user: 7,
            lang: Lang::Id,
            ..Invocation::default()
        };
        let reply = suggest(&s, &inv, 1, "Is a meme an artwork with aura?")
            .await
            .expect("suggest");
        assert!(reply.ephemeral);
        assert!(
            reply.text.contains("Server ini sudah punya 2 usulan"),
            "{}",
            reply.text
        );
        assert!(outbox.sent().is_empty(), "nothing reached the staff");
        // Another server still may.
        let other = Invocation {
            guild: Some(3),
            ..inv
        };
        s.store.set_staff_channel(3, 9).await.expect("staff");
        let ok = suggest(&s, &other, 3, "Is a meme an artwork with aura?")
            .await
            .expect("suggest");
        assert!(
            !ok.text.contains("usulan yang menunggu keputusan"),
            "{}",
            ok.text
        );
    }

    #[test]
    fn a_near_copy_of_a_pack_prompt_is_flagged_and_a_new_one_is_not() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Core::load(&dir, Lang::En).expect("pack");
        let prompt = core.library.packs[0].prompts[0]
            .text
            .en
            .clone()
            .expect("english");
        let near = format!("{} ?", prompt.trim_end_matches(['?', '.']));
        assert!(near_duplicate(&core, &near).is_some(), "{near}");
        assert!(
            near_duplicate(&core, "Should memes count as folk art in a digital age?").is_none()
        );
    }

    #[tokio::test]
    async fn a_member_with_closed_dms_is_told_privately_in_the_channel() {
        let outbox = Recorder::new();
        outbox.fail(
            Call::DirectMessage,
            OutboxError::Refused {
                status: 400,
                detail: "Cannot send messages to this user".into(),
            },
        );
        tell_member(&outbox, 5, "tok", "Approved".into()).await;
        let sent = outbox.sent();
        assert_eq!(sent.len(), 1, "{sent:?}");
        let Sent::Followup { token, message } = &sent[0] else {
            panic!("{sent:?}");
        };
        assert_eq!(token, "tok");
        assert!(message.reply.ephemeral);
        assert_eq!(message.reply.text, "Approved");
    }

    #[tokio::test]
    async fn open_dms_get_the_decision_directly() {
        let outbox = Recorder::new();
        tell_member(&outbox, 5, "tok", "Denied".into()).await;
        assert!(matches!(
            &outbox.sent()[..],
            [Sent::DirectMessage { user: 5, .. }]
        ));
    }
}
