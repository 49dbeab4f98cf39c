//! `/quiz` as members see it: the options read into a round's plan, and the question, reveal,
//! podium, board and personal cards in the member's language. Pure: no Discord, no store calls.

use super::{Request, place_text};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Difficulty, Lang, Place};
use crate::quiz::round::Totals;
use crate::quiz::{BoardLine, Period, Sort};
use crate::quiz::{Member, QuestionView, Reveal, Round, Scoring, Settings};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::search::Kind;

/// Bounds of the start options.
pub const MAX_QUESTIONS: usize = 20;
pub const MIN_SECONDS: u32 = 10;
pub const MAX_SECONDS: u32 = 120;
/// The default number of questions.
pub const DEFAULT_QUESTIONS: usize = 5;

/// Who moves the round on: Aura after each reveal, or the teacher with `/quiz next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Auto,
    Teacher,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_lowercase().as_str() {
            "auto" | "otomatis" => Some(Mode::Auto),
            "teacher" | "guru" | "manual" => Some(Mode::Teacher),
            _ => None,
        }
    }
}

/// A round as the teacher asked for it.
#[derive(Debug, Clone)]
pub struct Plan {
    pub pack: String,
    pub settings: Settings,
    pub mode: Mode,
    /// Reveals hide the answer behind a spoiler, for members scrolling back later.
    pub spoilers: bool,
}

impl Plan {
    /// The round this plan draws with `seed`.
    pub fn round(&self, core: &Core, seed: u64) -> Option<Round> {
        let pack = core.library.pack(&self.pack)?;
        Round::new(&pack.questions, self.settings.clone(), seed).ok()
    }
}

fn flag(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "on" | "true" | "yes" | "ya" | "aktif" | "nyala" => Some(true),
        "off" | "false" | "no" | "tidak" | "mati" => Some(false),
        _ => None,
    }
}

fn bad(lang: Lang, option: &str, value: &str, allowed: &str) -> Box<Reply> {
    Box::new(super::bad_option(lang, option, value, allowed))
}

/// `/quiz start`'s options, typed (the Discord adapter types them; the preview reads them from
/// text with [`StartArgs::from_request`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartArgs {
    pub questions: Option<u32>,
    pub topic: Option<String>,
    pub section: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub seconds: Option<u32>,
    pub mode: Option<Mode>,
    pub scoring: Option<Scoring>,
    pub streaks: Option<bool>,
    pub goal: Option<u32>,
    pub spoilers: Option<bool>,
}

impl StartArgs {
    /// Reads the options as a member types them (`aura preview`); a value that is not of the
    /// option's type gets a notice naming it and what it accepts.
    pub fn from_request(req: &Request, lang: Lang) -> Result<StartArgs, Box<Reply>> {
        let number = |name: &str, allowed: &str| -> Result<Option<u32>, Box<Reply>> {
            req.get(name)
                .map(|v| {
                    v.trim()
                        .parse::<u32>()
                        .map_err(|_| bad(lang, name, v, allowed))
                })
                .transpose()
        };
        let on_off = |name: &str| -> Result<Option<bool>, Box<Reply>> {
            req.get(name)
                .map(|v| flag(v).ok_or_else(|| bad(lang, name, v, "on, off")))
                .transpose()
        };
        Ok(StartArgs {
            questions: number("questions", &format!("1–{MAX_QUESTIONS}"))?,
            seconds: number("seconds", &format!("{MIN_SECONDS}–{MAX_SECONDS}"))?,
            goal: number("goal", "1000–100000")?,
            difficulty: req
                .get("difficulty")
                .map(|v| {
                    Difficulty::parse(v)
                        .ok_or_else(|| bad(lang, "difficulty", v, "easy, medium, hard"))
                })
                .transpose()?,
            mode: req
                .get("mode")
                .map(|v| Mode::parse(v).ok_or_else(|| bad(lang, "mode", v, "auto, teacher")))
                .transpose()?,
            scoring: req
                .get("scoring")
                .map(|v| match v.trim().to_lowercase().as_str() {
                    "speed" | "cepat" | "kecepatan" => Ok(Scoring::Speed),
                    "flat" | "rata" | "tetap" => Ok(Scoring::Flat),
                    _ => Err(bad(lang, "scoring", v, "speed, flat")),
                })
                .transpose()?,
            streaks: on_off("streaks")?,
            spoilers: on_off("spoilers")?,
            topic: req.get("topic").map(String::from),
            section: req.get("section").map(String::from),
        })
    }
}

/// Plans a round from `/quiz start`'s options; a value out of range, an unknown topic or
/// section gets a notice naming the option and what it accepts.
pub fn plan(
    core: &Core,
    lang: Lang,
    args: &StartArgs,
    idle_limit: u32,
) -> Result<Plan, Box<Reply>> {
    let mut settings = Settings {
        questions: DEFAULT_QUESTIONS,
        idle_limit,
        ..Settings::default()
    };
    if let Some(n) = args.questions {
        settings.questions = usize::try_from(n)
            .ok()
            .filter(|n| (1..=MAX_QUESTIONS).contains(n))
            .ok_or_else(|| {
                bad(
                    lang,
                    "questions",
                    &n.to_string(),
                    &format!("1–{MAX_QUESTIONS}"),
                )
            })?;
    }
    if let Some(n) = args.seconds {
        settings.seconds = Some(n)
            .filter(|n| (MIN_SECONDS..=MAX_SECONDS).contains(n))
            .ok_or_else(|| {
                bad(
                    lang,
                    "seconds",
                    &n.to_string(),
                    &format!("{MIN_SECONDS}–{MAX_SECONDS}"),
                )
            })?;
    }
    settings.difficulty = args.difficulty;
    let mode = args.mode.unwrap_or(Mode::Auto);
    if let Some(scoring) = args.scoring {
        settings.scoring = scoring;
    }
    if let Some(streaks) = args.streaks {
        settings.streaks = streaks;
    }
    let mut pack = core.library.packs.first().map(|p| p.id.clone());
    if let Some(v) = args.topic.as_deref().filter(|v| !v.trim().is_empty()) {
        let hit = core.index.resolve(Kind::Concept, v).map_err(|guesses| {
            Box::new(super::not_found(
                core,
                lang,
                Kind::Concept,
                v,
                &guesses,
                "error-unknown-concept",
            ))
        })?;
        pack = Some(hit.pack.clone());
        settings.concept = Some(hit.id);
    }
    if let Some(v) = args.section.as_deref().filter(|v| !v.trim().is_empty()) {
        let (p, ids) = sections(core, lang, v)?;
        pack = Some(p);
        settings.sections = ids;
    }
    if let Some(n) = args.goal {
        settings.goal = Some(
            Some(n)
                .filter(|n| (1000..=100_000).contains(n))
                .ok_or_else(|| bad(lang, "goal", &n.to_string(), "1000–100000"))?,
        );
    }
    let pack = pack.ok_or_else(|| Box::new(Reply::notice(t(lang, "quiz-no-questions"))))?;
    let plan = Plan {
        pack,
        settings,
        mode,
        spoilers: args.spoilers.unwrap_or(false),
    };
    if plan.round(core, 0).is_none() {
        return Err(Box::new(Reply::notice(t(lang, "quiz-no-questions"))));
    }
    Ok(plan)
}

/// Reads sections as a teacher writes them: `III`, `I–V`, `1-5`, `III, X, epilogue`.
fn sections(core: &Core, lang: Lang, input: &str) -> Result<(String, Vec<String>), Box<Reply>> {
    let unknown = |part: &str, guesses: Vec<crate::search::Hit>| {
        Box::new(super::not_found(
            core,
            lang,
            Kind::Section,
            part,
            &guesses,
            "error-unknown-section",
        ))
    };
    let mut pack = None;
    let mut ids: Vec<String> = Vec::new();
    for part in input
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let range = part
            .split_once(['-', '–', '—'])
            .map(|(a, b)| (a.trim(), b.trim()))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty());
        match range {
            Some((a, b)) => {
                let (pa, sa) = super::section::lookup(core, a).map_err(|g| unknown(a, g))?;
                let (_, sb) = super::section::lookup(core, b).map_err(|g| unknown(b, g))?;
                let (Some(from), Some(to)) = (sa.number, sb.number) else {
                    return Err(bad(lang, "section", part, "I–XV"));
                };
                let (from, to) = (from.min(to), from.max(to));
                for s in pa
                    .sections
                    .iter()
                    .filter(|s| s.number.is_some_and(|n| (from..=to).contains(&n)))
                {
                    ids.push(s.id.clone());
                }
                pack = Some(pa.id.clone());
            }
            None => {
                let (p, s) = super::section::lookup(core, part).map_err(|g| unknown(part, g))?;
                ids.push(s.id.clone());
                pack = Some(p.id.clone());
            }
        }
    }
    ids.dedup();
    match pack {
        Some(p) if !ids.is_empty() => Ok((p, ids)),
        _ => Err(bad(lang, "section", input, "I–XV")),
    }
}

/// The letter shown for a choice position: A, B, C, D.
pub fn letter(position: usize) -> char {
    u8::try_from(position)
        .ok()
        .filter(|p| *p < 26)
        .map(|p| char::from(b'A' + p))
        .unwrap_or('?')
}

fn choice_label(view: &QuestionView, lang: Lang, position: usize) -> String {
    let text = view
        .choices
        .get(position)
        .map(|c| c.get(lang))
        .unwrap_or("");
    if view.true_false {
        text.to_string()
    } else {
        letter(position).to_string()
    }
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
/// how many answered, and, while open, the answer buttons and a hint button.
pub fn question_card(
    view: &QuestionView,
    lang: Lang,
    round: u64,
    answered: u32,
    stage: Stage,
) -> Reply {
    let choices = if view.true_false {
        String::new()
    } else {
        view.choices
            .iter()
            .enumerate()
            .map(|(i, c)| format!("**{}** — {}", letter(i), c.get(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let prompt = anti_copy(view.prompt.get(lang));
    let text = if choices.is_empty() {
        prompt
    } else {
        format!("{prompt}\n\n{choices}")
    };
    let status = match stage {
        Stage::Reading { opens } => tr(lang, "quiz-opens", &[("opens", &format!("<t:{opens}:R>"))]),
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
        for i in 0..view.choices.len() {
            reply.buttons.push(Button {
                id: CustomId::QuizAnswer {
                    round,
                    number: view.number,
                    position: i,
                },
                label: choice_label(view, lang, i),
                style: ButtonStyle::Primary,
            });
        }
        reply.buttons.push(Button {
            id: CustomId::QuizHint {
                round,
                number: view.number,
            },
            label: t(lang, "button-hint"),
            style: ButtonStyle::Secondary,
        });
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
            &[("choice", &choice_label(view, lang, p))],
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

fn standings_lines(lines: &[(u32, Member, u32)], lang: Lang) -> String {
    if lines.is_empty() {
        return t(lang, "quiz-nobody");
    }
    lines
        .iter()
        .map(|(rank, member, points)| {
            tr(
                lang,
                "quiz-line",
                &[
                    ("rank", &(*rank as usize)),
                    ("member", &mention(*member)),
                    ("points", &(*points as usize)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The reveal: the right answer, its explanation and section, the counts, the top five.
pub fn reveal_card(
    core: &Core,
    pack: &str,
    view: &QuestionView,
    r: &Reveal,
    lang: Lang,
    spoilers: bool,
) -> Reply {
    let correct = view
        .choices
        .get(r.correct_position)
        .map(|c| c.get(lang).to_string())
        .unwrap_or_default();
    let shown = if view.true_false {
        correct
    } else {
        format!("{} — {correct}", letter(r.correct_position))
    };
    let mut explanation = r.explanation.get(lang).to_string();
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
            let label = choice_label(view, lang, i);
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
    .field(t(lang, "quiz-top"), standings_lines(&r.top, lang));
    if r.idle_stop {
        reply.footer = Some(t(lang, "quiz-idle-stop"));
    }
    reply
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
        }
    }
}

/// The end of a round: the podium (top three) and the full table.
pub fn end_card(
    standings: &[(u32, Member, u32)],
    totals: impl Fn(Member) -> Totals,
    answered_questions: usize,
    ending: Ending,
    lang: Lang,
) -> Reply {
    let medals = ["🥇", "🥈", "🥉"];
    let podium: Vec<String> = standings
        .iter()
        .take_while(|(rank, _, _)| *rank <= 3)
        .filter(|(_, _, points)| *points > 0)
        .map(|(rank, member, points)| {
            let medal = medals.get(*rank as usize - 1).copied().unwrap_or("");
            format!("{medal} {} — {points}", mention(*member))
        })
        .collect();
    let table: Vec<String> = standings
        .iter()
        .map(|(rank, member, points)| {
            let tt = totals(*member);
            tr(
                lang,
                "quiz-table-line",
                &[
                    ("rank", &(*rank as usize)),
                    ("member", &mention(*member)),
                    ("points", &(*points as usize)),
                    ("correct", &(tt.correct as usize)),
                    ("questions", &answered_questions),
                ],
            )
        })
        .collect();
    let intro = match ending {
        Ending::Finished => t(lang, "quiz-end-finished"),
        Ending::Stopped => t(lang, "quiz-end-stopped"),
        Ending::Idle => t(lang, "quiz-idle-stop"),
        Ending::Shutdown => t(lang, "quiz-end-shutdown"),
        Ending::Failed => t(lang, "quiz-end-failed"),
        Ending::Goal => t(lang, "quiz-end-goal"),
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

pub fn period_name(period: Period, lang: Lang) -> String {
    t(lang, &format!("period-{}", period.code()))
}

/// A server's board for a period: the top 20 with points, accuracy, wins and rounds played.
pub fn board_card(lines: &[BoardLine], period: Period, sort: Sort, lang: Lang) -> Reply {
    let text = if lines.is_empty() {
        t(lang, "quiz-board-empty")
    } else {
        lines
            .iter()
            .take(20)
            .map(|l| {
                tr(
                    lang,
                    "quiz-board-line",
                    &[
                        ("rank", &(l.rank as usize)),
                        ("member", &format!("<@{}>", l.user_id)),
                        ("points", &(l.points as usize)),
                        ("accuracy", &(l.accuracy() as usize)),
                        ("wins", &(l.wins as usize)),
                        ("games", &(l.games as usize)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
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
    .field(t(lang, "quiz-info-how"), t(lang, "quiz-info-start"))
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

/// What `aura preview '/quiz start …'` shows: the round's first question.
pub fn preview(core: &Core, lang: Lang, req: &Request, seed: u64) -> Reply {
    let plan = match StartArgs::from_request(req, lang).and_then(|args| plan(core, lang, &args, 2))
    {
        Ok(plan) => plan,
        Err(notice) => return *notice,
    };
    let Some(mut round) = plan.round(core, seed) else {
        return Reply::notice(t(lang, "quiz-no-questions"));
    };
    let now = std::time::Instant::now();
    match round.open_next(now) {
        Some(view) => {
            let closes = crate::clock::unix_now() + i64::from(plan.settings.seconds);
            question_card(&view, lang, 0, 0, Stage::Open { closes })
        }
        None => Reply::notice(t(lang, "quiz-no-questions")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(letter(0), 'A');
        assert_eq!(letter(3), 'D');
    }
}
