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

/// A page of the channel's debates (`page` 0: the newest), saying how many there are, with
/// buttons to the newer and older pages; `turned`: asked by those buttons, so the list they
/// sit on is replaced.
pub async fn list(
    s: &Services,
    inv: &Invocation,
    page: u32,
    turned: bool,
) -> Result<Outcome, Error> {
    let total = s.store.debates_count_in(inv.channel).await?;
    let pages = total.div_ceil(u64::from(SHOWN)).max(1);
    let page = u64::from(page).min(pages - 1) as u32;
    let mut entries = Vec::new();
    for d in s.store.debates_in(inv.channel, SHOWN, page * SHOWN).await? {
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
    reply = view::history_pages(reply, (page, pages as u32), total, inv.lang);
    // A moderator of the whole server sees every debate open in it, to end any of them.
    if let Some(guild) = inv.guild
        && page == 0
        && inv.is_moderator()
        && crate::quiz::access::moderates_server(s, inv).await
    {
        let open = s.store.open_debates_of(guild, 25).await?;
        reply = view::open_in_server(&s.core, reply, &open, inv.lang);
    }
    Ok(if turned {
        Outcome::Update(reply)
    } else {
        Outcome::Reply(reply)
    })
}
