//! The cost of a command as a server's history grows. For each size (answers stored in all),
//! a database is filled with a realistic, deterministic history (`Store::grow`: 1,000
//! servers, the largest with 5,000 members and a fifth of the answers, homework, practice,
//! class and quick debates, 10,000 daily schedules and their posts); then
//!
//! - the store calls behind each command are timed in this process (p50 wall time), and
//! - the release bot is started on that database against the fake Discord, and each command is
//!   sent by members of the largest server: the bot's CPU time per call (utime + stime from
//!   `/proc/<pid>/stat`), its start-up, idle and peak RSS.
//!
//! Run: `cargo bench --bench growth` (SQLite, every size). Settings, from the environment:
//! `GROWTH_SIZES` (default `10000,100000,1000000,5000000`), `GROWTH_ENGINES` (`sqlite`,
//! `postgres` or both, comma-separated; PostgreSQL at `GROWTH_DATABASE_URL`, default
//! `TEST_DATABASE_URL`), `GROWTH_CALLS` (calls per command, default 20). `.ci/bench-growth`
//! starts PostgreSQL and runs both engines.

#[path = "../tests/e2e/fake/mod.rs"]
mod common;
#[path = "support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use aura::quiz::model::{AnswerRow, Period, Sort};
use aura::store::{History, Location, Store, member_of};
use common::{FakeDiscord, MANAGE_MESSAGES, MEMBER, command, in_guild, subcommand};
use serde_json::{Value, json};
use support::{Bot, member_click, mib, status_kib};

const DAY: i64 = 86_400;
const CLICKS: u64 = 200;

fn setting(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

/// Store p50 and bot CPU per call (ms) of one command at one size.
type Cell = (Option<f64>, Option<f64>);

/// A command as the bench sends it: its place in the table, its name, and its payload from an
/// interaction id and a member.
type Sent = (usize, String, Box<dyn Fn(u64, u64) -> Value>);

/// One measured figure per command and size: store p50 and bot CPU per call, in ms.
#[derive(Default)]
struct Table {
    /// command → size → (store ms, CPU ms)
    rows: BTreeMap<(usize, String), BTreeMap<u64, Cell>>,
    notes: BTreeMap<u64, String>,
}

impl Table {
    fn store(&mut self, order: usize, what: &str, size: u64, ms: f64) {
        let e = self.rows.entry((order, what.into())).or_default();
        e.entry(size).or_default().0 = Some(ms);
    }
    fn cpu(&mut self, order: usize, what: &str, size: u64, ms: f64) {
        let e = self.rows.entry((order, what.into())).or_default();
        e.entry(size).or_default().1 = Some(ms);
    }
    /// The bot's CPU over a burst of [`CLICKS`], per click.
    fn per_click(&mut self, order: usize, what: &str, size: u64, cpu: Option<Duration>) {
        if let Some(cpu) = cpu {
            self.cpu(
                order,
                what,
                size,
                cpu.as_secs_f64() * 1000.0 / CLICKS as f64,
            );
        }
    }
    fn print(&self, engine: &str, sizes: &[u64]) {
        println!("\n### {engine}: store p50 ms / bot CPU ms per call\n");
        let head: Vec<String> = sizes.iter().map(|s| format!("{s}")).collect();
        println!("| command | {} |", head.join(" | "));
        println!("|---|{}", "---|".repeat(sizes.len()));
        let f = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.2}"));
        for ((_, what), per) in &self.rows {
            let cells: Vec<String> = sizes
                .iter()
                .map(|s| {
                    let (a, b) = per.get(s).copied().unwrap_or_default();
                    format!("{} / {}", f(a), f(b))
                })
                .collect();
            println!("| {what} | {} |", cells.join(" | "));
        }
        for (size, note) in &self.notes {
            println!("\n{size}: {note}");
        }
    }
}

fn p50(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times
        .get(times.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Times `f` `n` times; p50 in ms.
macro_rules! timed {
    ($n:expr, |$i:ident| $body:expr) => {{
        let mut times = Vec::new();
        for $i in 0..$n {
            let t = Instant::now();
            $body;
            times.push(t.elapsed());
        }
        p50(times)
    }};
}

fn main() {
    support::runtime().block_on(async {
        let sizes: Vec<u64> = setting("GROWTH_SIZES", "10000,100000,1000000,5000000")
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        let calls: u64 = setting("GROWTH_CALLS", "20").parse().unwrap_or(20);
        let pg = std::env::var("GROWTH_DATABASE_URL")
            .or_else(|_| std::env::var("TEST_DATABASE_URL"))
            .ok();
        for engine in setting("GROWTH_ENGINES", "sqlite").split(',') {
            let mut table = Table::default();
            for &size in &sizes {
                let location = match engine.trim() {
                    "postgres" => {
                        let Some(url) = &pg else {
                            println!("postgres: set GROWTH_DATABASE_URL");
                            break;
                        };
                        fresh_schema(url, &format!("growth_{size}")).await
                    }
                    _ => {
                        let path = std::env::temp_dir().join(format!("aura-growth-{size}.db"));
                        for suffix in ["", "-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                        }
                        Location::File(path)
                    }
                };
                measure(&mut table, &location, size, calls).await;
            }
            table.print(engine.trim(), &sizes);
        }
    });
}

/// A PostgreSQL schema of its own for one size, emptied first.
async fn fresh_schema(url: &str, schema: &str) -> Location {
    let admin = sqlx::PgPool::connect(url).await.expect("postgres");
    sqlx::query(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
        .execute(&admin)
        .await
        .expect("drop schema");
    admin.close().await;
    let sep = if url.contains('?') { '&' } else { '?' };
    Location::Postgres(format!("{url}{sep}options[search_path]={schema}"))
}

fn history(size: u64, now: i64) -> History {
    let library = aura::pack::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data"
    )))
    .expect("the study pack");
    let questions = library
        .packs
        .iter()
        .flat_map(|p| p.questions.iter().map(|q| q.id.clone()))
        .collect();
    History {
        answers: size,
        seed: 2026,
        largest: common::GUILD_ID.parse().expect("id"),
        channel: common::CHANNEL_ID.parse().expect("id"),
        servers: 1_000,
        schedules: 10_000,
        questions,
        motion: ("benjamin".into(), "film-makes-experts".into()),
        now,
    }
}

async fn measure(table: &mut Table, location: &Location, size: u64, calls: u64) {
    let now = jiff::Timestamp::now().as_second();
    let guild: u64 = common::GUILD_ID.parse().expect("id");
    let channel: u64 = common::CHANNEL_ID.parse().expect("id");
    let store = Store::open_test(location).await.expect("store");
    let t = Instant::now();
    let grown = store.grow(&history(size, now)).await.expect("grow");
    eprintln!(
        "{size}: grown in {:.1} s: {grown:?}",
        t.elapsed().as_secs_f64()
    );
    store.close().await;

    // Start-up of the store: migrations (none left), folding (nothing left), statistics.
    let t = Instant::now();
    let store = Store::open_test(location).await.expect("store");
    table.store(
        90,
        "start-up (store open; bot: process → ready, ms)",
        size,
        t.elapsed().as_secs_f64() * 1000.0,
    );

    let member = |i: u64| member_of(0, i % 5_000);
    for (order, period) in [Period::Week, Period::Month, Period::Term, Period::All]
        .into_iter()
        .enumerate()
    {
        let ms = timed!(calls, |i| {
            let page = store
                .board_page(guild, period, now, Sort::Points, (0, 20), member(i))
                .await
                .expect("board");
            let top: Vec<u64> = page.top.iter().take(10).map(|l| l.user_id).collect();
            store.display_names_of(guild, &top).await.expect("names");
        });
        table.store(
            order,
            &format!("/quiz leaderboard period:{}", period.code()),
            size,
            ms,
        );
    }
    // What `/quiz me` reads: the member's place on the all-time board, and their boxes.
    let ms = timed!(calls, |i| {
        store
            .board_page(guild, Period::All, now, Sort::Points, (0, 0), member(i))
            .await
            .expect("board");
        store.practice_boxes(guild, member(i)).await.expect("boxes");
    });
    table.store(10, "/quiz me", size, ms);
    let ms = timed!(calls, |i| {
        store
            .practice_boxes(guild, member(100 + i))
            .await
            .expect("boxes");
    });
    table.store(11, "/quiz practice", size, ms);
    let ms = timed!(calls, |_i| {
        store
            .insight_tallies(guild, Period::All, now, None)
            .await
            .expect("insights");
    });
    table.store(12, "/quiz insights", size, ms);
    // Everything the term's gradebook reads: totals, names, written work, debating and
    // answers per section.
    let library = aura::pack::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data"
    )))
    .expect("the study pack");
    let sections: Vec<(&str, &str)> = library.packs[0]
        .questions
        .iter()
        .filter_map(|q| Some((q.id.as_str(), q.section.as_deref()?)))
        .collect();
    let ms = timed!(calls, |_i| {
        store
            .gradebook_totals(guild, Period::Term, now)
            .await
            .expect("totals");
        store.display_names(guild).await.expect("names");
        store.response_names(guild).await.expect("names");
        let since = store
            .period_start(guild, Period::Term, now)
            .await
            .expect("since");
        store.written_work(guild, since).await.expect("written");
        store.debating(guild, since).await.expect("debating");
        store
            .answers_per_section(guild, Period::Term, now, &sections)
            .await
            .expect("answers");
    });
    table.store(13, "/quiz report scope:term", size, ms);
    let ms = timed!(calls, |_i| {
        store.debates_in(channel, 10, 0).await.expect("history");
    });
    table.store(20, "/debate history", size, ms);
    let ms = timed!(calls, |i| {
        store.member_rows(member(200 + i)).await.expect("rows");
    });
    table.store(30, "/privacy (count)", size, ms);
    let ms = timed!(calls, |i| {
        store
            .forget_member(member(4_000 + i))
            .await
            .expect("forget");
    });
    table.store(31, "/privacy (erase)", size, ms);
    let round = 9_000_000_000_000_000_000;
    store
        .start_round(round, guild, 1, member(0), now)
        .await
        .expect("round");
    let ms = timed!(calls, |i| {
        let row = AnswerRow {
            question_no: 1,
            question_id: "q".into(),
            user_id: member(300 + i),
            answered_at: now,
            ..AnswerRow::default()
        };
        store
            .record_answer(round, guild, row)
            .await
            .expect("answer");
    });
    store.end_round(round, "finished", now).await.expect("end");
    table.store(40, "quiz answer click", size, ms);
    let ms = timed!(calls, |_i| {
        store.due_schedules(now).await.expect("due");
    });
    table.store(60, "daily runner tick (10,000 schedules)", size, ms);
    store.close().await;

    bot_calls(table, location, size, calls).await;

    let store = Store::open_test(location).await.expect("store");
    // The first prune of a long history catches up (in batches); then each day's prune
    // deletes a day's rows.
    let t = Instant::now();
    let pruned = store.prune(now - 180 * DAY).await.expect("prune");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    table.store(70, "retention prune, catching up (180 days)", size, ms);
    let t = Instant::now();
    store.prune(now - 179 * DAY).await.expect("prune");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    table.store(71, "retention prune, the day after", size, ms);
    table
        .notes
        .insert(size, format!("{grown:?}; pruned {pruned:?}"));
    store.close().await;
}

/// The bot on the grown state: CPU per call of each command, start-up and memory.
async fn bot_calls(table: &mut Table, location: &Location, size: u64, calls: u64) {
    let fake = FakeDiscord::start().await;
    let env = match location {
        Location::File(path) => vec![("AURA_STATE_PATH", path.display().to_string())],
        Location::Postgres(url) => vec![("AURA_DATABASE_URL", url.clone())],
    };
    // The prune is measured on its own (below): the bot keeps everything meanwhile.
    let mut env = env;
    env.push(("AURA_RETENTION__DAYS", "36500".into()));
    let bot = Bot::start(&fake, &env, false).await;
    table.cpu(
        90,
        "start-up (store open; bot: process → ready, ms)",
        size,
        bot.startup.as_secs_f64() * 1000.0,
    );
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let idle = status_kib(bot.pid, "VmRSS:");
    let mut id = 7_000_000u64;
    let member = |i: u64| member_of(0, i % 5_000);
    let quiz = |id: u64, user: u64, sub: &str, options: Value, perms: u64| {
        in_guild(
            subcommand(id, user, "en-US", "quiz", sub, options),
            perms,
            &[],
        )
    };
    let mut commands: Vec<Sent> = Vec::new();
    for (order, (p, name)) in [(0, "week"), (1, "month"), (2, "term"), (3, "all")]
        .into_iter()
        .enumerate()
    {
        commands.push((
            order,
            format!("/quiz leaderboard period:{name}"),
            Box::new(move |id, u| {
                quiz(
                    id,
                    u,
                    "leaderboard",
                    json!([{ "type": 4, "name": "period", "value": p }]),
                    MEMBER,
                )
            }),
        ));
    }
    commands.push((
        10,
        "/quiz me".into(),
        Box::new(move |id, u| quiz(id, u, "me", json!([]), MEMBER)),
    ));
    commands.push((
        11,
        "/quiz practice".into(),
        Box::new(move |id, u| quiz(id, u, "practice", json!([]), MEMBER)),
    ));
    commands.push((
        12,
        "/quiz insights".into(),
        Box::new(move |id, u| quiz(id, u, "insights", json!([]), MANAGE_MESSAGES)),
    ));
    commands.push((
        13,
        "/quiz report scope:term".into(),
        Box::new(move |id, u| {
            quiz(
                id,
                u,
                "report",
                json!([{ "type": 4, "name": "scope", "value": 1 }]),
                MANAGE_MESSAGES,
            )
        }),
    ));
    commands.push((
        20,
        "/debate history".into(),
        Box::new(move |id, u| {
            in_guild(
                subcommand(id, u, "en-US", "debate", "history", json!([])),
                MEMBER,
                &[],
            )
        }),
    ));
    commands.push((
        30,
        "/privacy (count)".into(),
        Box::new(move |id, u| in_guild(command(id, u, "en-US", "privacy", json!([])), MEMBER, &[])),
    ));
    commands.push((
        31,
        "/privacy (erase)".into(),
        Box::new(move |id, u| member_click(id, u, &format!("aura:privacy:delete:{u}"))),
    ));
    for (n, (order, what, payload)) in commands.iter().enumerate() {
        let before = bot.cpu();
        for i in 0..calls {
            id += 1;
            let user = member(1_000 + (n as u64) * 150 + i);
            let cb = fake.interact(payload(id, user)).await;
            assert_eq!(cb.status, 204, "{what}: {}", cb.body);
        }
        // Deferred replies finish after their acknowledgement: let them.
        settle(&bot).await;
        eprintln!(
            "{size}: after {what}: peak RSS {}",
            mib(status_kib(bot.pid, "VmHWM:"))
        );
        if let Some(cpu) = bot.cpu().zip(before).map(|(a, b)| a - b) {
            table.cpu(
                *order,
                what,
                size,
                cpu.as_secs_f64() * 1000.0 / calls as f64,
            );
        }
    }
    let custom_id = support::open_question(&fake, 9_000_000, member(4_900)).await;
    let (_, cpu) = support::burst(&fake, bot.pid, CLICKS, 9_100_000, |id, i| {
        member_click(id, member(2_500 + i), &custom_id)
    })
    .await;
    table.per_click(40, "quiz answer click", size, cpu);
    let (ballot, thread) = support::open_ballot(&fake, 8_500_000, member(4_901)).await;
    let (_, cpu) = support::burst(&fake, bot.pid, CLICKS, 8_600_000, |id, i| {
        common::in_channel(
            member_click(id, member(2_800 + i), &format!("{ballot}:adorno")),
            &thread,
        )
    })
    .await;
    table.per_click(50, "class-debate ballot", size, cpu);
    let peak = status_kib(bot.pid, "VmHWM:");
    let note = format!("bot RSS idle {}, peak {}", mib(idle), mib(peak));
    eprintln!("{size}: {note}");
    table.notes.insert(size + 1, note);
}

/// Waits until the bot has used no CPU for 300 ms (at most 30 s).
async fn settle(bot: &Bot) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = bot.cpu();
    while Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = bot.cpu();
        if now == last {
            return;
        }
        last = now;
    }
}
