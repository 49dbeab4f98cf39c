//! What members and teachers see of written work: the response form, the quote check's
//! marks before saving, the saved notice, `/responses mine`, the teacher's review card, the
//! feedback a member receives and a response shared with its author's consent. A member's
//! words are always shown escaped, as theirs, and never as a verified quotation.

use super::model::{DraftAct, MAX_TEXT, On, Response, ReviewAct, Status, Walk};
use super::quote_check::{Checked, Mark};
use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Input, Modal};
use crate::pack::{Lang, Pack, Quote};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::text::{escape_markdown as plain, truncate};

/// The most characters of a response a card shows (an embed's description holds 4,096).
const SHOWN: usize = 3000;

/// The form a member writes (or edits) their response in; its input's label is the start of
/// what they answer.
pub fn form(on: On, title: &str, value: Option<String>, lang: Lang) -> Modal {
    Modal {
        id: CustomId::Responded { on },
        title: truncate(&t(lang, "responses-form-title"), 45),
        fields: vec![Input {
            id: "text",
            label: truncate(
                &Some(title.trim())
                    .filter(|t| !t.is_empty())
                    .map_or_else(|| t(lang, "responses-form-label"), str::to_string),
                45,
            ),
            paragraph: true,
            min_length: 1,
            max_length: MAX_TEXT as u16,
            required: true,
            value,
        }],
    }
}

/// What a response answers, in words: its kind and its heading.
pub fn heading(on: On, title: &str, lang: Lang) -> String {
    let kind = t(lang, &format!("responses-kind-{}", on.kind()));
    format!("{kind} · {}", plain(&truncate(title, 200)))
}

/// A quote's source in one line: who, which work and version, where, whose translation, and
/// where the reference verifies it.
fn source(pack: &Pack, q: &Quote, lang: Lang) -> String {
    format!(
        "{} · {} · {}",
        crate::cards::attribution(pack, q, lang),
        q.translation.get(lang),
        q.citation
    )
}

/// One passage's mark, in words.
pub fn mark_text(pack: &Pack, mark: &Mark<'_>, lang: Lang) -> String {
    let text = match mark {
        Mark::Verified(q) => tr(
            lang,
            "responses-mark-verified",
            &[("source", &source(pack, q, lang))],
        ),
        Mark::Near { quote, exact } => tr(
            lang,
            "responses-mark-near",
            &[
                ("source", &source(pack, quote, lang)),
                ("exact", &crate::text::quoted(exact)),
            ],
        ),
        Mark::Misattributed { quote, named } => {
            let named: Vec<String> = named
                .iter()
                .map(|n| {
                    pack.thinker(n)
                        .map_or_else(|| n.clone(), |t| t.name.clone())
                })
                .collect();
            tr(
                lang,
                "responses-mark-misattributed",
                &[
                    ("named", &named.join(", ")),
                    ("authors", &pack.speaker_name(quote)),
                    ("source", &source(pack, quote, lang)),
                ],
            )
        }
        Mark::Misconception(m) => tr(
            lang,
            "responses-mark-misconception",
            &[("correction", &m.correction.get(lang).to_string())],
        ),
        Mark::NotFound => t(lang, "responses-mark-not-found"),
    };
    truncate(&text, 1024)
}

/// The characters a card's embed counts toward Discord's 6,000: title, text, fields, footer.
fn embed_chars(reply: &Reply) -> usize {
    let n = |s: &str| s.chars().count();
    reply.title.as_deref().map_or(0, n)
        + n(&reply.text)
        + reply
            .fields
            .iter()
            .map(|f| n(&f.name) + n(&f.value))
            .sum::<usize>()
        + reply.footer.as_deref().map_or(0, n)
}

/// The most characters a card's embed holds, with room for the render's own marks.
const EMBED_BUDGET: usize = 5900;

/// The marks of the passages, as fields, as many as the card holds whole (at most ten); the
/// rest are counted, never cut.
fn with_marks(mut reply: Reply, pack: &Pack, checked: &[Checked<'_>], lang: Lang) -> Reply {
    let mut shown = 0;
    for c in checked.iter().take(10) {
        let name = truncate(
            &format!("“{}”", c.passage.replace(['*', '_', '`'], "")),
            250,
        );
        let value = mark_text(pack, &c.mark, lang);
        let size = name.chars().count() + value.chars().count();
        if embed_chars(&reply) + size + 120 > EMBED_BUDGET {
            break;
        }
        reply = reply.field(name, value);
        shown += 1;
    }
    if checked.len() > shown {
        let more = checked.len() - shown;
        reply = reply.field(
            t(lang, "responses-more-passages"),
            tr(lang, "responses-more-passages-count", &[("count", &more)]),
        );
    }
    reply
}

/// Whether a card shows `body` cut (too long once escaped).
pub fn cut(body: &str) -> bool {
    plain(body).chars().count() > SHOWN
}

/// A member's text as a card shows it: escaped, and cut with a note when too long.
fn shown_text(body: &str, lang: Lang) -> String {
    let escaped = plain(body);
    if !cut(body) {
        escaped
    } else {
        format!(
            "{}\n*{}*",
            truncate(&escaped, SHOWN),
            t(lang, "responses-text-cut")
        )
    }
}

/// The quote check shown before saving: the text, each passage's mark, and Save / Edit /
/// Discard.
pub fn check_card(
    pack: &Pack,
    (on, title, body): (On, &str, &str),
    checked: &[Checked<'_>],
    draft: u64,
    lang: Lang,
) -> Reply {
    let reply = Reply {
        title: Some(t(lang, "responses-check-title")),
        text: format!(
            "{}\n\n{}\n\n{}",
            heading(on, title, lang),
            shown_text(body, lang),
            t(lang, "responses-check-intro")
        ),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    let mut reply = with_marks(reply, pack, checked, lang);
    for (act, key, style) in [
        (DraftAct::Save, "button-save", ButtonStyle::Success),
        (DraftAct::Edit, "button-edit", ButtonStyle::Primary),
        (DraftAct::Discard, "button-discard", ButtonStyle::Secondary),
    ] {
        reply.buttons.push(Button {
            id: CustomId::ResponseDraft { draft, act },
            label: t(lang, key),
            style,
        });
    }
    reply
}

/// A status's name: a shipped one in the member's language, or the server's own words.
pub fn status_name(status: Option<Status>, labels: &[String], lang: Lang) -> String {
    match status {
        None => t(lang, "responses-status-waiting"),
        Some(Status::Label(n)) => labels
            .get(usize::from(n).saturating_sub(1))
            .map_or_else(|| t(lang, "responses-status-waiting"), |l| plain(l)),
        Some(s) => t(lang, &format!("responses-status-{}", s.code())),
    }
}

/// Saved: what was saved, and how it goes on (edit until reviewed, see it in `/responses mine`).
pub fn saved_card(r: &Response, edited: bool, lang: Lang) -> Reply {
    let key = if edited {
        "responses-saved-edited"
    } else {
        "responses-saved"
    };
    let mut text = format!(
        "{}\n\n{}",
        heading(r.piece.on, &r.piece.title, lang),
        t(lang, key)
    );
    if let Some(deadline) = r.piece.deadline {
        text.push_str(&format!(
            "\n{}",
            tr(
                lang,
                "responses-saved-until",
                &[("when", &format!("<t:{deadline}:f>"))]
            )
        ));
    }
    Reply {
        title: Some(t(lang, "responses-saved-title")),
        text,
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    }
}

/// One response as a member's own list shows it: its status, and the teacher's feedback once
/// released.
fn mine_field(r: &Response, labels: &[String], lang: Lang) -> (String, String) {
    let name = truncate(&heading(r.piece.on, &r.piece.title, lang), 250);
    let status = if r.released() {
        status_name(r.status, labels, lang)
    } else if r.reviewed_at.is_some() {
        t(lang, "responses-status-held")
    } else {
        t(lang, "responses-status-waiting")
    };
    let mut value = format!(
        "{} · <t:{}:d>\n> {}",
        tr(lang, "responses-status-line", &[("status", &status)]),
        r.created_at,
        truncate(&plain(&r.piece.body).replace('\n', " "), 200)
    );
    if r.released()
        && let Some(feedback) = &r.feedback
    {
        value.push_str(&format!(
            "\n{}",
            tr(
                lang,
                "responses-feedback-line",
                &[("feedback", &truncate(&plain(feedback), 500))]
            )
        ));
    }
    if r.share_asked_at.is_some() && r.shared_at.is_none() {
        value.push_str(&format!("\n{}", t(lang, "responses-share-asked")));
    } else if r.shared_at.is_some() {
        value.push_str(&format!("\n{}", t(lang, "responses-shared-line")));
    }
    (name, truncate(&value, 1024))
}

/// `/responses mine`: the member's newest responses with status and released feedback, and
/// Share buttons for those a teacher asked to share.
pub fn mine_card(responses: &[Response], labels: &[String], lang: Lang) -> Reply {
    let mut reply = Reply {
        title: Some(t(lang, "responses-mine-title")),
        text: if responses.is_empty() {
            t(lang, "responses-mine-none")
        } else {
            tr(lang, "responses-mine-count", &[("count", &responses.len())])
        },
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    for r in responses {
        let (name, value) = mine_field(r, labels, lang);
        reply = reply.field(name, value);
    }
    for r in responses
        .iter()
        .filter(|r| r.share_asked_at.is_some() && r.shared_at.is_none())
        .take(5)
    {
        reply.buttons.push(Button {
            id: CustomId::ShareConsent {
                response: r.id,
                yes: true,
            },
            label: truncate(
                &tr(
                    lang,
                    "button-share-mine",
                    &[("title", &truncate(&r.piece.title, 40))],
                ),
                80,
            ),
            style: ButtonStyle::Success,
        });
    }
    reply
}

/// The teacher's review of one response: what it answers, who wrote it and when, the text,
/// the quote check's marks, its status and the held or released feedback; buttons for a
/// status, feedback, release, sharing and the walk.
pub fn review_card(
    pack: &Pack,
    (r, checked): (&Response, &[Checked<'_>]),
    (labels, walk, at): (&[String], Walk, (Option<usize>, usize)),
    lang: Lang,
) -> Reply {
    let (position, total) = at;
    let title = match position {
        Some(position) => tr(
            lang,
            "responses-review-title",
            &[("position", &position), ("total", &total)],
        ),
        None => tr(lang, "responses-review-title-left", &[("total", &total)]),
    };
    let status = status_name(r.status, labels, lang);
    let feedback = match (&r.feedback, r.released()) {
        (None, _) => t(lang, "responses-no-feedback"),
        (Some(f), released) => format!(
            "{}\n{}",
            truncate(&plain(f), 900),
            t(
                lang,
                if released {
                    "responses-released"
                } else {
                    "responses-held"
                }
            )
        ),
    };
    let text = format!(
        "{}\n{}\n\n{}",
        heading(r.piece.on, &r.piece.title, lang),
        tr(
            lang,
            "responses-by",
            &[
                ("name", &plain(&r.piece.name)),
                ("when", &format!("<t:{}:f>", r.updated_at))
            ]
        ),
        shown_text(&r.piece.body, lang)
    );
    let reply = Reply {
        title: Some(title),
        text,
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    let reply = reply
        .field(t(lang, "responses-status"), status)
        .field(t(lang, "responses-feedback"), feedback);
    let mut reply = with_marks(reply, pack, checked, lang);
    let button = |act: ReviewAct, label: String, style: ButtonStyle| Button {
        id: CustomId::Review {
            response: r.id,
            act,
            walk,
        },
        label: truncate(&label, 80),
        style,
    };
    let mut statuses: Vec<Status> = Status::SHIPPED.to_vec();
    statuses.extend((1..=labels.len().min(2) as u8).map(Status::Label));
    for s in statuses {
        let style = if r.status == Some(s) {
            ButtonStyle::Success
        } else {
            ButtonStyle::Secondary
        };
        reply.buttons.push(button(
            ReviewAct::Status(s),
            status_name(Some(s), labels, lang),
            style,
        ));
    }
    // (shown?, what it does, its label, its style)
    let acts = [
        (
            true,
            ReviewAct::Feedback,
            "button-feedback",
            ButtonStyle::Primary,
        ),
        (
            r.reviewed_at.is_some() && !r.released(),
            ReviewAct::Release,
            "button-release",
            ButtonStyle::Success,
        ),
        (
            true,
            ReviewAct::ReleaseAll,
            "button-release-all",
            ButtonStyle::Secondary,
        ),
        (
            r.status == Some(Status::Excellent) && r.share_asked_at.is_none(),
            ReviewAct::Share,
            "button-ask-share",
            ButtonStyle::Secondary,
        ),
        (
            cut(&r.piece.body),
            ReviewAct::FullText,
            "button-full-text",
            ButtonStyle::Secondary,
        ),
        (
            true,
            ReviewAct::Previous,
            "button-previous",
            ButtonStyle::Secondary,
        ),
        (true, ReviewAct::Next, "button-next", ButtonStyle::Secondary),
    ];
    for (shown, act, key, style) in acts {
        if shown {
            reply.buttons.push(button(act, t(lang, key), style));
        }
    }
    reply
}

/// The feedback form a teacher writes in, holding what they wrote before.
pub fn feedback_form(response: i64, walk: Walk, value: Option<String>, lang: Lang) -> Modal {
    Modal {
        id: CustomId::Review {
            response,
            act: ReviewAct::FeedbackForm,
            walk,
        },
        title: truncate(&t(lang, "responses-feedback-form"), 45),
        fields: vec![Input {
            id: "feedback",
            label: truncate(&t(lang, "responses-feedback-label"), 45),
            paragraph: true,
            min_length: 0,
            max_length: 1500,
            required: false,
            value,
        }],
    }
}

/// The released verdict as its author receives it (by DM, or in `/responses mine`).
pub fn feedback_message(r: &Response, labels: &[String], lang: Lang) -> Reply {
    let mut reply = Reply {
        title: Some(t(lang, "responses-feedback-title")),
        text: format!(
            "{}\n> {}",
            heading(r.piece.on, &r.piece.title, lang),
            truncate(&plain(&r.piece.body).replace('\n', " "), 300)
        ),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    }
    .field(
        t(lang, "responses-status"),
        status_name(r.status, labels, lang),
    );
    if let Some(f) = &r.feedback {
        reply = reply.field(t(lang, "responses-feedback"), truncate(&plain(f), 1024));
    }
    if r.share_asked_at.is_some() && r.shared_at.is_none() {
        reply
            .text
            .push_str(&format!("\n\n{}", t(lang, "responses-share-asked")));
        reply.buttons.push(Button {
            id: CustomId::ShareConsent {
                response: r.id,
                yes: true,
            },
            label: t(lang, "button-share-yes"),
            style: ButtonStyle::Success,
        });
    }
    reply
}

/// A response shared in the class's thread after its author agreed: their words, as theirs.
pub fn shared_post(r: &Response, lang: Lang) -> Reply {
    Reply {
        title: Some(t(lang, "responses-shared-title")),
        text: format!(
            "{}\n{}\n\n{}",
            heading(r.piece.on, &r.piece.title, lang),
            tr(
                lang,
                "responses-shared-by",
                &[("name", &plain(&r.piece.name))]
            ),
            shown_text(&r.piece.body, lang)
        ),
        accent: Accent::Debate,
        ..Reply::default()
    }
}
