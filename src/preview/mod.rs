//! `aura preview`: answers a command as the bot would, as readable text or as the exact
//! interaction-response body, so content authors can proof their work without Discord; with
//! `--out DIR`, the pictures the answer carries are written into DIR as PNG files.

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;

use rand::Rng;

use crate::catalog::{Request, path_in};
use crate::core::Core;
use crate::i18n::tr;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::{lookup, render};

mod daily;
mod debate;
mod parse;
mod quiz;
pub mod sample_quiz;

pub use debate::sample as sample_debate;
pub use parse::{ParseError, parse};

/// The answer to `line` in `lang`; `Err` with a message listing what exists when the command
/// or an option is unknown.
pub fn preview(
    core: &Core,
    lang: Lang,
    line: &str,
    seed: u64,
    json: bool,
) -> Result<String, String> {
    let request = parse(line).map_err(|e| e.message(lang))?;
    let mut rng = StdRng::seed_from_u64(seed);
    let reply = answer(core, lang, &request, &mut rng);
    show(&reply, json)
}

/// Like [`preview`], and writes every picture of the answer into `out` (created if missing);
/// returns the text and the files written.
pub fn preview_to(
    core: &Core,
    lang: Lang,
    line: &str,
    seed: u64,
    json: bool,
    out: &Path,
) -> Result<(String, Vec<PathBuf>), String> {
    let request = parse(line).map_err(|e| e.message(lang))?;
    let mut rng = StdRng::seed_from_u64(seed);
    let reply = answer(core, lang, &request, &mut rng);
    let text = show(&reply, json)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut written = Vec::new();
    for file in render::files(&reply) {
        let path = out.join(&file.name);
        std::fs::write(&path, &file.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok((text, written))
}

fn show(reply: &crate::reply::Reply, json: bool) -> Result<String, String> {
    if json {
        let body = render::interaction_response(reply, render::CHANNEL_MESSAGE);
        serde_json::to_string_pretty(&body).map_err(|e| e.to_string())
    } else {
        Ok(render::to_text(reply))
    }
}

/// Answers a command as the bot would, without a database: a lookup as on Discord, and a
/// command group's reply as a preview shows it (a round's first question, a sample class).
pub fn answer(core: &Core, lang: Lang, req: &Request, rng: &mut impl Rng) -> Reply {
    if let Some(notice) = req.too_long(lang) {
        return notice;
    }
    let Some(group) = req.group else {
        return lookup::answer(core, lang, req, rng);
    };
    match (group.name, req.command.name) {
        ("quiz", "start") => quiz::start(core, lang, req, rng.r#gen()),
        ("quiz", "assign") => quiz::assign(core, lang, req, rng.r#gen()),
        ("quiz", "info") => crate::quiz::view::info(core, lang),
        // No database behind a preview: a sample class answers.
        ("quiz", "leaderboard") => sample_quiz::leaderboard(
            lang,
            req.get("period")
                .and_then(crate::quiz::Period::parse)
                .unwrap_or(crate::quiz::Period::All),
            req.get("sort")
                .and_then(crate::quiz::Sort::parse)
                .unwrap_or_default(),
        ),
        ("quiz", "reveal") => sample_quiz::reveal(core, lang, rng.r#gen()),
        ("quiz", "practice") => quiz::practice(core, lang, req.get("topic")),
        ("quiz", "insights") => quiz::insights(core, lang),
        ("daily", "preview") => daily::preview_request(core, lang, req, rng),
        ("debate", "start") => debate::start(core, lang, req, rng),
        ("debate", "summary") => debate::summary(core, lang, req),
        _ => Reply::notice(tr(
            lang,
            "error-server-only",
            &[("command", &path_in(&req.path(), lang))],
        )),
    }
}

#[cfg(test)]
mod tests;
