//! The commands Aura answers, their options and their names in both languages: the single list
//! that the preview parser, `/help` and (later) Discord registration read.

use crate::search::Kind;

/// What an option's autocomplete offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggest {
    Items(Kind),
    None,
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    /// The Indonesian name (Discord's `name_localizations.id`).
    pub name_id: &'static str,
    pub required: bool,
    pub suggest: Suggest,
    /// The Fluent key of its description.
    pub desc: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub name_id: &'static str,
    pub desc: &'static str,
    pub options: &'static [OptionSpec],
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        let name = name.trim().to_lowercase();
        self.options
            .iter()
            .find(|o| o.name == name || o.name_id == name)
    }
}

const fn opt(
    name: &'static str,
    name_id: &'static str,
    required: bool,
    suggest: Suggest,
    desc: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        name_id,
        required,
        suggest,
        desc,
    }
}

pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "quote",
        name_id: "kutipan",
        desc: "cmd-quote",
        options: &[
            opt(
                "topic",
                "topik",
                false,
                Suggest::Items(Kind::Concept),
                "opt-quote-topic",
            ),
            opt(
                "speaker",
                "tokoh",
                false,
                Suggest::Items(Kind::Thinker),
                "opt-quote-speaker",
            ),
        ],
    },
    CommandSpec {
        name: "concept",
        name_id: "konsep",
        desc: "cmd-concept",
        options: &[opt(
            "name",
            "nama",
            true,
            Suggest::Items(Kind::Concept),
            "opt-concept-name",
        )],
    },
    CommandSpec {
        name: "debate",
        name_id: "debat",
        desc: "cmd-debate",
        options: &[opt(
            "motion",
            "mosi",
            false,
            Suggest::Items(Kind::Motion),
            "opt-debate-motion",
        )],
    },
    CommandSpec {
        name: "section",
        name_id: "bagian",
        desc: "cmd-section",
        options: &[opt(
            "number",
            "nomor",
            true,
            Suggest::Items(Kind::Section),
            "opt-section-number",
        )],
    },
    CommandSpec {
        name: "search",
        name_id: "cari",
        desc: "cmd-search",
        options: &[opt(
            "query",
            "kueri",
            true,
            Suggest::None,
            "opt-search-query",
        )],
    },
    CommandSpec {
        name: "essay",
        name_id: "esai",
        desc: "cmd-essay",
        options: &[],
    },
    CommandSpec {
        name: "help",
        name_id: "bantuan",
        desc: "cmd-help",
        options: &[],
    },
];

/// Finds a command by its English or Indonesian name.
pub fn command(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim().trim_start_matches('/').to_lowercase();
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.name_id == name)
}
