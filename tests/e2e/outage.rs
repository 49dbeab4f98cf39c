//! A database outage, live, on PostgreSQL: the bot reaches the database through a proxy the
//! test cuts for a few seconds in the middle of a quiz round and of a class debate. The bot
//! stays up, answers every interaction meanwhile (politely where it needs the database), keeps
//! what the round could not store (its answers, its end) and stores it once the database is
//! back, without a restart. On SQLite (a file, never "down") there is nothing to cut.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aura::store::{Location, Store};
use serde_json::json;
use tokio::net::{TcpListener, TcpStream};

use crate::app::{Options, TestApp, next, open_state, state_file};
use crate::fake::{FakeDiscord, MANAGE_MESSAGES, MEMBER, in_guild, subcommand};
use crate::support::{answer_buttons, answered, press};

/// A loopback TCP proxy to the database that can be cut: every open connection dropped and new
/// ones refused, until restored.
struct Proxy {
    addr: SocketAddr,
    cut: Arc<Mutex<bool>>,
    links: Arc<Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Proxy {
    async fn to(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let cut = Arc::new(Mutex::new(false));
        let links: Arc<Mutex<Vec<tokio::task::AbortHandle>>> = Arc::default();
        let (is_cut, all) = (cut.clone(), links.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if *is_cut.lock().expect("lock") {
                    drop(inbound);
                    continue;
                }
                let link = tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                all.lock().expect("lock").push(link.abort_handle());
            }
        });
        Proxy { addr, cut, links }
    }

    /// The database is gone: connections drop, new ones are refused.
    fn cut(&self) {
        *self.cut.lock().expect("lock") = true;
        for link in self.links.lock().expect("lock").drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        *self.cut.lock().expect("lock") = false;
    }
}

/// The database's address, from the suite's PostgreSQL URL (`None` on SQLite).
fn database_addr() -> Option<SocketAddr> {
    let Location::Postgres(url) = Store::test_location(std::path::Path::new("outage")) else {
        return None;
    };
    let rest = url.split_once('@')?.1;
    let host = rest.split('/').next()?;
    std::net::ToSocketAddrs::to_socket_addrs(host).ok()?.next()
}

/// `/group sub options` by `user` with `perms`; what Aura showed in the end.
async fn ask(fake: &FakeDiscord, (user, perms): (u64, u64), (group, sub): (&str, &str)) -> String {
    let payload = subcommand(next(), user, "en-US", group, sub, json!([]));
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/{group} {sub}: {}", cb.body);
    answered(fake, &cb).await.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_stopped_mid_round_and_mid_debate_loses_nothing_and_needs_no_restart() {
    let Some(database) = database_addr() else {
        eprintln!("SQLite: a file has no outage to simulate; this test runs on PostgreSQL");
        return;
    };
    let proxy = Proxy::to(database).await;
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let options = Options {
        database_via: Some(proxy.addr),
        ..Options::default()
    };
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    let teacher = (42, MANAGE_MESSAGES);
    // A class debate in its lobby, and a two-question round; two members answer question 1.
    let opened = subcommand(
        next(),
        42,
        "en-US",
        "debate",
        "start",
        json!([{ "type": 4, "name": "format", "value": 1 }]),
    );
    let cb = fake.interact(in_guild(opened, MANAGE_MESSAGES, &[])).await;
    assert!(
        answered(&fake, &cb)
            .await
            .to_string()
            .contains("class debate is open"),
        "{}",
        cb.body
    );
    let (_, thread, _) = fake.threads().last().cloned().expect("the debate's thread");
    let start = subcommand(
        next(),
        42,
        "en-US",
        "quiz",
        "start",
        json!([
            { "type": 4, "name": "questions", "value": 2 },
            { "type": 4, "name": "mode", "value": 1 }
        ]),
    );
    fake.interact(in_guild(start, MANAGE_MESSAGES, &[])).await;
    fake.wait_for_posts(Duration::from_secs(30), |p| {
        p.iter().any(|m| !answer_buttons(m).is_empty())
    })
    .await;
    let buttons = fake
        .posted()
        .iter()
        .map(answer_buttons)
        .find(|b| !b.is_empty())
        .expect("the first question");
    let members = [next(), next()];
    for m in members {
        let cb = press(&fake, m, MEMBER, &buttons[0]).await;
        assert!(cb.body.to_string().contains("Locked in"), "{}", cb.body);
    }

    // The database goes away for a few seconds. The teacher reveals and stops the round: both
    // are done (the round lives in memory), and what it could not store is kept. A member who
    // needs the database is answered politely, within Discord's time.
    proxy.cut();
    let revealed = ask(&fake, teacher, ("quiz", "reveal")).await;
    assert!(!revealed.contains("went wrong"), "{revealed}");
    tokio::time::sleep(Duration::from_millis(500)).await;
    let asked = std::time::Instant::now();
    let me = ask(&fake, (members[0], MEMBER), ("quiz", "me")).await;
    assert!(me.contains("try again"), "{me}");
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "{:?}",
        asked.elapsed()
    );
    ask(&fake, teacher, ("quiz", "stop")).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    proxy.restore();

    // Back: the sweep stores the round's answers and its end, without a restart.
    let store = open_state(&state).await;
    let round: u64 = buttons[0]
        .split(':')
        .nth(2)
        .and_then(|r| r.parse().ok())
        .expect("the round's id");
    let mut stored = false;
    for _ in 0..100 {
        let answers = store.report_lines(round).await.expect("report").len();
        let open = store
            .open_rounds(crate::fake::GUILD_ID.parse().expect("id"))
            .await
            .expect("q");
        if answers == 2 && open == 0 {
            stored = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        stored,
        "the round's answers and end were stored once the database was back"
    );
    // The debate goes on: the teacher opens its opening vote from the thread.
    let next_step = in_guild(
        crate::fake::in_channel(
            subcommand(next(), 42, "en-US", "debate", "next", json!([])),
            &thread,
        ),
        MANAGE_MESSAGES,
        &[],
    );
    let cb = fake.interact(next_step).await;
    let moved = answered(&fake, &cb).await.to_string();
    assert!(!moved.contains("went wrong"), "{moved}");
    let board = ask(&fake, (next(), MEMBER), ("quiz", "leaderboard")).await;
    for m in members {
        assert!(board.contains(&format!("<@{m}>")), "{board}");
    }
    store.close().await;
    bot.stop().await;
}
