//! What a class debate shows while it runs: the pinned control message (phase, sides, the
//! speech order with the clock as a Discord timestamp, the points of information waiting, the
//! arguments' count, and the buttons of the phase) and the lines Aura posts in the thread.
//! Members are named with mentions, which show names and ping nobody.

use super::result::{result_line, side_name};
use crate::core::Core;
use crate::debate::Side;
use crate::debate::class::{Act, Class, Clock, Part, Phase, PoiState, Poll, SidesMode, Speech};
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::Lang;
use crate::reply::{Accent, Button, ButtonStyle, Reply};

/// How many members a side's list names before "+n".
const NAMED: usize = 25;

pub(crate) fn part_name(lang: Lang, part: Part) -> String {
    t(lang, &format!("class-part-{}", part.code()))
}

/// `m:ss`.
pub(crate) fn clock_text(secs: i64) -> String {
    let secs = secs.max(0);
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// "Speech 2 of 6: Opening, Adorno".
pub(crate) fn speech_title(c: &Class, sp: &Speech, lang: Lang) -> String {
    tr(
        lang,
        "class-speech-title",
        &[
            ("number", &(sp.number as usize)),
            ("total", &c.speeches.len()),
            ("part", &part_name(lang, sp.part)),
            ("side", &side_name(lang, sp.side)),
        ],
    )
}

/// The motion's text in `lang`.
pub fn motion_title(core: &Core, c: &Class, lang: Lang) -> String {
    c.debate
        .motion_in(&core.library)
        .map(|(_, m)| m.motion.get(lang).to_string())
        .unwrap_or_else(|| c.debate.motion.clone())
}

fn names<'a>(members: impl Iterator<Item = &'a crate::debate::class::Member>) -> String {
    let all: Vec<String> = members.map(|m| format!("<@{}>", m.id)).collect();
    if all.is_empty() {
        return "—".into();
    }
    let mut out = all
        .iter()
        .take(NAMED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if all.len() > NAMED {
        out.push_str(&format!(" +{}", all.len() - NAMED));
    }
    out
}

fn speaker_text(sp: &Speech, lang: Lang) -> String {
    match &sp.speaker {
        Some((id, _)) => format!("<@{id}>"),
        None => tr(lang, "class-team", &[("side", &side_name(lang, sp.side))]),
    }
}

/// The line for the current speech's clock.
fn clock_line(sp: &Speech, lang: Lang, now: i64) -> String {
    let speaker = speaker_text(sp, lang);
    match sp.clock(now) {
        Clock::Waiting => tr(
            lang,
            "class-clock-waiting",
            &[("side", &side_name(lang, sp.side))],
        ),
        Clock::Running { deadline } => tr(
            lang,
            "class-clock-running",
            &[
                ("speaker", &speaker),
                ("ends", &format!("<t:{deadline}:R>")),
                ("length", &clock_text(sp.allowed)),
            ],
        ),
        Clock::Paused { remaining } => tr(
            lang,
            "class-clock-paused",
            &[("speaker", &speaker), ("left", &clock_text(remaining))],
        ),
        Clock::Over { deadline } => tr(
            lang,
            "class-clock-over",
            &[
                ("speaker", &speaker),
                ("ended", &format!("<t:{deadline}:R>")),
            ],
        ),
        Clock::Ended => String::new(),
    }
}

/// One line of the order: done, now or to come, said in words after its marker (a screen
/// reader reads "Done", not an emoji's name alone).
fn order_line(c: &Class, sp: &Speech, lang: Lang) -> String {
    let (mark, state) = match (sp.ended_at, c.current().map(|cur| cur.number)) {
        (Some(_), _) => ("✅", "class-order-done"),
        (None, Some(n)) if n == sp.number => ("▶️", "class-order-now"),
        _ => ("▫️", "class-order-next"),
    };
    let mut line = format!(
        "{mark} {}: {}. {} · {}",
        t(lang, state),
        sp.number,
        part_name(lang, sp.part),
        side_name(lang, sp.side)
    );
    if let Some((id, _)) = &sp.speaker {
        line.push_str(&format!(" · <@{id}>"));
    }
    if let Some(used) = sp.used.filter(|_| sp.ended_at.is_some()) {
        line.push_str(&format!(" · {}", clock_text(used)));
    }
    line
}

fn button(debate: u64, act: Act, label: String, style: ButtonStyle) -> Button {
    Button {
        id: CustomId::Class { debate, act },
        label,
        style,
    }
}

/// The control message, as it stands at `now`, in the debate's language.
/// The control message in the debate's language, or in both side by side when it shows both.
pub fn control_card(core: &Core, c: &Class, now: i64) -> Reply {
    match c.debate.bilingual {
        true => super::in_both(&c.debate, |lang| control(core, &c.in_lang(lang), now)),
        false => control(core, c, now),
    }
}

pub fn control(core: &Core, c: &Class, now: i64) -> Reply {
    let lang = c.debate.lang;
    let motion = motion_title(core, c, lang);
    let mut text = match (c.phase, c.sides_mode) {
        (Phase::Lobby, SidesMode::Join) => t(lang, "class-phase-lobby-join"),
        (Phase::Lobby, SidesMode::Assign) => t(lang, "class-phase-lobby-assign"),
        (Phase::Opening, _) => t(lang, "class-phase-opening"),
        (Phase::Speech, _) => String::new(),
        (Phase::Closing, _) => t(lang, "class-phase-closing"),
        (Phase::Done, _) => t(lang, "class-phase-done"),
    };
    if let Some(sp) = c.current() {
        text = format!(
            "**{}**\n{}",
            speech_title(c, sp, lang),
            clock_line(sp, lang, now)
        );
    }
    let mut reply = Reply {
        title: Some(tr(lang, "class-title", &[("motion", &motion)])),
        text,
        footer: Some(tr(
            lang,
            "class-footer",
            &[("length", &clock_text(c.speech_secs))],
        )),
        accent: Accent::Debate,
        ..Reply::default()
    };
    for side in [Side::Benjamin, Side::Adorno] {
        let n = c.on(side).count();
        reply = reply.field(
            tr(
                lang,
                "class-side-heading",
                &[("side", &side_name(lang, side)), ("count", &n)],
            ),
            names(c.on(side)),
        );
    }
    if c.sides_mode == SidesMode::Assign && c.phase == Phase::Lobby {
        let waiting = c.members.iter().filter(|m| m.side.is_none());
        let n = c.members.iter().filter(|m| m.side.is_none()).count();
        reply = reply.field(
            tr(lang, "class-in-heading", &[("count", &n)]),
            names(waiting),
        );
    }
    let order: Vec<String> = c
        .speeches
        .iter()
        .map(|sp| order_line(c, sp, lang))
        .collect();
    reply = reply.field(t(lang, "class-order-heading"), order.join("\n"));
    if let Some(sp) = c.current() {
        let hands: Vec<String> = c
            .pois_in(sp.number)
            .filter(|p| p.state == PoiState::Waiting)
            .map(|p| format!("✋ <@{}>", p.user))
            .collect();
        if !hands.is_empty() {
            reply = reply.field(t(lang, "class-poi-heading"), hands.join("\n"));
        }
    }
    let (b, a) = (
        c.arguments
            .iter()
            .filter(|x| x.side == Side::Benjamin)
            .count(),
        c.arguments
            .iter()
            .filter(|x| x.side == Side::Adorno)
            .count(),
    );
    reply = reply.field(
        t(lang, "class-arguments-heading"),
        tr(
            lang,
            "class-arguments-count",
            &[("total", &(a + b)), ("benjamin", &b), ("adorno", &a)],
        ),
    );
    if c.phase == Phase::Done {
        reply = reply.field(t(lang, "heading-result"), result_line(c, lang));
    }
    reply.buttons = buttons(c, now);
    reply
}

/// The buttons of the phase: what members can do first, the moderator's last.
fn buttons(c: &Class, now: i64) -> Vec<Button> {
    let (id, lang) = (c.debate.id, c.debate.lang);
    let mut out = Vec::new();
    match c.phase {
        Phase::Lobby => {
            match c.sides_mode {
                SidesMode::Join => out.extend(join_buttons(id, lang)),
                SidesMode::Assign => out.push(button(
                    id,
                    Act::Join(None),
                    t(lang, "class-button-in"),
                    ButtonStyle::Primary,
                )),
            }
            out.extend(anytime_buttons(id, lang));
            out.push(next_button(
                c,
                now,
                match c.sides_mode {
                    SidesMode::Join => "class-next-lobby",
                    SidesMode::Assign => "class-next-deal",
                },
            ));
        }
        Phase::Opening => {
            out.extend(ballot_buttons(id, lang, Poll::Opening));
            out.extend(anytime_buttons(id, lang));
            if c.sides_mode == SidesMode::Join {
                out.extend(join_buttons(id, lang));
            }
            out.push(next_button(c, now, "class-next-opening"));
        }
        Phase::Speech => {
            if let Some(sp) = c.current() {
                out = speech_buttons(c, sp, now);
            }
        }
        Phase::Closing => {
            out.extend(ballot_buttons(id, lang, Poll::Closing));
            out.extend(anytime_buttons(id, lang));
            out.push(next_button(c, now, "class-next-closing"));
        }
        Phase::Done => {}
    }
    out
}

/// "Join Benjamin" and "Join Adorno".
fn join_buttons(id: u64, lang: Lang) -> Vec<Button> {
    [Side::Benjamin, Side::Adorno]
        .into_iter()
        .map(|side| {
            button(
                id,
                Act::Join(Some(side)),
                tr(
                    lang,
                    "class-button-join",
                    &[("side", &side_name(lang, side))],
                ),
                ButtonStyle::Primary,
            )
        })
        .collect()
}

/// A vote's ballots: Benjamin, Adorno, undecided.
fn ballot_buttons(id: u64, lang: Lang, poll: Poll) -> Vec<Button> {
    [
        (Side::Benjamin, ButtonStyle::Primary),
        (Side::Adorno, ButtonStyle::Primary),
        (Side::Undecided, ButtonStyle::Secondary),
    ]
    .into_iter()
    .map(|(side, style)| button(id, Act::Ballot(poll, side), side_name(lang, side), style))
    .collect()
}

/// What members can do in every phase: ask their side, add an argument, write a response to
/// the motion.
fn anytime_buttons(id: u64, lang: Lang) -> [Button; 3] {
    [
        button(
            id,
            Act::MySide,
            t(lang, "class-button-mine"),
            ButtonStyle::Secondary,
        ),
        button(
            id,
            Act::Argue,
            t(lang, "class-button-argue"),
            ButtonStyle::Secondary,
        ),
        super::respond_button(id, lang),
    ]
}

/// The moderator's "next", labelled with what it does, carrying where the debate stands as
/// shown: a second press of the same message finds it moved, and moves nothing.
fn next_button(c: &Class, now: i64, key: &str) -> Button {
    let (id, lang) = (c.debate.id, c.debate.lang);
    let act = Act::Next(Some(c.shown(now)));
    button(id, act, t(lang, key), ButtonStyle::Success)
}

/// During a speech: "I'll speak" while it waits for its speaker; then a hand to raise, the
/// answers to a hand up, and the moderator's clock.
fn speech_buttons(c: &Class, sp: &Speech, now: i64) -> Vec<Button> {
    use ButtonStyle::*;
    let (id, lang) = (c.debate.id, c.debate.lang);
    let n = sp.number;
    let clock = sp.clock(now);
    if clock == Clock::Waiting {
        let mut out = vec![button(
            id,
            Act::Speak(n),
            t(lang, "class-button-speak"),
            Primary,
        )];
        out.extend(anytime_buttons(id, lang));
        out.push(next_button(c, now, "class-next-start"));
        return out;
    }
    let mut out = vec![button(
        id,
        Act::Poi(n),
        t(lang, "class-button-poi"),
        Primary,
    )];
    // The hand shown (the first up): its answer is for that member, whoever raises theirs
    // meanwhile.
    if let Some(hand) = c.pois_in(n).find(|p| p.state == PoiState::Waiting) {
        out.push(button(
            id,
            Act::PoiAnswer(n, true, Some(hand.id)),
            t(lang, "class-button-poi-yes"),
            Success,
        ));
        out.push(button(
            id,
            Act::PoiAnswer(n, false, Some(hand.id)),
            t(lang, "class-button-poi-no"),
            Secondary,
        ));
    }
    out.extend(anytime_buttons(id, lang));
    let paused = matches!(clock, Clock::Paused { .. });
    let pause = if paused {
        "class-button-resume"
    } else {
        "class-button-pause"
    };
    out.push(button(
        id,
        Act::Pause(Some((n, paused))),
        t(lang, pause),
        Secondary,
    ));
    out.push(button(
        id,
        Act::Extend,
        t(lang, "class-button-extend"),
        Secondary,
    ));
    out.push(next_button(
        c,
        now,
        if n as usize >= c.speeches.len() {
            "class-next-last"
        } else {
            "class-next-speech"
        },
    ));
    out
}

/// "Speech 2 of 6 … a member of Adorno's side presses I'll speak".
pub fn speech_waiting(c: &Class, sp: &Speech, lang: Lang) -> String {
    format!(
        "**{}**\n{}",
        speech_title(c, sp, lang),
        tr(
            lang,
            "class-clock-waiting",
            &[("side", &side_name(lang, sp.side))]
        )
    )
}

/// The speech has started: who speaks, for how long, until when.
pub fn speech_started(c: &Class, sp: &Speech, lang: Lang) -> String {
    let ends = sp.deadline.unwrap_or_default();
    format!(
        "🎙 **{}**\n{}",
        speech_title(c, sp, lang),
        tr(
            lang,
            "class-clock-running",
            &[
                ("speaker", &speaker_text(sp, lang)),
                ("ends", &format!("<t:{ends}:R>")),
                ("length", &clock_text(sp.allowed)),
            ],
        )
    )
}

/// One minute (or half the speech) left.
pub fn speech_warning(c: &Class, sp: &Speech, lang: Lang) -> String {
    let ends = sp.deadline.unwrap_or_default();
    tr(
        lang,
        "class-warning",
        &[
            ("speech", &speech_title(c, sp, lang)),
            ("speaker", &speaker_text(sp, lang)),
            ("left", &clock_text(sp.warn_secs)),
            ("ends", &format!("<t:{ends}:R>")),
        ],
    )
}

/// The speech's time is up.
pub fn speech_time(c: &Class, sp: &Speech, lang: Lang) -> String {
    tr(
        lang,
        "class-time",
        &[
            ("speech", &speech_title(c, sp, lang)),
            ("speaker", &speaker_text(sp, lang)),
        ],
    )
}
