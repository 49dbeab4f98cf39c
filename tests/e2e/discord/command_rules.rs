//! Discord's rules for application command definitions, as the registration test checks them:
//! names, descriptions, locales, option order, choices with autocomplete, and the total size.

use serde_json::Value;

/// Discord's rules for command definitions (shared/discord/limits.md).
pub(super) fn check_registration(commands: &[Value]) {
    let locales = [
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
        "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi",
        "th", "zh-CN", "ja", "zh-TW", "ko",
    ];
    let name_ok = |n: &str| {
        let len = n.chars().count();
        (1..=32).contains(&len)
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || c == '\'')
            && n.chars().all(|c| !c.is_uppercase())
    };
    let mut names = std::collections::HashSet::new();
    for c in commands {
        let name = c["name"].as_str().unwrap_or_default();
        assert!(name_ok(name), "{name}");
        assert!(names.insert(name.to_string()), "{name} twice");
        let desc = c["description"].as_str().unwrap_or_default();
        assert!((1..=100).contains(&desc.chars().count()), "{name}: {desc}");
        let mut total = name.len() + longest(c, "description");
        for key in ["name_localizations", "description_localizations"] {
            for (loc, v) in c[key].as_object().cloned().unwrap_or_default() {
                assert!(locales.contains(&loc.as_str()), "{name}: locale {loc}");
                let v = v.as_str().unwrap_or_default();
                if key == "name_localizations" {
                    assert!(name_ok(v), "{name}: {v}");
                } else {
                    assert!((1..=100).contains(&v.chars().count()), "{name}: {v}");
                }
            }
        }
        let options = c["options"].as_array().cloned().unwrap_or_default();
        assert!(options.len() <= 25);
        let mut seen_optional = false;
        for o in &options {
            let oname = o["name"].as_str().unwrap_or_default();
            assert!(name_ok(oname), "{name}.{oname}");
            let od = o["description"].as_str().unwrap_or_default();
            assert!(
                (1..=100).contains(&od.chars().count()),
                "{name}.{oname}: {od}"
            );
            let required = o["required"].as_bool().unwrap_or(false);
            assert!(
                !(required && seen_optional),
                "{name}: required option after an optional one"
            );
            seen_optional |= !required;
            // serenity always sends `choices` (empty for autocomplete options); a non-empty list
            // together with autocomplete is what Discord refuses.
            let has_choices = o["choices"].as_array().is_some_and(|c| !c.is_empty());
            assert!(
                !(o["autocomplete"] == true && has_choices),
                "{name}.{oname}"
            );
            for (loc, v) in o["name_localizations"]
                .as_object()
                .cloned()
                .unwrap_or_default()
            {
                assert!(locales.contains(&loc.as_str()));
                assert!(
                    name_ok(v.as_str().unwrap_or_default()),
                    "{name}.{oname}: {v}"
                );
            }
            total += oname.len() + longest(o, "description");
            // A subcommand's own options follow the same rules and count towards the total.
            let mut seen_optional = false;
            for so in o["options"].as_array().cloned().unwrap_or_default() {
                let sname = so["name"].as_str().unwrap_or_default();
                assert!(name_ok(sname), "{name}.{oname}.{sname}");
                let sd = so["description"].as_str().unwrap_or_default();
                assert!(
                    (1..=100).contains(&sd.chars().count()),
                    "{name}.{oname}.{sname}"
                );
                for v in so["name_localizations"]
                    .as_object()
                    .cloned()
                    .unwrap_or_default()
                    .values()
                {
                    assert!(
                        name_ok(v.as_str().unwrap_or_default()),
                        "{name}.{oname}: {v}"
                    );
                }
                for v in so["description_localizations"]
                    .as_object()
                    .cloned()
                    .unwrap_or_default()
                    .values()
                {
                    let n = v.as_str().unwrap_or_default().chars().count();
                    assert!((1..=100).contains(&n), "{name}.{oname}.{sname}: {v}");
                }
                let required = so["required"].as_bool().unwrap_or(false);
                assert!(!(required && seen_optional), "{name}.{oname}: order");
                seen_optional |= !required;
                total += sname.len() + longest(&so, "description");
            }
        }
        assert!(total <= 8000, "{name}: {total}");
    }
}

fn longest(v: &Value, key: &str) -> usize {
    let base = v[key].as_str().map(|s| s.chars().count()).unwrap_or(0);
    let loc = v[format!("{key}_localizations")]
        .as_object()
        .map(|m| {
            m.values()
                .filter_map(|s| s.as_str())
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    base.max(loc)
}
