//! The quiz's pictures, as data for `render` to draw: a reveal's answer split (each choice's
//! count and share, the correct one marked) and a board's top ten. Each carries an alt text in
//! the member's language that says the numbers in words.

use std::collections::HashMap;

use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::quiz::{BoardLine, Period, QuestionView, Reveal, Sort};
use crate::reply::{Bar, Chart, ChartKind};

/// How many members a board's chart shows.
pub const BOARD_TOP: usize = 10;

/// `n` of `total` in whole percent (0 when nobody answered).
pub fn share(n: u64, total: u64) -> u64 {
    (n * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// The reveal's answer split. With `spoilers`, the picture hides behind a spoiler and its alt
/// text does not name the answer.
pub fn split(view: &QuestionView, r: &Reveal, lang: Lang, spoilers: bool) -> Chart {
    let total: u64 = r.counts.iter().map(|n| u64::from(*n)).sum();
    let short = |i: usize| view.label(i, lang).name;
    let bars: Vec<Bar> = r
        .counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let n = u64::from(*n);
            Bar {
                label: view.label(i, lang).with(" · "),
                value: n,
                caption: format!("{n} · {}%", share(n, total)),
                marked: i == r.correct_position,
            }
        })
        .collect();
    let list = r
        .counts
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{} {n} ({}%)", short(i), share(u64::from(*n), total)))
        .collect::<Vec<_>>()
        .join(", ");
    let alt = if spoilers {
        tr(
            lang,
            "chart-split-alt-hidden",
            &[
                ("number", &r.number),
                ("total", &(total as usize)),
                ("list", &list),
            ],
        )
    } else {
        tr(
            lang,
            "chart-split-alt",
            &[
                ("number", &r.number),
                ("total", &(total as usize)),
                ("list", &list),
                ("correct", &short(r.correct_position)),
            ],
        )
    };
    Chart {
        name: format!(
            "{}question-{}.png",
            if spoilers { "SPOILER_" } else { "" },
            r.number
        ),
        alt,
        title: tr(
            lang,
            "chart-split-title",
            &[("number", &r.number), ("total", &(total as usize))],
        ),
        kind: ChartKind::Bars(bars),
    }
}

/// A board line's value for the board's order, and its caption.
fn measure(l: &BoardLine, sort: Sort, lang: Lang) -> (u64, String) {
    let (value, key) = match sort {
        Sort::Points => (l.points, "chart-board-points"),
        Sort::Accuracy => (u64::from(l.accuracy()), "chart-board-accuracy"),
        Sort::Wins => (u64::from(l.wins), "chart-board-wins"),
        Sort::Games => (u64::from(l.games), "chart-board-games"),
    };
    (value, tr(lang, key, &[("n", &(value as usize))]))
}

/// A member's name on the chart: as last seen answering, else a short form of their id
/// (a picture cannot show a mention).
fn name_of(id: u64, names: &HashMap<u64, String>, lang: Lang) -> String {
    match names.get(&id).map(|n| n.trim()).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => {
            let digits = id.to_string();
            let tail = &digits[digits.len().saturating_sub(4)..];
            tr(lang, "chart-member", &[("tail", &tail.to_string())])
        }
    }
}

/// The board's top ten by its order, the asking member (`me`) marked; `None` for an empty
/// board.
pub fn board(
    lines: &[BoardLine],
    period: Period,
    sort: Sort,
    names: &HashMap<u64, String>,
    me: Option<u64>,
    lang: Lang,
) -> Option<Chart> {
    if lines.is_empty() {
        return None;
    }
    let top: Vec<&BoardLine> = lines.iter().take(BOARD_TOP).collect();
    let bars: Vec<Bar> = top
        .iter()
        .map(|l| {
            let (value, caption) = measure(l, sort, lang);
            Bar {
                label: format!("{}. {}", l.rank, name_of(l.user_id, names, lang)),
                value,
                caption,
                marked: Some(l.user_id) == me,
            }
        })
        .collect();
    let list = top
        .iter()
        .map(|l| {
            format!(
                "{}. {} {}",
                l.rank,
                name_of(l.user_id, names, lang),
                measure(l, sort, lang).1
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let period = super::period_name(period, lang);
    let by = t(lang, sort_key(sort));
    Some(Chart {
        name: "leaderboard.png".into(),
        alt: tr(
            lang,
            "chart-board-alt",
            &[
                ("period", &period),
                ("by", &by),
                ("count", &top.len()),
                ("list", &list),
            ],
        ),
        title: tr(
            lang,
            "chart-board-title",
            &[("period", &period), ("count", &top.len())],
        ),
        kind: ChartKind::Bars(bars),
    })
}

fn sort_key(sort: Sort) -> &'static str {
    match sort {
        Sort::Points => "sort-points",
        Sort::Accuracy => "sort-accuracy",
        Sort::Wins => "sort-wins",
        Sort::Games => "sort-games",
    }
}

/// A small class with fixed names and numbers, for `aura preview` (which has no database):
/// clearly a sample, ranked by points.
pub fn sample_board() -> (Vec<BoardLine>, HashMap<u64, String>) {
    let class = [
        ("Ayu (sample)", 5400, 9, 10, 3, 2),
        ("Budi (sample)", 4800, 8, 10, 3, 1),
        ("Citra (sample)", 4100, 7, 10, 3, 0),
        ("Dewi (sample)", 3900, 7, 10, 3, 0),
        ("Eko (sample)", 2500, 5, 10, 3, 0),
        ("Fajar (sample)", 1200, 3, 10, 2, 0),
    ];
    let mut lines = Vec::new();
    let mut names = HashMap::new();
    for (i, (name, points, correct, answered, games, wins)) in class.into_iter().enumerate() {
        let id = 900_000_000_000_000_001 + i as u64;
        names.insert(id, name.to_string());
        lines.push(BoardLine {
            rank: i as u32 + 1,
            user_id: id,
            points,
            correct,
            answered,
            games,
            wins,
        });
    }
    (lines, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Text;
    use crate::reply::ChartKind;

    fn text(s: &str) -> Text {
        Text {
            en: Some(s.into()),
            id: Some(format!("{s} (id)")),
        }
    }

    fn view(true_false: bool) -> QuestionView {
        QuestionView {
            number: 3,
            total: 5,
            prompt: text("What withers?"),
            choices: if true_false {
                vec![text("True"), text("False")]
            } else {
                vec![
                    text("Aura"),
                    text("Cult value"),
                    text("Montage"),
                    text("Film"),
                ]
            },
            true_false,
            closes_at: std::time::Instant::now(),
            typed: false,
            by_teacher: false,
            label: None,
            seconds: 20,
            skippable: true,
        }
    }

    fn reveal(counts: Vec<u32>) -> Reveal {
        Reveal {
            concepts: Vec::new(),
            number: 3,
            correct_position: 0,
            explanation: text("because"),
            section: None,
            counts,
            top: Vec::new(),
            idle_stop: false,
            goal_reached: false,
            teams: Vec::new(),
            typed: None,
            mashed: None,
        }
    }

    #[test]
    fn the_split_counts_shares_and_marks_the_correct_choice() {
        let c = split(&view(false), &reveal(vec![12, 3, 0, 15]), Lang::En, false);
        assert_eq!(c.name, "question-3.png");
        let ChartKind::Bars(bars) = &c.kind else {
            panic!("bars")
        };
        assert_eq!(bars.len(), 4);
        assert_eq!(bars[0].label, "A · Aura");
        assert_eq!(bars[0].caption, "12 · 40%");
        assert_eq!(bars[2].caption, "0 · 0%");
        assert_eq!(bars[3].caption, "15 · 50%");
        assert!(bars[0].marked && !bars[3].marked);
        assert_eq!(
            c.alt,
            "Answers to question 3, 30 in all: A 12 (40%), B 3 (10%), C 0 (0%), D 15 (50%); correct: A."
        );
    }

    #[test]
    fn nobody_answering_is_all_zeros_and_spoilers_hide_the_answer() {
        let c = split(&view(true), &reveal(vec![0, 0]), Lang::Id, true);
        assert!(c.name.starts_with("SPOILER_"));
        let ChartKind::Bars(bars) = &c.kind else {
            panic!("bars")
        };
        assert_eq!(bars[0].label, "True (id)");
        assert!(bars.iter().all(|b| b.caption == "0 · 0%"));
        assert!(!c.alt.contains("benar:"), "{}", c.alt);
        assert!(c.alt.contains("True (id) 0 (0%)"), "{}", c.alt);
    }

    #[test]
    fn the_board_shows_the_top_ten_with_names_and_marks_the_member() {
        let lines: Vec<BoardLine> = (0..12)
            .map(|i| BoardLine {
                rank: i + 1,
                user_id: 1000 + u64::from(i),
                points: 1000 - u64::from(i) * 50,
                correct: 1,
                answered: 2,
                games: 1,
                wins: 0,
            })
            .collect();
        let names = HashMap::from([(1000, "Ayu".to_string())]);
        let c = board(
            &lines,
            Period::All,
            Sort::Points,
            &names,
            Some(1002),
            Lang::En,
        )
        .expect("a chart");
        let ChartKind::Bars(bars) = &c.kind else {
            panic!("bars")
        };
        assert_eq!(bars.len(), 10);
        assert_eq!(bars[0].label, "1. Ayu");
        assert_eq!(bars[1].label, "2. member …1001");
        assert_eq!(bars[0].caption, "1000 points");
        assert!(bars[2].marked && bars.iter().filter(|b| b.marked).count() == 1);
        assert!(c.alt.contains("1. Ayu 1000 points"), "{}", c.alt);
        assert!(board(&[], Period::All, Sort::Points, &names, None, Lang::En).is_none());
    }

    #[test]
    fn shares_round_to_whole_percent() {
        assert_eq!(share(1, 3), 33);
        assert_eq!(share(2, 3), 67);
        assert_eq!(share(0, 0), 0);
        assert_eq!(share(5, 5), 100);
    }
}
