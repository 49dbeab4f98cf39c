//! Message bodies as Discord takes them: JSON alone, or a multipart form of `payload_json` and
//! `files[n]` parts. Like Discord, each file is matched to the `attachments` entry whose `id` is
//! its `n` (its description comes from there), and a listed new attachment without its file is
//! refused. What was uploaded is kept for the tests, by message, interaction or token.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// One file a message carried.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The message id, interaction id or interaction token it came with.
    pub key: String,
    pub name: String,
    /// The alt text given in `attachments`.
    pub description: Option<String>,
    pub bytes: Vec<u8>,
}

/// A request's body as [`read`] takes it: its JSON and files, or why Discord would not read it.
pub(super) struct Sent(pub(super) Result<(Value, Vec<Upload>), String>);

impl<S: Send + Sync> FromRequest<S> for Sent {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Sent, Response> {
        let headers = req.headers().clone();
        let raw = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Sent(read(&headers, &raw)))
    }
}

/// Discord's 400 for a body it cannot read (a malformed form, a listed file missing).
pub(super) fn unreadable(e: &str) -> Response {
    let body = json!({ "code": 50035, "message": e });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

/// Discord's 400 for a message over its limits, listing what is over.
pub(super) fn over_limits(errors: Vec<String>) -> Response {
    let body = json!({ "code": 50035, "errors": errors });
    (StatusCode::BAD_REQUEST, axum::Json(body)).into_response()
}

/// A body's JSON and its files (without their key yet).
pub(super) fn read(
    headers: &axum::http::HeaderMap,
    raw: &[u8],
) -> Result<(Value, Vec<Upload>), String> {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("multipart/") {
        return serde_json::from_slice(raw)
            .map(|v| (v, Vec::new()))
            .map_err(|e| format!("not JSON: {e}"));
    }
    let (payload, parts) = multipart(content_type, raw).ok_or("a malformed multipart body")?;
    // A message body lists them at its top; an interaction callback in its `data`.
    let listed = payload["attachments"]
        .as_array()
        .or_else(|| payload["data"]["attachments"].as_array())
        .cloned()
        .unwrap_or_default();
    let id_of = |a: &Value| match &a["id"] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut uploads = Vec::new();
    let mut sent = Vec::new();
    for (field, name, bytes) in parts {
        let n = field
            .strip_prefix("files[")
            .and_then(|r| r.strip_suffix(']'))
            .ok_or_else(|| format!("an unknown part `{field}`"))?
            .to_string();
        let entry = listed.iter().find(|a| id_of(a) == n);
        uploads.push(Upload {
            key: String::new(),
            name: entry
                .and_then(|a| a["filename"].as_str())
                .unwrap_or(&name)
                .to_string(),
            description: entry
                .and_then(|a| a["description"].as_str())
                .map(str::to_string),
            bytes,
        });
        sent.push(n);
    }
    // A small id names a new file of this request; a snowflake keeps an existing one.
    for a in &listed {
        let id = id_of(a);
        if id.len() < 4 && !sent.contains(&id) {
            return Err(format!("attachment {id} is listed without its file"));
        }
    }
    Ok((payload, uploads))
}

/// The parts of a multipart body: the JSON of `payload_json`, and (field, file name, bytes)
/// of every other part.
/// A form's file part: its field (`files[n]`), file name and bytes.
type Part = (String, String, Vec<u8>);

fn multipart(content_type: &str, raw: &[u8]) -> Option<(Value, Vec<Part>)> {
    let boundary = content_type.split("boundary=").nth(1)?.trim_matches('"');
    let marker = format!("--{boundary}");
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let mut payload = None;
    let mut files = Vec::new();
    let mut at = find(raw, marker.as_bytes(), 0)?;
    loop {
        let start = at + marker.len();
        let Some(next) = find(raw, marker.as_bytes(), start) else {
            break;
        };
        let part = &raw[start..next];
        if let Some(split) = find(part, b"\r\n\r\n", 0) {
            let head = String::from_utf8_lossy(&part[..split]).to_string();
            let mut content = part[split + 4..].to_vec();
            if content.ends_with(b"\r\n") {
                content.truncate(content.len() - 2);
            }
            let quoted = |key: &str| {
                head.split(&format!("{key}=\""))
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .unwrap_or("")
                    .to_string()
            };
            let field = head
                .split("; name=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or("")
                .to_string();
            if field == "payload_json" {
                payload = serde_json::from_slice(&content).ok();
            } else {
                files.push((field, quoted("filename"), content));
            }
        }
        at = next;
    }
    Some((payload?, files))
}
