//! The rule for state, as a test: plain data types (each feature's `model` modules) ← `store`
//! ← feature logic. The store reads and writes the features' plain values and nothing else of
//! theirs: every `crate::…` path in `src/store/` names the store itself, the pack, text
//! helpers, the clock, or a `model` module.

use std::path::{Path, PathBuf};

/// Paths the store may name, besides any `…::model` module.
const ALLOWED: &[&str] = &["store", "pack", "text", "clock"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::…` path in `code` with its line, comments left out; a grouped import
/// (`crate::{a, b}`) is returned as `{`, which no rule allows.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let path: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
                .collect();
            found.push((n + 1, path));
            rest = after;
        }
    }
    found
}

/// Whether the store may name `path` (what follows `crate::`).
fn allowed(path: &str) -> bool {
    let segments: Vec<&str> = path.split("::").collect();
    let Some(first) = segments.first() else {
        return false;
    };
    if ALLOWED.contains(first) {
        return true;
    }
    // `feature::model::…` or `feature::part::model::…`
    segments.iter().take(3).skip(1).any(|s| *s == "model")
        && segments
            .iter()
            .take_while(|s| **s != "model")
            .all(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
}

#[test]
fn the_store_names_only_plain_data_types_of_the_features() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/store");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 5, "the store's files are read");
    let mut wrong = Vec::new();
    for file in files {
        let code = std::fs::read_to_string(&file).expect("readable");
        for (line, path) in crate_paths(&code) {
            if !allowed(&path) {
                wrong.push(format!("{}:{line}: crate::{path}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the store may name only its own modules, pack, text, clock and features' model \
         modules:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_rule_itself_refuses_what_it_should() {
    assert!(allowed("quiz::model::AnswerRow"));
    assert!(allowed("quiz::homework::model::{Assignment, Picked}"));
    assert!(allowed("pack::Lang"));
    assert!(!allowed("quiz::practice::Run"));
    assert!(!allowed("services::Services"));
    assert!(!allowed("{quiz, pack}"));
    assert_eq!(
        crate_paths("use crate::quiz::AnswerRow; // crate::nothing"),
        vec![(1, "quiz::AnswerRow".to_string())]
    );
}
