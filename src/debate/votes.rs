//! The quick vote on a motion: opened by `/debate start`, cast and changed by clicks, closed by
//! the starter, a moderator or the quiz master, or by the sweep when its time is up (at most
//! three hours). Votes live in the store, so a restart loses none and an open vote keeps
//! working; the result is shown on the card through the channel-message endpoints. The motion
//! rotation and the per-server limits serve class debates too.

use super::rules::{Ballot, LIFETIME, cast, choose, here, may_close, over_limit};
use super::{Debate, Format, Side};
use crate::audit::{self, Action};
use crate::core::Core;
use crate::debate::view as debate;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::outbox::Message;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};
use crate::store::Store;

/// `/debate start format:quick`: posts the motion card with its vote in the channel (so its
/// result can be shown on it later through the channel-message endpoints, however long the
/// vote lasts) and tells the starter privately; or explains why there is none.
pub async fn start(
    s: &Services,
    inv: &Invocation,
    motion: Option<&str>,
    shown: (Option<Lang>, Option<bool>),
) -> Result<Outcome, Error> {
    let core = &s.core;
    let lang = inv.lang;
    if inv.guild.is_none() {
        return Ok(Outcome::Reply(Reply::notice(t(lang, "class-server-only"))));
    }
    let chosen = match choose(s, inv, motion).await? {
        Err(notice) => return Ok(Outcome::Reply(*notice)),
        Ok(found) => found,
    };
    if let Some(guild) = inv.guild
        && let Some(notice) = over_limit(s, inv, guild).await?
    {
        return Ok(Outcome::Reply(notice));
    }
    if let Some(refusal) = inv.bot_refusal() {
        return Ok(Outcome::Reply(refusal));
    }
    let opened_at = s.clock.unix();
    let length = s.pace.vote_length.as_secs().clamp(1, LIFETIME as u64) as i64;
    let record =
        crate::debate::rules::opened_by(inv, chosen, Format::Quick, opened_at, opened_at + length);
    let record = crate::debate::rules::in_posts_language(s, record, shown).await;
    s.store.open_debate(&record).await?;
    let Some(card) = open_card(core, &record) else {
        anyhow::bail!("the motion vanished from the pack");
    };
    match s.outbox.post(record.channel, &Message::from(card)).await {
        Ok(message) => {
            s.store
                .set_debate_messages(record.id, Some(message), None)
                .await?;
            let text = tr(
                lang,
                "vote-opened",
                &[("closes", &format!("<t:{}:R>", record.closes_at))],
            );
            Ok(Outcome::Reply(Reply {
                text,
                ephemeral: true,
                ..Reply::default()
            }))
        }
        Err(e) => {
            tracing::warn!(debate = record.id, error = %e, "could not post a debate vote");
            s.store.drop_debate(record.id).await?;
            Ok(Outcome::Reply(Reply::notice(t(lang, "class-cannot-post"))))
        }
    }
}

fn open_card(core: &Core, d: &Debate) -> Option<Reply> {
    let (pack, motion) = d.motion_in(&core.library)?;
    let card = debate::motion_in_both(d, pack, motion, |lang| {
        theirs(
            d,
            lang,
            debate::vote_card(pack, motion, lang, d.id, d.closes_at),
        )
    });
    Some(card)
}

/// A card on one of the server's own motions says whose it is.
fn theirs(d: &Debate, lang: Lang, mut card: Reply) -> Reply {
    if d.own_motion.is_some() {
        card.text = format!("{}\n{}", t(lang, "course-by-teacher"), card.text);
    }
    card
}

async fn closed_card(core: &Core, store: &Store, d: &Debate) -> Result<Option<Reply>, Error> {
    let tally = store.tally(d.id).await?;
    Ok(d.motion_in(&core.library).map(|(pack, motion)| {
        debate::motion_in_both(d, pack, motion, |lang| {
            let card = debate::result_card(
                pack,
                motion,
                lang,
                tally.benjamin,
                tally.adorno,
                tally.undecided,
            );
            theirs(d, lang, card)
        })
    }))
}

/// A click on Benjamin / Adorno / undecided.
pub async fn vote(
    s: &Services,
    inv: &Invocation,
    debate: u64,
    side: Side,
) -> Result<Outcome, Error> {
    let text = match cast(s, inv, Ballot::Quick(debate), side).await? {
        Ok(text) => text,
        Err(key) => t(inv.lang, key),
    };
    Ok(Outcome::Reply(Reply::notice(text)))
}

/// The starter's "close the vote": the message is replaced by the card with the tally.
pub async fn close(s: &Services, inv: &Invocation, debate: u64) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let notice = |key: &str| Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    let Some(d) = s
        .store
        .debate(debate)
        .await?
        .filter(|d| here(d, inv) && d.format == Format::Quick)
    else {
        return notice("error-stale-button");
    };
    if !may_close(s, &d, inv).await? {
        return notice("vote-not-starter");
    }
    if !s.store.close_debate(d.id, s.clock.unix()).await? {
        return notice("vote-closed");
    }
    if let Some(guild) = d.guild {
        let action = Action::DebateClosed { channel: d.channel };
        audit::record(s, guild, inv.user, action).await;
    }
    match closed_card(&s.core, &s.store, &d).await? {
        Some(reply) => Ok(Outcome::Update(reply)),
        None => notice("error-stale-button"),
    }
}

pub(crate) async fn close_one(s: &Services, d: &Debate) -> Result<(), Error> {
    if !s.store.close_debate(d.id, s.clock.unix()).await? {
        return Ok(());
    }
    let Some(reply) = closed_card(&s.core, &s.store, d).await? else {
        return Ok(());
    };
    let Some(message) = d.message else {
        return Ok(());
    };
    // The card is Aura's own channel message: edited through the channel, at any age.
    s.outbox
        .edit(d.channel, message, &Message::from(reply))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::debate::sweep::sweep;
    use crate::outbox::recorder::{Recorder, Sent};
    use crate::pack::Lang;
    use std::path::PathBuf;
    use std::sync::Arc;

    async fn services(outbox: Arc<Recorder>) -> Services {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        Services::new(core, store, outbox, crate::services::Pace::default())
            .with_clock(crate::clock::Clock::adjustable())
    }

    fn member(id: u64, user: u64) -> Invocation {
        Invocation {
            id,
            token: format!("token-{id}"),
            guild: Some(1),
            channel: 2,
            user,
            lang: Lang::En,
            ..Invocation::default()
        }
    }

    #[tokio::test]
    async fn a_vote_closed_by_time_shows_its_tally_on_its_card() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        let opened = start(&s, &member(10, 5), None, (None, None))
            .await
            .expect("start");
        assert!(
            matches!(opened, Outcome::Reply(r) if r.ephemeral),
            "told privately"
        );
        let posts = outbox.posts();
        assert_eq!(posts.len(), 1, "the card is posted in the channel");
        assert_eq!(posts[0].0, 2);
        vote(&s, &member(11, 6), 10, Side::Adorno)
            .await
            .expect("vote");
        vote(&s, &member(12, 7), 10, Side::Adorno)
            .await
            .expect("vote");
        sweep(&s).await.expect("sweep");
        assert_eq!(outbox.sent().len(), 1, "still open");
        s.clock.advance(601);
        sweep(&s).await.expect("sweep");
        sweep(&s).await.expect("sweep again");
        let sent = outbox.sent();
        assert_eq!(sent.len(), 2, "closed and shown once: {sent:?}");
        let Sent::Edit {
            channel, message, ..
        } = &sent[1]
        else {
            panic!("{sent:?}");
        };
        assert_eq!(*channel, 2, "edited through the channel, not a token");
        let shown = crate::render::to_text(&message.reply);
        assert!(shown.contains("2 (100%)"), "{shown}");
    }

    #[tokio::test]
    async fn no_debate_keeps_an_interaction_token_and_suggestions_forget_theirs() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        start(&s, &member(30, 5), None, (None, None))
            .await
            .expect("start");
        let token_of = |d: Option<Debate>| d.map(|d| d.token).unwrap_or_default();
        assert_eq!(token_of(s.store.debate(30).await.expect("read")), "");
        let suggestion = s
            .store
            .add_suggestion(1, 2, 6, "A suggestion to keep", "token-31", s.clock.unix())
            .await
            .expect("suggestion");
        s.clock.advance(14 * 60);
        sweep(&s).await.expect("sweep");
        let stored = s.store.suggestion(suggestion).await.expect("read");
        assert_eq!(stored.map(|x| x.token).as_deref(), Some("token-31"));
        // Past Discord's 15 minutes: gone from the database.
        s.clock.advance(61);
        sweep(&s).await.expect("sweep");
        let stored = s.store.suggestion(suggestion).await.expect("read");
        assert_eq!(stored.map(|x| x.token).as_deref(), Some(""));
    }

    #[tokio::test]
    async fn a_vote_that_closes_hours_later_is_still_shown_on_its_card() {
        let outbox = Arc::new(Recorder::new());
        let pace = crate::services::Pace {
            vote_length: std::time::Duration::from_secs(3 * 3600),
            ..crate::services::Pace::default()
        };
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        let s = Services::new(core, store, outbox.clone(), pace)
            .with_clock(crate::clock::Clock::adjustable());
        start(&s, &member(40, 5), None, (None, None))
            .await
            .expect("start");
        s.clock.advance(2 * 3600);
        let late = vote(&s, &member(41, 6), 40, Side::Benjamin)
            .await
            .expect("vote");
        assert!(
            matches!(&late, Outcome::Reply(r) if crate::render::to_text(r).contains("Your vote"))
        );
        s.clock.advance(3600);
        sweep(&s).await.expect("sweep");
        let closed = s.store.debate(40).await.expect("read").expect("debate");
        assert!(closed.closed_at.is_some());
        let edits: Vec<Sent> = outbox
            .sent()
            .into_iter()
            .filter(|x| matches!(x, Sent::Edit { .. }))
            .collect();
        assert_eq!(edits.len(), 1, "{edits:?}");
    }

    #[tokio::test]
    async fn closing_a_vote_by_hand_is_logged_in_the_audit_channel() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        s.store
            .set_audit_channel(1, Some((77, Lang::En)))
            .await
            .expect("audit");
        start(&s, &member(50, 5), None, (None, None))
            .await
            .expect("start");
        close(&s, &member(51, 5), 50).await.expect("close");
        let mut lines = Vec::new();
        for _ in 0..200 {
            lines = outbox.posts();
            lines.retain(|(channel, _)| *channel == 77);
            if !lines.is_empty() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        assert_eq!(lines.len(), 1, "{lines:?}");
        let (channel, message) = &lines[0];
        assert_eq!(*channel, 77);
        assert_eq!(message.ping, None);
        assert!(
            message
                .reply
                .text
                .contains("<@5> closed a debate vote in <#2>"),
            "{}",
            message.reply.text
        );
    }

    #[tokio::test]
    async fn open_votes_are_limited_per_channel_and_per_server_politely() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        let text = |o: Outcome| match o {
            Outcome::Reply(r) if r.ephemeral => crate::render::to_text(&r),
            other => panic!("not a private notice: {other:?}"),
        };
        // Default limits: 2 per channel, 10 per server, 1 per member who is not a teacher.
        start(&s, &member(30, 5), None, (None, None))
            .await
            .expect("start");
        let second = Invocation {
            channel: 99,
            ..member(29, 5)
        };
        let again = start(&s, &second, None, (None, None)).await.expect("start");
        assert!(text(again).contains("You already have a debate open"));
        start(&s, &member(31, 6), None, (None, None))
            .await
            .expect("start");
        let third = start(&s, &member(32, 7), None, (None, None))
            .await
            .expect("start");
        assert!(text(third).contains("This channel already has 2"));
        for n in 0..7 {
            let inv = Invocation {
                channel: 100 + n,
                ..member(40 + n, 10 + n)
            };
            start(&s, &inv, None, (None, None)).await.expect("start");
        }
        // A teacher opens more than one.
        let teacher = Invocation {
            channel: 150,
            permissions: crate::interaction::perms::MANAGE_MESSAGES,
            ..member(70, 5)
        };
        start(&s, &teacher, None, (None, None))
            .await
            .expect("start");
        let inv = Invocation {
            channel: 200,
            lang: Lang::Id,
            ..member(60, 30)
        };
        let full = start(&s, &inv, None, (None, None)).await.expect("start");
        assert!(text(full).contains("Server ini sudah punya 10"));
        // Another server is not affected.
        let inv = Invocation {
            guild: Some(2),
            ..member(61, 5)
        };
        assert!(
            matches!(start(&s, &inv, None, (None, None)).await.expect("start"), Outcome::Reply(r) if r.text.contains("The vote is open"))
        );
    }

    #[tokio::test]
    async fn only_the_starter_closes() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        start(&s, &member(20, 5), None, (None, None))
            .await
            .expect("start");
        let other = close(&s, &member(21, 6), 20).await.expect("close");
        assert!(matches!(other, Outcome::Reply(r) if r.ephemeral));
        let own = close(&s, &member(22, 5), 20).await.expect("close");
        assert!(matches!(own, Outcome::Update(_)));
    }

    #[tokio::test]
    async fn a_teacher_who_did_not_start_the_vote_closes_it() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        start(&s, &member(23, 5), None, (None, None))
            .await
            .expect("start");
        let teacher = Invocation {
            permissions: crate::interaction::perms::MANAGE_MESSAGES,
            ..member(24, 6)
        };
        let closed = close(&s, &teacher, 23).await.expect("close");
        assert!(matches!(closed, Outcome::Update(_)), "{closed:?}");
        // The server's quiz master may too, without Manage Messages.
        s.store
            .set_quiz_access(1, &crate::quiz::Access::Role(77))
            .await
            .expect("access");
        start(&s, &member(25, 5), None, (None, None))
            .await
            .expect("start");
        let master = Invocation {
            roles: vec![77],
            ..member(26, 7)
        };
        let closed = close(&s, &master, 25).await.expect("close");
        assert!(matches!(closed, Outcome::Update(_)), "{closed:?}");
    }

    #[tokio::test]
    async fn votes_and_closing_count_only_in_the_debates_own_channel() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        start(&s, &member(30, 5), None, (None, None))
            .await
            .expect("start");
        let elsewhere = |id, user| Invocation {
            channel: 99,
            ..member(id, user)
        };
        let other_guild = |id, user| Invocation {
            guild: Some(42),
            ..member(id, user)
        };
        for inv in [elsewhere(31, 6), other_guild(32, 6)] {
            let v = vote(&s, &inv, 30, Side::Adorno).await.expect("vote");
            assert!(matches!(&v, Outcome::Reply(r) if r.ephemeral), "{v:?}");
        }
        let missing = vote(&s, &member(33, 6), 12345, Side::Adorno)
            .await
            .expect("vote");
        assert!(matches!(&missing, Outcome::Reply(r) if r.ephemeral));
        let closed = close(&s, &elsewhere(34, 5), 30).await.expect("close");
        assert!(
            matches!(closed, Outcome::Reply(_)),
            "the starter, elsewhere"
        );
        let tally = s.store.tally(30).await.expect("tally");
        assert_eq!(tally.adorno + tally.benjamin + tally.undecided, 0);
        assert!(
            s.store
                .debate(30)
                .await
                .expect("debate")
                .is_some_and(|d| d.closed_at.is_none())
        );
    }
}
