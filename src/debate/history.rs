//! `/debate history`: the channel's past and running debates, newest first, with their motion,
//! date, format and result (a quick vote's tally; a class debate's winner and shift).

use super::class::{Verdict, verdict};
use super::{Debate, Format, Tally};
use crate::debate::view::class as view;
use crate::interaction::{Invocation, Outcome};
use crate::services::{Error, Services};

/// How many debates the list shows.
pub const SHOWN: u32 = 10;

/// What a past debate came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Came {
    /// Still open.
    Open,
    /// A quick vote's tally.
    Tally(Tally),
    /// A class debate's two votes.
    Verdict(Verdict),
}

/// One line of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub debate: Debate,
    pub came: Came,
}

pub async fn list(s: &Services, inv: &Invocation) -> Result<Outcome, Error> {
    let mut entries = Vec::new();
    for d in s.store.debates_in(inv.channel, SHOWN).await? {
        if d.guild != inv.guild {
            continue;
        }
        let came = match (d.closed_at, d.format) {
            (None, _) => Came::Open,
            (Some(_), Format::Quick) => Came::Tally(s.store.tally(d.id).await?),
            (Some(_), Format::Class) => {
                let (opening, closing) = s.store.ballot_tallies(d.id).await?;
                Came::Verdict(verdict(opening, closing))
            }
        };
        entries.push(Entry { debate: d, came });
    }
    Ok(Outcome::Reply(view::history(&s.core, &entries, inv.lang)))
}
