//! A class debate's plain values: how sides are formed, the phases, the speeches and their
//! clocks, points of information, arguments, and the whole debate as one snapshot ([`Class`])
//! that the control message, the summary and the export are drawn from.

use super::super::{Debate, Side, Tally};
use crate::catalog::choice::{self, Choice as _, Names};

/// What a click on a class debate's message (or its argument form) asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// Join a side (`Some`), or say "I'm in" to be dealt one (`None`).
    Join(Option<Side>),
    /// A ballot in the opening or closing vote.
    Ballot(Poll, Side),
    /// The moderator moves the debate on from the state the control message showed (`None`:
    /// a message from before it carried its state).
    Next(Option<Shown>),
    /// The moderator pauses or resumes the speech shown, as the button said (speech number,
    /// and whether it showed the speech paused).
    Pause(Option<(u32, bool)>),
    /// The moderator gives the speech one more minute.
    Extend,
    /// "I'll speak" for this speech.
    Speak(u32),
    /// A raised hand (point of information) during this speech.
    Poi(u32),
    /// The speaker (or moderator) accepts or declines a hand up during speech `.0`: the hand
    /// the message showed (`.2`, its id), or the first waiting for an older message.
    PoiAnswer(u32, bool, Option<i64>),
    /// Opens the argument form.
    Argue,
    /// The argument form, submitted.
    Argument,
    /// "Which side am I on?"
    MySide,
}

/// Where a class debate stood when its control message was drawn: the phase, the current
/// speech, and whether that speech had started. A moderator's Next acts on this, so two presses
/// of the same message move the debate once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shown {
    pub phase: Phase,
    pub speech: u32,
    pub started: bool,
}

/// How members get a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidesMode {
    /// Members pick Benjamin or Adorno with buttons, changeable until speeches start.
    Join,
    /// Members press "I'm in"; Aura deals them into two balanced sides.
    Assign,
}

impl SidesMode {
    pub fn code(self) -> &'static str {
        self.names().en
    }
    /// Reads the code as stored: exactly.
    pub fn parse(s: &str) -> Option<SidesMode> {
        choice::from_code(s)
    }
}

impl choice::Choice for SidesMode {
    const CHOICES: &'static [SidesMode] = &[SidesMode::Join, SidesMode::Assign];
    fn names(self) -> Names {
        match self {
            SidesMode::Join => Names::new("join", "pilih"),
            SidesMode::Assign => Names::new("assign", "bagi"),
        }
    }
}

/// Where a class debate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Members join sides (or say "I'm in").
    Lobby,
    /// The opening vote.
    Opening,
    /// The speeches; the current one is `Class::speech`.
    Speech,
    /// The closing vote.
    Closing,
    /// The result is out.
    Done,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Phase::Lobby => "lobby",
            Phase::Opening => "opening",
            Phase::Speech => "speech",
            Phase::Closing => "closing",
            Phase::Done => "done",
        }
    }
    pub fn parse(s: &str) -> Option<Phase> {
        match s {
            "lobby" => Some(Phase::Lobby),
            "opening" => Some(Phase::Opening),
            "speech" => Some(Phase::Speech),
            "closing" => Some(Phase::Closing),
            "done" => Some(Phase::Done),
            _ => None,
        }
    }
}

/// The two votes of a class debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Poll {
    Opening,
    Closing,
}

impl Poll {
    pub fn code(self) -> &'static str {
        match self {
            Poll::Opening => "opening",
            Poll::Closing => "closing",
        }
    }
    pub fn parse(s: &str) -> Option<Poll> {
        match s {
            "opening" => Some(Poll::Opening),
            "closing" => Some(Poll::Closing),
            _ => None,
        }
    }
    /// The phase in which this vote is open.
    pub fn phase(self) -> Phase {
        match self {
            Poll::Opening => Phase::Opening,
            Poll::Closing => Phase::Closing,
        }
    }
}

/// A speech's part in the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Opening,
    Rebuttal,
    Closing,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::Opening => "opening",
            Part::Rebuttal => "rebuttal",
            Part::Closing => "closing",
        }
    }
    pub fn parse(s: &str) -> Option<Part> {
        match s {
            "opening" => Some(Part::Opening),
            "rebuttal" => Some(Part::Rebuttal),
            "closing" => Some(Part::Closing),
            _ => None,
        }
    }
}

/// The order of speeches: all six (opening Benjamin, opening Adorno, rebuttal Adorno, rebuttal
/// Benjamin, closing Benjamin, closing Adorno), four (openings and closings) or two (openings).
pub fn order(speeches: u32) -> Vec<(Part, Side)> {
    use Part::*;
    use Side::{Adorno, Benjamin};
    match speeches {
        0..=2 => vec![(Opening, Benjamin), (Opening, Adorno)],
        3 | 4 => vec![
            (Opening, Benjamin),
            (Opening, Adorno),
            (Closing, Benjamin),
            (Closing, Adorno),
        ],
        _ => vec![
            (Opening, Benjamin),
            (Opening, Adorno),
            (Rebuttal, Adorno),
            (Rebuttal, Benjamin),
            (Closing, Benjamin),
            (Closing, Adorno),
        ],
    }
}

/// How long before a speech's end the warning comes: one minute, or half the speech when it
/// lasts two minutes or less.
pub fn warn_secs(allowed: i64) -> i64 {
    if allowed <= 120 { allowed / 2 } else { 60 }
}

/// A member taking part (a name as Discord showed it when they joined).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: u64,
    pub name: String,
    /// `None`: said "I'm in" and waits for a side.
    pub side: Option<Side>,
}

/// One speech: its place, speaker and clock (unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speech {
    pub number: u32,
    pub part: Part,
    pub side: Side,
    pub speaker: Option<(u64, String)>,
    /// Its length, extensions included.
    pub allowed: i64,
    pub started_at: Option<i64>,
    /// While it runs.
    pub deadline: Option<i64>,
    /// While it is paused: the seconds left.
    pub remaining: Option<i64>,
    pub warn_secs: i64,
    pub warned: bool,
    /// "Time" was said.
    pub timed: bool,
    pub ended_at: Option<i64>,
    /// Seconds spoken, pauses left out.
    pub used: Option<i64>,
}

/// Where a speech's clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Waiting for its speaker.
    Waiting,
    Running {
        deadline: i64,
    },
    Paused {
        remaining: i64,
    },
    /// Its time ran out; the speaker may finish their sentence.
    Over {
        deadline: i64,
    },
    Ended,
}

impl Speech {
    pub fn clock(&self, now: i64) -> Clock {
        if self.ended_at.is_some() {
            return Clock::Ended;
        }
        match (self.deadline, self.remaining) {
            (Some(deadline), _) if deadline <= now => Clock::Over { deadline },
            (Some(deadline), _) => Clock::Running { deadline },
            (None, Some(remaining)) => Clock::Paused { remaining },
            (None, None) => Clock::Waiting,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoiState {
    Waiting,
    Accepted,
    Declined,
}

impl PoiState {
    pub fn code(self) -> &'static str {
        match self {
            PoiState::Waiting => "waiting",
            PoiState::Accepted => "accepted",
            PoiState::Declined => "declined",
        }
    }
    pub fn parse(s: &str) -> Option<PoiState> {
        match s {
            "waiting" => Some(PoiState::Waiting),
            "accepted" => Some(PoiState::Accepted),
            "declined" => Some(PoiState::Declined),
            _ => None,
        }
    }
}

/// A point of information: a member of the other side asks to interrupt a speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poi {
    pub id: i64,
    pub speech: u32,
    pub user: u64,
    pub name: String,
    pub state: PoiState,
}

/// A claim for a side, or a reply to another argument (`parent`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    pub number: u32,
    pub parent: Option<u32>,
    pub side: Side,
    pub user: u64,
    pub name: String,
    pub claim: String,
    /// A verified quote's id or a section's id from the pack.
    pub source: Option<String>,
}

/// What became of an argument offered to a class debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Added under this number.
    Numbered(u32),
    /// The debate has ended.
    Closed,
    /// The debate holds as many arguments as one may.
    DebateFull,
    /// The member has added as many as one member may.
    MemberFull,
}

/// A class debate as stored, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub debate: Debate,
    pub sides_mode: SidesMode,
    pub speech_secs: i64,
    pub seed: u64,
    pub phase: Phase,
    /// The current speech's number (1-based) while `phase` is `Speech`.
    pub speech: u32,
    /// Speakers are pinged when named (the server turned it on).
    pub ping_speakers: bool,
    pub members: Vec<Member>,
    pub speeches: Vec<Speech>,
    pub pois: Vec<Poi>,
    pub arguments: Vec<Argument>,
    pub opening: Tally,
    pub closing: Tally,
}

impl Class {
    /// The debate as shown in `lang` (one side of a debate in both languages).
    pub fn in_lang(&self, lang: crate::pack::Lang) -> Class {
        let mut c = self.clone();
        c.debate.lang = lang;
        c
    }

    /// Where the debate stands at `now`, as its control message shows it.
    pub fn shown(&self, now: i64) -> Shown {
        Shown {
            phase: self.phase,
            speech: self.speech,
            started: self
                .current()
                .is_some_and(|sp| sp.clock(now) != Clock::Waiting),
        }
    }

    /// How deep argument `number` stands in its tree: 1 for a claim, 2 for a reply to one…
    /// (a chain broken by a removed argument counts from the break).
    pub fn depth_of(&self, number: u32) -> usize {
        let parent: std::collections::HashMap<u32, Option<u32>> = self
            .arguments
            .iter()
            .map(|a| (a.number, a.parent))
            .collect();
        let mut depth = 0;
        let mut at = Some(number);
        // Bounded by the number of arguments: a corrupt loop of parents ends too.
        while let Some(n) = at.filter(|_| depth <= self.arguments.len()) {
            let Some(up) = parent.get(&n) else { break };
            depth += 1;
            at = *up;
        }
        depth
    }

    pub fn side_of(&self, user: u64) -> Option<Side> {
        self.members.iter().find(|m| m.id == user)?.side
    }

    /// The members on a side, in the order they joined.
    pub fn on(&self, side: Side) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.side == Some(side))
    }

    /// The speech under way (or waiting for its speaker).
    pub fn current(&self) -> Option<&Speech> {
        if self.phase != Phase::Speech {
            return None;
        }
        self.speeches.iter().find(|s| s.number == self.speech)
    }

    /// The points of information raised during a speech.
    pub fn pois_in(&self, speech: u32) -> impl Iterator<Item = &Poi> {
        self.pois.iter().filter(move |p| p.speech == speech)
    }
}
