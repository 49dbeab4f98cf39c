//! The plain reply model every command answers with; `render` turns it into Discord's body.

use crate::interaction::custom_id::CustomId;

/// A reply as the core builds it: no Discord types, no limits applied yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reply {
    pub title: Option<String>,
    pub text: String,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
    pub buttons: Vec<Button>,
    pub select: Option<Select>,
    /// Only the member who asked sees it.
    pub ephemeral: bool,
    pub accent: Accent,
    /// Pictures the reply carries, as data; `render` draws each as a PNG attachment.
    pub charts: Vec<Chart>,
    /// The study-pack entry the card shows (`quote:pack:id`, `concept:pack:id`…), for a
    /// channel's rule against showing one entry again too soon; never rendered.
    pub about: Option<String>,
}

/// A picture as the core builds it: what to draw, not how (see `render`).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The attachment's file name, e.g. `split.png`.
    pub name: String,
    /// What the picture shows in words: the attachment's description, for screen readers.
    pub alt: String,
    pub title: String,
    pub kind: ChartKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartKind {
    /// One bar per row: an answer split, a leaderboard, accuracy per concept.
    Bars(Vec<Bar>),
    /// Two bars per row side by side, e.g. a debate's opening and closing votes.
    Pairs {
        /// The names of the two bars of each row (`opening`, `closing`).
        legend: [String; 2],
        rows: Vec<Pair>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u64,
    /// Shown next to the bar, e.g. `12 · 40%`.
    pub caption: String,
    /// Drawn in the highlight colour, e.g. the correct answer.
    pub marked: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub label: String,
    pub before: u64,
    pub after: u64,
    /// Shown next to the pair, e.g. `+5`.
    pub caption: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    /// What the bot gets back when the button is clicked.
    pub id: CustomId,
    pub label: String,
    pub style: ButtonStyle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonStyle {
    Primary,
    Secondary,
    Success,
    Danger,
}

/// A menu of choices (related concepts, sections, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Select {
    pub id: CustomId,
    pub placeholder: String,
    pub options: Vec<SelectOption>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SelectOption {
    pub label: String,
    pub value: String,
    pub description: Option<String>,
}

/// The embed's colour: whose side a reply speaks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Accent {
    #[default]
    Neutral,
    Benjamin,
    Adorno,
    Debate,
    Error,
}

impl Accent {
    pub fn rgb(self) -> u32 {
        match self {
            Accent::Neutral => 0x5B6EE1,
            Accent::Benjamin => 0xC8A24A,
            Accent::Adorno => 0x4A7EC8,
            Accent::Debate => 0x8E5BC8,
            Accent::Error => 0xD9534F,
        }
    }
}

impl Reply {
    /// A short ephemeral notice (errors, confirmations).
    pub fn notice(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            ephemeral: true,
            accent: Accent::Error,
            ..Reply::default()
        }
    }

    /// The one notice for a member who lacks the right to what they asked, in their language.
    pub fn no_permission(lang: crate::pack::Lang) -> Reply {
        Reply::notice(crate::i18n::t(lang, "error-no-permission"))
    }

    /// A private reply in the plain accent (answers only the asker sees).
    pub fn private(text: impl Into<String>) -> Reply {
        Reply {
            text: text.into(),
            ephemeral: true,
            ..Reply::default()
        }
    }

    pub fn field(mut self, name: impl Into<String>, value: impl Into<String>) -> Reply {
        self.fields.push(Field {
            name: name.into(),
            value: value.into(),
            inline: false,
        });
        self
    }

    pub fn button(mut self, id: CustomId, label: impl Into<String>) -> Reply {
        self.buttons.push(Button {
            id,
            label: label.into(),
            style: ButtonStyle::Secondary,
        });
        self
    }
}
