//! `aura run --shards K --total-shards 2` as real processes against the fake Discord and one
//! state database: a shard process killed with SIGKILL loses no vote or answer it acknowledged,
//! and its restart frees the channel of the round it left open; SIGTERM ends a process's quiz
//! round with a notice, tells its open debates (and only its own servers') that Aura restarts,
//! stores everything, and the process is gone well within Docker's 10-second grace period.

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use aura::debate::{Debate, Format};
use aura::pack::Lang;
use serde_json::json;

use crate::app::{next, open_state, point_at_state, round_report, state_file, token_of};
use crate::cli::aura;
use crate::fake::{FakeDiscord, MANAGE_MESSAGES, Posted};
use crate::faults_reliability::{ends_within, sigterm};
use crate::shards::{self, SERVERS, Server, ask, buttons, shard, two_server_fake};

const TEACHER: u64 = 4545;

/// `aura run` holding shard `k` of 2, on the fake and the shared state; its log goes to a file.
fn spawn_shard(fake: &FakeDiscord, state: &Path, k: u32) -> Child {
    let log = state.with_extension(format!("shard{k}.{}.log", next()));
    let mut cmd = aura();
    cmd.args(["run", "--shards", &k.to_string(), "--total-shards", "2"])
        .env("DISCORD_TOKEN", token_of(shard(k)))
        .env("DISCORD_API_URL", fake.url())
        .env("AURA_QUIZ__READ_SECONDS", "0")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).expect("log file"));
    point_at_state(&mut cmd, state);
    cmd.spawn().expect("run aura")
}

/// Stops a child that is still running when the test ends, even by a failed assertion.
struct Running(Option<Child>);

impl Running {
    fn child(&mut self) -> &mut Child {
        self.0.as_mut().expect("running")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// A member's click in `channel` of `server`; returns the callback's body as text.
async fn press(fake: &FakeDiscord, server: &Server, channel: &str, user: u64, id: &str) -> String {
    shards::press(fake, server, channel, user, id)
        .await
        .to_string()
}

/// The id in `aura:<kind>:<id>:…`.
fn id_in(custom_id: &str) -> u64 {
    custom_id
        .split(':')
        .nth(2)
        .and_then(|x| x.parse().ok())
        .expect("an id in the custom id")
}

async fn first_post(fake: &FakeDiscord, channel: &str) -> Posted {
    let c = channel.to_string();
    fake.wait_for_posts(Duration::from_secs(10), move |p| {
        p.iter().any(|m| m.channel == c)
    })
    .await;
    fake.posted_in(channel).remove(0)
}

/// A quiz round (manual, three questions) and a quick vote in `server`; returns the round's
/// answer buttons and the vote's buttons.
async fn round_and_vote(fake: &FakeDiscord, s: &Server) -> (Vec<String>, Vec<String>) {
    shards::start_round(fake, s, TEACHER, 3).await;
    shards::open_vote(fake, s).await;
    let question = first_post(fake, s.quiz).await;
    let card = first_post(fake, s.votes).await;
    (
        buttons(&question, "aura:quiz:"),
        buttons(&card, "aura:vote:"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shard_process_killed_with_sigkill_loses_nothing_it_acknowledged() {
    let state = state_file();
    let fake = two_server_fake().await;
    let mut zero = Running(Some(spawn_shard(&fake, &state, 0)));
    fake.wait_shard_ready(0, 0).await;
    let mut one = Running(Some(spawn_shard(&fake, &state, 1)));
    fake.wait_shard_ready(1, 0).await;
    // In both servers at once: a round and a vote, every answer and vote acknowledged.
    let mut acknowledged = Vec::new();
    for (k, s) in SERVERS.iter().enumerate() {
        let (choices, votes) = round_and_vote(&fake, s).await;
        let mut answers = 0;
        let mut ballots = 0;
        for m in 1..=5u64 {
            let member = (k as u64 + 1) * 1000 + m;
            if press(
                &fake,
                s,
                s.quiz,
                member,
                &choices[m as usize % choices.len()],
            )
            .await
            .contains("Locked in")
            {
                answers += 1;
            }
            if press(&fake, s, s.votes, member, &votes[m as usize % votes.len()])
                .await
                .contains("Your vote")
            {
                ballots += 1;
            }
        }
        assert_eq!((answers, ballots), (5, 5), "server {}", s.guild);
        acknowledged.push((id_in(&choices[0]), id_in(&votes[0]), answers, ballots));
    }
    // Shard 0's process dies in the middle of its question; shard 1's goes on serving.
    zero.child().kill().expect("SIGKILL");
    let _ = zero.child().wait();
    zero.0 = None;
    let late = press(&fake, &SERVERS[1], SERVERS[1].votes, 2999, &{
        let card = first_post(&fake, SERVERS[1].votes).await;
        buttons(&card, "aura:vote:")[0].clone()
    })
    .await;
    assert!(late.contains("Your vote"), "{late}");
    acknowledged[1].3 += 1;
    // Everything acknowledged is in the database, the killed process's too.
    let store = open_state(&state).await;
    for (k, (round, debate, answers, ballots)) in acknowledged.iter().enumerate() {
        let csv = round_report(&store, *round).await;
        assert_eq!(csv.len(), *answers, "server {k}: {csv:?}");
        let tally = store.tally(*debate).await.expect("tally");
        assert_eq!(tally.total() as usize, *ballots, "server {k}");
    }
    store.close().await;
    // Shard 0 comes back: its vote still counts clicks, and the channel of the round it left
    // open takes a new round.
    let before = fake.shard_identifies(0);
    zero.0 = Some(spawn_shard(&fake, &state, 0));
    fake.wait_shard_ready(0, before).await;
    let s = &SERVERS[0];
    let card = first_post(&fake, s.votes).await;
    let again = press(&fake, s, s.votes, 7777, &buttons(&card, "aura:vote:")[0]).await;
    assert!(again.contains("Your vote"), "{again}");
    let restarted = ask(
        &fake,
        s,
        s.quiz,
        (TEACHER, MANAGE_MESSAGES),
        ("quiz", "start"),
        json!([]),
    )
    .await;
    assert!(
        restarted.to_string().contains("Round started"),
        "{restarted}"
    );
    for p in [&mut zero, &mut one] {
        sigterm(p.child());
        let (status, _) = ends_within(p.child(), Duration::from_secs(15)).await;
        assert_eq!(status.code(), Some(0));
        p.0 = None;
    }
    let store = open_state(&state).await;
    let (_, debate, _, ballots) = acknowledged[0];
    assert_eq!(
        store.tally(debate).await.expect("tally").total() as usize,
        ballots + 1
    );
    store.close().await;
    let _ = std::fs::remove_file(&state);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_ends_the_round_tells_the_debates_and_exits_within_docker_s_grace() {
    let state = state_file();
    let (mine, theirs) = (&SERVERS[1], &SERVERS[0]);
    // A vote open in the other shard's server: not this process's to speak in.
    let store = open_state(&state).await;
    let elsewhere = Debate {
        id: next(),
        pack: "benjamin".into(),
        motion: "film-makes-experts".into(),
        guild: theirs.guild.parse().ok(),
        channel: theirs.votes.parse().expect("id"),
        starter: 1,
        token: String::new(),
        lang: Lang::En,
        opened_at: aura::clock::unix_now(),
        closes_at: aura::clock::unix_now() + 600,
        closed_at: None,
        format: Format::Quick,
        message: None,
        thread: None,
        own_motion: None,
        bilingual: false,
    };
    store.open_debate(&elsewhere).await.expect("open");
    // And one of this process's votes in a channel where Discord never answers a post: its
    // notice must not hold the exit past the grace period.
    let hung = "720000000000000005";
    let stuck = Debate {
        id: next(),
        guild: mine.guild.parse().ok(),
        channel: hung.parse().expect("id"),
        ..elsewhere.clone()
    };
    store.open_debate(&stuck).await.expect("open");
    store.close().await;
    let fake = two_server_fake().await;
    fake.place_channel(hung, mine.guild);
    fake.hang_channel(hung, true);
    let class_room = mine.class;
    let mut bot = Running(Some(spawn_shard(&fake, &state, 1)));
    fake.wait_shard_ready(1, 0).await;
    let (choices, votes) = round_and_vote(&fake, mine).await;
    for m in 1..=3u64 {
        let said = press(&fake, mine, mine.quiz, m, &choices[0]).await;
        assert!(said.contains("Locked in"), "{said}");
        let said = press(&fake, mine, mine.votes, m, &votes[1]).await;
        assert!(said.contains("Your vote"), "{said}");
    }
    let class = ask(
        &fake,
        mine,
        class_room,
        (TEACHER, MANAGE_MESSAGES),
        ("debate", "start"),
        json!([{ "type": 4, "name": "format", "value": 1 }]),
    )
    .await;
    assert!(
        class.to_string().contains("class debate is open"),
        "{class}"
    );
    let (_, thread, _) = fake.threads().last().cloned().expect("a thread");
    let class_id = fake
        .posted_in(&thread)
        .iter()
        .flat_map(|p| buttons(p, "aura:db:"))
        .map(|b| id_in(&b))
        .next()
        .expect("the class debate's buttons");
    // SIGTERM: the process ends within the grace period (measured from the signal to its
    // exit), with its notices posted.
    sigterm(bot.child());
    let (status, took) = ends_within(bot.child(), Duration::from_secs(20)).await;
    bot.0 = None;
    assert_eq!(status.code(), Some(0));
    assert!(
        took < Duration::from_secs(10),
        "took {took:?} after SIGTERM"
    );
    let notices = |channel: &str, needle: &str| {
        fake.posted_in(channel)
            .iter()
            .filter(|p| p.body.to_string().contains(needle))
            .count()
    };
    assert_eq!(notices(mine.quiz, "Aura is restarting"), 1);
    assert_eq!(notices(mine.votes, "vote stays open"), 1);
    assert_eq!(notices(&thread, "restarting for a moment"), 1);
    assert!(
        fake.posted_in(theirs.votes).is_empty(),
        "spoke in the other shard's server"
    );
    // Everything is stored: the answers, the votes; both debates are still open.
    let store = open_state(&state).await;
    let csv = round_report(&store, id_in(&choices[0])).await;
    assert_eq!(csv.len(), 3, "{csv:?}");
    let vote = id_in(&votes[0]);
    assert_eq!(store.tally(vote).await.expect("tally").total(), 3);
    assert!(fake.hung_calls() >= 1, "the hung channel was tried");
    for id in [vote, class_id, elsewhere.id, stuck.id] {
        let d = store.debate(id).await.expect("read").expect("debate");
        assert!(d.closed_at.is_none(), "debate {id} was closed");
    }
    assert!(store.abandon_open_rounds(0).await.expect("q").is_empty());
    store.close().await;
    let _ = std::fs::remove_file(&state);
}

#[test]
fn bad_shard_flags_and_settings_name_what_is_wrong_and_exit_2() {
    /// The arguments, the environment, and what the error must name.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case<'_>; 6] = [
        (
            &["run", "--shards", "4", "--total-shards", "4"],
            &[],
            "--shards",
        ),
        (
            &["run", "--shards", "x-2", "--total-shards", "4"],
            &[],
            "--shards",
        ),
        (&["run", "--shards", "0-1"], &[], "--total-shards"),
        (
            &["run", "--shards", "0", "--total-shards", "0"],
            &[],
            "--total-shards",
        ),
        (&["run"], &[("AURA_SHARDS", "0-3")], "total_shards"),
        (
            &["run"],
            &[("AURA_SHARDS", "2"), ("AURA_TOTAL_SHARDS", "2")],
            "`shards`",
        ),
    ];
    for (args, env, named) in cases {
        let mut cmd = aura();
        cmd.args(args)
            .env("DISCORD_TOKEN", "fake-token")
            .env("DISCORD_API_URL", "http://127.0.0.1:9")
            .envs(env.iter().copied());
        point_at_state(&mut cmd, &state_file());
        let out = cmd.output().expect("run aura");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}: {err}");
        assert!(err.contains(named), "{args:?} {env:?}: {err}");
    }
}

/// A second process given a shard another running process holds, or another total, refuses
/// to start and says why; the first goes on serving. Once the first has stopped, its shard
/// can be taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_whose_shards_overlap_a_running_ones_refuses_to_start() {
    let state = state_file();
    let fake = two_server_fake().await;
    let mut zero = Running(Some(spawn_shard(&fake, &state, 0)));
    fake.wait_shard_ready(0, 0).await;
    for args in [["0", "2"], ["0-1", "4"]] {
        let mut cmd = aura();
        cmd.args(["run", "--shards", args[0], "--total-shards", args[1]])
            .env("DISCORD_TOKEN", token_of(shard(0)))
            .env("DISCORD_API_URL", fake.url());
        point_at_state(&mut cmd, &state);
        let out = tokio::task::spawn_blocking(move || cmd.output())
            .await
            .expect("task")
            .expect("run");
        assert!(!out.status.success(), "{args:?} started");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("shards:"), "{args:?}: {said}");
        assert!(
            said.contains("held by another running process")
                || said.contains("another running process counts 2 shards"),
            "{args:?}: {said}"
        );
    }
    // The first process still answers.
    let (choices, _) = round_and_vote(&fake, &SERVERS[0]).await;
    assert!(!choices.is_empty());
    // Stopped cleanly, it releases its shard: another process takes it at once.
    let mut first = zero.0.take().expect("running");
    sigterm(&first);
    let _ = tokio::task::spawn_blocking(move || first.wait()).await;
    let before = fake.shard_identifies(0);
    let mut again = Running(Some(spawn_shard(&fake, &state, 0)));
    fake.wait_shard_ready(0, before).await;
    assert!(again.child().try_wait().expect("status").is_none());
}
