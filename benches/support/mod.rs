//! What the benches that drive the release bot through the fake Discord share: the bot as a
//! child process, its CPU time and memory from `/proc`, and the interactions that open a quiz
//! question or a class debate's ballot and then flood it with clicks.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::common::{
    self, FakeDiscord, MANAGE_MESSAGES, MEMBER, click, in_channel, in_guild, subcommand,
};

/// The bench's own runtime: two workers, beside the bot's process.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// The process's CPU time so far (user + system), from `/proc/<pid>/stat`.
pub fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces; fields 14 and 15 follow its closing parenthesis.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_secs_f64((utime + stime) / TICKS_PER_SECOND))
}

/// Resets the process's peak resident set (`VmHWM`) to its current size (`clear_refs` 5), so
/// that the peak read later is the peak while serving, not start-up's.
pub fn reset_peak(pid: u32) {
    if let Err(e) = std::fs::write(format!("/proc/{pid}/clear_refs"), "5") {
        eprintln!("could not reset the peak RSS of {pid}: {e}");
    }
}

/// A `/proc/<pid>/status` figure in KiB (`VmRSS`, `VmHWM`).
pub fn status_kib(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

pub fn mib(kib: Option<u64>) -> String {
    kib.map_or("unavailable".into(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0)
    })
}

/// The release bot running against the fake, killed however the bench ends; its SQLite state
/// (if it has one) is removed with it.
pub struct Bot {
    child: std::process::Child,
    pub pid: u32,
    /// Process start → commands registered and the gateway identified.
    pub startup: Duration,
    state: Option<std::path::PathBuf>,
}

impl Bot {
    /// Starts `aura run` (or `E2E_BOT_BIN`) with `env` added, and waits until it is ready.
    pub async fn start(fake: &FakeDiscord, env: &[(&str, String)], remove: bool) -> Bot {
        let bin =
            std::env::var("E2E_BOT_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_aura").into());
        let registered = fake.registered().len();
        let identified = fake.identifies();
        let started = Instant::now();
        let mut command = std::process::Command::new(bin);
        command
            .arg("run")
            .env("DISCORD_TOKEN", "bench-token")
            .env("DISCORD_API_URL", fake.url())
            .env("RUST_LOG", "warn")
            .env("AURA_DISCORD__REGISTER_ON_START", "guild")
            .env("AURA_DISCORD__GUILD_ID", common::GUILD_ID)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command.spawn().expect("start aura");
        let pid = child.id();
        let state = env
            .iter()
            .find(|(k, _)| *k == "AURA_STATE_PATH")
            .filter(|_| remove)
            .map(|(_, v)| v.into());
        let mut bot = Bot {
            child,
            pid,
            startup: Duration::ZERO,
            state,
        };
        fake.wait_for(Duration::from_secs(600), |f| {
            f.identifies() > identified && f.registered().len() > registered
        })
        .await;
        bot.startup = started.elapsed();
        bot
    }

    /// The bot's CPU time so far.
    pub fn cpu(&self) -> Option<Duration> {
        cpu_time(self.pid)
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(state) = &self.state {
            for suffix in ["", "-wal", "-shm"] {
                let mut p = state.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// Sends `clicks` clicks within about a second (one each millisecond, catching up after a
/// late tick) and times each from its injection to its acknowledgement at the fake; with the
/// bot's CPU time over them.
pub async fn burst(
    fake: &FakeDiscord,
    pid: u32,
    clicks: u64,
    first_id: u64,
    payload: impl Fn(u64, u64) -> Value,
) -> (Vec<Duration>, Option<Duration>) {
    let before = cpu_time(pid);
    let mut sent = Vec::with_capacity(clicks as usize);
    let mut tick = tokio::time::interval(Duration::from_millis(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for i in 0..clicks {
        tick.tick().await;
        let id = first_id + i;
        fake.dispatch("INTERACTION_CREATE", payload(id, i));
        sent.push((id.to_string(), Instant::now()));
    }
    let ids: HashSet<String> = sent.iter().map(|(id, _)| id.clone()).collect();
    // Polled rather than woken on every callback, so the bench spends little CPU beside the bot.
    let deadline = Instant::now() + Duration::from_secs(60);
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
    let callbacks: HashMap<String, common::Callback> = fake
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

/// A teacher (`teacher`, interaction `id`) opens a class debate and its opening vote; returns
/// the custom_id prefix of its ballots (`…:opening:<side>`) and the thread they are cast in.
pub async fn open_ballot(fake: &FakeDiscord, id: u64, teacher: u64) -> (String, String) {
    let start = subcommand(
        id,
        teacher,
        "en-US",
        "debate",
        "start",
        json!([{ "type": 4, "name": "format", "value": 1 }]),
    );
    let pins = fake.pins().len();
    let cb = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for(Duration::from_secs(20), |f| f.pins().len() > pins)
        .await;
    let (_, thread, _) = fake.threads().last().cloned().expect("a thread");
    let next = click(
        id + 1,
        teacher,
        "en-US",
        &format!("aura:db:{id}:next"),
        None,
    );
    let cb = fake
        .interact(in_channel(in_guild(next, MANAGE_MESSAGES, &[]), &thread))
        .await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    (format!("aura:db:{id}:vote:opening"), thread)
}

/// A teacher opens a quiz round (interaction `id`, two minutes a question); returns the
/// custom_id of the first question's first answer once it opens.
pub async fn open_question(fake: &FakeDiscord, id: u64, teacher: u64) -> String {
    let start = subcommand(
        id,
        teacher,
        "en-US",
        "quiz",
        "start",
        json!([{ "type": 4, "name": "seconds", "value": 120 }, { "type": 4, "name": "mode", "value": 1 }]),
    );
    let cb = fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    // The question is read first; its buttons arrive with the edit that opens it.
    let round = format!("aura:quiz:{id}:");
    let open = move |m: &common::Posted| {
        std::iter::once(&m.body)
            .chain(m.edits.iter())
            .find(|b| b.to_string().contains(&round))
            .cloned()
    };
    let wait = open.clone();
    fake.wait_for_posts(Duration::from_secs(20), move |p| {
        p.iter().any(|m| wait(m).is_some())
    })
    .await;
    let question = fake.posted().iter().find_map(open).expect("question");
    question["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// A member's click in the server (`MEMBER` permissions).
pub fn member_click(id: u64, member: u64, custom_id: &str) -> Value {
    in_guild(click(id, member, "id", custom_id, None), MEMBER, &[])
}
