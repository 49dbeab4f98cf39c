//! Commands, buttons and votes end to end: every command, autocomplete and button is answered
//! within Discord's limits, in both languages, through the gateway and REST exactly as Discord
//! would carry them; only the asker deletes a reply; cooldowns; a class of 40 voting at once
//! with exact tallies, and votes surviving a restart; a dropped gateway; 429 and 500 answers;
//! command registration checked against Discord's rules (`command_rules`).

mod command_rules;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{Callback, FakeDiscord, asked_by, autocomplete, click, command, string_option};

fn assert_good(cb: &Callback, what: &str) {
    assert_eq!(cb.status, 204, "{what}: Discord refused {}", cb.body);
    let errs = aura::render::limits::check_callback(&cb.body);
    assert!(errs.is_empty(), "{what}: {errs:?}");
    if cb.body["type"] == 4 {
        assert_eq!(
            cb.body["data"]["allowed_mentions"]["parse"],
            json!([]),
            "{what}"
        );
    }
}

fn text_of(body: &Value) -> String {
    body.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_answers_in_both_languages() {
    let bot = TestApp::start().await;
    let cases: Vec<(&str, Value)> = vec![
        ("concept", json!([string_option("name", "aura")])),
        (
            "concept",
            json!([string_option("name", "benjamin:cult-value")]),
        ),
        ("quote", json!([string_option("topic", "aura")])),
        ("quote", json!([string_option("speaker", "adorno")])),
        ("quote", json!([])),
        ("debate", json!([])),
        (
            "debate",
            json!([string_option(
                "motion",
                "benjamin:laughter-is-revolutionary"
            )]),
        ),
        ("section", json!([string_option("number", "XV")])),
        ("section", json!([string_option("number", "nachwort")])),
        ("search", json!([string_option("query", "distraction")])),
        ("thinker", json!([string_option("name", "benjamin:adorno")])),
        ("essay", json!([])),
        ("help", json!([])),
    ];
    for (locale, markers) in [
        ("en-US", ["The Work of Art", "Search:"]),
        ("id", ["Karya Seni", "Pencarian:"]),
    ] {
        for (name, options) in &cases {
            let id = next();
            let cb = bot
                .fake
                .interact(command(id, id, locale, name, options.clone()))
                .await;
            let what = format!("/{name} {options} ({locale})");
            assert_good(&cb, &what);
            assert_eq!(cb.body["type"], 4, "{what}");
            if *name != "help" {
                let body = text_of(&cb.body);
                assert!(
                    markers.iter().any(|m| body.contains(m)),
                    "{what}: not in {locale}: {body}"
                );
                // The member who asked can delete the reply.
                assert!(
                    text_of(&cb.body).contains(&format!("aura:delete:{id}")),
                    "{what}"
                );
            } else {
                assert_eq!(cb.body["data"]["flags"], 64, "help is ephemeral");
            }
        }
    }
    assert!(
        bot.fake.unknown_routes().is_empty(),
        "{:?}",
        bot.fake.unknown_routes()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_odd_input_gets_a_polite_ephemeral_reply() {
    let bot = TestApp::start().await;
    let cb = bot
        .ask("id", "concept", json!([string_option("name", "value")]))
        .await;
    assert_good(&cb, "ambiguous concept");
    assert_eq!(cb.body["data"]["flags"], 64);
    let content = cb.body["data"]["content"].as_str().unwrap_or_default();
    assert!(content.contains("Maksud Anda"), "{content}");
    // Mentions typed by a member are never parsed.
    let cb = bot
        .ask(
            "en-US",
            "search",
            json!([string_option("query", "@everyone <@&1>")]),
        )
        .await;
    assert_good(&cb, "search for mentions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_answers_with_at_most_25_choices() {
    let bot = TestApp::start().await;
    for (name, option, partial) in [
        ("concept", "name", "kult"),
        ("concept", "name", ""),
        ("quote", "speaker", "ado"),
        ("section", "number", "x"),
        ("debate", "motion", "film"),
    ] {
        let id = next();
        let cb = bot
            .fake
            .interact(autocomplete(id, id, "id", name, option, partial))
            .await;
        assert_good(&cb, name);
        assert_eq!(cb.body["type"], 8);
        let choices = cb.body["data"]["choices"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            !choices.is_empty() && choices.len() <= 25,
            "{name} {partial}: {choices:?}"
        );
    }
    let id = next();
    let cb = bot
        .fake
        .interact(autocomplete(id, id, "id", "concept", "name", "nilai kult"))
        .await;
    assert_eq!(
        cb.body["data"]["choices"][0]["value"],
        "benjamin:cult-value"
    );
    assert_eq!(cb.body["data"]["choices"][0]["name"], "Nilai kultus");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_navigate_and_only_the_asker_can_delete() {
    let bot = TestApp::start().await;
    let asker = next();
    let cb = bot
        .fake
        .interact(command(
            asker,
            asker,
            "en-US",
            "concept",
            json!([string_option("name", "aura")]),
        ))
        .await;
    let ids = custom_ids(&cb.body);
    for custom_id in ids
        .iter()
        .filter(|i| !i.starts_with("aura:delete") && !i.starts_with("aura:open"))
    {
        let id = next();
        let cb = bot
            .fake
            .interact(click(id, id, "id", custom_id, None))
            .await;
        assert_good(&cb, custom_id);
        assert_eq!(
            cb.body["data"]["flags"], 64,
            "{custom_id}: navigation is for the clicker"
        );
        assert!(
            cb.body["data"]["embeds"].is_array(),
            "{custom_id} led nowhere: {}",
            cb.body
        );
    }
    // The related-concepts menu.
    let id = next();
    let cb = bot
        .fake
        .interact(click(
            id,
            id,
            "en-US",
            "aura:open:benjamin:aura",
            Some(vec!["concept:benjamin:authenticity"]),
        ))
        .await;
    assert_good(&cb, "menu");
    assert!(text_of(&cb.body).contains("Authenticity"));

    // Someone else cannot delete the reply…
    let delete = format!("aura:delete:{asker}");
    let other = next();
    let cb = bot
        .fake
        .interact(asked_by(click(other, other, "id", &delete, None), asker))
        .await;
    assert_good(&cb, "delete by another member");
    assert_eq!(cb.body["data"]["flags"], 64);
    assert!(bot.fake.deleted().is_empty());
    // …the asker can.
    let id = next();
    let cb = bot
        .fake
        .interact(asked_by(click(id, asker, "en-US", &delete, None), asker))
        .await;
    assert_eq!(cb.body["type"], 6);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(bot.fake.deleted(), vec![format!("token-{id}")]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_command_within_the_cooldown_gets_a_polite_notice() {
    let bot = TestApp::start().await;
    let user = next();
    let first = bot
        .fake
        .interact(command(next(), user, "id", "essay", json!([])))
        .await;
    assert_good(&first, "first");
    let second = bot
        .fake
        .interact(command(next(), user, "id", "essay", json!([])))
        .await;
    assert_good(&second, "second");
    assert_eq!(second.body["data"]["flags"], 64);
    assert!(
        text_of(&second.body).contains("Tunggu sebentar"),
        "{}",
        second.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_gateway_is_survived() {
    let bot = TestApp::start().await;
    let before = bot.fake.identifies() + bot.fake.resumes();
    bot.fake.drop_connection();
    bot.fake.wait_for_connections(before + 1).await;
    let id = next();
    let cb = bot
        .fake
        .interact(command(id, id, "en-US", "essay", json!([])))
        .await;
    assert_good(&cb, "after reconnect");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_obeys_discords_rules() {
    let bot = TestApp::start().await;
    let commands = bot.fake.registered();
    assert_eq!(commands.len(), 12);
    command_rules::check_registration(&commands);
}

fn custom_ids(body: &Value) -> Vec<String> {
    body["data"]["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(String::from))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_class_votes_and_the_starter_reveals_the_tally() {
    let bot = TestApp::start().await;
    let starter = next();
    let debate = next();
    let cb = bot
        .fake
        .interact(command(
            debate,
            starter,
            "id",
            "debate",
            json!([string_option("motion", "benjamin:film-makes-experts")]),
        ))
        .await;
    assert_good(&cb, "debate");
    let ids = custom_ids(&cb.body);
    for side in ["benjamin", "adorno", "undecided"] {
        assert!(
            ids.contains(&format!("aura:vote:{debate}:{side}")),
            "{ids:?}"
        );
    }
    assert!(
        !text_of(&cb.body).contains("\"name\":\"Hasil\""),
        "the tally is hidden while the vote is open"
    );

    // Forty members vote at once; ten of them change their minds.
    let members: Vec<u64> = (0..40).map(|_| next()).collect();
    let mut pending = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let side = ["benjamin", "adorno", "undecided", "benjamin"][i % 4];
        let id = next();
        bot.fake.dispatch(
            "INTERACTION_CREATE",
            click(id, *m, "id", &format!("aura:vote:{debate}:{side}"), None),
        );
        pending.push(id);
    }
    for id in pending {
        let cb = bot.fake.callback(&id.to_string()).await;
        assert_good(&cb, "vote");
        assert_eq!(cb.body["data"]["flags"], 64);
        assert!(text_of(&cb.body).contains("Pilihan Anda"), "{}", cb.body);
    }
    for m in members.iter().take(10) {
        let cb = bot
            .fake
            .interact(click(
                next(),
                *m,
                "en-US",
                &format!("aura:vote:{debate}:adorno"),
                None,
            ))
            .await;
        assert!(text_of(&cb.body).contains("Vote changed"), "{}", cb.body);
    }
    // A member who did not start it and moderates nothing cannot close it.
    let cb = bot
        .fake
        .interact(click(
            next(),
            members[0],
            "en-US",
            &format!("aura:close:{debate}"),
            None,
        ))
        .await;
    assert!(
        text_of(&cb.body).contains("Only the member who started"),
        "{}",
        cb.body
    );
    let cb = bot
        .fake
        .interact(click(
            next(),
            starter,
            "id",
            &format!("aura:close:{debate}"),
            None,
        ))
        .await;
    assert_good(&cb, "close");
    assert_eq!(cb.body["type"], 7);
    // 40 members: i%4 → b,a,u,b = 20 b, 10 a, 10 u; the first ten switch to adorno:
    // members 0..10 were b,a,u,b,b,a,u,b,b,a → 5 b and 2 u leave, so b 15, a 17, u 8.
    let body = text_of(&cb.body);
    assert!(body.contains("**Benjamin**: 15 (38%)"), "{body}");
    assert!(body.contains("**Adorno**: 17 (43%)"), "{body}");
    assert!(body.contains("**Belum memutuskan**: 8 (20%)"), "{body}");
    assert!(
        !custom_ids(&cb.body)
            .iter()
            .any(|i| i.starts_with("aura:vote"))
    );
    // A late vote changes nothing.
    let cb = bot
        .fake
        .interact(click(
            next(),
            next(),
            "en-US",
            &format!("aura:vote:{debate}:benjamin"),
            None,
        ))
        .await;
    assert!(text_of(&cb.body).contains("closed"), "{}", cb.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_survive_a_restart_and_time_closes_the_vote() {
    let fake = FakeDiscord::start().await;
    let state = state_file();
    let bot = TestApp::start_with(
        fake.clone(),
        &state,
        Options::votes_lasting(Duration::from_secs(4)),
    )
    .await;
    let debate = next();
    let starter = next();
    let cb = fake
        .interact(command(debate, starter, "en-US", "debate", json!([])))
        .await;
    assert_good(&cb, "debate");
    for _ in 0..3 {
        let cb = fake
            .interact(click(
                next(),
                next(),
                "en-US",
                &format!("aura:vote:{debate}:benjamin"),
                None,
            ))
            .await;
        assert!(text_of(&cb.body).contains("Your vote"), "{}", cb.body);
    }
    // Restart: the first bot stops, a second opens the same state.
    let before = fake.identifies();
    drop(bot);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _bot = TestApp::start_with(
        fake.clone(),
        &state,
        Options::votes_lasting(Duration::from_secs(4)),
    )
    .await;
    fake.wait_for_connections(before + 1).await;
    let cb = fake
        .interact(click(
            next(),
            next(),
            "en-US",
            &format!("aura:vote:{debate}:adorno"),
            None,
        ))
        .await;
    assert!(text_of(&cb.body).contains("Your vote"), "{}", cb.body);
    // When the time is up, the message shows the tally, votes from before the restart included.
    let edit = fake.wait_for_edit(&format!("token-{debate}")).await;
    let text = edit.to_string();
    assert!(
        text.contains("**Benjamin**: 3 (75%)") && text.contains("**Adorno**: 1 (25%)"),
        "{text}"
    );
    assert!(
        fake.unknown_routes().is_empty(),
        "{:?}",
        fake.unknown_routes()
    );
    let _ = std::fs::remove_file(&state);
}

/// A bot whose debate votes last one second, with the next edits of `@original` failing as
/// given, and a debate started; returns the bot, its fake Discord, the debate id and its state.
async fn debate_with_failing_edits(
    faults: Vec<(u16, Value)>,
) -> (TestApp, FakeDiscord, u64, PathBuf) {
    let fake = FakeDiscord::start().await;
    let state = state_file();
    let bot = TestApp::start_with(
        fake.clone(),
        &state,
        Options::votes_lasting(Duration::from_secs(1)),
    )
    .await;
    fake.fail_edits(faults);
    let debate = next();
    let cb = fake
        .interact(command(debate, next(), "en-US", "debate", json!([])))
        .await;
    assert_good(&cb, "debate");
    (bot, fake, debate, state)
}

fn server_error() -> (u16, Value) {
    (
        500,
        json!({ "message": "Internal Server Error", "code": 0 }),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_waited_out_and_a_500_retried() {
    let rate_limited =
        json!({ "message": "You are being rate limited.", "retry_after": 0.6, "global": false });
    let (_bot, fake, debate, state) =
        debate_with_failing_edits(vec![(429, rate_limited), server_error()]).await;
    let edit = fake.wait_for_edit(&format!("token-{debate}")).await;
    assert!(edit.to_string().contains("Result"), "{edit}");
    let attempts = fake.edit_attempts();
    assert_eq!(attempts.len(), 3, "429, then 500, then success");
    assert!(
        attempts[1] - attempts[0] >= Duration::from_millis(600),
        "retry_after was not waited out"
    );
    let _ = std::fs::remove_file(&state);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn persistent_server_errors_are_reported_not_fatal() {
    let (_bot, fake, _debate, state) = debate_with_failing_edits(vec![server_error(); 10]).await;
    fake.wait_for_edit_attempts(4).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(fake.edit_attempts().len(), 4, "gives up after four tries");
    assert!(fake.edits().is_empty());
    // The bot is still there.
    let id = next();
    let cb = fake
        .interact(command(id, id, "en-US", "help", json!([])))
        .await;
    assert_good(&cb, "after the failures");
    let _ = std::fs::remove_file(&state);
}
