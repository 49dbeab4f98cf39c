//! Typed quiz answers, judged the way the search engine reads names: folded by
//! [`normalize`] (case, accents and punctuation do not matter) and compared by the search's edit
//! distance, with a typo budget that grows with the accepted form's length. A wrong choice's
//! name never counts, however close it is to an accepted form.
//!
//! Pure functions: the round engine judges answers with [`accepts`], the pack validator checks
//! with [`clashes`] that no accepted form would take a wrong choice's name.

use super::score::distance;
use crate::pack::TypedAnswer;
use crate::text::normalize;

/// Typos forgiven in a form of `n` folded characters: none under 5 (dates, short words must be
/// exact), one from 5 to 8, two beyond.
pub fn typo_budget(n: usize) -> usize {
    match n {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The distance of a folded input from a folded accepted form, when it is within the form's
/// typo budget.
pub fn within(input: &str, form: &str) -> Option<usize> {
    let n = form.chars().count();
    let budget = typo_budget(n);
    if n == 0 || input.chars().count().abs_diff(n) > budget {
        return None;
    }
    let d = distance(input, form);
    (d <= budget).then_some(d)
}

/// Whether `typed` is an accepted answer: within the typo budget of an accepted form, and not
/// at least as close to one of the wrong choices' names.
pub fn accepts(answer: &TypedAnswer, typed: &str) -> bool {
    let q = normalize(typed);
    if q.is_empty() {
        return false;
    }
    let best = answer
        .accepted
        .all()
        .filter_map(|form| within(&q, &normalize(form)))
        .min();
    let Some(best) = best else {
        return false;
    };
    !answer.wrong.iter().any(|w| {
        let w = normalize(w);
        !w.is_empty() && distance(&q, &w) <= best
    })
}

/// Whether an accepted form would take a wrong choice's name (or alias): the same once folded,
/// or within the form's typo budget of it.
pub fn clashes(form: &str, wrong: &str) -> bool {
    let (f, w) = (normalize(form), normalize(wrong));
    !f.is_empty() && !w.is_empty() && (f == w || within(&w, &f).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Typed;
    use proptest::prelude::*;

    fn klossowski() -> TypedAnswer {
        TypedAnswer {
            accepted: Typed {
                any: vec!["Pierre Klossowski".into(), "Klossowski".into()],
                ..Typed::default()
            },
            wrong: ["Harry Zohn", "Zohn", "Max Horkheimer", "Horkheimer"]
                .map(String::from)
                .to_vec(),
        }
    }

    #[test]
    fn case_accents_and_a_typo_are_forgiven() {
        let k = klossowski();
        for ok in [
            "Klossowski",
            "klosowski",
            "Pierre Klossowski",
            "KLOSSOWSKI",
            "  pierre   klossowski. ",
            "Klössowski",
            "Pierre Klosowsky",
            "kloswoski",
        ] {
            assert!(accepts(&k, ok), "{ok}");
        }
    }

    #[test]
    fn wrong_names_far_forms_and_nothing_are_refused() {
        let k = klossowski();
        for wrong in [
            "Harry Zohn",
            "zohn",
            "Horkheimer",
            "",
            "   ",
            "?!",
            "Pierre",
            "klsowsk",
            "Kowalski",
        ] {
            assert!(!accepts(&k, wrong), "{wrong}");
        }
    }

    #[test]
    fn the_typo_budget_grows_with_the_length() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(8), 1);
        assert_eq!(typo_budget(9), 2);
        let year = TypedAnswer {
            accepted: Typed {
                any: vec!["1955".into()],
                ..Typed::default()
            },
            wrong: vec!["1936".into(), "1968".into()],
        };
        assert!(accepts(&year, "1955"));
        assert!(!accepts(&year, "1956"), "no typo in a short form");
        let war = TypedAnswer {
            accepted: Typed {
                en: vec!["War".into()],
                id: vec!["Perang".into()],
                ..Typed::default()
            },
            wrong: vec!["Revolution".into(), "Revolusi".into()],
        };
        assert!(accepts(&war, "war") && accepts(&war, "PERANG") && accepts(&war, "prang"));
        assert!(!accepts(&war, "wars"), "a three-letter form is exact");
    }

    #[test]
    fn a_wrong_name_closer_than_the_accepted_form_decides() {
        let close = TypedAnswer {
            accepted: Typed {
                any: vec!["Schoenberg".into()],
                ..Typed::default()
            },
            wrong: vec!["Schoenburg".into()],
        };
        assert!(accepts(&close, "Schönberg"));
        assert!(!accepts(&close, "Schoenburg"));
        assert!(!accepts(&close, "Schoenburgh"), "nearer the wrong name");
        assert!(clashes("Schoenberg", "Schoenburg"));
        assert!(clashes("Klossowski", "KLOSSOWSKI"));
        assert!(!clashes("Klossowski", "Zohn"));
    }

    /// Changes the case of some letters and puts accents on some vowels.
    fn disguise(form: &str, flips: &[bool]) -> String {
        form.chars()
            .zip(flips.iter().cycle())
            .map(|(c, &flip)| {
                let c = if flip {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                };
                match (c, flip) {
                    ('a', true) => 'á',
                    ('e', true) => 'è',
                    ('o', true) => 'ö',
                    ('u', false) => 'ü',
                    ('I', _) => 'Í',
                    ('n', true) => 'ñ',
                    ('C', _) => 'Ç',
                    (c, _) => c,
                }
            })
            .collect()
    }

    proptest! {
        #[test]
        fn any_accepted_form_disguised_still_matches(
            form in "[a-zA-Z]{1,12}( [a-zA-Z]{1,12}){0,2}",
            wrong in "[a-zA-Z]{1,12}( [a-zA-Z]{1,12}){0,2}",
            flips in proptest::collection::vec(any::<bool>(), 1..16),
            lang in 0usize..3,
        ) {
            prop_assume!(normalize(&form) != normalize(&wrong));
            let mut accepted = Typed::default();
            match lang {
                0 => accepted.any.push(form.clone()),
                1 => accepted.en.push(form.clone()),
                _ => accepted.id.push(form.clone()),
            }
            let answer = TypedAnswer { accepted, wrong: vec![wrong.clone()] };
            let typed = disguise(&form, &flips);
            prop_assert!(accepts(&answer, &typed), "{typed} for {form}");
            prop_assert!(!accepts(&answer, &disguise(&wrong, &flips)) || clashes(&form, &wrong));
        }
    }
}
