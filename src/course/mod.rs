//! The teacher's course: what a server's class sees of the shipped study pack. Teachers
//! (Manage Messages from a role, as for the server's other teaching powers) hide a question
//! the class has not reached, a prompt or a motion (`/course hide`), show it again (`/course
//! show`) and list what is hidden (`/course hidden`); every change is audited. A hidden item
//! is never drawn: not for quiz rounds, homework, practice, daily posts or a debate's motion
//! (the features read [`model::Hidden`] from the store where they draw). The reading plan
//! ([`plan`]) says what the class reads each week. Teachers add the server's own questions,
//! prompts and motions ([`items`], by form or file; kept in [`own`]), which rounds, homework,
//! practice, daily posts and debates draw beside the pack's, labelled as the teacher's.

pub mod forms;
pub mod items;
pub mod model;
pub mod own;
pub mod plan;
pub mod view;

use crate::audit::{self, Action};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::{Lang, Pack};
use crate::reply::Reply;
use crate::services::{Error, Services};
use crate::text::{normalize, truncate};
use model::{Hidden, ItemKind};

/// A `/course` subcommand.
#[derive(Debug, Clone)]
pub enum CourseCommand {
    Hide {
        item: String,
    },
    Show {
        item: String,
    },
    Hidden,
    Plan(plan::PlanArgs),
    /// One of the server's own items, written in a form.
    Add {
        kind: ItemKind,
        id: Option<String>,
        difficulty: Option<crate::pack::Difficulty>,
    },
    /// The server's own items from an attached file.
    Import(items::Upload),
    Export,
    Items {
        search: Option<String>,
    },
    Delete {
        item: String,
    },
    /// The server's wording of the mark on its teachers' items.
    Label {
        text: Option<String>,
    },
}

/// One shipped item: its kind, pack, id and text in `lang`.
struct Item<'a> {
    kind: ItemKind,
    pack: &'a Pack,
    id: &'a str,
    text: &'a str,
}

impl Item<'_> {
    /// `kind:pack:id`: the autocomplete's value, and how a teacher may name it.
    fn value(&self) -> String {
        format!("{}:{}:{}", self.kind.code(), self.pack.id, self.id)
    }
}

/// Every question, prompt and motion of the library, with its text in `lang`.
fn items(core: &Core, lang: Lang) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for pack in &core.library.packs {
        for q in &pack.questions {
            let (kind, id, text) = (ItemKind::Question, q.id.as_str(), q.prompt.get(lang));
            out.push(Item {
                kind,
                pack,
                id,
                text,
            });
        }
        for p in &pack.prompts {
            let (kind, id, text) = (ItemKind::Prompt, p.id.as_str(), p.text.get(lang));
            out.push(Item {
                kind,
                pack,
                id,
                text,
            });
        }
        for m in &pack.motions {
            let (kind, id, text) = (ItemKind::Motion, m.id.as_str(), m.motion.get(lang));
            out.push(Item {
                kind,
                pack,
                id,
                text,
            });
        }
    }
    out
}

/// The item a teacher named: its value (`question:benjamin:q-aura-1`), its id alone, or words
/// of its text when only one item holds them.
fn find<'a>(core: &'a Core, lang: Lang, input: &str) -> Option<Item<'a>> {
    let wanted = input.trim();
    let mut all = items(core, lang);
    if let Some(at) = all
        .iter()
        .position(|i| i.value() == wanted || i.id == wanted)
    {
        return Some(all.swap_remove(at));
    }
    let folded = normalize(wanted);
    let mut matching: Vec<Item<'a>> = all
        .into_iter()
        .filter(|i| !folded.is_empty() && normalize(i.text).contains(&folded))
        .collect();
    (matching.len() == 1).then(|| matching.remove(0))
}

/// `/course hide|show item:`'s choices: every question, prompt and motion whose id or text
/// holds what the teacher typed (at most 25), shown with its kind and text.
pub fn suggestions(core: &Core, partial: &str, lang: Lang) -> Vec<(String, String)> {
    let folded = normalize(partial);
    items(core, lang)
        .into_iter()
        .filter(|i| {
            folded.is_empty() || i.id.contains(&folded) || normalize(i.text).contains(&folded)
        })
        .take(25)
        .map(|i| {
            let kind = crate::i18n::choice_name(i.kind, lang);
            (truncate(&format!("{kind} · {}", i.text), 100), i.value())
        })
        .filter(|(_, value)| value.chars().count() <= 100)
        .collect()
}

/// Runs a `/course` subcommand: teachers of the server, in a server, answered privately.
pub async fn command(s: &Services, inv: &Invocation, cmd: CourseCommand) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in("course", lang);
        return Ok(Reply::notice(tr(lang, "error-server-only", &[("command", &path)])).into());
    };
    if !crate::quiz::access::moderates_server(s, inv).await {
        return Ok(Reply::no_permission(lang).into());
    }
    let (item, hide) = match cmd {
        CourseCommand::Hidden => {
            let hidden = s.store.hidden_items(guild).await?;
            return Ok(hidden_card(&s.core, &hidden, lang).into());
        }
        CourseCommand::Plan(args) => return plan::command(s, (inv, guild), args).await,
        CourseCommand::Add {
            kind,
            id,
            difficulty,
        } => return items::add(s, (inv, guild), kind, (id, difficulty)).await,
        CourseCommand::Import(upload) => return items::import(s, (inv, guild), upload).await,
        CourseCommand::Export => return items::export(s, guild, lang).await,
        CourseCommand::Items { search } => {
            return Ok(items::list(s, guild, lang, search.as_deref()).await?.into());
        }
        CourseCommand::Delete { item } => return items::delete(s, (inv, guild), &item).await,
        CourseCommand::Label { text } => {
            return items::label(s, (inv, guild), text.as_deref()).await;
        }
        CourseCommand::Hide { item } => (item, true),
        CourseCommand::Show { item } => (item, false),
    };
    let Some(found) = find(&s.core, lang, &item) else {
        let typed = crate::text::escape_markdown(&truncate(item.trim(), 100));
        return Ok(Reply::notice(tr(lang, "course-no-such-item", &[("item", &typed)])).into());
    };
    let key = format!("{}:{}", found.pack.id, found.id);
    let by = hide.then(|| (inv.user, s.clock.unix()));
    let changed = s.store.set_hidden(guild, (found.kind, &key), by).await?;
    if changed {
        let action = Action::CourseItem {
            item: found.value(),
            hidden: hide,
        };
        audit::record(s, guild, inv.user, action).await;
    }
    let key = match (hide, changed) {
        (true, true) => "course-hidden-now",
        (true, false) => "course-hidden-already",
        (false, true) => "course-shown-now",
        (false, false) => "course-shown-already",
    };
    let kind = crate::i18n::choice_name(found.kind, lang);
    let text = tr(
        lang,
        key,
        &[
            ("kind", &kind.to_string()),
            ("item", &format!("`{}`", found.id)),
            ("text", &truncate(found.text, 200)),
        ],
    );
    Ok(Outcome::Reply(Reply::private(text)))
}

/// What the server hides, by kind: each item's id and the start of its text.
pub fn hidden_card(core: &Core, hidden: &Hidden, lang: Lang) -> Reply {
    let mut reply = Reply {
        title: Some(t(lang, "course-hidden-title")),
        text: if hidden.0.is_empty() {
            t(lang, "course-hidden-none")
        } else {
            tr(lang, "course-hidden-count", &[("count", &hidden.0.len())])
        },
        ephemeral: true,
        ..Reply::default()
    };
    let all = items(core, lang);
    for kind in [ItemKind::Question, ItemKind::Prompt, ItemKind::Motion] {
        let lines: Vec<String> = all
            .iter()
            .filter(|i| i.kind == kind && hidden.hides(kind, &i.pack.id, i.id))
            .map(|i| format!("`{}` — {}", i.id, truncate(i.text, 80)))
            .collect();
        let name = t(lang, &format!("course-hidden-{}", kind.code()));
        for (title, value) in crate::cards::whole_lines(&name, &lines, 8) {
            reply = reply.field(title, value);
        }
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_found_by_its_value_its_id_or_its_own_words() {
        let core = Core::for_tests();
        let pack = &core.library.packs[0];
        let q = &pack.questions[0];
        let value = format!("question:{}:{}", pack.id, q.id);
        assert_eq!(
            find(&core, Lang::En, &value).map(|i| i.value()),
            Some(value.clone())
        );
        assert_eq!(find(&core, Lang::En, &q.id).map(|i| i.value()), Some(value));
        let m = &pack.motions[0];
        let words = m.motion.get(Lang::En);
        assert_eq!(
            find(&core, Lang::En, words).map(|i| i.id),
            Some(m.id.as_str())
        );
        assert!(find(&core, Lang::En, "no such thing at all").is_none());
        let chosen = suggestions(&core, "", Lang::Id);
        assert!(chosen.len() <= 25 && !chosen.is_empty());
        assert!(
            chosen
                .iter()
                .all(|(n, v)| n.chars().count() <= 100 && v.chars().count() <= 100)
        );
    }
}
