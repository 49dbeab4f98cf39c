//! [`Pick`]: any [`Choice`] as a slash command option with fixed choices, named in English with
//! the Indonesian name as Discord's `id` localization.

use std::borrow::Cow;

use poise::{ChoiceParameter, CommandParameterChoice};

use crate::catalog::Choice;

/// The value a member picked from an option's choices. Discord lists [`Choice::CHOICES`] in
/// order and sends back the picked one's index (as poise's derived choices do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick<T>(pub T);

impl<T> Pick<T> {
    /// The picked value.
    pub fn get(self) -> T {
        self.0
    }
}

impl<T: Choice> ChoiceParameter for Pick<T> {
    fn list() -> Cow<'static, [CommandParameterChoice]> {
        T::CHOICES
            .iter()
            .map(|c| {
                let names = c.names();
                CommandParameterChoice {
                    name: Cow::Borrowed(names.en),
                    localizations: Cow::Owned(vec![(Cow::Borrowed("id"), Cow::Borrowed(names.id))]),
                    __non_exhaustive: (),
                }
            })
            .collect()
    }

    fn from_index(index: usize) -> Option<Self> {
        T::CHOICES.get(index).copied().map(Pick)
    }

    fn from_name(name: &str) -> Option<Self> {
        crate::catalog::choice::find(|n| name.eq_ignore_ascii_case(n.en)).map(Pick)
    }

    fn name(&self) -> &'static str {
        self.0.names().en
    }

    fn localized_name(&self, locale: &str) -> Option<&'static str> {
        (locale == "id").then(|| self.0.names().id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Lang;
    use crate::quiz::Teams;

    #[test]
    fn choices_are_listed_in_order_with_their_indonesian_names() {
        let list = Pick::<Lang>::list();
        let names: Vec<_> = list.iter().map(|c| c.name.as_ref()).collect();
        assert_eq!(names, ["id", "en"]);
        assert_eq!(
            list[0].localizations.as_ref(),
            [(Cow::Borrowed("id"), Cow::Borrowed("indonesia"))]
        );
        assert_eq!(Pick::<Lang>::from_index(1), Some(Pick(Lang::En)));
        assert_eq!(Pick::<Lang>::from_index(2), None);
        assert_eq!(Pick::<Teams>::from_name("3"), Some(Pick(Teams::Three)));
        assert_eq!(Pick(Teams::Two).localized_name("id"), Some("2 tim"));
        assert_eq!(Pick(Teams::Two).localized_name("de"), None);
    }
}
