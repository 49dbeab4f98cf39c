//! Debates end to end, as a teacher and a class run them through Discord: a class debate of
//! thirty (sides dealt, the opening vote, six speeches with their clock, points of
//! information, arguments with replies, the closing vote, the result and the summary, with
//! exact tallies and shift); the moderator's controls and a plain member refused; a restart in
//! the middle of a speech; quick votes closed by a teacher who did not start them, open for
//! two hours, surviving a restart, and their card posted through 429s and 500s.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{
    CHANNEL_ID, Callback, FakeDiscord, MANAGE_MESSAGES, MEMBER, Posted, click, command, in_channel,
    in_guild, in_guild_by_overwrite, in_server, modal_submit, string_option, subcommand,
};
use aura::clock::Clock;

const TEACHER: u64 = 4242;

fn text(v: &Value) -> String {
    v.to_string()
}

/// The text a callback shows (a deferred one's is waited for).
async fn shown(fake: &FakeDiscord, cb: &Callback) -> String {
    if cb.body["type"] == 5 {
        text(&fake.wait_for_edit(&cb.token).await)
    } else {
        text(&cb.body)
    }
}

fn assert_private(cb: &Callback, what: &str) {
    assert_eq!(cb.status, 204, "{what}: {}", cb.body);
    let errs = aura::render::limits::check_callback(&cb.body);
    assert!(errs.is_empty(), "{what}: {errs:?}");
    assert_eq!(
        cb.body["data"]["flags"], 64,
        "{what}: not private: {}",
        cb.body
    );
}

/// `/debate <sub>` in the server (in `room`), by `user` with `perms`.
async fn debate(
    fake: &FakeDiscord,
    user: u64,
    perms: u64,
    room: &str,
    sub: &str,
    options: Value,
) -> Callback {
    let payload = subcommand(next(), user, "en-US", "debate", sub, options);
    fake.interact(in_channel(in_guild(payload, perms, &[]), room))
        .await
}

/// A click by `user` in `room`.
fn press_payload(user: u64, perms: u64, room: &str, custom_id: &str, locale: &str) -> Value {
    in_channel(
        in_guild(click(next(), user, locale, custom_id, None), perms, &[]),
        room,
    )
}

async fn press(fake: &FakeDiscord, user: u64, perms: u64, room: &str, custom_id: &str) -> Callback {
    fake.interact(press_payload(user, perms, room, custom_id, "en-US"))
        .await
}

/// Many members click at once; every click is answered privately. Returns the answers.
async fn all_press(fake: &FakeDiscord, room: &str, clicks: &[(u64, String)]) -> Vec<String> {
    let mut ids = Vec::new();
    for (user, custom_id) in clicks {
        let payload = press_payload(*user, MEMBER, room, custom_id, "en-US");
        ids.push(payload["id"].as_str().unwrap_or_default().to_string());
        fake.dispatch("INTERACTION_CREATE", payload);
    }
    let mut answers = Vec::new();
    for id in ids {
        let cb = fake.callback(&id).await;
        assert_private(&cb, "a click");
        answers.push(text(&cb.body));
    }
    answers
}

/// The lines Aura posted in a thread, in order.
fn lines(fake: &FakeDiscord, room: &str) -> Vec<String> {
    fake.posted_in(room).iter().map(|p| text(&p.body)).collect()
}

async fn wait_for_line(fake: &FakeDiscord, room: &str, needle: &str, count: usize) {
    let room = room.to_string();
    let needle = needle.to_string();
    fake.wait_for_posts(Duration::from_secs(10), move |p| {
        p.iter()
            .filter(|m| m.channel == room && m.body.to_string().contains(&needle))
            .count()
            >= count
    })
    .await;
}

/// Waits for the debate's summary in its thread; returns it.
async fn summary(fake: &FakeDiscord, room: &str) -> String {
    wait_for_line(fake, room, "Debate summary", 1).await;
    lines(fake, room)
        .into_iter()
        .find(|l| l.contains("Debate summary"))
        .unwrap_or_default()
}

/// The teacher ends the debate with `/debate end`; returns the summary that follows.
async fn end(fake: &FakeDiscord, room: &str) -> String {
    let end = debate(fake, TEACHER, MANAGE_MESSAGES, room, "end", json!([])).await;
    assert!(text(&end.body).contains("has ended"), "{}", end.body);
    summary(fake, room).await
}

/// Two members volunteer, one for each side; returns Benjamin's and Adorno's.
async fn one_a_side(fake: &FakeDiscord, id: u64, room: &str) -> (u64, u64) {
    let (ben, ado) = (next(), next());
    press(fake, ben, MEMBER, room, &db(id, "join:benjamin")).await;
    press(fake, ado, MEMBER, room, &db(id, "join:adorno")).await;
    (ben, ado)
}

/// The control message as it stands: its last edit, or its first body.
fn control(fake: &FakeDiscord, room: &str) -> Value {
    let posted: Vec<Posted> = fake.posted_in(room);
    let Some(c) = posted
        .iter()
        .find(|p| text(&p.body).contains("Class debate:"))
    else {
        return Value::Null;
    };
    c.edits.last().cloned().unwrap_or_else(|| c.body.clone())
}

async fn wait_for_control(fake: &FakeDiscord, room: &str, needle: &str) {
    let room = room.to_string();
    let needle = needle.to_string();
    fake.wait_for_posts(Duration::from_secs(15), move |p| {
        p.iter()
            .filter(|m| m.channel == room && m.body.to_string().contains("Class debate:"))
            .any(|m| {
                m.edits
                    .last()
                    .unwrap_or(&m.body)
                    .to_string()
                    .contains(&needle)
            })
    })
    .await;
}

/// Starts a class debate as the teacher; returns its id and its thread.
async fn start_class(fake: &FakeDiscord, options: Value) -> (u64, String) {
    let id = next();
    let payload = subcommand(id, TEACHER, "en-US", "debate", "start", options);
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    let said = shown(fake, &cb).await;
    assert!(said.contains("class debate is open"), "{said}");
    let threads = fake.threads();
    let (_, thread, name) = threads.last().cloned().expect("a thread");
    assert!(!name.is_empty() && name.chars().count() <= 100, "{name}");
    (id, thread)
}

/// A choice option (`format`, `sides`) as Discord sends it: the choice's index.
fn choice(name: &str, index: u64) -> Value {
    json!({ "type": 4, "name": name, "value": index })
}

fn db(debate: u64, act: &str) -> String {
    format!("aura:db:{debate}:{act}")
}

/// The clicks of `members` in `vote` (`opening` or `closing`): the first `benjamin` for
/// Benjamin, the next `adorno` for Adorno, the rest undecided.
fn votes(
    debate: u64,
    vote: &str,
    members: &[u64],
    benjamin: usize,
    adorno: usize,
) -> Vec<(u64, String)> {
    members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let side = if i < benjamin {
                "benjamin"
            } else if i < benjamin + adorno {
                "adorno"
            } else {
                "undecided"
            };
            (*m, db(debate, &format!("vote:{vote}:{side}")))
        })
        .collect()
}

/// Each member's side, from the DMs Aura sent them.
fn dealt(fake: &FakeDiscord, members: &[u64]) -> HashMap<u64, &'static str> {
    members
        .iter()
        .filter_map(|m| {
            let dm = fake.posted_in(&format!("77{m}"));
            let body = text(&dm.last()?.body);
            let side = if body.contains("**Benjamin**") {
                "benjamin"
            } else if body.contains("**Adorno**") {
                "adorno"
            } else {
                return None;
            };
            Some((*m, side))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_class_of_thirty_debates_from_dealt_sides_to_the_summary() {
    let (options, clock) = Options::with_clock();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    let (id, room) = start_class(
        &fake,
        json!([
            string_option("motion", "benjamin:film-makes-experts"),
            choice("format", 1),
            string_option("speech", "2m"),
            choice("sides", 1),
        ]),
    )
    .await;
    // The motion card in the channel, the control message pinned in the thread.
    assert!(text(&fake.posted_in(CHANNEL_ID)[0].body).contains("Film makes audiences"));
    wait_for_control(&fake, &room, "I'm in").await;
    let pinned = fake.pins();
    assert!(
        pinned.iter().any(|(c, _, on)| *c == room && *on),
        "{pinned:?}"
    );

    // Thirty members say they are in, at once.
    let members: Vec<u64> = (0..30).map(|_| next()).collect();
    let clicks: Vec<(u64, String)> = members.iter().map(|m| (*m, db(id, "in"))).collect();
    for answer in all_press(&fake, &room, &clicks).await {
        assert!(answer.contains("You're in"), "{answer}");
    }
    // A member cannot move the debate on; the teacher deals the sides.
    let refused = press(&fake, members[0], MEMBER, &room, &db(id, "next")).await;
    assert!(text(&refused.body).contains("Only the member who started"));
    let dealt_cb = press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    assert_private(&dealt_cb, "deal");
    fake.wait_for_posts(Duration::from_secs(15), |p| {
        p.iter().filter(|m| m.channel.starts_with("77")).count() >= 30
    })
    .await;
    let sides = dealt(&fake, &members);
    let benjamin: Vec<u64> = members
        .iter()
        .copied()
        .filter(|m| sides.get(m) == Some(&"benjamin"))
        .collect();
    let adorno: Vec<u64> = members
        .iter()
        .copied()
        .filter(|m| sides.get(m) == Some(&"adorno"))
        .collect();
    assert_eq!((benjamin.len(), adorno.len()), (15, 15), "balanced sides");
    let mine = press(&fake, adorno[0], MEMBER, &room, &db(id, "mine")).await;
    assert!(text(&mine.body).contains("Adorno"), "{}", mine.body);

    // The opening vote: 12 Benjamin, 10 Adorno, 8 undecided; five change their minds on the way.
    let opening = votes(id, "opening", &members, 12, 10);
    let early: Vec<(u64, String)> = members[..5]
        .iter()
        .map(|m| (*m, db(id, "vote:opening:undecided")))
        .collect();
    all_press(&fake, &room, &early).await;
    for answer in all_press(&fake, &room, &opening).await {
        assert!(
            answer.contains("Your vote") || answer.contains("Vote changed"),
            "{answer}"
        );
    }
    press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    wait_for_line(&fake, &room, "Speech 1 of 6", 1).await;

    // Six speeches, each by a volunteer of its side.
    let order = [
        "benjamin", "adorno", "adorno", "benjamin", "benjamin", "adorno",
    ];
    for (n, side) in order.iter().enumerate() {
        let number = n + 1;
        let team = if *side == "benjamin" {
            &benjamin
        } else {
            &adorno
        };
        let other = if *side == "benjamin" {
            &adorno
        } else {
            &benjamin
        };
        let speaker = team[n];
        let wrong = press(
            &fake,
            other[0],
            MEMBER,
            &room,
            &db(id, &format!("speak:{number}")),
        )
        .await;
        assert!(text(&wrong.body).contains("belongs to"), "{}", wrong.body);
        let go = press(
            &fake,
            speaker,
            MEMBER,
            &room,
            &db(id, &format!("speak:{number}")),
        )
        .await;
        assert!(text(&go.body).contains("You have the floor"), "{}", go.body);
        wait_for_line(&fake, &room, &format!("Speech {number} of 6"), 2).await;
        if number == 1 {
            // A point of information from the other side, accepted by the speaker.
            let hand = press(&fake, other[1], MEMBER, &room, &db(id, "poi:1")).await;
            assert!(text(&hand.body).contains("hand is up"), "{}", hand.body);
            wait_for_control(&fake, &room, "Accept the point").await;
            let ok = press(&fake, speaker, MEMBER, &room, &db(id, "poi-yes:1")).await;
            assert!(text(&ok.body).contains("accepted"), "{}", ok.body);
            // Arguments: a claim with a verified quote, a reply, and a reply to the reply.
            let form = press(&fake, speaker, MEMBER, &room, &db(id, "argue")).await;
            assert_eq!(form.body["type"], 9, "a form: {}", form.body);
            for (user, claim, reply, source) in [
                (
                    speaker,
                    "Film trains perception through the camera.",
                    "",
                    "identification-with-camera",
                ),
                (
                    other[2],
                    "The culture industry makes everything the same.",
                    "1",
                    "infecting-with-sameness",
                ),
                (team[2], "Audiences still test what they see.", "#2", "10"),
            ] {
                let submit = modal_submit(
                    next(),
                    user,
                    "en-US",
                    &db(id, "argument"),
                    &[("claim", claim), ("reply", reply), ("source", source)],
                );
                let cb = fake
                    .interact(in_channel(in_guild(submit, MEMBER, &[]), &room))
                    .await;
                assert!(text(&cb.body).contains("Argument #"), "{}", cb.body);
            }
        }
        if number == 2 {
            // The clock: a warning at one minute left, then "time", once each.
            clock.advance(65);
            wait_for_line(&fake, &room, "left for", 1).await;
            clock.advance(60);
            wait_for_line(&fake, &room, "Time!", 1).await;
        }
        if number == 3 {
            let hand = press(&fake, other[3], MEMBER, &room, &db(id, "poi:3")).await;
            assert!(text(&hand.body).contains("hand is up"), "{}", hand.body);
            let no = press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "poi-no:3")).await;
            assert!(text(&no.body).contains("declined"), "{}", no.body);
        }
        clock.advance(100);
        press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    }
    wait_for_line(&fake, &room, "Closing vote", 1).await;
    let late_side = press(&fake, members[0], MEMBER, &room, &db(id, "join:adorno")).await;
    assert!(
        text(&late_side.body).contains("no longer"),
        "{}",
        late_side.body
    );

    // The closing vote: 9 Benjamin, 17 Adorno, 4 undecided.
    let closing = votes(id, "closing", &members, 9, 17);
    all_press(&fake, &room, &closing).await;
    press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    let summary = summary(&fake, &room).await;
    let said = lines(&fake, &room);
    for expected in [
        "Opening vote: Benjamin 12 (40%) · Adorno 10 (33%) · Undecided 8 (27%)",
        "Closing vote: Benjamin 9 (30%) · Adorno 17 (57%) · Undecided 4 (13%)",
        "Shift: Benjamin −10.0 points, Adorno +23.3 points",
        "Adorno wins",
        "1 accepted, 1 declined",
        "#3",
        "Verified quotes for Benjamin",
    ] {
        assert!(summary.contains(expected), "{expected} not in {summary}");
    }
    assert!(
        said.iter().any(|l| l.contains("🏁")),
        "the result is posted"
    );
    // The summary carries the votes before and after as a picture, described in words.
    let posted = fake.posted_in(&room);
    let summary_post = posted
        .iter()
        .find(|p| text(&p.body).contains("Debate summary"))
        .expect("the summary post");
    assert_eq!(summary_post.files.len(), 1, "one picture");
    let chart = &summary_post.files[0];
    assert_eq!(chart.name, "votes.png");
    assert!(chart.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(
        chart.bytes.len() < 512 * 1024,
        "{} bytes",
        chart.bytes.len()
    );
    let alt = chart.description.clone().unwrap_or_default();
    for expected in [
        "Benjamin: 12 before, 9 after (−10.0 points)",
        "Adorno: 10 before, 17 after (+23.3 points)",
        "Undecided: 8 before, 4 after",
    ] {
        assert!(alt.contains(expected), "{expected} not in {alt}");
    }
    assert_eq!(
        summary_post.body["embeds"][0]["image"]["url"],
        "attachment://votes.png"
    );
    wait_for_control(&fake, &room, "The debate has ended").await;
    assert!(
        aura::render::limits::check_message(&control(&fake, &room)).is_empty(),
        "the control message stays within Discord's limits"
    );
    // The export and the history.
    let export = debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "export", json!([])).await;
    assert_eq!(export.status, 204, "{}", export.body);
    let files = fake.attachments();
    let (_, name, bytes) = files.last().cloned().expect("a file");
    assert!(name.ends_with(".md"), "{name}");
    let md = String::from_utf8_lossy(&bytes);
    assert!(
        md.contains("# Debate summary") && md.contains(&format!("student{}", members[0])),
        "{md}"
    );
    let history = debate(&fake, members[3], MEMBER, CHANNEL_ID, "history", json!([])).await;
    assert!(
        text(&history.body).contains("Adorno wins"),
        "{}",
        history.body
    );
    assert!(
        fake.unknown_routes().is_empty(),
        "{:?}",
        fake.unknown_routes()
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_moderator_steers_the_clock_and_a_plain_member_is_refused() {
    let (options, clock) = Options::with_clock();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state_file(), options).await;
    let (id, room) = start_class(
        &fake,
        json!([choice("format", 1), string_option("speech", "90s")]),
    )
    .await;
    let (ben, _) = one_a_side(&fake, id, &room).await;
    for sub in ["next", "pause", "extend", "end"] {
        let cb = debate(&fake, ben, MEMBER, &room, sub, json!([])).await;
        assert!(
            text(&cb.body).contains("Only the member who started"),
            "{sub}: {}",
            cb.body
        );
    }
    debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "next", json!([])).await;
    debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "next", json!([])).await;
    // The teacher names the first speaker with /debate next; the clock runs.
    let named = json!([{ "type": 6, "name": "speaker", "value": ben.to_string() }]);
    let mut payload = subcommand(next(), TEACHER, "en-US", "debate", "next", named);
    payload["data"]["resolved"] =
        json!({ "users": { ben.to_string(): crate::fake::member_user(ben) } });
    let cb = fake
        .interact(in_channel(in_guild(payload, MANAGE_MESSAGES, &[]), &room))
        .await;
    assert_private(&cb, "next with a speaker");
    wait_for_line(&fake, &room, &format!("<@{ben}>"), 1).await;
    clock.advance(20);
    let paused = debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "pause", json!([])).await;
    assert!(text(&paused.body).contains("paused"), "{}", paused.body);
    // 70 s left (69 when a second of real time passed on the way).
    wait_for_control(&fake, &room, "paused with 1:").await;
    // Paused, the clock does not run out.
    clock.advance(300);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!lines(&fake, &room).iter().any(|l| l.contains("Time!")));
    let extended = debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "extend", json!([])).await;
    assert!(
        text(&extended.body).contains("One more minute"),
        "{}",
        extended.body
    );
    wait_for_control(&fake, &room, "paused with 2:").await;
    let resumed = debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "resume", json!([])).await;
    assert!(text(&resumed.body).contains("ends <t:"), "{}", resumed.body);
    clock.advance(131);
    wait_for_line(&fake, &room, "Time!", 1).await;
    // Next: the second speech waits for an Adorno volunteer; the teacher ends the debate.
    debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "next", json!([])).await;
    wait_for_control(&fake, &room, "Speech 2 of 6").await;
    let summary = end(&fake, &room).await;
    assert!(summary.contains("not held"), "{summary}");
    assert!(summary.contains("No closing vote was taken"), "{summary}");
    bot.stop().await;
}

/// What `/debate summary` and `/debate export` show of the result now.
/// (Each by its own member and teacher: both commands have a cooldown.)
async fn result_now(fake: &FakeDiscord, room: &str, asker: u64, teacher: u64) -> (String, String) {
    let summary = debate(fake, asker, MEMBER, room, "summary", json!([])).await;
    let summary = shown(fake, &summary).await;
    let exports = |f: &FakeDiscord| {
        f.attachments()
            .into_iter()
            .filter(|(_, name, _)| name.ends_with(".md"))
            .map(|(_, _, bytes)| String::from_utf8_lossy(&bytes).into_owned())
            .collect::<Vec<_>>()
    };
    let before = exports(fake).len();
    let export = debate(fake, teacher, MANAGE_MESSAGES, room, "export", json!([])).await;
    assert_eq!(export.status, 204, "{}", export.body);
    fake.wait_for(Duration::from_secs(10), move |f| exports(f).len() > before)
        .await;
    let md = exports(fake).pop().expect("the export");
    (summary, md)
}

/// Ballots stay secret while a vote is open: neither the public summary nor the teacher's
/// export shows a running count, or a picture of it; once the vote closes, both show it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_vote_is_counted_nowhere_until_it_closes() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let (id, room) = start_class(&fake, json!([choice("format", 1)])).await;
    one_a_side(&fake, id, &room).await;
    debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "next", json!([])).await;
    wait_for_control(&fake, &room, "Opening vote").await;
    let voters: Vec<u64> = (0..3).map(|_| next()).collect();
    all_press(&fake, &room, &votes(id, "opening", &voters, 2, 1)).await;
    let pictures = fake.attachments().len();
    let (summary, md) = result_now(&fake, &room, voters[0], TEACHER).await;
    for shown in [&summary, &md] {
        assert!(shown.contains("count stays hidden"), "{shown}");
        assert!(!shown.contains("Benjamin 2"), "a running count: {shown}");
    }
    assert_eq!(
        fake.attachments().len(),
        pictures + 1,
        "the export only: no picture of a running vote"
    );
    // The speeches start: the opening vote is closed, and counted.
    debate(&fake, TEACHER, MANAGE_MESSAGES, &room, "next", json!([])).await;
    wait_for_control(&fake, &room, "Speech 1 of").await;
    let (summary, md) = result_now(&fake, &room, voters[1], next()).await;
    for shown in [&summary, &md] {
        assert!(shown.contains("Benjamin 2"), "{shown}");
        assert!(!shown.contains("count stays hidden"), "{shown}");
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_in_the_middle_of_a_speech_says_time_once_and_goes_on() {
    let (options, clock) = Options::with_clock();
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    let (id, room) = start_class(
        &fake,
        json!([choice("format", 1), string_option("speech", "1m")]),
    )
    .await;
    let (ben, ado) = one_a_side(&fake, id, &room).await;
    press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    let voted = press(&fake, ado, MEMBER, &room, &db(id, "vote:opening:adorno")).await;
    assert!(text(&voted.body).contains("Your vote"), "{}", voted.body);
    press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    let go = press(&fake, ben, MEMBER, &room, &db(id, "speak:1")).await;
    assert!(text(&go.body).contains("You have the floor"), "{}", go.body);
    // The bot goes down mid-speech (as a crash leaves it); the speech's time runs out meanwhile.
    let bot = crash_and_restart(bot, &state, options, || clock.advance(90)).await;
    wait_for_line(&fake, &room, "Time!", 1).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let said = lines(&fake, &room);
    assert_eq!(
        said.iter().filter(|l| l.contains("Time!")).count(),
        1,
        "{said:#?}"
    );
    assert!(
        !said.iter().any(|l| l.contains("left for")),
        "no late warning: {said:#?}"
    );
    // The debate goes on where it was: the opening vote is kept, the next speech follows.
    press(&fake, TEACHER, MANAGE_MESSAGES, &room, &db(id, "next")).await;
    wait_for_control(&fake, &room, "Speech 2 of 6").await;
    let summary = end(&fake, &room).await;
    assert!(summary.contains("Adorno 1 (100%)"), "{summary}");
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}

/// Starts a quick vote as `starter`; returns its id and its card's message.
async fn start_quick(fake: &FakeDiscord, starter: u64, locale: &str) -> (u64, String) {
    let id = next();
    let payload = subcommand(
        id,
        starter,
        locale,
        "debate",
        "start",
        json!([string_option("motion", "benjamin:film-makes-experts")]),
    );
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_private(&cb, "a quick vote opened");
    let card = fake
        .posted_in(CHANNEL_ID)
        .into_iter()
        .find(|p| text(&p.body).contains(&format!("aura:vote:{id}:benjamin")))
        .expect("the card is posted in the channel");
    (id, card.id)
}

/// A new member presses `custom_id` on a quick vote's card in the channel.
async fn on_card(fake: &FakeDiscord, custom_id: &str) -> Callback {
    press(fake, next(), MEMBER, CHANNEL_ID, custom_id).await
}

/// The bot goes down as a crash leaves it, `meanwhile` happens, and it comes back on the same
/// state and fake Discord.
async fn crash_and_restart(
    bot: TestApp,
    state: &std::path::Path,
    options: Options,
    meanwhile: impl FnOnce(),
) -> TestApp {
    let fake = bot.fake.clone();
    let before = fake.identifies();
    drop(bot);
    tokio::time::sleep(Duration::from_millis(300)).await;
    meanwhile();
    let bot = TestApp::start_with(fake.clone(), state, options).await;
    fake.wait_for_connections(before + 1).await;
    bot
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quick_vote_is_closed_by_a_teacher_who_did_not_start_it() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let student = next();
    let (id, _) = start_quick(&fake, student, "id").await;
    let votes: Vec<(u64, String)> = (0..40)
        .map(|i| {
            (
                next(),
                format!(
                    "aura:vote:{id}:{}",
                    ["benjamin", "adorno", "undecided", "benjamin"][i % 4]
                ),
            )
        })
        .collect();
    for answer in all_press(&fake, CHANNEL_ID, &votes).await {
        assert!(answer.contains("Your vote"), "{answer}");
    }
    let other = on_card(&fake, &format!("aura:close:{id}")).await;
    assert!(
        text(&other.body).contains("Only the member who started"),
        "{}",
        other.body
    );
    let closed = press(
        &fake,
        TEACHER,
        MANAGE_MESSAGES,
        CHANNEL_ID,
        &format!("aura:close:{id}"),
    )
    .await;
    assert_eq!(
        closed.body["type"], 7,
        "the card shows the tally: {}",
        closed.body
    );
    let body = text(&closed.body);
    assert!(body.contains("**Benjamin**: 20 (50%)"), "{body}");
    assert!(body.contains("**Adorno**: 10 (25%)"), "{body}");
    assert!(!body.contains("aura:vote"), "{body}");
    let late = on_card(&fake, &format!("aura:vote:{id}:adorno")).await;
    assert!(text(&late.body).contains("closed"), "{}", late.body);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quick_vote_open_for_two_hours_survives_a_restart_and_shows_its_result() {
    let clock = Clock::adjustable();
    let options = Options {
        clock: clock.clone(),
        ..Options::votes_lasting(Duration::from_secs(3 * 3600))
    };
    let state = state_file();
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options.clone()).await;
    let (id, card) = start_quick(&fake, next(), "en-US").await;
    for _ in 0..3 {
        let cb = on_card(&fake, &format!("aura:vote:{id}:benjamin")).await;
        assert!(text(&cb.body).contains("Your vote"), "{}", cb.body);
    }
    let bot = crash_and_restart(bot, &state, options, || ()).await;
    // Two hours on, long past any interaction token: a vote still counts.
    clock.advance(2 * 3600);
    let cb = on_card(&fake, &format!("aura:vote:{id}:adorno")).await;
    assert!(text(&cb.body).contains("Your vote"), "{}", cb.body);
    clock.advance(3600 + 5);
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.id == card && !m.edits.is_empty())
    })
    .await;
    let edited = fake
        .posted()
        .into_iter()
        .find(|p| p.id == card)
        .expect("card");
    let shown = text(edited.edits.last().expect("an edit"));
    assert!(
        shown.contains("**Benjamin**: 3 (75%)") && shown.contains("**Adorno**: 1 (25%)"),
        "{shown}"
    );
    assert!(
        fake.edits().is_empty(),
        "no interaction token was used: {:?}",
        fake.edits()
    );
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cards_post_waits_out_a_429_retries_a_500_and_reports_persistent_failure() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    fake.fail_posts(CHANNEL_ID, &[429, 500], 0.6);
    let (id, _) = start_quick(&fake, next(), "en-US").await;
    assert_eq!(
        fake.posted_in(CHANNEL_ID)
            .iter()
            .filter(|p| text(&p.body).contains(&format!("aura:vote:{id}")))
            .count(),
        1,
        "posted once, after the retries"
    );
    fake.fail_posts(CHANNEL_ID, &[500; 10], 0.0);
    let payload = subcommand(next(), next(), "en-US", "debate", "start", json!([]));
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    let said = shown(&fake, &cb).await;
    assert!(said.contains("could not post"), "{said}");
    // The bot is still there.
    let help = fake
        .interact(crate::fake::command(
            next(),
            next(),
            "en-US",
            "help",
            json!([]),
        ))
        .await;
    assert_eq!(help.status, 204);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_arguments_is_bounded_and_another_server_is_still_answered() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let (id, room) = start_class(&fake, json!([choice("format", 1)])).await;
    // A chain of replies: a claim and five replies, each to the one before; a sixth reply
    // would go deeper than the tree goes, and is refused with the claim quoted back.
    let deep = next();
    press(&fake, deep, MEMBER, &room, &db(id, "join:adorno")).await;
    let mut reply_to = String::new();
    for level in 1..=7 {
        let claim = format!("A point at level {level} kept if refused");
        let submit = modal_submit(
            next(),
            deep,
            "en-US",
            &db(id, "argument"),
            &[("claim", &claim), ("reply", &reply_to), ("source", "")],
        );
        let cb = fake
            .interact(in_channel(in_guild(submit, MEMBER, &[]), &room))
            .await;
        let answer = text(&cb.body);
        if level <= 6 {
            let number = answer.split("Argument #").nth(1).unwrap_or_default();
            reply_to = number.split(' ').next().unwrap_or_default().to_string();
            assert!(!reply_to.is_empty(), "level {level}: {answer}");
        } else {
            assert!(answer.contains("deepest level"), "{answer}");
            assert!(answer.contains(&claim), "{answer}");
        }
    }
    // Sixteen members join Benjamin's side and each sends 21 arguments, all at once; each
    // one's last is a reply to the one before, down the deepest chain the form allows.
    let members: Vec<u64> = (0..16).map(|_| next()).collect();
    for m in &members {
        press(&fake, *m, MEMBER, &room, &db(id, "join:benjamin")).await;
    }
    let mut flood = tokio::task::JoinSet::new();
    for (i, m) in members.iter().enumerate() {
        let (fake, room, m) = (fake.clone(), room.clone(), *m);
        flood.spawn(async move {
            let mut said = Vec::new();
            for n in 0..21 {
                let claim = format!("Claim {n} of member {i} typed with care");
                let submit = modal_submit(
                    next(),
                    m,
                    "en-US",
                    &db(id, "argument"),
                    &[("claim", &claim), ("reply", ""), ("source", "")],
                );
                let cb = fake
                    .interact(in_channel(in_guild(submit, MEMBER, &[]), &room))
                    .await;
                said.push((claim, text(&cb.body)));
            }
            said
        });
    }
    // Meanwhile another server looks a concept up, and is answered well within 3 s.
    let asked = std::time::Instant::now();
    let lookup = in_server(
        command(
            next(),
            9,
            "en-US",
            "concept",
            json!([string_option("name", "aura")]),
        ),
        "390926798626357111",
        MEMBER,
        &[],
    );
    let cb = fake.interact(lookup).await;
    assert!(text(&cb.body).contains("Aura"), "{}", cb.body);
    let waited = cb.received.duration_since(asked);
    assert!(waited < Duration::from_secs(3), "answered after {waited:?}");
    let mut added = 0;
    let mut member_full = 0;
    let mut debate_full = 0;
    while let Some(said) = flood.join_next().await {
        for (claim, answer) in said.expect("a member's flood") {
            if answer.contains("Argument #") {
                added += 1;
            } else {
                // Nothing typed is lost: the refusal quotes the claim back.
                assert!(answer.contains(&claim), "{claim} not in {answer}");
                if answer.contains("the most one member adds") {
                    member_full += 1;
                } else {
                    assert!(answer.contains("the most one debate takes"), "{answer}");
                    debate_full += 1;
                }
            }
        }
    }
    // 16 × 21 = 336 sent: 20 a member at most, 300 in the debate at most (6 were there).
    assert_eq!(added, 294, "{member_full} member-full, {debate_full} full");
    assert_eq!(added + member_full + debate_full, 336);
    // The tree is still drawn, within Discord's limits.
    let tree = debate(&fake, next(), MEMBER, &room, "arguments", json!([])).await;
    assert_eq!(tree.status, 204, "{}", tree.body);
    assert!(aura::render::limits::check_callback(&tree.body).is_empty());
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_member_cannot_hold_the_servers_debates_and_a_moderator_sees_and_ends_them_all() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    // A student opens a quick vote; a second one, anywhere in the server, is refused.
    let student = next();
    let (vote, _) = start_quick(&fake, student, "en-US").await;
    let elsewhere = in_channel(
        in_guild(
            subcommand(next(), student, "en-US", "debate", "start", json!([])),
            MEMBER,
            &[],
        ),
        "645027906669510444",
    );
    // (`/debate start` has a short cooldown per member.)
    tokio::time::sleep(Duration::from_secs(2)).await;
    let refused = fake.interact(elsewhere).await;
    assert_private(&refused, "a second debate");
    assert!(
        text(&refused.body).contains("You already have a debate open"),
        "{}",
        refused.body
    );
    // A teacher opens a class debate as well.
    let (_, thread) = start_class(&fake, json!([choice("format", 1)])).await;
    // A moderator of the server, in another channel, sees both with where they run.
    let moderator = next();
    let listed = debate(
        &fake,
        moderator,
        MANAGE_MESSAGES,
        "645027906669510555",
        "history",
        json!([]),
    )
    .await;
    let listed = shown(&fake, &listed).await;
    assert!(listed.contains("Open now in this server (2)"), "{listed}");
    assert!(listed.contains(&format!("<#{CHANNEL_ID}>")), "{listed}");
    assert!(listed.contains(&format!("<#{thread}>")), "{listed}");
    assert!(listed.contains(&format!("<@{student}>")), "{listed}");
    // A member with Manage Messages in one channel only does not.
    let payload = subcommand(next(), next(), "en-US", "debate", "history", json!([]));
    let cb = fake
        .interact(in_guild_by_overwrite(payload, MANAGE_MESSAGES, &[]))
        .await;
    assert!(!shown(&fake, &cb).await.contains("Open now"));
    // The moderator ends the student's vote on its card.
    let closed = press(
        &fake,
        moderator,
        MANAGE_MESSAGES,
        CHANNEL_ID,
        &format!("aura:close:{vote}"),
    )
    .await;
    assert_eq!(closed.body["type"], 7, "{}", closed.body);
    bot.stop().await;
}

/// Without a motion, `/debate start` gives the channel the motion it has seen least recently:
/// every motion of the pack once before any repeats, then the one it saw longest ago, and so
/// on (a day between debates on the bot's clock).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_channel_gets_the_motion_it_saw_least_recently() {
    let (options, clock) = Options::with_clock();
    let state = state_file();
    let bot = TestApp::start_with(FakeDiscord::start().await, &state, options).await;
    let fake = bot.fake.clone();
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = aura::core::Core::load(&dir, aura::pack::Lang::En).expect("pack");
    let motions: Vec<(String, String)> = core.library.packs[0]
        .motions
        .iter()
        .map(|m| (m.id.clone(), m.motion.get(aura::pack::Lang::En).to_string()))
        .collect();
    let n = motions.len();
    let mut seen = Vec::new();
    for _ in 0..n + 2 {
        // A moderator of their own each time (the command's cooldown is per member).
        let (id, starter) = (next(), next());
        let payload = subcommand(id, starter, "en-US", "debate", "start", json!([]));
        let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
        assert_private(&cb, "a quick vote opened");
        let card = fake
            .posted_in(CHANNEL_ID)
            .into_iter()
            .find(|p| text(&p.body).contains(&format!("aura:vote:{id}:")))
            .expect("the card is posted in the channel");
        let body = text(&card.body);
        let (motion, _) = motions
            .iter()
            .find(|(_, title)| body.contains(title.as_str()))
            .expect("the card shows one of the pack's motions");
        seen.push(motion.clone());
        let close = format!("aura:close:{id}");
        let closed = press(&fake, TEACHER, MANAGE_MESSAGES, CHANNEL_ID, &close).await;
        assert_eq!(closed.body["type"], 7, "closed: {}", closed.body);
        clock.advance(86_400);
    }
    let first: std::collections::HashSet<&String> = seen[..n].iter().collect();
    assert_eq!(
        first.len(),
        n,
        "a motion came back while others were unseen: {seen:?}"
    );
    assert_eq!(seen[n], seen[0], "then the one seen longest ago: {seen:?}");
    assert_eq!(seen[n + 1], seen[1], "{seen:?}");
    // The channel's history pages: ten debates a page, saying how many there are, with a
    // button to the older page, and from there to the newer one.
    let cb = debate(&fake, next(), MEMBER, CHANNEL_ID, "history", json!([])).await;
    let first = shown(&fake, &cb).await;
    assert_eq!(first.matches(":d> · ").count(), 10, "{first}");
    assert!(
        first.contains(&format!("Page 1 of 2 · {} debates", n + 2)),
        "{first}"
    );
    assert!(
        first.contains("aura:dbh:1") && !first.contains("aura:dbh:0"),
        "{first}"
    );
    let older = press(&fake, next(), MEMBER, CHANNEL_ID, "aura:dbh:1").await;
    assert_eq!(older.body["type"], 7, "the list is turned: {}", older.body);
    let second = text(&older.body);
    assert_eq!(second.matches(":d> · ").count(), n + 2 - 10, "{second}");
    assert!(second.contains("Page 2 of 2"), "{second}");
    assert!(
        second.contains("aura:dbh:0") && !second.contains("aura:dbh:2"),
        "{second}"
    );
    bot.stop().await;
    let _ = std::fs::remove_file(&state);
}
