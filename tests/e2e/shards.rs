//! Aura as two processes, shards 0 and 1 of 2, over one state database and one fake Discord
//! that serves two servers, one on each shard: each server's events reach only the process
//! holding its shard; each server's daily post goes out exactly once, by its own process, even
//! when both processes restart around the post time; quiz rounds, quick votes and class
//! debates run in both servers at once, each answered, closed and timed by its own process.

use std::time::Duration;

use aura::clock::Clock;
use aura::shard::Shards;
use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, open_state, round_report, state_file, token_of};
use crate::fake::{
    FakeDiscord, GUILD_ID, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, Posted, click, in_channel,
    in_server, string_option, subcommand, with_channel,
};
use crate::support::{custom_ids_with, shown, wait_posts_in};

/// One server of the fake, the shard that holds it, and its channels.
pub(crate) struct Server {
    pub guild: &'static str,
    pub shard: u32,
    pub posts: &'static str,
    pub quiz: &'static str,
    pub votes: &'static str,
    /// Where class debates start (each runs in a thread of its own).
    pub class: &'static str,
}

/// `(guild >> 22) % 2` is 0 for the first and 1 for the second (`GUILD_ID`).
pub(crate) const SERVERS: [Server; 2] = [
    Server {
        guild: "290926798622163695",
        shard: 0,
        posts: "710000000000000001",
        quiz: "710000000000000002",
        votes: "710000000000000003",
        class: "710000000000000004",
    },
    Server {
        guild: GUILD_ID,
        shard: 1,
        posts: "720000000000000001",
        quiz: "720000000000000002",
        votes: "720000000000000003",
        class: "720000000000000004",
    },
];

const TEACHER: u64 = 4343;

/// Shard `k` of 2.
pub(crate) fn shard(k: u32) -> Shards {
    Shards::from_parts(Some(&k.to_string()), Some(2)).expect("shards")
}

/// A fake Discord that recommends two shards and knows both servers' channels.
pub(crate) async fn two_server_fake() -> FakeDiscord {
    let fake = FakeDiscord::start().await;
    fake.set_shard_count(2);
    for s in &SERVERS {
        fake.serve_guild(s.guild);
        for channel in [s.posts, s.quiz, s.votes, s.class] {
            fake.place_channel(channel, s.guild);
        }
    }
    fake
}

/// `/group sub options` by `user` with `perms` in `channel` of `server`; returns the callback.
pub(crate) async fn ask(
    fake: &FakeDiscord,
    server: &Server,
    channel: &str,
    (user, perms): (u64, u64),
    (group, sub): (&str, &str),
    options: Value,
) -> Value {
    let payload = subcommand(next(), user, "en-US", group, sub, options);
    let payload = in_channel(in_server(payload, server.guild, perms, &[]), channel);
    let cb = fake.interact(payload).await;
    assert_eq!(cb.status, 204, "/{group} {sub}: {}", cb.body);
    shown(fake, &cb).await
}

/// `teacher` starts a manual round of `questions` in `server`'s quiz channel.
pub(crate) async fn start_round(fake: &FakeDiscord, server: &Server, teacher: u64, questions: u64) {
    let options = json!([
        { "type": 4, "name": "mode", "value": 1 },
        { "type": 4, "name": "questions", "value": questions }
    ]);
    let (group, sub) = ("quiz", "start");
    let started = ask(
        fake,
        server,
        server.quiz,
        (teacher, MANAGE_MESSAGES),
        (group, sub),
        options,
    );
    let started = started.await;
    assert!(started.to_string().contains("Round started"), "{started}");
}

/// A member's click in `channel` of `server`; returns the callback's body.
pub(crate) async fn press(
    fake: &FakeDiscord,
    server: &Server,
    channel: &str,
    user: u64,
    id: &str,
) -> Value {
    let payload = in_channel(
        in_server(
            click(next(), user, "en-US", id, None),
            server.guild,
            MEMBER,
            &[],
        ),
        channel,
    );
    fake.interact(payload).await.body
}

/// A member opens a quick vote on a motion in `server`'s vote channel.
pub(crate) async fn open_vote(fake: &FakeDiscord, server: &Server) {
    let motion = json!([string_option("motion", "benjamin:film-makes-experts")]);
    let (group, sub) = ("debate", "start");
    let opened = ask(
        fake,
        server,
        server.votes,
        (next(), MEMBER),
        (group, sub),
        motion,
    );
    let opened = opened.await;
    assert!(opened.to_string().contains("vote is open"), "{opened}");
}

/// The buttons of a posted message whose custom id starts with `prefix`.
pub(crate) fn buttons(p: &Posted, prefix: &str) -> Vec<String> {
    custom_ids_with(&p.body, prefix)
}

async fn wait_posts(fake: &FakeDiscord, channel: &str, n: usize) -> Vec<Posted> {
    wait_posts_in(fake, channel, n, Duration::from_secs(10)).await
}

/// Both processes on the shared state, started one after the other.
async fn start_both(
    fake: &FakeDiscord,
    state: &std::path::Path,
    options: &Options,
) -> [TestApp; 2] {
    let zero = Options {
        shards: shard(0),
        ..options.clone()
    };
    let one = Options {
        shards: shard(1),
        ..options.clone()
    };
    let a = TestApp::start_with(fake.clone(), state, zero).await;
    let b = TestApp::start_with(fake.clone(), state, one).await;
    [a, b]
}

/// Both processes at the same moment (the state's tables exist already).
async fn start_both_at_once(
    fake: &FakeDiscord,
    state: &std::path::Path,
    options: &Options,
) -> [TestApp; 2] {
    let (zero, one) = (
        Options {
            shards: shard(0),
            ..options.clone()
        },
        Options {
            shards: shard(1),
            ..options.clone()
        },
    );
    let (a, b) = tokio::join!(
        TestApp::start_with(fake.clone(), state, zero),
        TestApp::start_with(fake.clone(), state, one)
    );
    [a, b]
}

async fn stop_both(bots: [TestApp; 2]) {
    let [a, b] = bots;
    tokio::join!(a.stop(), b.stop());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_shard_processes_each_serve_their_own_server_exactly_once() {
    let state = state_file();
    let fake = two_server_fake().await;
    let clock = Clock::adjustable();
    clock.set("2026-03-02T07:59:30Z".parse().expect("instant"));
    let options = Options {
        clock: clock.clone(),
        vote_length: Duration::from_secs(60),
        ..Options::default()
    };
    let bots = start_both(&fake, &state, &options).await;
    // Each server sets up its daily post for 08:00; each command reaches only its shard.
    for s in &SERVERS {
        let payload = subcommand(
            next(),
            TEACHER,
            "en-US",
            "daily",
            "setup",
            json!([
                string_option("time", "08:00"),
                string_option("timezone", "UTC")
            ]),
        );
        let payload = in_server(
            with_channel(payload, "channel", s.posts),
            s.guild,
            MANAGE_GUILD,
            &[],
        );
        let cb = fake.interact(payload).await;
        let said = if cb.body["type"] == 5 {
            fake.wait_for_edit(&cb.token).await
        } else {
            cb.body
        };
        assert!(said.to_string().contains("is set up"), "{said}");
    }
    let guild = |s: &Server| s.guild.parse::<u64>().ok();
    let delivered = fake.delivered();
    for (event, g, delivered_to) in &delivered {
        let server = SERVERS.iter().find(|s| guild(s) == *g).expect("a server");
        assert_eq!(*delivered_to, server.shard, "{event} of {g:?}");
    }
    // Each shard heard of its own server once, when it connected, and of no other.
    for s in &SERVERS {
        let created: Vec<u32> = delivered
            .iter()
            .filter(|(e, g, _)| e == "GUILD_CREATE" && *g == guild(s))
            .map(|(_, _, shard)| *shard)
            .collect();
        assert_eq!(created, vec![s.shard], "server {}", s.guild);
        // And took it in: no shard reconnected over it.
        assert_eq!(fake.shard_identifies(s.shard), 1);
    }
    // Both processes go down before 08:00 and come back together after it: each server's
    // post goes out once, posted by the process holding its shard.
    stop_both(bots).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    let bots = start_both_at_once(&fake, &state, &options).await;
    for s in &SERVERS {
        wait_posts(&fake, s.posts, 1).await;
    }
    // And once more, a restart of both just after the post: still one post each.
    stop_both(bots).await;
    let bots = start_both_at_once(&fake, &state, &options).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    for s in &SERVERS {
        let posts = fake.posted_in(s.posts);
        assert_eq!(posts.len(), 1, "server {}: {posts:#?}", s.guild);
        assert_eq!(posts[0].by, token_of(shard(s.shard)), "server {}", s.guild);
    }

    // Quiz rounds in both servers at once, each answered through its own process.
    for s in &SERVERS {
        start_round(&fake, s, TEACHER, 2).await;
    }
    // Quick votes in both servers at once.
    let mut cards = Vec::new();
    for s in &SERVERS {
        open_vote(&fake, s).await;
        cards.push(wait_posts(&fake, s.votes, 1).await.remove(0));
    }
    let members_of = |k: u64| (1..=4).map(move |m| k * 100 + m);
    for (k, s) in SERVERS.iter().enumerate() {
        let question = wait_posts(&fake, s.quiz, 1).await.remove(0);
        let choices = buttons(&question, "aura:quiz:");
        let votes = buttons(&cards[k], "aura:vote:");
        assert!(!choices.is_empty() && !votes.is_empty());
        for m in members_of(k as u64 + 1) {
            let locked = press(&fake, s, s.quiz, m, &choices[0]).await;
            assert!(locked.to_string().contains("Locked in"), "{locked}");
            let voted = press(&fake, s, s.votes, m, &votes[0]).await;
            assert!(voted.to_string().contains("Your vote"), "{voted}");
        }
    }
    for s in &SERVERS {
        ask(
            &fake,
            s,
            s.quiz,
            (TEACHER, MANAGE_MESSAGES),
            ("quiz", "reveal"),
            json!([]),
        )
        .await;
        wait_posts(&fake, s.quiz, 2).await;
        ask(
            &fake,
            s,
            s.quiz,
            (TEACHER, MANAGE_MESSAGES),
            ("quiz", "stop"),
            json!([]),
        )
        .await;
    }
    // A class debate in each server, its first speech under way.
    let mut threads = Vec::new();
    for s in &SERVERS {
        let opened = ask(
            &fake,
            s,
            s.class,
            (TEACHER, MANAGE_MESSAGES),
            ("debate", "start"),
            json!([
                { "type": 4, "name": "format", "value": 1 },
                string_option("speech", "1m")
            ]),
        )
        .await;
        assert!(
            opened.to_string().contains("class debate is open"),
            "{opened}"
        );
        let (_, thread, _) = fake.threads().last().cloned().expect("a thread");
        let control = wait_posts(&fake, &thread, 1).await.remove(0);
        let join = buttons(&control, "aura:db:");
        let id = join[0]
            .split(':')
            .nth(2)
            .expect("the debate's id")
            .to_string();
        let act = |a: &str| format!("aura:db:{id}:{a}");
        press(&fake, s, &thread, 11, &act("join:benjamin")).await;
        press(&fake, s, &thread, 12, &act("join:adorno")).await;
        for _ in 0..2 {
            let payload = in_channel(
                in_server(
                    click(next(), TEACHER, "en-US", &act("next"), None),
                    s.guild,
                    MANAGE_MESSAGES,
                    &[],
                ),
                &thread,
            );
            fake.interact(payload).await;
        }
        let floor = press(&fake, s, &thread, 11, &act("speak:1")).await;
        assert!(floor.to_string().contains("You have the floor"), "{floor}");
        threads.push(thread);
    }
    // Time runs out: each card is closed once, showing its own server's four votes, and each
    // speech hears "time" once, from the process holding its server.
    clock.advance(120);
    for (k, thread) in threads.iter().enumerate() {
        let t = thread.clone();
        fake.wait_for_posts(Duration::from_secs(10), move |p| {
            p.iter()
                .any(|m| m.channel == t && m.body.to_string().contains("Time!"))
        })
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let times: Vec<Posted> = fake
            .posted_in(thread)
            .into_iter()
            .filter(|m| m.body.to_string().contains("Time!"))
            .collect();
        assert_eq!(times.len(), 1, "{times:#?}");
        assert_eq!(times[0].by, token_of(shard(SERVERS[k].shard)));
    }
    for card in &cards {
        let id = card.id.clone();
        fake.wait_for_posts(Duration::from_secs(10), move |p| {
            p.iter().any(|m| m.id == id && !m.edits.is_empty())
        })
        .await;
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    for card in &cards {
        let now = fake
            .posted()
            .into_iter()
            .find(|p| p.id == card.id)
            .expect("card");
        assert_eq!(now.edits.len(), 1, "closed once: {:#?}", now.edits);
        let shown = now.edits[0].to_string();
        assert!(shown.contains("**Benjamin**: 4 (100%)"), "{shown}");
    }
    // Everything each server saw was posted by the process holding its shard.
    for s in &SERVERS {
        for channel in [s.posts, s.quiz, s.votes, s.class] {
            for p in fake.posted_in(channel) {
                assert_eq!(p.by, token_of(shard(s.shard)), "in {channel}: {}", p.body);
            }
        }
    }
    stop_both(bots).await;
    // Every answer is in the one database, each server's under its own round.
    let store = open_state(&state).await;
    for s in &SERVERS {
        let round = store
            .last_round(s.quiz.parse().expect("id"))
            .await
            .expect("read")
            .expect("a round");
        let csv = round_report(&store, round).await;
        assert_eq!(csv.len(), 4, "{csv:?}");
    }
    assert!(store.abandon_open_rounds(0).await.expect("q").is_empty());
    store.close().await;
    let _ = std::fs::remove_file(&state);
}
