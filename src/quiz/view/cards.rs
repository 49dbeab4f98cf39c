//! The cards of a live round: the question with its countdown and buttons, the hint, the
//! reveal with the answer split and the top five, and the podium at the end.

use crate::cards::place_text;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Place};
use crate::quiz::asked::Label;
use crate::quiz::model::Naming;
use crate::quiz::round::Totals;
use crate::quiz::{Member, QuestionView, Reveal};
use crate::reply::{Accent, Button, ButtonStyle, Reply};

/// The choices listed under a prompt, a line each (`**B** — text`); none for a true/false
/// question, whose buttons name its choices.
pub fn choice_list(labels: Vec<Label<'_>>) -> String {
    labels
        .iter()
        .filter(|l| l.text.is_some())
        .map(Label::line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where a question stands, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Read first: answers open at this Unix time.
    Reading {
        opens: i64,
    },
    /// Open for answers until this Unix time.
    Open {
        closes: i64,
    },
    Closed,
}

/// Zero-width spaces after each space: invisible to the class, but a prompt pasted into a
/// search engine no longer matches the pack's text.
fn anti_copy(text: &str) -> String {
    text.replace(' ', " \u{200b}")
}

/// The question message: prompt, choices, a live countdown (Discord's relative timestamp),
/// how many answered, and, while open, the answer buttons and a hint button. A question asked
/// typed shows no choices, and one "Answer" button that opens the form.
pub fn question_card(
    view: &QuestionView,
    lang: Lang,
    round: u64,
    answered: u32,
    stage: Stage,
) -> Reply {
    // A question asked typed is never true/false (only written questions take typed answers).
    let choices = if view.typed {
        t(lang, "quiz-typed-how")
    } else {
        choice_list(view.labels(lang))
    };
    let mut prompt = anti_copy(view.prompt.get(lang));
    if view.by_teacher {
        prompt = format!(
            "{}\n{prompt}",
            crate::course::model::teacher_label(view.label.as_deref(), lang)
        );
    }
    let text = if choices.is_empty() {
        prompt
    } else {
        format!("{prompt}\n\n{choices}")
    };
    let status = match stage {
        Stage::Reading { opens } => tr(lang, "quiz-opens", &[("opens", &format!("<t:{opens}:R>"))]),
        Stage::Open { closes: 0 } => t(lang, "quiz-untimed"),
        Stage::Open { closes } => tr(
            lang,
            "quiz-closes",
            &[("closes", &format!("<t:{closes}:R>"))],
        ),
        Stage::Closed => t(lang, "quiz-closed"),
    };
    let mut reply = Reply {
        title: Some(tr(
            lang,
            "quiz-question-title",
            &[("number", &view.number), ("total", &view.total)],
        )),
        text,
        footer: Some(tr(
            lang,
            "quiz-answered",
            &[("count", &(answered as usize))],
        )),
        accent: Accent::Debate,
        ..Reply::default()
    }
    .field(t(lang, "quiz-time"), status);
    if let Stage::Open { .. } = stage {
        if view.typed {
            reply.buttons.push(Button {
                id: CustomId::QuizType {
                    round,
                    number: view.number,
                },
                label: t(lang, "button-type-answer"),
                style: ButtonStyle::Primary,
            });
        }
        // A typed question has no choice buttons.
        let positions = if view.typed { 0 } else { view.choices.len() };
        for i in 0..positions {
            reply.buttons.push(Button {
                id: CustomId::QuizAnswer {
                    round,
                    number: view.number,
                    position: i,
                },
                label: view.label(i, lang).name,
                style: ButtonStyle::Primary,
            });
        }
        let number = view.number;
        reply = reply.button(CustomId::QuizHint { round, number }, t(lang, "button-hint"));
        if view.skippable {
            let skip = CustomId::QuizSkip { round, number };
            reply = reply.button(skip, t(lang, "button-skip-vote"));
        }
    }
    reply
}

/// The private answer to a hint: the struck choice and where to look.
pub fn hint_text(
    core: &Core,
    pack: &str,
    view: &QuestionView,
    hint: &crate::quiz::round::Hint,
    lang: Lang,
) -> String {
    let mut parts = Vec::new();
    if let Some(p) = hint.struck {
        parts.push(tr(
            lang,
            "quiz-hint-struck",
            &[("choice", &view.label(p, lang).name)],
        ));
    }
    if let Some(pack) = core.library.pack(pack) {
        // The question's own place (a section, a text, or the publication history); the
        // round's section when the question cannot be found.
        let asked = pack.questions.iter().find(|q| q.prompt == view.prompt);
        let place = match asked {
            Some(q) => q.place(),
            None => hint.section.as_deref().map(Place::Section),
        };
        if let Some(place) = place {
            parts.push(tr(
                lang,
                "quiz-hint-section",
                &[("section", &place_text(pack, place, lang))],
            ));
        }
    }
    if parts.is_empty() {
        parts.push(t(lang, "quiz-hint-none"));
    }
    parts.push(t(lang, "quiz-hint-cost"));
    parts.join(" ")
}

/// A member mention that never pings (every message goes out with `parse: []`).
pub fn mention(member: Member) -> String {
    format!("<@{member}>")
}

/// How a public line names the member at `rank`: their mention, "name hidden", or nothing
/// when the server's boards leave that line out.
pub fn named(naming: &Naming, rank: u32, member: Member, lang: Lang) -> Option<String> {
    naming.shows(rank, member).map(|named| {
        if named {
            mention(member)
        } else {
            t(lang, "quiz-name-hidden")
        }
    })
}

fn standings_lines(lines: &[(u32, Member, u32)], naming: &Naming, lang: Lang) -> String {
    let shown: Vec<String> = lines
        .iter()
        .filter_map(|(rank, member, points)| {
            let who = named(naming, *rank, *member, lang)?;
            Some(tr(
                lang,
                "quiz-line",
                &[
                    ("rank", &(*rank as usize)),
                    ("member", &who),
                    ("points", &(*points as usize)),
                ],
            ))
        })
        .collect();
    if shown.is_empty() {
        return t(lang, "quiz-nobody");
    }
    shown.join("\n")
}

/// The reveal: the right answer, its explanation and section, the counts, the top five.
pub fn reveal_card(
    core: &Core,
    pack: &str,
    view: &QuestionView,
    r: &Reveal,
    (lang, spoilers, naming): (Lang, bool, &Naming),
) -> Reply {
    let right = view.label(r.correct_position, lang);
    let shown = match right.text {
        Some(text) if view.typed => text.to_string(),
        _ => right.with(" — "),
    };
    let mut explanation = r.explanation.get(lang).to_string();
    if view.by_teacher {
        let label = crate::course::model::teacher_label(view.label.as_deref(), lang);
        explanation = format!("{label}\n{explanation}");
    }
    if let Some(pack) = core.library.pack(pack) {
        let asked = pack.questions.iter().find(|q| q.prompt == view.prompt);
        let place = match asked {
            Some(q) => q.place(),
            None => r.section.as_deref().map(Place::Section),
        };
        if let Some(place) = place {
            explanation.push_str(&format!(" ({})", place_text(pack, place, lang)));
        }
    }
    let total: u32 = r.counts.iter().sum();
    let counts = r
        .counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let label = view.label(i, lang).name;
            let mark = match (i == r.correct_position, spoilers) {
                (true, false) => " ✅",
                (true, true) => " ||✅||",
                _ => "",
            };
            let bar = "█".repeat(((n * 10 + total / 2).checked_div(total).unwrap_or(0)) as usize);
            format!("**{label}** {bar} {n}{mark}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    // A typed question: how many typed it right, instead of a split by button.
    let counts = match &r.typed {
        Some(typed) => super::tally(typed, lang),
        None => counts,
    };
    let (title, text) = if spoilers {
        (
            tr(lang, "quiz-reveal-hidden", &[("number", &r.number)]),
            format!("||{shown}||\n||{explanation}||"),
        )
    } else {
        (
            tr(
                lang,
                "quiz-reveal-title",
                &[("number", &r.number), ("answer", &shown)],
            ),
            explanation,
        )
    };
    let mut reply = Reply {
        title: Some(title),
        text,
        accent: Accent::Benjamin,
        ..Reply::default()
    }
    .field(t(lang, "quiz-counts"), counts)
    .field(t(lang, "quiz-top"), standings_lines(&r.top, naming, lang));
    if let Some(typed) = &r.typed {
        let accepted = super::accepted_list(typed, lang, spoilers);
        reply = reply.field(t(lang, "quiz-typed-accepted"), accepted);
    }
    if let Some((members, points)) = r.mashed {
        let line = tr(
            lang,
            "quiz-mashed",
            &[
                ("count", &(members as usize)),
                ("points", &(points as usize)),
            ],
        );
        reply = reply.field(t(lang, "quiz-mashed-title"), line);
    }
    if r.idle_stop {
        reply.footer = Some(t(lang, "quiz-idle-stop"));
    }
    // A typed question has no choices on screen to split its answers by.
    if r.typed.is_none() {
        reply
            .charts
            .push(super::charts::split(view, r, lang, spoilers));
    }
    reply
}

/// The round's rules for skipping and mashing, in plain words for its first card.
pub fn round_rules(settings: &crate::quiz::Settings, lang: Lang) -> Vec<String> {
    use crate::quiz::round::SkipVotes;
    let scoring = match (settings.scoring, settings.streaks) {
        (crate::quiz::Scoring::Flat, true) => "quiz-rule-flat-streaks",
        (crate::quiz::Scoring::Flat, false) => "quiz-rule-flat",
        (crate::quiz::Scoring::Speed, true) => "quiz-rule-speed-streaks",
        (crate::quiz::Scoring::Speed, false) => "quiz-rule-speed",
    };
    let mut rules = vec![t(lang, scoring)];
    if settings.seconds == 0 {
        rules.push(t(lang, "quiz-rule-untimed"));
    }
    rules.push(match settings.skip_votes {
        SkipVotes::Off => t(lang, "quiz-rule-skip-off"),
        SkipVotes::Majority => t(lang, "quiz-rule-skip-majority"),
        SkipVotes::Count(n) => tr(lang, "quiz-rule-skip-count", &[("count", &(n as usize))]),
    });
    if settings.penalty > 0 {
        let points = settings.penalty as usize;
        rules.push(tr(lang, "quiz-rule-penalty", &[("points", &points)]));
    }
    rules
}

/// How a round ended, for its closing message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Finished,
    Stopped,
    Idle,
    Shutdown,
    Failed,
    Goal,
    /// Fewer players said they were in than the round waited for: it never started.
    TooFew,
}

impl Ending {
    pub fn code(self) -> &'static str {
        match self {
            Ending::Finished => "finished",
            Ending::Stopped => "stopped",
            Ending::Idle => "idle",
            Ending::Shutdown => "shutdown",
            Ending::Failed => "failed",
            Ending::Goal => "goal",
            Ending::TooFew => "too-few",
        }
    }
}

/// The end of a round: the podium (top three) and the full table.
pub fn end_card(
    standings: &[(u32, Member, u32)],
    totals: impl Fn(Member) -> Totals,
    answered_questions: usize,
    ending: Ending,
    (lang, naming): (Lang, &Naming),
) -> Reply {
    let medals = ["🥇", "🥈", "🥉"];
    let podium: Vec<String> = standings
        .iter()
        .take_while(|(rank, _, _)| *rank <= 3)
        .filter(|(_, _, points)| *points > 0)
        .filter_map(|(rank, member, points)| {
            let medal = medals.get(*rank as usize - 1).copied().unwrap_or("");
            let who = named(naming, *rank, *member, lang)?;
            Some(format!("{medal} {who} — {points}"))
        })
        .collect();
    let table: Vec<String> = standings
        .iter()
        .filter_map(|(rank, member, points)| {
            let tt = totals(*member);
            Some(tr(
                lang,
                "quiz-table-line",
                &[
                    ("rank", &(*rank as usize)),
                    ("member", &named(naming, *rank, *member, lang)?),
                    ("points", &(*points as usize)),
                    ("correct", &(tt.correct as usize)),
                    ("questions", &answered_questions),
                ],
            ))
        })
        .collect();
    let intro = match ending {
        Ending::Finished => t(lang, "quiz-end-finished"),
        Ending::Stopped => t(lang, "quiz-end-stopped"),
        Ending::Idle => t(lang, "quiz-idle-stop"),
        Ending::Shutdown => t(lang, "quiz-end-shutdown"),
        Ending::Failed => t(lang, "quiz-end-failed"),
        Ending::Goal => t(lang, "quiz-end-goal"),
        Ending::TooFew => t(lang, "quiz-end-too-few"),
    };
    let mut reply = Reply {
        title: Some(t(lang, "quiz-end-title")),
        text: intro,
        accent: Accent::Benjamin,
        footer: Some(t(lang, "quiz-end-footer")),
        ..Reply::default()
    };
    if !podium.is_empty() {
        reply = reply.field(t(lang, "quiz-podium"), podium.join("\n"));
    }
    // The table may be long: it is split across fields of at most 1024 characters each.
    let mut chunk = String::new();
    let mut chunks = Vec::new();
    for line in table {
        if chunk.chars().count() + line.chars().count() + 1 > 1000 {
            chunks.push(std::mem::take(&mut chunk));
        }
        if !chunk.is_empty() {
            chunk.push('\n');
        }
        chunk.push_str(&line);
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    for (i, c) in chunks.into_iter().enumerate().take(20) {
        let name = if i == 0 {
            t(lang, "quiz-table")
        } else {
            "\u{200b}".to_string()
        };
        reply = reply.field(name, c);
    }
    reply
}
