//! A reply's pictures as files: the names and alt texts a message lists in `attachments`, the
//! PNG bytes a sender uploads beside it (as `files[n]`, `n` being the listed id), and another
//! file (a CSV) added after them.

use serde_json::{Value, json};

use super::{chart, limits};
use crate::reply::Reply;
use crate::text::truncate;

/// A file a message carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The most charts a message carries, leaving room for one more file (a report's CSV).
pub const CHARTS: usize = limits::ATTACHMENTS - 1;

/// A chart whose name starts so is hidden behind a spoiler until clicked (and is not shown as
/// the embed's image, which Discord cannot hide).
pub const SPOILER: &str = "SPOILER_";

/// The file names of a reply's charts, in order: safe, ending in `.png`, unique (`-2`, `-3`
/// added to a repeated name), at most [`CHARTS`].
pub fn file_names(reply: &Reply) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in reply.charts.iter().take(CHARTS) {
        let base = chart::file_name(c);
        let mut name = base.clone();
        let mut n = 1;
        while names.contains(&name) {
            n += 1;
            name = format!("{}-{n}.png", base.trim_end_matches(".png"));
        }
        names.push(name);
    }
    names
}

/// Lists the reply's charts in the message body `data`: `attachments` with each file's name
/// and alt text, and the first chart as the embed's image (unless it is a spoiler).
pub(super) fn list_charts(data: &mut Value, reply: &Reply) {
    let names = file_names(reply);
    if names.is_empty() {
        return;
    }
    let listed: Vec<Value> = names
        .iter()
        .zip(&reply.charts)
        .enumerate()
        .map(|(id, (name, c))| {
            let mut a = json!({ "id": id, "filename": name });
            let alt = c.alt.trim();
            if !alt.is_empty() {
                a["description"] = json!(truncate(alt, limits::ATTACHMENT_DESCRIPTION));
            }
            a
        })
        .collect();
    data["attachments"] = Value::Array(listed);
    if let Some(first) = names.first().filter(|n| !n.starts_with(SPOILER))
        && let Some(embed) = data["embeds"].get_mut(0)
    {
        embed["image"] = json!({ "url": format!("attachment://{first}") });
    }
}

/// The reply's charts drawn as PNG files, in the order [`file_names`] lists them.
pub fn files(reply: &Reply) -> Vec<File> {
    file_names(reply)
        .into_iter()
        .zip(&reply.charts)
        .map(|(name, c)| {
            let bytes = super::drawn::png(c)
                .map(|p| p.to_vec())
                .unwrap_or_else(|e| {
                    // Sizes are fixed and small, so this does not happen; the message still goes.
                    tracing::error!(error = %e, chart = name, "cannot draw a chart");
                    BLANK_PNG.to_vec()
                });
            File { name, bytes }
        })
        .collect()
}

/// Adds `file` after the files already listed in the message body `data` (and in `files`).
pub fn attach(data: &mut Value, files: &mut Vec<File>, file: File) {
    let id = files.len();
    let entry = json!({ "id": id, "filename": file.name });
    match data["attachments"].as_array_mut() {
        Some(listed) => listed.push(entry),
        None => data["attachments"] = json!([entry]),
    }
    files.push(file);
}

/// A 1×1 white PNG, sent in place of a chart that could not be drawn.
const BLANK_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xFF, 0xFF, 0x3F,
    0x00, 0x05, 0xFE, 0x02, 0xFE, 0xDC, 0xCC, 0x59, 0xE7, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
    0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Bar, Chart, ChartKind};

    fn chart(name: &str, alt: &str) -> Chart {
        Chart {
            name: name.into(),
            alt: alt.into(),
            title: "t".into(),
            kind: ChartKind::Bars(vec![Bar {
                label: "a".into(),
                value: 1,
                caption: "1".into(),
                marked: false,
            }]),
        }
    }

    fn reply(charts: Vec<Chart>) -> Reply {
        Reply {
            title: Some("T".into()),
            charts,
            ..Reply::default()
        }
    }

    #[test]
    fn charts_are_listed_with_their_alt_text_and_the_first_is_the_embeds_image() {
        let r = reply(vec![
            chart("split.png", "Answers: A 1"),
            chart("split.png", ""),
        ]);
        let body = super::super::message(&r, super::super::Mentions::default());
        assert_eq!(
            body["attachments"],
            json!([
                { "id": 0, "filename": "split.png", "description": "Answers: A 1" },
                { "id": 1, "filename": "split-2.png" },
            ])
        );
        assert_eq!(body["embeds"][0]["image"]["url"], "attachment://split.png");
        let drawn = files(&r);
        assert_eq!(drawn.len(), 2);
        assert_eq!(drawn[1].name, "split-2.png");
        assert!(drawn[0].bytes.starts_with(b"\x89PNG"));
        assert!(limits::check_message(&body).is_empty());
    }

    #[test]
    fn a_spoiler_chart_is_attached_but_not_shown_in_the_embed() {
        let r = reply(vec![chart("SPOILER_split.png", "x")]);
        let body = super::super::message(&r, super::super::Mentions::default());
        assert_eq!(body["attachments"][0]["filename"], "SPOILER_split.png");
        assert!(body["embeds"][0]["image"].is_null());
    }

    #[test]
    fn a_reply_without_charts_lists_no_attachments() {
        let body = super::super::message(&reply(vec![]), super::super::Mentions::default());
        assert!(body.get("attachments").is_none());
    }

    #[test]
    fn long_alt_text_and_too_many_charts_are_cut_to_discords_limits() {
        let many: Vec<Chart> = (0..15)
            .map(|_| chart("c.png", &"word ".repeat(400)))
            .collect();
        let r = reply(many);
        let mut body = super::super::message(&r, super::super::Mentions::default());
        let mut drawn = files(&r);
        attach(
            &mut body,
            &mut drawn,
            File {
                name: "report.csv".into(),
                bytes: b"a,b\n".to_vec(),
            },
        );
        let listed = body["attachments"].as_array().expect("listed");
        assert_eq!(listed.len(), limits::ATTACHMENTS);
        assert_eq!(drawn.len(), limits::ATTACHMENTS);
        assert_eq!(listed[9], json!({ "id": 9, "filename": "report.csv" }));
        assert!(
            limits::check_message(&body).is_empty(),
            "{:?}",
            limits::check_message(&body)
        );
    }

    #[test]
    fn the_blank_stand_in_is_a_png() {
        assert!(BLANK_PNG.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}
