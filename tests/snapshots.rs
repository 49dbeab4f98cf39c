//! What members see, pinned in both languages: every command's answer as text, and the exact
//! Discord body for one card.

use std::path::PathBuf;

use aura::core::Core;
use aura::pack::Lang;
use aura::preview::preview;

fn core() -> Core {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    Core::load(&dir, Lang::En).unwrap_or_else(|report| panic!("{report}"))
}

const LINES: &[(&str, &str)] = &[
    ("concept_aura", "/concept name:aura"),
    ("concept_typo", "/concept name:Kultwret"),
    ("concept_ambiguous", "/concept name:value"),
    ("concept_unknown", "/concept name:zzzz"),
    ("quote_topic", "/quote topic:cult value"),
    ("quote_speaker", "/quote speaker:adorno"),
    (
        "debate",
        "/debate motion:film makes audiences critical experts",
    ),
    ("section_iii", "/section number:III"),
    ("section_epilogue", "/section number:nachwort"),
    ("search", "/search query:distraction"),
    ("essay", "/essay"),
    ("help", "/help"),
];

#[test]
fn every_command_in_both_languages() {
    let core = core();
    for lang in Lang::ALL {
        for (name, line) in LINES {
            let out =
                preview(&core, lang, line, 1, false).unwrap_or_else(|e| panic!("{line}: {e}"));
            insta::assert_snapshot!(format!("{name}_{}", lang.code()), out, line);
        }
    }
}

#[test]
fn the_exact_discord_body() {
    let core = core();
    for lang in Lang::ALL {
        let out = preview(&core, lang, "/concept name:nilai kultus", 1, true).expect("preview");
        let body: serde_json::Value = serde_json::from_str(&out).expect("json");
        insta::assert_json_snapshot!(format!("concept_cult_value_json_{}", lang.code()), body);
    }
}

#[test]
fn unknown_commands_and_options_list_what_exists() {
    let core = core();
    for lang in Lang::ALL {
        let err = preview(&core, lang, "/quiz start", 1, false).unwrap_err();
        insta::assert_snapshot!(format!("unknown_command_{}", lang.code()), err);
        let err = preview(&core, lang, "/concept colour:red", 1, false).unwrap_err();
        insta::assert_snapshot!(format!("unknown_option_{}", lang.code()), err);
    }
}
