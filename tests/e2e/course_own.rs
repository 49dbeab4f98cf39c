//! A server's own items, end to end: a teacher writes a question in the form and sees it as
//! the class will before saving it; a file with five mistakes is refused with all five named
//! and nothing saved; twenty questions from a file are previewed and saved; the export imports
//! again unchanged; an assignment and a live round with `source:both` ask both kinds, the
//! teacher's labelled;
//! a round with `source:server` asks only the teacher's; a file from anywhere but Discord's
//! attachment host, or too large, is refused; a deletion waits for its confirmation.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, state_file};
use crate::fake::{
    Callback, FakeDiscord, MANAGE_MESSAGES, MEMBER, in_guild, modal_submit, string_option,
    subcommand, with_attachment,
};
use crate::support::{TEACHER, custom_ids, opt, press, teacher_quiz, wait_posts};

/// `/course <sub>` by the teacher in `locale`; Aura's answer.
async fn course(fake: &FakeDiscord, locale: &str, sub: &str, options: Value) -> Callback {
    if sub == "export" {
        tokio::time::sleep(Duration::from_millis(2100)).await;
    }
    let payload = subcommand(next(), TEACHER, locale, "course", sub, options);
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "/course {sub}: {}", cb.body);
    cb
}

/// `/course import file:` with a file the fake hosts (or `url` instead); Aura's answer.
async fn import(fake: &FakeDiscord, name: &str, bytes: &[u8], url: Option<&str>) -> Value {
    // The command's cooldown (2 s a member) passes between imports.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let hosted = fake.host_file(name, bytes);
    let url = url.unwrap_or(&hosted);
    let payload = subcommand(next(), TEACHER, "en-US", "course", "import", json!([]));
    let payload = with_attachment(payload, "file", (name, url, bytes.len()));
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "/course import: {}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
    cb.body
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/course")
        .join(name);
    std::fs::read(path).expect("fixture")
}

/// The button of a draft's card: Save (`true`) or Discard.
fn draft_button(body: &Value, save: bool) -> String {
    let end = if save { ":save" } else { ":cancel" };
    custom_ids(&body["data"])
        .into_iter()
        .find(|id| id.starts_with("aura:course-draft:") && id.ends_with(end))
        .unwrap_or_else(|| panic!("no draft button: {body}"))
}

/// Presses a draft's Save; the card Aura puts in its place.
async fn save(fake: &FakeDiscord, body: &Value) -> String {
    let cb = press(fake, TEACHER, MANAGE_MESSAGES, &draft_button(body, true)).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    assert_eq!(cb.body["type"], 7, "the card is replaced: {}", cb.body);
    cb.body.to_string()
}

async fn count_items(fake: &FakeDiscord) -> String {
    course(fake, "en-US", "items", json!([]))
        .await
        .body
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_adds_a_question_by_form_and_twenty_by_file_and_homework_asks_both() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();

    // The form: handed out at once, answered with a preview of what the class will see.
    let cb = course(
        &fake,
        "en-US",
        "add",
        json!([opt("kind", json!(0)), string_option("id", "tue-form")]),
    )
    .await;
    assert_eq!(cb.body["type"], 9, "a form: {}", cb.body);
    let form = cb.body["data"]["custom_id"]
        .as_str()
        .expect("id")
        .to_string();
    assert!(form.starts_with("aura:course-form:question:"), "{form}");
    let submit = |inputs: &[(&str, &str)]| {
        in_guild(
            modal_submit(next(), TEACHER, "en-US", &form, inputs),
            MANAGE_MESSAGES,
            &[],
        )
    };
    let filled = [
        (
            "prompt",
            "Which art did our lecture say first freed the hand?",
        ),
        ("choices", "Lithography\n* Photography\nFilm"),
        (
            "explanation",
            "Photography: the eye took over from the hand.",
        ),
        ("section", "I"),
        ("timing", "30, 500"),
    ];
    let preview = fake.interact(submit(&filled)).await;
    let text = preview.body.to_string();
    assert_eq!(preview.body["data"]["flags"], 64, "{text}");
    for expected in [
        "From your teacher",
        "freed \u{200B}the \u{200B}hand?",
        "The reveal",
        "Photography",
        "30 seconds · up to 500 points",
        "Nothing is saved until you press Save.",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(
        !text.contains("aura:quiz:"),
        "no live answer buttons: {text}"
    );
    let saved = save(&fake, &preview.body).await;
    assert!(saved.contains("Saved one item (1 new)"), "{saved}");
    // The same form again is no draft any more: refused, with what was typed quoted back.
    let again = fake.interact(submit(&filled)).await.body.to_string();
    assert!(
        again.contains("expired") && again.contains("30, 500"),
        "{again}"
    );

    // A file with five mistakes: all five named, by line, nothing saved.
    let refused = import(&fake, "mistakes.toml", &fixture("mistakes.toml"), None).await;
    let text = refused.to_string();
    assert!(
        text.contains("Nothing from `mistakes.toml` was saved: 5 problems"),
        "{text}"
    );
    for expected in [
        "line 3 · `wed-01` — exactly one choice must be correct; 2 are",
        "line 17 · `wed-02` — `section` names section `chapter-9`",
        "line 24 · `wed-02` — question id `wed-02` is used again",
        "line 24 · `wed-02` — `seconds` is 5; a question takes 10–300 seconds",
        "line 31 · `wed-prompt` — `text` has no text",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(count_items(&fake).await.contains("1 of 1 items"));

    // Twenty questions from a file: previewed, then saved.
    let preview = import(&fake, "lecture.toml", &fixture("lecture.toml"), None).await;
    let text = preview.to_string();
    assert!(text.contains("Preview: 20 items"), "{text}");
    assert!(text.contains("`lecture.toml` holds 20 questions"), "{text}");
    assert!(text.contains("tue-01") && text.contains("tue-03"), "{text}");
    let saved = save(&fake, &preview).await;
    assert!(saved.contains("Saved 20 items (20 new)"), "{saved}");
    assert!(count_items(&fake).await.contains("21 of 21 items"));

    // Files from anywhere but Discord's attachment host, or too large, are not read.
    let elsewhere = import(
        &fake,
        "lecture.toml",
        b"",
        Some("http://127.0.0.1:9/lecture.toml"),
    )
    .await;
    assert!(
        elsewhere.to_string().contains("could not be read"),
        "{elsewhere}"
    );
    let large = vec![b'#'; 300 * 1024];
    let too_large = import(&fake, "big.toml", &large, None).await;
    assert!(
        too_large.to_string().contains("larger than 256 KiB"),
        "{too_large}"
    );

    // The export imports again unchanged.
    let exported = course(&fake, "en-US", "export", json!([])).await;
    assert!(
        exported.body.to_string().contains("21 items"),
        "{}",
        exported.body
    );
    let file = |fake: &FakeDiscord| {
        fake.attachments()
            .into_iter()
            .filter(|(_, name, _)| name == "course.toml")
            .map(|(_, _, bytes)| bytes)
            .next_back()
            .expect("the exported file")
    };
    let first = file(&fake);
    let reimport = import(&fake, "course.toml", &first, None).await;
    let text = reimport.to_string();
    assert!(text.contains("Preview: 21 items"), "{text}");
    assert!(
        text.contains("21 items replace the items with their ids"),
        "{text}"
    );
    let saved = save(&fake, &reimport).await;
    assert!(saved.contains("Saved 21 items (0 new)"), "{saved}");
    course(&fake, "en-US", "export", json!([])).await;
    assert_eq!(
        String::from_utf8_lossy(&file(&fake)),
        String::from_utf8_lossy(&first),
        "the export after its own import is the same file"
    );

    // Homework from both sources: 20 questions, the teacher's labelled, the pack's not.
    let posted = teacher_quiz(
        &fake,
        "assign",
        json!([
            opt("due", json!("tomorrow 18:00")),
            opt("questions", json!(20)),
            opt("source", json!(0)),
            opt("section", json!("all")),
        ]),
    )
    .await;
    assert!(posted.to_string().contains("20 questions"), "{posted}");
    let message = wait_posts(&fake, 1).await;
    let start = custom_ids(&message[0].body)
        .into_iter()
        .find(|id| id.starts_with("aura:hw-start:"))
        .expect("a Start button");
    let mut card = press(&fake, 7, MEMBER, &start).await.body;
    let (mut teachers, mut pack) = (0, 0);
    for _ in 0..20 {
        let text = card.to_string();
        if text.contains("From your teacher") {
            teachers += 1;
        } else {
            pack += 1;
        }
        let Some(answer) = custom_ids(&card["data"])
            .into_iter()
            .find(|id| id.starts_with("aura:hw:"))
        else {
            break;
        };
        card = press(&fake, 7, MEMBER, &answer).await.body;
    }
    assert!(teachers > 0 && pack > 0, "both kinds: {teachers} / {pack}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_from_the_servers_own_questions_labels_them_and_a_deletion_is_confirmed() {
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state_file(), Options::default()).await;
    let _ = &bot;
    // Nothing of the server's own yet: a polite notice.
    let none = teacher_quiz(&fake, "start", json!([opt("source", json!(2))])).await;
    assert!(
        none.to_string().contains("no questions of its own"),
        "{none}"
    );
    let preview = import(&fake, "lecture.csv", &fixture("lecture.csv"), None).await;
    let text = preview.to_string();
    assert!(
        text.contains("2 questions, 1 prompts and 1 motions"),
        "{text}"
    );
    save(&fake, &preview).await;

    // The server's own wording of the mark; then the default again after the round.
    let worded = course(
        &fake,
        "en-US",
        "label",
        json!([string_option("text", "From Pak Budi's lectures")]),
    )
    .await;
    assert!(
        worded
            .body
            .to_string()
            .contains("marked: ✎ From Pak Budi's lectures"),
        "{}",
        worded.body
    );
    let started = teacher_quiz(
        &fake,
        "start",
        json!([opt("source", json!(2)), opt("questions", json!(2))]),
    )
    .await;
    assert!(
        !started.to_string().contains("No quiz question"),
        "{started}"
    );
    let posts = wait_posts(&fake, 2).await;
    let question = posts
        .iter()
        .find(|p| p.body.to_string().contains("aura:quiz:"))
        .expect("a question");
    let text = question.body.to_string();
    assert!(text.contains("✎ From Pak Budi's lectures"), "{text}");
    assert!(!text.contains("From your teacher"), "{text}");
    teacher_quiz(&fake, "stop", json!([])).await;
    let default = course(
        &fake,
        "id",
        "label",
        json!([string_option("text", "bawaan")]),
    )
    .await;
    assert!(
        default.body.to_string().contains("Dari gurumu"),
        "{}",
        default.body
    );

    // A quick vote on the teacher's motion: labelled, in their words; it keeps the motion.
    let payload = subcommand(
        next(),
        TEACHER,
        "en-US",
        "debate",
        "start",
        json!([string_option("motion", "own:thu-motion")]),
    );
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| {
            m.body
                .to_string()
                .contains("This house would rather see the original")
        })
    })
    .await;
    let card = fake
        .posted()
        .into_iter()
        .find(|m| {
            m.body
                .to_string()
                .contains("This house would rather see the original")
        })
        .expect("the vote card");
    let text = card.body.to_string();
    assert!(text.contains("From your teacher"), "{text}");
    assert!(
        text.contains("A copy sold as culture is still a commodity"),
        "{text}"
    );

    // A deletion waits for its confirmation; Discard keeps the item.
    let item = || json!([string_option("item", "question:thu-01")]);
    let asked = course(&fake, "id", "delete", item()).await.body;
    assert!(asked.to_string().contains("Hapus"), "{asked}");
    let cb = press(
        &fake,
        TEACHER,
        MANAGE_MESSAGES,
        &draft_button(&asked, false),
    )
    .await;
    assert!(
        cb.body.to_string().contains("nothing was saved or deleted"),
        "{}",
        cb.body
    );
    assert!(count_items(&fake).await.contains("4 of 4 items"));
    let asked = course(&fake, "en-US", "delete", item()).await.body;
    let deleted = save(&fake, &asked).await;
    assert!(deleted.contains("Deleted `thu-01`"), "{deleted}");
    assert!(count_items(&fake).await.contains("3 of 3 items"));
    tokio::time::sleep(Duration::from_millis(10)).await;
}

/// A live round with `source:both` over a whole section asks the pack's questions and the
/// teacher's, the teacher's marked and the pack's not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_from_both_sources_asks_both_kinds_and_marks_the_teachers() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let preview = import(&fake, "lecture.toml", &fixture("lecture.toml"), None).await;
    save(&fake, &preview).await;
    // A section small enough to ask whole: its pack questions and the lecture's on it.
    let core = crate::support::core();
    let pack = &core.library.packs[0];
    let on = |section: &str| {
        pack.questions
            .iter()
            .filter(|q| q.section.as_deref() == Some(section))
            .count()
    };
    let (section, total) = ["i", "ii"]
        .into_iter()
        .map(|s| (s, on(s) + 10))
        .find(|(_, n)| *n <= 20)
        .expect("a section of at most 20 questions with the lecture's");
    let started = teacher_quiz(
        &fake,
        "start",
        json!([
            opt("questions", json!(total)),
            opt("mode", json!(1)),
            opt("seconds", json!(120)),
            opt("source", json!(0)),
            opt("section", json!(section.to_uppercase())),
        ]),
    )
    .await;
    assert!(
        !started.to_string().contains("No quiz question"),
        "{started}"
    );
    let (mut teachers, mut pack_asked) = (0, 0);
    for q in 1..=total {
        let posts = wait_posts(&fake, 2 * q - 1).await;
        let question = &posts[2 * q - 2];
        let text = question.body.to_string();
        assert!(text.contains(&format!("Question {q} of {total}")), "{text}");
        if text.contains("From your teacher") {
            teachers += 1;
        } else {
            pack_asked += 1;
        }
        if q == total {
            break;
        }
        teacher_quiz(&fake, "skip", json!([])).await;
        wait_posts(&fake, 2 * q).await;
        teacher_quiz(&fake, "next", json!([])).await;
    }
    assert_eq!(
        (teachers, pack_asked),
        (10, total - 10),
        "both kinds, each marked as it is"
    );
    teacher_quiz(&fake, "stop", json!([])).await;
}
