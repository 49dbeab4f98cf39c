//! End-to-end latency and memory: the release `aura` binary runs against the fake Discord in
//! `tests/e2e/fake`; 1,000 interactions are injected over the gateway one after another, and the
//! time from injection to the callback arriving at the fake is measured. Reports p50, p99 and
//! the bot process's peak RSS (VmHWM).
//!
//! Run: `cargo bench --bench e2e_latency`

#[path = "../tests/e2e/fake/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{
    FakeDiscord, MANAGE_MESSAGES, MEMBER, autocomplete, click, command, in_guild, string_option,
    subcommand,
};
use serde_json::json;

const N: usize = 1000;

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn main() {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let fake = FakeDiscord::start().await;
        let state = std::env::temp_dir().join(format!("aura-bench-{}.db", std::process::id()));
        let bot = std::process::Command::new(env!("CARGO_BIN_EXE_aura"))
            .arg("run")
            .env("DISCORD_TOKEN", "bench-token")
            .env("DISCORD_API_URL", fake.url())
            .env("RUST_LOG", "warn")
            .env("AURA_STATE_PATH", &state)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .spawn()
            .expect("start aura");
        // The bot is killed however the benchmark ends.
        struct Kill(std::process::Child);
        impl Drop for Kill {
            fn drop(&mut self) {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
        let pid = bot.id();
        let bot = Kill(bot);
        fake.wait_ready().await;
        let mut latencies = Vec::with_capacity(N);
        for i in 0..N {
            let id = 5_000_000 + i as u64;
            let payload = match i % 5 {
                0 => command(
                    id,
                    id,
                    "id",
                    "concept",
                    json!([string_option("name", "nilai kultus")]),
                ),
                1 => command(
                    id,
                    id,
                    "en-US",
                    "quote",
                    json!([string_option("topic", "aura")]),
                ),
                2 => command(
                    id,
                    id,
                    "id",
                    "section",
                    json!([string_option("number", "XV")]),
                ),
                3 => command(
                    id,
                    id,
                    "en-US",
                    "search",
                    json!([string_option("query", "distraction")]),
                ),
                _ => autocomplete(id, id, "id", "concept", "name", "kult"),
            };
            let start = Instant::now();
            let cb = fake.interact(payload).await;
            latencies.push(start.elapsed());
            assert_eq!(cb.status, 204, "{}", cb.body);
        }
        let clicks = quiz_burst(&fake).await;
        let peak = peak_rss_kib(pid);
        drop(bot);
        latencies.sort();
        let pct =
            |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
        let mean: Duration = latencies.iter().sum::<Duration>() / latencies.len() as u32;
        println!("e2e latency over {N} interactions (injection → callback at the fake Discord):");
        println!(
            "  p50 {:?}  p99 {:?}  mean {:?}  max {:?}",
            pct(0.50),
            pct(0.99),
            mean,
            latencies[latencies.len() - 1]
        );
        report(
            "quiz: 500 answer clicks within one second (click → acknowledgement)",
            clicks,
        );
        match peak {
            Some(kib) => println!("  bot peak RSS (VmHWM): {:.1} MiB", kib as f64 / 1024.0),
            None => println!("  bot peak RSS: unavailable (no /proc)"),
        }
    });
}

fn report(what: &str, mut latencies: Vec<Duration>) {
    latencies.sort();
    if latencies.is_empty() {
        return;
    }
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    println!("{what}:");
    println!(
        "  p50 {:?}  p99 {:?}  max {:?}",
        pct(0.50),
        pct(0.99),
        latencies[latencies.len() - 1]
    );
}

/// A teacher opens a round; 500 members click an answer within one second (one every 2 ms),
/// each click timed from injection to its acknowledgement at the fake.
async fn quiz_burst(fake: &FakeDiscord) -> Vec<Duration> {
    let start = subcommand(
        9_000_000,
        42,
        "en-US",
        "quiz",
        "start",
        json!([{ "type": 4, "name": "seconds", "value": 120 }, { "type": 4, "name": "mode", "value": 1 }]),
    );
    let cb = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    // The question is read first; its buttons arrive with the edit that opens it.
    let open = |m: &common::Posted| {
        std::iter::once(&m.body)
            .chain(m.edits.iter())
            .find(|b| b.to_string().contains("aura:quiz:"))
            .cloned()
    };
    fake.wait_for_posts(Duration::from_secs(20), move |p| {
        p.iter().any(|m| open(m).is_some())
    })
    .await;
    let question = fake.posted().iter().find_map(open).expect("question");
    let custom_id = question["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mut tasks = Vec::new();
    for i in 0..500u64 {
        let fake = fake.clone();
        let payload = in_guild(
            click(9_100_000 + i, 20_000 + i, "id", &custom_id, None),
            MEMBER,
            &[],
        );
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let cb = fake.interact(payload).await;
            assert_eq!(cb.status, 204);
            t.elapsed()
        }));
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let mut out = Vec::new();
    for t in tasks {
        if let Ok(d) = t.await {
            out.push(d);
        }
    }
    out
}
