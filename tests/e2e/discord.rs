//! Commands, buttons and votes end to end: every command, autocomplete and button is answered
//! within Discord's limits, in both languages, through the gateway and REST exactly as Discord
//! would carry them; only the asker deletes a reply; cooldowns; a dropped gateway; command
//! registration checked against Discord's rules (`command_rules`). Debates have their own
//! module (`debates`).

mod command_rules;

use serde_json::{Value, json};

use crate::app::{TestApp, next};
use crate::fake::{Callback, asked_by, autocomplete, click, command, string_option};

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
    // A name no concept has: what matches it, both concepts it could mean among them.
    assert_good(&cb, "ambiguous concept");
    let shown = cb.body.to_string();
    assert!(shown.contains("Tidak ada konsep bernama"), "{shown}");
    assert!(
        shown.contains("Nilai kultus") && shown.contains("Nilai pameran"),
        "{shown}"
    );
    // Nothing matching at all: a polite private notice.
    let cb = bot
        .ask("id", "concept", json!([string_option("name", "zzzzqq")]))
        .await;
    assert_good(&cb, "unknown concept");
    assert_eq!(cb.body["data"]["flags"], 64);
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
        ("debate start", "motion", "film"),
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
    assert_eq!(commands.len(), 16);
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

/// `/help command:` explains one command, in the member's language, privately: what it does,
/// each option with its range and default, who may use it and an example; its autocomplete
/// offers every command and subcommand that matches, in the member's language.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_explains_one_command_in_the_members_language() {
    let bot = TestApp::start().await;
    for (locale, value, wants) in [
        (
            "en-US",
            "quiz start",
            [
                "\"title\":\"/quiz start\"",
                "How many questions (1–20, default 5)",
                "Who may use it",
                "`/quiz start questions:5",
            ],
        ),
        (
            "id",
            "quiz start",
            [
                "\"title\":\"/kuis mulai\"",
                "Jumlah soal (1–20, bawaan 5)",
                "Siapa yang boleh",
                "`/kuis mulai soal:5",
            ],
        ),
    ] {
        let options = json!([string_option("command", value)]);
        let cb = bot
            .fake
            .interact(command(next(), next(), locale, "help", options))
            .await;
        assert_good(&cb, "/help command:");
        assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
        let shown = cb.body.to_string();
        for want in wants {
            assert!(shown.contains(want), "{locale}: {want} in {shown}");
        }
    }
    let id = next();
    let cb = bot
        .fake
        .interact(autocomplete(id, id, "id", "help", "command", "mulai"))
        .await;
    assert_good(&cb, "help autocomplete");
    let choices = cb.body["data"]["choices"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        choices.iter().any(|c| c["value"] == "quiz start"
            && c["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("/kuis mulai"))),
        "{choices:?}"
    );
    assert!(choices.len() <= 25);
}

/// `/search` says how many results there are and pages through them ten at a time: the next
/// page's button opens it (privately, numbered on), with a button back; a query too long for a
/// button's id gets no page buttons.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_results_page_and_say_how_many_there_are() {
    let bot = TestApp::start().await;
    let asker = next();
    let options = json!([string_option("query", "aura")]);
    let cb = bot
        .fake
        .interact(command(next(), asker, "en-US", "search", options))
        .await;
    assert_good(&cb, "/search aura");
    let first = cb.body.to_string();
    assert!(first.contains("Page 1 of"), "{first}");
    assert!(first.contains("aura:sp:1:aura"), "{first}");
    let turned = bot
        .fake
        .interact(click(next(), asker, "id", "aura:sp:1:aura", None))
        .await;
    assert_good(&turned, "the next page");
    assert_eq!(turned.body["data"]["flags"], 64, "{}", turned.body);
    let second = turned.body.to_string();
    assert!(second.contains("Halaman 2 dari"), "{second}");
    assert!(second.contains("11. **"), "numbered on: {second}");
    assert!(second.contains("aura:sp:0:aura"), "{second}");
    let long = "aura ".repeat(30);
    let options = json!([string_option("query", long.trim())]);
    let cb = bot
        .fake
        .interact(command(next(), asker, "en-US", "search", options))
        .await;
    assert_good(&cb, "a long query");
    assert!(!cb.body.to_string().contains("aura:sp:"), "{}", cb.body);
}
