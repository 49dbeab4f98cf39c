//! The quiz's standing cards: a server's board, a member's own standing, the question bank,
//! and a member's missed questions to review.

use crate::cards::place_text;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Difficulty, Lang, Place};
use crate::quiz::model::{Boards, Naming};
use crate::quiz::{BoardLine, Period, Sort};
use crate::reply::{Accent, Reply};

pub fn period_name(period: Period, lang: Lang) -> String {
    t(lang, &format!("period-{}", period.code()))
}

/// A server's board for a period: the top 20 with points, accuracy, wins and rounds played.
/// The lines a board card lists.
pub const BOARD_LINES: usize = 20;

pub fn board_card(
    lines: &[BoardLine],
    (period, sort): (Period, Sort),
    naming: &Naming,
    lang: Lang,
) -> Reply {
    let shown: Vec<String> = lines
        .iter()
        .take(BOARD_LINES)
        .filter_map(|l| {
            let who = super::named(naming, l.rank, l.user_id, lang)?;
            Some(tr(
                lang,
                "quiz-board-line",
                &[
                    ("rank", &(l.rank as usize)),
                    ("member", &who),
                    ("points", &(l.points as usize)),
                    ("accuracy", &(l.accuracy() as usize)),
                    ("wins", &(l.wins as usize)),
                    ("games", &(l.games as usize)),
                ],
            ))
        })
        .collect();
    let mut text = if shown.is_empty() {
        t(lang, "quiz-board-empty")
    } else {
        shown.join("\n")
    };
    match naming.boards {
        Boards::Names => {}
        Boards::TopThree => text.push_str(&format!("\n\n{}", t(lang, "quiz-board-top-three"))),
        Boards::Anonymous => text.push_str(&format!("\n\n{}", t(lang, "quiz-board-anonymous"))),
    }
    let by = match sort {
        Sort::Points => "sort-points",
        Sort::Accuracy => "sort-accuracy",
        Sort::Wins => "sort-wins",
        Sort::Games => "sort-games",
    };
    Reply {
        title: Some(tr(
            lang,
            "quiz-board-title",
            &[("period", &period_name(period, lang))],
        )),
        text,
        footer: Some(tr(lang, "quiz-board-sorted", &[("by", &t(lang, by))])),
        accent: Accent::Benjamin,
        ..Reply::default()
    }
}

/// The board's page line ("Ranked by points · Page 2 of 5 · 93 players") and its buttons to
/// the previous and next pages.
pub fn board_pages(
    card: &mut Reply,
    (period, sort): (Period, Sort),
    (page, pages): (u32, u32),
    players: usize,
    lang: Lang,
) {
    let line = tr(
        lang,
        "quiz-board-page",
        &[
            ("page", &(page as usize + 1)),
            ("pages", &(pages as usize)),
            ("players", &players),
        ],
    );
    card.footer = Some(match card.footer.take() {
        Some(sorted) => format!("{sorted} · {line}"),
        None => line,
    });
    let labels = ("button-page-previous", "button-page-next");
    crate::cards::page_buttons(card, (page, pages), labels, lang, |page| {
        Some(CustomId::QuizBoard { period, sort, page })
    });
}

/// `/quiz me`: the member's own points, rank and accuracy (only they see it).
pub fn me_card(line: Option<&BoardLine>, players: usize, period: Period, lang: Lang) -> Reply {
    let text = match line {
        None => t(lang, "quiz-me-none"),
        Some(l) => tr(
            lang,
            "quiz-me",
            &[
                ("points", &(l.points as usize)),
                ("rank", &(l.rank as usize)),
                ("players", &players),
                ("correct", &(l.correct as usize)),
                ("answered", &(l.answered as usize)),
                ("accuracy", &(l.accuracy() as usize)),
                ("wins", &(l.wins as usize)),
                ("games", &(l.games as usize)),
            ],
        ),
    };
    Reply {
        title: Some(tr(
            lang,
            "quiz-me-title",
            &[("period", &period_name(period, lang))],
        )),
        text,
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
}

/// `/quiz info`: what the quiz bank holds, by difficulty and by section.
pub fn info(core: &Core, lang: Lang) -> Reply {
    let Some(pack) = core.library.packs.first() else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let total = pack.questions.len();
    let generated = pack.questions.iter().filter(|q| q.generated).count();
    let by_level = Difficulty::ALL
        .iter()
        .map(|d| {
            let n = pack.questions.iter().filter(|q| q.difficulty == *d).count();
            format!("{} {n}", t(lang, &format!("difficulty-{}", d.code())))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let by_section = pack
        .sections
        .iter()
        .filter_map(|s| {
            let n = pack
                .questions
                .iter()
                .filter(|q| q.section.as_deref() == Some(s.id.as_str()))
                .count();
            (n > 0).then(|| format!("{} {n}", s.label.get(lang)))
        })
        .chain(
            [
                (
                    "quiz-info-history",
                    pack.questions
                        .iter()
                        .filter(|q| q.place() == Some(Place::History))
                        .count(),
                ),
                (
                    "quiz-info-texts",
                    pack.questions
                        .iter()
                        .filter(|q| matches!(q.place(), Some(Place::Source(_))))
                        .count(),
                ),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(key, n)| format!("{} {n}", t(lang, key))),
        )
        .collect::<Vec<_>>()
        .join(" · ");
    Reply {
        title: Some(tr(
            lang,
            "quiz-info-title",
            &[("work", &pack.work.title.get(lang).to_string())],
        )),
        text: tr(
            lang,
            "quiz-info",
            &[
                ("total", &total),
                ("written", &(total - generated)),
                ("generated", &generated),
            ],
        ),
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
    .field(t(lang, "quiz-info-levels"), by_level)
    .field(t(lang, "quiz-info-sections"), by_section)
    .field(
        t(lang, "quiz-info-how"),
        format!(
            "{}\n{}",
            t(lang, "quiz-info-start"),
            t(lang, "quiz-info-kind")
        ),
    )
}

/// One missed question, for `/quiz review`: its number in the round and its id.
pub struct Missed<'a> {
    pub number: u32,
    pub question: &'a str,
}

/// `/quiz review`: the questions a member got wrong in their last round, each with the right
/// answer, why, and where in the essay (only they see it).
pub fn review_card(core: &Core, missed: &[Missed<'_>], answered: usize, lang: Lang) -> Reply {
    if answered == 0 {
        return Reply::notice(t(lang, "quiz-review-none"));
    }
    let mut reply = Reply {
        title: Some(t(lang, "quiz-review-title")),
        text: if missed.is_empty() {
            t(lang, "quiz-review-perfect")
        } else {
            tr(
                lang,
                "quiz-review-intro",
                &[("missed", &missed.len()), ("answered", &answered)],
            )
        },
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    };
    for m in missed.iter().take(10) {
        let found = core.library.packs.iter().find_map(|p| {
            p.questions
                .iter()
                .find(|q| q.id == m.question)
                .map(|q| (p, q))
        });
        let Some((pack, q)) = found else { continue };
        let right = q
            .choices
            .get(q.correct)
            .map(|c| c.get(lang).to_string())
            .unwrap_or_default();
        let mut why = format!("✅ **{right}** — {}", q.explanation.get(lang));
        if let Some(place) = q.place() {
            why.push_str(&format!(" ({})", place_text(pack, place, lang)));
        }
        reply = reply.field(
            format!(
                "{}. {}",
                m.number,
                crate::text::truncate(q.prompt.get(lang), 240)
            ),
            why,
        );
    }
    reply
}
