//! The checks of a quiz question's typed answers: something accepted in each language, every
//! form non-empty and different from the others once folded, and no form that would accept a
//! wrong choice's name or alias (by the same rule that judges members' answers).

use super::*;
use crate::pack::check::{At, lang_name};
use crate::search::answer;

/// A question's `typed` forms, against its choices.
pub(super) fn forms(c: &mut Checker, a: &At<'_>, q: &Question, typed: &Typed) {
    if q.choices.is_empty() {
        c.push(
            a,
            ProblemKind::TypedAnswer,
            "`typed` needs `choices`: a true/false question is answered with its buttons".into(),
        );
        return;
    }
    for lang in Lang::ALL {
        let own = match lang {
            Lang::En => &typed.en,
            Lang::Id => &typed.id,
        };
        if typed.any.is_empty() && own.is_empty() {
            c.push(
                a,
                ProblemKind::MissingLanguage,
                format!(
                    "`typed` accepts nothing in {} ({}): add `typed.{}`, or forms for both languages in `typed.any`",
                    lang_name(lang),
                    lang.code(),
                    lang.code()
                ),
            );
        }
    }
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (field, list) in [("any", &typed.any), ("en", &typed.en), ("id", &typed.id)] {
        for form in list {
            let folded = normalize(form);
            if folded.is_empty() {
                c.push(
                    a,
                    ProblemKind::Empty,
                    format!("`typed.{field}` holds an empty form (\"{form}\")"),
                );
                continue;
            }
            c.string(a, &format!("typed.{field}"), form, limits::CHOICE_NAME);
            if let Some(first) = seen.get(&folded) {
                c.push(
                    a,
                    ProblemKind::TypedAnswer,
                    format!(
                        "`typed.{field}` accepts \"{form}\", the same as \"{first}\" once case, accents and punctuation are folded"
                    ),
                );
            } else {
                seen.insert(folded, form);
            }
        }
    }
    for (i, choice) in q.choices.iter().enumerate().filter(|(_, ch)| !ch.correct) {
        let names = choice.text.sides().map(|(_, s)| s);
        for wrong in names.chain(choice.aliases.iter().map(String::as_str)) {
            for form in typed.all().filter(|f| answer::clashes(f, wrong)) {
                c.push(
                    a,
                    ProblemKind::TypedAnswer,
                    format!(
                        "typed form \"{form}\" would accept \"{wrong}\", a name of the wrong choice `choices[{i}]`"
                    ),
                );
            }
        }
    }
}
