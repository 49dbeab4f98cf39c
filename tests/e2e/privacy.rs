//! Privacy and accountability end to end: a member sees what Aura stores about them and deletes
//! it (the board forgets them, other members keep theirs); staff choose an audit channel where
//! board resets, schedule changes and suggestion decisions are logged once each, pinging nobody;
//! interaction tokens leave the database once Discord no longer honours them.

use std::time::Duration;

use crate::app::{TestApp, next, state_file};
use crate::fake::{
    FakeDiscord, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, Posted, command, in_guild, string_option,
    subcommand, with_channel,
};
use crate::support::{
    answer_buttons, answered, custom_ids, first_question, press, press_in, start_vote,
};
use aura::store::Store;
use serde_json::{Value, json};

const TEACHER: u64 = 42;
const AUDIT_ROOM: &str = "700000000000000009";
const STAFF_ROOM: &str = "700000000000000008";
const POSTS: &str = "700000000000000007";

/// `/group sub options` by `user` with `perms`, with a channel option `(name, channel)` if
/// given; returns what Aura answered, as a new message.
async fn run(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    (group, sub): (&str, &str),
    options: Value,
    channel: Option<(&str, &str)>,
) -> Value {
    let mut payload = subcommand(next(), user, "en-US", group, sub, options);
    if let Some((name, ch)) = channel {
        payload = with_channel(payload, name, ch);
    }
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/{group} {sub}: {}", cb.body);
    answered(fake, &cb).await
}

/// `/quiz leaderboard`, asked by the member `user`.
async fn leaderboard(fake: &FakeDiscord, user: u64) -> Value {
    let board = ("quiz", "leaderboard");
    run(fake, (user, MEMBER), board, json!([]), None).await
}

/// `leaver` is gone from what Aura stores and from the board; `stayer` is still on it. (After
/// the short `/privacy` cooldown of the leaver's earlier ask; the board is asked by someone
/// else, as it has a cooldown per member too.)
async fn forgotten(fake: &FakeDiscord, leaver: u64, stayer: u64) {
    tokio::time::sleep(Duration::from_secs(3)).await;
    let after = privacy(fake, leaver).await;
    assert!(after.to_string().contains("stores nothing"), "{after}");
    let board = leaderboard(fake, next()).await;
    assert!(
        !board.to_string().contains(&format!("<@{leaver}>")),
        "{board}"
    );
    assert!(
        board.to_string().contains(&format!("<@{stayer}>")),
        "{board}"
    );
}

async fn privacy(fake: &FakeDiscord, user: u64) -> Value {
    let cb = fake
        .interact(in_guild(
            command(next(), user, "en-US", "privacy", json!([])),
            MEMBER,
            &[],
        ))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
    cb.body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_deletes_what_aura_stores_and_the_board_forgets_only_them() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let (leaver, stayer) = (next(), next());
    // A one-question round in teacher mode; both members answer, then the answer is revealed.
    let opts = json!([
        { "type": 4, "name": "questions", "value": 1 },
        { "type": 4, "name": "mode", "value": 1 }
    ]);
    run(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        ("quiz", "start"),
        opts,
        None,
    )
    .await;
    let (_, answers) = first_question(&fake).await;
    for member in [leaver, stayer] {
        let cb = press(&fake, member, MEMBER, &answers[0]).await;
        assert!(cb.body.to_string().contains("Locked in"), "{}", cb.body);
    }
    run(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        ("quiz", "reveal"),
        json!([]),
        None,
    )
    .await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.body.to_string().contains("over"))
    })
    .await;
    // Both vote in a debate.
    let (debate, opened) = start_vote(&fake, TEACHER).await;
    assert_eq!(opened.status, 204, "{}", opened.body);
    for member in [leaver, stayer] {
        let cb = press(&fake, member, MEMBER, &format!("aura:vote:{debate}:adorno")).await;
        assert_eq!(cb.status, 204, "{}", cb.body);
    }
    let board = leaderboard(&fake, stayer).await;
    assert!(
        board.to_string().contains(&format!("<@{leaver}>")),
        "{board}"
    );

    // /privacy: what is stored, privately, with Delete and Cancel for the asker alone.
    let shown = privacy(&fake, leaver).await;
    let text = shown.to_string();
    assert!(text.contains("Quiz answers: 1 (in 1 rounds)"), "{text}");
    assert!(text.contains("Debate votes: 1"), "{text}");
    let ids = custom_ids(&shown["data"]);
    let delete = format!("aura:privacy:delete:{leaver}");
    assert_eq!(
        ids,
        [delete.clone(), format!("aura:privacy:cancel:{leaver}")]
    );
    // Another member's click on a forged copy deletes nothing.
    let forged = press(&fake, stayer, MEMBER, &delete).await;
    assert!(
        forged.body.to_string().contains("Only the member"),
        "{}",
        forged.body
    );
    let done = press(&fake, leaver, MEMBER, &delete).await;
    assert_eq!(done.body["type"], 7, "{}", done.body);
    assert!(
        done.body.to_string().contains("no longer stores"),
        "{}",
        done.body
    );

    // Gone from the rows and from the board; the other member keeps everything.
    forgotten(&fake, leaver, stayer).await;
    let kept = privacy(&fake, stayer).await.to_string();
    assert!(kept.contains("Quiz answers: 1 (in 1 rounds)"), "{kept}");
    assert!(kept.contains("Debate votes: 1"), "{kept}");
    bot.stop().await;
}

/// The audit channel's posts.
fn audit_lines(fake: &FakeDiscord) -> Vec<Posted> {
    fake.posted_in(AUDIT_ROOM)
}

/// Waits for the `n`th audit line and checks it pings nobody; returns its text.
async fn audit_line(fake: &FakeDiscord, n: usize) -> String {
    fake.wait_for_posts(Duration::from_secs(10), move |p| {
        p.iter().filter(|m| m.channel == AUDIT_ROOM).count() >= n
    })
    .await;
    let line = audit_lines(fake)[n - 1].body.clone();
    let mentions = &line["allowed_mentions"];
    assert_eq!(mentions["parse"], json!([]), "{line}");
    for allowed in ["users", "roles"] {
        assert!(
            mentions[allowed].as_array().is_none_or(|a| a.is_empty()),
            "{line}"
        );
    }
    line.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_actions_are_logged_once_each_in_the_audit_channel_without_pings() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let staff = next();
    // A plain member cannot set the channel.
    let refused = run(
        &fake,
        (next(), MEMBER),
        ("audit", "set"),
        json!([]),
        Some(("channel", AUDIT_ROOM)),
    )
    .await;
    assert_eq!(refused["data"]["flags"], 64);
    assert!(refused.to_string().contains("permission"), "{refused}");
    let set = run(
        &fake,
        (staff, MANAGE_GUILD),
        ("audit", "set"),
        json!([]),
        Some(("channel", AUDIT_ROOM)),
    )
    .await;
    assert!(set.to_string().contains("without pings"), "{set}");
    assert!(audit_line(&fake, 1).await.contains("audit log"));

    // A board reset, confirmed.
    let confirm = run(
        &fake,
        (staff, MANAGE_GUILD),
        ("quiz", "reset"),
        json!([{ "type": 4, "name": "period", "value": 0 }]),
        None,
    )
    .await;
    let yes = custom_ids(&confirm["data"])[0].clone();
    press(&fake, staff, MANAGE_GUILD, &yes).await;
    let reset = audit_line(&fake, 2).await;
    assert!(
        reset.contains(&format!("<@{staff}> cleared the quiz board")),
        "{reset}"
    );

    // A schedule set up.
    let opts = json!([
        string_option("time", "08:00"),
        string_option("timezone", "Asia/Jakarta")
    ]);
    run(
        &fake,
        (staff, MANAGE_GUILD),
        ("daily", "setup"),
        opts,
        Some(("channel", POSTS)),
    )
    .await;
    let setup = audit_line(&fake, 3).await;
    assert!(setup.contains("set up daily schedule"), "{setup}");

    // A member's suggestion approved.
    let staff_room = Some(("channel", STAFF_ROOM));
    run(
        &fake,
        (staff, MANAGE_GUILD),
        ("daily", "staff"),
        json!([]),
        staff_room,
    )
    .await;
    let text = json!([string_option("text", "Is a meme an artwork with aura?")]);
    run(&fake, (next(), MEMBER), ("daily", "suggest"), text, None).await;
    fake.wait_for_posts(Duration::from_secs(5), |p| {
        p.iter().any(|m| m.channel == STAFF_ROOM)
    })
    .await;
    let card = fake.posted_in(STAFF_ROOM)[0].body.clone();
    let approve = custom_ids(&card)[0].clone();
    // Approve counts only in the staff room the card was posted in.
    press_in(&fake, staff, MANAGE_GUILD, STAFF_ROOM, &approve).await;
    let approved = audit_line(&fake, 4).await;
    assert!(approved.contains("approved suggestion"), "{approved}");

    // One line per action, none more.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(audit_lines(&fake).len(), 4);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_debate_keeps_no_interaction_token() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    let (debate, opened) = start_vote(&fake, TEACHER).await;
    assert_eq!(opened.status, 204, "{}", opened.body);
    let store = Store::open_for_tests(&state).await.expect("store");
    let stored = store.debate(debate).await.expect("read").expect("debate");
    // Its card is Aura's own channel message, edited through the channel: no token needed.
    assert_eq!(stored.token, "");
    assert!(stored.message.is_some());
    store.close().await;
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erase_during_a_live_round_stays_erased_through_its_reveals_and_its_end() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let (leaver, stayer) = (next(), next());
    let teacher = (TEACHER, MANAGE_MESSAGES);
    let opts = json!([
        { "type": 4, "name": "questions", "value": 2 },
        { "type": 4, "name": "mode", "value": 1 }
    ]);
    run(&fake, teacher, ("quiz", "start"), opts, None).await;
    let (_, first) = first_question(&fake).await;
    for member in [leaver, stayer] {
        let cb = press(&fake, member, MEMBER, &first[0]).await;
        assert!(cb.body.to_string().contains("Locked in"), "{}", cb.body);
    }
    // The reveal stores both answers; then the leaver deletes everything.
    run(&fake, teacher, ("quiz", "reveal"), json!([]), None).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let shown = privacy(&fake, leaver).await;
    assert!(shown.to_string().contains("Quiz answers: 1"), "{shown}");
    let delete = format!("aura:privacy:delete:{leaver}");
    let done = press(&fake, leaver, MEMBER, &delete).await;
    assert!(
        done.body.to_string().contains("no longer stores"),
        "{}",
        done.body
    );
    // The round goes on: question 2, answered by the other member, revealed; the round ends.
    run(&fake, teacher, ("quiz", "next"), json!([]), None).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().filter(|m| !answer_buttons(m).is_empty()).count() >= 2
    })
    .await;
    let second = fake
        .posted()
        .into_iter()
        .filter(|m| !answer_buttons(m).is_empty())
        .nth(1)
        .map(|m| answer_buttons(&m))
        .unwrap_or_default();
    press(&fake, stayer, MEMBER, &second[0]).await;
    run(&fake, teacher, ("quiz", "reveal"), json!([]), None).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.body.to_string().contains("over"))
    })
    .await;
    // Neither a reveal nor the round's end brought the leaver's answer back.
    forgotten(&fake, leaver, stayer).await;
    bot.stop().await;
}
