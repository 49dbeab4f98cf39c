//! Writing a response: the Respond button under a daily prompt or motion, a point of the
//! letter, a debate's motion or a homework's hardest question opens the form (holding the
//! member's earlier text while it is still theirs to change); what they submit is checked for
//! quotations and, when it quotes, shown with the marks before it is saved (Save / Edit /
//! Discard). Nothing typed is lost: a refusal quotes it back.

use super::model::{DraftAct, On, PROMPT_OPEN, Piece, Saved};
use super::{quote_check, view};
use crate::i18n::{t, tr};
use crate::interaction::drafts::Drafts;
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};
use crate::text::truncate;

/// What a response answers, as the member reads it now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub title: String,
    /// When responses to it close (none: until reviewed).
    pub deadline: Option<i64>,
    /// Where a response shared with its author's consent goes: the post's thread, the
    /// debate's or the assignment's channel, or where the button was.
    pub share_to: u64,
}

/// What `on` asks in server `guild`, pressed in `channel`; `None` when it is gone.
pub async fn about(
    s: &Services,
    (guild, channel): (u64, u64),
    on: On,
    lang: Lang,
) -> Result<Option<About>, Error> {
    let library = &s.core.library;
    Ok(match on {
        On::Prompt { schedule, date } => {
            let schedules = s.store.schedules(Some(guild)).await?;
            let Some(sc) = schedules.into_iter().find(|x| x.id == schedule) else {
                return Ok(None);
            };
            let date = On::date_text(date);
            let Some((item, message, posted_at)) = s.store.daily_post(schedule, &date).await?
            else {
                return Ok(None);
            };
            let text =
                crate::daily::runner::item_text(&s.core, &s.store, &sc, (&item, lang)).await?;
            let share_to = match (sc.thread, message) {
                (true, Some(m)) => m,
                _ => sc.channel,
            };
            text.map(|title| About {
                title,
                deadline: Some(posted_at + PROMPT_OPEN),
                share_to,
            })
        }
        On::Letter { point } => {
            let found = library.packs.iter().find_map(|p| {
                let letter = p.letter.as_ref()?;
                let pt = letter.point.get(usize::from(point).checked_sub(1)?)?;
                Some(format!(
                    "{} ({})",
                    pt.title.get(lang),
                    letter.title.get(lang)
                ))
            });
            found.map(|title| About {
                title,
                deadline: None,
                share_to: channel,
            })
        }
        On::Motion { debate } => {
            let Some(d) = s.store.debate(debate).await? else {
                return Ok(None);
            };
            d.motion_in(library).map(|(_, m)| About {
                title: m.motion.get(lang).to_string(),
                deadline: None,
                share_to: d.room(),
            })
        }
        On::Homework { homework } => {
            let Some(a) = s.store.homework(homework).await? else {
                return Ok(None);
            };
            let summary = crate::quiz::homework::close::summary_of(s, &a).await?;
            let own = crate::quiz::homework::own_questions(s, &a).await;
            let bank = (s.core.as_ref(), own.asked.as_slice());
            let hardest = summary
                .hardest
                .and_then(|h| a.question(bank, h.number).map(|(q, _)| (h.number, q)));
            hardest.map(|(n, q)| About {
                title: tr(
                    lang,
                    "responses-homework-title",
                    &[
                        ("number", &a.number.to_string()),
                        ("question", &n.to_string()),
                        ("prompt", &q.prompt.get(lang).to_string()),
                    ],
                ),
                deadline: Some(a.due_at),
                share_to: a.channel,
            })
        }
    })
}

/// A private notice that quotes back what the member typed, so nothing is lost.
fn refused_keeping(lang: Lang, why: String, typed: &str) -> Outcome {
    let mut text = why;
    if !typed.trim().is_empty() {
        text.push_str(&format!(
            "\n\n{}\n```\n{}\n```",
            t(lang, "responses-typed-back"),
            truncate(&typed.replace("```", "'''"), 3500)
        ));
    }
    Outcome::Reply(Reply::notice(text))
}

/// The Respond button: the form, holding the member's earlier text while they may change it.
pub async fn respond(s: &Services, inv: &Invocation, on: On) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in("responses", lang);
        return Ok(Outcome::notice(tr(
            lang,
            "error-server-only",
            &[("command", &path)],
        )));
    };
    let now = s.clock.unix();
    let Some(about) = about(s, (guild, inv.channel), on, lang).await? else {
        return Ok(Outcome::notice(t(lang, "responses-gone")));
    };
    let mine = s.store.member_response(guild, on, inv.user).await?;
    if let Some(r) = &mine
        && r.reviewed_at.is_some()
    {
        return Ok(Outcome::notice(t(lang, "responses-reviewed")));
    }
    let deadline = mine.as_ref().map_or(about.deadline, |r| r.piece.deadline);
    if deadline.is_some_and(|d| now >= d) {
        return Ok(Outcome::notice(t(lang, "responses-past-deadline")));
    }
    let value = mine.map(|r| r.piece.body);
    Ok(Outcome::Modal(view::form(on, &about.title, value, lang)))
}

/// The form submitted: saved at once when it quotes nothing, otherwise checked and shown with
/// its marks before Save.
pub async fn submitted(
    s: &Services,
    inv: &Invocation,
    on: On,
    values: &[(String, String)],
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let body = values
        .iter()
        .find(|(k, _)| k == "text")
        .map_or("", |(_, v)| v.trim())
        .to_string();
    let Some(guild) = inv.guild else {
        return Ok(refused_keeping(lang, t(lang, "responses-gone"), &body));
    };
    if body.is_empty() {
        return Ok(Outcome::notice(t(lang, "responses-empty")));
    }
    if body.chars().count() > super::model::MAX_TEXT {
        let why = tr(
            lang,
            "responses-too-long",
            &[("limit", &super::model::MAX_TEXT)],
        );
        return Ok(refused_keeping(lang, why, &body));
    }
    let Some(about) = about(s, (guild, inv.channel), on, lang).await? else {
        return Ok(refused_keeping(lang, t(lang, "responses-gone"), &body));
    };
    let draft = Piece {
        guild,
        channel: inv.channel,
        on,
        title: about.title,
        user: inv.user,
        name: inv.name.clone(),
        lang,
        body,
        deadline: about.deadline,
    };
    let Some(pack) = s.core.library.packs.first() else {
        return save(s, inv, draft, false).await;
    };
    let checked = quote_check::check(pack, &draft.body);
    if checked.is_empty() {
        return save(s, inv, draft, false).await;
    }
    let card = view::check_card(
        pack,
        (on, &draft.title, &draft.body),
        &checked,
        inv.id,
        lang,
    );
    s.state::<Drafts<Piece>>().keep((inv, guild), draft);
    Ok(card.into())
}

/// Save, Edit or Discard under the quote check.
pub async fn draft_act(
    s: &Services,
    inv: &Invocation,
    (draft, act): (u64, DraftAct),
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some((_, d)) = s.state::<Drafts<Piece>>().take(inv, draft) else {
        return Ok(Outcome::notice(t(lang, "responses-draft-gone")));
    };
    match act {
        DraftAct::Save => save(s, inv, d, true).await,
        DraftAct::Edit => Ok(Outcome::Modal(view::form(
            d.on,
            &d.title,
            Some(d.body),
            lang,
        ))),
        DraftAct::Discard => Ok(Outcome::Update(Reply::private(t(
            lang,
            "responses-discarded",
        )))),
    }
}

/// Stores a response (replacing the member's earlier one while it is theirs to change).
async fn save(s: &Services, inv: &Invocation, d: Piece, update: bool) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let now = s.clock.unix();
    let reply = match s.store.put_response(&d, now).await? {
        Saved::Saved { id, edited } => match s.store.response(id).await? {
            Some(r) => view::saved_card(&r, edited, lang),
            None => Reply::notice(t(lang, "responses-gone")),
        },
        Saved::Closed => {
            let why = t(lang, "responses-reviewed");
            return Ok(refused_keeping(lang, why, &d.body));
        }
        Saved::TooMany => {
            let why = tr(
                lang,
                "responses-too-many",
                &[("limit", &(super::model::PER_DAY as usize))],
            );
            return Ok(refused_keeping(lang, why, &d.body));
        }
    };
    tracing::debug!(guild = d.guild, kind = d.on.kind(), "a response saved");
    Ok(if update {
        Outcome::Update(reply)
    } else {
        Outcome::Reply(reply)
    })
}
