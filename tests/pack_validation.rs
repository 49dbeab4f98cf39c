//! One test per validation rule, each against a small broken pack in `tests/fixtures/`.

use std::path::PathBuf;

use aura::pack::{self, ProblemKind, Report};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn problems(name: &str) -> Report {
    match pack::load(&fixture(name)) {
        Ok(_) => panic!("fixture {name} loaded without problems"),
        Err(report) => report,
    }
}

/// The fixture reports `kind`, located in a named file with a line and the item id.
fn assert_reports(name: &str, kind: ProblemKind, file: &str, item: Option<&str>) {
    let report = problems(name);
    let p = report
        .problems
        .iter()
        .find(|p| p.kind == kind)
        .unwrap_or_else(|| panic!("{name}: no {kind:?} in\n{report}"));
    assert!(p.file.ends_with(file), "{name}: wrong file in {p}");
    assert!(p.line > 0 && p.column > 0, "{name}: no position in {p}");
    assert_eq!(p.item.as_deref(), item, "{name}: wrong item in {p}");
    let text = p.to_string();
    assert!(
        text.contains(&format!("{file}:{}:{}", p.line, p.column)),
        "{text}"
    );
}

#[test]
fn the_valid_fixture_loads() {
    let library = pack::load(&fixture("valid")).expect("valid fixture");
    assert_eq!(library.packs.len(), 1);
    assert_eq!(library.packs[0].id, "mini");
}

#[test]
fn invalid_toml() {
    assert_reports(
        "invalid-toml",
        ProblemKind::Toml,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn unknown_field() {
    let report = problems("schema");
    assert!(report.to_string().contains("colour"), "{report}");
    assert_reports("schema", ProblemKind::Schema, "concepts.toml", Some("aura"));
}

#[test]
fn duplicate_id() {
    assert_reports(
        "duplicate-id",
        ProblemKind::DuplicateId,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn unknown_reference() {
    assert_reports(
        "unknown-reference",
        ProblemKind::UnknownReference,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn missing_language() {
    let report = problems("missing-language");
    assert!(report.to_string().contains("Indonesian"), "{report}");
    assert_reports(
        "missing-language",
        ProblemKind::MissingLanguage,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn not_exactly_one_correct_answer() {
    assert_reports(
        "correct-answers",
        ProblemKind::CorrectAnswers,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn duplicate_choice() {
    assert_reports(
        "duplicate-choice",
        ProblemKind::DuplicateChoice,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn too_many_choices() {
    assert_reports(
        "choice-count",
        ProblemKind::ChoiceCount,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn unknown_difficulty() {
    assert_reports(
        "unknown-difficulty",
        ProblemKind::UnknownDifficulty,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn text_too_long_for_discord() {
    assert_reports(
        "too-long",
        ProblemKind::TooLong,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn unverified_quote_used() {
    assert_reports(
        "unverified",
        ProblemKind::Unverified,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn encoding_debris() {
    assert_reports(
        "encoding",
        ProblemKind::Encoding,
        "concepts.toml",
        Some("aura"),
    );
}

#[test]
fn missing_work_file() {
    let report = problems("missing-work");
    assert_eq!(report.kinds(), vec![ProblemKind::Io]);
    assert!(report.to_string().contains("work.toml"), "{report}");
}

#[test]
fn a_paraphrase_in_quotation_marks() {
    assert_reports(
        "quotation",
        ProblemKind::Quotation,
        "prompts.toml",
        Some("p1"),
    );
}

#[test]
fn a_co_written_text_credited_to_one_author() {
    let report = problems("co-written");
    assert!(report.to_string().contains("horkheimer"), "{report}");
    assert_reports(
        "co-written",
        ProblemKind::Attribution,
        "quotes.toml",
        Some("sameness"),
    );
}

#[test]
fn a_claim_in_a_critics_mouth_without_a_hedge() {
    let report = problems("unhedged");
    assert!(report.to_string().contains("adorno"), "{report}");
    assert_eq!(
        report.problems.len(),
        2,
        "both languages, Benjamin exempt: {report}"
    );
    assert_reports(
        "unhedged",
        ProblemKind::Attribution,
        "prompts.toml",
        Some("p1"),
    );
}

#[test]
fn a_publication_fact_placed_in_a_section() {
    assert_reports(
        "quiz-place",
        ProblemKind::QuizPlace,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let report = problems("several");
    let kinds = report.kinds();
    for kind in [
        ProblemKind::UnknownReference,
        ProblemKind::DuplicateId,
        ProblemKind::UnknownDifficulty,
        ProblemKind::CorrectAnswers,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from\n{report}");
    }
    assert!(report.to_string().ends_with("problems found"), "{report}");
}

#[test]
fn aura_check_exits_non_zero_and_lists_problems() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_aura"))
        .args(["check", "--data"])
        .arg(fixture("several"))
        .output()
        .expect("run aura");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("concepts.toml:") && stderr.contains("quiz.toml:"),
        "{stderr}"
    );
}

#[test]
fn a_typed_question_with_nothing_accepted_in_one_language() {
    let report = problems("typed-missing-language");
    assert!(report.to_string().contains("typed.id"), "{report}");
    assert_reports(
        "typed-missing-language",
        ProblemKind::MissingLanguage,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn a_typed_form_that_would_accept_a_wrong_choices_alias() {
    let report = problems("typed-wrong-alias");
    assert!(
        report.to_string().contains(
            "\"Adorno\" would accept \"Adorno\", a name of the wrong choice `choices[1]`"
        ),
        "{report}"
    );
    assert_reports(
        "typed-wrong-alias",
        ProblemKind::TypedAnswer,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn a_typed_form_accepted_twice_once_folded() {
    let report = problems("typed-duplicate");
    assert!(report.to_string().contains("the same as"), "{report}");
    assert_reports(
        "typed-duplicate",
        ProblemKind::TypedAnswer,
        "quiz.toml",
        Some("q1"),
    );
}

#[test]
fn an_empty_typed_form() {
    let report = problems("typed-empty");
    assert!(report.to_string().contains("empty form"), "{report}");
    assert_reports("typed-empty", ProblemKind::Empty, "quiz.toml", Some("q1"));
}

#[test]
fn typed_forms_on_a_true_false_question() {
    let report = problems("typed-true-false");
    assert!(report.to_string().contains("needs `choices`"), "{report}");
    assert_reports(
        "typed-true-false",
        ProblemKind::TypedAnswer,
        "quiz.toml",
        Some("q1"),
    );
}

/// A misconception whose correction calls the claim plausible or unverified is not crossed
/// out as wrong: the check asks for `status = "unverified"`.
#[test]
fn a_plausible_claim_marked_wrong() {
    assert_reports(
        "hedged-misconception",
        ProblemKind::Unverified,
        "work.toml",
        Some("hedged"),
    );
}

/// A prompt's angle that states the author's view bare, with no section and no quote of his,
/// is refused; the same angle naming its section ("(IV)") passes.
#[test]
fn an_angle_stating_the_authors_view_without_a_source() {
    assert_reports(
        "unsourced-angle",
        ProblemKind::Attribution,
        "prompts.toml",
        Some("p1"),
    );
    let report = problems("unsourced-angle");
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.item.as_deref() != Some("p2")),
        "{report}"
    );
}

/// A quote's text wrapped whole in quotation marks would be shown doubled: refused.
#[test]
fn a_quote_wrapped_in_its_own_marks() {
    assert_reports(
        "wrapped-quote",
        ProblemKind::Quotation,
        "quotes.toml",
        Some("wrapped"),
    );
}

/// A concept card shows `aliases` as "also called": another concept's name there (an opposite
/// pole, a neighbour) would teach it as a synonym. Refused; `search_terms` may hold it.
#[test]
fn a_shown_alternative_name_that_names_another_concept() {
    assert_reports(
        "shown-alias",
        ProblemKind::AlternativeName,
        "concepts.toml",
        Some("distraction"),
    );
    let report = problems("shown-alias");
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.to_string().contains("`aura`"), "{report}");
}

/// A quote's version and its translation must agree: a second-version quote credited to a
/// translation of the third is refused (its card would show the third's title); one credited
/// to a translation of its own version passes, and its card shows that translation's title.
#[test]
fn a_quote_credited_to_a_translation_of_another_version() {
    assert_reports(
        "translated-version",
        ProblemKind::Attribution,
        "quotes.toml",
        Some("mismatched"),
    );
    let report = problems("translated-version");
    assert_eq!(report.problems.len(), 1, "{report}");
    assert!(report.to_string().contains("version `v3`"), "{report}");
}
