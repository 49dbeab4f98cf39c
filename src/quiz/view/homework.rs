//! The cards of homework: the assignment message with its Start button and due time, a
//! member's private question with its answer buttons, the end of an attempt, the class's
//! summary with the hardest question's answer split (as text and as a chart), and the list of
//! a server's assignments. Pure: no Discord, no store calls.

use super::cards::choice_list;
use crate::catalog::{self};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, QuizQuestion};
use crate::quiz::asked::Shown;
use crate::quiz::homework::Assignment;
use crate::quiz::homework::due::{self, DueError};
use crate::quiz::homework::summary::{Summary, share};
use crate::reply::{Accent, Bar, Button, ButtonStyle, Chart, ChartKind, Reply};

/// Discord's full date and time (`<t:…:F>`), shown in each reader's own zone and language.
pub fn full(at: i64) -> String {
    format!("<t:{at}:F>")
}

/// Discord's relative time (`<t:…:R>`).
pub fn relative(at: i64) -> String {
    format!("<t:{at}:R>")
}

/// A number with one decimal, written as the language writes it (`3.5`, `3,5`).
pub fn decimal(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    let s = s.strip_suffix(".0").map(String::from).unwrap_or(s);
    match lang {
        Lang::En => s,
        Lang::Id => s.replace('.', ","),
    }
}

/// A reminder in the assignment's channel a day (or, `hour`, an hour) before it is due, in
/// the class's language, with the assignment's own Start button; it names nobody.
pub fn reminder(a: &Assignment, hour: bool, lang: Lang) -> Reply {
    let key = if hour {
        "homework-reminder-hour"
    } else {
        "homework-reminder-day"
    };
    let text = tr(
        lang,
        key,
        &[
            ("number", &(a.number as usize)),
            ("due", &full(a.due_at)),
            ("left", &relative(a.due_at)),
            ("questions", &a.questions.len()),
        ],
    );
    Reply {
        title: Some(titled("homework-reminder-title", a, lang)),
        text,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
    .button(
        CustomId::HomeworkStart { homework: a.id },
        t(lang, "button-homework-start"),
    )
}

/// An assignment's shared post in its language, or in both side by side (its own first) when
/// it shows both and they fit together.
pub fn in_both(a: &Assignment, card: impl Fn(Lang) -> Reply) -> Reply {
    crate::cards::in_langs((a.lang, a.bilingual), card, None)
}

/// The assignment message: how many questions, when it is due (or closed), its scoring, the
/// time limit, and, while open, the Start button.
pub fn assignment_card(a: &Assignment, lang: Lang) -> Reply {
    let questions = a.questions.len();
    let mut text = tr(lang, "homework-intro", &[("questions", &questions)]);
    text.push_str("\n\n");
    match a.closed_at {
        None => text.push_str(&tr(
            lang,
            "homework-due",
            &[("due", &full(a.due_at)), ("left", &relative(a.due_at))],
        )),
        Some(at) => text.push_str(&tr(lang, "homework-closed-at", &[("closed", &full(at))])),
    }
    // Its scoring in plain words: by speed only where a time limit gives speed a meaning.
    let speed = !a.flat && a.time_limit.is_some();
    text.push_str("\n\n");
    text.push_str(&t(
        lang,
        if speed {
            "homework-rule-speed"
        } else {
            "quiz-rule-flat"
        },
    ));
    let mut reply = Reply {
        title: Some(titled("homework-title", a, lang)),
        text,
        accent: Accent::Benjamin,
        footer: Some(t(
            lang,
            if a.closed_at.is_some() {
                "homework-footer-closed"
            } else {
                "homework-footer-open"
            },
        )),
        ..Reply::default()
    };
    if let Some(limit) = a.time_limit {
        reply = reply.field(
            t(lang, "homework-limit-heading"),
            tr(lang, "homework-limit", &[("seconds", &(limit as usize))]),
        );
    }
    if a.closed_at.is_none() {
        reply.buttons.push(Button {
            id: CustomId::HomeworkStart { homework: a.id },
            label: t(lang, "button-homework-start"),
            style: ButtonStyle::Success,
        });
    }
    reply
}

/// How the last answer went, shown above the next question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feedback {
    Right,
    Wrong,
    /// Answered (or come back) after the time limit.
    Missed,
    /// A click on a question answered before.
    Stale,
}

/// How the last answer (`number`) went, as the first paragraph of the next message (empty
/// without feedback).
fn feedback_text(feedback: Option<(Feedback, u32)>, lang: Lang) -> String {
    let Some((f, number)) = feedback else {
        return String::new();
    };
    let key = match f {
        Feedback::Right => "homework-right",
        Feedback::Wrong => "homework-wrong",
        Feedback::Missed => "homework-missed",
        Feedback::Stale => "homework-stale",
    };
    tr(lang, key, &[("number", &(number as usize))]) + "\n\n"
}

/// A card's title: `key` with the assignment's number.
fn titled(key: &str, a: &Assignment, lang: Lang) -> String {
    tr(lang, key, &[("number", &(a.number as usize))])
}

/// A member's private question `number`: the prompt, the choices, the time to answer by (if
/// limited), and a button per choice.
pub fn question_card(
    a: &Assignment,
    q: &QuizQuestion,
    shown: &Shown,
    number: u32,
    answer_by: Option<i64>,
    feedback: Option<(Feedback, u32)>,
    lang: Lang,
) -> Reply {
    let mut text = feedback_text(feedback, lang);
    if q.by_teacher {
        text.push_str(&crate::course::model::teacher_label(
            q.label.as_deref(),
            lang,
        ));
        text.push('\n');
    }
    text.push_str(q.prompt.get(lang));
    let choices = choice_list(shown.labels(q, lang));
    if !choices.is_empty() {
        text.push_str("\n\n");
        text.push_str(&choices);
    }
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "homework-question-title",
            &[
                ("homework", &(a.number as usize)),
                ("number", &(number as usize)),
                ("total", &a.questions.len()),
            ],
        )),
        text,
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    if let Some(by) = answer_by {
        reply = reply.field(
            t(lang, "quiz-time"),
            tr(lang, "homework-answer-by", &[("by", &relative(by))]),
        );
    }
    for position in 0..shown.len() {
        reply.buttons.push(Button {
            id: CustomId::HomeworkAnswer {
                homework: a.id,
                number: number as usize,
                position,
            },
            label: shown.label(q, position, lang).name,
            style: ButtonStyle::Primary,
        });
    }
    reply
}

/// The end of a member's attempt: their score, and when the class's results come.
pub fn finished_card(
    a: &Assignment,
    score: u32,
    feedback: Option<(Feedback, u32)>,
    lang: Lang,
) -> Reply {
    let mut text = feedback_text(feedback, lang);
    text.push_str(&tr(
        lang,
        "homework-finished",
        &[
            ("score", &(score as usize)),
            ("total", &a.questions.len()),
            ("due", &full(a.due_at)),
        ],
    ));
    Reply {
        title: Some(titled("homework-title", a, lang)),
        text,
        ephemeral: true,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
}

/// The class's summary, posted when the assignment closes: completion, the mean score of those
/// who finished, and the hardest question with each choice's count and share (the right one
/// marked), as text and as a bar chart.
pub fn summary_card(
    bank: (&Core, &[crate::pack::QuizQuestion]),
    a: &Assignment,
    s: &Summary,
    lang: Lang,
) -> Reply {
    let mut text = tr(
        lang,
        "homework-completion",
        &[
            ("started", &(s.started as usize)),
            ("finished", &(s.finished as usize)),
        ],
    );
    text.push('\n');
    match (s.mean, s.mean_percent()) {
        (Some(mean), Some(percent)) => text.push_str(&tr(
            lang,
            "homework-mean",
            &[
                ("mean", &decimal(mean, lang)),
                ("total", &(s.questions as usize)),
                ("percent", &(percent as usize)),
            ],
        )),
        _ => text.push_str(&t(lang, "homework-nobody-finished")),
    }
    let mut reply = Reply {
        title: Some(titled("homework-summary-title", a, lang)),
        text,
        accent: Accent::Benjamin,
        footer: Some(t(lang, "homework-summary-footer")),
        ..Reply::default()
    };
    let Some(h) = &s.hardest else {
        return reply;
    };
    let Some((q, shown)) = a.question(bank, h.number) else {
        return reply;
    };
    let mut lines = vec![q.prompt.get(lang).to_string(), String::new()];
    let mut bars = Vec::new();
    for (position, count) in h.counts.iter().enumerate() {
        let label = shown.label(q, position, lang);
        let caption = format!("{count} · {}%", share(*count, h.answered));
        let right = position == h.right;
        lines.push(format!(
            "{}: {caption}{}",
            label.line(),
            if right { " ✅" } else { "" }
        ));
        bars.push(Bar {
            label: label.name,
            value: u64::from(*count),
            caption,
            marked: right,
        });
    }
    let heading = tr(
        lang,
        "homework-hardest",
        &[
            ("number", &(h.number as usize)),
            ("correct", &(h.correct as usize)),
            ("answered", &(h.answered as usize)),
            ("percent", &(share(h.correct, h.answered) as usize)),
        ],
    );
    reply = reply.field(heading.clone(), lines.join("\n"));
    let right = shown.label(q, h.right, lang).name;
    reply.charts.push(Chart {
        name: "homework-split.png".into(),
        alt: tr(
            lang,
            "homework-chart-alt",
            &[
                ("number", &(h.number as usize)),
                ("answered", &(h.answered as usize)),
                ("right", &right),
            ],
        ),
        title: heading,
        kind: ChartKind::Bars(bars),
    });
    // Members write what made the hardest question hard.
    reply.buttons.push(crate::reply::Button {
        id: crate::interaction::CustomId::Respond {
            on: crate::responses::model::On::Homework { homework: a.id },
        },
        label: t(lang, "button-respond"),
        style: crate::reply::ButtonStyle::Secondary,
    });
    reply
}

/// One line of the list: an assignment and how its class is doing.
pub struct Listed<'a> {
    pub assignment: &'a Assignment,
    pub summary: &'a Summary,
    /// Members still answering past the class's due time (a teacher gave them more).
    pub more_time: u32,
}

fn list_line(l: &Listed<'_>, lang: Lang) -> String {
    let a = l.assignment;
    let s = l.summary;
    let when = match a.closed_at {
        None if l.more_time > 0 => tr(
            lang,
            "homework-list-more-time",
            &[
                ("due", &format!("<t:{}:f>", a.due_at)),
                ("count", &(l.more_time as usize)),
            ],
        ),
        None => tr(
            lang,
            "homework-list-due",
            &[
                ("due", &format!("<t:{}:f>", a.due_at)),
                ("left", &relative(a.due_at)),
            ],
        ),
        Some(at) => tr(
            lang,
            "homework-list-closed",
            &[("closed", &format!("<t:{at}:f>"))],
        ),
    };
    let mean = match s.mean_percent() {
        Some(p) => tr(lang, "homework-list-mean", &[("percent", &(p as usize))]),
        None => t(lang, "homework-list-no-mean"),
    };
    tr(
        lang,
        "homework-list-line",
        &[
            ("number", &(a.number as usize)),
            ("questions", &a.questions.len()),
            ("when", &when),
            ("started", &(s.started as usize)),
            ("finished", &(s.finished as usize)),
            ("mean", &mean),
            ("channel", &format!("<#{}>", a.channel)),
        ],
    )
}

/// A server's assignments, open ones first, then past ones (newest first).
pub fn list_card(listed: &[Listed<'_>], lang: Lang) -> Reply {
    let mut reply = Reply {
        title: Some(t(lang, "homework-list-title")),
        ephemeral: true,
        accent: Accent::Benjamin,
        footer: Some(t(lang, "homework-list-footer")),
        ..Reply::default()
    };
    if listed.is_empty() {
        reply.text = t(lang, "homework-list-empty");
        return reply;
    }
    let lines = |open: bool| {
        let lines: Vec<String> = listed
            .iter()
            .filter(|l| l.assignment.closed_at.is_none() == open)
            .map(|l| list_line(l, lang))
            .collect();
        if lines.is_empty() {
            t(lang, "homework-list-none")
        } else {
            lines.join("\n")
        }
    };
    reply = reply
        .field(t(lang, "homework-list-open"), lines(true))
        .field(t(lang, "homework-list-past"), lines(false));
    reply
}

/// An option of a `/quiz` subcommand by its name in `lang`.
pub fn option(sub: &str, name: &str, lang: Lang) -> String {
    catalog::command("quiz")
        .and_then(|q| q.subcommand(sub))
        .and_then(|s| s.option(name))
        .map(|o| crate::catalog::option_in(o, lang).to_string())
        .unwrap_or_else(|| name.to_string())
}

/// The polite notice for a due time (or zone) of `/quiz <sub>` that cannot be used, naming the
/// option.
pub fn due_notice(e: DueError, sub: &str, value: &str, lang: Lang) -> Reply {
    let value = crate::text::truncate(value.trim(), 50);
    let (key, option_name, value) = match e {
        DueError::Unreadable => ("homework-due-unreadable", "due", value),
        DueError::Past => ("homework-due-past", "due", value),
        DueError::TooFar => ("homework-due-far", "due", value),
        DueError::Zone(z) => (
            "homework-zone-unknown",
            "timezone",
            crate::text::truncate(&z, 50),
        ),
    };
    Reply::notice(tr(
        lang,
        key,
        &[
            ("option", &option(sub, option_name, lang)),
            ("value", &value),
            ("days", &(due::MAX_DAYS as usize)),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_each_language_writes_them() {
        assert_eq!(decimal(3.25, Lang::En), "3.2");
        assert_eq!(decimal(3.5, Lang::Id), "3,5");
        assert_eq!(decimal(4.0, Lang::Id), "4");
    }
}
