//! The gradebook a teacher opens in a spreadsheet: one row per member for the term (quiz
//! points and accuracy, and participation: written responses and their statuses, class-debate
//! speeches, arguments and ballots, accuracy per essay section), and a round's answers, as CSV
//! written by the `csv` crate (quoting done right). Every text cell a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, their full-width forms,
//! a tab or a carriage return) is neutralised with a leading `'`.

pub mod term;

pub use super::model::{Debating, MemberTotals, ReportLine, RoundTally};
use std::collections::{BTreeMap, HashMap};

impl ReportLine {
    /// The answer's letter as shown on the buttons (A for the first); `?` for none.
    pub fn letter(&self) -> char {
        super::asked::letter(usize::try_from(self.choice).unwrap_or(usize::MAX))
    }
}

/// A member's row of the term gradebook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemberLine {
    pub user: u64,
    pub name: String,
    /// Live rounds answered in.
    pub rounds: u64,
    /// Homework attempts.
    pub homework: u64,
    /// The mean homework score: the share of an attempt's questions answered right, in
    /// percent, averaged over attempts (`None` without homework).
    pub homework_score: Option<f64>,
    /// Correct answers as a share of all live and homework answers, in percent.
    pub accuracy: f64,
    /// Points, live rounds and homework together.
    pub points: u64,
    pub participation: Participation,
}

/// What a member did besides scoring: written responses and their statuses, debating, and
/// answers per essay section (`section id → (answered, right)`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Participation {
    pub responses: u64,
    pub accepted: u64,
    pub revision: u64,
    pub excellent: u64,
    /// With one of the server's own statuses.
    pub labelled: u64,
    pub debating: Debating,
    pub sections: BTreeMap<String, (u64, u64)>,
}

/// Adds each member's participation to their line; members who only wrote or debated get a
/// line of their own. Sorted by name then id, as [`members`] sorts.
pub fn with_participation(
    mut lines: Vec<MemberLine>,
    mut part: HashMap<u64, Participation>,
    names: &HashMap<u64, String>,
) -> Vec<MemberLine> {
    for line in &mut lines {
        if let Some(p) = part.remove(&line.user) {
            line.participation = p;
        }
    }
    for (user, p) in part {
        lines.push(MemberLine {
            user,
            name: names.get(&user).cloned().unwrap_or_default(),
            participation: p,
            ..MemberLine::default()
        });
    }
    lines.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.user.cmp(&b.user))
    });
    lines
}

/// Per member, answers per essay section from answers per question (`(member, question,
/// answered, right)`) and each question's section.
pub fn per_section(
    answers: &[(u64, String, u64, u64)],
    section_of: impl Fn(&str) -> Option<String>,
) -> HashMap<u64, BTreeMap<String, (u64, u64)>> {
    let mut out: HashMap<u64, BTreeMap<String, (u64, u64)>> = HashMap::new();
    for (user, question, n, right) in answers {
        if let Some(section) = section_of(question) {
            let e = out.entry(*user).or_default().entry(section).or_default();
            e.0 += n;
            e.1 += right;
        }
    }
    out
}

/// One row per member who answered, by display name then id, from their totals (a member's
/// parts added together).
pub fn members(totals: &[MemberTotals], names: &HashMap<u64, String>) -> Vec<MemberLine> {
    let mut by: BTreeMap<u64, MemberTotals> = BTreeMap::new();
    for t in totals {
        let sum = by.entry(t.user).or_insert_with(|| MemberTotals {
            user: t.user,
            ..MemberTotals::default()
        });
        sum.rounds += t.rounds;
        sum.homework += t.homework;
        sum.homework_score += t.homework_score;
        sum.answered += t.answered;
        sum.correct += t.correct;
        sum.points += t.points;
    }
    let mut out: Vec<MemberLine> = by
        .into_values()
        .map(|t| MemberLine {
            user: t.user,
            name: names.get(&t.user).cloned().unwrap_or_default(),
            rounds: t.rounds,
            homework: t.homework,
            homework_score: (t.homework > 0).then(|| t.homework_score / t.homework as f64),
            accuracy: percent(t.correct, t.answered),
            points: t.points,
            participation: Participation::default(),
        })
        .collect();
    out.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.user.cmp(&b.user))
    });
    out
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// A text cell a spreadsheet will show as text, never run as a formula: one starting with a
/// formula's sign, in ASCII or full width (some spreadsheets read `＝` as `=`), or a tab or a
/// carriage return.
pub fn neutralise(cell: &str) -> String {
    const SIGNS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    if cell.starts_with(SIGNS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

/// The term gradebook as CSV; `sections` are the essay's sections in reading order (a column
/// of accuracy each, empty where the member answered nothing on it).
pub fn term_csv(lines: &[MemberLine], sections: &[String]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head: Vec<String> = [
        "display_name",
        "member_id",
        "rounds_played",
        "homework_done",
        "homework_mean_score",
        "accuracy",
        "points",
        "responses",
        "responses_accepted",
        "responses_needs_revision",
        "responses_excellent",
        "responses_other_status",
        "speeches",
        "arguments",
        "arguments_citing",
        "ballots",
    ]
    .map(String::from)
    .to_vec();
    head.extend(sections.iter().map(|s| format!("accuracy_section_{s}")));
    w.write_record(&head)?;
    for l in lines {
        let p = &l.participation;
        let mut record = vec![
            neutralise(&l.name),
            l.user.to_string(),
            l.rounds.to_string(),
            l.homework.to_string(),
            l.homework_score.map(one_decimal).unwrap_or_default(),
            one_decimal(l.accuracy),
            l.points.to_string(),
        ];
        record.extend(
            [
                p.responses,
                p.accepted,
                p.revision,
                p.excellent,
                p.labelled,
                p.debating.speeches,
                p.debating.arguments,
                p.debating.cited,
                p.debating.ballots,
            ]
            .map(|n| n.to_string()),
        );
        for s in sections {
            record.push(
                p.sections
                    .get(s)
                    .map(|(n, right)| one_decimal(percent(*right, *n)))
                    .unwrap_or_default(),
            );
        }
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A round's answers as CSV: the member's display name (their id when none is known), their
/// id, question, answer, time, points per row.
pub fn round_csv(lines: &[ReportLine]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // A team round's report says each member's team in a last column.
    let teams = lines.iter().any(|l| l.team.is_some());
    let mut head = vec![
        "member",
        "member_id",
        "question",
        "question_id",
        "answer",
        "correct",
        "time_ms",
        "points",
    ];
    if teams {
        head.push("team");
    }
    w.write_record(&head)?;
    for l in lines {
        let name = l.name.clone().unwrap_or_else(|| l.user.to_string());
        let mut record = vec![
            neutralise(&name),
            l.user.to_string(),
            l.question_no.to_string(),
            neutralise(&l.question_id),
            l.letter().to_string(),
            if l.correct { "yes" } else { "no" }.to_string(),
            l.taken_ms.to_string(),
            l.points.to_string(),
        ];
        if teams {
            record.push(l.team.map(|t| t.slug()).unwrap_or("").to_string());
        }
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(user: u64, round: u64, homework: bool, answered: u64, correct: u64) -> RoundTally {
        RoundTally {
            user,
            round,
            homework,
            answered,
            correct,
            points: correct * 100,
        }
    }

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_kept() {
        for bad in [
            "=1+1",
            "+49",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "＝1+1",
            "＋49",
            "－2",
            "＠SUM(A1)",
        ] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        assert_eq!(neutralise("Ana"), "Ana");
        assert_eq!(neutralise("a=b"), "a=b");
    }

    #[test]
    fn members_count_rounds_homework_and_accuracy() {
        let names = HashMap::from([(1, "Zed".to_string()), (2, "ana".to_string())]);
        let tallies = [
            tally(1, 10, false, 5, 4),
            tally(1, 11, false, 5, 1),
            tally(1, 20, true, 4, 4),
            tally(1, 21, true, 4, 2),
            tally(2, 10, false, 5, 5),
        ];
        let totals: Vec<MemberTotals> = tallies.iter().map(MemberTotals::from).collect();
        let lines = members(&totals, &names);
        assert_eq!(lines[0].user, 2, "by name, case aside");
        let zed = &lines[1];
        assert_eq!((zed.rounds, zed.homework, zed.points), (2, 2, 1100));
        assert_eq!(zed.homework_score, Some(75.0));
        assert!((zed.accuracy - 11.0 * 100.0 / 18.0).abs() < 1e-9);
        assert_eq!(lines[0].homework_score, None);
    }

    #[test]
    fn participation_and_accuracy_per_section_fill_their_columns() {
        // Member 1: q1 (section i) 3 of 4 right, q2 (ii) 0 of 1; q9 has no section. Member 2
        // only wrote and debated.
        let answers = [
            (1, "q1".to_string(), 4, 3),
            (1, "q2".to_string(), 1, 0),
            (1, "q9".to_string(), 5, 5),
        ];
        let section = |q: &str| match q {
            "q1" => Some("i".to_string()),
            "q2" => Some("ii".to_string()),
            _ => None,
        };
        let per = per_section(&answers, section);
        assert_eq!(per[&1]["i"], (4, 3));
        let names = HashMap::from([(1, "Ana".to_string()), (2, "Budi".to_string())]);
        let lines = members(&[], &names);
        let mut part = HashMap::new();
        part.insert(
            1,
            Participation {
                sections: per[&1].clone(),
                ..Participation::default()
            },
        );
        part.insert(
            2,
            Participation {
                responses: 2,
                excellent: 1,
                revision: 1,
                debating: Debating {
                    speeches: 1,
                    arguments: 3,
                    cited: 2,
                    ballots: 2,
                },
                ..Participation::default()
            },
        );
        let lines = with_participation(lines, part, &names);
        let sections = ["i".to_string(), "ii".to_string()];
        let csv = String::from_utf8(term_csv(&lines, &sections).expect("csv")).expect("utf-8");
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(rows[1], "Ana,1,0,0,,0.0,0,0,0,0,0,0,0,0,0,0,75.0,0.0");
        assert_eq!(rows[2], "Budi,2,0,0,,0.0,0,2,0,1,1,0,1,3,2,2,,");
    }

    #[test]
    fn the_term_csv_quotes_and_neutralises() {
        let lines = [MemberLine {
            user: 7,
            name: "=HYPERLINK(\"x\", \"y\")".into(),
            rounds: 1,
            accuracy: 50.0,
            ..MemberLine::default()
        }];
        let sections = ["I".to_string(), "II".to_string()];
        let csv = String::from_utf8(term_csv(&lines, &sections).expect("csv")).expect("utf-8");
        assert!(
            csv.lines()
                .next()
                .is_some_and(|h| h.ends_with("ballots,accuracy_section_I,accuracy_section_II"))
        );
        assert_eq!(
            csv.lines().nth(1),
            Some("\"'=HYPERLINK(\"\"x\"\", \"\"y\"\")\",7,1,0,,50.0,0,0,0,0,0,0,0,0,0,0,,")
        );
    }
}

#[cfg(test)]
mod report_tests;
