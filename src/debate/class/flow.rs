//! What members and moderators do in a class debate: `/debate start format:class` opens the
//! thread and its control message; the buttons join sides, vote, volunteer, raise hands and add
//! arguments; the moderator's buttons and commands move the debate on, pause, resume and
//! extend speeches, and end it with the result and the summary. Every answer to a click is
//! private; the control message follows through [`refresh`].

use rand::Rng;

use super::announce::{announce_start, say};
use super::deal;
use super::{Act, Class, Clock, Command, Phase, Refusal, SidesMode, Step};
use super::{members, refresh};
use crate::audit::{self, Action};
use crate::debate::rules::{self, LIFETIME, choose, here, notice, over_limit};
use crate::debate::view::result::side_name;
use crate::debate::view::{self as cards, class as view, summary as told};
use crate::debate::{Debate, Format, Side};
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::outbox::Message;
use crate::reply::Reply;
use crate::services::{Error, Services};
use crate::store::Setup;
pub use members::argument;

/// What "extend" adds to a speech.
pub const EXTENSION: i64 = 60;
/// `/debate start format:class`'s options.
#[derive(Debug, Clone, Default)]
pub struct Start {
    pub motion: Option<String>,
    pub speech: Option<String>,
    pub sides: Option<SidesMode>,
    /// Its language, and both languages side by side (`None`: as the server's shared posts
    /// are).
    pub language: Option<crate::pack::Lang>,
    pub bilingual: Option<bool>,
}

/// Opens a class debate: the motion card in the channel, a thread on it named after the
/// motion, and the pinned control message in the thread.
pub async fn start(s: &Services, inv: &Invocation, args: Start) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        return Ok(notice(lang, "class-server-only"));
    };
    let speech_secs = match args.speech.as_deref() {
        None => s.pace.speech_secs,
        Some(text) => match deal::speech_or_refusal(text, lang) {
            Ok(secs) => secs,
            Err(notice) => return Ok(Outcome::Reply(*notice)),
        },
    };
    if let Some(refusal) = inv.bot_refusal() {
        return Ok(Outcome::Reply(refusal));
    }
    let chosen = match choose(s, inv, args.motion.as_deref()).await? {
        Ok(found) => found,
        Err(notice) => return Ok(Outcome::Reply(*notice)),
    };
    if let Some(notice) = over_limit(s, inv, guild).await? {
        return Ok(Outcome::Reply(notice));
    }
    let opened_at = s.clock.unix();
    let record = crate::debate::rules::opened_by(
        inv,
        chosen,
        Format::Class,
        opened_at,
        opened_at + LIFETIME,
    );
    let shown = (args.language, args.bilingual);
    let record = crate::debate::rules::in_posts_language(s, record, shown).await;
    let setup = Setup {
        sides_mode: args.sides.unwrap_or(SidesMode::Join),
        speech_secs,
        seed: s
            .pace
            .debate_seed
            .unwrap_or_else(|| rand::thread_rng().r#gen::<u32>().into()),
        ping_speakers: s.store.debate_pings(guild).await?,
        order: super::order(s.pace.speeches),
    };
    s.store.start_class(&record, &setup).await?;
    match open_room(s, &record).await {
        Ok(room) => Ok(Outcome::private(tr(
            lang,
            "class-started",
            &[("room", &format!("<#{room}>"))],
        ))),
        Err(e) => {
            tracing::warn!(debate = record.id, error = %e, "could not open a class debate");
            s.store.drop_debate(record.id).await?;
            Ok(notice(lang, "class-cannot-post"))
        }
    }
}

/// Posts the motion card, opens the thread and posts and pins the control message; returns
/// where the debate runs (the thread, or the channel when no thread could be opened).
async fn open_room(s: &Services, d: &Debate) -> Result<u64, Error> {
    let core = &s.core;
    let (pack, motion) = d
        .motion_in(&core.library)
        .ok_or_else(|| anyhow::anyhow!("the motion vanished from the pack"))?;
    let intro = cards::motion_in_both(d, pack, motion, |lang| {
        let mut intro = cards::intro(pack, motion, lang);
        if d.own_motion.is_some() {
            let label = crate::i18n::t(lang, "course-by-teacher");
            intro.text = format!("{label}\n{}", intro.text);
        }
        intro
    });
    let card = s.outbox.post(d.channel, &Message::from(intro)).await?;
    let name = crate::text::truncate(motion.motion.get(d.lang), 100);
    let thread = match s.outbox.start_thread(d.channel, card, &name).await {
        Ok(thread) => Some(thread),
        Err(e) => {
            tracing::info!(debate = d.id, error = %e, "no thread: the debate runs in the channel");
            None
        }
    };
    let room = thread.unwrap_or(d.channel);
    s.store.set_debate_messages(d.id, None, thread).await?;
    let class = s
        .store
        .class(d.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the debate vanished"))?;
    let control = view::control_card(core, &class, s.clock.unix());
    let message = s.outbox.post(room, &Message::from(control)).await?;
    s.store
        .set_debate_messages(d.id, Some(message), thread)
        .await?;
    if let Err(e) = s.outbox.pin(room, message).await {
        tracing::info!(debate = d.id, error = %e, "the control message could not be pinned");
    }
    Ok(room)
}

/// A click on a class debate's control message.
pub async fn click(s: &Services, inv: &Invocation, id: u64, act: Act) -> Result<Outcome, Error> {
    let lang = inv.lang;
    // A ballot, the burst of a vote, is one statement that checks the phase, the room and
    // that the debate is open; the debate is read only to explain a refusal.
    if let Act::Ballot(poll, side) = act {
        return members::ballot(s, inv, id, poll, side).await;
    }
    let Some(c) = s.store.class(id).await?.filter(|c| here(&c.debate, inv)) else {
        return Ok(notice(lang, "error-stale-button"));
    };
    if c.phase == Phase::Done || c.debate.closed_at.is_some() {
        return Ok(notice(lang, "class-ended"));
    }
    match act {
        Act::Join(side) => members::join(s, inv, &c, side).await,
        Act::Ballot(poll, side) => members::ballot(s, inv, id, poll, side).await,
        Act::MySide => Ok(Outcome::private(match c.side_of(inv.user) {
            Some(side) => tr(lang, "class-your-side", &[("side", &side_name(lang, side))]),
            None => t(lang, "class-no-side"),
        })),
        // What members do during a speech, refused once it is no longer the current one.
        Act::Speak(n) | Act::Poi(n) | Act::PoiAnswer(n, _, _) => {
            let Some(sp) = c.current().filter(|sp| sp.number == n) else {
                return Ok(notice(lang, "class-speech-over"));
            };
            let now = s.clock.unix();
            let during = members::During {
                s,
                inv,
                c: &c,
                sp,
                now,
            };
            match act {
                Act::Speak(_) => during.volunteer().await,
                Act::PoiAnswer(_, yes, hand) => during.answer_poi(yes, hand).await,
                _ => during.raise().await,
            }
        }
        Act::Argue => Ok(members::argue_form(inv, &c)),
        Act::Argument => Ok(notice(lang, "error-stale-button")),
        Act::Next(_) | Act::Pause(_) | Act::Extend => {
            if !rules::may_close(s, &c.debate, inv).await? {
                return Ok(notice(lang, "class-not-moderator"));
            }
            let now = s.clock.unix();
            let paused = matches!(
                c.current().map(|sp| sp.clock(now)),
                Some(Clock::Paused { .. })
            );
            // The message's state, not the debate's now: a second press of what a first press
            // already acted on is told so, and changes nothing.
            let moved = match act {
                Act::Next(Some(shown)) => shown != c.shown(now),
                Act::Pause(Some((n, was_paused))) => {
                    c.current().map(|sp| sp.number) != Some(n) || was_paused != paused
                }
                _ => false,
            };
            if moved {
                return Ok(notice(lang, Refusal::MovedAlready.key()));
            }
            let cmd = match act {
                Act::Next(_) => Command::Next { speaker: None },
                Act::Pause(_) if paused => Command::Resume,
                Act::Pause(_) => Command::Pause,
                _ => Command::Extend,
            };
            steer(s, inv, c, cmd).await
        }
    }
}

/// A moderator's `/debate next|pause|resume|extend|end|speaker`, or `/debate arguments`,
/// `summary` and `export`, on the debate of this thread or channel.
pub async fn command(s: &Services, inv: &Invocation, cmd: Command) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let reading = matches!(cmd, Command::Arguments | Command::Summary | Command::Export);
    let id = if reading {
        s.store.last_class_in(inv.channel).await?
    } else {
        s.store.class_in(inv.channel).await?
    };
    let Some(c) = (match id {
        Some(id) => s.store.class(id).await?,
        None => None,
    })
    .filter(|c| c.debate.guild == inv.guild) else {
        return Ok(notice(lang, "class-none-here"));
    };
    match cmd {
        Command::Arguments => Ok(Outcome::Reply(Reply {
            ephemeral: true,
            ..told::arguments(&s.core, &c, lang)
        })),
        Command::Summary => Ok(Outcome::Reply(told::summary(&s.core, &c, c.debate.lang))),
        Command::Export => Ok(Outcome::File {
            reply: Reply {
                text: t(lang, "class-export-ready"),
                ephemeral: true,
                ..Reply::default()
            },
            name: format!("debate-{}.md", c.debate.id),
            bytes: told::export(&s.core, &c, lang).into_bytes(),
        }),
        cmd => {
            if !rules::may_close(s, &c.debate, inv).await? {
                return Ok(notice(lang, "class-not-moderator"));
            }
            steer(s, inv, c, cmd).await
        }
    }
}

/// The moderator's moves (access already checked).
async fn steer(s: &Services, inv: &Invocation, c: Class, cmd: Command) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let now = s.clock.unix();
    let id = c.debate.id;
    let current = c.current().cloned();
    let outcome = match cmd {
        Command::Next { speaker } => return next(s, inv, c, speaker).await,
        Command::End => {
            if finish(s, id, false).await? {
                if let Some(guild) = c.debate.guild {
                    let action = Action::DebateClosed {
                        channel: c.debate.channel,
                    };
                    audit::record(s, guild, inv.user, action).await;
                }
                Outcome::private(t(lang, "class-ended-now"))
            } else {
                notice(lang, "class-ended")
            }
        }
        Command::Speaker { member } => {
            let Some(sp) = current else {
                return Ok(notice(lang, "class-no-speech"));
            };
            s.store
                .set_speaker(id, sp.number, (member.0, &member.1))
                .await?;
            if sp.clock(now) == Clock::Waiting {
                s.store.start_speech(id, sp.number, now).await?;
                announce_start(s, id, sp.number).await?;
            } else {
                let speaker = format!("<@{}>", member.0);
                let line = |lang| tr(lang, "class-speaker-changed", &[("speaker", &speaker)]);
                say(s, &c, line, None).await;
            }
            Outcome::private(tr(
                lang,
                "class-speaker-set",
                &[("speaker", &format!("<@{}>", member.0))],
            ))
        }
        Command::Pause | Command::Resume | Command::Extend => {
            let Some(sp) = current else {
                return Ok(notice(lang, "class-no-speech"));
            };
            let (done, key) = match cmd {
                Command::Pause => (
                    s.store.pause_speech(id, sp.number, now).await?,
                    "class-paused",
                ),
                Command::Resume => (
                    s.store.resume_speech(id, sp.number, now).await?,
                    "class-resumed",
                ),
                _ => (
                    s.store.extend_speech(id, sp.number, EXTENSION, now).await?,
                    "class-extended",
                ),
            };
            if !done {
                return Ok(notice(lang, "class-clock-unchanged"));
            }
            let fresh = s.store.class(id).await?;
            let deadline = fresh
                .as_ref()
                .and_then(|f| f.current())
                .and_then(|sp| sp.deadline)
                .unwrap_or(now);
            let ends = format!("<t:{deadline}:R>");
            say(s, &c, |lang| tr(lang, key, &[("ends", &ends)]), None).await;
            Outcome::private(tr(lang, key, &[("ends", &format!("<t:{deadline}:R>"))]))
        }
        Command::Arguments | Command::Summary | Command::Export => {
            notice(lang, "error-stale-button")
        }
    };
    refresh::request(s, id);
    Ok(outcome)
}

/// Moves the debate on one step: what [`Class::next`] decides, claimed once in the store (a
/// second click finds the debate moved), then said in the room.
async fn next(
    s: &Services,
    inv: &Invocation,
    c: Class,
    speaker: Option<(u64, String)>,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let now = s.clock.unix();
    let id = c.debate.id;
    let step = c.next(now, speaker);
    if let Some((from, to)) = step.moves() {
        if !s.store.move_class(id, from, to).await? {
            return Ok(notice(lang, Refusal::MovedAlready.key()));
        }
        refresh::request(s, id);
    }
    Ok(match take(s, &c, step, now).await? {
        Ok(key) => Outcome::private(t(lang, key)),
        Err(refusal) => notice(lang, refusal.key()),
    })
}

/// Does and announces a step whose move of phase is claimed; the key of the moderator's
/// answer, or why nothing moved (a speech's start and the debate's close claim themselves).
async fn take(
    s: &Services,
    c: &Class,
    step: Step,
    now: i64,
) -> Result<Result<&'static str, Refusal>, Error> {
    let id = c.debate.id;
    match step {
        Step::OpenOpening { deal } => {
            if let Some(dealt) = deal {
                s.store.deal_sides(id, &dealt).await?;
                tell_sides(s, c, dealt);
            }
            say(s, c, |lang| t(lang, "class-opening-open"), None).await;
            return Ok(Ok("class-opening-open"));
        }
        Step::Start { number, speaker } => {
            if let Some(member) = &speaker {
                s.store
                    .set_speaker(id, number, (member.0, &member.1))
                    .await?;
            }
            if !s.store.start_speech(id, number, now).await? {
                return Ok(Err(Refusal::MovedAlready));
            }
            refresh::request(s, id);
            announce_start(s, id, number).await?;
        }
        Step::Begin {
            ended,
            number,
            speaker,
        } => {
            if let Some(ended) = ended {
                s.store.end_speech(id, ended, now).await?;
                s.store.lower_hands(id, ended).await?;
            }
            begin_speech(s, c, number, speaker).await?;
        }
        Step::OpenClosing { ended } => {
            s.store.end_speech(id, ended, now).await?;
            s.store.lower_hands(id, ended).await?;
            say(s, c, |lang| t(lang, "class-closing-open"), None).await;
        }
        Step::Finish => {
            if !finish(s, id, false).await? {
                return Ok(Err(Refusal::Ended));
            }
            return Ok(Ok("class-ended-now"));
        }
        Step::Refuse(refusal) => return Ok(Err(refusal)),
    }
    Ok(Ok("class-moved"))
}

/// A speech becomes current: it waits for a volunteer, or starts at once with the speaker the
/// moderator named.
async fn begin_speech(
    s: &Services,
    c: &Class,
    number: u32,
    speaker: Option<(u64, String)>,
) -> Result<(), Error> {
    let id = c.debate.id;
    match speaker {
        Some(member) => {
            s.store
                .set_speaker(id, number, (member.0, &member.1))
                .await?;
            s.store.start_speech(id, number, s.clock.unix()).await?;
            announce_start(s, id, number).await
        }
        None => {
            if let Some(sp) = c.speeches.iter().find(|sp| sp.number == number) {
                say(s, c, |lang| view::speech_waiting(c, sp, lang), None).await;
            }
            Ok(())
        }
    }
}

/// Tells each dealt member their side by direct message, in the language they chose for Aura
/// (`/language`), else the debate's (members with closed DMs can ask with the "My side"
/// button).
fn tell_sides(s: &Services, c: &Class, dealt: Vec<(u64, Side)>) {
    let s = s.clone();
    let c = c.clone();
    let room = c.debate.room();
    tokio::spawn(async move {
        for (user, side) in dealt {
            let lang = crate::language::chosen(&s, user)
                .await
                .unwrap_or(c.debate.lang);
            let motion = view::motion_title(&s.core, &c, lang);
            let text = tr(
                lang,
                "class-dealt",
                &[
                    ("side", &side_name(lang, side)),
                    ("motion", &motion),
                    ("room", &format!("<#{room}>")),
                ],
            );
            let message = Message::from(Reply {
                text,
                ..Reply::default()
            });
            if let Err(e) = s.outbox.direct_message(user, &message).await {
                tracing::debug!(user, error = %e, "a member's side could not be sent by DM");
            }
        }
    });
}

/// `/debate settings` (Manage Server): whether speakers are pinged when named; audited.
pub async fn settings(s: &Services, inv: &Invocation, pings: bool) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        return Ok(notice(lang, "class-server-only"));
    };
    if !inv.is_staff() {
        return Ok(Outcome::Reply(Reply::no_permission(lang)));
    }
    s.store.set_debate_pings(guild, pings).await?;
    audit::record(s, guild, inv.user, Action::DebateSettings { pings }).await;
    let key = if pings {
        "class-pings-on"
    } else {
        "class-pings-off"
    };
    Ok(Outcome::private(t(lang, key)))
}

/// Ends a debate: closed once (`false` when it already was), the result and the summary
/// posted, the control message shown ended. `timeout`: it ran out of time.
pub async fn finish(s: &Services, id: u64, timeout: bool) -> Result<bool, Error> {
    let now = s.clock.unix();
    if !s.store.close_debate(id, now).await? {
        return Ok(false);
    }
    let Some(mut c) = s.store.class(id).await? else {
        return Ok(true);
    };
    if let Some(sp) = c.current().cloned() {
        s.store.end_speech(id, sp.number, now).await?;
        s.store.lower_hands(id, sp.number).await?;
    }
    s.store.mark_class_done(id).await?;
    if let Some(fresh) = s.store.class(id).await? {
        c = fresh;
    }
    if timeout {
        say(s, &c, |lang| t(lang, "class-timed-out"), None).await;
    }
    let result = |lang| crate::debate::view::result::result_line(&c, lang);
    say(s, &c, result, None).await;
    let summary = crate::debate::view::in_both(&c.debate, |lang| {
        told::summary(&s.core, &c.in_lang(lang), lang)
    });
    if let Err(e) = s
        .outbox
        .post(c.debate.room(), &Message::from(summary))
        .await
    {
        tracing::warn!(debate = id, error = %e, "could not post a debate's summary");
    }
    refresh::request(s, id);
    Ok(true)
}
