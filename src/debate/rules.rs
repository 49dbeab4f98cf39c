//! What both debate formats share: the motion a debate is on, who may moderate one, how many
//! may be open at once and for how long, and the private notices their answers use.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::class::Poll;
use super::{Debate, Format, Side, VoteOutcome};
use crate::course::model::{Hidden, ItemKind, reached};
use crate::debate::view as debate;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::quiz::access::{Asker, may_control};
use crate::reply::Reply;
use crate::services::{Error, Services};

/// How long a debate may run before Aura ends it: a whole lesson.
pub const LIFETIME: i64 = 3 * 3600;

/// The debates (quick votes and class debates) one member who is not a teacher may have open
/// in a server at once.
pub const MEMBER_OPEN_DEBATES: i64 = 1;

/// The longest claim in the argument form.
pub const CLAIM_MAX: u16 = 300;

/// The most arguments a class debate holds: a class's worth, drawn in a few messages.
pub const ARGUMENTS_PER_DEBATE: u32 = 300;

/// The most arguments one member adds to a debate.
pub const ARGUMENTS_PER_MEMBER: u32 = 20;

/// The deepest a reply goes: a claim, a reply to it, a reply to that… (a claim is depth 1).
pub const REPLY_DEPTH: usize = 6;

pub fn notice(lang: Lang, key: &str) -> Outcome {
    Outcome::Reply(Reply::notice(t(lang, key)))
}

/// Where a ballot goes: a quick vote, or one of a class debate's two votes (by debate id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ballot {
    Quick(u64),
    Class(u64, Poll),
}

/// Casts a member's ballot and says what they are told: "your vote for Benjamin is in" (or
/// changed), or, as a message key, why it was refused: the vote is closed (a class debate
/// says when the whole debate has ended), or the button is stale (another room, a vanished debate). The store
/// counts a ballot only from the debate's own server and channel, in the same statement; the
/// debate is read only to explain a refusal.
pub async fn cast(
    s: &Services,
    inv: &Invocation,
    ballot: Ballot,
    side: Side,
) -> Result<Result<String, &'static str>, Error> {
    let lang = inv.lang;
    let at = (inv.guild, inv.channel);
    let now = s.clock.unix();
    let (Ballot::Quick(id) | Ballot::Class(id, _)) = ballot;
    let outcome = match ballot {
        Ballot::Quick(_) => s.store.vote(id, at, inv.user, side, now).await?,
        Ballot::Class(_, poll) => s.store.ballot(id, poll, at, inv.user, side, now).await?,
    };
    let name = debate::result::side_name(lang, side);
    Ok(match outcome {
        VoteOutcome::Cast => Ok(tr(lang, "vote-cast", &[("side", &name)])),
        VoteOutcome::Changed => Ok(tr(lang, "vote-changed", &[("side", &name)])),
        VoteOutcome::Closed => Err(match s.store.debate(id).await? {
            Some(d)
                if here(&d, inv)
                    && d.closed_at.is_some()
                    && matches!(ballot, Ballot::Class(..)) =>
            {
                "class-ended"
            }
            Some(d) if here(&d, inv) => "vote-closed",
            _ => "error-stale-button",
        }),
    })
}

/// The motion asked for; without one, the motion this channel has seen least recently (one it
/// has never debated first, at random among those), among those on what the class has read by
/// its reading plan; a motion the server hides is never chosen.
pub async fn choose(
    s: &Services,
    inv: &Invocation,
    motion: Option<&str>,
) -> Result<Result<Chosen, Box<Reply>>, Error> {
    let core = &s.core;
    let mut rng = StdRng::from_entropy();
    let (hidden, read, own) = match inv.guild {
        Some(guild) => (
            s.store.hidden_items(guild).await?,
            s.store
                .reading_plan(guild)
                .await?
                .read_so_far(s.clock.now()),
            crate::course::own::of(s, guild).await?,
        ),
        None => (Hidden::default(), Vec::new(), Default::default()),
    };
    let Some(first) = core.library.packs.first() else {
        return Ok(Err(Box::new(Reply::notice(t(inv.lang, "error-no-motion")))));
    };
    // One of the server's own, named by its id (`own:id`, as the autocomplete gives it).
    let own_named = motion.and_then(|m| {
        let id = crate::pack::course::teacher_id(m.trim()).unwrap_or(m.trim());
        own.motions.iter().find(|o| o.id == id)
    });
    if let Some(m) = own_named {
        return Ok(Ok(own_chosen(&first.id, m)));
    }
    if motion.is_some() {
        return Ok(match debate::pick(core, inv.lang, motion, &mut rng) {
            Ok((p, m)) if hidden.hides(ItemKind::Motion, &p.id, &m.id) => {
                Err(Box::new(Reply::notice(t(inv.lang, "debate-motion-hidden"))))
            }
            picked => picked.map(|(p, m)| (p.id.clone(), m.id.clone(), None)),
        });
    }
    let seen = s.store.motions_seen(inv.channel).await?;
    let last = |pack: &str, motion: &str| {
        seen.iter()
            .find(|(p, m, _)| p == pack && m == motion)
            .map(|(_, _, at)| *at)
    };
    let all: Vec<(String, String, Option<i64>)> = core
        .library
        .packs
        .iter()
        .flat_map(|p| p.motions.iter().map(move |m| (p, m)))
        .filter(|(p, m)| !hidden.hides(ItemKind::Motion, &p.id, &m.id))
        .map(|(p, m)| (p.id.clone(), m.id.clone(), last(&p.id, &m.id)))
        .collect();
    // Of those, the motions on what the class has read by its reading plan (all when none).
    let mut all = if read.is_empty() {
        all
    } else {
        let (on, off): (Vec<_>, Vec<_>) = all.into_iter().partition(|(p, m, _)| {
            core.library
                .pack(p)
                .is_some_and(|pack| reached(pack, ItemKind::Motion, m, &read))
        });
        if on.is_empty() { off } else { on }
    };
    // The server's own motions name no section: always among them.
    for m in &own.motions {
        let id = crate::pack::course::own_id(&m.id);
        let at = last(&first.id, &id);
        all.push((first.id.clone(), id, at));
    }
    let fresh: Vec<&(String, String, Option<i64>)> =
        all.iter().filter(|(_, _, at)| at.is_none()).collect();
    let picked = if fresh.is_empty() {
        all.iter().min_by_key(|(_, _, at)| *at)
    } else {
        fresh.choose(&mut rng).copied()
    };
    Ok(match picked {
        Some((p, m, _)) => match crate::pack::course::teacher_id(m) {
            Some(id) => match own.motions.iter().find(|o| o.id == id) {
                Some(o) => Ok(own_chosen(p, o)),
                None => Err(Box::new(Reply::notice(t(inv.lang, "error-no-motion")))),
            },
            None => Ok((p.clone(), m.clone(), None)),
        },
        None => Err(Box::new(Reply::notice(t(inv.lang, "error-no-motion")))),
    })
}

/// A debate's motion as chosen: its pack, its id, and for one of the server's own the motion
/// itself (kept with the debate).
pub type Chosen = (String, String, Option<crate::pack::Motion>);

/// One of the server's own motions as a debate keeps it: the teacher's words shown as
/// written (no formatting of theirs), under its `own:` id.
fn own_chosen(pack: &str, m: &crate::pack::Motion) -> Chosen {
    let plain = |t: &crate::pack::Text| crate::pack::Text {
        en: t.en.as_deref().map(crate::text::escape_markdown),
        id: t.id.as_deref().map(crate::text::escape_markdown),
    };
    let kept = crate::pack::Motion {
        motion: plain(&m.motion),
        benjamin: plain(&m.benjamin),
        adorno: plain(&m.adorno),
        questions: m.questions.iter().map(plain).collect(),
        ..m.clone()
    };
    let id = crate::pack::course::own_id(&m.id);
    (pack.to_string(), id, Some(kept))
}

/// The notice when the channel or server already has as many open debates as allowed, or
/// when a member who is not a teacher already has one open: one member cannot fill the
/// server's slots. Teachers (moderators and the quiz-master role) open as many as the server
/// allows.
pub async fn over_limit(
    s: &Services,
    inv: &Invocation,
    guild: u64,
) -> Result<Option<Reply>, Error> {
    let limits = &s.pace.limits;
    let (in_guild, in_channel, mine) = s.store.open_debates(guild, inv.channel, inv.user).await?;
    let teacher = inv.is_moderator() || {
        let access = s.store.quiz_access(guild).await?;
        matches!(access, crate::quiz::Access::Role(role) if inv.roles.contains(&role))
    };
    let over = if !teacher && mine >= MEMBER_OPEN_DEBATES {
        Some(("limit-open-debates-member", MEMBER_OPEN_DEBATES as u32))
    } else if in_channel >= i64::from(limits.open_debates_per_channel) {
        Some((
            "limit-open-debates-channel",
            limits.open_debates_per_channel,
        ))
    } else if in_guild >= i64::from(limits.open_debates_per_guild) {
        Some(("limit-open-debates-guild", limits.open_debates_per_guild))
    } else {
        None
    };
    Ok(over.map(|(key, max)| Reply::notice(tr(inv.lang, key, &[("max", &(max as usize))]))))
}

/// Is the click in the server and channel the debate was opened in? A button copied
/// elsewhere (or a forged id) names a debate that is not there.
pub fn here(d: &Debate, inv: &Invocation) -> bool {
    d.guild == inv.guild && d.room() == inv.channel
}

/// Who may close a vote: its starter, a moderator (Manage Messages) or the server's quiz master,
/// the same rule as for steering a quiz round, so a teacher closes a vote a student opened.
pub async fn may_close(s: &Services, d: &Debate, inv: &Invocation) -> Result<bool, Error> {
    if d.starter == inv.user || inv.is_moderator() {
        return Ok(true);
    }
    let Some(guild) = d.guild else {
        return Ok(false);
    };
    let access = s.store.quiz_access(guild).await?;
    let asker = Asker {
        id: inv.user,
        moderator: false,
        roles: &inv.roles,
    };
    Ok(may_control(&access, &asker, d.starter))
}

/// A debate opened now by the member of `inv`, in their channel and language; it keeps
/// no interaction token and has no message yet.
/// A new debate in the language its starter named (`language:`, `bilingual:`), else the server's
/// shared posts', else the starter's alone.
pub async fn in_posts_language(
    s: &Services,
    mut d: Debate,
    (language, bilingual): (Option<Lang>, Option<bool>),
) -> Debate {
    let posts = crate::language::posts::of(s, d.guild).await;
    (d.lang, d.bilingual) = posts.resolve(language, bilingual, d.lang);
    d
}

pub fn opened_by(
    inv: &Invocation,
    (pack, motion, own_motion): Chosen,
    format: Format,
    opened_at: i64,
    closes_at: i64,
) -> Debate {
    Debate {
        id: inv.id,
        pack,
        motion,
        guild: inv.guild,
        channel: inv.channel,
        starter: inv.user,
        token: String::new(),
        lang: inv.lang,
        opened_at,
        closes_at,
        closed_at: None,
        format,
        message: None,
        thread: None,
        own_motion,
        bilingual: false,
    }
}
