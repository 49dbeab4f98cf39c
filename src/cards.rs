//! What every feature's cards share: footers, places in the text, "did you mean" notices,
//! fields packed from whole lines, concept menus and the buttons that open a section or
//! delete a reply. Low: it reads the pack, the index and the catalog, never a feature.

use crate::catalog::{self, name_in};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::{Lang, Pack};
use crate::reply::Reply;
use crate::search::{Hit, Kind};

/// The button that lets the member who asked, and only them, delete a public reply.
/// Buttons to the previous and next pages of a list on page `page` (from 0) of `pages`, only
/// where there is one: `id` names a page's button (`None`: that page gets none, e.g. an id
/// too long for Discord), `labels` are the two buttons' Fluent keys.
pub fn page_buttons(
    reply: &mut crate::reply::Reply,
    (page, pages): (u32, u32),
    labels: (&str, &str),
    lang: Lang,
    id: impl Fn(u32) -> Option<CustomId>,
) {
    let turn = |to: u32, label: &str| {
        id(to).map(|id| crate::reply::Button {
            id,
            label: crate::i18n::t(lang, label),
            style: crate::reply::ButtonStyle::Secondary,
        })
    };
    if page > 0 {
        reply.buttons.extend(turn(page - 1, labels.0));
    }
    if page + 1 < pages {
        reply.buttons.extend(turn(page + 1, labels.1));
    }
}

pub fn delete_button(lang: Lang, user: u64) -> crate::reply::Button {
    crate::reply::Button {
        id: CustomId::Delete { owner: user },
        label: crate::i18n::t(lang, "button-delete"),
        style: crate::reply::ButtonStyle::Danger,
    }
}

/// A menu of concepts that opens the chosen one's card (`scope` keeps the menus of one message
/// apart); `None` when there are none.
pub fn concept_menu<'a>(
    pack: &Pack,
    concepts: impl Iterator<Item = &'a crate::pack::Concept>,
    lang: Lang,
    scope: String,
    placeholder: &str,
) -> Option<crate::reply::Select> {
    let options: Vec<crate::reply::SelectOption> = concepts
        .map(|c| crate::reply::SelectOption {
            label: c.name.get(lang).to_string(),
            value: format!("concept:{}:{}", pack.id, c.id),
            description: Some(c.gloss.get(lang).to_string()),
        })
        .collect();
    (!options.is_empty()).then(|| crate::reply::Select {
        id: CustomId::Open { scope },
        placeholder: crate::i18n::t(lang, placeholder),
        options,
    })
}

/// The button that opens a concept's card, labelled with its name.
pub fn concept_button(
    pack: &Pack,
    concept: &crate::pack::Concept,
    lang: Lang,
) -> (CustomId, String) {
    let id = CustomId::Concept {
        pack: pack.id.clone(),
        id: concept.id.clone(),
    };
    (id, concept.name.get(lang).to_string())
}

/// The button that opens a section's card.
pub fn section_button(
    pack: &Pack,
    section: &crate::pack::Section,
    lang: Lang,
) -> (CustomId, String) {
    let id = CustomId::Section {
        pack: pack.id.clone(),
        id: section.id.clone(),
    };
    let label = section.label.get(lang).to_string();
    let key = if section.number.is_some() {
        "button-open-section"
    } else {
        "button-open-part"
    };
    (id, tr(lang, key, &[("label", &label)]))
}

/// Whole lines packed into fields of at most 1024 characters: never a line cut in two. At most
/// `max_fields` fields; what does not fit is counted at the end ("+2 …").
pub fn whole_lines(name: &str, lines: &[String], max_fields: usize) -> Vec<(String, String)> {
    use crate::render::limits::FIELD_VALUE;
    use crate::text::{chars, truncate};
    let room = FIELD_VALUE - 16;
    let mut fields: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut left = 0;
    for (i, line) in lines.iter().enumerate() {
        let line = truncate(line, room);
        if !current.is_empty() && chars(&current) + 1 + chars(&line) > room {
            fields.push(std::mem::take(&mut current));
            if fields.len() == max_fields {
                left = lines.len() - i;
                break;
            }
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() && fields.len() < max_fields.max(1) {
        fields.push(current);
    }
    if left > 0
        && let Some(last) = fields.last_mut()
    {
        last.push_str(&format!("\n+{left} …"));
    }
    fields
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let n = if i == 0 {
                name.to_string()
            } else {
                format!("{name} ({})", i + 1)
            };
            (n, v)
        })
        .collect()
}

/// "I don't know X. Did you mean: A, B?" as an ephemeral notice.
pub fn not_found(
    core: &Core,
    lang: Lang,
    kind: Kind,
    input: &str,
    guesses: &[Hit],
    key: &str,
) -> Reply {
    let mut text = tr(lang, key, &[("input", &input.trim().to_string())]);
    let names: Vec<String> = guesses
        .iter()
        .filter_map(|h| core.index.label(kind, &h.pack, &h.id, lang))
        .map(|l| format!("**{}**", crate::text::truncate(&l, 80)))
        .collect();
    if !names.is_empty() {
        text.push('\n');
        text.push_str(&tr(
            lang,
            "did-you-mean",
            &[("suggestions", &names.join(", "))],
        ));
    }
    Reply::notice(text)
}

/// Where a quote stands: its section (or footnote), or its place in a text without sections.
pub fn quote_place(pack: &Pack, q: &crate::pack::Quote, lang: Lang) -> String {
    q.section
        .as_deref()
        .map(|s| section_ref(pack, lang, s, q.footnote))
        .or_else(|| q.location.as_ref().map(|l| l.get(lang).to_string()))
        .unwrap_or_default()
}

/// Who said a quote and where: "**speaker**, *work*, version; place".
pub fn attribution(pack: &Pack, q: &crate::pack::Quote, lang: Lang) -> String {
    let work = pack.quote_title(q).map(|t| t.get(lang)).unwrap_or("");
    let version = q
        .version
        .as_deref()
        .and_then(|v| pack.version(v))
        .map(|v| format!(", {}", v.name.get(lang)))
        .unwrap_or_default();
    let place = quote_place(pack, q, lang);
    format!("**{}**, *{work}*{version}; {place}", pack.speaker_name(q))
}

/// The notice for an option value Aura cannot use: which option, what was given, what works.
pub fn bad_option(lang: Lang, option: &str, value: &str, allowed: &str) -> Reply {
    Reply::notice(tr(
        lang,
        "quiz-bad-option",
        &[
            ("option", &option.to_string()),
            ("value", &crate::text::truncate(value.trim(), 50)),
            ("allowed", &allowed.to_string()),
        ],
    ))
}

/// Where to read for a quiz question, in words: "section V", "Adorno's letter to Benjamin, London,
/// 18 March 1936", or "the essay's versions and publication history (/essay)".
pub fn place_text(pack: &Pack, place: crate::pack::Place<'_>, lang: Lang) -> String {
    use crate::pack::Place;
    match place {
        Place::Section(s) => section_ref(pack, lang, s, false),
        Place::Source(s) => pack
            .source(s)
            .map(|x| x.title.get(lang).to_string())
            .unwrap_or_else(|| s.to_string()),
        Place::History => tr(
            lang,
            "place-history",
            &[(
                "essay",
                &format!(
                    "/{}",
                    name_in(
                        catalog::command("essay").unwrap_or(&catalog::COMMANDS[0]),
                        lang
                    )
                ),
            )],
        ),
    }
}

/// The words around a citation, in Indonesian: a quote's `citation` is written once, with
/// English bibliographic words, and titles stay as published.
const CITATION_WORDS: &[(&str, &str)] = &[
    ("French version in ", "versi Prancis dalam "),
    ("a 2014 roundtable", "diskusi meja bundar tahun 2014"),
    ("closing sentences", "kalimat penutup"),
    ("last paragraph", "paragraf terakhir"),
    ("quoted in ", "dikutip dalam "),
    ("; see ", "; lihat "),
    ("Epilogue", "Epilog"),
    ("section ", "bagian "),
    ("trans. ", "terj. "),
    (" pp. ", " hlm. "),
    (" p. ", " hlm. "),
    (" vol. ", " jil. "),
    (" ch. ", " bab "),
    (" n. ", " cat. "),
];

/// A quote's citation in `lang`: in Indonesian, its bibliographic words are Indonesian too
/// ("Zohn, Illuminations hlm. 247, cat. 12"), not English fragments inside an Indonesian reply.
pub fn citation(q: &crate::pack::Quote, lang: Lang) -> String {
    match lang {
        Lang::En => q.citation.clone(),
        Lang::Id => CITATION_WORDS
            .iter()
            .fold(q.citation.clone(), |c, (en, id)| c.replace(en, id)),
    }
}

/// The localized footer line naming the pack's work.
pub fn footer(pack: &Pack, lang: Lang) -> String {
    tr(
        lang,
        "footer-pack",
        &[("work", &pack.work.title.get(lang).to_string())],
    )
}

/// "section X" or "footnote to section X" in the member's language; the preface and the
/// epilogue by their names ("the Epilogue"), never "section Epilogue".
pub fn section_ref(pack: &Pack, lang: Lang, section: &str, footnote: bool) -> String {
    let found = pack.section(section);
    let label = found
        .map(|s| s.label.get(lang).to_string())
        .unwrap_or_else(|| section.to_string());
    let numbered = found.is_none_or(|s| s.number.is_some());
    let key = match (footnote, numbered) {
        (true, true) => "ref-footnote",
        (false, true) => "ref-section",
        (true, false) => "ref-footnote-part",
        (false, false) => "ref-part",
    };
    tr(lang, key, &[("label", &label)])
}

/// A card in both languages side by side, `first` (the post's or round's language) then
/// `second`: the titles joined, the texts one after the other, each field's two sides in one
/// field, the footers joined, each button's and the menu's two labels and each picture's two
/// descriptions joined where they fit their own limits (an answer's letter stays one letter).
/// Discord's limits hold for the doubled text, or the first language alone is posted: a post
/// (or a round's card) is never cut short to fit.
pub fn side_by_side(first: Reply, second: &Reply) -> Reply {
    paired(&first, second).unwrap_or(first)
}

/// [`side_by_side`]'s card in both languages, or `None` when the two do not fit together.
pub fn paired(first: &Reply, second: &Reply) -> Option<Reply> {
    use crate::render::limits::{BUTTON_LABEL, SELECT_PLACEHOLDER};
    if first.fields.len() != second.fields.len() {
        return None;
    }
    let mut both = first.clone();
    both.title = match (&first.title, &second.title) {
        (Some(a), Some(b)) => Some(joined(a, b, " · ")),
        (a, _) => a.clone(),
    };
    both.text = joined(&first.text, &second.text, "\n\n───\n\n");
    both.fields = first
        .fields
        .iter()
        .zip(&second.fields)
        .map(|(a, b)| crate::reply::Field {
            name: joined(&a.name, &b.name, " · "),
            value: joined(&a.value, &b.value, "\n\n"),
            inline: a.inline,
        })
        .collect();
    both.footer = match (&first.footer, &second.footer) {
        (Some(a), Some(b)) => Some(joined(a, b, " / ")),
        (a, _) => a.clone(),
    };
    if first.buttons.len() == second.buttons.len() {
        for (button, other) in both.buttons.iter_mut().zip(&second.buttons) {
            let label = joined(&button.label, &other.label, " · ");
            if label.chars().count() <= BUTTON_LABEL {
                button.label = label;
            }
        }
    }
    // A picture's description in both, for screen readers (its drawing keeps the first).
    if first.charts.len() == second.charts.len() {
        for (chart, other) in both.charts.iter_mut().zip(&second.charts) {
            let alt = joined(&chart.alt, &other.alt, " / ");
            if alt.chars().count() <= crate::render::limits::ATTACHMENT_DESCRIPTION {
                chart.alt = alt;
            }
        }
    }
    if let (Some(select), Some(other)) = (both.select.as_mut(), second.select.as_ref()) {
        let placeholder = joined(&select.placeholder, &other.placeholder, " · ");
        if placeholder.chars().count() <= SELECT_PLACEHOLDER {
            select.placeholder = placeholder;
        }
    }
    fits(&both).then_some(both)
}

/// `a`, or `a` and `b` with `sep` between them when they differ.
fn joined(a: &str, b: &str, sep: &str) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}{sep}{b}")
    }
}

/// Whether a card's embed holds within Discord's limits (title, description, each field, the
/// total).
fn fits(card: &Reply) -> bool {
    use crate::render::limits::{
        EMBED_DESCRIPTION, EMBED_TITLE, EMBED_TOTAL, FIELD_NAME, FIELD_VALUE, FIELDS, FOOTER,
    };
    let n = |s: &str| s.chars().count();
    let title = card.title.as_deref().map_or(0, n);
    let fields = card
        .fields
        .iter()
        .map(|f| n(&f.name) + n(&f.value))
        .sum::<usize>();
    let footer = card.footer.as_deref().map_or(0, n);
    title <= EMBED_TITLE
        && n(&card.text) <= EMBED_DESCRIPTION
        && footer <= FOOTER
        && card.fields.len() <= FIELDS
        && card
            .fields
            .iter()
            .all(|f| n(&f.name) <= FIELD_NAME && n(&f.value) <= FIELD_VALUE)
        && title + n(&card.text) + fields + footer <= EMBED_TOTAL
}

/// A shared card in `lang`, or, when `both`, in `lang` and the other side by side (see
/// [`paired`]), with the pack's terms for `terms`' concepts beside it (see [`with_terms`]);
/// `lang`'s alone when the two do not fit together. The one way a schedule's, round's,
/// debate's or assignment's card takes its languages.
pub fn in_langs(
    (lang, both): (Lang, bool),
    card: impl Fn(Lang) -> Reply,
    terms: Option<(&Pack, &[String])>,
) -> Reply {
    let first = card(lang);
    if !both {
        return first;
    }
    match (paired(&first, &card(lang.other())), terms) {
        (Some(two), Some((pack, concepts))) => {
            with_terms(two, pack, concepts, (lang, lang.other()))
        }
        (Some(two), None) => two,
        (None, _) => first,
    }
}

/// A card in both languages with the pack's terms for `concepts` beside it: each concept's
/// name in the first language, the second, and the German where the pack has it, in a field of
/// its own; left off when no concept has a German name or the card would pass Discord's
/// limits.
pub fn with_terms(
    card: Reply,
    pack: &Pack,
    concepts: &[String],
    (first, second): (Lang, Lang),
) -> Reply {
    let lines: Vec<String> = concepts
        .iter()
        .filter_map(|id| pack.concept(id))
        .filter_map(|c| {
            let de = c.name.de.as_deref().filter(|d| !d.trim().is_empty())?;
            let (a, b) = (c.name.get(first), c.name.get(second));
            let names = joined(a, b, " · ");
            Some(format!("**{names}** · 🇩🇪 *{de}*"))
        })
        .take(5)
        .collect();
    if lines.is_empty() {
        return card;
    }
    let name = joined(&t(first, "terms-field"), &t(second, "terms-field"), " · ");
    let with = card.clone().field(name, lines.join("\n"));
    if fits(&with) { with } else { card }
}
