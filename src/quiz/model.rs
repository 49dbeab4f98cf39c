//! The quiz's plain values: board periods and sort keys, who may run rounds, stored answers
//! and board lines, and how live rounds are paced.

use std::time::Duration;

use crate::catalog::choice::{self, Choice as _, Names};

/// A leaderboard period. Week and month are rolling (7 and 30 days); a term runs from the
/// last time a teacher reset it; all is everything. A reset of any period counts from then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Week,
    Month,
    Term,
    All,
}

impl Period {
    pub fn code(self) -> &'static str {
        self.names().en
    }
    pub fn parse(s: &str) -> Option<Period> {
        choice::parse(s)
    }
    pub(crate) fn window(self, now: i64) -> i64 {
        match self {
            Period::Week => now - 7 * 86_400,
            Period::Month => now - 30 * 86_400,
            Period::Term | Period::All => i64::MIN,
        }
    }
}

impl choice::Choice for Period {
    const CHOICES: &'static [Period] = &[Period::Week, Period::Month, Period::Term, Period::All];
    fn names(self) -> Names {
        match self {
            Period::Week => Names::new("week", "minggu"),
            Period::Month => Names::new("month", "bulan"),
            Period::Term => Names::new("term", "semester"),
            Period::All => Names::new("all", "semua"),
        }
    }
}

/// One stored answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerRow {
    pub question_no: u32,
    pub question_id: String,
    pub user_id: u64,
    /// The position clicked; for a typed answer, the correct position when it was accepted, or
    /// [`AnswerRow::NO_CHOICE`] when it was not (stored as -1).
    pub choice: u32,
    pub correct: bool,
    pub taken_ms: u64,
    pub points: u32,
    pub answered_at: i64,
    /// The team the member played for, in a team round.
    pub team: Option<super::Team>,
    /// The chosen choice's index in the pack's authored order (`choice` is the position shown,
    /// shuffled per round); `None` when unknown.
    pub picked: Option<u32>,
    /// The member's display name as Discord showed it when they answered.
    pub display_name: Option<String>,
    /// What the member typed, for a typed answer.
    pub typed: Option<String>,
}

/// A stored answer for tests: question `q` (id `q{q}`), the first choice when correct, the
/// second otherwise, answered in 1.5 s.
#[cfg(any(test, feature = "test-util"))]
pub fn answered(q: u32, user: u64, correct: bool, points: u32, at: i64) -> AnswerRow {
    AnswerRow {
        question_no: q,
        question_id: format!("q{q}"),
        user_id: user,
        choice: if correct { 0 } else { 1 },
        correct,
        taken_ms: 1500,
        points,
        answered_at: at,
        team: None,
        ..AnswerRow::default()
    }
}

impl AnswerRow {
    /// The `choice` of a typed answer that was not accepted (the column holds -1).
    pub const NO_CHOICE: u32 = u32::MAX;
}

/// A member's line on a board.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardLine {
    pub rank: u32,
    pub user_id: u64,
    pub points: u64,
    pub correct: u32,
    pub answered: u32,
    /// Rounds played in the period.
    pub games: u32,
    /// Rounds in which the member had the most points (shared wins count).
    pub wins: u32,
}

/// The part of a board a command shows: its first lines, one member's line and how many
/// members are on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardPage {
    pub top: Vec<BoardLine>,
    pub mine: Option<BoardLine>,
    pub players: usize,
}

impl BoardPage {
    /// The page of a whole ranked board: `top` lines after the first `skip`.
    pub fn of(board: &[BoardLine], (skip, top): (usize, usize), member: u64) -> BoardPage {
        BoardPage {
            top: board.iter().skip(skip).take(top).cloned().collect(),
            mine: board.iter().find(|l| l.user_id == member).cloned(),
            players: board.len(),
        }
    }
}

/// What a board is ranked by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    Points,
    Accuracy,
    Wins,
    Games,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        choice::parse(s)
    }
    pub fn code(self) -> &'static str {
        self.names().en
    }
    pub(crate) fn key(self, l: &BoardLine) -> u64 {
        match self {
            Sort::Points => l.points,
            Sort::Accuracy => u64::from(l.accuracy()),
            Sort::Wins => u64::from(l.wins),
            Sort::Games => u64::from(l.games),
        }
    }
}

impl choice::Choice for Sort {
    const CHOICES: &'static [Sort] = &[Sort::Points, Sort::Accuracy, Sort::Wins, Sort::Games];
    fn names(self) -> Names {
        match self {
            Sort::Points => Names::new("points", "poin").or(&["total"]),
            Sort::Accuracy => Names::new("accuracy", "ketepatan").or(&["avg"]),
            Sort::Wins => Names::new("wins", "menang"),
            Sort::Games => Names::new("games", "ronde").or(&["rounds"]),
        }
    }
}

impl BoardLine {
    /// Correct answers as a share of answers given, in percent.
    pub fn accuracy(&self) -> u32 {
        (self.correct * 100).checked_div(self.answered).unwrap_or(0)
    }
}

/// Who may start, run and reset quiz rounds in a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    Everyone,
    /// Members with Manage Messages (the default).
    Moderators,
    /// Moderators and the members of this role.
    Role(u64),
}

/// How live rounds are paced.
#[derive(Debug, Clone, Copy)]
pub struct Tuning {
    /// The pause after a reveal before the next question (auto mode).
    pub pause: Duration,
    /// The shortest gap between two edits of a question's "N answered" line.
    pub edit_gap: Duration,
    /// Questions in a row without answers before a round stops by itself.
    pub idle_limit: u32,
    /// How long a question is shown before its answers open (zero: at once).
    pub read_time: Duration,
    /// How long members have to pick a team before the first question of a team round
    /// (auto mode; in teacher mode the teacher opens the first question).
    pub join_time: Duration,
    /// How long an auto round with a minimum of players waits for them to say they are in.
    pub players_wait: Duration,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            pause: Duration::from_secs(6),
            edit_gap: Duration::from_millis(2500),
            idle_limit: 2,
            read_time: Duration::from_secs(3),
            join_time: Duration::from_secs(30),
            players_wait: Duration::from_secs(120),
        }
    }
}

/// Who answers: a Discord user id, as a plain number.
pub type Member = u64;

/// One team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Team {
    Red,
    Blue,
    Green,
    Yellow,
    Benjamin,
    Adorno,
}

/// A stored practice run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub guild: u64,
    pub channel: u64,
    pub user: u64,
    /// `pack` or `pack:concept`: where the run's questions come from.
    pub topic: Option<String>,
    pub ended: bool,
}

/// One answer as the replay needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub question: String,
    pub correct: bool,
    pub at: i64,
}

/// A member's Leitner box for one question, as kept by the store: the box reached and when
/// the question was last answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boxed {
    pub question: String,
    pub boxed: u8,
    pub last: i64,
}

/// How many answers to one question chose one answer (`picked`, in the pack's authored order;
/// `None` when unknown) and whether that was right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub question: String,
    pub picked: Option<u32>,
    pub correct: bool,
    pub count: u64,
}

/// One answer of a round's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub user: u64,
    /// The member's latest display name in the server, when one was stored.
    pub name: Option<String>,
    pub question_no: u64,
    pub question_id: String,
    /// The position clicked (A = 0).
    pub choice: u64,
    pub correct: bool,
    pub taken_ms: u64,
    pub points: u64,
    /// The team the member played for, in a team round.
    pub team: Option<super::Team>,
}

/// A member's totals for the gradebook, as the store keeps them (one member may come in
/// several parts: live rounds, homework, rounds still running).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberTotals {
    pub user: u64,
    /// Live rounds answered in.
    pub rounds: u64,
    /// Homework attempts with an answer, and the sum of their scores in percent.
    pub homework: u64,
    pub homework_score: f64,
    /// Live and homework answers together.
    pub answered: u64,
    pub correct: u64,
    pub points: u64,
}

impl From<&RoundTally> for MemberTotals {
    fn from(t: &RoundTally) -> MemberTotals {
        let attempt = t.homework && t.answered > 0;
        MemberTotals {
            user: t.user,
            rounds: u64::from(!t.homework),
            homework: u64::from(attempt),
            homework_score: if attempt {
                100.0 * t.correct as f64 / t.answered as f64
            } else {
                0.0
            },
            answered: t.answered,
            correct: t.correct,
            points: t.points,
        }
    }
}

/// A member's totals in one round (live or homework), as the store tallies them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundTally {
    pub user: u64,
    pub round: u64,
    pub homework: bool,
    pub answered: u64,
    pub correct: u64,
    pub points: u64,
}

/// A member's class-debate participation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Debating {
    /// Speeches given (started).
    pub speeches: u64,
    pub arguments: u64,
    /// Arguments citing a verified quote or a section.
    pub cited: u64,
    /// Ballots cast: class debates' opening and closing votes, and quick votes.
    pub ballots: u64,
}

/// How a server's public boards and round end cards name members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Boards {
    /// Every member by name (those who hid theirs excepted).
    #[default]
    Names,
    /// Only the top three lines, by name.
    TopThree,
    /// Ranks and scores, no names.
    Anonymous,
}

impl Boards {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Boards::Names => "names",
            Boards::TopThree => "top3",
            Boards::Anonymous => "anonymous",
        }
    }

    /// Read back from [`Boards::code`].
    pub fn parse(code: &str) -> Option<Boards> {
        choice::from_code(code)
    }
}

impl choice::Choice for Boards {
    const CHOICES: &'static [Boards] = &[Boards::Names, Boards::TopThree, Boards::Anonymous];
    fn names(self) -> Names {
        match self {
            Boards::Names => Names::new("names", "nama"),
            Boards::TopThree => Names::new("top3", "tiga-teratas"),
            Boards::Anonymous => Names::new("anonymous", "anonim"),
        }
    }
}

/// A server's quiz settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuizSettings {
    pub boards: Boards,
    /// The scoring rounds take by default: flat (`Some(true)`), speed, or unset (speed).
    pub flat: Option<bool>,
}

/// How one public board or end card names members: the server's choice, and the members who
/// keep their own name off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Naming {
    pub boards: Boards,
    pub unnamed: std::collections::HashSet<u64>,
}

impl Naming {
    /// Whether the line of `member` at `rank` is shown (`None`: left out), and with their
    /// name (`Some(true)`) or its rank alone.
    pub fn shows(&self, rank: u32, member: u64) -> Option<bool> {
        let named = !self.unnamed.contains(&member);
        match self.boards {
            Boards::Names => Some(named),
            Boards::TopThree => (rank <= 3).then_some(named),
            Boards::Anonymous => Some(false),
        }
    }
}
