//! `aura preview`: answers a command as the bot would, as readable text or as the exact
//! interaction-response body, so content authors can proof their work without Discord; with
//! `--out DIR`, the pictures the answer carries are written into DIR as PNG files.

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::answers;
use crate::core::Core;
use crate::pack::Lang;
use crate::render;

/// The answer to `line` in `lang`; `Err` with a message listing what exists when the command
/// or an option is unknown.
pub fn preview(
    core: &Core,
    lang: Lang,
    line: &str,
    seed: u64,
    json: bool,
) -> Result<String, String> {
    let request = answers::parse(line).map_err(|e| e.message(lang))?;
    let mut rng = StdRng::seed_from_u64(seed);
    let reply = answers::answer(core, lang, &request, &mut rng);
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
    let request = answers::parse(line).map_err(|e| e.message(lang))?;
    let mut rng = StdRng::seed_from_u64(seed);
    let reply = answers::answer(core, lang, &request, &mut rng);
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
