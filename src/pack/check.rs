//! The checker every pack rule reports to: where an item sits (file, line, column, id), the
//! problems found so far, and the small helpers the rules share.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::model::*;
use super::problem::{Problem, ProblemKind, SourceFile};
use super::{Lang, rules};

/// Where an item sits, for messages.
#[derive(Clone)]
pub(super) struct At<'a> {
    pub(super) src: &'a SourceFile,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) id: String,
}

pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
    /// Checking a server's own items (a teacher's file or form), not the pack: one language
    /// is enough, and a question's place and explanation and a prompt's angle are optional.
    pub(super) course: bool,
}

impl Checker {
    pub(super) fn push(&mut self, at: &At<'_>, kind: ProblemKind, message: String) {
        self.problems.push(Problem {
            file: at.src.path.clone(),
            line: at.line,
            column: at.column,
            item: Some(at.id.clone()),
            kind,
            message,
        });
    }

    /// Both languages present (a teacher's item: one), non-empty, within `limit` characters,
    /// free of encoding debris.
    pub(super) fn text(&mut self, at: &At<'_>, field: &str, t: &Text, limit: usize) {
        if self.course {
            if t.is_blank() {
                let message = format!("`{field}` has no text (write `{field}.en` or `{field}.id`)");
                self.push(at, ProblemKind::MissingLanguage, message);
            }
            for (lang, s) in t.sides() {
                self.string(at, &format!("{field}.{}", lang.code()), s, limit);
            }
            return;
        }
        for lang in Lang::ALL {
            match t.side(lang) {
                None => self.push(
                    at,
                    ProblemKind::MissingLanguage,
                    format!(
                        "`{field}` has no {} text ({})",
                        lang_name(lang),
                        lang.code()
                    ),
                ),
                Some(s) => self.string(at, &format!("{field}.{}", lang.code()), s, limit),
            }
        }
    }

    /// A text the pack requires and a teacher may leave out.
    pub(super) fn optional(&mut self, at: &At<'_>, field: &str, t: &Text, limit: usize) {
        if !(self.course && t.is_blank()) {
            self.text(at, field, t, limit);
        }
    }

    pub(super) fn string(&mut self, at: &At<'_>, field: &str, s: &str, limit: usize) {
        if s.trim().is_empty() {
            self.push(at, ProblemKind::Empty, format!("`{field}` is empty"));
            return;
        }
        let n = s.chars().count();
        if n > limit {
            self.push(
                at,
                ProblemKind::TooLong,
                format!("`{field}` has {n} characters; Discord shows at most {limit} there"),
            );
        }
        if has_debris(s) {
            self.push(
                at,
                ProblemKind::Encoding,
                format!("`{field}` holds encoding debris (a stray `Â` or `\u{FFFD}`)"),
            );
        }
    }

    pub(super) fn reference(
        &mut self,
        at: &At<'_>,
        field: &str,
        what: &str,
        id: &str,
        known: &HashSet<&str>,
    ) {
        if !known.contains(id) {
            let hint = closest(id, known)
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default();
            self.push(
                at,
                ProblemKind::UnknownReference,
                format!("`{field}` names {what} `{id}`, which does not exist{hint}"),
            );
        }
    }

    pub(super) fn references(
        &mut self,
        at: &At<'_>,
        field: &str,
        what: &str,
        ids: &[String],
        known: &HashSet<&str>,
    ) {
        for id in ids {
            self.reference(at, field, what, id, known);
        }
    }

    pub(super) fn quote_refs(
        &mut self,
        at: &At<'_>,
        field: &str,
        ids: &[String],
        quotes: &HashMap<&str, bool>,
    ) {
        for id in ids {
            match quotes.get(id.as_str()) {
                None => {
                    let known: HashSet<&str> = quotes.keys().copied().collect();
                    self.reference(at, field, "quote", id, &known);
                }
                Some(false) => self.push(
                    at,
                    ProblemKind::Unverified,
                    format!(
                        "`{field}` uses quote `{id}`, which the reference does not verify; only verified quotes may be quoted"
                    ),
                ),
                Some(true) => {}
            }
        }
    }

    /// Words in quotation marks must be a verified quote's (`backing`), or a name or title.
    pub(super) fn quotation(
        &mut self,
        at: &At<'_>,
        field: &str,
        t: &Text,
        backing: &[String],
        terms: &[String],
    ) {
        for (lang, s) in t.sides() {
            if let Some(p) = rules::unbacked_quotation(s, backing, terms) {
                self.push(
                    at,
                    ProblemKind::Quotation,
                    format!(
                        "`{field}.{}` sets “{p}” in quotation marks, but no verified quote it cites holds those words; cite the quote, label a rendering of Aura's own (“…” (Aura's own translation)), or drop the marks from a paraphrase",
                        lang.code()
                    ),
                );
            }
        }
    }

    /// A text from a co-written source names all its authors.
    pub(super) fn co_written(
        &mut self,
        at: &At<'_>,
        what: &str,
        source: &str,
        speaker: &str,
        coauthor: Option<&str>,
        authors: &HashMap<&str, &[String]>,
    ) {
        let Some(all) = authors.get(source).filter(|a| a.len() > 1) else {
            return;
        };
        let missing: Vec<&str> = all
            .iter()
            .map(String::as_str)
            .filter(|a| *a != speaker && Some(*a) != coauthor)
            .collect();
        if !missing.is_empty() {
            self.push(
                at,
                ProblemKind::Attribution,
                format!(
                    "{what} comes from `{source}`, which is co-written; credit {} too (`coauthor`)",
                    missing.join(", ")
                ),
            );
        }
    }

    /// Records ids, reporting duplicates.
    pub(super) fn ids<'a, T>(
        &mut self,
        src: &'a SourceFile,
        what: &str,
        items: &'a [Spanned<T>],
        id: impl Fn(&T) -> &str,
    ) -> HashSet<&'a str> {
        let mut seen = HashMap::new();
        for item in items {
            let at = at(src, item, id(item.get_ref()));
            let key = id(item.get_ref());
            if key.trim().is_empty() {
                self.push(&at, ProblemKind::Empty, format!("a {what} has an empty id"));
                continue;
            }
            if let Some(first) = seen.insert(key, at.line) {
                self.push(
                    &at,
                    ProblemKind::DuplicateId,
                    format!("{what} id `{key}` is used again (first at line {first})"),
                );
            }
        }
        items.iter().map(|i| id(i.get_ref())).collect()
    }
}

/// Both sides of a text, joined.
pub(super) fn text_all(t: &Text) -> String {
    t.sides().map(|(_, s)| s).collect::<Vec<_>>().join(" ")
}

pub(super) fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Id => "Indonesian",
    }
}

pub(crate) fn has_debris(s: &str) -> bool {
    s.contains('\u{FFFD}')
        || s.char_indices().any(|(i, c)| {
            c == 'Â'
                && s[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(|n| n.is_whitespace() || !n.is_alphabetic())
        })
}

pub(super) fn closest<'a>(id: &str, known: &HashSet<&'a str>) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(id, k), *k))
        .filter(|(s, _)| *s > 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

pub(super) fn at<'a, T>(src: &'a SourceFile, item: &Spanned<T>, id: &str) -> At<'a> {
    let (line, column) = src.position(item.span().start);
    At {
        src,
        line,
        column,
        id: id.to_string(),
    }
}
