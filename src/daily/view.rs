//! The daily post as members see it: a discussion prompt with a supporting quote and the
//! Benjamin-against-Adorno angle, a quote of the day, or a debate motion, in the schedule's
//! language; and the items each kind walks through. Pure: the runner lives in `daily`.

use crate::interaction::CustomId;
use rand::Rng;
use rand::seq::SliceRandom;

pub use crate::cards::side_by_side;
use crate::cards::{footer, quote_place};
use crate::core::Core;
use crate::daily::PostKind;
use crate::debate::view as debate;
use crate::i18n::{t, tr};
use crate::lookup::quote;
use crate::pack::{Lang, Pack};
use crate::reply::{Accent, Reply};

/// A post of `kind` for the pack item `item`; `None` if the pack no longer has it.
pub fn post(pack: &Pack, kind: PostKind, item: &str, lang: Lang) -> Option<Reply> {
    let mut reply = match kind {
        PostKind::Prompt => {
            let p = pack.prompt(item)?;
            let mut reply = Reply {
                title: Some(t(lang, "daily-prompt-title")),
                text: format!("**{}**", p.text.get(lang)),
                footer: Some(footer(pack, lang)),
                accent: Accent::Debate,
                ..Reply::default()
            };
            if let Some(q) = p
                .quote
                .as_deref()
                .and_then(|q| pack.quote(q))
                .filter(|q| q.is_verified())
            {
                let place = quote_place(pack, q, lang);
                reply = reply.field(
                    t(lang, "daily-quote"),
                    format!(
                        "{}\n— {}, {place}",
                        crate::text::quoted(&crate::text::truncate(q.text.get(lang), 800)),
                        pack.speaker_name(q)
                    ),
                );
            }
            reply.field(t(lang, "daily-angle"), p.angle.get(lang))
        }
        PostKind::Quote => {
            let q = pack.quote(item).filter(|q| q.is_verified())?;
            let mut reply = quote::card(pack, q, lang, false);
            reply.title = Some(tr(
                lang,
                "daily-quote-title",
                &[("speaker", &pack.speaker_name(q))],
            ));
            reply
        }
        PostKind::Motion => {
            let m = pack.motion(item)?;
            let mut reply = debate::card(pack, m, lang);
            reply
                .buttons
                .retain(|b| !matches!(b.id, CustomId::MotionMore { .. }));
            reply.title = Some(tr(
                lang,
                "daily-motion-title",
                &[("motion", &m.motion.get(lang).to_string())],
            ));
            reply
        }
    };
    reply.text = format!("{}\n\n{}", reply.text, t(lang, "daily-discuss"));
    Some(reply)
}

/// A pack item's post in both languages side by side, `first`'s first, with the pack's terms
/// for the concepts it exercises (their German too) when they fit; `first`'s alone when the
/// two do not fit together.
pub fn post_in_both(pack: &Pack, kind: PostKind, item: &str, first: Lang) -> Option<Reply> {
    let one = post(pack, kind, item, first)?;
    let Some(other) = post(pack, kind, item, first.other()) else {
        return Some(one);
    };
    // Too long for both: the first language alone, as it would be posted alone.
    let Some(both) = crate::cards::paired(&one, &other) else {
        return Some(one);
    };
    let langs = (first, first.other());
    Some(crate::cards::with_terms(
        both,
        pack,
        concepts_of(pack, kind, item),
        langs,
    ))
}

/// The concepts a pack item of `kind` exercises (none for an item the pack no longer has).
pub fn concepts_of<'p>(pack: &'p Pack, kind: PostKind, item: &str) -> &'p [String] {
    let concepts = match kind {
        PostKind::Prompt => pack.prompt(item).map(|p| &p.concepts),
        PostKind::Motion => pack.motion(item).map(|m| &m.concepts),
        PostKind::Quote => pack.quote(item).map(|q| &q.concepts),
    };
    concepts.map_or(&[], Vec::as_slice)
}

/// A post of `kind` for the server's own prompt or motion `id` (a teacher's), labelled as
/// theirs and shown as written; `None` when the server no longer has it.
pub fn own_post(
    own: &crate::course::own::Own,
    kind: PostKind,
    id: &str,
    lang: Lang,
) -> Option<Reply> {
    use crate::text::escape_markdown as plain;
    let label = crate::course::model::teacher_label(own.label.as_deref(), lang);
    let mut reply = match kind {
        PostKind::Prompt => {
            let p = own.prompts.iter().find(|p| p.id == id)?;
            let reply = Reply {
                title: Some(t(lang, "daily-prompt-title")),
                text: format!("{label}\n**{}**", plain(p.text.get(lang))),
                accent: Accent::Debate,
                ..Reply::default()
            };
            match p.angle.is_blank() {
                true => reply,
                false => reply.field(t(lang, "daily-angle"), plain(p.angle.get(lang))),
            }
        }
        PostKind::Motion => {
            let m = own.motions.iter().find(|m| m.id == id)?;
            let questions: Vec<String> = m
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| format!("{}. {}", i + 1, plain(q.get(lang))))
                .collect();
            let reply = Reply {
                title: Some(tr(
                    lang,
                    "daily-motion-title",
                    &[("motion", &plain(m.motion.get(lang)))],
                )),
                text: label,
                accent: Accent::Debate,
                ..Reply::default()
            }
            .field("Benjamin", plain(m.benjamin.get(lang)))
            .field("Adorno", plain(m.adorno.get(lang)));
            match questions.is_empty() {
                true => reply,
                false => reply.field(t(lang, "course-form-questions"), questions.join("\n")),
            }
        }
        PostKind::Quote => return None,
    };
    reply.text = format!("{}\n\n{}", reply.text, t(lang, "daily-discuss"));
    Some(reply)
}

/// A post for an approved member suggestion.
pub fn suggestion_post(text: &str, author: u64, lang: Lang) -> Reply {
    Reply {
        title: Some(t(lang, "daily-prompt-title")),
        text: format!(
            "**{}**\n\n{}",
            crate::text::escape_markdown(text),
            t(lang, "daily-discuss")
        ),
        footer: Some(tr(
            lang,
            "daily-suggested-by",
            &[("member", &format!("<@{author}>"))],
        )),
        accent: Accent::Debate,
        ..Reply::default()
    }
}

/// A sample post of `kind` in `post_lang`, shown privately (`/daily preview`).
pub fn preview(
    core: &Core,
    lang: Lang,
    kind: PostKind,
    post_lang: Lang,
    rng: &mut impl Rng,
) -> Reply {
    let Some(pack) = core.library.packs.first() else {
        return Reply::notice(t(lang, "daily-nothing"));
    };
    let items = kind.items(pack);
    let Some(item) = items.choose(rng) else {
        return Reply::notice(t(lang, "daily-nothing"));
    };
    match post(pack, kind, item, post_lang) {
        Some(mut reply) => {
            reply.ephemeral = true;
            reply
        }
        None => Reply::notice(t(lang, "daily-nothing")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every prompt and motion of the pack in both languages: within Discord's limits as
    /// posted, both languages whenever they fit, and the schedule's language first.
    #[test]
    fn a_post_in_both_languages_holds_both_within_discords_limits_or_its_first_alone() {
        let core = Core::for_tests();
        let pack = &core.library.packs[0];
        let (mut both, mut items, mut with_terms) = (0, 0, 0);
        for kind in [PostKind::Prompt, PostKind::Motion, PostKind::Quote] {
            for item in kind.items(pack) {
                items += 1;
                for first in [Lang::Id, Lang::En] {
                    let a = post(pack, kind, &item, first).expect("a post");
                    let b = post(pack, kind, &item, first.other()).expect("a post");
                    let merged = post_in_both(pack, kind, &item, first).expect("a post");
                    let body = crate::render::channel_message(&crate::outbox::Message::from(
                        merged.clone(),
                    ));
                    assert!(crate::render::limits::check_message(&body).is_empty());
                    // Nothing cut: the rendered text is the card's text.
                    assert_eq!(
                        body["embeds"][0]["description"].as_str(),
                        Some(merged.text.as_str())
                    );
                    if merged != a {
                        both += 1;
                        assert!(merged.text.starts_with(&a.text), "the first language first");
                        assert!(merged.text.ends_with(&b.text));
                    }
                    // The terms, where shown, are the pack's, German included.
                    if let Some(terms) = merged.fields.iter().find(|f| f.name.contains("Istilah")) {
                        with_terms += 1;
                        for id in concepts_of(pack, kind, &item) {
                            let Some(c) = pack.concept(id) else { continue };
                            if let Some(de) = c.name.de.as_deref() {
                                assert!(terms.value.contains(de), "{id}: {}", terms.value);
                                assert!(terms.value.contains(c.name.get(Lang::Id)));
                                assert!(terms.value.contains(c.name.get(Lang::En)));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            both >= items,
            "most posts fit in both languages: {both} of {}",
            2 * items
        );
        assert!(with_terms >= items, "most show their terms: {with_terms}");
    }
}
