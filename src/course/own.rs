//! A server's own items as the features draw them: read from the store, parsed once and kept
//! for 30 seconds per server (forgotten at once when its teachers change them in this
//! process), the questions labelled as the teacher's and their texts escaped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::course::model::{ItemKind, OwnItem};
use crate::pack::course::{self, Course};
use crate::pack::{Motion, Prompt, Question, QuizQuestion};
use crate::services::Services;
use crate::store::StoreError;

/// How long a server's items are kept before they are read again.
const KEPT: Duration = Duration::from_secs(30);

/// A server's own items.
#[derive(Debug, Default)]
pub struct Own {
    /// As stored (live and deleted), oldest first.
    pub items: Vec<OwnItem>,
    /// The live questions, as rounds ask them.
    pub questions: Vec<QuizQuestion>,
    /// Every question ever stored and not yet pruned (an assignment may have asked one since
    /// deleted).
    pub asked: Vec<QuizQuestion>,
    pub prompts: Vec<Prompt>,
    pub motions: Vec<Motion>,
    /// The server's own wording of the mark on them (none: the default).
    pub label: Option<String>,
}

impl Own {
    /// Parses stored items; one the pack's rules no longer take (a section renamed) is left
    /// out with a warning.
    pub fn of_items(items: Vec<OwnItem>, label: Option<String>) -> Own {
        let mut own = Own {
            label: label.clone(),
            ..Own::default()
        };
        for item in &items {
            let failed = match item.kind {
                ItemKind::Question => toml::from_str::<Question>(&item.body)
                    .ok()
                    .and_then(|q| course::quiz_question(&q))
                    .map(|mut q| {
                        q.label.clone_from(&label);
                        if !item.deleted {
                            own.questions.push(q.clone());
                        }
                        own.asked.push(q);
                    })
                    .is_none(),
                ItemKind::Prompt if item.deleted => false,
                ItemKind::Prompt => toml::from_str::<Prompt>(&item.body)
                    .map(|p| own.prompts.push(p))
                    .is_err(),
                ItemKind::Motion if item.deleted => false,
                ItemKind::Motion => toml::from_str::<Motion>(&item.body)
                    .map(|m| own.motions.push(m))
                    .is_err(),
            };
            if failed {
                tracing::warn!(kind = item.kind.code(), id = %item.id, "a stored item no longer reads");
            }
        }
        own.items = items;
        own
    }

    /// The live items as one file, as they were checked (what `/course export` gives).
    pub fn course(&self) -> Course {
        let live = self.items.iter().filter(|i| !i.deleted);
        let mut course = Course::default();
        for item in live {
            match item.kind {
                ItemKind::Question => course.questions.extend(toml::from_str(&item.body).ok()),
                ItemKind::Prompt => course.prompts.extend(toml::from_str(&item.body).ok()),
                ItemKind::Motion => course.motions.extend(toml::from_str(&item.body).ok()),
            }
        }
        course
    }

    /// The live item of `kind` with the teacher's `id`.
    pub fn item(&self, kind: ItemKind, id: &str) -> Option<&OwnItem> {
        self.items
            .iter()
            .find(|i| !i.deleted && i.kind == kind && i.id == id)
    }

    /// The ids (as drawn beside the pack's: [`course::own_id`]) of the live prompts or
    /// motions (`kind`), or questions.
    pub fn ids(&self, kind: ItemKind) -> Vec<String> {
        match kind {
            ItemKind::Question => self.questions.iter().map(|q| q.id.clone()).collect(),
            ItemKind::Prompt => self.prompts.iter().map(|p| course::own_id(&p.id)).collect(),
            ItemKind::Motion => self.motions.iter().map(|m| course::own_id(&m.id)).collect(),
        }
    }

    pub fn live(&self) -> impl Iterator<Item = &OwnItem> {
        self.items.iter().filter(|i| !i.deleted)
    }
}

#[derive(Default)]
struct Kept(Mutex<HashMap<u64, (Instant, Arc<Own>)>>);

/// Server `guild`'s own items (read again after [`KEPT`], or after [`forget`]).
pub async fn of(s: &Services, guild: u64) -> Result<Arc<Own>, StoreError> {
    let kept = s.state::<Kept>();
    if let Ok(map) = kept.0.lock()
        && let Some((at, own)) = map.get(&guild)
        && at.elapsed() < KEPT
    {
        return Ok(own.clone());
    }
    let items = s.store.own_items(guild, true).await?;
    let own = Arc::new(Own::of_items(items, s.store.course_label(guild).await?));
    if let Ok(mut map) = kept.0.lock() {
        map.retain(|_, (at, _)| at.elapsed() < KEPT);
        map.insert(guild, (Instant::now(), own.clone()));
    }
    Ok(own)
}

/// Forgets what is kept of server `guild`'s items (its teachers changed them).
pub fn forget(s: &Services, guild: u64) {
    if let Ok(mut map) = s.state::<Kept>().0.lock() {
        map.remove(&guild);
    }
}
