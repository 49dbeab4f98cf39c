//! The class debate's flow through the store and a recording outbox, on an adjustable clock:
//! sides, both votes, speeches with their clock, points of information, arguments, the result.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::flow::{self, Start};
use super::{Act, Class, Command, Phase, Poll, SidesMode, clock};
use crate::core::Core;
use crate::debate::Side;
use crate::debate::tests::member;
use crate::interaction::{Invocation, Outcome, perms};
use crate::outbox::recorder::{Recorder, Sent};
use crate::pack::Lang;
use crate::services::{Pace, Services};
use crate::store::Store;

async fn services(outbox: Arc<Recorder>) -> Services {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    let pace = Pace {
        debate_seed: Some(3),
        speech_secs: 120,
        ..Pace::default()
    };
    Services::new(core, store, outbox, pace).with_clock(crate::clock::Clock::adjustable())
}

fn text(o: &Outcome) -> String {
    match o {
        Outcome::Reply(r) => crate::render::to_text(r),
        other => format!("{other:?}"),
    }
}

fn said(outbox: &Recorder, room: u64) -> Vec<String> {
    outbox
        .posts()
        .into_iter()
        .filter(|(c, _)| *c == room)
        .map(|(_, m)| crate::render::to_text(&m.reply))
        .collect()
}

/// The debate the test runs: its id (the starting interaction's).
const DEBATE: u64 = 500;

/// A class debate under way in its thread, with the outbox that records what it says.
struct Run {
    s: Services,
    outbox: Arc<Recorder>,
    room: u64,
}

impl Run {
    /// Member `user`'s `n`th interaction in the thread.
    fn at(&self, n: u64, user: u64) -> Invocation {
        member(1000 + n, user, self.room)
    }

    /// The teacher's `n`th interaction in the thread.
    fn teach(&self, n: u64) -> Invocation {
        Invocation {
            permissions: perms::MANAGE_MESSAGES,
            ..member(2000 + n, 1, self.room)
        }
    }

    async fn class(&self) -> Class {
        self.s
            .store
            .class(DEBATE)
            .await
            .expect("read")
            .expect("class")
    }
}

#[tokio::test]
async fn a_class_debate_runs_from_sides_to_result() {
    let run = open_in_a_thread().await;
    members_take_sides(&run).await;
    let (benjamin, adorno) = the_opening_vote(&run).await;
    the_first_speech(&run, &benjamin, &adorno).await;
    pause_extend_and_resume(&run, &adorno).await;
    arguments(&run, &benjamin, &adorno).await;
    the_closing_vote_and_result(&run).await;
    the_gradebook_counts_what_each_member_did(&run, &benjamin, &adorno).await;
}

/// The term gradebook's debating columns, by hand: ten members with two ballots each (opening
/// and closing), three arguments (two citing: a quote, a section), and each started speech
/// counted for its speaker.
async fn the_gradebook_counts_what_each_member_did(run: &Run, benjamin: &[u64], adorno: &[u64]) {
    let guild = run
        .s
        .store
        .debate(DEBATE)
        .await
        .expect("read")
        .expect("debate")
        .guild;
    let done = run
        .s
        .store
        .debating(guild.expect("a server"), 0)
        .await
        .expect("debating");
    for u in 10..20 {
        assert_eq!(done[&u].ballots, 2, "member {u}");
    }
    let args = |u: u64| done.get(&u).map_or((0, 0), |d| (d.arguments, d.cited));
    assert_eq!(args(benjamin[2]), (1, 1));
    assert_eq!(args(adorno[2]), (1, 1), "the refused one is not counted");
    assert_eq!(args(benjamin[3]), (1, 0));
    let c = run.class().await;
    let mut speeches: HashMap<u64, u64> = HashMap::new();
    for sp in c.speeches.iter().filter(|sp| sp.started_at.is_some()) {
        if let Some((speaker, _)) = &sp.speaker {
            *speeches.entry(*speaker).or_default() += 1;
        }
    }
    assert!(!speeches.is_empty());
    for u in 10..20 {
        let given = done.get(&u).map_or(0, |d| d.speeches);
        assert_eq!(given, speeches.get(&u).copied().unwrap_or(0), "member {u}");
    }
}

/// A teacher opens the debate (sides assigned, 90 s speeches): it runs in a pinned thread.
async fn open_in_a_thread() -> Run {
    let outbox = Arc::new(Recorder::new());
    let s = services(outbox.clone()).await;
    let teacher = Invocation {
        permissions: perms::MANAGE_MESSAGES,
        ..member(DEBATE, 1, 2)
    };
    let args = Start {
        motion: Some("benjamin:film-makes-experts".into()),
        speech: Some("90s".into()),
        sides: Some(SidesMode::Assign),
        language: None,
        bilingual: None,
    };
    let started = flow::start(&s, &teacher, args).await.expect("start");
    assert!(
        text(&started).contains("class debate is open"),
        "{}",
        text(&started)
    );
    let sent = outbox.sent();
    assert!(
        sent.iter()
            .any(|x| matches!(x, Sent::Thread { channel: 2, .. })),
        "{sent:?}"
    );
    let d = s.store.debate(DEBATE).await.expect("read").expect("debate");
    let room = d.thread.expect("runs in its thread");
    assert!(
        sent.iter().any(|x| matches!(x, Sent::Pin { .. })),
        "{sent:?}"
    );
    Run { s, outbox, room }
}

/// Ten members say they are in; only the teacher deals the sides; a late one is refused.
async fn members_take_sides(run: &Run) {
    let (s, id) = (&run.s, DEBATE);
    for u in 10..20 {
        let o = flow::click(s, &run.at(u, u), id, Act::Join(None))
            .await
            .expect("in");
        assert!(text(&o).contains("You're in"), "{}", text(&o));
    }
    let plain = flow::click(s, &run.at(30, 10), id, Act::Next(None))
        .await
        .expect("next");
    assert!(text(&plain).contains("Only the member who started"));
    flow::click(s, &run.teach(1), id, Act::Next(None))
        .await
        .expect("deal");
    let c = run.class().await;
    assert_eq!(c.phase, Phase::Opening);
    assert_eq!(c.on(Side::Benjamin).count(), 5);
    assert_eq!(c.on(Side::Adorno).count(), 5);
    let late = flow::click(s, &run.at(31, 40), id, Act::Join(None))
        .await
        .expect("late");
    assert!(text(&late).contains("no longer"), "{}", text(&late));
}

/// Opening vote: 4 Benjamin, 4 Adorno, 2 undecided; a closing ballot is refused this early.
/// Then the first speech: the members of each side (Benjamin's, Adorno's).
async fn the_opening_vote(run: &Run) -> (Vec<u64>, Vec<u64>) {
    let (s, id) = (&run.s, DEBATE);
    for (i, u) in (10..20).enumerate() {
        let side = [
            Side::Benjamin,
            Side::Adorno,
            Side::Benjamin,
            Side::Adorno,
            Side::Undecided,
        ][i % 5];
        flow::click(s, &run.at(40 + u, u), id, Act::Ballot(Poll::Opening, side))
            .await
            .expect("ballot");
    }
    let wrong = flow::click(
        s,
        &run.at(60, 10),
        id,
        Act::Ballot(Poll::Closing, Side::Adorno),
    )
    .await
    .expect("early closing ballot");
    assert!(text(&wrong).contains("closed"), "{}", text(&wrong));
    // Two moderators press Next on the same message at once: the debate moves once, and the
    // second is told so.
    let shown = run.class().await.shown(s.clock.unix());
    let (first, second) = (run.teach(2), run.teach(90));
    let (a, b) = tokio::join!(
        flow::click(s, &first, id, Act::Next(Some(shown))),
        flow::click(s, &second, id, Act::Next(Some(shown))),
    );
    let answers = [text(&a.expect("next")), text(&b.expect("next"))];
    let told = answers
        .iter()
        .filter(|t| t.contains("moved the debate on a moment ago"));
    assert_eq!(told.count(), 1, "{answers:?}");
    let c = run.class().await;
    assert_eq!((c.phase, c.speech), (Phase::Speech, 1));
    // Pressed again later from the old message: still nothing moves.
    let stale = flow::click(s, &run.teach(91), id, Act::Next(Some(shown)))
        .await
        .expect("stale next");
    assert!(text(&stale).contains("a moment ago"), "{}", text(&stale));
    let c = run.class().await;
    assert_eq!((c.phase, c.speech), (Phase::Speech, 1));
    let benjamin: Vec<u64> = c.on(Side::Benjamin).map(|m| m.id).collect();
    let adorno: Vec<u64> = c.on(Side::Adorno).map(|m| m.id).collect();
    (benjamin, adorno)
}

/// A Benjamin member volunteers (an Adorno member may not); a point of information from the
/// other side, accepted; the clock warns at half time and calls "time" once.
async fn the_first_speech(run: &Run, benjamin: &[u64], adorno: &[u64]) {
    let (s, id) = (&run.s, DEBATE);
    let no = flow::click(s, &run.at(61, adorno[0]), id, Act::Speak(1))
        .await
        .expect("speak");
    assert!(text(&no).contains("belongs to Benjamin"), "{}", text(&no));
    // Two Benjamin members press "I'll speak" at once: one has the floor and is the speaker
    // of record; the other is told it is taken.
    let (first, second) = (run.at(62, benjamin[0]), run.at(66, benjamin[1]));
    let (a, b) = tokio::join!(
        flow::click(s, &first, id, Act::Speak(1)),
        flow::click(s, &second, id, Act::Speak(1)),
    );
    let (a, b) = (text(&a.expect("speak")), text(&b.expect("speak")));
    let floor = |t: &str| t.contains("You have the floor");
    assert!(floor(&a) != floor(&b), "one speaker: {a} / {b}");
    let speaker = if floor(&a) { benjamin[0] } else { benjamin[1] };
    let c = run.class().await;
    let of_record = c.current().and_then(|sp| sp.speaker.as_ref().map(|x| x.0));
    assert_eq!(of_record, Some(speaker));
    // A hand up; the answer acts on the hand the message showed.
    let hand = flow::click(s, &run.at(63, adorno[1]), id, Act::Poi(1))
        .await
        .expect("poi");
    assert!(text(&hand).contains("hand is up"), "{}", text(&hand));
    let shown = run.class().await;
    let first_hand = shown.pois_in(1).next().map(|p| p.id);
    let own = flow::click(s, &run.at(64, benjamin[1]), id, Act::Poi(1))
        .await
        .expect("poi");
    assert!(text(&own).contains("other side"), "{}", text(&own));
    let ok = flow::click(
        s,
        &run.at(65, speaker),
        id,
        Act::PoiAnswer(1, true, first_hand),
    )
    .await
    .expect("answer");
    assert!(text(&ok).contains("accepted"), "{}", text(&ok));
    assert!(
        text(&ok).contains(&format!("<@{}>", adorno[1])),
        "{}",
        text(&ok)
    );
    // Another hand goes up; the first hand's message pressed again declines nobody.
    let second_hand = flow::click(s, &run.at(68, adorno[2]), id, Act::Poi(1))
        .await
        .expect("poi");
    assert!(
        text(&second_hand).contains("hand is up"),
        "{}",
        text(&second_hand)
    );
    let again = flow::click(
        s,
        &run.at(67, speaker),
        id,
        Act::PoiAnswer(1, false, first_hand),
    )
    .await
    .expect("answer");
    assert!(!text(&again).contains("declined"), "{}", text(&again));
    // The clock: a warning at half time (90 s speech: 45 s left), "time" once.
    s.clock.advance(50);
    clock::tick(s).await.expect("tick");
    clock::tick(s).await.expect("tick");
    s.clock.advance(45);
    clock::tick(s).await.expect("tick");
    clock::tick(s).await.expect("tick");
    let lines = said(&run.outbox, run.room);
    assert_eq!(
        lines.iter().filter(|l| l.contains("left for")).count(),
        1,
        "{lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("Time!")).count(),
        1,
        "{lines:#?}"
    );
}

/// Pause, extend and resume work on the next speech, given to a named speaker.
async fn pause_extend_and_resume(run: &Run, adorno: &[u64]) {
    let s = &run.s;
    flow::click(s, &run.teach(3), DEBATE, Act::Next(None))
        .await
        .expect("end speech 1");
    flow::command(
        s,
        &run.teach(4),
        Command::Next {
            speaker: Some((adorno[0], "A".into())),
        },
    )
    .await
    .expect("start speech 2 with a named speaker");
    let c = run.class().await;
    let sp = c.current().expect("speech 2").clone();
    assert_eq!(sp.speaker.as_ref().map(|x| x.0), Some(adorno[0]));
    s.clock.advance(10);
    flow::command(s, &run.teach(5), Command::Pause)
        .await
        .expect("pause");
    s.clock.advance(100);
    clock::tick(s)
        .await
        .expect("a paused speech never times out");
    flow::command(s, &run.teach(6), Command::Extend)
        .await
        .expect("extend");
    flow::command(s, &run.teach(7), Command::Resume)
        .await
        .expect("resume");
    let c = run.class().await;
    let sp = c.current().expect("speech 2").clone();
    // 80 s were left, one minute more; the clock also runs with real time, so a second may
    // tick between the steps.
    let expected = s.clock.unix() + 80 + 60;
    assert!(
        sp.deadline
            .is_some_and(|d| (expected - 2..=expected).contains(&d)),
        "{sp:?}"
    );
}

/// An argument with a reply; a bad source is refused with the claim quoted back.
async fn arguments(run: &Run, benjamin: &[u64], adorno: &[u64]) {
    let (s, id) = (&run.s, DEBATE);
    let values = |claim: &str, reply: &str, source: &str| {
        vec![
            ("claim".to_string(), claim.to_string()),
            ("reply".to_string(), reply.to_string()),
            ("source".to_string(), source.to_string()),
        ]
    };
    let a1 = flow::argument(
        s,
        &run.at(70, benjamin[2]),
        id,
        &values("Film trains perception.", "", "identification-with-camera"),
    )
    .await
    .expect("argue");
    assert!(text(&a1).contains("Argument #1"), "{}", text(&a1));
    let bad = flow::argument(
        s,
        &run.at(71, adorno[2]),
        id,
        &values("It trains conformity.", "1", "no-such-quote"),
    )
    .await
    .expect("argue");
    assert!(
        text(&bad).contains("It trains conformity"),
        "{}",
        text(&bad)
    );
    flow::argument(
        s,
        &run.at(72, adorno[2]),
        id,
        &values("It trains conformity.", "#1", "5"),
    )
    .await
    .expect("argue");
    // A claim typed over several lines, with what Markdown would read as a heading or a list.
    flow::argument(
        s,
        &run.at(73, benjamin[3]),
        id,
        &values("Shock\n===\n# Not a heading\n- nor a list", "", ""),
    )
    .await
    .expect("argue");
}

/// Through the remaining speeches to the closing vote (7 Adorno, 3 Benjamin), the result and
/// its summary; a ballot after the end is refused.
async fn the_closing_vote_and_result(run: &Run) {
    let (s, id) = (&run.s, DEBATE);
    for n in 0..9 {
        flow::click(s, &run.teach(10 + n), id, Act::Next(None))
            .await
            .expect("next");
    }
    let c = run.class().await;
    assert_eq!(c.phase, Phase::Closing, "{:?}", c.speeches);
    for (i, u) in (10..20).enumerate() {
        let side = if i < 7 { Side::Adorno } else { Side::Benjamin };
        flow::click(s, &run.at(80 + u, u), id, Act::Ballot(Poll::Closing, side))
            .await
            .expect("ballot");
    }
    flow::click(s, &run.teach(30), id, Act::Next(None))
        .await
        .expect("result");
    let c = run.class().await;
    assert_eq!(c.phase, Phase::Done);
    assert!(c.debate.closed_at.is_some());
    assert_eq!(c.opening.total(), 10);
    assert_eq!((c.closing.adorno, c.closing.benjamin), (7, 3));
    let lines = said(&run.outbox, run.room);
    let summary = lines
        .iter()
        .find(|l| l.contains("Debate summary"))
        .expect("summary");
    assert!(summary.contains("Adorno wins"), "{summary}");
    assert!(summary.contains("#2"), "{summary}");
    // The export is plain text where members wrote: their claim is one line of the list, no
    // heading, no underline that would make the line above a heading.
    let md = crate::debate::view::summary::export(&s.core, &c, Lang::En);
    let claim = md
        .lines()
        .find(|l| l.contains("Shock"))
        .unwrap_or_else(|| panic!("the claim in {md}"));
    assert!(
        claim.contains("Not a heading") && claim.contains("nor a list"),
        "{md}"
    );
    for line in md.lines() {
        let line = line.trim_start();
        assert!(!line.starts_with("==="), "a Setext underline: {md}");
        assert!(
            !line.starts_with("# Not") && !line.starts_with("- nor"),
            "member text as Markdown: {md}"
        );
    }
    let again = flow::click(
        s,
        &run.at(99, 10),
        id,
        Act::Ballot(Poll::Closing, Side::Benjamin),
    )
    .await
    .expect("late");
    assert!(text(&again).contains("ended"), "{}", text(&again));
}
