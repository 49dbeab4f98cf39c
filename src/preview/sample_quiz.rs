//! A small sample class for `aura preview`, which has no database: `/quiz leaderboard` and a
//! reveal (`/quiz reveal`) answered with fixed names and numbers, marked as a sample.

use crate::core::Core;
use crate::i18n::t;
use crate::pack::Lang;
use crate::quiz::model::Naming;
use crate::quiz::view::{boards, cards, charts};
use crate::quiz::{Period, Round, Settings, Sort};
use crate::reply::Reply;

/// How the sample class answers the first question: so many members per choice position.
const SPLIT: [u32; 4] = [6, 3, 2, 1];

fn note(mut reply: Reply, lang: Lang) -> Reply {
    reply.footer = Some(match reply.footer.take() {
        Some(f) => format!("{f} · {}", t(lang, "quiz-sample-note")),
        None => t(lang, "quiz-sample-note"),
    });
    reply
}

/// `/quiz leaderboard` over the sample class, ranked by `sort` (ties share a place).
pub fn leaderboard(lang: Lang, period: Period, sort: Sort) -> Reply {
    let (mut lines, names) = charts::sample_board();
    lines.sort_by(|a, b| sort.key(b).cmp(&sort.key(a)).then(b.points.cmp(&a.points)));
    for i in 0..lines.len() {
        lines[i].rank = match i.checked_sub(1).map(|p| &lines[p]) {
            Some(prev) if sort.key(prev) == sort.key(&lines[i]) => prev.rank,
            _ => i as u32 + 1,
        };
    }
    let mut card = boards::board_card(&lines, (period, sort), &Naming::default(), lang);
    card.charts
        .extend(charts::board(&lines, period, sort, &names, None, lang));
    note(card, lang)
}

/// The reveal of the first question of a round drawn with `seed`, answered by the sample
/// class: six, three, two and one members on the choices in order.
pub fn reveal(core: &Core, lang: Lang, seed: u64) -> Reply {
    let Some(pack) = core.library.packs.first() else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let settings = Settings {
        questions: 1,
        ..Settings::default()
    };
    let Ok(mut round) = Round::new(&pack.questions, settings, seed) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let now = std::time::Instant::now();
    let Some(view) = round.open_next(now) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let mut member = 900_000_000_000_000_001u64;
    for (position, n) in SPLIT.iter().enumerate().take(view.choices.len()) {
        for _ in 0..*n {
            round.answer(member, position, now);
            member += 1;
        }
    }
    match round.reveal() {
        Some(r) => note(
            cards::reveal_card(core, &pack.id, &view, &r, (lang, false, &Naming::default())),
            lang,
        ),
        None => Reply::notice(t(lang, "quiz-no-questions")),
    }
}
