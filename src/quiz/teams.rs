//! Team play in a quiz round, as plain values: the teams a round is played in, who is in which
//! (picked with a button before the first question, or dealt into the smallest team at a first
//! answer), and the teams' standings. A team's score is the exact mean of its members' points,
//! so a big team has no edge over a small one; a team nobody is in scores 0.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::model::Member;
pub use super::model::Team;
use crate::catalog::choice::{self, Names};

impl Team {
    const ALL: [Team; 6] = [
        Team::Red,
        Team::Blue,
        Team::Green,
        Team::Yellow,
        Team::Benjamin,
        Team::Adorno,
    ];

    /// The number the store keeps for the team (`quiz_answers.team`).
    pub fn code(self) -> i64 {
        match self {
            Team::Red => 1,
            Team::Blue => 2,
            Team::Green => 3,
            Team::Yellow => 4,
            Team::Benjamin => 5,
            Team::Adorno => 6,
        }
    }

    pub fn from_code(code: i64) -> Option<Team> {
        Team::ALL.into_iter().find(|t| t.code() == code)
    }

    /// A stable lowercase name, for reports.
    pub fn slug(self) -> &'static str {
        match self {
            Team::Red => "red",
            Team::Blue => "blue",
            Team::Green => "green",
            Team::Yellow => "yellow",
            Team::Benjamin => "benjamin",
            Team::Adorno => "adorno",
        }
    }
}

/// The teams a round is played in (`/quiz start teams:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Teams {
    Two,
    Three,
    Four,
    /// Two teams, Benjamin's and Adorno's.
    BenjaminAdorno,
}

impl Teams {
    pub fn teams(self) -> &'static [Team] {
        match self {
            Teams::Two => &Team::ALL[..2],
            Teams::Three => &Team::ALL[..3],
            Teams::Four => &Team::ALL[..4],
            Teams::BenjaminAdorno => &Team::ALL[4..],
        }
    }

    /// Reads the option as a member types it: `2`, `3`, `4` (or `2 tim`), `benjamin-adorno`.
    pub fn parse(s: &str) -> Option<Teams> {
        let s = s.trim().to_lowercase();
        let s = s
            .strip_suffix("teams")
            .or_else(|| s.strip_suffix("tim"))
            .unwrap_or(&s)
            .trim();
        // The Indonesian names (`2 tim`) are read by dropping the suffix.
        choice::find(|n| n.en == s || n.also.contains(&s))
    }
}

impl choice::Choice for Teams {
    const CHOICES: &'static [Teams] =
        &[Teams::Two, Teams::Three, Teams::Four, Teams::BenjaminAdorno];
    fn names(self) -> Names {
        match self {
            Teams::Two => Names::new("2", "2 tim"),
            Teams::Three => Names::new("3", "3 tim"),
            Teams::Four => Names::new("4", "4 tim"),
            Teams::BenjaminAdorno => Names::new("benjamin-adorno", "benjamin-adorno")
                .or(&["benjamin adorno", "benjamin–adorno"]),
        }
    }
}

/// What a click on a team's button did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joined {
    /// In the team now (a first pick, or a switch before the first question).
    Joined(Team),
    /// Already in that team: nothing changed.
    Already(Team),
    /// The first question has opened: the member stays in their team.
    Locked(Team),
    /// The first question has opened and the member had no team: dealt into the smallest.
    Dealt(Team),
    /// The round has no such team.
    NoSuchTeam,
}

/// A team's score: its members' points and how many members it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub total: u64,
    pub members: u32,
}

impl Score {
    /// The exact mean (0 for a team nobody is in).
    pub fn mean(self) -> f64 {
        if self.members == 0 {
            0.0
        } else {
            self.total as f64 / f64::from(self.members)
        }
    }

    /// The mean in tenths of a point, rounded half up (for display).
    pub fn tenths(self) -> u64 {
        let n = u64::from(self.members);
        if n == 0 {
            return 0;
        }
        (self.total * 20 + n) / (2 * n)
    }

    /// Compares two scores by their means, exactly (`a/n < b/m` as `a·m < b·n`); a team
    /// nobody is in counts as a mean of 0.
    pub fn cmp_mean(&self, other: &Score) -> Ordering {
        let a = u128::from(self.total) * u128::from(other.members.max(1));
        let b = u128::from(other.total) * u128::from(self.members.max(1));
        let a = if self.members == 0 { 0 } else { a };
        let b = if other.members == 0 { 0 } else { b };
        a.cmp(&b)
    }
}

/// A team's line in the standings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamLine {
    /// Shared when two teams' means are equal.
    pub rank: u32,
    pub team: Team,
    pub score: Score,
    /// Its members, best first (equal points: by id).
    pub members: Vec<(Member, u32)>,
}

impl TeamLine {
    /// The team's best player, if anyone in it has scored.
    pub fn best(&self) -> Option<(Member, u32)> {
        self.members.first().copied().filter(|(_, p)| *p > 0)
    }
}

/// Who is in which team of a round.
#[derive(Debug, Clone)]
pub struct Roster {
    teams: Teams,
    of: HashMap<Member, usize>,
    sizes: Vec<usize>,
    locked: bool,
    /// Counts every change, so a message showing the teams knows when to be edited.
    version: u64,
}

impl Roster {
    pub fn new(teams: Teams) -> Roster {
        Roster {
            teams,
            of: HashMap::new(),
            sizes: vec![0; teams.teams().len()],
            locked: false,
            version: 0,
        }
    }

    pub fn teams(&self) -> Teams {
        self.teams
    }

    /// Whether the first question has opened (no more picking or switching).
    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// The first question opens: from now on nobody picks or switches.
    pub fn lock(&mut self) {
        if !self.locked {
            self.locked = true;
            self.version += 1;
        }
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn team_of(&self, member: Member) -> Option<Team> {
        self.of
            .get(&member)
            .and_then(|&i| self.teams.teams().get(i).copied())
    }

    /// How many are in each team, in the teams' order.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// Every team's members, in the teams' order, each team's sorted by id.
    pub fn members(&self) -> Vec<(Team, Vec<Member>)> {
        let mut out: Vec<(Team, Vec<Member>)> = self
            .teams
            .teams()
            .iter()
            .map(|t| (*t, Vec::new()))
            .collect();
        for (member, &i) in &self.of {
            if let Some((_, list)) = out.get_mut(i) {
                list.push(*member);
            }
        }
        for (_, list) in &mut out {
            list.sort_unstable();
        }
        out
    }

    fn put(&mut self, member: Member, index: usize) {
        if let Some(old) = self.of.insert(member, index)
            && let Some(n) = self.sizes.get_mut(old)
        {
            *n -= 1;
        }
        if let Some(n) = self.sizes.get_mut(index) {
            *n += 1;
        }
        self.version += 1;
    }

    /// A member picks the team at `index` (in the teams' order).
    pub fn join(&mut self, member: Member, index: usize) -> Joined {
        let Some(&team) = self.teams.teams().get(index) else {
            return Joined::NoSuchTeam;
        };
        match self.team_of(member) {
            Some(current) if current == team => Joined::Already(team),
            Some(current) if self.locked => Joined::Locked(current),
            None if self.locked => Joined::Dealt(self.place(member)),
            _ => {
                self.put(member, index);
                Joined::Joined(team)
            }
        }
    }

    /// The member's team; one who has none is dealt into the smallest team (ties: the first in
    /// the teams' order), so teams dealt this way differ in size by at most one.
    pub fn place(&mut self, member: Member) -> Team {
        if let Some(team) = self.team_of(member) {
            return team;
        }
        let index = self
            .sizes
            .iter()
            .enumerate()
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i)
            .unwrap_or(0);
        self.put(member, index);
        self.teams.teams()[index]
    }

    /// The teams ranked by the mean of their members' points (ties share a rank, then the
    /// teams' order), each with its members best first.
    pub fn standings(&self, points: impl Fn(Member) -> u32) -> Vec<TeamLine> {
        let mut lines: Vec<TeamLine> = self
            .members()
            .into_iter()
            .map(|(team, members)| {
                let mut members: Vec<(Member, u32)> =
                    members.into_iter().map(|m| (m, points(m))).collect();
                members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let score = Score {
                    total: members.iter().map(|(_, p)| u64::from(*p)).sum(),
                    members: u32::try_from(members.len()).unwrap_or(u32::MAX),
                };
                TeamLine {
                    rank: 0,
                    team,
                    score,
                    members,
                }
            })
            .collect();
        // A stable sort keeps the teams' order among equals.
        lines.sort_by(|a, b| b.score.cmp_mean(&a.score));
        for i in 0..lines.len() {
            lines[i].rank = match i.checked_sub(1).map(|p| &lines[p]) {
                Some(prev) if prev.score.cmp_mean(&lines[i].score) == Ordering::Equal => prev.rank,
                _ => i as u32 + 1,
            };
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn members_pick_switch_before_the_first_question_and_stay_after() {
        let mut r = Roster::new(Teams::Three);
        assert_eq!(r.join(1, 0), Joined::Joined(Team::Red));
        assert_eq!(r.join(1, 0), Joined::Already(Team::Red));
        assert_eq!(r.join(1, 2), Joined::Joined(Team::Green));
        assert_eq!(r.sizes(), &[0, 0, 1]);
        assert_eq!(r.join(2, 3), Joined::NoSuchTeam);
        r.lock();
        assert_eq!(r.join(1, 0), Joined::Locked(Team::Green));
        assert_eq!(r.join(1, 2), Joined::Already(Team::Green));
        // A newcomer after the first question is dealt, not given their pick.
        assert_eq!(r.join(3, 2), Joined::Dealt(Team::Red));
        assert_eq!(r.sizes(), &[1, 0, 1]);
    }

    #[test]
    fn dealing_fills_the_smallest_team_first_in_the_teams_order() {
        let mut r = Roster::new(Teams::Four);
        r.join(1, 0);
        r.join(2, 0);
        r.join(3, 2);
        let dealt: Vec<Team> = (10..16).map(|m| r.place(m)).collect();
        assert_eq!(
            dealt,
            [
                Team::Blue,
                Team::Yellow,
                Team::Blue,
                Team::Green,
                Team::Yellow,
                Team::Red
            ]
        );
        assert_eq!(r.place(1), Team::Red, "a member keeps their team");
        assert_eq!(r.sizes(), &[3, 2, 2, 2]);
    }

    #[test]
    fn the_mean_decides_not_the_size_and_an_empty_team_scores_zero() {
        let mut r = Roster::new(Teams::Four);
        // Red: three members with 3000, 0, 0 (mean 1000); Blue: one with 1500.
        for m in [1, 2, 3] {
            r.join(m, 0);
        }
        r.join(4, 1);
        r.join(5, 2);
        let points = |m: Member| match m {
            1 => 3000,
            4 => 1500,
            _ => 0,
        };
        let lines = r.standings(points);
        let order: Vec<(u32, Team)> = lines.iter().map(|l| (l.rank, l.team)).collect();
        assert_eq!(
            order,
            [
                (1, Team::Blue),
                (2, Team::Red),
                (3, Team::Green),
                (3, Team::Yellow)
            ]
        );
        assert_eq!(lines[1].score.mean(), 1000.0);
        assert_eq!(lines[1].best(), Some((1, 3000)));
        assert_eq!(lines[2].best(), None, "nobody in Green scored");
        assert_eq!(lines[3].score.members, 0);
        assert_eq!(lines[3].score.mean(), 0.0);
    }

    #[test]
    fn tenths_round_half_up_and_codes_round_trip() {
        let s = Score {
            total: 2000,
            members: 3,
        };
        assert_eq!(s.tenths(), 6667);
        assert_eq!(
            Score {
                total: 5,
                members: 4
            }
            .tenths(),
            13
        );
        for t in Team::ALL {
            assert_eq!(Team::from_code(t.code()), Some(t));
        }
        assert_eq!(Teams::parse("2 tim"), Some(Teams::Two));
        assert_eq!(Teams::parse("4"), Some(Teams::Four));
        assert_eq!(
            Teams::parse(" Benjamin-Adorno"),
            Some(Teams::BenjaminAdorno)
        );
        assert_eq!(Teams::parse("5"), None);
    }

    fn teams() -> impl Strategy<Value = Teams> {
        prop_oneof![
            Just(Teams::Two),
            Just(Teams::Three),
            Just(Teams::Four),
            Just(Teams::BenjaminAdorno)
        ]
    }

    proptest! {
        #[test]
        fn a_team_score_is_the_exact_mean_of_its_members(
            teams in teams(),
            picks in proptest::collection::vec((0u64..60, 0usize..4, 0u32..8000), 0..60),
        ) {
            let mut r = Roster::new(teams);
            let mut points = HashMap::new();
            for (m, t, p) in &picks {
                if r.join(*m, *t) == Joined::NoSuchTeam {
                    r.place(*m);
                }
                points.insert(*m, *p);
            }
            let lines = r.standings(|m| points.get(&m).copied().unwrap_or(0));
            prop_assert_eq!(lines.len(), teams.teams().len());
            for l in &lines {
                let total: u64 = l.members.iter().map(|(_, p)| u64::from(*p)).sum();
                prop_assert_eq!(l.score.total, total);
                prop_assert_eq!(l.score.members as usize, l.members.len());
                if l.members.is_empty() {
                    prop_assert_eq!(l.score.mean(), 0.0);
                } else {
                    let mean = total as f64 / l.members.len() as f64;
                    prop_assert!((l.score.mean() - mean).abs() < 1e-9);
                }
                for (m, _) in &l.members {
                    prop_assert_eq!(r.team_of(*m), Some(l.team));
                }
            }
            for w in lines.windows(2) {
                prop_assert!(w[0].score.mean() >= w[1].score.mean());
                prop_assert_eq!(w[0].rank == w[1].rank, w[0].score.cmp_mean(&w[1].score) == Ordering::Equal);
            }
        }

        #[test]
        fn a_member_with_no_points_lowers_a_scoring_teams_mean(
            points in proptest::collection::vec(0u32..5000, 1..20),
        ) {
            let mut r = Roster::new(Teams::Two);
            for (i, _) in points.iter().enumerate() {
                r.join(i as u64, 0);
            }
            let score = |r: &Roster| {
                r.standings(|m| points.get(m as usize).copied().unwrap_or(0))
                    .into_iter()
                    .find(|l| l.team == Team::Red)
                    .map(|l| l.score)
            };
            let before = score(&r).expect("red");
            r.join(1000, 0);
            let after = score(&r).expect("red");
            prop_assert_eq!(after.members, before.members + 1);
            if before.total > 0 {
                prop_assert_eq!(after.cmp_mean(&before), Ordering::Less);
                prop_assert!(after.mean() < before.mean());
            } else {
                prop_assert_eq!(after.mean(), 0.0);
            }
        }

        #[test]
        fn dealt_teams_differ_in_size_by_at_most_one(
            teams in teams(),
            members in proptest::collection::hash_set(any::<u64>(), 0..200),
            joined in proptest::collection::vec((any::<u64>(), 0usize..2), 0..10),
        ) {
            // Dealt alone: balanced.
            let mut r = Roster::new(teams);
            for m in &members {
                r.place(*m);
            }
            let (min, max) = (r.sizes().iter().min().copied(), r.sizes().iter().max().copied());
            prop_assert!(max.unwrap_or(0) - min.unwrap_or(0) <= 1, "{:?}", r.sizes());
            prop_assert_eq!(r.sizes().iter().sum::<usize>(), members.len());
            // After picks, each dealt member goes to a smallest team, so the gap never grows.
            let mut r = Roster::new(teams);
            for (m, t) in &joined {
                r.join(*m, *t);
            }
            let gap = |r: &Roster| {
                r.sizes().iter().max().copied().unwrap_or(0) - r.sizes().iter().min().copied().unwrap_or(0)
            };
            let mut before = gap(&r);
            for m in &members {
                let smallest = r.sizes().iter().min().copied().unwrap_or(0);
                let had = r.team_of(*m);
                let team = r.place(*m);
                if had.is_none() {
                    let i = teams.teams().iter().position(|t| *t == team).unwrap_or(0);
                    prop_assert_eq!(r.sizes()[i], smallest + 1);
                }
                let now = gap(&r);
                prop_assert!(now <= before.max(1));
                before = now;
            }
        }
    }
}
