//! The `aura` binary as an operator meets it: a missing token, a broken pack, registration.

use std::process::Command;

pub(crate) fn aura() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aura"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .env("RUST_LOG", "warn");
    cmd
}

#[test]
fn without_a_token_aura_says_how_to_get_one() {
    let out = aura().output().expect("run aura");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("DISCORD_TOKEN") && err.contains("developers/applications"),
        "{err}"
    );
    assert!(err.contains("aura preview"), "{err}");
}

#[test]
fn the_bot_refuses_to_start_on_a_broken_pack() {
    let out = aura()
        .args(["run", "--data", "tests/fixtures/several"])
        .env("DISCORD_TOKEN", "secret-token-value")
        .output()
        .expect("run aura");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("concepts.toml:") && err.contains("does not start"),
        "{err}"
    );
    assert!(!err.contains("secret-token-value"));
}

#[test]
fn a_bad_setting_names_its_key() {
    let out = aura()
        .args(["check"])
        .env("AURA_DEBATE__VOTE_MINUTES", "60")
        .output()
        .expect("run aura");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("debate.vote_minutes"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_overwrites_the_commands_in_bulk() {
    let fake = crate::fake::FakeDiscord::start().await;
    for _ in 0..2 {
        let url = fake.url();
        let out = tokio::task::spawn_blocking(move || {
            aura()
                .args(["register", "--guild", "290926798626357999"])
                .env("DISCORD_TOKEN", "fake-token")
                .env("DISCORD_API_URL", url)
                .output()
                .expect("run aura")
        })
        .await
        .expect("join");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains("registered 10 commands"), "{stdout}");
        // The same ten, every time: registering twice changes nothing.
        assert_eq!(fake.registered().len(), 10);
    }
    let names: Vec<String> = fake
        .registered()
        .iter()
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    assert_eq!(
        names,
        [
            "quote", "concept", "debate", "section", "search", "thinker", "essay", "quiz", "daily",
            "help"
        ]
    );
    let localized = fake
        .registered()
        .iter()
        .filter(|c| c["name_localizations"]["id"].is_string())
        .count();
    assert_eq!(localized, 10, "every command has an Indonesian name");
}

#[test]
fn a_preview_piped_into_a_reader_that_stops_early_ends_cleanly() {
    let mut child = aura()
        .args(["preview", "/essay", "--locale", "id"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run aura");
    // The reader goes away before Aura writes, as `aura preview … | head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}
