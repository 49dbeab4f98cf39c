//! What `aura preview '/daily preview …'` shows: a sample post of the kind asked for.

use rand::Rng;

use crate::cards::bad_option;
use crate::catalog::Request;
use crate::core::Core;
use crate::daily::PostKind;
use crate::daily::view::preview;
use crate::pack::Lang;
use crate::reply::Reply;

/// `/daily preview [kind] [language]`: a sample post, seen only by the one who asked.
pub fn preview_request(core: &Core, lang: Lang, req: &Request, rng: &mut impl Rng) -> Reply {
    let kind = match req.get("kind") {
        Some(k) => match PostKind::parse(k) {
            Some(kind) => kind,
            None => {
                return bad_option(lang, "kind", k, "prompt, quote, motion");
            }
        },
        None => PostKind::Prompt,
    };
    let post_lang = req.get("language").and_then(Lang::parse).unwrap_or(lang);
    preview(core, lang, kind, post_lang, rng)
}
