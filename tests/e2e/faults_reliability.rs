//! The fault suite, reliability part: every interaction is answered (an autocomplete inside a
//! command's cooldown, options poise cannot read, a reset button pressed by someone else), a
//! REST call that never answers does not freeze a quiz round, a gateway drop mid-question
//! loses no answer, a refused token ends `aura run` at once, SIGTERM works while Discord is
//! unreachable, and a round killed with SIGKILL is recovered at the next start.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use aura::discord::{self, Connection, Patience, Registration, Token};
use aura::store::{Location, Store};
use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, round_report, state_file};
use crate::cli::aura;
use crate::fake::{
    CHANNEL_ID, FakeDiscord, Fault, MEMBER, autocomplete, click, command, in_guild, string_option,
    subcommand,
};
use crate::support::{TEACHER, answer_buttons, press, teacher_quiz, wait_posts_in};

fn int(name: &str, value: i64) -> Value {
    json!({ "type": 4, "name": name, "value": value })
}

/// Member `m` presses `button`; the member must be told the answer is locked in.
async fn answer(fake: &FakeDiscord, m: u64, button: &str) {
    let cb = press(fake, m, MEMBER, button).await;
    assert!(
        cb.body.to_string().contains("Locked in"),
        "member {m}: {}",
        cb.body
    );
}

/// Members 1–3 answer the first question (its `buttons`) with its first choice; the teacher
/// reveals it and asks the next (each post due within `limit`), which member 4 answers.
async fn four_answers_in_two_questions(fake: &FakeDiscord, buttons: &[String], limit: Duration) {
    for m in 1..=3 {
        answer(fake, m, &buttons[0]).await;
    }
    teacher_quiz(fake, "reveal", json!([])).await;
    wait_posts_in(fake, CHANNEL_ID, 2, limit).await;
    teacher_quiz(fake, "next", json!([])).await;
    let posts = wait_posts_in(fake, CHANNEL_ID, 3, limit).await;
    let second = answer_buttons(&posts[2]);
    answer(fake, 4, &second[0]).await;
}

/// How many answers the channel's last round has on disk.
async fn stored_answers(store: &Store) -> usize {
    let round = store
        .last_round(CHANNEL_ID.parse().expect("id"))
        .await
        .expect("query")
        .expect("a round");
    round_report(store, round).await.len()
}

fn quick() -> Patience {
    Patience {
        connect: Duration::from_millis(500),
        call: Duration::from_millis(800),
        first_wait: Duration::from_millis(100),
        longest_wait: Duration::from_millis(400),
        register_attempts: 3,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_right_after_the_same_command_is_answered() {
    let bot = TestApp::start().await;
    let user = next();
    let concept = || {
        command(
            next(),
            user,
            "en-US",
            "concept",
            json!([string_option("name", "aura")]),
        )
    };
    let first = bot.fake.interact(concept()).await;
    assert_eq!(first.status, 204, "{}", first.body);
    // Inside /concept's cooldown, the member types in the same command's option again.
    let id = next();
    let cb = bot
        .fake
        .interact(autocomplete(id, user, "en-US", "concept", "name", "kult"))
        .await;
    assert_eq!(cb.body["type"], 8, "{}", cb.body);
    let choices = cb.body["data"]["choices"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!choices.is_empty(), "{}", cb.body);
    // The command itself is still cooling down, and says so politely.
    let again = bot.fake.interact(concept()).await;
    assert_eq!(again.body["data"]["flags"], 64);
    assert!(
        again.body.to_string().contains("One moment"),
        "{}",
        again.body
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn integer_options_out_of_range_get_a_polite_private_answer() {
    let bot = TestApp::start().await;
    // Negative, above 2^31 (a u32 still), and above 2^32 (poise cannot read it at all).
    for value in [-5i64, 3_000_000_000, 5_000_000_000] {
        let body = teacher_quiz(&bot.fake, "start", json!([int("questions", value)])).await;
        assert_eq!(body["type"], 4, "{value}: {body}");
        assert_eq!(body["data"]["flags"], 64, "{value}: {body}");
        let text = body.to_string();
        assert!(
            text.contains("could not read") || text.contains("1–20"),
            "{value}: {text}"
        );
    }
    // No round was started by any of them.
    let stop = teacher_quiz(&bot.fake, "stop", json!([])).await;
    assert!(stop.to_string().contains("No round is running"), "{stop}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_pressing_the_reset_buttons_is_told_privately_and_nothing_changes() {
    let bot = TestApp::start().await;
    let confirm = teacher_quiz(&bot.fake, "reset", json!([int("period", 0)])).await;
    let yes = confirm["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(yes.starts_with("aura:quiz-reset:"), "{confirm}");
    let cb = bot
        .fake
        .interact(in_guild(click(next(), 9, "en-US", &yes, None), MEMBER, &[]))
        .await;
    // A new private message, not an update of the teacher's confirmation.
    assert_eq!(cb.body["type"], 4, "{}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "{}", cb.body);
    let text = cb.body.to_string();
    assert!(text.contains("Only the member who asked"), "{text}");
    assert!(!text.to_lowercase().contains("delete"), "{text}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rest_call_that_never_answers_does_not_freeze_a_quiz_round() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let options = Options {
        patience: quick(),
        ..Options::default()
    };
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    teacher_quiz(&fake, "start", json!([int("mode", 1), int("questions", 2)])).await;
    let posts = wait_posts_in(&fake, CHANNEL_ID, 1, Duration::from_secs(10)).await;
    let buttons = answer_buttons(&posts[0]);
    assert!(!buttons.is_empty(), "{:?}", posts[0].body);
    // From now on, editing a channel message never answers.
    fake.fault("PATCH", "/channels/", Fault::Hang);
    // The reveal and the next question are posted although the question's closing edit hangs.
    four_answers_in_two_questions(&fake, &buttons, Duration::from_secs(6)).await;
    teacher_quiz(&fake, "reveal", json!([])).await;
    // Second reveal, then the round's end.
    fake.wait_for_posts(Duration::from_secs(8), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("The round is over"))
    })
    .await;
    fake.heal();
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    assert_eq!(stored_answers(&store).await, 4);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_drop_in_the_middle_of_a_question_loses_no_answer() {
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    teacher_quiz(&fake, "start", json!([int("mode", 1), int("questions", 2)])).await;
    let posts = wait_posts_in(&fake, CHANNEL_ID, 1, Duration::from_secs(10)).await;
    let buttons = answer_buttons(&posts[0]);
    for m in 1..=5 {
        answer(&fake, m, &buttons[(m as usize) % buttons.len()]).await;
    }
    let before = fake.identifies() + fake.resumes();
    fake.drop_connection();
    fake.wait_for_connections(before + 1).await;
    for m in 6..=10 {
        answer(&fake, m, &buttons[(m as usize) % buttons.len()]).await;
    }
    teacher_quiz(&fake, "reveal", json!([])).await;
    wait_posts_in(&fake, CHANNEL_ID, 2, Duration::from_secs(10)).await;
    bot.stop().await;
    let store = Store::open_for_tests(&state).await.expect("store");
    assert_eq!(stored_answers(&store).await, 10);
    store.close().await;
}

/// `aura run` against the fake, with its own state file.
fn spawn_aura(fake: &FakeDiscord, state: &std::path::Path) -> Child {
    let (database, at) = crate::app::database_env(state);
    aura()
        .arg("run")
        .env("DISCORD_TOKEN", "fake-token-value")
        .env("DISCORD_API_URL", fake.url())
        .env(database, at)
        .env("AURA_QUIZ__READ_SECONDS", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run aura")
}

/// Waits up to `limit` for the process to end; kills it (and fails) if it does not.
pub(crate) async fn ends_within(
    child: &mut Child,
    limit: Duration,
) -> (std::process::ExitStatus, Duration) {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return (status, start.elapsed());
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("aura was still running after {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

fn stderr_of(child: &mut Child) -> String {
    use std::io::Read;
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    err
}

pub(crate) fn sigterm(child: &Child) {
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_ends_aura_run_quickly_with_a_clear_message() {
    let fake = FakeDiscord::start().await;
    for route in ["/users/@me", "/gateway", "/oauth2/"] {
        fake.fault("*", route, Fault::Status(401));
    }
    let mut child = spawn_aura(&fake, &state_file());
    let (status, took) = ends_within(&mut child, Duration::from_secs(15)).await;
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(took < Duration::from_secs(10), "{took:?}");
    assert!(
        err.contains("refused the bot token") && err.contains("DISCORD_TOKEN"),
        "{err}"
    );
    assert!(!err.contains("fake-token-value"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_while_discord_is_unreachable_ends_the_process_promptly() {
    // The gateway refuses every connection (REST answers); then REST itself never answers.
    for (method, route, fault) in [
        ("GET", "/ws", Fault::Status(503)),
        ("GET", "/users/@me", Fault::Hang),
    ] {
        let fake = FakeDiscord::start().await;
        fake.fault(method, route, fault);
        let mut child = spawn_aura(&fake, &state_file());
        let f = fake.clone();
        fake.wait_for(Duration::from_secs(15), move |_| {
            f.requests(method, route) >= 1
        })
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        sigterm(&child);
        let (status, took) = ends_within(&mut child, Duration::from_secs(10)).await;
        let err = stderr_of(&mut child);
        assert_eq!(status.code(), Some(0), "{route}: {err}");
        // Well under the old 5-second gateway grace (and forever before that), with room for
        // a loaded machine.
        assert!(took < Duration::from_secs(4), "{route}: took {took:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_during_a_round_then_a_restart_recovers_it() {
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let mut first = spawn_aura(&fake, &state);
    fake.wait_for_connections(1).await;
    teacher_quiz(&fake, "start", json!([int("mode", 1), int("questions", 3)])).await;
    let posts = wait_posts_in(&fake, CHANNEL_ID, 1, Duration::from_secs(10)).await;
    let buttons = answer_buttons(&posts[0]);
    four_answers_in_two_questions(&fake, &buttons, Duration::from_secs(10)).await;
    // A crash in the middle of the second question.
    first.kill().expect("SIGKILL");
    let _ = first.wait();
    let before = fake.identifies() + fake.resumes();
    let mut second_run = spawn_aura(&fake, &state);
    fake.wait_for_connections(before + 1).await;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("restarted, so the round"))
    })
    .await;
    let notice = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(|m| m.body.to_string().contains("restarted, so the round"))
        .expect("notice");
    // A channel message: no ephemeral flag (Create Message refuses it).
    let flags = notice.body["flags"].as_u64().unwrap_or(0);
    assert_eq!(flags & 64, 0, "{}", notice.body);
    // The channel is free again.
    let started = teacher_quiz(&fake, "start", json!([])).await;
    assert!(started.to_string().contains("Round started"), "{started}");
    teacher_quiz(&fake, "stop", json!([])).await;
    sigterm(&second_run);
    let (status, _) = ends_within(&mut second_run, Duration::from_secs(20)).await;
    assert_eq!(status.code(), Some(0), "{}", stderr_of(&mut second_run));
    // The first question's answers were stored at its reveal; at most the open question's
    // answers were lost.
    let store = Store::open_for_tests(&state).await.expect("store");
    let kept = crashed_round_answers(&store, &fake).await;
    assert!(kept >= 3, "answers of the first question lost: {kept}");
    store.close().await;
}

/// Answers stored for the round that was killed (the first round in this state file).
async fn crashed_round_answers(store: &Store, fake: &FakeDiscord) -> usize {
    // The killed round's id is its starting interaction's id, carried in its buttons.
    let first = &fake.posted_in(CHANNEL_ID)[0];
    let button = answer_buttons(first).into_iter().next().unwrap_or_default();
    // aura:quiz:<round>:<question>:<choice>
    let round: u64 = button
        .split(':')
        .nth(2)
        .and_then(|r| r.parse().ok())
        .expect("round id in the button");
    round_report(store, round).await.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_is_retried_then_reported_and_a_hung_call_times_out() {
    let fake = FakeDiscord::start().await;
    let conn = Connection {
        token: Token::new("fake-token"),
        api_url: Some(fake.url()),
        register: None,
        patience: quick(),
    };
    // 5xx every time: tried `register_attempts` times, then a clear error.
    fake.fault("PUT", "/commands", Fault::Status(500));
    let e = discord::register(&conn, Registration::Global)
        .await
        .expect_err("registration fails");
    assert!(e.to_string().contains("did not take the commands"), "{e}");
    assert_eq!(fake.requests("PUT", "/commands"), 3);
    // A wrong server id: refused at once, saying what to check.
    fake.heal();
    fake.fault("PUT", "/guilds/", Fault::Status(404));
    let e = discord::register(&conn, Registration::Guild(1))
        .await
        .expect_err("registration fails");
    assert!(e.to_string().contains("Is the server id right"), "{e}");
    assert_eq!(fake.requests("PUT", "/guilds/"), 1);
    // A call that never answers ends with serenity's client timeout, not never.
    fake.heal();
    fake.fault("PUT", "/commands", Fault::Hang);
    let ended = tokio::time::timeout(
        Duration::from_secs(10),
        discord::register(&conn, Registration::Global),
    )
    .await
    .expect("registration ends although Discord never answers");
    assert!(ended.is_err());
}

/// Runs `statements` (each with what it does) on `writer`, which opened a transaction, and
/// commits it 2.5 seconds later, in a task: the locks they took are held that long.
async fn hold_a_lock<C>(mut writer: C, statements: &[(&str, &str)]) -> tokio::task::JoinHandle<()>
where
    C: Send + 'static,
    for<'c> &'c mut C: sqlx::Executor<'c>,
{
    use sqlx::Executor as _;
    for (sql, what) in statements {
        writer.execute(*sql).await.expect(what);
    }
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(2500)).await;
        writer.execute("COMMIT").await.expect("release the lock");
    })
}

/// The store is busy (another writer holds SQLite's write lock, or PostgreSQL's lock on the
/// schedules, for 2.5 s): a command that writes is deferred within Discord's 3 seconds, then its
/// answer is edited in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_store_defers_the_answer_then_edits_it_in() {
    use sqlx::Connection as _;
    let state = state_file();
    let bot = TestApp::start_on(&state).await;
    let fake = bot.fake.clone();
    let release = match Store::test_location(&state) {
        Location::File(path) => {
            let writer = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
                .await
                .expect("open the state file");
            hold_a_lock(writer, &[("BEGIN IMMEDIATE", "take the write lock")]).await
        }
        Location::Postgres(url) => {
            let writer = sqlx::PgConnection::connect(&url)
                .await
                .expect("connect to the database");
            let lock = "LOCK TABLE daily_schedules IN ACCESS EXCLUSIVE MODE";
            hold_a_lock(writer, &[("BEGIN", "begin"), (lock, "lock the schedules")]).await
        }
    };
    let options = json!([
        string_option("time", "08:00"),
        string_option("timezone", "Asia/Jakarta")
    ]);
    let asked = Instant::now();
    let cb = fake
        .interact(in_guild(
            crate::fake::with_channel(
                subcommand(next(), TEACHER, "en-US", "daily", "setup", options),
                "channel",
                CHANNEL_ID,
            ),
            crate::fake::MANAGE_GUILD,
            &[],
        ))
        .await;
    assert!(
        asked.elapsed() < Duration::from_secs(3),
        "{:?}",
        asked.elapsed()
    );
    assert_eq!(
        cb.body["type"], 5,
        "deferred while the store is busy: {}",
        cb.body
    );
    let edit = fake.wait_for_edit(&cb.token).await;
    assert!(
        edit.to_string().contains("Schedule #1 is set up"),
        "the schedule's answer, edited in: {edit}"
    );
    release.await.expect("writer");
    let store = Store::open_for_tests(&state).await.expect("store");
    assert_eq!(store.schedules(None).await.expect("read").len(), 1);
    bot.stop().await;
}
