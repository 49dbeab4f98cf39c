//! A class debate's picture: the opening and closing votes side by side for each side, with
//! each side's shift in percentage points, and an alt text that says it all in words.

use super::result::points;
use super::result::side_name;
use crate::debate::Side;
use crate::debate::class::Verdict;
use crate::debate::class::result::shift;
use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::reply::{Chart, ChartKind, Pair};

/// The votes before and after, side by side, with the shift.
pub fn shift_chart(v: &Verdict, lang: Lang) -> Chart {
    let count = |t: &crate::debate::Tally, side: Side| {
        u64::from(match side {
            Side::Benjamin => t.benjamin,
            Side::Adorno => t.adorno,
            Side::Undecided => t.undecided,
        })
    };
    let sides = [Side::Benjamin, Side::Adorno, Side::Undecided];
    let rows: Vec<Pair> = sides
        .iter()
        .map(|&side| Pair {
            label: side_name(lang, side),
            before: count(&v.opening, side),
            after: count(&v.closing, side),
            caption: points(shift(v, side)),
        })
        .collect();
    let list = rows
        .iter()
        .map(|r| {
            tr(
                lang,
                "chart-shift-row",
                &[
                    ("side", &r.label),
                    ("before", &(r.before as usize)),
                    ("after", &(r.after as usize)),
                    ("shift", &r.caption),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    Chart {
        name: "votes.png".into(),
        alt: tr(
            lang,
            "chart-shift-alt",
            &[
                ("list", &list),
                ("benjamin", &points(shift(v, Side::Benjamin))),
                ("adorno", &points(shift(v, Side::Adorno))),
            ],
        ),
        title: t(lang, "chart-shift-title"),
        kind: ChartKind::Pairs {
            legend: [
                t(lang, "chart-shift-opening"),
                t(lang, "chart-shift-closing"),
            ],
            rows,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debate::Tally;
    use crate::debate::class::verdict;

    #[test]
    fn the_chart_pairs_each_sides_votes_with_its_shift() {
        let opening = Tally {
            benjamin: 4,
            adorno: 4,
            undecided: 2,
        };
        let closing = Tally {
            benjamin: 7,
            adorno: 3,
            undecided: 0,
        };
        let c = shift_chart(&verdict(opening, closing), Lang::En);
        let ChartKind::Pairs { legend, rows } = &c.kind else {
            panic!("pairs")
        };
        assert_eq!(
            legend,
            &["Opening vote".to_string(), "Closing vote".to_string()]
        );
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[0].before, rows[0].after), (4, 7));
        assert_eq!(rows[0].caption, "+30.0");
        assert_eq!(rows[1].caption, "−10.0");
        assert_eq!(rows[2].caption, "−20.0");
        assert_eq!(
            c.alt,
            "Opening and closing votes. Benjamin: 4 before, 7 after (+30.0 points); \
             Adorno: 4 before, 3 after (−10.0 points); Undecided: 2 before, 0 after (−20.0 points). \
             The shift in percentage points: Benjamin +30.0, Adorno −10.0."
        );
        let id = shift_chart(&verdict(opening, closing), Lang::Id);
        assert!(
            id.alt.starts_with("Pemungutan pembuka dan penutup."),
            "{}",
            id.alt
        );
    }
}
