//! The cards of a server's own items: a refusal that lists every problem (and quotes back what
//! was typed), a preview of checked items exactly as members will see them, and the list of
//! the server's items. Pure: items, a report or the server's items in, a reply out.

use super::model::{ITEM_LIMITS, ItemKind};
use super::own;
use crate::cards::whole_lines;
use crate::daily::PostKind;
use crate::i18n::{choice_name, t, tr};
use crate::pack::course::{Course, quiz_question};
use crate::pack::{Lang, Report};
use crate::reply::{Accent, Reply};
use crate::text::{escape_markdown, truncate};

/// The most problems a refusal lists one by one (the rest are counted).
const MAX_LISTED: usize = 60;

/// A refusal that quotes back everything the member typed, so nothing is lost.
pub(super) fn refused_keeping(lang: Lang, why: String, typed: &str) -> Reply {
    let mut reply = Reply::notice(truncate(&why, 3000));
    if !typed.is_empty() {
        let block = format!("```\n{}\n```", truncate(&typed.replace("```", "'''"), 1000));
        reply = reply.field(t(lang, "course-your-text"), block);
    }
    reply
}

/// Each problem on a line: `line N · item · message` (a form has no lines to name).
pub(super) fn problems(report: &Report, lines: bool) -> Vec<String> {
    let mut out: Vec<String> = report
        .problems
        .iter()
        .take(MAX_LISTED)
        .map(|p| {
            let mut at = Vec::new();
            if lines && p.line > 0 {
                at.push(format!("line {}", p.line));
            }
            if let Some(item) = &p.item {
                at.push(format!("`{}`", truncate(&item.replace('`', "'"), 40)));
            }
            // The rules' own words, quoting the teacher's values in code spans; shown to the
            // teacher alone, pinging nobody.
            let message = truncate(&p.message, 300);
            match at.is_empty() {
                true => format!("• {message}"),
                false => format!("• {} — {message}", at.join(" · ")),
            }
        })
        .collect();
    if report.problems.len() > MAX_LISTED {
        out.push(format!("… +{}", report.problems.len() - MAX_LISTED));
    }
    out
}

/// A file refused: how many problems, each by line, item and field; nothing saved.
pub fn refusal_card(file: &str, report: &Report, lang: Lang) -> Reply {
    let mut reply = Reply::notice(tr(
        lang,
        "course-import-refused",
        &[
            ("file", &file.to_string()),
            ("count", &report.problems.len()),
        ],
    ));
    let title = t(lang, "course-import-problems");
    for (title, value) in whole_lines(&title, &problems(report, true), 8) {
        reply = reply.field(title, value);
    }
    reply
}

/// How a preview is shown: from when its countdown runs (Unix time), with the server's
/// wording of the teacher's mark, in the teacher's language.
#[derive(Debug, Clone, Copy)]
pub struct Shown<'a> {
    pub now: i64,
    pub label: Option<&'a str>,
    pub lang: Lang,
}

/// Checked items before they are saved: one written in a form exactly as members will see
/// it; a file's counts and its first items. `replaced`: how many replace an item of the same
/// id.
pub fn preview_card(
    course: &Course,
    (file, replaced): (Option<&str>, usize),
    shown: &Shown<'_>,
) -> Reply {
    let lang = shown.lang;
    let mut reply = match (course.len(), file) {
        (1, None) => one_card(course, shown),
        _ => Reply {
            title: Some(tr(
                lang,
                "course-preview-title",
                &[("count", &course.len())],
            )),
            text: tr(
                lang,
                "course-preview-counts",
                &[
                    ("file", &file.unwrap_or("").to_string()),
                    ("questions", &course.questions.len()),
                    ("prompts", &course.prompts.len()),
                    ("motions", &course.motions.len()),
                ],
            ),
            accent: Accent::Debate,
            ..Reply::default()
        },
    };
    if course.len() > 1 || file.is_some() {
        for (kind, id, text) in firsts(course, lang, shown.label).into_iter().take(3) {
            let name = format!("{} `{id}`", choice_name(kind, lang));
            reply = reply.field(truncate(&name, 200), truncate(&text, 1000));
        }
    }
    let mut notes = vec![t(lang, "course-preview-unsaved")];
    if replaced > 0 {
        notes.push(tr(lang, "course-preview-replaces", &[("count", &replaced)]));
    }
    reply.footer = Some(notes.join(" "));
    reply.ephemeral = true;
    reply
}

/// One item as members will see it: a question's card (without its live buttons) and what
/// its reveal says; a prompt's or a motion's words.
fn one_card(course: &Course, shown: &Shown<'_>) -> Reply {
    let (now, lang) = (shown.now, shown.lang);
    if let Some(mut q) = course.questions.first().and_then(quiz_question) {
        q.label = shown.label.map(String::from);
        let settings = crate::quiz::Settings {
            questions: 1,
            ..crate::quiz::Settings::default()
        };
        if let Ok(round) = crate::quiz::Round::new(std::slice::from_ref(&q), settings, 0)
            && let Some(view) = round.upcoming(std::time::Instant::now())
        {
            let closes = now + i64::from(view.seconds);
            let stage = crate::quiz::view::Stage::Open { closes };
            let mut card = crate::quiz::view::question_card(&view, lang, 0, 0, stage);
            card.buttons.clear();
            let right = view.label(q.correct, lang).with(" — ");
            let mut reveal = right;
            if !q.explanation.is_blank() {
                reveal = format!("{reveal}\n{}", q.explanation.get(lang));
            }
            let points = q.points.unwrap_or(crate::quiz::scoring::MAX_POINTS);
            reveal.push_str(&format!(
                "\n{}",
                tr(
                    lang,
                    "course-preview-timing",
                    &[
                        ("seconds", &(view.seconds as usize)),
                        ("points", &(points as usize))
                    ]
                )
            ));
            return card.field(t(lang, "course-preview-answer"), truncate(&reveal, 1000));
        }
    }
    // A prompt or a motion: the daily post members will read.
    let own = own::Own {
        prompts: course.prompts.clone(),
        motions: course.motions.clone(),
        label: shown.label.map(String::from),
        ..own::Own::default()
    };
    let post = match (course.prompts.first(), course.motions.first()) {
        (Some(p), _) => crate::daily::view::own_post(&own, PostKind::Prompt, &p.id, lang),
        (None, Some(m)) => crate::daily::view::own_post(&own, PostKind::Motion, &m.id, lang),
        (None, None) => None,
    };
    post.unwrap_or_else(|| Reply::notice(t(lang, "course-none-yet")))
}

/// The items of a file in order, each as a line of what members will read.
pub(super) fn firsts(
    course: &Course,
    lang: Lang,
    label: Option<&str>,
) -> Vec<(ItemKind, String, String)> {
    let label = super::model::teacher_label(label, lang);
    let mut out = Vec::new();
    for q in &course.questions {
        let mut lines = vec![label.clone(), escape_markdown(q.prompt.get(lang))];
        match q.answer {
            Some(answer) => lines.push(format!(
                "✓ {}",
                t(
                    lang,
                    if answer {
                        "course-true"
                    } else {
                        "course-false"
                    }
                )
            )),
            None => lines.extend(q.choices.iter().map(|c| {
                let mark = if c.correct { "✓" } else { "·" };
                format!("{mark} {}", escape_markdown(c.text.get(lang)))
            })),
        }
        out.push((ItemKind::Question, q.id.clone(), lines.join("\n")));
    }
    for p in &course.prompts {
        let mut text = format!("{label}\n**{}**", escape_markdown(p.text.get(lang)));
        if !p.angle.is_blank() {
            text.push_str(&format!("\n{}", escape_markdown(p.angle.get(lang))));
        }
        out.push((ItemKind::Prompt, p.id.clone(), text));
    }
    for m in &course.motions {
        let text = format!(
            "{label}\n**{}**\nBenjamin: {}\nAdorno: {}",
            escape_markdown(m.motion.get(lang)),
            escape_markdown(m.benjamin.get(lang)),
            escape_markdown(m.adorno.get(lang))
        );
        out.push((ItemKind::Motion, m.id.clone(), text));
    }
    out
}

/// The server's items by kind, with who wrote each and when, narrowed to `search`.
pub fn list_card(own: &own::Own, search: Option<&str>, lang: Lang) -> Reply {
    let wanted = search.map(crate::text::normalize).filter(|w| !w.is_empty());
    let items = firsts(&own.course(), lang, own.label.as_deref());
    let matching: Vec<&(ItemKind, String, String)> = items
        .iter()
        .filter(|(_, id, text)| {
            wanted.as_ref().is_none_or(|w| {
                id.contains(w.as_str()) || crate::text::normalize(text).contains(w.as_str())
            })
        })
        .collect();
    let mut reply = Reply {
        title: Some(t(lang, "course-items-title")),
        text: match (items.len(), matching.len()) {
            (0, _) => t(lang, "course-none-yet"),
            (_, 0) => tr(
                lang,
                "course-items-none-match",
                &[(
                    "search",
                    &escape_markdown(&truncate(search.unwrap_or(""), 100)),
                )],
            ),
            (all, n) => tr(
                lang,
                "course-items-count",
                &[
                    ("count", &n),
                    ("all", &all),
                    ("limit", &(ITEM_LIMITS.server as usize)),
                ],
            ),
        },
        ephemeral: true,
        ..Reply::default()
    };
    for kind in [ItemKind::Question, ItemKind::Prompt, ItemKind::Motion] {
        let lines: Vec<String> = matching
            .iter()
            .filter(|(k, _, _)| *k == kind)
            .map(|(_, id, text)| {
                let words = text.lines().nth(1).unwrap_or("");
                let who = own.item(kind, id).map(|i| match i.author {
                    Some(a) => format!(" · <@{a}> <t:{}:d>", i.updated_at),
                    None => format!(" · <t:{}:d>", i.updated_at),
                });
                format!(
                    "`{id}` — {}{}",
                    truncate(words, 70),
                    who.unwrap_or_default()
                )
            })
            .collect();
        let name = t(lang, &format!("course-hidden-{}", kind.code()));
        for (title, value) in whole_lines(&name, &lines, 5) {
            reply = reply.field(title, value);
        }
    }
    reply
}
