//! What `aura preview` shows for `/debate`: a quick vote's card, and a sample class debate
//! (its control message, summary and the data the snapshot tests draw).

use crate::debate::class::deal;
use rand::Rng;

use crate::catalog::Request;
use crate::core::Core;
use crate::debate::class::{
    Argument, Class, Member, Phase, Poi, PoiState, SidesMode, Speech, order, warn_secs,
};
use crate::debate::view::{class, pick, summary, vote_card};
use crate::debate::{Debate, Format, Side, Tally};
use crate::i18n::t;
use crate::pack::Lang;
use crate::reply::Reply;

/// `aura preview "/debate start …"`: a quick vote's card, or (with `format:class`) the control
/// message of a sample class debate during its third speech.
pub fn start(core: &Core, lang: Lang, req: &Request, rng: &mut impl Rng) -> Reply {
    let (pack, m) = match pick(core, lang, req.get("motion"), rng) {
        Ok(found) => found,
        Err(notice) => return *notice,
    };
    let class = matches!(req.get("format"), Some("class" | "kelas"));
    if !class {
        return vote_card(pack, m, lang, 1, 1_764_000_600);
    }
    // The speech length as `/debate start` reads it: a length it refuses is refused here too.
    let speech = match req.get("speech").map(|s| deal::speech_or_refusal(s, lang)) {
        None => None,
        Some(Ok(secs)) => Some(secs),
        Some(Err(notice)) => return *notice,
    };
    match sample(
        core,
        lang,
        crate::debate::class::Phase::Speech,
        Some((&pack.id, &m.id)),
    ) {
        Some(mut sample) => {
            if let Some(secs) = speech {
                sample.speech_secs = secs;
                for sp in &mut sample.speeches {
                    sp.allowed = secs;
                }
            }
            class::control(core, &sample, sample.debate.opened_at + 1150)
        }
        None => Reply::notice(t(lang, "error-no-motion")),
    }
}

/// `aura preview "/debate summary"`: the summary of a sample class debate.
pub fn summary(core: &Core, lang: Lang, req: &Request) -> Reply {
    let mut rng = rand::rngs::mock::StepRng::new(0, 1);
    let motion = match req.get("motion") {
        None => None,
        Some(input) => match pick(core, lang, Some(input), &mut rng) {
            Ok((p, m)) => Some((p.id.as_str(), m.id.as_str())),
            Err(notice) => return *notice,
        },
    };
    match sample(core, lang, crate::debate::class::Phase::Done, motion) {
        Some(sample) => summary::summary(core, &sample, lang),
        None => Reply::notice(t(lang, "error-no-motion")),
    }
}

/// When the sample debate starts (unix seconds), and how long each speech lasts.
const START: i64 = 1_764_000_000;
const LENGTH: i64 = 180;

/// A class debate of eight members (on the pack's first motion unless one is given), for `aura preview`
/// and the snapshots: every phase has left its trace (sides, six speeches with a point of
/// information, arguments with replies, both votes).
pub fn sample(
    core: &Core,
    lang: Lang,
    phase: Phase,
    motion: Option<(&str, &str)>,
) -> Option<Class> {
    let (pack, motion) = match motion {
        Some((pack, id)) => {
            let pack = core.library.pack(pack)?;
            (pack, pack.motion(id)?)
        }
        None => {
            let pack = core.library.packs.first()?;
            (pack, pack.motions.first()?)
        }
    };
    let done = phase == Phase::Done;
    let members = sample_members();
    let speeches = sample_speeches(&members, done)?;
    let people: Vec<(u64, String, Side)> = members
        .iter()
        .map(|m| (m.id, m.name.clone(), m.side.unwrap_or(Side::Benjamin)))
        .collect();
    let first_quote = motion.benjamin_quotes.first().cloned();
    let section = pack
        .sections
        .iter()
        .find(|s| s.number == Some(10))
        .map(|s| format!("section:{}", s.id));
    Some(Class {
        debate: sample_debate(&pack.id, &motion.id, lang, done),
        sides_mode: SidesMode::Join,
        speech_secs: LENGTH,
        seed: 7,
        phase,
        speech: if phase == Phase::Speech { 3 } else { 0 },
        ping_speakers: false,
        members,
        speeches,
        pois: sample_pois(&people, done),
        arguments: sample_arguments(&people, first_quote.as_deref(), section.as_deref()),
        opening: if phase == Phase::Lobby {
            Tally::default()
        } else {
            Tally {
                benjamin: 3,
                adorno: 3,
                undecided: 2,
            }
        },
        closing: if done {
            Tally {
                benjamin: 3,
                adorno: 5,
                undecided: 0,
            }
        } else {
            Tally::default()
        },
    })
}

/// The sample debate's record: opened at [`START`] in a thread, closed 40 minutes later when
/// `done`.
fn sample_debate(pack: &str, motion: &str, lang: Lang, done: bool) -> Debate {
    Debate {
        id: 42,
        pack: pack.to_string(),
        motion: motion.to_string(),
        guild: Some(1),
        channel: 2,
        starter: 99,
        token: String::new(),
        lang,
        opened_at: START,
        closes_at: START + 3 * 3600,
        closed_at: done.then_some(START + 2400),
        format: Format::Class,
        message: Some(7),
        thread: Some(3),
        own_motion: None,
        bilingual: false,
    }
}

/// Eight members, alternately on Benjamin's and Adorno's side.
fn sample_members() -> Vec<Member> {
    let names = [
        "Ayu", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi",
    ];
    names
        .iter()
        .enumerate()
        .map(|(i, name)| Member {
            id: 100 + i as u64,
            name: (*name).into(),
            side: Some(if i % 2 == 0 {
                Side::Benjamin
            } else {
                Side::Adorno
            }),
        })
        .collect()
}

/// The six speeches: the first two spoken and the third running (all spoken when `done`).
fn sample_speeches(members: &[Member], done: bool) -> Option<Vec<Speech>> {
    order(6)
        .into_iter()
        .enumerate()
        .map(|(i, (part, side))| {
            let number = i as u32 + 1;
            let speaker = members.iter().filter(|m| m.side == Some(side)).nth(i / 2)?;
            let began = START + 600 + i as i64 * 240;
            let finished = done || number < 3;
            let current = !done && number == 3;
            Some(Speech {
                number,
                part,
                side,
                speaker: (finished || current).then(|| (speaker.id, speaker.name.clone())),
                allowed: LENGTH,
                started_at: (finished || current).then_some(began),
                deadline: current.then_some(began + LENGTH),
                remaining: None,
                warn_secs: warn_secs(LENGTH),
                warned: finished,
                timed: finished,
                ended_at: finished.then_some(began + 170 + i as i64),
                used: finished.then_some(170 + i as i64),
            })
        })
        .collect()
}

/// A hand accepted in the first speech, one declined in the second and one waiting in the
/// third (declined too when `done`).
fn sample_pois(people: &[(u64, String, Side)], done: bool) -> Vec<Poi> {
    let poi = |id: i64, speech: u32, user: usize, state: PoiState| Poi {
        id,
        speech,
        user: people[user].0,
        name: people[user].1.clone(),
        state,
    };
    vec![
        poi(1, 1, 1, PoiState::Accepted),
        poi(2, 2, 2, PoiState::Declined),
        poi(3, 3, 0, PoiState::Waiting),
    ]
    .into_iter()
    .filter(|p| done || p.speech <= 3)
    .map(|mut p| {
        if done && p.state == PoiState::Waiting {
            p.state = PoiState::Declined;
        }
        p
    })
    .collect()
}

/// Two claims, a reply to the first and a reply to that reply, sourced with a quote and a
/// section.
fn sample_arguments(
    people: &[(u64, String, Side)],
    quote: Option<&str>,
    section: Option<&str>,
) -> Vec<Argument> {
    let argument =
        |number: u32, parent: Option<u32>, user: usize, claim: &str, source: Option<&str>| {
            Argument {
                number,
                parent,
                side: people[user].2,
                user: people[user].0,
                name: people[user].1.clone(),
                claim: claim.into(),
                source: source.map(String::from),
            }
        };
    vec![
        argument(
            1,
            None,
            0,
            "Reproduction frees art from ritual and hands it to the many.",
            quote,
        ),
        argument(
            2,
            None,
            1,
            "Mass art trains conformity, not critique.",
            None,
        ),
        argument(
            3,
            Some(1),
            3,
            "What reaches the many is the same product, made for them.",
            None,
        ),
        argument(
            4,
            Some(3),
            4,
            "Film audiences test what they see like experts.",
            section,
        ),
    ]
}
