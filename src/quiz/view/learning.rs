//! The cards of what a member and a class learn: a practice question with the last answer's
//! feedback, a practice run's summary (which box each question went to), the "nothing due"
//! notice, the due line of `/quiz me`, and the teacher's insights (most-missed questions,
//! accuracy per concept and per section, a chart, and a menu opening each concept's card).

use super::choice_list;
use crate::cards::{concept_menu, place_text, whole_lines};
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Pack, QuizQuestion};
use crate::quiz::Period;
use crate::quiz::asked::Shown;
use crate::quiz::insights::Insights;
use crate::quiz::leitner::Card;
use crate::reply::{Accent, Bar, Button, ButtonStyle, Chart, ChartKind, Reply};
use crate::text::truncate;

/// Where a practice question stands in its run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub run: u64,
    /// 1-based.
    pub number: usize,
    pub total: usize,
}

fn choice_text(q: &QuizQuestion, authored: usize, lang: Lang) -> String {
    q.choices
        .get(authored)
        .map(|c| c.get(lang).to_string())
        .unwrap_or_default()
}

/// A practice question, privately: the prompt, the choices as the run shows them and one
/// button each; `feedback` on the previous answer above it.
pub fn practice_question(
    q: &QuizQuestion,
    shown: &Shown,
    step: Step,
    feedback: Option<String>,
    lang: Lang,
) -> Reply {
    let choices = choice_list(shown.labels(q, lang));
    let mut prompt = q.prompt.get(lang).to_string();
    if q.by_teacher {
        prompt = format!(
            "{}\n{prompt}",
            crate::course::model::teacher_label(q.label.as_deref(), lang)
        );
    }
    let text = if choices.is_empty() {
        prompt
    } else {
        format!("{prompt}\n\n{choices}")
    };
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "quiz-practice-title",
            &[("number", &step.number), ("total", &step.total)],
        )),
        text,
        footer: Some(t(lang, "quiz-practice-footer")),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    if let Some(f) = feedback {
        reply = reply.field(t(lang, "quiz-practice-last"), f);
    }
    for (pos, &i) in shown.order.iter().enumerate() {
        reply.buttons.push(Button {
            id: CustomId::Practice {
                run: step.run,
                number: step.number,
                question: q.id.clone(),
                choice: i,
            },
            label: shown.label(q, pos, lang).name,
            style: ButtonStyle::Primary,
        });
    }
    reply
}

/// Right or not, the right answer, and its explanation with where to read.
pub fn practice_feedback(pack: &Pack, q: &QuizQuestion, chosen: usize, lang: Lang) -> String {
    let right = choice_text(q, q.correct, lang);
    let verdict = if chosen == q.correct {
        tr(lang, "quiz-practice-right", &[("answer", &right)])
    } else {
        tr(lang, "quiz-practice-wrong", &[("answer", &right)])
    };
    let mut why = q.explanation.get(lang).to_string();
    if let Some(place) = q.place() {
        why.push_str(&format!(" ({})", place_text(pack, place, lang)));
    }
    truncate(&format!("{verdict}\n{why}"), 1000)
}

fn due_text(due: i64, now: i64, lang: Lang) -> String {
    if due <= now {
        t(lang, "quiz-practice-due-now")
    } else {
        tr(
            lang,
            "quiz-practice-due-at",
            &[("due", &format!("<t:{due}:R>"))],
        )
    }
}

/// The end of a run: each question asked, right or not, and the box it went to.
pub fn practice_summary(
    lines: &[(&QuizQuestion, bool, Card)],
    feedback: String,
    now: i64,
    lang: Lang,
) -> Reply {
    let right = lines.iter().filter(|(_, ok, _)| *ok).count();
    let rows: Vec<String> = lines
        .iter()
        .map(|(q, ok, card)| {
            tr(
                lang,
                "quiz-practice-line",
                &[
                    ("mark", &String::from(if *ok { "✅" } else { "❌" })),
                    ("question", &truncate(q.prompt.get(lang), 80)),
                    ("box", &usize::from(card.boxed)),
                    ("due", &due_text(card.due, now, lang)),
                ],
            )
        })
        .collect();
    let mut reply = Reply {
        title: Some(t(lang, "quiz-practice-summary-title")),
        text: tr(
            lang,
            "quiz-practice-summary",
            &[("right", &right), ("total", &lines.len())],
        ),
        footer: Some(t(lang, "quiz-practice-boxes")),
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
    .field(t(lang, "quiz-practice-last"), feedback);
    for (name, value) in whole_lines(&t(lang, "quiz-practice-boxes-heading"), &rows, 3) {
        reply = reply.field(name, value);
    }
    reply
}

/// Nothing due and nothing new: when the next question comes due.
pub fn practice_nothing_due(next: Option<i64>, lang: Lang) -> Reply {
    let text = match next {
        Some(at) => tr(
            lang,
            "quiz-practice-nothing-due",
            &[("due", &format!("<t:{at}:R>"))],
        ),
        None => t(lang, "quiz-practice-nothing"),
    };
    Reply {
        title: Some(t(lang, "quiz-practice-summary-title")),
        text,
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
}

/// `/quiz me`'s practice line: questions due now, and when the next comes due.
pub fn practice_due_field(due: usize, next: Option<i64>, lang: Lang) -> (String, String) {
    let mut text = tr(lang, "quiz-me-due", &[("due", &due)]);
    if let Some(at) = next {
        text.push(' ');
        text.push_str(&tr(
            lang,
            "quiz-me-next-due",
            &[("due", &format!("<t:{at}:R>"))],
        ));
    }
    (t(lang, "quiz-me-practice"), text)
}

fn percent(x: f64) -> usize {
    x.round().max(0.0) as usize
}

/// `/quiz insights`: the most-missed questions, accuracy per concept and per section, a chart
/// of accuracy per concept, and a menu that opens each concept's card (privately, to the
/// teacher). `channel`: the channel the insights are limited to, if any.
pub fn insights_card(
    pack: &Pack,
    ins: &Insights,
    period: Period,
    channel: Option<u64>,
    lang: Lang,
) -> Reply {
    let period_name = super::period_name(period, lang);
    let title = match channel {
        Some(c) => tr(
            lang,
            "quiz-insights-title-channel",
            &[("period", &period_name), ("channel", &format!("<#{c}>"))],
        ),
        None => tr(lang, "quiz-insights-title", &[("period", &period_name)]),
    };
    let mut reply = Reply {
        title: Some(title),
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    };
    if ins.answers == 0 {
        reply.text = t(lang, "quiz-insights-none");
        return reply;
    }
    reply.text = tr(
        lang,
        "quiz-insights-intro",
        &[("answers", &(ins.answers as usize))],
    );
    let missed = missed_lines(pack, ins, lang);
    let missed = if missed.is_empty() {
        vec![t(lang, "quiz-insights-no-misses")]
    } else {
        missed
    };
    for (name, value) in whole_lines(&t(lang, "quiz-insights-missed"), &missed, 2) {
        reply = reply.field(name, value);
    }
    let concepts: Vec<String> = ins
        .concepts
        .iter()
        .map(|a| accuracy_line(concept_name(pack, &a.id, lang), a, lang))
        .collect();
    let sections: Vec<String> = ins
        .sections
        .iter()
        .map(|a| {
            let name = pack
                .section(&a.id)
                .map(|s| s.label.get(lang).to_string())
                .unwrap_or_else(|| a.id.clone());
            accuracy_line(name, a, lang)
        })
        .collect();
    for (heading, lines) in [
        ("quiz-insights-concepts", concepts),
        ("quiz-insights-sections", sections),
    ] {
        if !lines.is_empty() {
            for (name, value) in whole_lines(&t(lang, heading), &lines, 2) {
                reply = reply.field(name, value);
            }
        }
    }
    reply.footer = Some(t(lang, "quiz-insights-footer"));
    reply.charts.extend(concepts_chart(pack, ins, lang));
    // Each concept row opens its card, where the discussion can start.
    reply.select = concept_menu(
        pack,
        ins.concepts
            .iter()
            .take(25)
            .filter_map(|a| pack.concept(&a.id)),
        lang,
        "insights".into(),
        "quiz-insights-open",
    );
    reply
}

/// The five most-missed questions, each with its most chosen wrong answer.
fn missed_lines(pack: &Pack, ins: &Insights, lang: Lang) -> Vec<String> {
    ins.missed
        .iter()
        .take(5)
        .enumerate()
        .filter_map(|(i, m)| {
            let q = pack.questions.iter().find(|q| q.id == m.question)?;
            let mut line = tr(
                lang,
                "quiz-insights-missed-line",
                &[
                    ("rank", &(i + 1)),
                    ("question", &truncate(q.prompt.get(lang), 90)),
                    ("rate", &percent(m.miss_rate())),
                    ("answers", &(m.answers as usize)),
                ],
            );
            if let (Some((wrong, _)), Some(share)) = (m.top_wrong, m.wrong_share()) {
                line.push('\n');
                line.push_str(&tr(
                    lang,
                    "quiz-insights-wrong",
                    &[
                        ("answer", &truncate(&choice_text(q, wrong, lang), 80)),
                        ("share", &percent(share)),
                    ],
                ));
            }
            Some(line)
        })
        .collect()
}

fn accuracy_line(name: String, a: &crate::quiz::insights::Accuracy, lang: Lang) -> String {
    tr(
        lang,
        "quiz-insights-accuracy-line",
        &[
            ("name", &name),
            ("percent", &percent(a.percent())),
            ("correct", &(a.correct as usize)),
            ("answers", &(a.answers as usize)),
        ],
    )
}

fn concept_name(pack: &Pack, id: &str, lang: Lang) -> String {
    pack.concept(id)
        .map(|c| c.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The chart of accuracy per concept: the weakest concepts, at most 15 bars (none without
/// concepts).
fn concepts_chart(pack: &Pack, ins: &Insights, lang: Lang) -> Option<Chart> {
    let bars: Vec<Bar> = ins
        .concepts
        .iter()
        .take(15)
        .map(|a| Bar {
            label: concept_name(pack, &a.id, lang),
            value: percent(a.percent()) as u64,
            caption: format!("{}/{} · {}%", a.correct, a.answers, percent(a.percent())),
            marked: a.percent() < 50.0,
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    let alt = bars
        .iter()
        .map(|b| format!("{} {}%", b.label, b.value))
        .collect::<Vec<_>>()
        .join(", ");
    Some(Chart {
        name: "insights.png".into(),
        alt: truncate(
            &tr(lang, "quiz-insights-chart-alt", &[("bars", &alt)]),
            1000,
        ),
        title: t(lang, "quiz-insights-chart-title"),
        kind: ChartKind::Bars(bars),
    })
}
