//! One quiz round as a pure state machine: questions drawn without repetition, choices shuffled
//! by a seeded RNG (so a round replays exactly), answers locked on the first click, scores kept
//! hidden until each reveal. It takes its clock as an argument and knows nothing of Discord.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::scoring::{self, Scoring};
use crate::pack::{Difficulty, QuizQuestion, Text};

/// Who answers: a Discord user id, as a plain number.
pub type Member = u64;

/// How a round is run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub questions: usize,
    pub difficulty: Option<Difficulty>,
    /// Only questions on these sections of the essay (empty: all).
    pub sections: Vec<String>,
    /// Only questions tagged with this concept.
    pub concept: Option<String>,
    pub seconds: u32,
    pub scoring: Scoring,
    pub streaks: bool,
    /// Questions in a row without any answer before the round stops by itself.
    pub idle_limit: u32,
    /// The round ends after the reveal in which someone reaches this many points.
    pub goal: Option<u32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            questions: 10,
            difficulty: None,
            sections: Vec::new(),
            concept: None,
            seconds: 20,
            scoring: Scoring::Speed,
            streaks: true,
            idle_limit: 2,
            goal: None,
        }
    }
}

/// What a hint gives one member for the open question: a wrong choice struck out (when there
/// are three or more) and the section to look in. A correct answer after a hint earns half.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub struck: Option<usize>,
    pub section: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("no quiz question matches those settings")]
    NoQuestions,
}

#[derive(Debug, Clone)]
struct Prepared {
    question: QuizQuestion,
    /// `order[i]` is the index, in the authored choices, of the choice shown at position `i`.
    order: Vec<usize>,
}

impl Prepared {
    fn correct_position(&self) -> usize {
        self.order
            .iter()
            .position(|&i| i == self.question.correct)
            .unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Ready,
    Open {
        opened_at: Instant,
        closes_at: Instant,
    },
    Revealed,
    Finished,
}

/// One member's answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub position: usize,
    pub taken: Duration,
    pub points: u32,
    pub correct: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub points: u32,
    pub correct: u32,
    pub answered: u32,
    pub streak: u32,
}

/// What the members see when a question opens.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    pub number: usize,
    pub total: usize,
    pub prompt: Text,
    pub choices: Vec<Text>,
    pub true_false: bool,
    pub closes_at: Instant,
}

/// What a click did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOutcome {
    Locked { position: usize },
    AlreadyAnswered,
    TooLate,
    NotOpen,
    NoSuchChoice,
}

/// What the members see when a question closes.
#[derive(Debug, Clone, PartialEq)]
pub struct Reveal {
    pub number: usize,
    pub correct_position: usize,
    pub explanation: Text,
    pub section: Option<String>,
    /// How many chose each position.
    pub counts: Vec<u32>,
    /// The top five so far: (rank, member, points).
    pub top: Vec<(u32, Member, u32)>,
    /// The round stopped itself: too many questions in a row without answers.
    pub idle_stop: bool,
    /// Someone reached the round's score goal: the round ends here.
    pub goal_reached: bool,
}

#[derive(Debug, Clone)]
pub struct Round {
    settings: Settings,
    questions: Vec<Prepared>,
    current: usize,
    phase: Phase,
    answers: Vec<HashMap<Member, Answer>>,
    hinted: Vec<HashSet<Member>>,
    totals: HashMap<Member, Totals>,
    idle: u32,
}

impl Round {
    /// Draws the round's questions from `pool`, without repetition, in an order and with
    /// choice orders fixed by `seed`.
    pub fn new(pool: &[QuizQuestion], settings: Settings, seed: u64) -> Result<Round, RoundError> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut eligible: Vec<&QuizQuestion> = pool
            .iter()
            .filter(|q| settings.difficulty.is_none_or(|d| q.difficulty == d))
            .filter(|q| {
                settings.sections.is_empty()
                    || q.section
                        .as_ref()
                        .is_some_and(|s| settings.sections.contains(s))
            })
            .filter(|q| {
                settings
                    .concept
                    .as_ref()
                    .is_none_or(|c| q.concepts.contains(c))
            })
            .collect();
        if eligible.is_empty() {
            return Err(RoundError::NoQuestions);
        }
        eligible.shuffle(&mut rng);
        eligible.truncate(settings.questions.max(1));
        let questions: Vec<Prepared> = eligible
            .into_iter()
            .map(|q| {
                let mut order: Vec<usize> = (0..q.choices.len()).collect();
                // True/false keeps its order; multiple choice is shuffled.
                if !q.true_false {
                    order.shuffle(&mut rng);
                }
                Prepared {
                    question: q.clone(),
                    order,
                }
            })
            .collect();
        let n = questions.len();
        Ok(Round {
            settings,
            questions,
            current: 0,
            phase: Phase::Ready,
            answers: vec![HashMap::new(); n],
            hinted: vec![HashSet::new(); n],
            totals: HashMap::new(),
            idle: 0,
        })
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The ids of the round's questions, in order (for replay and reports).
    pub fn question_ids(&self) -> Vec<&str> {
        self.questions
            .iter()
            .map(|p| p.question.id.as_str())
            .collect()
    }

    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }

    pub fn is_open(&self) -> bool {
        matches!(self.phase, Phase::Open { .. })
    }

    /// The number of the question open for answers, if one is.
    pub fn open_number(&self) -> Option<usize> {
        self.is_open().then_some(self.current + 1)
    }

    /// The index of the question `open_next` would open.
    fn next_index(&self) -> Option<usize> {
        let index = match self.phase {
            Phase::Ready => 0,
            Phase::Revealed => self.current + 1,
            Phase::Open { .. } | Phase::Finished => return None,
        };
        (index < self.questions.len()).then_some(index)
    }

    fn view(&self, index: usize, closes_at: Instant) -> QuestionView {
        let p = &self.questions[index];
        QuestionView {
            number: index + 1,
            total: self.questions.len(),
            prompt: p.question.prompt.clone(),
            choices: p
                .order
                .iter()
                .map(|&i| p.question.choices[i].clone())
                .collect(),
            true_false: p.question.true_false,
            closes_at,
        }
    }

    /// The question `open_next` will open, without opening it (for a reading time).
    pub fn upcoming(&self, now: Instant) -> Option<QuestionView> {
        let closes_at = now + Duration::from_secs(u64::from(self.settings.seconds));
        self.next_index().map(|i| self.view(i, closes_at))
    }

    /// Opens the next question at `now`; `None` when the round is over.
    pub fn open_next(&mut self, now: Instant) -> Option<QuestionView> {
        if matches!(self.phase, Phase::Open { .. } | Phase::Finished) {
            return None;
        }
        let Some(index) = self.next_index() else {
            self.phase = Phase::Finished;
            return None;
        };
        self.current = index;
        let closes_at = now + Duration::from_secs(u64::from(self.settings.seconds));
        self.phase = Phase::Open {
            opened_at: now,
            closes_at,
        };
        Some(self.view(index, closes_at))
    }

    /// A member's click at `now` on the choice shown at `position`: the first click locks.
    pub fn answer(&mut self, member: Member, position: usize, now: Instant) -> AnswerOutcome {
        let Phase::Open {
            opened_at,
            closes_at,
        } = self.phase
        else {
            return AnswerOutcome::NotOpen;
        };
        if now > closes_at {
            return AnswerOutcome::TooLate;
        }
        let p = &self.questions[self.current];
        if position >= p.order.len() {
            return AnswerOutcome::NoSuchChoice;
        }
        let answers = &mut self.answers[self.current];
        if answers.contains_key(&member) {
            return AnswerOutcome::AlreadyAnswered;
        }
        let correct = position == p.correct_position();
        let totals = self.totals.entry(member).or_default();
        let taken = now.saturating_duration_since(opened_at);
        let allowed = closes_at.saturating_duration_since(opened_at);
        let mut points = scoring::points(
            self.settings.scoring,
            correct,
            taken,
            allowed,
            totals.streak,
            self.settings.streaks,
        );
        if self.hinted[self.current].contains(&member) {
            points /= 2;
        }
        answers.insert(
            member,
            Answer {
                position,
                taken,
                points,
                correct,
            },
        );
        totals.points += points;
        totals.answered += 1;
        if correct {
            totals.correct += 1;
            totals.streak += 1;
        } else {
            totals.streak = 0;
        }
        AnswerOutcome::Locked { position }
    }

    /// A hint for `member` on the open question (`None` when no question is open or the
    /// member already answered). Asking twice gives the same hint.
    pub fn hint(&mut self, member: Member) -> Option<Hint> {
        if !self.is_open() || self.answers[self.current].contains_key(&member) {
            return None;
        }
        let p = &self.questions[self.current];
        let correct = p.correct_position();
        let wrong: Vec<usize> = (0..p.order.len()).filter(|&i| i != correct).collect();
        let struck = (p.order.len() >= 3 && !wrong.is_empty())
            .then(|| wrong[(member % wrong.len() as u64) as usize]);
        self.hinted[self.current].insert(member);
        Some(Hint {
            struck,
            section: p.question.section.clone(),
        })
    }

    /// Closes the open question and reveals it.
    pub fn reveal(&mut self) -> Option<Reveal> {
        if !self.is_open() {
            return None;
        }
        let p = &self.questions[self.current];
        let answers = &self.answers[self.current];
        let mut counts = vec![0u32; p.order.len()];
        for a in answers.values() {
            if let Some(c) = counts.get_mut(a.position) {
                *c += 1;
            }
        }
        // Members who let the question pass lose their streak.
        for (member, totals) in self.totals.iter_mut() {
            if !answers.contains_key(member) {
                totals.streak = 0;
            }
        }
        self.idle = if answers.is_empty() { self.idle + 1 } else { 0 };
        let idle_stop = self.settings.idle_limit > 0 && self.idle >= self.settings.idle_limit;
        let last = self.current + 1 >= self.questions.len();
        let goal_reached = self
            .settings
            .goal
            .is_some_and(|goal| self.totals.values().any(|t| t.points >= goal));
        self.phase = if idle_stop || last || goal_reached {
            Phase::Finished
        } else {
            Phase::Revealed
        };
        Some(Reveal {
            number: self.current + 1,
            correct_position: p.correct_position(),
            explanation: p.question.explanation.clone(),
            section: p.question.section.clone(),
            counts,
            top: self.standings().into_iter().take(5).collect(),
            idle_stop,
            goal_reached,
        })
    }

    /// Skips the open question: it is revealed without counting towards idleness.
    pub fn skip(&mut self) -> Option<Reveal> {
        let idle = self.idle;
        let reveal = self.reveal();
        self.idle = idle;
        reveal
    }

    /// Ends the round now; what was scored stays.
    pub fn stop(&mut self) {
        self.phase = Phase::Finished;
    }

    /// Everyone's points with shared ranks, best first.
    pub fn standings(&self) -> Vec<(u32, Member, u32)> {
        let scores: Vec<(Member, u32)> = self.totals.iter().map(|(m, t)| (*m, t.points)).collect();
        scoring::rank(&scores)
    }

    pub fn totals(&self, member: Member) -> Totals {
        self.totals.get(&member).copied().unwrap_or_default()
    }

    /// Every answer given so far: (question number, question id, member, answer).
    pub fn answers(&self) -> Vec<(usize, &str, Member, Answer)> {
        let mut out: Vec<(usize, &str, Member, Answer)> = self
            .answers
            .iter()
            .enumerate()
            .flat_map(|(i, m)| {
                let id = self.questions[i].question.id.as_str();
                m.iter().map(move |(member, a)| (i + 1, id, *member, *a))
            })
            .collect();
        out.sort_by_key(|(n, _, m, _)| (*n, *m));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str, difficulty: Difficulty) -> QuizQuestion {
        let t = |s: &str| Text {
            en: Some(s.into()),
            id: Some(s.into()),
        };
        QuizQuestion {
            id: id.into(),
            difficulty,
            prompt: t(id),
            choices: vec![t("right"), t("wrong 1"), t("wrong 2"), t("wrong 3")],
            correct: 0,
            true_false: false,
            explanation: t("because"),
            section: Some("v".into()),
            source: None,
            concepts: vec!["aura".into()],
            quote: None,
            generated: false,
        }
    }

    fn pool() -> Vec<QuizQuestion> {
        (0..12)
            .map(|i| {
                question(
                    &format!("q{i}"),
                    if i % 2 == 0 {
                        Difficulty::Easy
                    } else {
                        Difficulty::Hard
                    },
                )
            })
            .collect()
    }

    fn right(view: &QuestionView) -> usize {
        view.choices
            .iter()
            .position(|c| c.get(crate::pack::Lang::En) == "right")
            .unwrap()
    }

    #[test]
    fn questions_are_drawn_without_repetition_and_replay_exactly() {
        let settings = Settings {
            questions: 8,
            ..Settings::default()
        };
        let a = Round::new(&pool(), settings.clone(), 42).unwrap();
        let b = Round::new(&pool(), settings.clone(), 42).unwrap();
        let c = Round::new(&pool(), settings, 43).unwrap();
        let ids = a.question_ids();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 8);
        assert_eq!(ids, b.question_ids());
        assert_ne!(ids, c.question_ids());
        assert_eq!(
            a.questions
                .iter()
                .map(|p| p.order.clone())
                .collect::<Vec<_>>(),
            b.questions
                .iter()
                .map(|p| p.order.clone())
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn settings_filter_the_pool() {
        let settings = Settings {
            difficulty: Some(Difficulty::Hard),
            ..Settings::default()
        };
        let r = Round::new(&pool(), settings, 1).unwrap();
        assert_eq!(r.len(), 6);
        let none = Settings {
            sections: vec!["xv".into()],
            ..Settings::default()
        };
        assert_eq!(
            Round::new(&pool(), none, 1).unwrap_err(),
            RoundError::NoQuestions
        );
    }

    #[test]
    fn the_first_click_locks_and_late_clicks_change_nothing() {
        let t0 = Instant::now();
        let mut r = Round::new(
            &pool(),
            Settings {
                questions: 2,
                ..Settings::default()
            },
            7,
        )
        .unwrap();
        assert_eq!(r.answer(1, 0, t0), AnswerOutcome::NotOpen);
        let view = r.open_next(t0).unwrap();
        let ok = right(&view);
        assert_eq!(r.answer(1, ok, t0), AnswerOutcome::Locked { position: ok });
        assert_eq!(
            r.answer(1, (ok + 1) % 4, t0),
            AnswerOutcome::AlreadyAnswered
        );
        assert_eq!(r.answer(2, 9, t0), AnswerOutcome::NoSuchChoice);
        assert_eq!(
            r.answer(3, ok, t0 + Duration::from_secs(21)),
            AnswerOutcome::TooLate
        );
        assert_eq!(
            r.answer(4, (ok + 1) % 4, t0 + Duration::from_secs(10)),
            AnswerOutcome::Locked {
                position: (ok + 1) % 4
            }
        );
        let reveal = r.reveal().unwrap();
        assert_eq!(reveal.correct_position, ok);
        assert_eq!(reveal.counts.iter().sum::<u32>(), 2);
        assert_eq!(reveal.top[0], (1, 1, 1000));
        assert_eq!(r.totals(4).points, 0);
    }

    #[test]
    fn speed_streaks_and_shared_ranks_add_up() {
        let t0 = Instant::now();
        let settings = Settings {
            questions: 3,
            idle_limit: 0,
            ..Settings::default()
        };
        let mut r = Round::new(&pool(), settings, 3).unwrap();
        for q in 0..3u64 {
            let start = t0 + Duration::from_secs(100 * q);
            let view = r.open_next(start).unwrap();
            let ok = right(&view);
            // Member 1 answers at once, member 2 at the bell, both correct: a streak for both.
            r.answer(1, ok, start);
            r.answer(2, ok, start + Duration::from_secs(20));
            // Member 3 ties member 1 on the first question only.
            if q == 0 {
                r.answer(3, ok, start);
            }
            r.reveal().unwrap();
        }
        assert!(r.open_next(t0 + Duration::from_secs(1000)).is_none());
        assert!(r.is_finished());
        // 1000, 1000+100, 1000+200
        assert_eq!(r.totals(1).points, 3300);
        // 500, 500+100, 500+200
        assert_eq!(r.totals(2).points, 1800);
        assert_eq!(r.totals(3).points, 1000);
        assert_eq!(
            r.standings(),
            vec![(1, 1, 3300), (2, 2, 1800), (3, 3, 1000)]
        );
    }

    #[test]
    fn a_round_nobody_answers_stops_by_itself() {
        let t0 = Instant::now();
        let mut r = Round::new(
            &pool(),
            Settings {
                questions: 6,
                idle_limit: 2,
                ..Settings::default()
            },
            5,
        )
        .unwrap();
        r.open_next(t0).unwrap();
        assert!(!r.reveal().unwrap().idle_stop);
        r.open_next(t0).unwrap();
        assert!(r.reveal().unwrap().idle_stop);
        assert!(r.is_finished());
        assert!(r.open_next(t0).is_none());
    }

    #[test]
    fn a_hint_strikes_a_wrong_choice_and_halves_the_points() {
        let settings = Settings {
            questions: 2,
            scoring: Scoring::Flat,
            streaks: false,
            ..Settings::default()
        };
        let mut round = Round::new(&pool(), settings, 1).unwrap();
        let now = Instant::now();
        let view = round.open_next(now).unwrap();
        let good = right(&view);
        let hint = round.hint(7).unwrap();
        let struck = hint.struck.unwrap();
        assert_ne!(struck, good);
        assert_eq!(hint.section.as_deref(), Some("v"));
        assert_eq!(
            round.answer(7, good, now),
            AnswerOutcome::Locked { position: good }
        );
        assert_eq!(
            round.answer(8, good, now),
            AnswerOutcome::Locked { position: good }
        );
        assert_eq!(round.hint(7), None, "no hint after answering");
        assert_eq!(round.totals(7).points, 500);
        assert_eq!(round.totals(8).points, 1000);
    }

    #[test]
    fn the_round_ends_when_someone_reaches_the_goal() {
        let settings = Settings {
            questions: 5,
            scoring: Scoring::Flat,
            streaks: false,
            goal: Some(2000),
            ..Settings::default()
        };
        let mut round = Round::new(&pool(), settings, 2).unwrap();
        let now = Instant::now();
        for n in 1..=2 {
            let view = round.open_next(now).unwrap();
            round.answer(1, right(&view), now);
            let reveal = round.reveal().unwrap();
            assert_eq!(reveal.goal_reached, n == 2);
        }
        assert!(round.is_finished());
    }

    /// The engine takes its clock: under paused tokio time a round plays out exactly, with
    /// speed points from the simulated seconds.
    #[tokio::test(start_paused = true)]
    async fn a_round_runs_in_paused_tokio_time() {
        let settings = Settings {
            questions: 1,
            seconds: 20,
            streaks: false,
            ..Settings::default()
        };
        let mut round = Round::new(&pool(), settings, 3).unwrap();
        let opened = tokio::time::Instant::now();
        let view = round.open_next(opened.into_std()).unwrap();
        tokio::time::advance(std::time::Duration::from_secs(10)).await;
        let at = tokio::time::Instant::now().into_std();
        assert_eq!(
            round.answer(1, right(&view), at),
            AnswerOutcome::Locked {
                position: right(&view)
            }
        );
        tokio::time::advance(std::time::Duration::from_secs(11)).await;
        let late = tokio::time::Instant::now().into_std();
        assert_eq!(round.answer(2, right(&view), late), AnswerOutcome::TooLate);
        assert_eq!(
            round.totals(1).points,
            750,
            "half the time used: 1000 × (1 − 0.5/2)"
        );
    }
}
