//! `aura preview`: answers a command as the bot would, as readable text or as the exact
//! interaction-response body, so content authors can proof their work without Discord.

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
    if json {
        let body = render::interaction_response(&reply, render::CHANNEL_MESSAGE);
        serde_json::to_string_pretty(&body).map_err(|e| e.to_string())
    } else {
        Ok(render::to_text(&reply))
    }
}
