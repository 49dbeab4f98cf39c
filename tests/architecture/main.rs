//! The architecture of `src/`, as tests (the layers are described at the top of `src/lib.rs`):
//! - the rule for state: plain data types (each feature's `model` modules) ← `store` ← feature
//!   logic. The store reads and writes the features' plain values and nothing else of theirs:
//!   every `crate::…` path in `src/store/` names the store itself, the pack, text helpers, the
//!   clock, or a `model` module;
//! - no import circle between files: a file uses an item defined in another file (the item is
//!   followed through `pub use` re-exports to the file that defines it), and no two files reach
//!   each other that way;
//! - no file uses an item of a higher layer.

mod graph;

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

/// The layers of `src/`, lowest first: a file belongs to the longest prefix that names it (the
/// top of `src/lib.rs` says what each holds).
const LAYERS: &[&[&str]] = &[
    &["text", "clock", "render/limits", "catalog/choice"],
    &["pack"],
    &["i18n", "search/answer", "search/score"],
    &[
        "search",
        "pack/load",
        "pack/origin",
        "pack/course",
        "pack/course_csv",
        "catalog/commands",
    ],
    &[
        "quiz/model",
        "quiz/homework/model",
        "debate/model",
        "debate/class/model",
        "daily/model",
        "lookup/model",
        "course/model",
        "responses/model",
        "language/model",
    ],
    &["interaction/custom_id", "reply", "outbox/api"],
    &["interaction", "core", "cards", "render", "catalog"],
    &["store"],
    &[
        "ops/metrics",
        "ops/gateway",
        "outbox",
        "looper",
        "coalesce",
        "shard",
        "config",
        "telemetry",
        "services",
    ],
    &[
        "lookup",
        "quiz",
        "debate",
        "daily",
        "course",
        "responses",
        "language",
        "privacy",
        "audit",
    ],
    &["preview", "discord", "ops", "app", "cli"],
];

/// Imports that go up a layer on purpose: the pack's module re-exports its loader, so callers
/// write `pack::load`.
const UPWARD_ALLOWED: &[(&str, &str)] = &[
    ("pack", "pack/load"),
    ("pack", "pack/origin"),
    ("pack", "pack/course"),
    ("pack", "pack/course_csv"),
];

fn src_graph() -> graph::Graph {
    graph::Graph::read(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src"))
}

#[test]
fn no_two_files_of_src_use_each_other() {
    let g = src_graph();
    assert!(g.files() > 100, "the files of src/ are read");
    let circles = g.circles();
    assert!(
        circles.is_empty(),
        "import circles (files that reach each other through the items they use):\n{}",
        circles
            .iter()
            .map(|c| c.join(", "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn no_file_uses_an_item_of_a_higher_layer() {
    let g = src_graph();
    let layer = |file: &str| {
        LAYERS
            .iter()
            .enumerate()
            .flat_map(|(n, names)| names.iter().map(move |p| (n, *p)))
            .filter(|(_, p)| file == *p || file.starts_with(&format!("{p}/")))
            .max_by_key(|(_, p)| p.len())
            .map(|(n, _)| n)
    };
    let mut unplaced = Vec::new();
    let mut upward = Vec::new();
    for (from, to) in g.edges() {
        match (layer(&from), layer(&to)) {
            (Some(a), Some(b))
                if b > a && !UPWARD_ALLOWED.contains(&(from.as_str(), to.as_str())) =>
            {
                upward.push(format!("{from} -> {to}"));
            }
            (None, _) if from != "lib" && from != "main" => unplaced.push(from),
            _ => {}
        }
    }
    unplaced.sort();
    unplaced.dedup();
    assert!(unplaced.is_empty(), "files in no layer: {unplaced:?}");
    assert!(
        upward.is_empty(),
        "imports that go up a layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_graph_follows_re_exports_to_the_defining_file() {
    let g = src_graph();
    let edges = g.edges();
    // `crate::quiz::AnswerRow` is re-exported by quiz/mod.rs and defined in quiz/model.rs.
    assert!(edges.contains(&("store/batch".into(), "quiz/model".into())));
    assert!(!edges.contains(&("store/batch".into(), "quiz".into())));
}
