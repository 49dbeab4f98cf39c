//! The plain values of a server's course: the shipped items it hides from its class.

use std::collections::HashSet;

use crate::catalog::choice::{self, Choice as _, Names};

/// A kind of item a server can hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Question,
    Prompt,
    Motion,
}

impl ItemKind {
    pub fn code(self) -> &'static str {
        self.names().en
    }

    pub fn parse(s: &str) -> Option<ItemKind> {
        choice::parse(s)
    }
}

impl choice::Choice for ItemKind {
    const CHOICES: &'static [ItemKind] = &[ItemKind::Question, ItemKind::Prompt, ItemKind::Motion];
    fn names(self) -> Names {
        match self {
            ItemKind::Question => Names::new("question", "soal"),
            ItemKind::Prompt => Names::new("prompt", "diskusi"),
            ItemKind::Motion => Names::new("motion", "mosi"),
        }
    }
}

/// The items a server hides: `(kind, "pack:id")`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(pub HashSet<(ItemKind, String)>);

impl Hidden {
    /// Whether the server hides item `id` of `pack`.
    pub fn hides(&self, kind: ItemKind, pack: &str, id: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&(kind, format!("{pack}:{id}")))
    }

    /// The ids of `pack`'s items of `kind` the server hides.
    pub fn ids(&self, kind: ItemKind, pack: &str) -> Vec<String> {
        let prefix = format!("{pack}:");
        let mut ids: Vec<String> = self
            .0
            .iter()
            .filter(|(k, _)| *k == kind)
            .filter_map(|(_, item)| item.strip_prefix(&prefix).map(String::from))
            .collect();
        ids.sort();
        ids
    }
}
