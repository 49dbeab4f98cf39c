//! The class debate's phase machine: what "next" (the moderator's button or `/debate next`)
//! does from where the debate is, decided from the snapshot alone ([`Class::next`] gives a
//! [`Step`]); the flow claims the step in the store once and announces it.

use super::deal;
use super::model::{Class, Clock, Phase, SidesMode};
use crate::debate::Side;

/// Why "next" moves nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Someone moved the debate on a moment ago (or no speech is current).
    MovedAlready,
    /// The debate is over.
    Ended,
}

impl Refusal {
    /// The message key of what the moderator is told.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::MovedAlready => "class-moved-already",
            Refusal::Ended => "class-ended",
        }
    }
}

/// What "next" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The lobby closes and the opening vote opens; `deal`: the sides the members are dealt
    /// first (when Aura deals them).
    OpenOpening { deal: Option<Vec<(u64, Side)>> },
    /// The current speech, waiting for its speaker, starts now (with `speaker` when the
    /// moderator names one, else with the volunteer's name already stored).
    Start {
        number: u32,
        speaker: Option<(u64, String)>,
    },
    /// Speech `number` becomes current, after speech `ended` ends (none after the opening
    /// vote): it starts at once with `speaker`, or waits for a volunteer.
    Begin {
        ended: Option<u32>,
        number: u32,
        speaker: Option<(u64, String)>,
    },
    /// The last speech (`ended`) ends and the closing vote opens.
    OpenClosing { ended: u32 },
    /// The closing vote closes: the result and the summary are out.
    Finish,
    /// Nothing moves.
    Refuse(Refusal),
}

/// Where a class debate is in its flow: its phase and the current speech's number (0 outside
/// the speeches).
pub type Place = (Phase, u32);

impl Step {
    /// The move of phase this step claims (from, to), compared and set in one statement so
    /// that a second click finds the debate moved; `None` for a step claimed otherwise (a
    /// speech's start, the debate's close) or for a refusal.
    pub fn moves(&self) -> Option<(Place, Place)> {
        match self {
            Step::OpenOpening { .. } => Some(((Phase::Lobby, 0), (Phase::Opening, 0))),
            Step::Begin { ended, number, .. } => {
                let from = match ended {
                    Some(n) => (Phase::Speech, *n),
                    None => (Phase::Opening, 0),
                };
                Some((from, (Phase::Speech, *number)))
            }
            Step::OpenClosing { ended } => Some(((Phase::Speech, *ended), (Phase::Closing, 0))),
            Step::Start { .. } | Step::Finish | Step::Refuse(_) => None,
        }
    }
}

impl Class {
    /// What "next" does at `now`, `speaker` the member the moderator names for the speech it
    /// starts or begins: the lobby opens the opening vote (dealing sides in "assign" mode),
    /// the opening vote begins the first speech, a speech waiting for its speaker starts, a
    /// speech under way gives way to the next one or, the last, to the closing vote, and the
    /// closing vote finishes the debate.
    pub fn next(&self, now: i64, speaker: Option<(u64, String)>) -> Step {
        match self.phase {
            Phase::Lobby => Step::OpenOpening {
                deal: (self.sides_mode == SidesMode::Assign).then(|| {
                    let members: Vec<u64> = self.members.iter().map(|m| m.id).collect();
                    deal::deal(&members, self.seed)
                }),
            },
            Phase::Opening => Step::Begin {
                ended: None,
                number: 1,
                speaker,
            },
            Phase::Speech => match self.current() {
                None => Step::Refuse(Refusal::MovedAlready),
                Some(sp) if sp.clock(now) == Clock::Waiting => Step::Start {
                    number: sp.number,
                    speaker,
                },
                Some(sp) if sp.number >= self.speeches.len() as u32 => {
                    Step::OpenClosing { ended: sp.number }
                }
                Some(sp) => Step::Begin {
                    ended: Some(sp.number),
                    number: sp.number + 1,
                    speaker,
                },
            },
            Phase::Closing => Step::Finish,
            Phase::Done => Step::Refuse(Refusal::Ended),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debate::class::{Member, Speech, order, warn_secs};
    use crate::debate::rules::opened_by;
    use crate::debate::tests::member;
    use crate::debate::{Format, Tally};
    use crate::i18n::t;
    use crate::pack::Lang;

    const NOW: i64 = 10_000;

    /// A debate of four members with `speeches` speeches, none started, at `phase`.
    fn class(speeches: u32, phase: Phase, mode: SidesMode) -> Class {
        let speeches = order(speeches)
            .into_iter()
            .zip(1..)
            .map(|((part, side), number)| Speech {
                number,
                part,
                side,
                speaker: None,
                allowed: 120,
                started_at: None,
                deadline: None,
                remaining: None,
                warn_secs: warn_secs(120),
                warned: false,
                timed: false,
                ended_at: None,
                used: None,
            })
            .collect();
        Class {
            debate: opened_by(
                &member(1, 3, 2),
                ("benjamin".into(), "film-makes-experts".into(), None),
                Format::Class,
                0,
                NOW * 10,
            ),
            sides_mode: mode,
            speech_secs: 120,
            seed: 5,
            phase,
            speech: 0,
            ping_speakers: false,
            members: (10..14)
                .map(|id| Member {
                    id,
                    name: format!("member {id}"),
                    side: None,
                })
                .collect(),
            speeches,
            pois: Vec::new(),
            arguments: Vec::new(),
            opening: Tally::default(),
            closing: Tally::default(),
        }
    }

    /// `c` during speech `number`, its clock running (started a minute ago).
    fn speaking(mut c: Class, number: u32) -> Class {
        c.phase = Phase::Speech;
        c.speech = number;
        for sp in &mut c.speeches {
            if sp.number < number {
                sp.started_at = Some(0);
                sp.ended_at = Some(100);
            } else if sp.number == number {
                sp.speaker = Some((10, "member 10".into()));
                sp.started_at = Some(NOW - 60);
                sp.deadline = Some(NOW + 60);
            }
        }
        c
    }

    fn named() -> Option<(u64, String)> {
        Some((11, "member 11".into()))
    }

    #[test]
    fn the_lobby_opens_the_opening_vote() {
        let step = class(6, Phase::Lobby, SidesMode::Join).next(NOW, None);
        assert_eq!(step, Step::OpenOpening { deal: None });
        assert_eq!(step.moves(), Some(((Phase::Lobby, 0), (Phase::Opening, 0))));
    }

    #[test]
    fn in_assign_mode_the_lobby_deals_every_member_a_side_first() {
        let c = class(6, Phase::Lobby, SidesMode::Assign);
        let Step::OpenOpening { deal: Some(dealt) } = c.next(NOW, None) else {
            panic!("no sides dealt");
        };
        assert_eq!(dealt, deal::deal(&[10, 11, 12, 13], c.seed));
        let mut ids: Vec<u64> = dealt.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        assert_eq!(ids, [10, 11, 12, 13]);
        let benjamin = dealt.iter().filter(|(_, s)| *s == Side::Benjamin).count();
        assert_eq!(benjamin, 2);
    }

    #[test]
    fn the_opening_vote_begins_the_first_speech_with_the_named_speaker() {
        let c = class(6, Phase::Opening, SidesMode::Join);
        assert_eq!(
            c.next(NOW, None),
            Step::Begin {
                ended: None,
                number: 1,
                speaker: None
            }
        );
        let step = c.next(NOW, named());
        assert_eq!(
            step,
            Step::Begin {
                ended: None,
                number: 1,
                speaker: named()
            }
        );
        assert_eq!(
            step.moves(),
            Some(((Phase::Opening, 0), (Phase::Speech, 1)))
        );
    }

    #[test]
    fn a_speech_waiting_for_its_speaker_starts_and_the_phase_stays() {
        let mut c = class(6, Phase::Speech, SidesMode::Join);
        c.speech = 3;
        let step = c.next(NOW, named());
        assert_eq!(
            step,
            Step::Start {
                number: 3,
                speaker: named()
            }
        );
        assert_eq!(step.moves(), None);
    }

    #[test]
    fn a_speech_under_way_running_paused_or_over_gives_way_to_the_next() {
        let running = speaking(class(6, Phase::Speech, SidesMode::Join), 2);
        let mut paused = running.clone();
        paused.speeches[1].deadline = None;
        paused.speeches[1].remaining = Some(30);
        let mut over = running.clone();
        over.speeches[1].deadline = Some(NOW - 1);
        for c in [running, paused, over] {
            let step = c.next(NOW, None);
            assert_eq!(
                step,
                Step::Begin {
                    ended: Some(2),
                    number: 3,
                    speaker: None
                }
            );
            assert_eq!(step.moves(), Some(((Phase::Speech, 2), (Phase::Speech, 3))));
        }
    }

    #[test]
    fn the_last_of_two_four_or_six_speeches_opens_the_closing_vote() {
        for total in [2, 4, 6] {
            let c = class(total, Phase::Opening, SidesMode::Join);
            assert_eq!(c.speeches.len() as u32, total);
            for number in 1..total {
                let step = speaking(c.clone(), number).next(NOW, None);
                assert_eq!(
                    step,
                    Step::Begin {
                        ended: Some(number),
                        number: number + 1,
                        speaker: None
                    },
                    "{total} speeches, after speech {number}"
                );
            }
            let step = speaking(c, total).next(NOW, named());
            assert_eq!(step, Step::OpenClosing { ended: total });
            assert_eq!(
                step.moves(),
                Some(((Phase::Speech, total), (Phase::Closing, 0)))
            );
        }
    }

    #[test]
    fn the_closing_vote_finishes_the_debate() {
        let step = class(6, Phase::Closing, SidesMode::Join).next(NOW, None);
        assert_eq!(step, Step::Finish);
        assert_eq!(step.moves(), None);
    }

    #[test]
    fn a_debate_over_or_without_a_current_speech_is_refused_with_its_reason() {
        let done = class(6, Phase::Done, SidesMode::Join).next(NOW, None);
        assert_eq!(done, Step::Refuse(Refusal::Ended));
        assert_eq!(done.moves(), None);
        assert_eq!(Refusal::Ended.key(), "class-ended");
        assert_eq!(t(Lang::En, Refusal::Ended.key()), "This debate has ended.");

        let mut lost = class(6, Phase::Speech, SidesMode::Join);
        lost.speech = 7;
        assert_eq!(lost.next(NOW, None), Step::Refuse(Refusal::MovedAlready));
        assert_eq!(Refusal::MovedAlready.key(), "class-moved-already");
        assert!(
            t(Lang::En, Refusal::MovedAlready.key()).starts_with("Someone moved the debate on")
        );
    }
}
