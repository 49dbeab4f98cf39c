//! End-to-end cost of an interaction: the release `aura` binary runs against the fake Discord in
//! `tests/e2e/fake`. For each phase the bench reports latency percentiles (injection → callback at
//! the fake) and the bot's CPU time per interaction (utime + stime from `/proc/<pid>/stat`,
//! read before and after the phase); then the bot's idle and peak RSS and its start-up time
//! (process start → commands registered and the gateway identified).
//!
//! Phases: 1,500 sequential lookups (concept, autocomplete, quote; Indonesian and English; each
//! from a different member, so no cooldown cuts the work short), 1,000 quick-vote clicks
//! within one second, 1,000 opening-vote clicks in a class debate's thread within one second,
//! and 1,000 quiz-answer clicks within one second.
//!
//! Run: `cargo bench --bench e2e_latency` (`E2E_BOT_BIN=path` runs another build of the bot).

#[path = "../tests/e2e/fake/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::{
    FakeDiscord, MANAGE_MESSAGES, MEMBER, autocomplete, click, command, in_channel, in_guild,
    string_option, subcommand,
};
use serde_json::{Value, json};

const LOOKUPS: usize = 1500;
const CLICKS: u64 = 1000;

/// Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// The process's CPU time so far (user + system), from `/proc/<pid>/stat`.
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; fields 14 and 15 follow its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_secs_f64((utime + stime) / TICKS_PER_SECOND))
}

/// A `/proc/<pid>/status` figure in KiB (`VmRSS`, `VmHWM`).
fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("unavailable".into(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0)
    })
}

/// Latency percentiles and CPU per interaction for one phase.
fn report(what: &str, mut latencies: Vec<Duration>, cpu: Option<Duration>) {
    latencies.sort();
    let n = latencies.len();
    if n == 0 {
        println!("{what}: no answers");
        return;
    }
    let pct = |p: f64| latencies[((n as f64 * p) as usize).min(n - 1)];
    let mean: Duration = latencies.iter().sum::<Duration>() / n as u32;
    println!("{what}:");
    println!(
        "  p50 {:?}  p99 {:?}  mean {:?}  max {:?}",
        pct(0.50),
        pct(0.99),
        mean,
        latencies[n - 1]
    );
    if let Some(cpu) = cpu {
        println!(
            "  bot CPU {:.3} ms per interaction ({:?} over {n})",
            cpu.as_secs_f64() * 1000.0 / n as f64,
            cpu
        );
    }
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let fake = FakeDiscord::start().await;
        let state = std::env::temp_dir().join(format!("aura-bench-{}.db", std::process::id()));
        let bin =
            std::env::var("E2E_BOT_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_aura").into());
        let started = Instant::now();
        let bot = std::process::Command::new(bin)
            .arg("run")
            .env("DISCORD_TOKEN", "bench-token")
            .env("DISCORD_API_URL", fake.url())
            .env("RUST_LOG", "warn")
            .env("AURA_STATE_PATH", &state)
            .env("AURA_DISCORD__REGISTER_ON_START", "guild")
            .env("AURA_DISCORD__GUILD_ID", common::GUILD_ID)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .spawn()
            .expect("start aura");
        // The bot is killed however the benchmark ends, and its state removed.
        struct Kill(std::process::Child, std::path::PathBuf);
        impl Drop for Kill {
            fn drop(&mut self) {
                let _ = self.0.kill();
                let _ = self.0.wait();
                for suffix in ["", "-wal", "-shm"] {
                    let mut p = self.1.clone().into_os_string();
                    p.push(suffix);
                    let _ = std::fs::remove_file(p);
                }
            }
        }
        let pid = bot.id();
        let bot = Kill(bot, state);
        fake.wait_for(Duration::from_secs(20), |f| {
            f.identifies() > 0 && !f.registered().is_empty()
        })
        .await;
        let startup = started.elapsed();
        // Let serenity and poise finish their READY handling, then let the bot idle.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let idle = status_kib(pid, "VmRSS:");

        let (latencies, cpu) = lookups(&fake, pid).await;
        report(
            &format!("{LOOKUPS} sequential lookups (concept, autocomplete, quote; id and en)"),
            latencies,
            cpu,
        );
        let (latencies, cpu) = votes(&fake, pid).await;
        report(
            &format!("{CLICKS} debate-vote clicks within one second (click → acknowledgement)"),
            latencies,
            cpu,
        );
        let (latencies, cpu) = ballots(&fake, pid).await;
        report(
            &format!("{CLICKS} class-debate ballots within one second (click → acknowledgement)"),
            latencies,
            cpu,
        );
        let (latencies, cpu) = answers(&fake, pid).await;
        report(
            &format!("{CLICKS} quiz-answer clicks within one second (click → acknowledgement)"),
            latencies,
            cpu,
        );
        let peak = status_kib(pid, "VmHWM:");
        drop(bot);
        println!(
            "start-up (process start → commands registered, gateway identified): {:.1} ms",
            startup.as_secs_f64() * 1000.0
        );
        println!("bot RSS: idle {}, peak {}", mib(idle), mib(peak));
    });
}

/// The lookup mix: concept cards, autocomplete as a member types, quotes; both languages.
fn lookup(i: usize) -> Value {
    let id = 5_000_000 + i as u64;
    let user = 100_000 + i as u64;
    let (locale, other) = if i.is_multiple_of(2) {
        ("id", "en-US")
    } else {
        ("en-US", "id")
    };
    match i % 6 {
        0 => command(
            id,
            user,
            locale,
            "concept",
            json!([string_option("name", "nilai kultus")]),
        ),
        1 => autocomplete(id, user, locale, "concept", "name", "kult"),
        2 => command(
            id,
            user,
            other,
            "quote",
            json!([string_option("topic", "aura")]),
        ),
        3 => autocomplete(id, user, other, "concept", "name", "exibition valeu"),
        4 => command(
            id,
            user,
            locale,
            "concept",
            json!([string_option("name", "Kultwret")]),
        ),
        _ => autocomplete(id, user, locale, "quote", "topic", "a"),
    }
}

async fn lookups(fake: &FakeDiscord, pid: u32) -> (Vec<Duration>, Option<Duration>) {
    let before = cpu_time(pid);
    let mut latencies = Vec::with_capacity(LOOKUPS);
    for i in 0..LOOKUPS {
        let payload = lookup(i);
        let start = Instant::now();
        let cb = fake.interact(payload).await;
        latencies.push(start.elapsed());
        assert_eq!(cb.status, 204, "{}", cb.body);
    }
    let cpu = cpu_time(pid).zip(before).map(|(a, b)| a - b);
    (latencies, cpu)
}

/// Sends `CLICKS` clicks within one second (one each millisecond, catching up after a late
/// tick) and times each from its injection to its acknowledgement at the fake.
async fn burst(
    fake: &FakeDiscord,
    pid: u32,
    first_id: u64,
    payload: impl Fn(u64, u64) -> Value,
) -> (Vec<Duration>, Option<Duration>) {
    let before = cpu_time(pid);
    let mut sent = Vec::with_capacity(CLICKS as usize);
    let mut tick = tokio::time::interval(Duration::from_millis(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for i in 0..CLICKS {
        tick.tick().await;
        let id = first_id + i;
        fake.dispatch("INTERACTION_CREATE", payload(id, 300_000 + i));
        sent.push((id.to_string(), Instant::now()));
    }
    let ids: std::collections::HashSet<String> = sent.iter().map(|(id, _)| id.clone()).collect();
    // Polled rather than woken on every callback, so the bench spends little CPU beside the bot.
    let deadline = Instant::now() + Duration::from_secs(30);
    while fake
        .callbacks()
        .iter()
        .filter(|c| ids.contains(&c.interaction_id))
        .count()
        < ids.len()
    {
        assert!(
            Instant::now() < deadline,
            "not every click was acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let cpu = cpu_time(pid).zip(before).map(|(a, b)| a - b);
    let callbacks: std::collections::HashMap<String, common::Callback> = fake
        .callbacks()
        .into_iter()
        .filter(|c| ids.contains(&c.interaction_id))
        .map(|c| (c.interaction_id.clone(), c))
        .collect();
    let latencies = sent
        .iter()
        .map(|(id, at)| {
            let cb = &callbacks[id];
            assert_eq!(cb.status, 204, "{}", cb.body);
            cb.received.saturating_duration_since(*at)
        })
        .collect();
    (latencies, cpu)
}

/// A debate opens; `CLICKS` members vote within one second.
async fn votes(fake: &FakeDiscord, pid: u32) -> (Vec<Duration>, Option<Duration>) {
    let debate = 8_000_000u64;
    let start = subcommand(
        debate,
        42,
        "en-US",
        "debate",
        "start",
        json!([string_option("motion", "benjamin:film-makes-experts")]),
    );
    let cb = fake.interact(in_guild(start, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    burst(fake, pid, 8_100_000, |id, member| {
        let side = ["benjamin", "adorno", "undecided"][(member % 3) as usize];
        let vote = click(
            id,
            member,
            "id",
            &format!("aura:vote:{debate}:{side}"),
            None,
        );
        in_guild(vote, MEMBER, &[])
    })
    .await
}

/// A teacher opens a class debate and its opening vote; `CLICKS` members vote in its thread
/// within one second.
async fn ballots(fake: &FakeDiscord, pid: u32) -> (Vec<Duration>, Option<Duration>) {
    let debate = 8_500_000u64;
    // Another teacher: the first one's `/debate start` is still in its cooldown.
    let start = subcommand(
        debate,
        43,
        "en-US",
        "debate",
        "start",
        json!([{ "type": 4, "name": "format", "value": 1 }]),
    );
    let cb = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for(Duration::from_secs(20), |f| !f.pins().is_empty())
        .await;
    let (_, thread, _) = fake.threads().last().cloned().expect("a thread");
    let next = click(
        8_500_001,
        42,
        "en-US",
        &format!("aura:db:{debate}:next"),
        None,
    );
    let cb = fake
        .interact(in_channel(in_guild(next, MANAGE_MESSAGES, &[]), &thread))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    burst(fake, pid, 8_600_000, |id, member| {
        let side = ["benjamin", "adorno", "undecided"][(member % 3) as usize];
        let vote = click(
            id,
            member,
            "id",
            &format!("aura:db:{debate}:vote:opening:{side}"),
            None,
        );
        in_channel(in_guild(vote, MEMBER, &[]), &thread)
    })
    .await
}

/// A teacher opens a quiz round; `CLICKS` members answer its first question within one second.
async fn answers(fake: &FakeDiscord, pid: u32) -> (Vec<Duration>, Option<Duration>) {
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
    burst(fake, pid, 9_100_000, |id, member| {
        in_guild(click(id, member, "id", &custom_id, None), MEMBER, &[])
    })
    .await
}
