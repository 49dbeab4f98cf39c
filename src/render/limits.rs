//! Discord's limits for what a bot sends (from `shared/discord/limits.md`), and a checker that
//! lists every limit a message body breaks. Characters are counted as code points.

use serde_json::Value;

pub const CONTENT: usize = 2000;
pub const EMBEDS: usize = 10;
pub const EMBED_TITLE: usize = 256;
pub const EMBED_DESCRIPTION: usize = 4096;
pub const FIELDS: usize = 25;
pub const FIELD_NAME: usize = 256;
pub const FIELD_VALUE: usize = 1024;
pub const FOOTER: usize = 2048;
pub const AUTHOR_NAME: usize = 256;
pub const EMBED_TOTAL: usize = 6000;
pub const ACTION_ROWS: usize = 5;
pub const ROW_BUTTONS: usize = 5;
pub const CUSTOM_ID: usize = 100;
pub const BUTTON_LABEL: usize = 80;
pub const SELECT_OPTIONS: usize = 25;
pub const SELECT_LABEL: usize = 100;
pub const SELECT_VALUE: usize = 100;
pub const SELECT_DESCRIPTION: usize = 100;
pub const SELECT_PLACEHOLDER: usize = 150;
pub const AUTOCOMPLETE_CHOICES: usize = 25;
pub const CHOICE_NAME: usize = 100;
pub const CHOICE_VALUE: usize = 100;
/// A modal's title and a text input's label.
pub const MODAL_TITLE: usize = 45;
/// Files a message carries (spec: `attachments` maxItems 10).
pub const ATTACHMENTS: usize = 10;
/// An attachment's `description`, its alt text (spec: MessageAttachmentRequest.description).
pub const ATTACHMENT_DESCRIPTION: usize = 1024;

// What the pack may hold, so that its text fits where it is rendered without cutting.
/// A quotation in a reply's description, with room for its attribution.
pub const QUOTE_TEXT: usize = 1500;
/// A quiz question's text.
pub const QUIZ_PROMPT: usize = 1000;
/// A choice shown on a button, with room for the "A · " prefix.
pub const CHOICE_LABEL: usize = BUTTON_LABEL - 4;
/// A daily discussion prompt.
pub const PROMPT_TEXT: usize = 1500;

fn len(v: &Value) -> usize {
    v.as_str().map(|s| s.chars().count()).unwrap_or(0)
}

fn trimmed_len(v: &Value) -> usize {
    v.as_str().map(|s| s.trim().chars().count()).unwrap_or(0)
}

/// The limits a message breaks, each said as where and which, in the order they are found.
#[derive(Default)]
struct Breaks(Vec<String>);

impl Breaks {
    /// Notes `what` when `cond` holds.
    fn over(&mut self, cond: bool, what: String) {
        if cond {
            self.0.push(what);
        }
    }
}

fn array(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

/// Every limit the message `data` of an interaction callback (or a message create body) breaks.
pub fn check_message(data: &Value) -> Vec<String> {
    let mut b = Breaks::default();
    b.over(len(&data["content"]) > CONTENT, "content > 2000".into());
    let embeds = array(&data["embeds"]);
    b.over(embeds.len() > EMBEDS, "more than 10 embeds".into());
    let total: usize = embeds
        .iter()
        .enumerate()
        .map(|(i, e)| check_embed(&mut b, i, e))
        .sum();
    b.over(
        total > EMBED_TOTAL,
        format!("embed text totals {total} > 6000"),
    );
    let rows = array(&data["components"]);
    check_rows(&mut b, &rows);
    let files = array(&data["attachments"]);
    check_attachments(&mut b, &files);
    for (i, e) in embeds.iter().enumerate() {
        if let Some(url) = e["image"]["url"].as_str()
            && let Some(name) = url.strip_prefix("attachment://")
        {
            b.over(
                !files.iter().any(|f| f["filename"] == name),
                format!("embeds.{i}.image names a file the message does not list"),
            );
        }
    }
    let has_body = len(&data["content"]) > 0 || !embeds.is_empty() || !rows.is_empty();
    b.over(!has_body, "empty message".into());
    if let Some(flags) = data["flags"].as_u64() {
        let allowed = (1 << 2) | (1 << 6) | (1 << 12) | (1 << 13) | (1 << 15);
        b.over(flags & !allowed != 0, format!("flags {flags} not allowed"));
    }
    b.0
}

/// The limits embed `i` breaks; what its text counts towards the message's embed total.
fn check_embed(b: &mut Breaks, i: usize, e: &Value) -> usize {
    b.over(
        len(&e["title"]) > EMBED_TITLE,
        format!("embeds.{i}.title > 256"),
    );
    b.over(
        len(&e["description"]) > EMBED_DESCRIPTION,
        format!("embeds.{i}.description > 4096"),
    );
    b.over(
        len(&e["footer"]["text"]) > FOOTER,
        format!("embeds.{i}.footer > 2048"),
    );
    b.over(
        len(&e["author"]["name"]) > AUTHOR_NAME,
        format!("embeds.{i}.author > 256"),
    );
    let mut total = trimmed_len(&e["title"])
        + trimmed_len(&e["description"])
        + trimmed_len(&e["footer"]["text"])
        + trimmed_len(&e["author"]["name"]);
    let fields = array(&e["fields"]);
    b.over(fields.len() > FIELDS, format!("embeds.{i}.fields > 25"));
    for (j, f) in fields.iter().enumerate() {
        b.over(
            len(&f["name"]) > FIELD_NAME,
            format!("embeds.{i}.fields.{j}.name > 256"),
        );
        b.over(
            len(&f["value"]) > FIELD_VALUE,
            format!("embeds.{i}.fields.{j}.value > 1024"),
        );
        b.over(
            trimmed_len(&f["name"]) == 0,
            format!("embeds.{i}.fields.{j}.name empty"),
        );
        b.over(
            trimmed_len(&f["value"]) == 0,
            format!("embeds.{i}.fields.{j}.value empty"),
        );
        total += trimmed_len(&f["name"]) + trimmed_len(&f["value"]);
    }
    if let Some(c) = e["color"].as_u64() {
        b.over(c > 0xFF_FFFF, format!("embeds.{i}.color out of range"));
    }
    total
}

/// The limits the action rows break: their number, each row's shape, and each component
/// (whose custom ids must differ across the whole message).
fn check_rows(b: &mut Breaks, rows: &[Value]) {
    b.over(rows.len() > ACTION_ROWS, "more than 5 action rows".into());
    let mut ids = std::collections::HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        b.over(
            row["type"] != 1,
            format!("components.{r} is not an action row"),
        );
        let comps = array(&row["components"]);
        b.over(comps.is_empty(), format!("components.{r} is empty"));
        let selects = comps.iter().filter(|c| c["type"] == 3).count();
        b.over(
            comps.len() > ROW_BUTTONS || (selects > 0 && comps.len() > 1),
            format!("components.{r}: up to 5 buttons or one select"),
        );
        for (k, c) in comps.iter().enumerate() {
            let at = format!("components.{r}.components.{k}");
            if let Some(id) = c["custom_id"].as_str() {
                let n = id.chars().count();
                b.over(
                    n == 0 || n > CUSTOM_ID,
                    format!("{at}.custom_id length {n}"),
                );
                b.over(
                    !ids.insert(id.to_string()),
                    format!("{at}.custom_id `{id}` repeated"),
                );
            }
            if c["type"] == 2 {
                check_button(b, &at, c);
            }
            if c["type"] == 3 {
                check_select(b, &at, c);
            }
        }
    }
}

/// The limits a button at `at` breaks.
fn check_button(b: &mut Breaks, at: &str, c: &Value) {
    b.over(len(&c["label"]) > BUTTON_LABEL, format!("{at}.label > 80"));
    let link = c["style"] == 5;
    b.over(
        link == c["custom_id"].is_string(),
        format!("{at}: a link button has a url, any other a custom_id"),
    );
}

/// The limits a select menu at `at` and its options break.
fn check_select(b: &mut Breaks, at: &str, c: &Value) {
    let opts = array(&c["options"]);
    b.over(
        opts.is_empty() || opts.len() > SELECT_OPTIONS,
        format!("{at}.options count {}", opts.len()),
    );
    b.over(
        len(&c["placeholder"]) > SELECT_PLACEHOLDER,
        format!("{at}.placeholder > 150"),
    );
    for (o, opt) in opts.iter().enumerate() {
        let l = len(&opt["label"]);
        let v = len(&opt["value"]);
        b.over(
            l == 0 || l > SELECT_LABEL,
            format!("{at}.options.{o}.label length {l}"),
        );
        b.over(
            v == 0 || v > SELECT_VALUE,
            format!("{at}.options.{o}.value length {v}"),
        );
        b.over(
            len(&opt["description"]) > SELECT_DESCRIPTION,
            format!("{at}.options.{o}.description > 100"),
        );
    }
}

/// The limits the attached files break: their number, alt text, names and ids.
fn check_attachments(b: &mut Breaks, files: &[Value]) {
    b.over(files.len() > ATTACHMENTS, "more than 10 attachments".into());
    let mut file_ids = std::collections::HashSet::new();
    for (i, f) in files.iter().enumerate() {
        b.over(
            len(&f["description"]) > ATTACHMENT_DESCRIPTION,
            format!("attachments.{i}.description > 1024"),
        );
        b.over(
            len(&f["filename"]) == 0,
            format!("attachments.{i}.filename empty"),
        );
        b.over(
            !file_ids.insert(f["id"].to_string()),
            format!("attachments.{i}.id repeated"),
        );
    }
}

/// Every limit an interaction callback body breaks (types 4, 7 and 8).
pub fn check_callback(body: &Value) -> Vec<String> {
    match body["type"].as_u64() {
        Some(4) | Some(7) => check_message(&body["data"]),
        Some(5) | Some(6) => Vec::new(),
        Some(8) => {
            let mut errs = Vec::new();
            let choices = array(&body["data"]["choices"]);
            if choices.len() > AUTOCOMPLETE_CHOICES {
                errs.push(format!("{} autocomplete choices > 25", choices.len()));
            }
            for (i, c) in choices.iter().enumerate() {
                let n = len(&c["name"]);
                if n == 0 || n > CHOICE_NAME {
                    errs.push(format!("choices.{i}.name length {n}"));
                }
                if len(&c["value"]) > CHOICE_VALUE {
                    errs.push(format!("choices.{i}.value > 100"));
                }
            }
            errs
        }
        Some(9) => check_modal(&body["data"]),
        other => vec![format!("unexpected callback type {other:?}")],
    }
}

/// A modal's rules: a title and custom id, one to five rows of one text input each, every
/// label within [`MODAL_TITLE`], lengths within 0–4,000 and the least no more than the most.
fn check_modal(data: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let title = len(&data["title"]);
    if title == 0 || title > MODAL_TITLE {
        errs.push(format!("title length {title}"));
    }
    let id = len(&data["custom_id"]);
    if id == 0 || id > CUSTOM_ID {
        errs.push(format!("custom_id length {id}"));
    }
    let rows = array(&data["components"]);
    if rows.is_empty() || rows.len() > 5 {
        errs.push(format!("{} rows in a modal", rows.len()));
    }
    for (r, row) in rows.iter().enumerate() {
        let inputs = array(&row["components"]);
        if inputs.len() != 1 {
            errs.push(format!("components.{r}: {} inputs in a row", inputs.len()));
        }
        for input in inputs {
            let label = len(&input["label"]);
            if label == 0 || label > MODAL_TITLE {
                errs.push(format!("components.{r}.label length {label}"));
            }
            let most = input["max_length"].as_u64().unwrap_or(4000);
            let least = input["min_length"].as_u64().unwrap_or(0);
            if !(1..=4000).contains(&most) || least > most {
                errs.push(format!("components.{r}: lengths {least}–{most}"));
            }
            let value = len(&input["value"]) as u64;
            if value > most {
                errs.push(format!("components.{r}.value length {value} > {most}"));
            }
        }
    }
    errs
}
