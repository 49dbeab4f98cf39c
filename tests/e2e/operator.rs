//! What an operator meets outside Discord: the binary run from a folder without `data/` (the
//! study pack built in), and the HTTP listener's `/healthz` and `/metrics`.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::app::{next, state_file};
use crate::fake::{FakeDiscord, Fault, command, string_option};

/// An empty folder of its own: no `data/`, no `config/`.
fn empty_folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("aura-anywhere-{}-{}", std::process::id(), next()));
    std::fs::create_dir_all(&dir).expect("create a folder");
    dir
}

fn aura_in(dir: &PathBuf) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aura"));
    cmd.current_dir(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("DISCORD_API_URL")
        .env_remove("AURA_DATA_DIR")
        .env("RUST_LOG", "warn");
    cmd
}

#[test]
fn aura_checks_and_answers_from_a_folder_without_data() {
    let dir = empty_folder();
    let out = aura_in(&dir).arg("check").output().expect("run aura");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("built into aura"), "{stdout}");
    assert!(stdout.contains("benjamin: ok"), "{stdout}");

    let out = aura_in(&dir)
        .args(["preview", "/concept name:aura"])
        .output()
        .expect("run aura");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.to_lowercase().contains("aura"), "{stdout}");

    // A folder named by `--data` (or `data_dir`) is checked instead, and said to be.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/several");
    let out = aura_in(&dir)
        .args(["check", "--data"])
        .arg(&fixtures)
        .output()
        .expect("run aura");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the data folder"), "{stderr}");
    assert!(stderr.contains("concepts.toml:"), "{stderr}");
    let out = aura_in(&dir)
        .arg("check")
        .env("AURA_DATA_DIR", &fixtures)
        .output()
        .expect("run aura");
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A port nobody listens on now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

async fn get(url: &str) -> Option<(u16, String)> {
    let answer = reqwest::Client::new()
        .get(url)
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .ok()?;
    let status = answer.status().as_u16();
    Some((status, answer.text().await.unwrap_or_default()))
}

/// `aura run` against `fake` with its listener on a free port; returns its address.
fn aura_with_listener(fake: &FakeDiscord) -> (String, std::process::Child) {
    let addr = format!("127.0.0.1:{}", free_port());
    let (database, at) = crate::app::database_env(&state_file());
    let child = crate::cli::aura()
        .arg("run")
        .env("DISCORD_TOKEN", "fake-token-value")
        .env("DISCORD_API_URL", fake.url())
        .env(database, at)
        .env("AURA_METRICS_ADDR", &addr)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run aura");
    (addr, child)
}

/// Sends SIGTERM and waits (15 s at most) for the exit code.
async fn sigterm(child: &mut std::process::Child) -> Option<i32> {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let ended = child.try_wait().ok().flatten();
    if ended.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    ended.and_then(|s| s.code())
}

/// `aura health --addr ADDR` run as a container's health check runs it.
async fn health(addr: String) -> (Option<i32>, String) {
    tokio::task::spawn_blocking(move || {
        let out = crate::cli::aura()
            .args(["health", "--addr", &addr])
            .output()
            .expect("run aura");
        (
            out.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    })
    .await
    .expect("join")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_metrics_answer_and_count_what_aura_did() {
    let fake = FakeDiscord::start().await;
    let (addr, mut child) = aura_with_listener(&fake);
    fake.wait_ready().await;
    // Healthy once the gateway is connected (the listener was there before).
    let healthz = format!("http://{addr}/healthz");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = None;
    while Instant::now() < deadline {
        last = get(&healthz).await;
        if last.as_ref().is_some_and(|(s, _)| *s == 200) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(last.as_ref().map(|(s, _)| *s), Some(200), "{last:?}");
    let (code, said) = health(addr.clone()).await;
    assert_eq!(code, Some(0), "{said}");

    // Two lookups and the essay, answered; then an answer that Discord refuses with a 429.
    for (name, options) in [
        ("concept", json!([string_option("name", "aura")])),
        ("concept", json!([string_option("name", "cult value")])),
        ("essay", json!([])),
    ] {
        let id = next();
        let answered = fake.interact(command(id, id, "en-US", name, options)).await;
        assert_eq!(answered.status, 204, "{name}");
    }
    let id = next();
    fake.fault("POST", &format!("/interactions/{id}/"), Fault::Status(429));
    fake.dispatch(
        "INTERACTION_CREATE",
        command(id, id, "en-US", "essay", json!([])),
    );
    let metrics = format!("http://{addr}/metrics");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut text = String::new();
    while Instant::now() < deadline {
        text = get(&metrics).await.map(|(_, t)| t).unwrap_or_default();
        if text.contains(r#"command="essay",outcome="unanswered""#) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for line in [
        r#"aura_interactions_total{command="concept",outcome="ok"} 2"#,
        r#"aura_interactions_total{command="essay",outcome="ok"} 1"#,
        r#"aura_interactions_total{command="essay",outcome="unanswered"} 1"#,
        "aura_interaction_duration_seconds_count 4",
        r#"aura_interaction_duration_seconds_bucket{le="+Inf"} 4"#,
        r#"aura_rest_calls_total{client="interaction",status="2xx"} 3"#,
        r#"aura_rest_calls_total{client="interaction",status="429"} 1"#,
        "aura_gateway_shards_connected 1",
        "aura_quiz_rounds_open 0",
        r#"aura_debates_open{format="quick"} 0"#,
        r#"aura_debates_open{format="class"} 0"#,
        "# TYPE aura_interaction_duration_seconds histogram",
    ] {
        assert!(text.contains(line), "{line} missing from\n{text}");
    }

    // Stopped with the app: SIGTERM ends Aura and its listener.
    assert_eq!(sigterm(&mut child).await, Some(0));
    assert!(get(&healthz).await.is_none(), "the listener outlived Aura");
    let (code, said) = health(addr).await;
    assert_eq!(code, Some(1), "{said}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_is_503_while_the_gateway_is_not_connected() {
    let fake = FakeDiscord::start().await;
    // Discord answers REST but refuses every gateway connection.
    fake.fault("GET", "/ws", Fault::Status(503));
    let (addr, mut child) = aura_with_listener(&fake);
    let f = fake.clone();
    fake.wait_for(Duration::from_secs(15), move |_| {
        f.requests("GET", "/ws") >= 1
    })
    .await;
    let healthz = format!("http://{addr}/healthz");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = None;
    while Instant::now() < deadline {
        last = get(&healthz).await;
        if last
            .as_ref()
            .is_some_and(|(_, body)| body.starts_with("gateway"))
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(
        last,
        Some((503, "gateway: no shard has connected yet\n".to_string()))
    );
    let (code, said) = health(addr).await;
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("503"), "{said}");
    assert_eq!(sigterm(&mut child).await, Some(0));
}

/// The compose files ship no database password: it comes from the environment, and compose
/// refuses to start without it.
#[test]
fn the_compose_files_take_the_database_password_from_the_environment() {
    for file in ["compose.yaml", "compose.shards.yaml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let text = std::fs::read_to_string(&path).expect("a compose file");
        let from_env = "${AURA_DB_PASSWORD:?set AURA_DB_PASSWORD}";
        assert!(
            text.contains(&format!("POSTGRES_PASSWORD: {from_env}")),
            "{file}"
        );
        assert!(
            text.contains(&format!("postgres://aura:{from_env}@")),
            "{file}"
        );
        assert!(
            !text.contains("aura:aura@") && !text.contains("POSTGRES_PASSWORD: aura"),
            "{file} ships a password"
        );
    }
}
