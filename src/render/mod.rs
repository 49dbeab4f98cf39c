//! Turns a [`Reply`] into the JSON body Discord receives, fitting every limit on the way:
//! long text is cut at a word boundary with an ellipsis, surplus fields and buttons are dropped,
//! and nothing can ping anyone (`allowed_mentions` is always set). A reply's charts are listed
//! as the message's `attachments` (file name and alt text as `description`), the first shown as
//! the embed's image; [`files`] draws them as PNGs, in the same order, for the sender to upload
//! as `files[n]` beside the JSON. A message edited with no charts leaves the files it already
//! has alone; one edited with charts lists only the new ones, which replace the old.

pub mod chart;
pub mod limits;

use serde_json::{Value, json};

use crate::reply::{ButtonStyle, Reply};
pub use drawn::ahead;
pub use files::{File, attach, file_names, files};

mod drawn;
mod files;
use crate::text::{chars, truncate};

/// Interaction callback type 4: a message answering the command.
pub const CHANNEL_MESSAGE: u8 = 4;
/// Interaction callback type 5: "thinking…", the message follows by an edit.
pub const DEFERRED_MESSAGE: u8 = 5;
/// Interaction callback type 6: a component's click acknowledged, its message edited later.
pub const DEFERRED_UPDATE: u8 = 6;
/// Interaction callback type 7: replace the message a component sits on.
pub const UPDATE_MESSAGE: u8 = 7;
/// Interaction callback type 8: autocomplete choices.
pub const AUTOCOMPLETE_RESULT: u8 = 8;
pub const EPHEMERAL: u64 = 1 << 6;

/// Who may be pinged by a message: nobody, unless a server admin configured a role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mentions {
    pub role: Option<u64>,
    pub user: Option<u64>,
}

impl Mentions {
    pub fn to_json(self) -> Value {
        let mut m = json!({ "parse": [], "replied_user": false });
        if let Some(role) = self.role {
            m["roles"] = json!([role.to_string()]);
        }
        if let Some(user) = self.user {
            m["users"] = json!([user.to_string()]);
        }
        m
    }
}

/// The full interaction response for a reply (`type` 4, or 7 when it replaces a message).
pub fn interaction_response(reply: &Reply, kind: u8) -> Value {
    json!({ "type": kind, "data": message(reply, Mentions::default()) })
}

/// Interaction callback type 9: a modal form.
pub const MODAL: u8 = 9;

/// The interaction response that opens a modal: one row per text input (at most five),
/// within Discord's limits (a title and labels of at most 45 characters, lengths of at most
/// 4,000).
pub fn modal(m: &crate::interaction::Modal) -> Value {
    let rows: Vec<Value> = m
        .fields
        .iter()
        .take(5)
        .map(|f| {
            let max = f.max_length.clamp(1, 4000);
            let mut input = json!({
                "type": 4, "custom_id": f.id, "style": if f.paragraph { 2 } else { 1 },
                "label": truncate(&f.label, limits::MODAL_TITLE),
                "min_length": f.min_length.min(max), "max_length": max, "required": f.required
            });
            if let Some(value) = f.value.as_deref().filter(|v| !v.is_empty()) {
                // Cut by characters to the input's most, as Discord counts them.
                input["value"] = json!(value.chars().take(usize::from(max)).collect::<String>());
            }
            json!({ "type": 1, "components": [input] })
        })
        .collect();
    json!({
        "type": MODAL,
        "data": {
            "custom_id": m.id.encode(),
            "title": truncate(&m.title, limits::MODAL_TITLE),
            "components": rows
        }
    })
}

/// The autocomplete response for `(name, value)` pairs: at most 25, each within 100 characters.
pub fn autocomplete_response(choices: &[(String, String)]) -> Value {
    let choices: Vec<Value> = choices
        .iter()
        .filter(|(_, v)| !v.trim().is_empty() && chars(v) <= limits::CHOICE_VALUE)
        .map(|(n, v)| {
            let name = if n.trim().is_empty() {
                v.trim()
            } else {
                n.trim()
            };
            json!({ "name": truncate(name, limits::CHOICE_NAME), "value": v })
        })
        .take(limits::AUTOCOMPLETE_CHOICES)
        .collect();
    json!({ "type": AUTOCOMPLETE_RESULT, "data": { "choices": choices } })
}

/// The message body (callback `data`, follow-up or channel message) for a reply.
pub fn message(reply: &Reply, mentions: Mentions) -> Value {
    let mut data = serde_json::Map::new();
    let plain = reply.title.is_none() && reply.fields.is_empty() && reply.footer.is_none();
    if plain {
        let text = if reply.text.trim().is_empty() {
            "…"
        } else {
            reply.text.trim()
        };
        data.insert("content".into(), json!(truncate(text, limits::CONTENT)));
    } else {
        data.insert("embeds".into(), json!([embed(reply)]));
    }
    let components = components(reply);
    if !components.is_empty() {
        data.insert("components".into(), Value::Array(components));
    }
    if reply.ephemeral {
        data.insert("flags".into(), json!(EPHEMERAL));
    }
    data.insert("allowed_mentions".into(), mentions.to_json());
    let mut data = Value::Object(data);
    files::list_charts(&mut data, reply);
    data
}

/// A message Aura sends on its own (a post, an edit, a follow-up): the reply, pinging only
/// the role a server admin configured, if any.
pub fn channel_message(m: &crate::outbox::Message) -> Value {
    let mut body = message(
        &m.reply,
        Mentions {
            role: m.ping,
            user: m.ping_user,
        },
    );
    if let Some(role) = m.ping {
        body["content"] = json!(format!("<@&{role}>"));
    }
    body
}

fn or_dash(s: &str) -> &str {
    if s.trim().is_empty() { "—" } else { s.trim() }
}

fn embed(reply: &Reply) -> Value {
    let title = reply
        .title
        .as_deref()
        .map(|t| truncate(t.trim(), limits::EMBED_TITLE));
    let mut description = truncate(reply.text.trim(), limits::EMBED_DESCRIPTION);
    let mut fields: Vec<(String, String, bool)> = reply
        .fields
        .iter()
        .take(limits::FIELDS)
        .map(|f| {
            (
                truncate(or_dash(&f.name), limits::FIELD_NAME),
                truncate(or_dash(&f.value), limits::FIELD_VALUE),
                f.inline,
            )
        })
        .collect();
    let mut footer = reply
        .footer
        .as_deref()
        .filter(|f| !f.trim().is_empty())
        .map(|f| truncate(f.trim(), limits::FOOTER));

    // The 6000-character budget across the embed: shorten the description first, then drop
    // fields from the end, then shorten the footer.
    let total = |d: &str, f: &[(String, String, bool)], foot: &Option<String>| {
        title.as_deref().map(chars).unwrap_or(0)
            + chars(d)
            + f.iter().map(|(n, v, _)| chars(n) + chars(v)).sum::<usize>()
            + foot.as_deref().map(chars).unwrap_or(0)
    };
    let excess = total(&description, &fields, &footer).saturating_sub(limits::EMBED_TOTAL);
    if excess > 0 {
        let keep = chars(&description).saturating_sub(excess).max(200);
        description = truncate(&description, keep);
    }
    while total(&description, &fields, &footer) > limits::EMBED_TOTAL && !fields.is_empty() {
        fields.pop();
    }
    let over = total(&description, &fields, &footer).saturating_sub(limits::EMBED_TOTAL);
    if over > 0 {
        footer = footer.map(|f| truncate(&f, chars(&f).saturating_sub(over)));
        let over = total(&description, &fields, &footer).saturating_sub(limits::EMBED_TOTAL);
        if over > 0 {
            description = truncate(&description, chars(&description).saturating_sub(over));
        }
    }

    let mut e = serde_json::Map::new();
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        e.insert("title".into(), json!(t));
    }
    if !description.is_empty() {
        e.insert("description".into(), json!(description));
    }
    if !fields.is_empty() {
        e.insert(
            "fields".into(),
            Value::Array(
                fields
                    .into_iter()
                    .map(|(n, v, i)| json!({ "name": n, "value": v, "inline": i }))
                    .collect(),
            ),
        );
    }
    if let Some(f) = footer.filter(|f| !f.is_empty()) {
        e.insert("footer".into(), json!({ "text": f }));
    }
    e.insert("color".into(), json!(reply.accent.rgb()));
    Value::Object(e)
}

fn style(s: ButtonStyle) -> u8 {
    match s {
        ButtonStyle::Primary => 1,
        ButtonStyle::Secondary => 2,
        ButtonStyle::Success => 3,
        ButtonStyle::Danger => 4,
    }
}

fn usable_id(id: &str) -> bool {
    !id.is_empty() && chars(id) <= limits::CUSTOM_ID
}

fn components(reply: &Reply) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let select = reply
        .select
        .as_ref()
        .map(|s| (s, s.id.encode()))
        .filter(|(_, id)| usable_id(id));
    if let Some((select, select_id)) = select {
        let mut values = std::collections::HashSet::new();
        let options: Vec<Value> = select
            .options
            .iter()
            .filter(|o| usable_value(&o.value) && values.insert(o.value.clone()))
            .take(limits::SELECT_OPTIONS)
            .map(|o| {
                let mut opt = json!({
                    "label": truncate(or_dash(&o.label), limits::SELECT_LABEL),
                    "value": o.value,
                });
                if let Some(d) = o.description.as_deref().filter(|d| !d.trim().is_empty()) {
                    opt["description"] = json!(truncate(d.trim(), limits::SELECT_DESCRIPTION));
                }
                opt
            })
            .collect();
        if !options.is_empty() {
            seen.insert(select_id.clone());
            rows.push(json!({ "type": 1, "components": [{
                "type": 3,
                "custom_id": select_id,
                "placeholder": truncate(&select.placeholder, limits::SELECT_PLACEHOLDER),
                "options": options,
            }]}));
        }
    }
    let buttons: Vec<Value> = reply
        .buttons
        .iter()
        .map(|b| (b, b.id.encode()))
        .filter(|(_, id)| usable_id(id) && seen.insert(id.clone()))
        .map(|(b, id)| {
            json!({
                "type": 2,
                "style": style(b.style),
                "label": truncate(or_dash(&b.label), limits::BUTTON_LABEL),
                "custom_id": id,
            })
        })
        .collect();
    let room = limits::ACTION_ROWS - rows.len();
    for chunk in buttons.chunks(limits::ROW_BUTTONS).take(room) {
        rows.push(json!({ "type": 1, "components": chunk }));
    }
    rows
}

fn usable_value(v: &str) -> bool {
    !v.is_empty() && chars(v) <= limits::SELECT_VALUE
}

/// A reply as readable text for a terminal (`aura preview`).
pub fn to_text(reply: &Reply) -> String {
    let body = message(reply, Mentions::default());
    let mut out = String::new();
    if reply.ephemeral {
        out.push_str("(only you can see this)\n");
    }
    if let Some(c) = body["content"].as_str() {
        out.push_str(c);
        out.push('\n');
    }
    for e in body["embeds"].as_array().into_iter().flatten() {
        if let Some(t) = e["title"].as_str() {
            out.push_str(&format!("# {t}\n"));
        }
        if let Some(d) = e["description"].as_str() {
            out.push_str(&format!("\n{d}\n"));
        }
        for f in e["fields"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "\n## {}\n{}\n",
                f["name"].as_str().unwrap_or(""),
                f["value"].as_str().unwrap_or("")
            ));
        }
        if let Some(f) = e["footer"]["text"].as_str() {
            out.push_str(&format!("\n— {f}\n"));
        }
    }
    for row in body["components"].as_array().into_iter().flatten() {
        let items: Vec<String> = row["components"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| match c["type"].as_u64() {
                Some(3) => {
                    let opts: Vec<&str> = c["options"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|o| o["label"].as_str())
                        .collect();
                    format!(
                        "[{} ▾: {}]",
                        c["placeholder"].as_str().unwrap_or(""),
                        opts.join(" | ")
                    )
                }
                _ => format!("[{}]", c["label"].as_str().unwrap_or("")),
            })
            .collect();
        out.push_str(&format!("\n{}", items.join(" ")));
    }
    if !body["components"].is_null() {
        out.push('\n');
    }
    for file in body["attachments"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "\n[picture {}: {}]\n",
            file["filename"].as_str().unwrap_or(""),
            file["description"].as_str().unwrap_or("")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Button, Field};

    #[test]
    fn every_message_sets_allowed_mentions_to_nobody() {
        let body = message(&Reply::notice("@everyone hi"), Mentions::default());
        assert_eq!(body["allowed_mentions"]["parse"], json!([]));
    }

    #[test]
    fn long_text_is_cut_to_fit_every_limit() {
        let reply = Reply {
            title: Some("t".repeat(300)),
            text: "word ".repeat(2000),
            fields: (0..30)
                .map(|i| Field {
                    name: format!("f{i}"),
                    value: "v ".repeat(600),
                    inline: false,
                })
                .collect(),
            footer: Some("f".repeat(3000)),
            buttons: (0..40)
                .map(|i| Button {
                    id: crate::interaction::CustomId::Open {
                        scope: format!("b{i}"),
                    },
                    label: "l".repeat(100),
                    style: ButtonStyle::Primary,
                })
                .collect(),
            ..Reply::default()
        };
        let body = interaction_response(&reply, CHANNEL_MESSAGE);
        assert_eq!(limits::check_callback(&body), Vec::<String>::new());
        assert!(
            body["data"]["embeds"][0]["description"]
                .as_str()
                .unwrap()
                .ends_with('…')
        );
    }

    #[test]
    fn autocomplete_keeps_at_most_25_choices() {
        let choices: Vec<(String, String)> = (0..40)
            .map(|i| (format!("n{i}"), format!("v{i}")))
            .collect();
        let body = autocomplete_response(&choices);
        assert_eq!(body["data"]["choices"].as_array().unwrap().len(), 25);
        assert!(limits::check_callback(&body).is_empty());
    }
}
