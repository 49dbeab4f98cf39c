//! A server's own items from CSV: one row per item, its `kind` (question, prompt or motion)
//! and a column per field, named as the TOML fields are (`prompt.en`, `explanation.id`,
//! `choice1.en` … `choice4.id` with `correct` = 1–4, or `answer` = true/false). Each row becomes
//! the TOML table it stands for and is checked by the same rules, its problems named by the
//! row's line and the field.

use std::path::Path;

use toml::{Table, Value};

use super::Pack;
use super::course::{Course, check_toml};
use super::problem::{Problem, ProblemKind, Report, SourceFile};

/// Every column a row may fill.
pub const COLUMNS: &[&str] = &[
    "kind",
    "id",
    "difficulty",
    "prompt.en",
    "prompt.id",
    "choice1.en",
    "choice1.id",
    "choice2.en",
    "choice2.id",
    "choice3.en",
    "choice3.id",
    "choice4.en",
    "choice4.id",
    "correct",
    "answer",
    "typed",
    "explanation.en",
    "explanation.id",
    "section",
    "concepts",
    "quote",
    "seconds",
    "points",
    "text.en",
    "text.id",
    "angle.en",
    "angle.id",
    "motion.en",
    "motion.id",
    "benjamin.en",
    "benjamin.id",
    "adorno.en",
    "adorno.id",
    "question1.en",
    "question1.id",
    "question2.en",
    "question2.id",
    "question3.en",
    "question3.id",
];

/// Checks a CSV file of a server's own items against `pack`.
pub(super) fn check(pack: &Pack, name: &str, text: &str) -> Result<Course, Report> {
    let path = Path::new(name);
    let problem = |line: usize, item: Option<String>, kind, message: String| Problem {
        file: path.to_path_buf(),
        line,
        column: 0,
        item,
        kind,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.to_ascii_lowercase()).collect(),
        Err(e) => {
            let message = format!("not a CSV file: {e}");
            return Err(Report {
                problems: vec![problem(1, None, ProblemKind::Schema, message)],
            });
        }
    };
    for column in header.iter().filter(|c| !COLUMNS.contains(&c.as_str())) {
        let message = format!(
            "column `{column}` is not known; columns: {}",
            COLUMNS.join(", ")
        );
        problems.push(problem(1, None, ProblemKind::Schema, message));
    }
    // The TOML the rows stand for, and the CSV line of each row's first TOML line.
    let mut toml_text = String::new();
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(problem(line, None, ProblemKind::Schema, e.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<(&str, &str)> = header
            .iter()
            .map(String::as_str)
            .zip(record.iter())
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if cells.is_empty() {
            continue;
        }
        match row(&cells) {
            Ok((kind, table)) => {
                let mut doc = Table::new();
                doc.insert(kind.into(), Value::Array(vec![Value::Table(table)]));
                lines.push((toml_text.lines().count() + 1, line));
                toml_text.push_str(&toml::to_string(&doc).unwrap_or_default());
                toml_text.push('\n');
            }
            Err((id, message)) => problems.push(problem(line, id, ProblemKind::Schema, message)),
        }
    }
    let src = SourceFile::new(path, toml_text);
    let checked = check_toml(pack, &src);
    let csv_line = |toml_line: usize| {
        lines
            .iter()
            .rev()
            .find(|(start, _)| *start <= toml_line)
            .map_or(0, |(_, line)| *line)
    };
    match checked {
        Ok(course) if problems.is_empty() => Ok(course),
        Ok(_) => Err(Report { problems }),
        Err(report) => {
            let rows_told = !problems.is_empty();
            problems.extend(
                report
                    .problems
                    .into_iter()
                    // An empty file is told once, by the rows it lacks.
                    .filter(|p| !(p.line == 0 && rows_told))
                    .map(|p| Problem {
                        line: if p.line == 0 { 0 } else { csv_line(p.line) },
                        column: 0,
                        ..p
                    }),
            );
            problems.sort_by_key(|p| p.line);
            Err(Report { problems })
        }
    }
}

/// The TOML table a row stands for, and its kind; or the row's id and what is wrong.
fn row(cells: &[(&str, &str)]) -> Result<(&'static str, Table), (Option<String>, String)> {
    let get = |name: &str| cells.iter().find(|(c, _)| *c == name).map(|(_, v)| *v);
    let id = get("id").map(String::from);
    let fail = |message: String| (id.clone(), message);
    let kind = match get("kind").map(str::to_lowercase).as_deref() {
        Some("question" | "pertanyaan" | "soal") => "question",
        Some("prompt") => "prompt",
        Some("motion" | "mosi") => "motion",
        Some(other) => {
            return Err(fail(format!(
                "`kind` is `{other}`; write question, prompt or motion"
            )));
        }
        None => {
            return Err(fail(
                "`kind` is empty; write question, prompt or motion".into(),
            ));
        }
    };
    let mut table = Table::new();
    let mut choices: Vec<Table> = Vec::new();
    let mut questions: Vec<Table> = Vec::new();
    let mut correct = None;
    for (column, value) in cells {
        let text = Value::String((*value).to_string());
        let list = || {
            Value::Array(
                value
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| Value::String(s.into()))
                    .collect(),
            )
        };
        let number = || {
            value
                .parse::<u32>()
                .map(|n| Value::Integer(n.into()))
                .map_err(|_| fail(format!("`{column}` is `{value}`; write a whole number")))
        };
        match *column {
            "kind" => {}
            "correct" => {
                correct = Some(
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=4).contains(n))
                        .ok_or_else(|| {
                            fail(format!(
                                "`correct` is `{value}`; write the right choice's number, 1–4"
                            ))
                        })?,
                );
            }
            "answer" => {
                let answer = match value.to_lowercase().as_str() {
                    "true" | "benar" | "yes" | "ya" => true,
                    "false" | "salah" | "no" | "tidak" => false,
                    _ => return Err(fail(format!("`answer` is `{value}`; write true or false"))),
                };
                table.insert("answer".into(), Value::Boolean(answer));
            }
            "typed" => {
                let mut typed = Table::new();
                typed.insert("any".into(), list());
                table.insert("typed".into(), Value::Table(typed));
            }
            "concepts" => {
                table.insert("concepts".into(), list());
            }
            "seconds" | "points" => {
                table.insert((*column).into(), number()?);
            }
            _ => match column.split_once('.') {
                Some((field, lang)) => {
                    let (slot, index) = match field.strip_prefix("choice") {
                        Some(n) => (Some(&mut choices), n.parse::<usize>().ok()),
                        None => match field.strip_prefix("question") {
                            Some(n) => (Some(&mut questions), n.parse::<usize>().ok()),
                            None => (None, None),
                        },
                    };
                    match (slot, index) {
                        (Some(list), Some(n)) if n >= 1 => {
                            while list.len() < n {
                                list.push(Table::new());
                            }
                            let entry = &mut list[n - 1];
                            if field.starts_with("choice") {
                                let text_table = entry
                                    .entry("text")
                                    .or_insert_with(|| Value::Table(Table::new()));
                                if let Value::Table(t) = text_table {
                                    t.insert(lang.into(), text);
                                }
                            } else {
                                entry.insert(lang.into(), text);
                            }
                        }
                        _ => {
                            let side = table
                                .entry(field)
                                .or_insert_with(|| Value::Table(Table::new()));
                            if let Value::Table(t) = side {
                                t.insert(lang.into(), text);
                            }
                        }
                    }
                }
                None => {
                    table.insert((*column).into(), text);
                }
            },
        }
    }
    choices.retain(|c| !c.is_empty());
    if let Some(n) = correct {
        match choices.get_mut(n - 1) {
            Some(choice) => {
                choice.insert("correct".into(), Value::Boolean(true));
            }
            None => return Err(fail(format!("`correct` is {n}, but choice {n} is empty"))),
        }
    } else if !choices.is_empty() {
        return Err(fail(
            "`correct` is empty; write the right choice's number, 1–4".into(),
        ));
    }
    if !choices.is_empty() {
        table.insert(
            "choices".into(),
            Value::Array(choices.into_iter().map(Value::Table).collect()),
        );
    }
    questions.retain(|q| !q.is_empty());
    if !questions.is_empty() {
        table.insert(
            "questions".into(),
            Value::Array(questions.into_iter().map(Value::Table).collect()),
        );
    }
    Ok((kind, table))
}
