//! Planning a quiz round: `/quiz start`'s (and `/quiz assign`'s) options read into a
//! [`Plan`], with a notice naming the option when a value is out of range or unknown.

use rand::Rng;

use crate::catalog::Request;
use crate::catalog::choice::{self, Names};
use crate::core::Core;
use crate::course::model::{ItemKind, Source};
use crate::i18n::t;
use crate::pack::QuizQuestion;
use crate::pack::{Difficulty, Lang};
use crate::quiz::round::SkipVotes;
use crate::quiz::{Answering, Round, Scoring, Settings, Teams};
use crate::reply::Reply;
use crate::search::Kind;
use crate::services::Services;

/// Bounds of the start options.
pub const MAX_QUESTIONS: usize = 20;
pub const MIN_SECONDS: u32 = 10;
pub const MAX_SECONDS: u32 = 300;
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
        choice::parse(s)
    }
}

impl choice::Choice for Mode {
    const CHOICES: &'static [Mode] = &[Mode::Auto, Mode::Teacher];
    fn names(self) -> Names {
        match self {
            Mode::Auto => Names::new("auto", "otomatis"),
            Mode::Teacher => Names::new("teacher", "guru").or(&["manual"]),
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
    /// The round's cards in both languages side by side (its language first).
    pub bilingual: bool,
    /// Whose questions are drawn.
    pub source: Source,
    /// The server's own questions it may draw (none unless `source` takes them).
    pub own: Vec<QuizQuestion>,
}

impl Plan {
    /// The round this plan draws with `seed`.
    pub fn round(&self, core: &Core, seed: u64) -> Option<Round> {
        let pack = core.library.pack(&self.pack)?;
        let settings = self.settings.clone();
        if self.own.is_empty() && self.source.pack() {
            return Round::new(&pack.questions, settings, seed).ok();
        }
        let shipped = pack.questions.iter().filter(|_| self.source.pack());
        let pool: Vec<QuizQuestion> = shipped.chain(&self.own).cloned().collect();
        Round::new(&pool, settings, seed).ok()
    }

    /// The question of this plan's pool with `id` (the pack's or the server's own).
    pub fn question<'a>(&'a self, core: &'a Core, id: &str) -> Option<&'a QuizQuestion> {
        let shipped = core
            .library
            .pack(&self.pack)
            .map(|p| p.questions.as_slice());
        shipped
            .unwrap_or_default()
            .iter()
            .chain(&self.own)
            .find(|q| q.id == id)
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
    Box::new(crate::cards::bad_option(lang, option, value, allowed))
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
    /// Both languages side by side on the round's cards.
    /// The round's language (`None`: the server's shared posts', else the starter's).
    pub language: Option<Lang>,
    pub bilingual: Option<bool>,
    pub teams: Option<Teams>,
    /// Buttons (the default), typed answers, or both in turn.
    pub kind: Option<Answering>,
    /// Players who must say they are in before the first question.
    pub players: Option<u32>,
    /// Votes that skip a question (0: no votes; none: a majority).
    pub skip_votes: Option<u32>,
    /// Points a wrong answer within the first second costs (0: none, the default).
    pub penalty: Option<u32>,
    /// The pack's questions, the server's own, or both (the default).
    pub source: Option<Source>,
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
            seconds: number("seconds", &format!("0, {MIN_SECONDS}–{MAX_SECONDS}"))?,
            goal: number("goal", "1000–100000")?,
            players: number("players", &format!("2–{MAX_PLAYERS}"))?,
            skip_votes: number("skip_votes", &format!("0–{MAX_PLAYERS}"))?,
            penalty: number("penalty", &format!("0–{MAX_PENALTY}"))?,
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
                .map(|v| Scoring::parse(v).ok_or_else(|| bad(lang, "scoring", v, "speed, flat")))
                .transpose()?,
            streaks: on_off("streaks")?,
            teams: req
                .get("teams")
                .map(|v| {
                    Teams::parse(v).ok_or_else(|| bad(lang, "teams", v, "2, 3, 4, benjamin-adorno"))
                })
                .transpose()?,
            spoilers: on_off("spoilers")?,
            bilingual: on_off("bilingual")?,
            language: req
                .get("language")
                .map(|v| {
                    crate::catalog::choice::parse::<Lang>(v)
                        .ok_or_else(|| bad(lang, "language", v, "indonesian, english"))
                })
                .transpose()?,
            kind: req
                .get("kind")
                .map(|v| {
                    Answering::parse(v).ok_or_else(|| bad(lang, "kind", v, "buttons, typed, mixed"))
                })
                .transpose()?,
            source: req
                .get("source")
                .map(|v| {
                    Source::parse(v).ok_or_else(|| bad(lang, "source", v, "pack, server, both"))
                })
                .transpose()?,
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
    if args.seconds == Some(0) && args.mode != Some(Mode::Teacher) {
        return Err(Box::new(Reply::notice(t(
            lang,
            "quiz-untimed-teacher-only",
        ))));
    }
    if let Some(n) = args.seconds {
        settings.seconds = Some(n)
            .filter(|n| *n == 0 || (MIN_SECONDS..=MAX_SECONDS).contains(n))
            .ok_or_else(|| {
                bad(
                    lang,
                    "seconds",
                    &n.to_string(),
                    &format!("0, {MIN_SECONDS}–{MAX_SECONDS}"),
                )
            })?;
    }
    settings.difficulty = args.difficulty;
    settings.teams = args.teams;
    let mode = args.mode.unwrap_or(Mode::Auto);
    if let Some(scoring) = args.scoring {
        settings.scoring = scoring;
    }
    if let Some(streaks) = args.streaks {
        settings.streaks = streaks;
    }
    settings.answering = args.kind.unwrap_or_default();
    let texts = [("topic", &args.topic), ("section", &args.section)];
    let texts = texts.iter().filter_map(|(n, v)| Some((*n, v.as_deref()?)));
    if let Some(notice) = crate::catalog::too_long(lang, "quiz start", texts) {
        return Err(Box::new(notice));
    }
    let mut pack = core.library.packs.first().map(|p| p.id.clone());
    if let Some(v) = args.topic.as_deref().filter(|v| !v.trim().is_empty()) {
        let hit = core.index.resolve(Kind::Concept, v).map_err(|guesses| {
            Box::new(crate::cards::not_found(
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
    if let Some(n) = args.players {
        settings.min_players = Some(
            Some(n)
                .filter(|n| (2..=MAX_PLAYERS).contains(n))
                .ok_or_else(|| bad(lang, "players", &n.to_string(), &format!("2–{MAX_PLAYERS}")))?,
        );
    }
    if let Some(n) = args.skip_votes {
        settings.skip_votes = match n {
            0 => SkipVotes::Off,
            n if n <= MAX_PLAYERS => SkipVotes::Count(n),
            n => {
                let allowed = format!("0–{MAX_PLAYERS}");
                return Err(bad(lang, "skip_votes", &n.to_string(), &allowed));
            }
        };
    }
    if let Some(n) = args.penalty {
        settings.penalty = Some(n)
            .filter(|n| *n <= MAX_PENALTY)
            .ok_or_else(|| bad(lang, "penalty", &n.to_string(), &format!("0–{MAX_PENALTY}")))?;
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
        bilingual: args.bilingual.unwrap_or(false),
        source: args.source.unwrap_or_default(),
        own: Vec::new(),
    };
    // The server's own questions are added by `seeded`, which checks again.
    if plan.source.pack() && plan.round(core, 0).is_none() {
        let key = match plan.settings.answering {
            Answering::Typed => "quiz-no-typed-questions",
            _ => "quiz-no-questions",
        };
        return Err(Box::new(Reply::notice(t(lang, key))));
    }
    Ok(plan)
}

/// The most players a round may wait for (and the most votes that skip a question).
pub const MAX_PLAYERS: u32 = 50;

/// The highest penalty for a wrong answer within the first second.
pub const MAX_PENALTY: u32 = 1000;

/// The most a section's weight may be (`II*3`: three times as likely as a section of weight 1).
const MAX_WEIGHT: u32 = 5;

/// Reads sections as a teacher writes them: `III`, `I–V`, `1-5`, `III, X, epilogue`, and a
/// mix with weights, `II*3, V` (a question of section II three times as likely to be drawn as
/// one of V). Each section id appears as many times as its weight (the highest given).
pub fn sections(core: &Core, lang: Lang, input: &str) -> Result<(String, Vec<String>), Box<Reply>> {
    let unknown = |part: &str, guesses: Vec<crate::search::Hit>| {
        Box::new(crate::cards::not_found(
            core,
            lang,
            Kind::Section,
            part,
            &guesses,
            "error-unknown-section",
        ))
    };
    let allowed = "I–XV, II*3";
    let mut pack = None;
    let mut weighted: Vec<(String, u32)> = Vec::new();
    for written in input
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (part, weight) = match written.split_once(['*', '×']) {
            Some((part, w)) => match w.trim().parse::<u32>() {
                Ok(w) if (1..=MAX_WEIGHT).contains(&w) => (part.trim(), w),
                _ => return Err(bad(lang, "section", written, allowed)),
            },
            None => (written, 1),
        };
        let range = part
            .split_once(['-', '–', '—'])
            .map(|(a, b)| (a.trim(), b.trim()))
            .filter(|(a, b)| !a.is_empty() && !b.is_empty());
        let mut ids = Vec::new();
        match range {
            Some((a, b)) => {
                let (pa, sa) =
                    crate::lookup::section::lookup(core, a).map_err(|g| unknown(a, g))?;
                let (_, sb) = crate::lookup::section::lookup(core, b).map_err(|g| unknown(b, g))?;
                let (Some(from), Some(to)) = (sa.number, sb.number) else {
                    return Err(bad(lang, "section", part, allowed));
                };
                let (from, to) = (from.min(to), from.max(to));
                ids.extend(
                    pa.sections
                        .iter()
                        .filter(|s| s.number.is_some_and(|n| (from..=to).contains(&n)))
                        .map(|s| s.id.clone()),
                );
                pack = Some(pa.id.clone());
            }
            None => {
                let (p, s) =
                    crate::lookup::section::lookup(core, part).map_err(|g| unknown(part, g))?;
                ids.push(s.id.clone());
                pack = Some(p.id.clone());
            }
        }
        for id in ids {
            match weighted.iter_mut().find(|(known, _)| *known == id) {
                Some((_, w)) => *w = (*w).max(weight),
                None => weighted.push((id, weight)),
            }
        }
    }
    let ids: Vec<String> = weighted
        .into_iter()
        .flat_map(|(id, w)| std::iter::repeat_n(id, w as usize))
        .collect();
    match pack {
        Some(p) if !ids.is_empty() => Ok((p, ids)),
        _ => Err(bad(lang, "section", input, allowed)),
    }
}

/// The plan of a round (or an assignment) in `guild` from `args`, without the questions the
/// server hides and, unless `section:` names its own (`all`: the whole essay), from the
/// sections its class has read so far by its reading plan (when they hold questions for the
/// other options); and the seed its questions are drawn with: the one configured (for tests
/// and replays), else a random one.
pub async fn seeded(
    s: &Services,
    (lang, guild): (Lang, u64),
    args: &StartArgs,
    idle_limit: u32,
) -> Result<Result<(Plan, u64), Box<Reply>>, crate::services::Error> {
    let everything = args
        .section
        .as_deref()
        .is_some_and(|v| ["all", "semua"].contains(&v.trim().to_lowercase().as_str()));
    let mut args = args.clone();
    if everything {
        args.section = None;
    }
    let mut plan = match plan(&s.core, lang, &args, idle_limit) {
        Ok(plan) => plan,
        Err(notice) => return Ok(Err(notice)),
    };
    let hidden = s.store.hidden_items(guild).await?;
    plan.settings.excluded = hidden.ids(ItemKind::Question, &plan.pack);
    if plan.source.server() {
        plan.own = crate::course::own::of(s, guild).await?.questions.clone();
        if plan.round(&s.core, 0).is_none() {
            let key = match plan.source {
                Source::Server => "course-no-own-questions",
                _ => "quiz-no-questions",
            };
            return Ok(Err(Box::new(Reply::notice(t(lang, key)))));
        }
    }
    if args.section.is_none() && !everything {
        let reading = s.store.reading_plan(guild).await?;
        let read = reading.read_so_far(s.clock.now());
        if !read.is_empty() {
            let all = std::mem::replace(&mut plan.settings.sections, read);
            if plan.round(&s.core, 0).is_none() {
                plan.settings.sections = all;
            }
        }
    }
    let seed = s
        .pace
        .quiz_seed
        .unwrap_or_else(|| rand::thread_rng().r#gen());
    Ok(Ok((plan, seed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sections as a teacher writes them: one, a range, a list, and weights (a section listed
    /// as often as it weighs, the highest weight given); a weight outside 1–5 is refused.
    #[test]
    fn sections_ranges_lists_and_weights() {
        let core = Core::for_tests();
        let read = |input: &str| sections(&core, Lang::En, input).map(|(_, ids)| ids);
        assert_eq!(read("III").ok(), Some(vec!["iii".to_string()]));
        assert_eq!(
            read("I–III").ok(),
            Some(vec!["i".to_string(), "ii".into(), "iii".into()])
        );
        assert_eq!(
            read("II*3, V").ok(),
            Some(vec!["ii".to_string(), "ii".into(), "ii".into(), "v".into()])
        );
        assert_eq!(
            read("I-III*2, II*3").ok(),
            Some(vec![
                "i".to_string(),
                "i".into(),
                "ii".into(),
                "ii".into(),
                "ii".into(),
                "iii".into(),
                "iii".into()
            ])
        );
        for bad in ["II*0", "II*9", "II*x"] {
            let refused = read(bad).expect_err(bad);
            assert!(refused.text.contains("II*3"), "{bad}: {}", refused.text);
        }
    }
}
