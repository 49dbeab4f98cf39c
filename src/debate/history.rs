//! `/debate history`: the channel's past and running debates, newest first, with their motion,
//! date, format and result (a quick vote's tally; a class debate's winner and shift).

use super::Format;
use super::class::verdict;
pub use super::model::{Came, Entry};
use crate::debate::view::summary as view;
use crate::interaction::{Invocation, Outcome};
use crate::services::{Error, Services};

/// How many debates the list shows.
pub const SHOWN: u32 = 10;

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
    let mut reply = view::history(&s.core, &entries, inv.lang);
    // A moderator of the whole server sees every debate open in it, to end any of them.
    if let Some(guild) = inv.guild
        && inv.is_moderator()
        && crate::quiz::access::moderates_server(s, inv).await
    {
        let open = s.store.open_debates_of(guild, 25).await?;
        reply = view::open_in_server(&s.core, reply, &open, inv.lang);
    }
    Ok(Outcome::Reply(reply))
}
