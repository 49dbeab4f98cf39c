//! Forged and stale `custom_id`s of every kind: garbage, wrong arity, ids of things that do
//! not exist, and real ids clicked from another server or channel. Each gets a polite private
//! notice and changes nothing.

use super::{
    OTHER_CHANNEL, STAFF, STAFF_ROOM, assert_answered, assert_polite, custom_ids, guild,
    in_other_guild, suggestion,
};
use crate::app::{TestApp, next};
use crate::fake::{
    CHANNEL_ID, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, asked_by, click, in_channel, in_guild,
    modal_submit,
};
use crate::support::{press, press_in, start_vote};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_and_stale_custom_ids_of_every_kind_get_a_polite_notice_and_change_nothing() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    // Real things to aim at: a pending suggestion and an open debate in this server.
    let (approve, deny, _) = suggestion(&bot, 15, "Is a meme an artwork with aura?").await;
    let starter = next();
    let (debate, opened) = start_vote(&fake, starter).await;
    assert_eq!(opened.body["type"], 4, "{}", opened.body);
    // The vote's card is posted in the channel.
    let debate_ids: Vec<String> = fake
        .posted_in(CHANNEL_ID)
        .iter()
        .flat_map(|p| custom_ids(&p.body))
        .filter(|i| i.contains(&debate.to_string()))
        .collect();
    let vote = debate_ids
        .iter()
        .find(|i| i.starts_with("aura:vote:"))
        .cloned()
        .unwrap_or_default();
    let close = debate_ids
        .iter()
        .find(|i| i.starts_with("aura:close:"))
        .cloned()
        .unwrap_or_default();
    assert!(!vote.is_empty() && !close.is_empty(), "{debate_ids:?}");
    let deny_id = deny.rsplit(':').next().unwrap_or("0").to_string();
    let me = next();
    let g = guild();
    let reset_all = format!("aura:quiz-reset:all:{me}:{g}");

    let garbage = [
        "".to_string(),
        "hello".into(),
        "aura".into(),
        "aura:".into(),
        "aura:unknown-kind:1".into(),
        "other:concept:benjamin:aura".into(),
        "aura:vote:abc:adorno".into(),
        "aura:vote:1:nobody".into(),
        format!("aura:vote:{}:adorno:extra", u64::MAX),
        "aura:quiz-reset:forever:1:2".into(),
        "\u{0}\u{200B}aura:concept".into(),
        "aura:delete:-1".into(),
        "a".repeat(100),
    ];
    let wrong_arity = [
        "aura:concept:benjamin",
        "aura:section",
        "aura:quote:benjamin",
        "aura:quote-de",
        "aura:quote-more",
        "aura:debate:benjamin",
        "aura:debate-more",
        "aura:thinker:benjamin",
        "aura:letter",
        "aura:essay",
        "aura:open",
        "aura:delete",
        "aura:vote:1",
        "aura:close",
        "aura:quiz:1:2",
        "aura:quiz-hint:1",
        "aura:quiz-reset:week:1",
        "aura:daily-role",
        "aura:sugg-approve",
        "aura:sugg-deny:1:2",
        "aura:sugg-reason",
        // Class debates, homework, practice, typed answers, teams, privacy.
        "aura:db:1",
        "aura:db",
        "aura:hw-start",
        "aura:hw:1:2",
        "aura:hw-close:1:2",
        "aura:practice:1:2:q",
        "aura:quiz-type:1",
        "aura:quiz-typed:1",
        "aura:quiz-team:1",
        "aura:privacy:delete",
    ];
    let nothing_there = [
        "aura:concept:nopack:nothing".to_string(),
        "aura:section:benjamin:nothing".into(),
        "aura:quote:benjamin:nothing".into(),
        "aura:quote-de:nopack:nothing".into(),
        "aura:quote-more:nopack:nothing:nobody".into(),
        "aura:debate:benjamin:nothing".into(),
        "aura:debate-more:nopack".into(),
        "aura:thinker:benjamin:nobody".into(),
        "aura:letter:nopack".into(),
        "aura:essay:nopack".into(),
        "aura:open:nothing".into(),
        "aura:vote:999:adorno".into(),
        "aura:close:999".into(),
        "aura:quiz:999:0:0".into(),
        "aura:quiz-hint:999:0".into(),
        format!("aura:quiz-reset:week:{me}:999"),
        "aura:daily-role:12345".into(),
        "aura:sugg-approve:999".into(),
        "aura:sugg-deny:999".into(),
        // Someone else's reply, or a message nobody asked for.
        format!("aura:delete:{me}"),
        "aura:db:999:join:benjamin".into(),
        "aura:db:999:argue".into(),
        "aura:db:999:next".into(),
        "aura:db:999:poi:3".into(),
        "aura:hw-start:999".into(),
        "aura:hw:999:1:0".into(),
        format!("aura:hw-close:999:{me}:close"),
        "aura:practice:999:1:nothing:0".into(),
        "aura:quiz-type:999:1".into(),
        "aura:quiz-typed:999:1".into(),
        "aura:quiz-team:999:0".into(),
        // Another member's deletion, forged.
        "aura:privacy:delete:12345".into(),
    ];
    let before = (fake.posted().len(), fake.edits().len());
    let all = garbage
        .iter()
        .cloned()
        .chain(wrong_arity.iter().map(|s| s.to_string()))
        .chain(nothing_there.iter().cloned());
    for custom_id in all {
        // Staff rights, so that only the id itself can be what is refused.
        let cb = press(&fake, me, MANAGE_GUILD, &custom_id).await;
        assert_answered(&fake, &cb, &custom_id).await;
        // Forms with the same ids.
        let cb = fake
            .interact(in_guild(
                modal_submit(next(), me, "id", &custom_id, &[("reason", "no")]),
                MANAGE_GUILD,
                &[],
            ))
            .await;
        assert_polite(&cb, &format!("form {custom_id}"));
    }

    // Real ids from another server or channel.
    let elsewhere = [
        (
            in_guild(
                click(next(), STAFF, "en-US", &approve, None),
                MANAGE_GUILD,
                &[],
            ),
            "approve, outside the staff channel",
        ),
        (
            in_other_guild(in_guild(
                in_channel(click(next(), STAFF, "en-US", &approve, None), STAFF_ROOM),
                MANAGE_GUILD,
                &[],
            )),
            "approve, other server",
        ),
        (
            in_other_guild(in_guild(
                in_channel(click(next(), STAFF, "en-US", &deny, None), STAFF_ROOM),
                MANAGE_GUILD,
                &[],
            )),
            "deny, other server",
        ),
        (
            in_other_guild(in_guild(
                in_channel(
                    modal_submit(
                        next(),
                        STAFF,
                        "en-US",
                        &format!("aura:sugg-reason:{deny_id}"),
                        &[("reason", "no")],
                    ),
                    STAFF_ROOM,
                ),
                MANAGE_GUILD,
                &[],
            )),
            "deny reason, other server",
        ),
        (
            in_channel(
                in_guild(click(next(), 8, "en-US", &vote, None), MEMBER, &[]),
                OTHER_CHANNEL,
            ),
            "vote, other channel",
        ),
        (
            in_other_guild(in_guild(
                click(next(), 8, "en-US", &vote, None),
                MEMBER,
                &[],
            )),
            "vote, other server",
        ),
        (
            in_channel(
                in_guild(click(next(), starter, "en-US", &close, None), MEMBER, &[]),
                OTHER_CHANNEL,
            ),
            "close, other channel",
        ),
        (
            in_other_guild(in_guild(
                click(next(), me, "en-US", &reset_all, None),
                MANAGE_MESSAGES,
                &[],
            )),
            "reset, other server",
        ),
        (
            in_guild(
                asked_by(
                    click(next(), me, "en-US", &format!("aura:delete:{me}"), None),
                    starter,
                ),
                MEMBER,
                &[],
            ),
            "delete someone else's reply with a forged owner",
        ),
        (
            in_guild(
                asked_by(click(next(), me, "en-US", &reset_all, None), starter),
                MANAGE_MESSAGES,
                &[],
            ),
            "reset asked by someone else",
        ),
    ];
    for (payload, what) in elsewhere {
        let cb = fake.interact(payload).await;
        assert_polite(&cb, what);
    }

    // Nothing changed: nothing deleted, no role given, no message edited or posted beyond
    // the staff card and the debate…
    assert!(fake.deleted().is_empty(), "{:?}", fake.deleted());
    assert!(fake.role_changes().is_empty());
    assert_eq!((fake.posted().len(), fake.edits().len()), before);
    // …the suggestion is still waiting for staff…
    let ok = press_in(&fake, STAFF, MANAGE_GUILD, STAFF_ROOM, &approve).await;
    assert_eq!(ok.body["type"], 7, "{}", ok.body);
    assert!(ok.body.to_string().contains("Approved"), "{}", ok.body);
    // …and the debate is open, with no vote counted; its starter closes it where it is.
    let closed = press(&fake, starter, MEMBER, &close).await;
    assert_eq!(closed.body["type"], 7, "{}", closed.body);
    let tally = closed.body.to_string();
    assert_eq!(tally.matches("0 (0%)").count(), 3, "{tally}");
    bot.stop().await;
}
