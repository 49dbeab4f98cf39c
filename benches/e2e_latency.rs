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
//! Run: `cargo bench --bench e2e_latency` (`E2E_BOT_BIN=path` runs another build of the bot;
//! `E2E_PHASES=lookups,votes` only those phases: `examples/bare.rs`, a bare serenity bot that
//! answers without doing anything, gives the floor to set Aura's figures against).

#[path = "../tests/e2e/fake/mod.rs"]
mod common;

#[path = "support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use common::{
    FakeDiscord, MEMBER, autocomplete, click, command, in_guild, string_option, subcommand,
};
use serde_json::{Value, json};
use support::{Bot, cpu_time, member_click, mib, status_kib};

const LOOKUPS: usize = 1500;
const CLICKS: u64 = 1000;

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
    support::runtime().block_on(async {
        let fake = FakeDiscord::start().await;
        let state = std::env::temp_dir().join(format!("aura-bench-{}.db", std::process::id()));
        let bot = Bot::start(
            &fake,
            &[("AURA_STATE_PATH", state.display().to_string())],
            true,
        )
        .await;
        let (pid, startup) = (bot.pid, bot.startup);
        // Let serenity and poise finish their READY handling, then let the bot idle.
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let idle = status_kib(pid, "VmRSS:");
        let (anon, file) = (status_kib(pid, "RssAnon:"), status_kib(pid, "RssFile:"));
        let start_peak = status_kib(pid, "VmHWM:");
        // From here the high-water mark is the peak while serving, not start-up's.
        support::reset_peak(pid);

        // `E2E_PHASES` picks phases, in its order (a bare bot that only answers runs
        // `lookups,votes`).
        let phases = std::env::var("E2E_PHASES")
            .unwrap_or_else(|_| "lookups,votes,ballots,answers".into());
        for phase in phases.split(',').map(str::trim) {
            let (what, (latencies, cpu)) = match phase {
                "lookups" => (
                    format!("{LOOKUPS} sequential lookups (concept, autocomplete, quote; id and en)"),
                    lookups(&fake, pid).await,
                ),
                "votes" => (
                    format!("{CLICKS} debate-vote clicks within one second (click → acknowledgement)"),
                    votes(&fake, pid).await,
                ),
                "ballots" => (
                    format!("{CLICKS} class-debate ballots within one second (click → acknowledgement)"),
                    ballots(&fake, pid).await,
                ),
                "answers" => (
                    format!("{CLICKS} quiz-answer clicks within one second (click → acknowledgement)"),
                    answers(&fake, pid).await,
                ),
                other => panic!("E2E_PHASES: no phase {other:?} (lookups, votes, ballots, answers)"),
            };
            report(&what, latencies, cpu);
        }
        let peak = status_kib(pid, "VmHWM:");
        drop(bot);
        println!(
            "start-up (process start → commands registered, gateway identified): {:.1} ms",
            startup.as_secs_f64() * 1000.0
        );
        println!(
            "bot RSS: idle {} (anonymous {}, file-backed {}), peak while serving {}, peak at start-up {}",
            mib(idle),
            mib(anon),
            mib(file),
            mib(peak),
            mib(start_peak)
        );
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
    support::burst(fake, pid, CLICKS, 8_100_000, |id, i| {
        let member = 300_000 + i;
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
    // Another teacher: the first one's `/debate start` is still in its cooldown.
    let (ballot, thread) = support::open_ballot(fake, 8_500_000, 43).await;
    support::burst(fake, pid, CLICKS, 8_600_000, |id, i| {
        let member = 300_000 + i;
        let side = ["benjamin", "adorno", "undecided"][(member % 3) as usize];
        common::in_channel(
            member_click(id, member, &format!("{ballot}:{side}")),
            &thread,
        )
    })
    .await
}

/// A teacher opens a quiz round; `CLICKS` members answer its first question within one second.
async fn answers(fake: &FakeDiscord, pid: u32) -> (Vec<Duration>, Option<Duration>) {
    let custom_id = support::open_question(fake, 9_000_000, 42).await;
    support::burst(fake, pid, CLICKS, 9_100_000, |id, i| {
        member_click(id, 300_000 + i, &custom_id)
    })
    .await
}
