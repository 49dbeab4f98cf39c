//! A class debate's result in words: each side's name, both votes with their shares, the
//! shift in percentage points and the winner.

use crate::debate::Side;
use crate::debate::class::result::{share, shift};
use crate::debate::class::{Class, Verdict, verdict};
use crate::debate::model::Tally;
use crate::i18n::{t, tr};
use crate::pack::Lang;

pub fn side_name(lang: Lang, side: Side) -> String {
    t(lang, &format!("side-{}", side.code()))
}

/// "Benjamin 12 (40%) · Adorno 10 (33%) · Undecided 8 (27%)".
pub fn tally_line(t_: &Tally, lang: Lang) -> String {
    [Side::Benjamin, Side::Adorno, Side::Undecided]
        .iter()
        .map(|&side| {
            let n = match side {
                Side::Benjamin => t_.benjamin,
                Side::Adorno => t_.adorno,
                Side::Undecided => t_.undecided,
            };
            format!("{} {n} ({:.0}%)", side_name(lang, side), share(t_, side))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "+5.0" / "−3.3" percentage points.
pub fn points(v: f64) -> String {
    if v < -0.05 {
        format!("−{:.1}", -v)
    } else {
        format!("+{:.1}", v.max(0.0))
    }
}

/// Who won: the side that gained more, a tie, nobody moved, or no closing vote.
pub fn winner_text(v: &Verdict, lang: Lang) -> String {
    if v.closing.total() == 0 {
        t(lang, "class-result-no-closing")
    } else if v.unmoved {
        t(lang, "class-result-unmoved")
    } else {
        match v.winner {
            Some(side) => tr(
                lang,
                "class-result-winner",
                &[("side", &side_name(lang, side))],
            ),
            None => t(lang, "class-result-tie"),
        }
    }
}

/// Both votes, the shift and the winner.
pub fn verdict_text(v: &Verdict, lang: Lang) -> String {
    let winner = winner_text(v, lang);
    format!(
        "{}\n{}\n{}\n**{}**",
        tr(
            lang,
            "class-result-opening",
            &[("tally", &tally_line(&v.opening, lang))]
        ),
        tr(
            lang,
            "class-result-closing",
            &[("tally", &tally_line(&v.closing, lang))]
        ),
        tr(
            lang,
            "class-result-shift",
            &[
                ("benjamin", &points(shift(v, Side::Benjamin))),
                ("adorno", &points(shift(v, Side::Adorno))),
            ],
        ),
        winner
    )
}

/// The result as a post: both votes, the shift and the winner.
pub fn result_line(c: &Class, lang: Lang) -> String {
    format!("🏁 {}", verdict_text(&verdict(c.opening, c.closing), lang))
}
