//! One member's attempt at a homework, as a pure state machine over what the store keeps
//! (the question shown now and when it was shown): what a Start click and an answer click do,
//! given the assignment's rules and the time. The flow stores what this decides.
pub use super::model::Progress;

/// What an assignment allows, and whether it is still open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// How many questions it has.
    pub total: u32,
    /// Seconds per question, if limited.
    pub time_limit: Option<u32>,
    /// Unix seconds.
    pub due_at: i64,
    /// Closed (on time or early by a teacher).
    pub closed: bool,
}

impl Rules {
    /// Whether answers are taken at `now`.
    pub fn is_open(&self, now: i64) -> bool {
        !self.closed && now < self.due_at
    }

    /// The rules for a member with extra time: `percent` of the time limit (150: one and a
    /// half times), rounded up.
    pub fn for_member(self, percent: u32) -> Rules {
        Rules {
            time_limit: self
                .time_limit
                .map(|l| (u64::from(l) * u64::from(percent.max(100))).div_ceil(100))
                .map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
            ..self
        }
    }

    /// When a question shown at `shown_at` stops taking answers (`None`: no limit).
    pub fn answer_by(&self, shown_at: i64) -> Option<i64> {
        self.time_limit.map(|l| shown_at + i64::from(l))
    }
}

/// What a click on Start does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// A first attempt: question 1 is shown.
    Begin,
    /// Back to an unfinished attempt: the question shown before is shown again.
    Resume { number: u32 },
    /// Back to an unfinished attempt whose question ran out of time: it counts as missed and
    /// the next one is shown (or the attempt ends, if it was the last).
    Expired { number: u32, last: bool },
    /// Done already: one attempt each.
    Done,
    /// The assignment is closed.
    Closed,
}

/// What a click on an answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    /// The answer to question `number` is taken: counted when `in_time`, missed otherwise;
    /// `last` ends the attempt.
    Take {
        number: u32,
        in_time: bool,
        taken_secs: i64,
        last: bool,
    },
    /// A button of a question answered before (a double click, an old message): the current
    /// question is shown again.
    Stale { current: u32 },
    /// The attempt is finished.
    Done,
    /// No attempt: Start first.
    NotStarted,
    /// The assignment is closed; what was answered counts.
    Closed,
}

/// A click on Start at `now`.
pub fn on_start(rules: &Rules, attempt: Option<&Progress>, now: i64) -> Start {
    match attempt {
        Some(p) if p.finished || p.next > rules.total => Start::Done,
        _ if !rules.is_open(now) => Start::Closed,
        None => Start::Begin,
        Some(p) => match rules.answer_by(p.shown_at) {
            Some(by) if now > by => Start::Expired {
                number: p.next,
                last: p.next >= rules.total,
            },
            _ => Start::Resume { number: p.next },
        },
    }
}

/// A click at `now` on an answer to question `number`.
pub fn on_answer(rules: &Rules, attempt: Option<&Progress>, number: u32, now: i64) -> Click {
    let Some(p) = attempt else {
        return if rules.is_open(now) {
            Click::NotStarted
        } else {
            Click::Closed
        };
    };
    if p.finished || p.next > rules.total {
        return Click::Done;
    }
    if !rules.is_open(now) {
        return Click::Closed;
    }
    if number != p.next {
        return Click::Stale { current: p.next };
    }
    let in_time = rules.answer_by(p.shown_at).is_none_or(|by| now <= by);
    Click::Take {
        number,
        in_time,
        taken_secs: (now - p.shown_at).max(0),
        last: number >= rules.total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: Rules = Rules {
        total: 3,
        time_limit: Some(30),
        due_at: 1_000,
        closed: false,
    };

    fn at(next: u32, shown_at: i64) -> Progress {
        Progress {
            next,
            shown_at,
            finished: false,
        }
    }

    #[test]
    fn a_member_with_extra_time_answers_later_in_time_and_others_do_not() {
        let extra = RULES.for_member(150);
        assert_eq!(extra.time_limit, Some(45));
        assert_eq!(RULES.for_member(100), RULES);
        assert_eq!(RULES.for_member(133).time_limit, Some(40), "rounded up");
        // Shown at 100: at 140 the member with extra time is in time, the others are not.
        let late = at(1, 100);
        assert!(matches!(
            on_answer(&extra, Some(&late), 1, 140),
            Click::Take { in_time: true, .. }
        ));
        assert!(matches!(
            on_answer(&RULES, Some(&late), 1, 140),
            Click::Take { in_time: false, .. }
        ));
        assert_eq!(
            Rules {
                time_limit: None,
                ..RULES
            }
            .for_member(200)
            .time_limit,
            None
        );
    }

    #[test]
    fn start_begins_resumes_skips_a_question_out_of_time_and_refuses_a_second_attempt() {
        assert_eq!(on_start(&RULES, None, 10), Start::Begin);
        assert_eq!(
            on_start(&RULES, Some(&at(2, 100)), 120),
            Start::Resume { number: 2 }
        );
        assert_eq!(
            on_start(&RULES, Some(&at(2, 100)), 131),
            Start::Expired {
                number: 2,
                last: false
            }
        );
        assert_eq!(
            on_start(&RULES, Some(&at(3, 100)), 500),
            Start::Expired {
                number: 3,
                last: true
            }
        );
        let done = Progress {
            finished: true,
            ..at(4, 100)
        };
        assert_eq!(on_start(&RULES, Some(&done), 120), Start::Done);
        // After closing: done stays done, anything else is closed.
        assert_eq!(on_start(&RULES, Some(&done), 2_000), Start::Done);
        assert_eq!(on_start(&RULES, None, 1_000), Start::Closed);
        assert_eq!(on_start(&RULES, Some(&at(2, 990)), 1_000), Start::Closed);
        let closed = Rules {
            closed: true,
            ..RULES
        };
        assert_eq!(on_start(&closed, None, 10), Start::Closed);
        // Without a time limit a member may come back whenever they like.
        let untimed = Rules {
            time_limit: None,
            ..RULES
        };
        assert_eq!(
            on_start(&untimed, Some(&at(2, 100)), 900),
            Start::Resume { number: 2 }
        );
    }

    #[test]
    fn answers_are_taken_in_order_late_ones_are_missed_and_the_last_ends_the_attempt() {
        assert_eq!(
            on_answer(&RULES, Some(&at(1, 100)), 1, 130),
            Click::Take {
                number: 1,
                in_time: true,
                taken_secs: 30,
                last: false
            }
        );
        assert_eq!(
            on_answer(&RULES, Some(&at(1, 100)), 1, 131),
            Click::Take {
                number: 1,
                in_time: false,
                taken_secs: 31,
                last: false
            }
        );
        assert_eq!(
            on_answer(&RULES, Some(&at(3, 100)), 3, 101),
            Click::Take {
                number: 3,
                in_time: true,
                taken_secs: 1,
                last: true
            }
        );
        // A double click on question 1 after question 2 is shown.
        assert_eq!(
            on_answer(&RULES, Some(&at(2, 100)), 1, 101),
            Click::Stale { current: 2 }
        );
        assert_eq!(on_answer(&RULES, None, 1, 101), Click::NotStarted);
        assert_eq!(on_answer(&RULES, None, 1, 1_001), Click::Closed);
        assert_eq!(
            on_answer(&RULES, Some(&at(2, 990)), 2, 1_000),
            Click::Closed
        );
        let done = Progress {
            finished: true,
            ..at(4, 100)
        };
        assert_eq!(on_answer(&RULES, Some(&done), 3, 101), Click::Done);
    }
}
