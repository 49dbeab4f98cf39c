//! Hostile option values to the lookup commands and their autocomplete: 6,000 characters,
//! emoji only, right-to-left, zero-width. Each is answered politely within Discord's limits
//! (the very long one refused before any matching), and the bot keeps answering.

use std::time::{Duration, Instant};

use serde_json::json;

use super::assert_polite;
use crate::app::{TestApp, next};
use crate::fake::{MEMBER, autocomplete, command, in_guild, string_option, subcommand};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_option_values_to_the_lookup_commands_are_answered_politely() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let long = "aura ".repeat(1200);
    let question = "What did Adorno think about Chaplin and the laughter of the audience in \
                    the cinema, and why did he call that laughter full of the worst bourgeois sadism?";
    assert!(question.chars().count() > 100);
    let values = [
        long.as_str(),
        question,
        "🤔🔥📚🕯️👁️‍🗨️",
        "مرحبا بالعالم — فالتر بنيامين",
        "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
        "a\u{200B}u\u{200D}r\u{FEFF}a",
        "\u{202E}arua\u{202C}",
    ];
    let options = [
        ("quote", "topic"),
        ("quote", "speaker"),
        ("concept", "name"),
        ("search", "query"),
        ("thinker", "name"),
        ("section", "number"),
        ("debate", "motion"),
    ];
    for value in values {
        for (name, option) in options {
            let what = format!(
                "/{name} {option}:{}",
                value.chars().take(20).collect::<String>()
            );
            let started = Instant::now();
            let options = json!([string_option(option, value)]);
            let payload = if name == "debate" {
                in_guild(
                    subcommand(next(), next(), "en-US", name, "start", options),
                    MEMBER,
                    &[],
                )
            } else {
                command(next(), next(), "en-US", name, options)
            };
            let cb = fake.interact(payload).await;
            assert_eq!(cb.status, 204, "{what}: {}", cb.body);
            assert!(
                aura::render::limits::check_callback(&cb.body).is_empty(),
                "{what}: {}",
                cb.body
            );
            // A student's whole question fits `/search` (300); names and topics take 100.
            let max = if name == "search" { 300 } else { 100 };
            if value.chars().count() > max {
                // Refused before any matching: privately, quickly, saying why.
                assert_polite(&cb, &what);
                assert!(
                    cb.body.to_string().contains(&format!("at most {max}")),
                    "{what}: {}",
                    cb.body
                );
                assert!(started.elapsed() < Duration::from_secs(2), "{what}: slow");
            } else {
                assert!(
                    matches!(cb.body["type"].as_u64(), Some(4 | 5)),
                    "{what}: {}",
                    cb.body
                );
                assert_eq!(
                    cb.body["data"]["allowed_mentions"]["parse"],
                    json!([]),
                    "{what}"
                );
            }
            if ["topic", "speaker", "name", "number", "motion"].contains(&option) {
                let cb = fake
                    .interact(autocomplete(
                        next(),
                        next(),
                        "en-US",
                        if name == "debate" {
                            "debate start"
                        } else {
                            name
                        },
                        option,
                        value,
                    ))
                    .await;
                assert_eq!(cb.status, 204, "autocomplete {what}: {}", cb.body);
                assert_eq!(cb.body["type"], 8, "autocomplete {what}: {}", cb.body);
                assert!(cb.body["data"]["choices"].is_array(), "{what}: {}", cb.body);
            }
        }
    }
    // Every text option is registered with a length limit, and every integer option with a
    // range inside Discord's 32-bit integers, so clients refuse what Aura could not read.
    fn options_of(
        kind: u64,
        options: &serde_json::Value,
        path: &str,
        out: &mut Vec<(String, serde_json::Value)>,
    ) {
        for o in options.as_array().into_iter().flatten() {
            let name = format!("{path} {}", o["name"].as_str().unwrap_or("?"));
            if o["type"] == kind {
                out.push((name.clone(), o.clone()));
            }
            options_of(kind, &o["options"], &name, out);
        }
    }
    let (mut texts, mut integers) = (Vec::new(), Vec::new());
    for c in fake.registered() {
        let name = c["name"].as_str().unwrap_or("?");
        options_of(3, &c["options"], name, &mut texts);
        options_of(4, &c["options"], name, &mut integers);
    }
    assert!(texts.len() >= 10, "{texts:?}");
    for (name, o) in texts {
        let max = &o["max_length"];
        assert!(
            max.as_u64().is_some_and(|m| m <= 300),
            "{name} has no max_length: {max}"
        );
    }
    assert!(integers.len() >= 6, "{integers:?}");
    // Choices (an integer per choice) are bounded by their list.
    for (name, o) in integers.iter().filter(|(_, o)| o["choices"].is_null()) {
        let (min, max) = (&o["min_value"], &o["max_value"]);
        assert!(
            min.as_f64().is_some_and(|m| m >= 0.0)
                && max.as_f64().is_some_and(|m| m <= f64::from(i32::MAX)),
            "{name} has no range: {min}..{max}"
        );
    }
    // Still alive and answering.
    let cb = fake
        .interact(command(
            next(),
            next(),
            "en-US",
            "concept",
            json!([string_option("name", "aura")]),
        ))
        .await;
    assert_eq!(cb.body["type"], 4, "{}", cb.body);
    assert!(cb.body.to_string().contains("Aura"), "{}", cb.body);
    bot.stop().await;
}
