//! A teacher's files: what the pack's rules accept and refuse, as TOML and CSV, and the
//! export's round trip.

use super::*;
use crate::pack::Packs;

fn pack() -> Pack {
    let mut library = Packs::Embedded.load().unwrap_or_else(|r| panic!("{r}"));
    library.packs.remove(0)
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/course")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

#[test]
fn twenty_questions_from_a_lecture_are_read_and_labelled_as_the_teachers() {
    let course =
        check(&pack(), "lecture.toml", &fixture("lecture.toml")).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(course.questions.len(), 20);
    let first = quiz_question(&course.questions[0]).expect("asked");
    assert_eq!(first.id, "own:tue-01");
    assert!(first.by_teacher);
    assert_eq!((first.seconds, first.points), (Some(30), Some(500)));
    let warm_up = quiz_question(&course.questions[4]).expect("asked");
    assert!(warm_up.true_false);
    assert_eq!(warm_up.points, Some(0));
    assert_eq!(teacher_id(&warm_up.id), Some("tue-05"));
}

#[test]
fn a_file_with_five_mistakes_names_all_five_with_line_item_and_field() {
    let report = check(&pack(), "mistakes.toml", &fixture("mistakes.toml")).expect_err("refused");
    let text = report.to_string();
    assert_eq!(report.problems.len(), 5, "{text}");
    for expected in [
        "mistakes.toml:3:1: correct answers [wed-01]: exactly one choice must be correct; 2 are",
        "unknown reference [wed-02]",
        "chapter-9",
        "duplicate id [wed-02]: question id `wed-02` is used again (first at line 17)",
        "out of range [wed-02]: `seconds` is 5; a question takes 10–300 seconds",
        "mistakes.toml:31:1: missing language [wed-prompt]: `text` has no text",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}

#[test]
fn the_export_imports_again_unchanged() {
    let pack = pack();
    let course =
        check(&pack, "lecture.toml", &fixture("lecture.toml")).unwrap_or_else(|r| panic!("{r}"));
    let exported = course.to_toml();
    let again =
        check(&pack, "course.toml", &exported).unwrap_or_else(|r| panic!("{r}\n{exported}"));
    assert_eq!(again, course);
    assert_eq!(again.to_toml(), exported);
}

#[test]
fn a_csv_file_holds_questions_prompts_and_motions() {
    let pack = pack();
    let course =
        check(&pack, "lecture.csv", &fixture("lecture.csv")).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(
        (
            course.questions.len(),
            course.prompts.len(),
            course.motions.len()
        ),
        (2, 1, 1)
    );
    assert_eq!(course.questions[0].choices.len(), 3);
    assert!(course.questions[0].choices[0].correct);
    assert_eq!(course.questions[1].answer, Some(true));
    assert_eq!(
        (course.questions[1].seconds, course.questions[1].points),
        (Some(20), Some(300))
    );
    assert_eq!(
        course.prompts[0].text.side(crate::pack::Lang::Id),
        Some("Apa yang disembunyikan film terakhir yang kau tonton?")
    );
    let again = check(&pack, "course.toml", &course.to_toml()).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(again, course);
}

#[test]
fn a_csv_rows_problems_name_its_line_and_field() {
    let csv = "kind,id,difficulty,prompt.en,choice1.en,choice2.en,correct,section,colour\n\
               question,a,easy,Which?,One,Two,3,i,\n\
               question,b,easy,Which?,One,Two,1,nowhere,\n\
               riddle,c,,,,,,,\n";
    let report = check(&pack(), "bad.csv", csv).expect_err("refused");
    let text = report.to_string();
    for expected in [
        "bad.csv:1:0: schema: column `colour` is not known",
        "bad.csv:2:0: schema [a]: `correct` is 3, but choice 3 is empty",
        "bad.csv:3:0: unknown reference [b]",
        "bad.csv:4:0: schema [c]: `kind` is `riddle`",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}
