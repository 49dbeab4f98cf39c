//! Member-facing UI strings (headings, labels, errors) from Fluent files, one per language.
//! The files are compiled in: `en.ftl` and `id.ftl` beside this module.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::langid;

use crate::pack::Lang;

pub const EN_FTL: &str = include_str!("en.ftl");
pub const ID_FTL: &str = include_str!("id.ftl");

struct Messages {
    en: FluentBundle<FluentResource>,
    id: FluentBundle<FluentResource>,
}

fn bundle(lang: unic_langid::LanguageIdentifier, ftl: &str) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // No Unicode isolation marks around placeables: Discord shows them as stray characters.
    bundle.set_use_isolating(false);
    // A syntax error in the shipped files is caught by the tests; what parses is still used.
    let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

static MESSAGES: LazyLock<Messages> = LazyLock::new(|| Messages {
    en: bundle(langid!("en"), EN_FTL),
    id: bundle(langid!("id"), ID_FTL),
});

fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let bundle = match lang {
        Lang::En => &MESSAGES.en,
        Lang::Id => &MESSAGES.id,
    };
    let msg = bundle.get_message(key)?;
    let pattern = msg.value()?;
    let mut errors = vec![];
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The UI string `key` in `lang` (English if the Indonesian file lacks it; the key itself if
/// neither has it, which the tests forbid).
pub fn t(lang: Lang, key: &str) -> String {
    tr(lang, key, &[])
}

/// The UI string `key` with arguments.
pub fn tr(lang: Lang, key: &str, args: &[(&str, &dyn ToArg)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.to_arg());
    }
    let fargs = (!args.is_empty()).then_some(&fargs);
    format(lang, key, fargs)
        .or_else(|| format(Lang::En, key, fargs))
        .unwrap_or_else(|| key.to_string())
}

/// Values that can be passed to a Fluent message.
pub trait ToArg {
    fn to_arg(&self) -> FluentValue<'static>;
}

impl ToArg for str {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}
impl ToArg for String {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}
impl ToArg for usize {
    fn to_arg(&self) -> FluentValue<'static> {
        FluentValue::from(*self as f64)
    }
}

/// The message ids a Fluent file defines.
pub fn keys(ftl: &str) -> Vec<String> {
    let resource = FluentResource::try_new(ftl.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// A choice's name in `lang` (as Discord lists it to a member in that language).
pub fn choice_name<T: crate::catalog::choice::Choice>(value: T, lang: Lang) -> &'static str {
    match lang {
        Lang::Id => value.names().id,
        Lang::En => value.names().en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_parse_and_define_the_same_keys() {
        for ftl in [EN_FTL, ID_FTL] {
            assert!(FluentResource::try_new(ftl.to_string()).is_ok());
        }
        let mut en = keys(EN_FTL);
        let mut id = keys(ID_FTL);
        en.sort();
        id.sort();
        assert_eq!(en, id);
    }

    #[test]
    fn arguments_are_filled_without_isolation_marks() {
        let s = tr(
            Lang::En,
            "did-you-mean",
            &[("suggestions", &"aura".to_string())],
        );
        assert!(s.contains("aura"));
        assert!(!s.contains('\u{2068}'));
    }
}
