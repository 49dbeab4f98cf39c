//! The `aura` binary as an operator meets it: a missing token, a broken pack, registration,
//! `DISCORD_API_URL`'s rules, and logs that never show a token, even at `RUST_LOG=trace`.

use std::process::Command;

pub(crate) fn aura() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aura"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .env("RUST_LOG", "warn")
        // A process a test kills leaves its claim on its shards: a restart waits 5 s, not 30.
        .env("AURA_SHARD_CLAIM_SECONDS", "5");
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
        .env("AURA_DEBATE__VOTE_MINUTES", "600")
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
        assert!(stdout.contains("registered 16 commands"), "{stdout}");
        // The same sixteen, every time: registering twice changes nothing.
        assert_eq!(fake.registered().len(), 16);
    }
    let names: Vec<String> = fake
        .registered()
        .iter()
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    assert_eq!(
        names,
        [
            "quote",
            "concept",
            "debate",
            "section",
            "search",
            "thinker",
            "essay",
            "quiz",
            "daily",
            "privacy",
            "language",
            "audit",
            "lookups",
            "course",
            "responses",
            "help"
        ]
    );
    let localized = fake
        .registered()
        .iter()
        .filter(|c| c["name_localizations"]["id"].is_string())
        .count();
    assert_eq!(localized, 16, "every command has an Indonesian name");
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

#[test]
fn an_api_url_that_is_neither_https_nor_loopback_is_refused_at_start() {
    for (url, command) in [
        ("http://discord-proxy.example.com", "run"),
        ("http://10.1.2.3:8080", "run"),
        ("ftp://127.0.0.1", "register"),
    ] {
        let mut child = aura()
            .args([command])
            .env("DISCORD_TOKEN", "secret-token-value")
            .env("DISCORD_API_URL", url)
            .env(
                "AURA_STATE_PATH",
                std::env::temp_dir().join(format!("aura-url-{}.db", crate::app::next())),
            )
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run aura");
        // Refused at once: a bot that starts anyway is stopped and the test fails.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while child.try_wait().ok().flatten().is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = child.kill();
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{url}: {err}");
        assert!(
            err.contains("DISCORD_API_URL") && err.contains("https"),
            "{url}: {err}"
        );
        assert!(!err.contains("secret-token-value"), "{err}");
    }
}

/// A child process stopped when the test ends, even by a failed assertion.
struct KillOnDrop(std::process::Child);

impl KillOnDrop {
    fn stop(&mut self) -> std::io::Result<std::process::ExitStatus> {
        let _ = self.0.kill();
        self.0.wait()
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// A token's bytes as tungstenite's frame logs print them: hex, and Debug's decimal list.
fn encodings(secret: &str) -> [String; 3] {
    let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
    let decimal: Vec<String> = secret.bytes().map(|b| b.to_string()).collect();
    [secret.to_string(), hex, decimal.join(", ")]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_trace_level_no_log_line_shows_the_bot_token_or_an_interaction_token() {
    let fake = crate::fake::FakeDiscord::start().await;
    let dir = std::env::temp_dir().join(format!("aura-trace-{}", crate::app::next()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (out_path, err_path) = (dir.join("stdout"), dir.join("stderr"));
    let token = "MTIzNDU2Nzg5.secret-bot-token.Xy9";
    let child = aura()
        .args(["run"])
        // Given with its `Bot ` prefix: accepted once, and redacted either way.
        .env("DISCORD_TOKEN", format!("Bot {token}"))
        .env("DISCORD_API_URL", fake.url())
        .env("AURA_STATE_PATH", dir.join("aura.db"))
        .env("RUST_LOG", "trace")
        .stdout(std::fs::File::create(&out_path).expect("stdout"))
        .stderr(std::fs::File::create(&err_path).expect("stderr"))
        .spawn()
        .expect("run aura");
    let mut child = KillOnDrop(child);
    fake.wait_ready().await;
    // An interaction: its token travels in the callback's URL and in the gateway event.
    let id = crate::app::next();
    let cb = fake
        .interact(crate::fake::command(
            id,
            id,
            "en-US",
            "quote",
            serde_json::json!([]),
        ))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    // One more round trip on the gateway, so the logs hold a heartbeat or two as well.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    drop(child.stop());
    let logs = format!(
        "{}{}",
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        std::fs::read_to_string(&err_path).unwrap_or_default()
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert!(logs.contains("TRACE"), "the logs are at trace level");
    assert!(
        logs.contains("DISCORD_API_URL is set") && logs.contains("rate limiter is off"),
        "no warning about the rate limiter"
    );
    let interaction = format!("token-{id}");
    for secret in [token, interaction.as_str()] {
        for shown in encodings(secret) {
            if let Some(at) = logs.find(&shown) {
                let line = logs[..at].rsplit('\n').next().unwrap_or_default();
                panic!("{secret:?} is in the logs: {line}{shown}…");
            }
        }
    }
}

/// A database that cannot be reached stops the start with the server named and no
/// credential shown: not the password, not half of one holding an `@`, not a query's.
#[test]
fn a_database_error_at_start_shows_no_credential() {
    let out = aura()
        .args(["run"])
        .env("DISCORD_TOKEN", "secret-token-value")
        .env(
            "AURA_DATABASE_URL",
            "postgres://aura:pass@word-secret@127.0.0.1:1/aura?sslpassword=key-secret",
        )
        .output()
        .expect("run aura");
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("127.0.0.1:1/aura"), "{err}");
    for secret in ["pass@", "word-secret", "key-secret", "secret-token-value"] {
        assert!(!err.contains(secret), "{secret} in: {err}");
    }
}

/// Every `aura preview '…'` example in the README runs as written (with the flags on its
/// line): it exits 0 and prints an answer, not a parse error; the speech length the README
/// says is refused is refused.
#[test]
fn every_preview_example_in_the_readme_runs_as_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let mut ran = 0;
    for line in readme.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("preview '") {
            let after = &rest[at + "preview '".len()..];
            let Some(end) = after.find('\'') else { break };
            let command = &after[..end];
            rest = &after[end + 1..];
            if command.starts_with('<') {
                continue;
            }
            // The flags written after it on the same line, up to a comment or a code span's end.
            let tail = rest.split(['#', '`']).next().unwrap_or("");
            let flags: Vec<&str> = tail.split_whitespace().collect();
            let out = aura()
                .arg("preview")
                .arg(command)
                .args(&flags)
                .output()
                .expect("aura preview");
            let said = String::from_utf8_lossy(&out.stdout).to_string()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{command} {flags:?}: {said}");
            for wrong in [
                "has no option",
                "no command",
                "not a command",
                "needs the option",
            ] {
                assert!(!said.contains(wrong), "{command}: {said}");
            }
            if command.contains("speech:45m") {
                assert!(said.contains("is not a speech length"), "{said}");
            } else if command.starts_with("/quiz assign") {
                assert!(!said.contains("has already passed"), "{said}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 7, "only {ran} examples found");
}
