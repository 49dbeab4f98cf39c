//! The forms a teacher writes one item in (`/course add`): a question (its text, its choices
//! one per line with `*` before the right one, or `true`/`false`; an explanation, a section,
//! and its own seconds and points), a prompt (its text and an angle) or a motion (the motion,
//! each side's position, discussion questions). A filled form becomes the same item a file
//! holds, in the teacher's language, and is checked by the same rules.

use crate::core::Core;
use crate::course::model::ItemKind;
use crate::i18n::t;
use crate::interaction::{CustomId, Input, Modal};
use crate::pack::{Choice, Lang, Motion, Prompt, Question, Text};
use crate::render::limits;
use crate::search::Kind;

/// What `/course add` was given besides the form: the item's id and a question's difficulty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub kind: ItemKind,
    pub id: String,
    pub difficulty: String,
    /// The language the teacher writes in.
    pub lang: Lang,
}

fn input(id: &'static str, label: String, paragraph: bool, max: usize, required: bool) -> Input {
    Input {
        id,
        label,
        paragraph,
        min_length: u16::from(required),
        max_length: u16::try_from(max).unwrap_or(4000),
        required,
        value: None,
    }
}

/// The form for an item of `kind`, its answer coming back under `draft`.
pub fn modal(kind: ItemKind, draft: u64, lang: Lang) -> Modal {
    let label = |key: &str| t(lang, &format!("course-form-{key}"));
    let fields = match kind {
        ItemKind::Question => vec![
            input("prompt", label("prompt"), true, limits::QUIZ_PROMPT, true),
            input(
                "choices",
                label("choices"),
                true,
                4 * (limits::CHOICE_LABEL + 2),
                true,
            ),
            input(
                "explanation",
                label("explanation"),
                true,
                limits::FIELD_VALUE,
                false,
            ),
            input("section", label("section"), false, 40, false),
            input("timing", label("timing"), false, 20, false),
        ],
        ItemKind::Prompt => vec![
            input("text", label("text"), true, limits::PROMPT_TEXT, true),
            input("angle", label("angle"), true, limits::FIELD_VALUE, false),
        ],
        ItemKind::Motion => vec![
            input(
                "motion",
                label("motion"),
                false,
                limits::EMBED_TITLE - 10,
                true,
            ),
            input(
                "benjamin",
                label("benjamin"),
                true,
                limits::FIELD_VALUE,
                true,
            ),
            input("adorno", label("adorno"), true, limits::FIELD_VALUE, true),
            input("questions", label("questions"), true, 900, false),
        ],
    };
    let title = crate::text::truncate(
        &t(lang, &format!("course-form-title-{}", kind.code())),
        limits::MODAL_TITLE,
    );
    Modal {
        id: CustomId::CourseForm { kind, draft },
        title,
        fields,
    }
}

/// The value of input `id` in a submitted form, trimmed (empty when absent).
fn value<'a>(values: &'a [(String, String)], id: &str) -> &'a str {
    values
        .iter()
        .find(|(k, _)| k == id)
        .map_or("", |(_, v)| v.trim())
}

/// A text in the teacher's language only.
fn side(lang: Lang, s: &str) -> Text {
    let s = Some(s.to_string()).filter(|s| !s.is_empty());
    match lang {
        Lang::En => Text { en: s, id: None },
        Lang::Id => Text { en: None, id: s },
    }
}

/// Why a filled form cannot make an item (beyond the pack's rules): an i18n key and what was
/// typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: &'static str,
    pub typed: String,
}

/// The item a filled form makes: a file of one, as TOML (checked next by the pack's rules).
pub fn item(
    core: &Core,
    head: &Heading,
    values: &[(String, String)],
) -> Result<crate::pack::course::Course, Unreadable> {
    let lang = head.lang;
    let mut course = crate::pack::course::Course::default();
    match head.kind {
        ItemKind::Question => {
            let (choices, answer) = choices(lang, value(values, "choices"))?;
            let (seconds, points) = timing(value(values, "timing"))?;
            let section = section(core, value(values, "section"))?;
            course.questions.push(Question {
                id: head.id.clone(),
                difficulty: head.difficulty.clone(),
                prompt: side(lang, value(values, "prompt")),
                choices,
                answer,
                explanation: side(lang, value(values, "explanation")),
                section,
                source: None,
                history: false,
                concepts: Vec::new(),
                quote: None,
                typed: None,
                seconds,
                points,
            });
        }
        ItemKind::Prompt => course.prompts.push(Prompt {
            id: head.id.clone(),
            text: side(lang, value(values, "text")),
            angle: side(lang, value(values, "angle")),
            quote: None,
            concepts: Vec::new(),
        }),
        ItemKind::Motion => course.motions.push(Motion {
            id: head.id.clone(),
            motion: side(lang, value(values, "motion")),
            benjamin: side(lang, value(values, "benjamin")),
            adorno: side(lang, value(values, "adorno")),
            benjamin_quotes: Vec::new(),
            adorno_quotes: Vec::new(),
            questions: lines(value(values, "questions"))
                .map(|q| side(lang, q))
                .collect(),
            concepts: Vec::new(),
        }),
    }
    Ok(course)
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// The choices as typed: `true`/`false` (`benar`/`salah`) alone is a true/false question;
/// otherwise one choice a line, the right one marked with a leading `*`.
fn choices(lang: Lang, typed: &str) -> Result<(Vec<Choice>, Option<bool>), Unreadable> {
    let lines: Vec<&str> = lines(typed).collect();
    if let [one] = lines.as_slice() {
        match one.trim_start_matches('*').trim().to_lowercase().as_str() {
            "true" | "benar" => return Ok((Vec::new(), Some(true))),
            "false" | "salah" => return Ok((Vec::new(), Some(false))),
            _ => {}
        }
    }
    let choices: Vec<Choice> = lines
        .iter()
        .map(|l| Choice {
            text: side(lang, l.trim_start_matches('*').trim()),
            correct: l.starts_with('*'),
            aliases: Vec::new(),
        })
        .collect();
    if choices.iter().filter(|c| c.correct).count() != 1 {
        return Err(Unreadable {
            key: "course-form-mark-one",
            typed: typed.to_string(),
        });
    }
    Ok((choices, None))
}

/// `30 500`, `30s, 500 points`: the question's own seconds, then its points (either may be
/// left out: `, 0` is a warm-up at the round's pace).
fn timing(typed: &str) -> Result<(Option<u32>, Option<u32>), Unreadable> {
    if typed.is_empty() {
        return Ok((None, None));
    }
    let unreadable = || Unreadable {
        key: "course-form-timing-unreadable",
        typed: typed.to_string(),
    };
    let mut parts = typed.split(',').map(str::trim);
    let number = |part: Option<&str>| -> Result<Option<u32>, Unreadable> {
        let digits: String = part
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        match (part.unwrap_or("").is_empty(), digits.parse::<u32>()) {
            (true, _) => Ok(None),
            (false, Ok(n)) => Ok(Some(n)),
            (false, Err(_)) => Err(unreadable()),
        }
    };
    let (first, second) = (parts.next(), parts.next());
    // `30 500` without a comma: two numbers apart.
    if second.is_none()
        && let Some((a, b)) = first.and_then(|f| f.split_once(' '))
    {
        return Ok((number(Some(a.trim()))?, number(Some(b.trim()))?));
    }
    Ok((number(first)?, number(second)?))
}

/// A section as a teacher names it (`II`, `2`, its title), as its id.
fn section(core: &Core, typed: &str) -> Result<Option<String>, Unreadable> {
    if typed.is_empty() {
        return Ok(None);
    }
    core.index
        .resolve(Kind::Section, typed)
        .map(|hit| Some(hit.id))
        .map_err(|_| Unreadable {
            key: "course-form-no-section",
            typed: typed.to_string(),
        })
}

/// Everything the teacher typed, to quote back when the form is refused (nothing is lost).
pub fn typed_back(values: &[(String, String)]) -> String {
    values
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}: {}", v.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_filled_question_form_is_the_item_a_file_would_hold() {
        let core = Core::for_tests();
        let head = Heading {
            kind: ItemKind::Question,
            id: "tue-1".into(),
            difficulty: "easy".into(),
            lang: Lang::Id,
        };
        let values = filled(&[
            ("prompt", "Apa yang hilang dari karya yang direproduksi?"),
            (
                "choices",
                "Warnanya\n* Kehadirannya di sini dan kini\nHarganya",
            ),
            ("section", "II"),
            ("timing", "30, 0"),
        ]);
        let course = item(&core, &head, &values).expect("read");
        let q = &course.questions[0];
        assert_eq!(q.choices.len(), 3);
        assert!(q.choices[1].correct && !q.choices[0].correct);
        assert_eq!(q.prompt.en, None);
        assert_eq!(q.section.as_deref(), Some("ii"));
        assert_eq!((q.seconds, q.points), (Some(30), Some(0)));
        let pack = &core.library.packs[0];
        crate::pack::course::check(pack, "form", &course.to_toml()).expect("valid");
        let tf = filled(&[("prompt", "Benar atau salah?"), ("choices", "salah")]);
        let course = item(&core, &head, &tf).expect("read");
        assert_eq!(course.questions[0].answer, Some(false));
        let none_marked = filled(&[("prompt", "?"), ("choices", "a\nb")]);
        assert_eq!(
            item(&core, &head, &none_marked).map_err(|u| u.key),
            Err("course-form-mark-one")
        );
        assert_eq!(timing("45s 800 points"), Ok((Some(45), Some(800))));
        assert_eq!(timing(", 0"), Ok((None, Some(0))));
        assert!(timing("soon").is_err());
    }
}
