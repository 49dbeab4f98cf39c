//! Small text helpers shared by search, validation and rendering: folding for comparison,
//! cutting to a length at a word boundary, and showing a member's text as text.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for comparison: lower case, accents removed (`Ä` → `a`, `é` → `e`), `ß` → `ss`,
/// punctuation turned into spaces, runs of spaces collapsed.
pub fn normalize(s: &str) -> String {
    /// Adds one character; `space` says whether `out` ends with a space (or is empty), so
    /// that spaces are never doubled nor leading.
    fn fold(out: &mut String, space: &mut bool, c: char) {
        if c.is_ascii_alphanumeric() {
            // The common case, without the Unicode tables.
            out.push(c.to_ascii_lowercase());
            *space = false;
        } else if c == 'ß' {
            out.push_str("ss");
            *space = false;
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            *space = false;
        } else if c == '\'' || c == '’' {
            // "l'art" and "lart" should meet: drop apostrophes.
        } else if !*space {
            out.push(' ');
            *space = true;
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    // ASCII is its own decomposition, so only the runs of other characters go through NFKD.
    // No run of combining marks crosses an ASCII character, so this is NFKD of the whole.
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        for b in rest[..ascii].bytes() {
            fold(&mut out, &mut space, char::from(b));
        }
        rest = &rest[ascii..];
        let other = rest
            .bytes()
            .position(|b| b.is_ascii())
            .unwrap_or(rest.len());
        for c in rest[..other].nfkd().filter(|c| !is_combining_mark(*c)) {
            fold(&mut out, &mut space, c);
        }
        rest = &rest[other..];
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `s` in double quotation marks, as a card quotes a text: the double marks the text already
/// has become single ones (“‘Fiat ars – pereat mundus,’ says fascism…”), so the marks are never
/// doubled.
pub fn quoted(s: &str) -> String {
    let inner: String = s
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

/// Counts characters as Discord does (code points).
pub fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `s` to at most `max` characters. A cut text ends with `…` and is cut at a word
/// boundary when one lies in the last third; never inside a character.
pub fn truncate(s: &str, max: usize) -> String {
    if chars(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let keep = max - 1; // room for the ellipsis
    let end = s
        .char_indices()
        .nth(keep)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let head = &s[..end];
    let cut = head
        .rfind(char::is_whitespace)
        .filter(|&i| chars(&head[..i]) * 3 >= keep * 2)
        .map(|i| &head[..i])
        .unwrap_or(head);
    let mut out = cut.trim_end().to_string();
    out.push('…');
    out
}

/// Shows what a member wrote as plain text wherever Discord renders markdown: every character
/// that could start formatting (bold, headings, lists, quotes, code, spoilers, masked links,
/// mentions) is escaped with a backslash, which Discord hides. Line breaks are kept; other
/// control characters are dropped.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '-' | '+' | '[' | ']' | '('
            | ')' | '@' | ':' | '.' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Cuts a member's text to `max` characters, then escapes it ([`escape_markdown`]).
pub fn member_text(s: &str, max: usize) -> String {
    escape_markdown(&truncate(s, max))
}

#[cfg(test)]
mod quoted_tests {
    use super::quoted;

    #[test]
    fn marks_inside_a_quotation_become_single() {
        assert_eq!(quoted("plain"), "“plain”");
        assert_eq!(
            quoted("“Fiat ars – pereat mundus,” says fascism"),
            "“‘Fiat ars – pereat mundus,’ says fascism”"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_accents_and_punctuation() {
        assert_eq!(normalize("Ästhetisierung"), "asthetisierung");
        assert_eq!(normalize("  Cult   VALUE! "), "cult value");
        assert_eq!(normalize("L'art pour l'art"), "lart pour lart");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Optisch-Unbewußte"), "optisch unbewusste");
    }

    #[test]
    fn normalize_is_nfkd_of_the_whole_text() {
        let whole = |s: &str| {
            let folded: String = s.nfkd().filter(|c| !is_combining_mark(*c)).collect();
            let mut out = String::new();
            let mut space = true;
            for c in folded.chars() {
                if c == 'ß' {
                    out.push_str("ss");
                    space = false;
                } else if c.is_alphanumeric() {
                    out.extend(c.to_lowercase());
                    space = false;
                } else if c == '\'' || c == '’' {
                    // Dropped.
                } else if !space {
                    out.push(' ');
                    space = true;
                }
            }
            out.trim_end().to_string()
        };
        for s in [
            "Ästhetisierung der Politik",
            "e\u{301}te\u{327}\u{301} A\u{327}\u{301}b",
            "ﬁlm Ⅻ ½ — “Aura” l’art, Straße; Kultwert!",
            "\u{301}\u{327}x\u{308}\u{323}",
            "Усиление ауры 日本語 ǅemal",
            "",
        ] {
            assert_eq!(normalize(s), whole(s), "{s:?}");
        }
    }

    #[test]
    fn truncate_cuts_at_a_word_and_adds_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("the quick brown fox", 12), "the quick…");
        assert!(chars(&truncate("the quick brown fox", 12)) <= 12);
    }

    #[test]
    fn truncate_never_splits_a_character() {
        let s = "ééééééééé";
        let t = truncate(s, 4);
        assert_eq!(t, "ééé…");
    }

    #[test]
    fn truncate_long_word_is_cut_hard() {
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn member_text_cannot_format_link_or_mention() {
        let raw = "# Big\n[click](https://evil.example) **x** @everyone <@1> `c` -# small";
        let shown = escape_markdown(raw);
        // Every character that could format is preceded by a backslash.
        let mut chars = shown.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                assert!(chars.next().is_some(), "a dangling escape in {shown}");
            } else {
                assert!(!"#[]()*@<>`-:.".contains(c), "{c} unescaped in {shown}");
            }
        }
        assert_eq!(escape_markdown("plain words, kept"), "plain words, kept");
        assert_eq!(escape_markdown("a\u{0}b\nc"), "ab\nc");
        // Nothing is lost: removing the escapes gives the text back.
        let back = shown
            .replace("\\\\", "\u{1}")
            .replace('\\', "")
            .replace('\u{1}', "\\");
        assert_eq!(back, raw);
        assert!(member_text(&"x".repeat(500), 10).chars().count() <= 10);
    }
}
