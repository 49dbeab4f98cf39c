//! The one codec for `custom_id`s: every button, menu and modal Aura puts on a message is a
//! [`CustomId`] variant, encoded as `aura:<kind>:<fields…>` and decoded back by the router.
//! No other code builds or takes apart a `custom_id` string.
//!
//! Fields are pack slugs, Discord snowflakes and small numbers, none of which contain `:`.

use std::fmt;

use crate::debate::Side;
use crate::debate::class::{Act, Poll};
use crate::quiz::Period;

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
    /// An answer to a quiz question.
    QuizAnswer {
        round: u64,
        number: usize,
        position: usize,
    },
    /// A hint on a quiz question.
    QuizHint { round: u64, number: usize },
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
}

const PREFIX: &str = "aura";
/// What stands for an absent optional field.
const NONE: &str = "*";

impl CustomId {
    /// The `custom_id` string.
    pub fn encode(&self) -> String {
        let parts: Vec<String> = match self {
            CustomId::Concept { pack, id } => vec!["concept".into(), pack.clone(), id.clone()],
            CustomId::Section { pack, id } => vec!["section".into(), pack.clone(), id.clone()],
            CustomId::Quote { pack, id, german } => vec![
                if *german { "quote-de" } else { "quote" }.into(),
                pack.clone(),
                id.clone(),
            ],
            CustomId::QuoteMore {
                pack,
                topic,
                speaker,
            } => {
                let mut parts = vec!["quote-more".into(), pack.clone()];
                let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| NONE.into());
                match (topic, speaker) {
                    (None, None) => {}
                    (_, None) => parts.push(opt(topic)),
                    _ => parts.extend([opt(topic), opt(speaker)]),
                }
                parts
            }
            CustomId::Motion { pack, id } => vec!["debate".into(), pack.clone(), id.clone()],
            CustomId::MotionMore { pack } => vec!["debate-more".into(), pack.clone()],
            CustomId::Thinker { pack, id } => vec!["thinker".into(), pack.clone(), id.clone()],
            CustomId::Letter { pack } => vec!["letter".into(), pack.clone()],
            CustomId::Essay { pack } => vec!["essay".into(), pack.clone()],
            CustomId::Open { scope } => vec!["open".into(), scope.clone()],
            CustomId::Delete { owner } => vec!["delete".into(), owner.to_string()],
            CustomId::Vote { debate, side } => {
                vec!["vote".into(), debate.to_string(), side.code().into()]
            }
            CustomId::CloseVote { debate } => vec!["close".into(), debate.to_string()],
            CustomId::QuizAnswer {
                round,
                number,
                position,
            } => vec![
                "quiz".into(),
                round.to_string(),
                number.to_string(),
                position.to_string(),
            ],
            CustomId::QuizHint { round, number } => {
                vec!["quiz-hint".into(), round.to_string(), number.to_string()]
            }
            CustomId::QuizTeam { round, team } => {
                vec!["quiz-team".into(), round.to_string(), team.to_string()]
            }
            CustomId::Practice {
                run,
                number,
                question,
                choice,
            } => vec![
                "practice".into(),
                run.to_string(),
                number.to_string(),
                question.clone(),
                choice.to_string(),
            ],
            CustomId::QuizType { round, number } => {
                vec!["quiz-type".into(), round.to_string(), number.to_string()]
            }
            CustomId::QuizTyped { round, number } => {
                vec!["quiz-typed".into(), round.to_string(), number.to_string()]
            }
            CustomId::QuizReset {
                period,
                owner,
                guild,
            } => vec![
                "quiz-reset".into(),
                period.map(Period::code).unwrap_or("cancel").into(),
                owner.to_string(),
                guild.to_string(),
            ],
            CustomId::HomeworkStart { homework } => vec!["hw-start".into(), homework.to_string()],
            CustomId::HomeworkAnswer {
                homework,
                number,
                position,
            } => vec![
                "hw".into(),
                homework.to_string(),
                number.to_string(),
                position.to_string(),
            ],
            CustomId::DailyRole { role } => vec!["daily-role".into(), role.to_string()],
            CustomId::Approve { suggestion } => {
                vec!["sugg-approve".into(), suggestion.to_string()]
            }
            CustomId::Deny { suggestion } => vec!["sugg-deny".into(), suggestion.to_string()],
            CustomId::DenyReason { suggestion } => {
                vec!["sugg-reason".into(), suggestion.to_string()]
            }
            CustomId::Class { debate, act } => {
                let mut parts = vec!["db".into(), debate.to_string()];
                parts.extend(match act {
                    Act::Join(Some(side)) => vec!["join".into(), side.code().into()],
                    Act::Join(None) => vec!["in".into()],
                    Act::Ballot(poll, side) => {
                        vec!["vote".into(), poll.code().into(), side.code().into()]
                    }
                    Act::Next => vec!["next".into()],
                    Act::Pause => vec!["pause".into()],
                    Act::Extend => vec!["extend".into()],
                    Act::Speak(n) => vec!["speak".into(), n.to_string()],
                    Act::Poi(n) => vec!["poi".into(), n.to_string()],
                    Act::PoiAnswer(n, yes) => vec![
                        if *yes { "poi-yes" } else { "poi-no" }.into(),
                        n.to_string(),
                    ],
                    Act::Argue => vec!["argue".into()],
                    Act::Argument => vec!["argument".into()],
                    Act::MySide => vec!["mine".into()],
                });
                parts
            }
            CustomId::Privacy { delete, owner } => vec![
                "privacy".into(),
                if *delete { "delete" } else { "cancel" }.into(),
                owner.to_string(),
            ],
        };
        let mut out = String::from(PREFIX);
        for p in parts {
            out.push(':');
            out.push_str(&p);
        }
        out
    }

    /// Reads a `custom_id`; `None` for anything Aura did not make (or no longer makes).
    pub fn decode(raw: &str) -> Option<CustomId> {
        let mut parts = raw.split(':');
        if parts.next()? != PREFIX {
            return None;
        }
        let kind = parts.next()?;
        let rest: Vec<&str> = parts.collect();
        let text = |i: usize| {
            rest.get(i)
                .copied()
                .filter(|s| !s.is_empty() && *s != NONE)
                .map(String::from)
        };
        let number = |i: usize| rest.get(i)?.parse::<u64>().ok();
        let small = |i: usize| rest.get(i)?.parse::<usize>().ok();
        let signed = |i: usize| rest.get(i)?.parse::<i64>().ok();
        let arity = |n: usize| rest.len() == n;
        let id = match kind {
            "concept" if arity(2) => CustomId::Concept {
                pack: text(0)?,
                id: text(1)?,
            },
            "section" if arity(2) => CustomId::Section {
                pack: text(0)?,
                id: text(1)?,
            },
            "quote" | "quote-de" if arity(2) => CustomId::Quote {
                pack: text(0)?,
                id: text(1)?,
                german: kind == "quote-de",
            },
            "quote-more" if (1..=3).contains(&rest.len()) => CustomId::QuoteMore {
                pack: text(0)?,
                topic: text(1),
                speaker: text(2),
            },
            "debate" if arity(2) => CustomId::Motion {
                pack: text(0)?,
                id: text(1)?,
            },
            "debate-more" if arity(1) => CustomId::MotionMore { pack: text(0)? },
            "thinker" if arity(2) => CustomId::Thinker {
                pack: text(0)?,
                id: text(1)?,
            },
            "letter" if arity(1) => CustomId::Letter { pack: text(0)? },
            "essay" if arity(1) => CustomId::Essay { pack: text(0)? },
            "open" if !rest.is_empty() => CustomId::Open {
                scope: rest.join(":"),
            },
            "delete" if arity(1) => CustomId::Delete { owner: number(0)? },
            "vote" if arity(2) => CustomId::Vote {
                debate: number(0)?,
                side: Side::parse(rest[1])?,
            },
            "close" if arity(1) => CustomId::CloseVote { debate: number(0)? },
            "quiz" if arity(3) => CustomId::QuizAnswer {
                round: number(0)?,
                number: small(1)?,
                position: small(2)?,
            },
            "quiz-hint" if arity(2) => CustomId::QuizHint {
                round: number(0)?,
                number: small(1)?,
            },
            "quiz-team" if arity(2) => CustomId::QuizTeam {
                round: number(0)?,
                team: small(1)?,
            },
            "practice" if arity(4) => CustomId::Practice {
                run: number(0)?,
                number: small(1)?,
                question: text(2)?,
                choice: small(3)?,
            },
            "quiz-type" if arity(2) => CustomId::QuizType {
                round: number(0)?,
                number: small(1)?,
            },
            "quiz-typed" if arity(2) => CustomId::QuizTyped {
                round: number(0)?,
                number: small(1)?,
            },
            "quiz-reset" if arity(3) => CustomId::QuizReset {
                period: match rest[0] {
                    "cancel" => None,
                    p => Some(Period::parse(p)?),
                },
                owner: number(1)?,
                guild: number(2)?,
            },
            "hw-start" if arity(1) => CustomId::HomeworkStart {
                homework: number(0)?,
            },
            "hw" if arity(3) => CustomId::HomeworkAnswer {
                homework: number(0)?,
                number: small(1)?,
                position: small(2)?,
            },
            "daily-role" if arity(1) => CustomId::DailyRole { role: number(0)? },
            "sugg-approve" if arity(1) => CustomId::Approve {
                suggestion: signed(0)?,
            },
            "sugg-deny" if arity(1) => CustomId::Deny {
                suggestion: signed(0)?,
            },
            "sugg-reason" if arity(1) => CustomId::DenyReason {
                suggestion: signed(0)?,
            },
            "privacy" if arity(2) => CustomId::Privacy {
                delete: match rest[0] {
                    "delete" => true,
                    "cancel" => false,
                    _ => return None,
                },
                owner: number(1)?,
            },
            "db" if rest.len() >= 2 => {
                let step = |i: usize| rest.get(i)?.parse::<u32>().ok();
                let act = match (rest[1], rest.len()) {
                    ("join", 3) => Act::Join(Some(
                        Side::parse(rest[2]).filter(|s| *s != Side::Undecided)?,
                    )),
                    ("in", 2) => Act::Join(None),
                    ("vote", 4) => Act::Ballot(Poll::parse(rest[2])?, Side::parse(rest[3])?),
                    ("next", 2) => Act::Next,
                    ("pause", 2) => Act::Pause,
                    ("extend", 2) => Act::Extend,
                    ("speak", 3) => Act::Speak(step(2)?),
                    ("poi", 3) => Act::Poi(step(2)?),
                    ("poi-yes", 3) => Act::PoiAnswer(step(2)?, true),
                    ("poi-no", 3) => Act::PoiAnswer(step(2)?, false),
                    ("argue", 2) => Act::Argue,
                    ("argument", 2) => Act::Argument,
                    ("mine", 2) => Act::MySide,
                    _ => return None,
                };
                CustomId::Class {
                    debate: number(0)?,
                    act,
                }
            }
            _ => return None,
        };
        Some(id)
    }
}

impl fmt::Display for CustomId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            (any::<u64>(), 0usize..100, 0usize..4).prop_map(|(round, number, position)| {
                CustomId::QuizAnswer {
                    round,
                    number,
                    position,
                }
            }),
            (any::<u64>(), 0usize..100)
                .prop_map(|(round, number)| CustomId::QuizHint { round, number }),
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
        ]
    }

    fn act() -> impl Strategy<Value = Act> {
        let debater = prop_oneof![Just(Side::Benjamin), Just(Side::Adorno)];
        let poll = prop_oneof![Just(Poll::Opening), Just(Poll::Closing)];
        prop_oneof![
            proptest::option::of(debater).prop_map(Act::Join),
            (poll, side()).prop_map(|(p, s)| Act::Ballot(p, s)),
            Just(Act::Next),
            Just(Act::Pause),
            Just(Act::Extend),
            any::<u32>().prop_map(Act::Speak),
            any::<u32>().prop_map(Act::Poi),
            (any::<u32>(), any::<bool>()).prop_map(|(n, yes)| Act::PoiAnswer(n, yes)),
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
