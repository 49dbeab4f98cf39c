//! The one codec for `custom_id`s: every button, menu and modal Aura puts on a message is a
//! [`CustomId`] variant, encoded as `aura:<kind>:<fields…>` and decoded back by the router.
//! No other code builds or takes apart a `custom_id` string.
//!
//! Fields are pack slugs, Discord snowflakes and small numbers, none of which contain `:`.

use std::fmt;

use crate::course::model::ItemKind;
use crate::debate::Side;
use crate::debate::class::{Act, Phase, Poll, Shown};
use crate::quiz::{Period, Sort};
use crate::responses::model::{DraftAct, On, ReviewAct, Walk};

/// Every kind of component or modal Aura answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CustomId {
    /// Open a concept card.
    Concept { pack: String, id: String },
    /// Open a section card.
    Section { pack: String, id: String },
    /// Show a quotation (in German with `german`).
    Quote {
        pack: String,
        id: String,
        german: bool,
    },
    /// Another quotation on the same topic and speaker.
    QuoteMore {
        pack: String,
        topic: Option<String>,
        speaker: Option<String>,
    },
    /// Open a debate motion card.
    Motion { pack: String, id: String },
    /// Open a thinker's card.
    Thinker { pack: String, id: String },
    /// Open the card of Adorno's letter of 18 March 1936.
    Letter { pack: String },
    /// Open the essay's card (titles, versions, history).
    Essay { pack: String },
    /// Another motion.
    MotionMore { pack: String },
    /// A menu whose chosen value names what to open; `scope` keeps menus apart.
    Open { scope: String },
    /// Delete a public reply. Only the member who asked may, as the message's interaction
    /// metadata says; `owner` is kept for older messages' ids and proves nothing.
    Delete { owner: u64 },
    /// A vote on a debate.
    Vote { debate: u64, side: Side },
    /// Close a debate's vote.
    CloseVote { debate: u64 },
    /// A page of `/search`'s results for `query` (0: the first).
    SearchPage { page: u32, query: String },
    /// A page of the channel's `/debate history` (0: the newest).
    DebateHistory { page: u32 },
    /// An answer to a quiz question.
    QuizAnswer {
        round: u64,
        number: usize,
        position: usize,
    },
    /// A hint on a quiz question.
    QuizHint { round: u64, number: usize },
    /// A member's vote to skip a quiz question.
    QuizSkip { round: u64, number: usize },
    /// A page of the server's quiz board (0: the first).
    QuizBoard {
        period: Period,
        sort: Sort,
        page: u32,
    },
    /// Say "I'm in" to a round waiting for its players.
    QuizIn { round: u64 },
    /// Join the team at `team` (in the round's teams' order) of a team round.
    QuizTeam { round: u64, team: usize },
    /// An answer to a practice question: the run, the question's number in it, the question
    /// and the chosen answer (its index in the pack's authored order).
    Practice {
        run: u64,
        number: usize,
        question: String,
        choice: usize,
    },
    /// Open the form to type the answer to a quiz question.
    QuizType { round: u64, number: usize },
    /// That form, submitted.
    QuizTyped { round: u64, number: usize },
    /// Confirm (`Some(period)`) or cancel (`None`) a board reset asked by `owner` in `guild`.
    QuizReset {
        period: Option<Period>,
        owner: u64,
        guild: u64,
    },
    /// Start (or resume) a homework assignment, privately.
    HomeworkStart { homework: u64 },
    /// Confirm (`true`) or cancel a teacher's early close of an assignment, asked by `owner`.
    HomeworkClose {
        homework: u64,
        owner: u64,
        confirm: bool,
    },
    /// An answer to a homework question, in a member's private attempt.
    HomeworkAnswer {
        homework: u64,
        number: usize,
        position: usize,
    },
    /// Opt in to or out of a daily post's ping role.
    DailyRole { role: u64 },
    /// Staff approve a member's suggestion.
    Approve { suggestion: i64 },
    /// Staff deny a member's suggestion (opens the reason modal).
    Deny { suggestion: i64 },
    /// The reason modal of a denial.
    DenyReason { suggestion: i64 },
    /// Confirm (`true`) or cancel `/privacy`'s deletion of everything Aura stores about `owner`.
    Privacy { delete: bool, owner: u64 },
    /// A button of a class debate's control message (or its argument form).
    Class { debate: u64, act: Act },
    /// A teacher's form for one of the server's own items of `kind`, kept as `draft`.
    CourseForm { kind: ItemKind, draft: u64 },
    /// Save (`true`) or discard what a teacher's draft `draft` holds (items or a deletion).
    CourseDraft { draft: u64, confirm: bool },
    /// Open the form to respond to `on` (or edit one's response to it).
    Respond { on: On },
    /// That form, submitted.
    Responded { on: On },
    /// Save, edit or discard a checked response kept as `draft`.
    ResponseDraft { draft: u64, act: DraftAct },
    /// A button of a teacher's review of `response`, walking `walk`.
    Review {
        response: i64,
        act: ReviewAct,
        walk: Walk,
    },
    /// The author's answer to a teacher's wish to share their response.
    ShareConsent { response: i64, yes: bool },
}

const PREFIX: &str = "aura";
/// What stands for an absent optional field.
const NONE: &str = "*";

impl CustomId {
    /// The `custom_id` string.
    pub fn encode(&self) -> String {
        match self {
            // Lookups: cards, more of the same, menus, and deleting a reply.
            CustomId::Concept { pack, id } => join("concept", &[pack, id]),
            CustomId::Section { pack, id } => join("section", &[pack, id]),
            CustomId::Quote { pack, id, german } => {
                join(if *german { "quote-de" } else { "quote" }, &[pack, id])
            }
            CustomId::QuoteMore {
                pack,
                topic,
                speaker,
            } => {
                let shown_topic = topic.as_deref().unwrap_or(NONE);
                let shown_speaker = speaker.as_deref().unwrap_or(NONE);
                match (topic, speaker) {
                    (None, None) => join("quote-more", &[pack]),
                    (_, None) => join("quote-more", &[pack, &shown_topic]),
                    _ => join("quote-more", &[pack, &shown_topic, &shown_speaker]),
                }
            }
            CustomId::Motion { pack, id } => join("debate", &[pack, id]),
            CustomId::MotionMore { pack } => join("debate-more", &[pack]),
            CustomId::Thinker { pack, id } => join("thinker", &[pack, id]),
            CustomId::Letter { pack } => join("letter", &[pack]),
            CustomId::Essay { pack } => join("essay", &[pack]),
            CustomId::Open { scope } => join("open", &[scope]),
            CustomId::Delete { owner } => join("delete", &[owner]),
            // Debates: votes, and a class debate's buttons.
            CustomId::Vote { debate, side } => join("vote", &[debate, &side.code()]),
            CustomId::CloseVote { debate } => join("close", &[debate]),
            CustomId::DebateHistory { page } => join("dbh", &[page]),
            CustomId::QuizIn { round } => join("quiz-in", &[round]),
            CustomId::SearchPage { page, query } => join("sp", &[page, query]),
            CustomId::Class { debate, act } => join("db", &[debate, &act_fields(act)]),
            // Quizzes: rounds, practice, boards and homework.
            CustomId::QuizAnswer {
                round,
                number,
                position,
            } => join("quiz", &[round, number, position]),
            CustomId::QuizHint { round, number } => join("quiz-hint", &[round, number]),
            CustomId::QuizSkip { round, number } => join("quiz-skip", &[round, number]),
            CustomId::QuizBoard { period, sort, page } => {
                join("qb", &[&period.code(), &sort.code(), page])
            }
            CustomId::QuizTeam { round, team } => join("quiz-team", &[round, team]),
            CustomId::Practice {
                run,
                number,
                question,
                choice,
            } => join("practice", &[run, number, question, choice]),
            CustomId::QuizType { round, number } => join("quiz-type", &[round, number]),
            CustomId::QuizTyped { round, number } => join("quiz-typed", &[round, number]),
            CustomId::QuizReset {
                period,
                owner,
                guild,
            } => {
                let period = period.map(Period::code).unwrap_or("cancel");
                join("quiz-reset", &[&period, owner, guild])
            }
            CustomId::HomeworkStart { homework } => join("hw-start", &[homework]),
            CustomId::HomeworkClose {
                homework,
                owner,
                confirm,
            } => join(
                "hw-close",
                &[homework, owner, &if *confirm { "close" } else { "cancel" }],
            ),
            CustomId::HomeworkAnswer {
                homework,
                number,
                position,
            } => join("hw", &[homework, number, position]),
            // Daily posts and suggestions; privacy.
            CustomId::DailyRole { role } => join("daily-role", &[role]),
            CustomId::Approve { suggestion } => join("sugg-approve", &[suggestion]),
            CustomId::Deny { suggestion } => join("sugg-deny", &[suggestion]),
            CustomId::DenyReason { suggestion } => join("sugg-reason", &[suggestion]),
            CustomId::Privacy { delete, owner } => join(
                "privacy",
                &[&if *delete { "delete" } else { "cancel" }, owner],
            ),
            // The teacher's course.
            CustomId::CourseForm { kind, draft } => join("course-form", &[&kind.code(), draft]),
            CustomId::CourseDraft { draft, confirm } => join(
                "course-draft",
                &[draft, &if *confirm { "save" } else { "cancel" }],
            ),
            // Written work.
            CustomId::Respond { on } => join("rsp", &[&on.code()]),
            CustomId::Responded { on } => join("rsp-form", &[&on.code()]),
            CustomId::ResponseDraft { draft, act } => join("rsp-draft", &[draft, &act.code()]),
            CustomId::Review {
                response,
                act,
                walk,
            } => join("rv", &[response, &act.code(), &walk.code()]),
            CustomId::ShareConsent { response, yes } => {
                join("rsp-share", &[response, &if *yes { "yes" } else { "no" }])
            }
        }
    }

    /// Reads a `custom_id`; `None` for anything Aura did not make (or no longer makes).
    pub fn decode(raw: &str) -> Option<CustomId> {
        let mut parts = raw.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let kind = parts.next()?;
        let f = Fields(parts.collect());
        // Each kind belongs to one family: the first that reads it is the only one that can.
        decode_lookup(kind, &f)
            .or_else(|| decode_debate(kind, &f))
            .or_else(|| decode_quiz(kind, &f))
            .or_else(|| decode_daily(kind, &f))
            .or_else(|| decode_responses(kind, &f))
    }
}

/// `aura:<kind>:<fields…>`.
fn join(kind: &str, fields: &[&dyn fmt::Display]) -> String {
    let mut out = format!("{PREFIX}:{kind}");
    for field in fields {
        out.push(':');
        out.push_str(&field.to_string());
    }
    out
}

/// A class debate's act as the fields after the debate's id, `:`-separated.
fn act_fields(act: &Act) -> String {
    match act {
        Act::Join(Some(side)) => format!("join:{}", side.code()),
        Act::Join(None) => "in".into(),
        Act::Ballot(poll, side) => format!("vote:{}:{}", poll.code(), side.code()),
        Act::Next(None) => "next".into(),
        Act::Next(Some(at)) => format!(
            "next:{}:{}:{}",
            at.phase.code(),
            at.speech,
            u8::from(at.started)
        ),
        Act::Pause(None) => "pause".into(),
        Act::Pause(Some((n, paused))) => format!("pause:{n}:{}", u8::from(*paused)),
        Act::Extend => "extend".into(),
        Act::Speak(n) => format!("speak:{n}"),
        Act::Poi(n) => format!("poi:{n}"),
        Act::PoiAnswer(n, yes, hand) => {
            let kind = if *yes { "poi-yes" } else { "poi-no" };
            match hand {
                Some(hand) => format!("{kind}:{n}:{hand}"),
                None => format!("{kind}:{n}"),
            }
        }
        Act::Argue => "argue".into(),
        Act::Argument => "argument".into(),
        Act::MySide => "mine".into(),
    }
}

/// A yes-or-no field: `1` or `0`.
fn flag(raw: &str) -> Option<bool> {
    match raw {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// The fields of a `custom_id` after its kind, read by position.
struct Fields<'a>(Vec<&'a str>);

impl<'a> Fields<'a> {
    /// Whether there are exactly `n` fields.
    fn arity(&self, n: usize) -> bool {
        self.0.len() == n
    }

    fn raw(&self, i: usize) -> Option<&'a str> {
        self.0.get(i).copied()
    }

    /// A text field (`None` when empty or [`NONE`]).
    fn text(&self, i: usize) -> Option<String> {
        self.raw(i)
            .filter(|s| !s.is_empty() && *s != NONE)
            .map(String::from)
    }

    /// A number field, of the type it is read into.
    fn number<N: std::str::FromStr>(&self, i: usize) -> Option<N> {
        self.raw(i)?.parse().ok()
    }
}

/// Cards, more of the same, menus, and deleting a reply.
fn decode_lookup(kind: &str, f: &Fields<'_>) -> Option<CustomId> {
    Some(match kind {
        "concept" if f.arity(2) => CustomId::Concept {
            pack: f.text(0)?,
            id: f.text(1)?,
        },
        // The query is the rest, `:`s and all.
        "sp" if f.0.len() >= 2 => CustomId::SearchPage {
            page: f.number(0)?,
            query: f.0[1..].join(":"),
        },
        "section" if f.arity(2) => CustomId::Section {
            pack: f.text(0)?,
            id: f.text(1)?,
        },
        "quote" | "quote-de" if f.arity(2) => CustomId::Quote {
            pack: f.text(0)?,
            id: f.text(1)?,
            german: kind == "quote-de",
        },
        "quote-more" if (1..=3).contains(&f.0.len()) => CustomId::QuoteMore {
            pack: f.text(0)?,
            topic: f.text(1),
            speaker: f.text(2),
        },
        "debate" if f.arity(2) => CustomId::Motion {
            pack: f.text(0)?,
            id: f.text(1)?,
        },
        "debate-more" if f.arity(1) => CustomId::MotionMore { pack: f.text(0)? },
        "thinker" if f.arity(2) => CustomId::Thinker {
            pack: f.text(0)?,
            id: f.text(1)?,
        },
        "letter" if f.arity(1) => CustomId::Letter { pack: f.text(0)? },
        "essay" if f.arity(1) => CustomId::Essay { pack: f.text(0)? },
        "open" if !f.0.is_empty() => CustomId::Open {
            scope: f.0.join(":"),
        },
        "delete" if f.arity(1) => CustomId::Delete {
            owner: f.number(0)?,
        },
        _ => return None,
    })
}

/// Votes, and a class debate's buttons.
fn decode_debate(kind: &str, f: &Fields<'_>) -> Option<CustomId> {
    Some(match kind {
        "vote" if f.arity(2) => CustomId::Vote {
            debate: f.number(0)?,
            side: Side::parse(f.raw(1)?)?,
        },
        "close" if f.arity(1) => CustomId::CloseVote {
            debate: f.number(0)?,
        },
        "dbh" if f.arity(1) => CustomId::DebateHistory { page: f.number(0)? },
        "db" if f.0.len() >= 2 => {
            let act = match (f.raw(1)?, f.0.len()) {
                ("join", 3) => Act::Join(Some(
                    Side::parse(f.raw(2)?).filter(|s| *s != Side::Undecided)?,
                )),
                ("in", 2) => Act::Join(None),
                ("vote", 4) => Act::Ballot(Poll::parse(f.raw(2)?)?, Side::parse(f.raw(3)?)?),
                ("next", 2) => Act::Next(None),
                ("next", 5) => Act::Next(Some(Shown {
                    phase: Phase::parse(f.raw(2)?)?,
                    speech: f.number(3)?,
                    started: flag(f.raw(4)?)?,
                })),
                ("pause", 2) => Act::Pause(None),
                ("pause", 4) => Act::Pause(Some((f.number(2)?, flag(f.raw(3)?)?))),
                ("extend", 2) => Act::Extend,
                ("speak", 3) => Act::Speak(f.number(2)?),
                ("poi", 3) => Act::Poi(f.number(2)?),
                ("poi-yes", 3) => Act::PoiAnswer(f.number(2)?, true, None),
                ("poi-no", 3) => Act::PoiAnswer(f.number(2)?, false, None),
                ("poi-yes", 4) => Act::PoiAnswer(f.number(2)?, true, Some(f.number(3)?)),
                ("poi-no", 4) => Act::PoiAnswer(f.number(2)?, false, Some(f.number(3)?)),
                ("argue", 2) => Act::Argue,
                ("argument", 2) => Act::Argument,
                ("mine", 2) => Act::MySide,
                _ => return None,
            };
            CustomId::Class {
                debate: f.number(0)?,
                act,
            }
        }
        _ => return None,
    })
}

/// Quiz rounds, practice, boards and homework.
fn decode_quiz(kind: &str, f: &Fields<'_>) -> Option<CustomId> {
    Some(match kind {
        "quiz-in" if f.arity(1) => CustomId::QuizIn {
            round: f.number(0)?,
        },
        "quiz" if f.arity(3) => CustomId::QuizAnswer {
            round: f.number(0)?,
            number: f.number(1)?,
            position: f.number(2)?,
        },
        "quiz-hint" if f.arity(2) => CustomId::QuizHint {
            round: f.number(0)?,
            number: f.number(1)?,
        },
        "quiz-skip" if f.arity(2) => CustomId::QuizSkip {
            round: f.number(0)?,
            number: f.number(1)?,
        },
        "qb" if f.arity(3) => CustomId::QuizBoard {
            period: Period::parse(f.raw(0)?)?,
            sort: Sort::parse(f.raw(1)?)?,
            page: f.number(2)?,
        },
        "quiz-team" if f.arity(2) => CustomId::QuizTeam {
            round: f.number(0)?,
            team: f.number(1)?,
        },
        "practice" if f.arity(4) => CustomId::Practice {
            run: f.number(0)?,
            number: f.number(1)?,
            question: f.text(2)?,
            choice: f.number(3)?,
        },
        "quiz-type" if f.arity(2) => CustomId::QuizType {
            round: f.number(0)?,
            number: f.number(1)?,
        },
        "quiz-typed" if f.arity(2) => CustomId::QuizTyped {
            round: f.number(0)?,
            number: f.number(1)?,
        },
        "quiz-reset" if f.arity(3) => CustomId::QuizReset {
            period: match f.raw(0)? {
                "cancel" => None,
                p => Some(Period::parse(p)?),
            },
            owner: f.number(1)?,
            guild: f.number(2)?,
        },
        "hw-start" if f.arity(1) => CustomId::HomeworkStart {
            homework: f.number(0)?,
        },
        "hw-close" if f.arity(3) => CustomId::HomeworkClose {
            homework: f.number(0)?,
            owner: f.number(1)?,
            confirm: match f.raw(2)? {
                "close" => true,
                "cancel" => false,
                _ => return None,
            },
        },
        "hw" if f.arity(3) => CustomId::HomeworkAnswer {
            homework: f.number(0)?,
            number: f.number(1)?,
            position: f.number(2)?,
        },
        _ => return None,
    })
}

/// Daily posts' roles and suggestions; privacy.
fn decode_daily(kind: &str, f: &Fields<'_>) -> Option<CustomId> {
    Some(match kind {
        "daily-role" if f.arity(1) => CustomId::DailyRole { role: f.number(0)? },
        "sugg-approve" if f.arity(1) => CustomId::Approve {
            suggestion: f.number(0)?,
        },
        "sugg-deny" if f.arity(1) => CustomId::Deny {
            suggestion: f.number(0)?,
        },
        "sugg-reason" if f.arity(1) => CustomId::DenyReason {
            suggestion: f.number(0)?,
        },
        "privacy" if f.arity(2) => CustomId::Privacy {
            delete: match f.raw(0)? {
                "delete" => true,
                "cancel" => false,
                _ => return None,
            },
            owner: f.number(1)?,
        },
        "course-form" if f.arity(2) => CustomId::CourseForm {
            kind: ItemKind::parse(f.raw(0)?)?,
            draft: f.number(1)?,
        },
        "course-draft" if f.arity(2) => CustomId::CourseDraft {
            draft: f.number(0)?,
            confirm: match f.raw(1)? {
                "save" => true,
                "cancel" => false,
                _ => return None,
            },
        },
        _ => return None,
    })
}

/// Written work: responding, and a teacher's review.
fn decode_responses(kind: &str, f: &Fields<'_>) -> Option<CustomId> {
    Some(match kind {
        "rsp" if f.arity(1) => CustomId::Respond {
            on: On::parse(f.raw(0)?)?,
        },
        "rsp-form" if f.arity(1) => CustomId::Responded {
            on: On::parse(f.raw(0)?)?,
        },
        "rsp-draft" if f.arity(2) => CustomId::ResponseDraft {
            draft: f.number(0)?,
            act: DraftAct::parse(f.raw(1)?)?,
        },
        "rv" if f.arity(5) => CustomId::Review {
            response: f.number(0)?,
            act: ReviewAct::parse(f.raw(1)?)?,
            walk: Walk::parse(f.raw(2)?, f.raw(3)?, f.raw(4)?)?,
        },
        "rsp-share" if f.arity(2) => CustomId::ShareConsent {
            response: f.number(0)?,
            yes: match f.raw(1)? {
                "yes" => true,
                "no" => false,
                _ => return None,
            },
        },
        _ => return None,
    })
}

impl fmt::Display for CustomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::responses::model::Status;
    use proptest::prelude::*;

    fn slug() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9-]{0,23}"
    }

    fn side() -> impl Strategy<Value = Side> {
        prop_oneof![
            Just(Side::Benjamin),
            Just(Side::Adorno),
            Just(Side::Undecided)
        ]
    }

    fn sort() -> impl Strategy<Value = Sort> {
        prop_oneof![
            Just(Sort::Points),
            Just(Sort::Accuracy),
            Just(Sort::Wins),
            Just(Sort::Games)
        ]
    }

    fn period() -> impl Strategy<Value = Period> {
        prop_oneof![
            Just(Period::Week),
            Just(Period::Month),
            Just(Period::Term),
            Just(Period::All)
        ]
    }

    /// One strategy per variant, so every kind is exercised.
    fn any_id() -> impl Strategy<Value = CustomId> {
        prop_oneof![
            (slug(), slug()).prop_map(|(pack, id)| CustomId::Concept { pack, id }),
            (slug(), slug()).prop_map(|(pack, id)| CustomId::Section { pack, id }),
            (slug(), slug(), any::<bool>()).prop_map(|(pack, id, german)| CustomId::Quote {
                pack,
                id,
                german
            }),
            (
                slug(),
                proptest::option::of(slug()),
                proptest::option::of(slug())
            )
                .prop_map(|(pack, topic, speaker)| CustomId::QuoteMore {
                    pack,
                    topic,
                    speaker
                }),
            (slug(), slug()).prop_map(|(pack, id)| CustomId::Motion { pack, id }),
            slug().prop_map(|pack| CustomId::MotionMore { pack }),
            (slug(), slug()).prop_map(|(pack, id)| CustomId::Thinker { pack, id }),
            slug().prop_map(|pack| CustomId::Letter { pack }),
            slug().prop_map(|pack| CustomId::Essay { pack }),
            "[a-z0-9-]{1,20}(:[a-z0-9-]{1,20})?".prop_map(|scope| CustomId::Open { scope }),
            any::<u64>().prop_map(|owner| CustomId::Delete { owner }),
            (any::<u64>(), side()).prop_map(|(debate, side)| CustomId::Vote { debate, side }),
            any::<u64>().prop_map(|debate| CustomId::CloseVote { debate }),
            any::<u32>().prop_map(|page| CustomId::DebateHistory { page }),
            any::<u64>().prop_map(|round| CustomId::QuizIn { round }),
            (any::<u32>(), "[a-z ?:]{1,40}")
                .prop_map(|(page, query)| CustomId::SearchPage { page, query }),
            (any::<u64>(), 0usize..100, 0usize..4).prop_map(|(round, number, position)| {
                CustomId::QuizAnswer {
                    round,
                    number,
                    position,
                }
            }),
            (any::<u64>(), 0usize..100)
                .prop_map(|(round, number)| CustomId::QuizHint { round, number }),
            (any::<u64>(), 0usize..100)
                .prop_map(|(round, number)| CustomId::QuizSkip { round, number }),
            (period(), sort(), any::<u32>()).prop_map(|(period, sort, page)| CustomId::QuizBoard {
                period,
                sort,
                page
            }),
            (any::<u64>(), 0usize..4).prop_map(|(round, team)| CustomId::QuizTeam { round, team }),
            (any::<u64>(), 0usize..100, slug(), 0usize..4).prop_map(
                |(run, number, question, choice)| CustomId::Practice {
                    run,
                    number,
                    question,
                    choice
                }
            ),
            (any::<u64>(), 0usize..100)
                .prop_map(|(round, number)| CustomId::QuizType { round, number }),
            (any::<u64>(), 0usize..100)
                .prop_map(|(round, number)| CustomId::QuizTyped { round, number }),
            (proptest::option::of(period()), any::<u64>(), any::<u64>()).prop_map(
                |(period, owner, guild)| CustomId::QuizReset {
                    period,
                    owner,
                    guild
                }
            ),
            any::<u64>().prop_map(|homework| CustomId::HomeworkStart { homework }),
            (any::<u64>(), any::<u64>(), any::<bool>()).prop_map(|(homework, owner, confirm)| {
                CustomId::HomeworkClose {
                    homework,
                    owner,
                    confirm,
                }
            }),
            (any::<u64>(), 0usize..100, 0usize..4).prop_map(|(homework, number, position)| {
                CustomId::HomeworkAnswer {
                    homework,
                    number,
                    position,
                }
            }),
            any::<u64>().prop_map(|role| CustomId::DailyRole { role }),
            any::<i64>().prop_map(|suggestion| CustomId::Approve { suggestion }),
            any::<i64>().prop_map(|suggestion| CustomId::Deny { suggestion }),
            any::<i64>().prop_map(|suggestion| CustomId::DenyReason { suggestion }),
            (any::<bool>(), any::<u64>())
                .prop_map(|(delete, owner)| CustomId::Privacy { delete, owner }),
            (any::<u64>(), act()).prop_map(|(debate, act)| CustomId::Class { debate, act }),
            on().prop_map(|on| CustomId::Respond { on }),
            on().prop_map(|on| CustomId::Responded { on }),
            (
                any::<u64>(),
                prop_oneof![
                    Just(DraftAct::Save),
                    Just(DraftAct::Edit),
                    Just(DraftAct::Discard)
                ]
            )
                .prop_map(|(draft, act)| CustomId::ResponseDraft { draft, act }),
            (0i64..i64::MAX, review_act(), walk()).prop_map(|(response, act, walk)| {
                CustomId::Review {
                    response,
                    act,
                    walk,
                }
            }),
            (0i64..i64::MAX, any::<bool>())
                .prop_map(|(response, yes)| CustomId::ShareConsent { response, yes }),
        ]
    }

    fn on() -> impl Strategy<Value = On> {
        prop_oneof![
            (0i64..10_000_000_000, 19_000_101u32..99_991_231)
                .prop_map(|(schedule, date)| On::Prompt { schedule, date }),
            any::<u8>().prop_map(|point| On::Letter { point }),
            any::<u64>().prop_map(|debate| On::Motion { debate }),
            any::<u64>().prop_map(|homework| On::Homework { homework }),
        ]
    }

    fn status() -> impl Strategy<Value = Status> {
        prop_oneof![
            Just(Status::Accepted),
            Just(Status::Revision),
            Just(Status::Excellent),
            (1u8..=2).prop_map(Status::Label),
        ]
    }

    fn review_act() -> impl Strategy<Value = ReviewAct> {
        prop_oneof![
            status().prop_map(ReviewAct::Status),
            Just(ReviewAct::Feedback),
            Just(ReviewAct::FeedbackForm),
            Just(ReviewAct::Release),
            Just(ReviewAct::ReleaseAll),
            Just(ReviewAct::Share),
            Just(ReviewAct::FullText),
            Just(ReviewAct::Previous),
            Just(ReviewAct::Next),
        ]
    }

    fn walk() -> impl Strategy<Value = Walk> {
        (
            proptest::option::of(on()),
            proptest::option::of(any::<u64>()),
            proptest::option::of(proptest::option::of(status())),
        )
            .prop_map(|(on, channel, status)| Walk {
                on,
                channel,
                status,
            })
    }

    fn phase() -> impl Strategy<Value = Phase> {
        prop_oneof![
            Just(Phase::Lobby),
            Just(Phase::Opening),
            Just(Phase::Speech),
            Just(Phase::Closing),
            Just(Phase::Done),
        ]
    }

    fn act() -> impl Strategy<Value = Act> {
        let debater = prop_oneof![Just(Side::Benjamin), Just(Side::Adorno)];
        let poll = prop_oneof![Just(Poll::Opening), Just(Poll::Closing)];
        prop_oneof![
            proptest::option::of(debater).prop_map(Act::Join),
            (poll, side()).prop_map(|(p, s)| Act::Ballot(p, s)),
            Just(Act::Next(None)),
            (phase(), any::<u32>(), any::<bool>()).prop_map(|(phase, speech, started)| {
                Act::Next(Some(Shown {
                    phase,
                    speech,
                    started,
                }))
            }),
            proptest::option::of((any::<u32>(), any::<bool>())).prop_map(Act::Pause),
            Just(Act::Extend),
            any::<u32>().prop_map(Act::Speak),
            any::<u32>().prop_map(Act::Poi),
            (
                any::<u32>(),
                any::<bool>(),
                proptest::option::of(0i64..i64::MAX)
            )
                .prop_map(|(n, yes, hand)| Act::PoiAnswer(n, yes, hand)),
            Just(Act::Argue),
            Just(Act::Argument),
            Just(Act::MySide),
        ]
    }

    proptest! {
        #[test]
        fn every_variant_round_trips(id in any_id()) {
            let raw = id.encode();
            prop_assert!(raw.chars().count() <= crate::render::limits::CUSTOM_ID, "{raw}");
            prop_assert_eq!(CustomId::decode(&raw), Some(id));
        }

        #[test]
        fn anything_else_is_refused_or_read_consistently(raw in ".{0,120}") {
            // Whatever decodes must encode back to an id that decodes the same.
            if let Some(id) = CustomId::decode(&raw) {
                prop_assert_eq!(CustomId::decode(&id.encode()), Some(id));
            }
        }
    }

    #[test]
    fn the_wire_format_is_stable() {
        let id = CustomId::QuizAnswer {
            round: 123,
            number: 3,
            position: 2,
        };
        assert_eq!(id.encode(), "aura:quiz:123:3:2");
        let join = CustomId::QuizTeam {
            round: u64::MAX,
            team: 3,
        };
        assert_eq!(join.encode(), format!("aura:quiz-team:{}:3", u64::MAX));
        assert_eq!(CustomId::decode(&join.encode()), Some(join));
        let form = CustomId::QuizTyped {
            round: 123,
            number: 3,
        };
        assert_eq!(form.encode(), "aura:quiz-typed:123:3");
        assert_eq!(
            CustomId::decode("aura:vote:77:adorno"),
            Some(CustomId::Vote {
                debate: 77,
                side: Side::Adorno
            })
        );
        assert_eq!(
            CustomId::decode("aura:quote-more:benjamin:*:adorno"),
            Some(CustomId::QuoteMore {
                pack: "benjamin".into(),
                topic: None,
                speaker: Some("adorno".into())
            })
        );
        for forged in [
            "",
            "aura",
            "aura:vote:abc:adorno",
            "aura:vote:1:nobody",
            "aura:quiz:1:2",
            "aura:quiz-team:1",
            "aura:quiz-team:x:1",
            "aura:quiz-team:1:-1",
            "aura:quiz-team:1:2:3",
            "aura:hw:1:2",
            "aura:hw-start:x",
            "aura:quiz-typed:1",
            "aura:quiz-type:x:1",
            "aura:quiz-reset:forever:1:2",
            "aura:quiz-reset:week:1",
            "other:concept:a:b",
            "aura:delete:-1",
            "aura:privacy:maybe:1",
            "aura:db:1:join:undecided",
            "aura:db:1:vote:middle:adorno",
            "aura:db:x:next",
            "aura:db:1:next:2",
        ] {
            assert_eq!(CustomId::decode(forged), None, "{forged}");
        }
    }
}
