//! One member's term as their teacher sees it (`/responses student`, private): the gradebook's
//! row as a card — quiz points and accuracy, written responses and their statuses, debating,
//! and accuracy per essay section.

use crate::i18n::{t, tr};
use crate::pack::{Lang, Pack};
use crate::quiz::gradebook::MemberLine;
use crate::reply::{Accent, Reply};

/// The card of `line`; `sections` are the essay's sections anyone answered on, in order.
pub fn student_card(
    pack: Option<&Pack>,
    line: &MemberLine,
    sections: &[String],
    lang: Lang,
) -> Reply {
    let p = &line.participation;
    let name = if line.name.is_empty() {
        format!("<@{}>", line.user)
    } else {
        crate::text::escape_markdown(&line.name)
    };
    let quiz = tr(
        lang,
        "student-quiz",
        &[
            ("rounds", &(line.rounds as usize)),
            ("homework", &(line.homework as usize)),
            ("accuracy", &format!("{:.1}", line.accuracy)),
            ("points", &(line.points as usize)),
        ],
    );
    let written = tr(
        lang,
        "student-written",
        &[
            ("responses", &(p.responses as usize)),
            ("accepted", &(p.accepted as usize)),
            ("revision", &(p.revision as usize)),
            ("excellent", &(p.excellent as usize)),
            ("other", &(p.labelled as usize)),
        ],
    );
    let debating = tr(
        lang,
        "student-debating",
        &[
            ("speeches", &(p.debating.speeches as usize)),
            ("arguments", &(p.debating.arguments as usize)),
            ("cited", &(p.debating.cited as usize)),
            ("ballots", &(p.debating.ballots as usize)),
        ],
    );
    let per: Vec<String> = sections
        .iter()
        .filter_map(|id| {
            let (n, right) = p.sections.get(id)?;
            let label = pack
                .and_then(|pk| pk.section(id))
                .map_or(id.as_str(), |x| x.label.get(lang));
            let share = if *n == 0 {
                0.0
            } else {
                *right as f64 * 100.0 / *n as f64
            };
            Some(format!("{label}: {share:.0}% ({right}/{n})"))
        })
        .collect();
    Reply {
        title: Some(tr(lang, "student-title", &[("name", &name)])),
        text: t(lang, "student-intro"),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    }
    .field(t(lang, "student-quiz-heading"), quiz)
    .field(t(lang, "student-written-heading"), written)
    .field(t(lang, "student-debating-heading"), debating)
    .field(
        t(lang, "student-sections-heading"),
        if per.is_empty() {
            t(lang, "student-sections-none")
        } else {
            crate::text::truncate(&per.join("\n"), 1024)
        },
    )
}
