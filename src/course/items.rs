//! A server's own items from Discord: a teacher writes one in a form (`/course add`) or
//! attaches a TOML or CSV file of them (`/course import`), sees what members will see before
//! anything is saved (Save / Discard), lists and searches them (`/course items`), deletes one
//! after confirming (`/course delete`) and takes them all as a file that imports again
//! (`/course export`). Drafts wait in memory for 15 minutes (an interaction's life); every
//! change is audited and bounded ([`ITEM_LIMITS`]). The cards are in [`super::view`].

use super::forms::{self, Heading};
use super::model::{Full, ITEM_LIMITS, ItemKind};
use super::own;
use super::view::{
    Shown, firsts, list_card, preview_card, problems, refusal_card, refused_keeping,
};
use crate::audit::{self, Action};
use crate::i18n::{choice_name, t, tr};
use crate::interaction::drafts::Drafts;
use crate::interaction::{CustomId, Invocation, Outcome};
use crate::pack::course::{Course, MAX_FILE_BYTES};
use crate::pack::{Difficulty, Lang};
use crate::reply::{Accent, ButtonStyle, Reply};
use crate::services::{Error, Services};
use crate::text::{escape_markdown, truncate};

/// A file a member attached to `/course import`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub url: String,
    pub size: u64,
}

/// What a teacher has started and not yet saved.
#[derive(Debug, Clone)]
enum Pending {
    /// A form handed out, with what the command said of its item.
    Form(Heading),
    /// Checked items waiting for Save.
    Items(Course),
    /// A deletion waiting for its confirmation.
    Delete(ItemKind, String),
}

/// Keeps what `inv`'s member started in `guild`, under the interaction's id.
fn keep(s: &Services, at: (&Invocation, u64), pending: Pending) {
    s.state::<Drafts<Pending>>().keep(at, pending);
}

/// Takes draft `id` (its server and what it holds) if `inv`'s member started it and it is
/// still fresh.
fn take(s: &Services, inv: &Invocation, id: u64) -> Option<(u64, Pending)> {
    s.state::<Drafts<Pending>>().take(inv, id)
}

/// `/course add kind: [id] [difficulty]`: the form for one item.
pub async fn add(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    kind: ItemKind,
    (id, difficulty): (Option<String>, Option<Difficulty>),
) -> Result<Outcome, Error> {
    let own = own::of(s, guild).await?;
    let id = match id.map(|i| i.trim().to_string()).filter(|i| !i.is_empty()) {
        Some(id) => id,
        None => {
            let prefix = &kind.code()[..1];
            (own.items.len() + 1..)
                .map(|n| format!("{prefix}{n}"))
                .find(|id| !own.items.iter().any(|i| i.kind == kind && &i.id == id))
                .unwrap_or_default()
        }
    };
    let head = Heading {
        kind,
        id,
        difficulty: difficulty.unwrap_or(Difficulty::Medium).code().to_string(),
        lang: inv.lang,
    };
    keep(s, (inv, guild), Pending::Form(head));
    Ok(Outcome::Modal(forms::modal(kind, inv.id, inv.lang)))
}

/// A submitted form: refused with every problem and what was typed quoted back, or shown as
/// members will see it with Save and Discard.
pub async fn submitted(
    s: &Services,
    inv: &Invocation,
    draft: u64,
    values: &[(String, String)],
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let typed = forms::typed_back(values);
    let kept = take(s, inv, draft);
    let Some((guild, Pending::Form(head))) = kept else {
        return Ok(refused_keeping(lang, t(lang, "course-draft-gone"), &typed).into());
    };
    let course = match forms::item(&s.core, &head, values) {
        Ok(course) => course,
        Err(u) => {
            let why = tr(
                lang,
                u.key,
                &[("typed", &escape_markdown(&truncate(&u.typed, 200)))],
            );
            return Ok(refused_keeping(lang, why, &typed).into());
        }
    };
    let Some(pack) = s.core.library.packs.first() else {
        return Ok(Outcome::notice(t(lang, "quiz-no-questions")));
    };
    match crate::pack::course::check(pack, "form", &course.to_toml()) {
        Ok(course) => Ok(preview(s, (inv, guild), course, None).await?),
        Err(report) => {
            let lines = problems(&report, false);
            let why = format!("{}\n{}", t(lang, "course-form-refused"), lines.join("\n"));
            Ok(refused_keeping(lang, why, &typed).into())
        }
    }
}

/// `/course import file:`: the attached file checked whole, then previewed; nothing is saved
/// unless every item is valid and the teacher presses Save.
pub async fn import(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    upload: Upload,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    // Shown as code: Discord's file names hold no backtick, and none is let through.
    let name = format!("`{}`", truncate(&upload.name.replace('`', "'"), 80));
    let lower = upload.name.to_ascii_lowercase();
    if !(lower.ends_with(".toml") || lower.ends_with(".csv")) {
        return Ok(Outcome::notice(tr(
            lang,
            "course-import-kind",
            &[("file", &name)],
        )));
    }
    let kib = MAX_FILE_BYTES / 1024;
    if upload.size > MAX_FILE_BYTES as u64 {
        return Ok(Outcome::notice(tr(
            lang,
            "course-import-too-large",
            &[("file", &name), ("kib", &kib)],
        )));
    }
    let bytes = match s.outbox.download(&upload.url, MAX_FILE_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::info!(error = %e, "an imported file could not be read");
            let key = match e {
                crate::outbox::OutboxError::Refused { status: 413, .. } => {
                    "course-import-too-large"
                }
                _ => "course-import-unreadable",
            };
            return Ok(Outcome::notice(tr(
                lang,
                key,
                &[("file", &name), ("kib", &kib)],
            )));
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(Outcome::notice(tr(
            lang,
            "course-import-not-text",
            &[("file", &name)],
        )));
    };
    let Some(pack) = s.core.library.packs.first() else {
        return Ok(Outcome::notice(t(lang, "quiz-no-questions")));
    };
    match crate::pack::course::check(pack, &upload.name, &text) {
        Ok(course) => preview(s, (inv, guild), course, Some(&name)).await,
        Err(report) => Ok(refusal_card(&name, &report, lang).into()),
    }
}

/// Checked items shown before they are saved: the first ones as members will see them, with
/// Save and Discard.
async fn preview(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    course: Course,
    file: Option<&str>,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let own = own::of(s, guild).await?;
    let replaced = course
        .questions
        .iter()
        .map(|q| (ItemKind::Question, q.id.as_str()))
        .chain(
            course
                .prompts
                .iter()
                .map(|p| (ItemKind::Prompt, p.id.as_str())),
        )
        .chain(
            course
                .motions
                .iter()
                .map(|m| (ItemKind::Motion, m.id.as_str())),
        )
        .filter(|(k, id)| own.item(*k, id).is_some())
        .count();
    let shown = Shown {
        now: s.clock.unix(),
        label: own.label.as_deref(),
        lang,
    };
    let reply = preview_card(&course, (file, replaced), &shown);
    keep(s, (inv, guild), Pending::Items(course));
    Ok(with_choice(reply, inv.id, lang, "button-save").into())
}

/// Save (or Delete) and Discard under a draft's card.
fn with_choice(mut reply: Reply, draft: u64, lang: Lang, save: &str) -> Reply {
    reply.buttons.clear();
    reply.buttons.push(crate::reply::Button {
        id: CustomId::CourseDraft {
            draft,
            confirm: true,
        },
        label: t(lang, save),
        style: ButtonStyle::Success,
    });
    reply.button(
        CustomId::CourseDraft {
            draft,
            confirm: false,
        },
        t(lang, "button-discard"),
    )
}

/// Save or Discard on a draft: the items saved (all or none, within the bounds), or the item
/// deleted; the card is replaced by what happened.
pub async fn confirm(
    s: &Services,
    inv: &Invocation,
    (draft, save): (u64, bool),
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some((guild, pending)) = take(s, inv, draft) else {
        return Ok(Outcome::notice(t(lang, "course-draft-gone")));
    };
    if !save {
        return Ok(Outcome::Update(Reply::private(t(lang, "course-discarded"))));
    }
    let now = s.clock.unix();
    let text = match pending {
        Pending::Form(_) => t(lang, "course-draft-gone"),
        Pending::Items(course) => {
            let rows = rows(&course);
            match s
                .store
                .put_own_items((guild, inv.user, now), &rows, ITEM_LIMITS)
                .await?
            {
                Ok(new) => {
                    own::forget(s, guild);
                    audit::record(
                        s,
                        guild,
                        inv.user,
                        Action::OwnItemsSaved { count: rows.len() },
                    )
                    .await;
                    tr(
                        lang,
                        "course-saved",
                        &[("count", &rows.len()), ("new", &new)],
                    )
                }
                Err(Full::Server(n)) => tr(
                    lang,
                    "course-full-server",
                    &[
                        ("count", &(n as usize)),
                        ("limit", &(ITEM_LIMITS.server as usize)),
                    ],
                ),
                Err(Full::Member(n)) => tr(
                    lang,
                    "course-full-member",
                    &[
                        ("count", &(n as usize)),
                        ("limit", &(ITEM_LIMITS.member as usize)),
                    ],
                ),
            }
        }
        Pending::Delete(kind, id) => {
            if s.store.delete_own_item(guild, (kind, &id), now).await? {
                own::forget(s, guild);
                let item = format!("{}:{id}", kind.code());
                audit::record(s, guild, inv.user, Action::OwnItemDeleted { item }).await;
                tr(lang, "course-deleted", &[("item", &format!("`{id}`"))])
            } else {
                tr(lang, "course-no-own-item", &[("item", &format!("`{id}`"))])
            }
        }
    };
    Ok(Outcome::Update(Reply::private(text)))
}

/// Each item of a checked file as the store keeps it: its kind, id and TOML.
fn rows(course: &Course) -> Vec<(ItemKind, String, String)> {
    fn body<T: serde::Serialize>(item: &T) -> String {
        toml::to_string(item).unwrap_or_default()
    }
    let questions = course.questions.iter();
    let prompts = course.prompts.iter();
    let motions = course.motions.iter();
    questions
        .map(|q| (ItemKind::Question, q.id.clone(), body(q)))
        .chain(prompts.map(|p| (ItemKind::Prompt, p.id.clone(), body(p))))
        .chain(motions.map(|m| (ItemKind::Motion, m.id.clone(), body(m))))
        .collect()
}

/// `/course export`: the server's items as a TOML file that imports again unchanged.
pub async fn export(s: &Services, guild: u64, lang: Lang) -> Result<Outcome, Error> {
    let own = own::of(s, guild).await?;
    let course = own.course();
    if course.is_empty() {
        return Ok(Outcome::notice(t(lang, "course-none-yet")));
    }
    let text = format!(
        "{}\n\n{}",
        t(lang, "course-export-header")
            .lines()
            .map(|l| format!("# {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
        course.to_toml()
    );
    Ok(Outcome::File {
        reply: Reply::private(tr(lang, "course-exported", &[("count", &course.len())])),
        name: "course.toml".into(),
        bytes: text.into_bytes(),
    })
}

/// `/course items [search]`: the server's items by kind, with when and by whom each was
/// written, narrowed to those whose id or words hold `search`.
pub async fn list(
    s: &Services,
    guild: u64,
    lang: Lang,
    search: Option<&str>,
) -> Result<Reply, Error> {
    Ok(list_card(&*own::of(s, guild).await?, search, lang))
}

/// `/course delete item:`: the item shown with Delete and Cancel.
pub async fn delete(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    item: &str,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let own = own::of(s, guild).await?;
    let wanted = item.trim();
    let (kind, id) = match wanted.split_once(':') {
        Some((k, id)) => (ItemKind::parse(k), id),
        None => (None, wanted),
    };
    let found: Vec<_> = own
        .live()
        .filter(|i| i.id == id && kind.is_none_or(|k| k == i.kind))
        .collect();
    let [found] = found.as_slice() else {
        let typed = escape_markdown(&truncate(wanted, 100));
        return Ok(Outcome::notice(tr(
            lang,
            "course-no-own-item",
            &[("item", &typed)],
        )));
    };
    let shown = firsts(&own.course(), lang, own.label.as_deref())
        .into_iter()
        .find(|(k, i, _)| *k == found.kind && *i == found.id)
        .map(|(_, _, text)| text)
        .unwrap_or_default();
    let reply = Reply {
        title: Some(tr(
            lang,
            "course-delete-title",
            &[(
                "item",
                &format!("{} {}", choice_name(found.kind, lang), found.id),
            )],
        )),
        text: truncate(&shown, 1500),
        ephemeral: true,
        accent: Accent::Error,
        ..Reply::default()
    };
    keep(
        s,
        (inv, guild),
        Pending::Delete(found.kind, found.id.clone()),
    );
    Ok(with_choice(reply, inv.id, lang, "button-delete-item").into())
}

/// `/course label [text]`: how the server's teachers' items are marked — the server's own
/// wording (at most [`MAX_LABEL`](super::model::MAX_LABEL) characters), or the default again
/// (`text:default`); without `text`, how they are marked now.
pub async fn label(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    text: Option<&str>,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let typed = text.map(str::trim).filter(|t| !t.is_empty());
    let wording = match typed {
        None => s.store.course_label(guild).await?,
        Some(t) if ["default", "bawaan"].contains(&t.to_lowercase().as_str()) => {
            s.store.set_course_label(guild, None).await?;
            None
        }
        Some(t) if t.chars().count() > super::model::MAX_LABEL => {
            let max = super::model::MAX_LABEL;
            let why = tr(lang, "course-label-too-long", &[("max", &max)]);
            return Ok(refused_keeping(lang, why, t).into());
        }
        Some(t) => {
            s.store.set_course_label(guild, Some(t.to_string())).await?;
            Some(t.to_string())
        }
    };
    if typed.is_some() {
        own::forget(s, guild);
        audit::record(s, guild, inv.user, Action::CourseLabel).await;
    }
    let shown = super::model::teacher_label(wording.as_deref(), lang);
    Ok(Reply::private(tr(lang, "course-label-now", &[("label", &shown)])).into())
}

/// `/course delete item:`'s choices (and `/debate start motion:`'s, with `only`): the server's
/// items (of kind `only`) whose id or words hold what was typed.
pub async fn suggestions(
    s: &Services,
    (guild, only): (u64, Option<ItemKind>),
    partial: &str,
    lang: Lang,
) -> Vec<(String, String)> {
    let Ok(own) = own::of(s, guild).await else {
        return Vec::new();
    };
    let folded = crate::text::normalize(partial);
    firsts(&own.course(), lang, own.label.as_deref())
        .into_iter()
        .filter(|(kind, _, _)| only.is_none_or(|k| k == *kind))
        .filter(|(_, id, text)| {
            folded.is_empty()
                || id.contains(&folded)
                || crate::text::normalize(text).contains(&folded)
        })
        .take(25)
        .map(|(kind, id, text)| {
            let words = text.lines().nth(1).unwrap_or("").to_string();
            let name = format!("{} · {id} · {words}", choice_name(kind, lang));
            (truncate(&name, 100), format!("{}:{id}", kind.code()))
        })
        .collect()
}
