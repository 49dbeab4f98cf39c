//! Tests of reading a command line as a member types it.

use super::*;
use rand::SeedableRng;

#[test]
fn parses_options_with_spaces_and_indonesian_names() {
    let r = parse("/concept name:cult value").unwrap();
    assert_eq!(r.command.name, "concept");
    assert_eq!(r.get("name"), Some("cult value"));
    let r = parse("/kutipan topik:nilai kultus tokoh:benjamin").unwrap();
    assert_eq!(r.command.name, "quote");
    assert_eq!(r.get("topic"), Some("nilai kultus"));
    assert_eq!(r.get("speaker"), Some("benjamin"));
    // A time in a value with spaces is part of the value, not an option named "18".
    let r = parse("/quiz assign due:2026-12-05 18:00 timezone:Asia/Jakarta").unwrap();
    assert_eq!(r.get("due"), Some("2026-12-05 18:00"));
    assert_eq!(r.get("timezone"), Some("Asia/Jakarta"));
}

#[test]
fn reports_unknown_commands_options_and_missing_ones() {
    assert!(matches!(parse("/nope"), Err(ParseError::UnknownCommand(_))));
    assert!(matches!(
        parse("/concept colour:red"),
        Err(ParseError::UnknownOption { .. })
    ));
    assert!(matches!(
        parse("/concept"),
        Err(ParseError::MissingOption { .. })
    ));
    let msg = parse("/nope").unwrap_err().message(Lang::En);
    assert!(msg.contains("/concept") && msg.contains("/quote"));
}

#[test]
fn an_option_longer_than_its_limit_is_refused_politely_in_the_members_language() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = crate::core::Core::load(&dir, Lang::En).expect("pack");
    let long = "aura ".repeat(1200);
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    for (line, lang, says) in [
        (
            format!("/search query:{long}"),
            Lang::En,
            "“query” can be at most 300",
        ),
        (
            format!("/konsep nama:{long}"),
            Lang::Id,
            "“nama” paling panjang 100",
        ),
        (
            format!("/quiz start topic:{long}"),
            Lang::En,
            "“topic” can be at most 100",
        ),
    ] {
        let req = parse(&line).expect("parses");
        let reply = answer(&core, lang, &req, &mut rng);
        assert!(reply.ephemeral, "{line}");
        assert!(reply.text.contains(says), "{}", reply.text);
    }
    let reply =
        crate::daily::view::suggestion_post("[x](https://e.example) @everyone", 1, Lang::En);
    assert!(reply.text.contains(r"\[x\]\(https\:"), "{}", reply.text);
}

#[test]
fn the_preview_shows_the_assignment_message_or_names_the_bad_option() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = crate::core::Core::load(&dir, Lang::En).expect("pack");
    let req =
        parse("/quiz assign due:tomorrow 18.00 questions:2 timezone:Asia/Jakarta time_limit:30")
            .expect("request");
    let card = super::quiz::assign(&core, Lang::En, &req, 3);
    assert_eq!(card.title.as_deref(), Some("Homework #1"));
    assert!(card.text.contains("2 questions"), "{}", card.text);
    assert_eq!(card.buttons.len(), 1);
    let req = parse("/kuis tugaskan tenggat:kemarin").expect("request");
    let refused = super::quiz::assign(&core, Lang::Id, &req, 3);
    assert!(refused.ephemeral);
    assert!(refused.text.contains("tenggat"), "{}", refused.text);
    let req = parse("/quiz assign due:tomorrow time_limit:5").expect("request");
    assert!(
        super::quiz::assign(&core, Lang::En, &req, 3)
            .text
            .contains("time_limit")
    );
}
