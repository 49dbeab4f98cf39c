//! A member with no permissions pressing every staff button and submitting every form (each
//! refused politely, nothing changed); quiz access "everyone" lets students play and start but
//! not reset boards or download reports, set homework or read insights; Manage Messages in one
//! channel gives no server-wide power; member text shown as text to staff and the class.

use std::time::Duration;

use serde_json::{Value, json};

use super::{STAFF, STAFF_ROOM, assert_polite, custom_ids, daily, guild, suggestion};
use crate::app::{TestApp, next};
use crate::fake::{
    CHANNEL_ID, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, asked_by, click, in_channel, in_guild,
    in_guild_by_overwrite, modal_submit, subcommand, with_channel,
};
use crate::support::{answered, opt, quiz, start_vote, submit_in};

const STUDENT: u64 = 41;

fn refused(body: &Value, what: &str) {
    assert_eq!(body["data"]["flags"], 64, "{what}: {body}");
    let text = body.to_string();
    assert!(
        text.contains("permission") || text.contains("Only the"),
        "{what}: {text}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_pressing_every_staff_button_and_submitting_every_form_is_refused() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let (approve, deny, _) = suggestion(&bot, 15, "Is a meme an artwork with aura?").await;
    let deny_id = deny.rsplit(':').next().unwrap_or("0").to_string();
    let reason = format!("aura:sugg-reason:{deny_id}");
    // Quiz access "everyone": students may play and start rounds.
    let access = quiz(
        &bot.fake,
        STAFF,
        MANAGE_GUILD,
        "access",
        json!([{ "type": 4, "name": "who", "value": 0 }]),
    )
    .await;
    assert!(access.to_string().contains("everyone"), "{access}");
    // Someone else's debate.
    let starter = next();
    let (debate, opened) = start_vote(&fake, starter).await;
    assert_eq!(opened.status, 204, "{}", opened.body);
    let close = format!("aura:close:{debate}");
    let g = guild();
    let reset = format!("aura:quiz-reset:all:{STUDENT}:{g}");
    let before = (
        fake.posted().len(),
        fake.edits().len(),
        fake.followups().len(),
    );

    let clicks = [
        (
            in_channel(click(next(), STUDENT, "en-US", &approve, None), STAFF_ROOM),
            "approve",
        ),
        (
            in_channel(click(next(), STUDENT, "en-US", &deny, None), STAFF_ROOM),
            "deny",
        ),
        (
            click(next(), STUDENT, "en-US", &close, None),
            "close another's debate",
        ),
        // A reset confirmation the student forged for themselves.
        (
            click(next(), STUDENT, "en-US", &reset, None),
            "reset, forged",
        ),
        (
            asked_by(click(next(), STUDENT, "en-US", &reset, None), STUDENT),
            "reset, own message",
        ),
    ];
    for (payload, what) in clicks {
        let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
        assert_polite(&cb, what);
        refused(&cb.body, what);
    }
    // The Deny form, submitted without ever being shown.
    let form = in_channel(
        modal_submit(
            next(),
            STUDENT,
            "en-US",
            &reason,
            &[("reason", "denied by a student")],
        ),
        STAFF_ROOM,
    );
    let cb = fake.interact(in_guild(form, MEMBER, &[])).await;
    assert_polite(&cb, "deny form");
    refused(&cb.body, "deny form");
    // Staff commands.
    for (group, sub) in [
        ("quiz", "reset"),
        ("quiz", "report"),
        ("quiz", "access"),
        ("daily", "staff"),
    ] {
        let options = match (group, sub) {
            ("quiz", "reset") => json!([{ "type": 4, "name": "period", "value": 3 }]),
            ("quiz", "access") => json!([{ "type": 4, "name": "who", "value": 0 }]),
            _ => json!([]),
        };
        let body = if group == "quiz" {
            quiz(&bot.fake, STUDENT, MEMBER, sub, options).await
        } else {
            daily(&bot, STUDENT, MEMBER, sub, options).await
        };
        refused(&body, &format!("/{group} {sub}"));
    }
    // Nothing changed: no post, edit or follow-up…
    assert_eq!(
        (
            fake.posted().len(),
            fake.edits().len(),
            fake.followups().len()
        ),
        before
    );
    // …the suggestion still waits for staff, who can deny it with their form…
    let not_now = [("reason", "Not this week")];
    let cb = submit_in(&fake, (STAFF, MANAGE_GUILD), STAFF_ROOM, &reason, &not_now).await;
    assert_eq!(cb.body["type"], 7, "{}", cb.body);
    assert!(cb.body.to_string().contains("Not this week"), "{}", cb.body);
    // …students may still start a round (access "everyone")…
    let started = quiz(
        &bot.fake,
        STUDENT,
        MEMBER,
        "start",
        json!([{ "type": 4, "name": "mode", "value": 1 }]),
    )
    .await;
    assert_eq!(started["type"], 4, "{started}");
    assert!(started["data"]["flags"].is_null(), "{started}");
    quiz(&bot.fake, STUDENT, MEMBER, "stop", json!([])).await;
    // …and moderators still reset and download reports.
    let report = quiz(&bot.fake, STAFF, MANAGE_MESSAGES, "report", json!([])).await;
    assert!(!report.to_string().contains("permission"), "{report}");
    let confirm = quiz(
        &bot.fake,
        STAFF,
        MANAGE_MESSAGES,
        "reset",
        json!([{ "type": 4, "name": "period", "value": 3 }]),
    )
    .await;
    let yes = custom_ids(&confirm["data"])
        .first()
        .cloned()
        .unwrap_or_default();
    let done = fake
        .interact(in_guild(
            asked_by(click(next(), STAFF, "en-US", &yes, None), STAFF),
            MANAGE_MESSAGES,
            &[],
        ))
        .await;
    assert!(done.body.to_string().contains("cleared"), "{}", done.body);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_text_is_shown_as_text_to_staff_and_the_class() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let text = "# Free nitro [click here](https://evil.example) **now** @everyone <@77>";
    let (approve, _, card) = suggestion(&bot, 16, text).await;
    let shown = card["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(shown.contains("click here"), "{card}");
    for raw in ["[click here](", "**now", "<@77>", "https://"] {
        assert!(
            !shown.contains(raw),
            "{raw} is live in the staff card: {shown}"
        );
    }
    for escaped in [r"\# Free", r"\[click here\]", r"\@everyone"] {
        assert!(shown.contains(escaped), "{escaped} missing: {shown}");
    }
    assert_eq!(card["allowed_mentions"]["parse"], json!([]), "{card}");
    // Staff approve; the updated card and the member's note show it as text too.
    let ok = fake
        .interact(in_guild(
            in_channel(click(next(), STAFF, "en-US", &approve, None), STAFF_ROOM),
            MANAGE_GUILD,
            &[],
        ))
        .await;
    let updated = ok.body["data"]["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(
        updated.contains(r"\[click here\]") && !updated.contains("[click here]("),
        "{updated}"
    );
    fake.wait_for_posts(Duration::from_secs(5), |p| {
        p.iter().any(|m| m.channel == "7716")
    })
    .await;
    let note = fake.posted_in("7716")[0].body.to_string();
    assert!(!note.contains("[click here]("), "{note}");
    bot.stop().await;
}

/// `/quiz sub options` (and a `channel` option, if any) by `user` whose `perms` come from this
/// channel's overwrites alone.
async fn by_overwrite(
    bot: &TestApp,
    (user, perms): (u64, u64),
    sub: &str,
    options: Value,
    channel: Option<&str>,
) -> Value {
    let mut payload = subcommand(next(), user, "en-US", "quiz", sub, options);
    if let Some(channel) = channel {
        payload = with_channel(payload, "channel", channel);
    }
    let cb = bot
        .fake
        .interact(in_guild_by_overwrite(payload, perms, &[]))
        .await;
    assert_eq!(cb.status, 204, "/quiz {sub}: {}", cb.body);
    answered(&bot.fake, &cb).await
}

fn refused_server_wide(body: &Value, what: &str) {
    assert_eq!(body["data"]["flags"], 64, "{what}: {body}");
    assert!(
        body.to_string().contains("acts on the whole server"),
        "{what}: {body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manage_messages_in_one_channel_gives_no_server_wide_power() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    // A teacher (Manage Messages from the moderators' role) sets homework #1.
    let set = quiz(
        &fake,
        STAFF,
        MANAGE_MESSAGES,
        "assign",
        json!([
            opt("due", json!("tomorrow 18:00")),
            opt("questions", json!(3))
        ]),
    )
    .await;
    assert!(set.to_string().contains("Homework #1"), "{set}");
    // A member given Manage Messages in this channel alone, by an overwrite.
    let other = "645027906669510999";
    let server_wide = [
        (
            "report",
            json!([opt("scope", json!(1))]),
            None,
            "the term gradebook",
        ),
        ("insights", json!([]), None, "every channel's insights"),
        (
            "insights",
            json!([]),
            Some(other),
            "another channel's insights",
        ),
        (
            "reset",
            json!([opt("period", json!(3))]),
            None,
            "reset the boards",
        ),
        (
            "assignments",
            json!([opt("action", json!(0)), opt("id", json!(1))]),
            None,
            "close another teacher's homework",
        ),
        (
            "assignments",
            json!([
                opt("action", json!(1)),
                opt("id", json!(1)),
                opt("due", json!("tomorrow 20:00"))
            ]),
            None,
            "extend another teacher's homework",
        ),
    ];
    // (A refusal gives the member's cooldown back: they may ask again at once.)
    for (sub, options, channel, what) in server_wide {
        let body = by_overwrite(&bot, (STUDENT, MANAGE_MESSAGES), sub, options, channel).await;
        if sub == "assignments" {
            refused(&body, what);
        } else {
            refused_server_wide(&body, what);
        }
    }
    let listed = quiz(&fake, STUDENT, MEMBER, "assignments", json!([])).await;
    assert!(!listed.to_string().contains("closed"), "{listed}");
    // In their own channel they are a moderator: its insights and its round report.
    let mine = (STUDENT, MANAGE_MESSAGES);
    let insights = by_overwrite(&bot, mine, "insights", json!([]), Some(CHANNEL_ID)).await;
    assert!(!insights.to_string().contains("permission"), "{insights}");
    let round = by_overwrite(&bot, mine, "report", json!([]), None).await;
    assert!(!round.to_string().contains("permission"), "{round}");
    // With the same right from a role, the server's gradebook and insights are theirs.
    let moderator = STUDENT + 100;
    let term = quiz(
        &fake,
        moderator,
        MANAGE_MESSAGES,
        "report",
        json!([opt("scope", json!(1))]),
    )
    .await;
    assert!(!term.to_string().contains("permission"), "{term}");
    let all = quiz(&fake, moderator, MANAGE_MESSAGES, "insights", json!([])).await;
    assert!(!all.to_string().contains("permission"), "{all}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_access_for_everyone_students_play_but_homework_and_insights_stay_with_teachers() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let access = quiz(
        &fake,
        STAFF,
        MANAGE_GUILD,
        "access",
        json!([opt("who", json!(0))]),
    )
    .await;
    assert!(access.to_string().contains("everyone"), "{access}");
    for (sub, options, channel) in [
        ("assign", json!([opt("due", json!("tomorrow 18:00"))]), None),
        ("insights", json!([]), None),
        ("insights", json!([]), Some(CHANNEL_ID)),
    ] {
        let body = by_overwrite(&bot, (STUDENT, MEMBER), sub, options, channel).await;
        assert_eq!(body["data"]["flags"], 64, "/quiz {sub}: {body}");
        assert!(
            body.to_string().contains("permission"),
            "/quiz {sub}: {body}"
        );
    }
    let started = quiz(
        &fake,
        STUDENT,
        MEMBER,
        "start",
        json!([opt("mode", json!(1))]),
    )
    .await;
    assert_eq!(started["type"], 4, "{started}");
    assert!(started["data"]["flags"].is_null(), "{started}");
    bot.stop().await;
}
