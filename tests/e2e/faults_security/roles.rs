//! The daily "Notify me" role: a role with more rights than @everyone, @everyone itself, an
//! integration's role or one above Aura's is refused at setup; a role that gains a permission
//! after setup is refused at the click, in the member's language, and nobody gets it.

use std::time::Duration;

use serde_json::{Value, json};

use super::{STAFF, assert_answered};
use crate::app::{TestApp, next};
use crate::fake::{
    FakeDiscord, GUILD_ID, MANAGE_GUILD, MEMBER, READERS_ROLE, click, in_guild, subcommand,
    with_channel, with_role,
};
use crate::support::{answered, press, time_and_zone};

const POSTS: &str = "700000000000000001";
const ADMINISTRATOR: u64 = 1 << 3;
const MANAGE_MESSAGES_BIT: u64 = 1 << 13;

async fn setup_with_role(fake: &FakeDiscord, role: &str, locale: &str) -> Value {
    let payload = with_role(
        with_channel(
            subcommand(
                next(),
                STAFF,
                locale,
                "daily",
                "setup",
                time_and_zone("08:00", "UTC"),
            ),
            "channel",
            POSTS,
        ),
        "role",
        role,
    );
    let cb = fake.interact(in_guild(payload, MANAGE_GUILD, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    answered(fake, &cb).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_with_more_rights_is_refused_at_setup_and_at_grant_time() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    fake.set_role(GUILD_ID, "881", 2, ADMINISTRATOR, false);
    fake.set_role(GUILD_ID, "882", 2, 0, true);
    fake.set_role(GUILD_ID, "883", 20, 0, false);
    let cases = [
        (
            "881",
            "en-US",
            "grants permissions that @everyone does not have",
        ),
        ("881", "id", "memberi izin yang tidak dimiliki @everyone"),
        (GUILD_ID, "en-US", "@everyone cannot be"),
        ("882", "en-US", "managed by an integration"),
        ("883", "en-US", "not below Aura's highest role"),
        ("884", "en-US", "is not one of this server's roles"),
    ];
    for (role, locale, says) in cases {
        let refused = setup_with_role(&fake, role, locale).await;
        assert_eq!(refused["data"]["flags"], 64, "{role}: {refused}");
        assert!(refused.to_string().contains(says), "{role}: {refused}");
        assert_eq!(refused["data"]["allowed_mentions"]["parse"], json!([]));
    }
    // A plain role is accepted, and a member takes it.
    let done = setup_with_role(&fake, READERS_ROLE, "en-US").await;
    assert!(done.to_string().contains("is set up"), "{done}");
    let notify = format!("aura:daily-role:{READERS_ROLE}");
    let on = press(&fake, 31, MEMBER, &notify).await;
    // Answered before Aura asks Discord anything.
    assert_eq!(on.body["type"], 6, "{}", on.body);
    let on = assert_answered(&fake, &on, "notify").await;
    assert!(on.to_string().contains("You will be pinged"), "{on}");
    // The role gains Manage Messages after setup: nobody else gets it, told in their language.
    fake.set_role(GUILD_ID, READERS_ROLE, 1, MANAGE_MESSAGES_BIT, false);
    for (user, locale, says) in [
        (32, "en-US", "can no longer hand out"),
        (33, "id", "tidak bisa lagi"),
    ] {
        let cb = fake
            .interact(in_guild(
                click(next(), user, locale, &notify, None),
                MEMBER,
                &[],
            ))
            .await;
        let body = assert_answered(&fake, &cb, "notify after the change").await;
        assert!(body.to_string().contains(says), "{body}");
    }
    // Giving it back stays possible.
    let off = fake
        .interact(in_guild(
            click(next(), 31, "en-US", &notify, None),
            MEMBER,
            &[READERS_ROLE],
        ))
        .await;
    let off = assert_answered(&fake, &off, "notify off").await;
    assert!(off.to_string().contains("no longer"), "{off}");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        fake.role_changes(),
        vec![
            ("31".to_string(), READERS_ROLE.to_string(), true),
            ("31".to_string(), READERS_ROLE.to_string(), false)
        ]
    );
    bot.stop().await;
}
