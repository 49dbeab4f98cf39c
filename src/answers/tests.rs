//! Tests of reading a command line as a member types it.

use super::*;

#[test]
fn parses_options_with_spaces_and_indonesian_names() {
    let r = parse("/concept name:cult value").unwrap();
    assert_eq!(r.command.name, "concept");
    assert_eq!(r.get("name"), Some("cult value"));
    let r = parse("/kutipan topik:nilai kultus tokoh:benjamin").unwrap();
    assert_eq!(r.command.name, "quote");
    assert_eq!(r.get("topic"), Some("nilai kultus"));
    assert_eq!(r.get("speaker"), Some("benjamin"));
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
