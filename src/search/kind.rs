//! What a searchable entry is: a concept, a quote, a motion, a section, a thinker, a page of
//! facts or a misconception.

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Concept,
    Quote,
    Motion,
    Section,
    Thinker,
    /// A page of facts about the work: its titles, versions, publication history, the letter.
    Page,
    /// A common misconception or an error of the seed summary, with its correction.
    Myth,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Concept,
        Kind::Quote,
        Kind::Motion,
        Kind::Section,
        Kind::Thinker,
        Kind::Page,
        Kind::Myth,
    ];
}
