//! One quiz round as a pure state machine: questions drawn without repetition, choices shuffled
//! by a seeded RNG (so a round replays exactly), answers locked on the first click, scores kept
//! hidden until each reveal. It takes its clock as an argument and knows nothing of Discord.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::asked::{Label, Shown};
use super::scoring::{self, Scoring};
use super::teams::{Joined, Roster, Team, TeamLine, Teams};
use crate::pack::{Difficulty, Lang, QuizQuestion, Text, Typed};

mod typed;

pub use crate::quiz::asked::Answering;

pub use super::model::Member;

/// How a round is run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub questions: usize,
    pub difficulty: Option<Difficulty>,
    /// Only questions on these sections of the essay (empty: all). A section listed `n` times
    /// weighs `n`: its questions are drawn `n` times as readily.
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
    /// Played in teams: members pick one before the first question or are dealt into one.
    pub teams: Option<Teams>,
    /// Answers clicked, typed, or typed where the question allows it, clicked otherwise.
    pub answering: Answering,
    /// Players who must say they are in before the first question (`None`: none wait).
    pub min_players: Option<u32>,
    /// How many votes of the members skip the open question.
    pub skip_votes: SkipVotes,
    /// Points a wrong answer given within [`MASHING`] of the question opening costs (0: no
    /// penalty), taken from the member's next points in the round, never below zero.
    pub penalty: u32,
    /// Questions the server hides (ids): never drawn.
    pub excluded: Vec<String>,
}

/// How members vote to skip a question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SkipVotes {
    /// No vote: only the teacher skips.
    Off,
    /// A majority of those who answered the previous question (the first question: of those
    /// who said they are in, or two votes when nobody was asked).
    #[default]
    Majority,
    /// This many votes.
    Count(u32),
}

/// A wrong answer this soon after a question opens is button mashing (see
/// [`Settings::penalty`]).
pub const MASHING: Duration = Duration::from_secs(1);

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
            teams: None,
            answering: Answering::Buttons,
            min_players: None,
            skip_votes: SkipVotes::Majority,
            penalty: 0,
            excluded: Vec::new(),
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
    /// Its choices' order, and whether it is asked for a typed answer rather than a click.
    shown: Shown,
}

impl Prepared {
    fn correct_position(&self) -> usize {
        self.shown.right_position(&self.question).unwrap_or(0)
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The position clicked; for a typed answer, the correct position when it was accepted and
    /// `None` when it was not.
    pub position: Option<usize>,
    /// The chosen choice's index in the question's authored order (`None`: a typed answer that
    /// was not accepted).
    pub choice: Option<usize>,
    pub taken: Duration,
    pub points: u32,
    pub correct: bool,
    /// The member's team, in a team round.
    pub team: Option<Team>,
    /// What the member typed, for a typed answer.
    pub typed: Option<String>,
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
    /// Asked for a typed answer: the card shows no choices, and an "Answer" button that opens
    /// a form.
    pub typed: bool,
    /// Members may vote to skip it (a "Skip" button).
    pub skippable: bool,
    /// Written by the server's teachers: the card says so (in the server's wording, if any).
    pub by_teacher: bool,
    pub label: Option<String>,
    /// How long it is open for answers, in seconds (its own time, or the round's).
    pub seconds: u32,
}

impl QuestionView {
    /// How the choice shown at `position` is named.
    pub fn label(&self, position: usize, lang: Lang) -> Label<'_> {
        let text = self.choices.get(position).map_or("", |c| c.get(lang));
        Label::of(self.true_false, position, text)
    }

    /// Every shown choice's [`Label`], in order.
    pub fn labels(&self, lang: Lang) -> Vec<Label<'_>> {
        (0..self.choices.len())
            .map(|p| self.label(p, lang))
            .collect()
    }
}

/// What a click (or a typed answer) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerOutcome {
    Locked {
        position: usize,
    },
    /// A typed answer locked in; whether it was accepted stays hidden until the reveal.
    Typed {
        correct: bool,
    },
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
    /// The concepts the question turns on (a card in both languages shows their terms).
    pub concepts: Vec<String>,
    /// How many chose each position.
    pub counts: Vec<u32>,
    /// The top five so far: (rank, member, points).
    pub top: Vec<(u32, Member, u32)>,
    /// The round stopped itself: too many questions in a row without answers.
    pub idle_stop: bool,
    /// Someone reached the round's score goal: the round ends here.
    pub goal_reached: bool,
    /// The teams' standings, in a team round (empty otherwise).
    pub teams: Vec<TeamLine>,
    /// For a question asked typed: the accepted forms and how many typed it right.
    pub typed: Option<TypedReveal>,
    /// How many answered wrong within [`MASHING`], and the penalty each owes (none: nobody).
    pub mashed: Option<(u32, u32)>,
}

/// How a typed question went.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedReveal {
    pub accepted: Typed,
    /// Members whose typed answer was accepted.
    pub right: u32,
    /// Members who answered.
    pub answered: u32,
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
    roster: Option<Roster>,
    /// Who said they are in while the round waits for `min_players` (before its first question).
    ready: HashSet<Member>,
    /// Who voted to skip the open question, and whether the vote has passed.
    skip_voters: HashSet<Member>,
    skip_passed: bool,
    /// Penalty points each member still owes (taken from their next points).
    debt: HashMap<Member, u32>,
    /// Who answered each question wrong within [`MASHING`] (with a penalty set).
    mashed: Vec<HashSet<Member>>,
}

/// A member's vote to skip the open question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipVote {
    /// Counted (or counted before): the votes so far and how many skip it.
    Counted { votes: u32, needed: u32 },
    /// This vote skips it (said once: later votes are `Counted`).
    Passed { votes: u32, needed: u32 },
    /// The round takes no votes.
    Off,
    /// No question is open.
    NotOpen,
}

/// A click on "I'm in" while a round waits for its players.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ready {
    /// In now, or already: how many are in, and how many the round waits for.
    In { joined: u32, needed: u32 },
    /// The round does not wait (any more): its first question is open or past.
    Closed,
}

/// Shuffles the eligible questions; when some sections weigh more than others (listed more
/// than once in `sections`), a weighted random order instead (each question's key is
/// `u^(1/w)`, highest first: the drawing of weighted samples without replacement), so the
/// first questions drawn lean towards the heavier sections.
fn weighted_shuffle(questions: &mut [&QuizQuestion], sections: &[String], rng: &mut StdRng) {
    let weight = |q: &QuizQuestion| {
        q.section
            .as_ref()
            .map_or(1, |s| sections.iter().filter(|x| *x == s).count().max(1))
    };
    if questions.iter().all(|q| weight(q) == 1) {
        questions.shuffle(rng);
        return;
    }
    let mut keyed: Vec<(f64, &QuizQuestion)> = questions
        .iter()
        .map(|q| {
            (
                rand::Rng::r#gen::<f64>(rng).powf(1.0 / weight(q) as f64),
                *q,
            )
        })
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (slot, (_, q)) in questions.iter_mut().zip(keyed) {
        *slot = q;
    }
}

impl Round {
    /// Forgets `member` (they asked Aura to delete what it stores about them): their answers,
    /// hints and points in this round go, so no later save stores them again. Their team place
    /// stays (teams are the class's), without a point of theirs.
    pub fn forget(&mut self, member: Member) {
        for answers in &mut self.answers {
            answers.remove(&member);
        }
        for hinted in &mut self.hinted {
            hinted.remove(&member);
        }
        for mashed in &mut self.mashed {
            mashed.remove(&member);
        }
        self.totals.remove(&member);
        self.debt.remove(&member);
        self.skip_voters.remove(&member);
    }

    /// Draws the round's questions from `pool`, without repetition, in an order and with
    /// choice orders fixed by `seed`.
    pub fn new(pool: &[QuizQuestion], settings: Settings, seed: u64) -> Result<Round, RoundError> {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut eligible: Vec<&QuizQuestion> = pool
            .iter()
            .filter(|q| !settings.excluded.contains(&q.id))
            .filter(|q| settings.difficulty.is_none_or(|d| q.difficulty == d))
            // A teacher's question without a section belongs to no reading: it is never
            // narrowed away.
            .filter(|q| {
                settings.sections.is_empty()
                    || (q.by_teacher && q.section.is_none())
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
        if settings.answering == Answering::Typed {
            eligible.retain(|q| q.typed.is_some());
        }
        if eligible.is_empty() {
            return Err(RoundError::NoQuestions);
        }
        weighted_shuffle(&mut eligible, &settings.sections, &mut rng);
        let picked =
            crate::quiz::asked::arrange(eligible, settings.answering, settings.questions.max(1));
        let questions: Vec<Prepared> = picked
            .into_iter()
            .map(|(q, typed)| Prepared {
                question: q.clone(),
                shown: Shown::draw(q, typed, &mut rng),
            })
            .collect();
        let n = questions.len();
        let roster = settings.teams.map(Roster::new);
        Ok(Round {
            settings,
            questions,
            current: 0,
            phase: Phase::Ready,
            answers: vec![HashMap::new(); n],
            hinted: vec![HashSet::new(); n],
            totals: HashMap::new(),
            idle: 0,
            roster,
            ready: HashSet::new(),
            skip_voters: HashSet::new(),
            skip_passed: false,
            debt: HashMap::new(),
            mashed: vec![HashSet::new(); n],
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
            choices: p.shown.choices(&p.question).into_iter().cloned().collect(),
            true_false: p.question.true_false,
            closes_at,
            typed: p.shown.typed,
            skippable: self.settings.skip_votes != SkipVotes::Off,
            by_teacher: p.question.by_teacher,
            label: p.question.label.clone(),
            seconds: p.question.seconds.unwrap_or(self.settings.seconds),
        }
    }

    /// How long question `index` stays open: its own time, or the round's; an untimed one
    /// (0 seconds, teacher mode) stays open until the teacher reveals it.
    fn open_for(&self, index: usize) -> Duration {
        let own = self.questions.get(index).and_then(|p| p.question.seconds);
        match own.unwrap_or(self.settings.seconds) {
            0 => UNTIMED,
            seconds => Duration::from_secs(u64::from(seconds)),
        }
    }

    /// The question `open_next` will open, without opening it (for a reading time).
    pub fn upcoming(&self, now: Instant) -> Option<QuestionView> {
        self.next_index()
            .map(|i| self.view(i, now + self.open_for(i)))
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
        self.skip_voters.clear();
        self.skip_passed = false;
        if let Some(roster) = self.roster.as_mut() {
            roster.lock();
        }
        let closes_at = now + self.open_for(index);
        self.phase = Phase::Open {
            opened_at: now,
            closes_at,
        };
        Some(self.view(index, closes_at))
    }

    /// A member's click at `now` on the choice shown at `position`: the first click locks.
    pub fn answer(&mut self, member: Member, position: usize, now: Instant) -> AnswerOutcome {
        let times = match self.window(now) {
            Ok(times) => times,
            Err(refused) => return refused,
        };
        let p = &self.questions[self.current];
        // A typed question has no buttons: a click on one is forged or stale.
        if position >= p.shown.len() || p.shown.typed {
            return AnswerOutcome::NoSuchChoice;
        }
        if self.answers[self.current].contains_key(&member) {
            return AnswerOutcome::AlreadyAnswered;
        }
        let correct = position == p.correct_position();
        self.lock(member, Some(position), correct, None, times);
        AnswerOutcome::Locked { position }
    }

    /// When the open question opened and closes, with `now`, for an answer given `now`; or
    /// why an answer at `now` is refused (no question open, or too late).
    fn window(&self, now: Instant) -> Result<(Instant, Instant, Instant), AnswerOutcome> {
        let Phase::Open {
            opened_at,
            closes_at,
        } = self.phase
        else {
            return Err(AnswerOutcome::NotOpen);
        };
        if now > closes_at {
            return Err(AnswerOutcome::TooLate);
        }
        Ok((opened_at, closes_at, now))
    }

    /// Locks a member's answer to the open question, scored by the round's rules (`times`:
    /// when the question opened, when it closes, and when the member answered).
    fn lock(
        &mut self,
        member: Member,
        position: Option<usize>,
        correct: bool,
        typed: Option<String>,
        (opened_at, closes_at, now): (Instant, Instant, Instant),
    ) {
        // A member who has not picked a team is dealt into one at their first answer.
        let team = self.roster.as_mut().map(|r| r.place(member));
        // The choice in the question's authored order (the buttons show it shuffled).
        let choice = position.and_then(|at| self.questions[self.current].shown.authored(at));
        let answers = &mut self.answers[self.current];
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
        // A question worth other than the usual most earns in proportion (0: a warm-up).
        if let Some(most) = self.questions[self.current].question.points {
            points = (u64::from(points) * u64::from(most) / u64::from(scoring::MAX_POINTS)) as u32;
        }
        if self.hinted[self.current].contains(&member) {
            points /= 2;
        }
        // Button mashing costs the penalty, paid from the member's next points.
        let debt = self.debt.entry(member).or_default();
        if !correct && self.settings.penalty > 0 && taken < MASHING {
            *debt = debt.saturating_add(self.settings.penalty);
            self.mashed[self.current].insert(member);
        } else {
            let paid = points.min(*debt);
            points -= paid;
            *debt -= paid;
        }
        answers.insert(
            member,
            Answer {
                position,
                choice,
                taken,
                points,
                correct,
                team,
                typed,
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
    }

    /// `member`'s vote to skip the open question (see [`SkipVotes`]).
    pub fn vote_skip(&mut self, member: Member) -> SkipVote {
        let Some(needed) = self.skip_needed() else {
            return SkipVote::Off;
        };
        if !self.is_open() {
            return SkipVote::NotOpen;
        }
        self.skip_voters.insert(member);
        let votes = self.skip_voters.len() as u32;
        if votes >= needed && !self.skip_passed {
            self.skip_passed = true;
            return SkipVote::Passed { votes, needed };
        }
        SkipVote::Counted { votes, needed }
    }

    /// How many votes skip the open question (`None`: the round takes none).
    fn skip_needed(&self) -> Option<u32> {
        let majority = |n: usize| n as u32 / 2 + 1;
        match self.settings.skip_votes {
            SkipVotes::Off => None,
            SkipVotes::Count(n) => Some(n.max(1)),
            SkipVotes::Majority if self.current > 0 => {
                Some(majority(self.answers[self.current - 1].len()))
            }
            SkipVotes::Majority if !self.ready.is_empty() => Some(majority(self.ready.len())),
            SkipVotes::Majority => Some(2),
        }
    }

    /// A hint for `member` on the open question (`None` when no question is open or the
    /// member already answered). Asking twice gives the same hint.
    pub fn hint(&mut self, member: Member) -> Option<Hint> {
        if !self.is_open() || self.answers[self.current].contains_key(&member) {
            return None;
        }
        let p = &self.questions[self.current];
        let correct = p.correct_position();
        let wrong: Vec<usize> = (0..p.shown.len()).filter(|&i| i != correct).collect();
        // A typed question shows no choices to strike.
        let struck = (!p.shown.typed && p.shown.len() >= 3 && !wrong.is_empty())
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
        let mut counts = vec![0u32; p.shown.len()];
        for a in answers.values() {
            if let Some(c) = a.position.and_then(|p| counts.get_mut(p)) {
                *c += 1;
            }
        }
        let typed = p
            .question
            .typed
            .as_ref()
            .filter(|_| p.shown.typed)
            .map(|t| TypedReveal {
                accepted: t.accepted.clone(),
                right: answers.values().filter(|a| a.correct).count() as u32,
                answered: answers.len() as u32,
            });
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
            concepts: p.question.concepts.clone(),
            counts,
            top: self.standings().into_iter().take(5).collect(),
            idle_stop,
            goal_reached,
            teams: self.team_standings(),
            typed,
            mashed: Some(self.mashed[self.current].len() as u32)
                .filter(|n| *n > 0)
                .map(|n| (n, self.settings.penalty)),
        })
    }

    /// Skips the open question: it is revealed without counting towards idleness.
    pub fn skip(&mut self) -> Option<Reveal> {
        let idle = self.idle;
        let reveal = self.reveal();
        self.idle = idle;
        reveal
    }

    /// `member` says they are in, while the round waits for its players (before its first
    /// question, when it has a minimum).
    pub fn ready(&mut self, member: Member) -> Ready {
        match self.settings.min_players {
            Some(needed) if matches!(self.phase, Phase::Ready) && self.current == 0 => {
                self.ready.insert(member);
                Ready::In {
                    joined: self.ready.len() as u32,
                    needed,
                }
            }
            _ => Ready::Closed,
        }
    }

    /// How many said they are in, and how many the round waits for (`None`: it does not wait).
    pub fn players(&self) -> Option<(u32, u32)> {
        self.settings
            .min_players
            .map(|needed| (self.ready.len() as u32, needed))
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

    /// A member picks the team at `index` (`None`: the round is not played in teams).
    pub fn join(&mut self, member: Member, index: usize) -> Option<Joined> {
        self.roster.as_mut().map(|r| r.join(member, index))
    }

    /// Who is in which team (`None`: the round is not played in teams).
    pub fn roster(&self) -> Option<&Roster> {
        self.roster.as_ref()
    }

    /// No more picking or switching teams (the first question is about to be shown).
    pub fn lock_teams(&mut self) {
        if let Some(roster) = self.roster.as_mut() {
            roster.lock();
        }
    }

    /// The teams ranked by the mean of their members' points (empty: no teams).
    pub fn team_standings(&self) -> Vec<TeamLine> {
        self.roster
            .as_ref()
            .map(|r| r.standings(|m| self.totals(m).points))
            .unwrap_or_default()
    }

    pub fn totals(&self, member: Member) -> Totals {
        self.totals.get(&member).copied().unwrap_or_default()
    }

    /// Every answer given so far: (question number, question id, member, answer).
    /// A member's answer to question `number` (1-based), as [`Round::answers`] lists it.
    pub fn answer_of(
        &self,
        number: usize,
        member: Member,
    ) -> Option<(usize, &str, Member, Answer)> {
        let i = number.checked_sub(1)?;
        let a = self.answers.get(i)?.get(&member)?;
        Some((
            number,
            self.questions[i].question.id.as_str(),
            member,
            a.clone(),
        ))
    }

    pub fn answers(&self) -> Vec<(usize, &str, Member, Answer)> {
        let mut out: Vec<(usize, &str, Member, Answer)> = self
            .answers
            .iter()
            .enumerate()
            .flat_map(|(i, m)| {
                let id = self.questions[i].question.id.as_str();
                m.iter()
                    .map(move |(member, a)| (i + 1, id, *member, a.clone()))
            })
            .collect();
        out.sort_by_key(|(n, _, m, _)| (*n, *m));
        out
    }
}

/// How long an untimed question stays open at most: far longer than any class (a teacher
/// reveals it; speed scoring then gives every right answer nearly full points).
pub const UNTIMED: Duration = Duration::from_secs(30 * 86_400);

#[cfg(test)]
mod tests;
