//! The vote on a motion: opened by `/debate`, cast and changed by clicks, closed by the
//! starter or by the sweep when its time is up. Votes live in the store, so a restart loses
//! none and an open vote keeps working; the result is shown through the outbox.

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::{Debate, Side, VoteOutcome};
use crate::answers::{self, debate};
use crate::audit::{self, Action};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome, TOKEN_LIFETIME};
use crate::outbox::Message;
use crate::quiz::access::{Asker, may_control};
use crate::reply::Reply;
use crate::services::{Error, Services};
use crate::store::Store;

/// `/debate [motion]`: opens a vote on the chosen motion, or explains why there is none.
pub async fn start(s: &Services, inv: &Invocation, motion: Option<&str>) -> Result<Outcome, Error> {
    let core = &s.core;
    let lang = inv.lang;
    let picked = {
        let mut rng = StdRng::from_entropy();
        debate::pick(core, lang, motion, &mut rng).map(|(p, m)| (p.id.clone(), m.id.clone()))
    };
    let (pack, motion) = match picked {
        Err(notice) => return Ok(Outcome::Reply(*notice)),
        Ok(found) => found,
    };
    if let Some(guild) = inv.guild {
        let limits = &s.pace.limits;
        let (in_guild, in_channel) = s.store.open_debates(guild, inv.channel).await?;
        let over = if in_channel >= i64::from(limits.open_debates_per_channel) {
            Some((
                "limit-open-debates-channel",
                limits.open_debates_per_channel,
            ))
        } else if in_guild >= i64::from(limits.open_debates_per_guild) {
            Some(("limit-open-debates-guild", limits.open_debates_per_guild))
        } else {
            None
        };
        if let Some((key, max)) = over {
            let text = tr(lang, key, &[("max", &(max as usize))]);
            return Ok(Outcome::Reply(Reply::notice(text)));
        }
    }
    let opened_at = s.clock.unix();
    let record = Debate {
        id: inv.id,
        pack,
        motion,
        guild: inv.guild,
        channel: inv.channel,
        starter: inv.user,
        token: inv.token.clone(),
        lang,
        opened_at,
        closes_at: opened_at + s.pace.vote_length.as_secs().max(1) as i64,
        closed_at: None,
    };
    s.store.open_debate(&record).await?;
    let Some(mut reply) = open_card(core, &record) else {
        anyhow::bail!("the motion vanished from the pack");
    };
    reply.buttons.push(answers::delete_button(lang, inv.user));
    Ok(Outcome::Reply(reply))
}

fn open_card(core: &Core, d: &Debate) -> Option<Reply> {
    let pack = core.library.pack(&d.pack)?;
    let motion = pack.motion(&d.motion)?;
    Some(debate::vote_card(pack, motion, d.lang, d.id, d.closes_at))
}

async fn closed_card(core: &Core, store: &Store, d: &Debate) -> Result<Option<Reply>, Error> {
    let tally = store.tally(d.id).await?;
    Ok(core.library.pack(&d.pack).and_then(|pack| {
        let motion = pack.motion(&d.motion)?;
        Some(debate::result_card(
            pack,
            motion,
            d.lang,
            tally.benjamin,
            tally.adorno,
            tally.undecided,
        ))
    }))
}

/// Is the click in the server and channel the debate was opened in? A button copied
/// elsewhere (or a forged id) names a debate that is not there.
fn here(d: &Debate, inv: &Invocation) -> bool {
    d.guild == inv.guild && d.channel == inv.channel
}

/// Who may close a vote: its starter, a moderator (Manage Messages) or the server's quiz master,
/// the same rule as for steering a quiz round, so a teacher closes a vote a student opened.
async fn may_close(s: &Services, d: &Debate, inv: &Invocation) -> Result<bool, Error> {
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

/// A click on Benjamin / Adorno / undecided.
pub async fn vote(
    s: &Services,
    inv: &Invocation,
    debate: u64,
    side: Side,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    // The store counts the vote only from the debate's own server and channel, in the same
    // statement; the debate is read only to explain a refusal.
    let at = (inv.guild, inv.channel);
    let outcome = s
        .store
        .vote(debate, at, inv.user, side, s.clock.unix())
        .await?;
    let side_name = t(lang, &format!("side-{}", side.code()));
    let text = match outcome {
        VoteOutcome::Cast => tr(lang, "vote-cast", &[("side", &side_name)]),
        VoteOutcome::Changed => tr(lang, "vote-changed", &[("side", &side_name)]),
        VoteOutcome::Closed => match s.store.debate(debate).await? {
            Some(d) if here(&d, inv) => t(lang, "vote-closed"),
            _ => t(lang, "error-stale-button"),
        },
    };
    Ok(Outcome::Reply(Reply::notice(text)))
}

/// The starter's "close the vote": the message is replaced by the card with the tally.
pub async fn close(s: &Services, inv: &Invocation, debate: u64) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let notice = |key: &str| Ok(Outcome::Reply(Reply::notice(t(lang, key))));
    let Some(d) = s.store.debate(debate).await?.filter(|d| here(d, inv)) else {
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

/// Closes every debate whose time is up and shows its tally on its message. Runs at start-up
/// too, so votes that ran out while the bot was down are closed. First, interaction tokens
/// older than Discord honours them are forgotten (debates' and suggestions').
pub async fn sweep(s: &Services) -> Result<(), Error> {
    let forgotten = s
        .store
        .forget_tokens(s.clock.unix() - TOKEN_LIFETIME)
        .await?;
    if forgotten > 0 {
        tracing::debug!(forgotten, "expired interaction tokens forgotten");
    }
    for d in s.store.due_debates(s.clock.unix()).await? {
        if let Err(e) = close_one(s, &d).await {
            tracing::warn!(debate = d.id, error = %e, "could not show a debate's result");
        }
    }
    Ok(())
}

async fn close_one(s: &Services, d: &Debate) -> Result<(), Error> {
    if !s.store.close_debate(d.id, s.clock.unix()).await? {
        return Ok(());
    }
    let Some(reply) = closed_card(&s.core, &s.store, d).await? else {
        return Ok(());
    };
    if d.token.is_empty() {
        tracing::info!(
            debate = d.id,
            "a debate closed after its token expired; its message keeps the open card"
        );
        return Ok(());
    }
    // The token is valid for 15 minutes; past that the message can no longer be edited.
    s.outbox
        .edit_original(&d.token, &Message::from(reply))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
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
    async fn a_vote_closed_by_time_shows_its_tally_on_the_message() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        let opened = start(&s, &member(10, 5), None).await.expect("start");
        assert!(matches!(opened, Outcome::Reply(_)));
        vote(&s, &member(11, 6), 10, Side::Adorno)
            .await
            .expect("vote");
        vote(&s, &member(12, 7), 10, Side::Adorno)
            .await
            .expect("vote");
        sweep(&s).await.expect("sweep");
        assert!(outbox.sent().is_empty(), "still open");
        s.clock.advance(601);
        sweep(&s).await.expect("sweep");
        sweep(&s).await.expect("sweep again");
        let sent = outbox.sent();
        assert_eq!(sent.len(), 1, "closed and shown once: {sent:?}");
        let Sent::EditOriginal { token, message } = &sent[0] else {
            panic!("{sent:?}");
        };
        assert_eq!(token, "token-10");
        let shown = crate::render::to_text(&message.reply);
        assert!(shown.contains("2 (100%)"), "{shown}");
    }

    #[tokio::test]
    async fn interaction_tokens_are_forgotten_once_expired() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        start(&s, &member(30, 5), None).await.expect("start");
        let suggestion = s
            .store
            .add_suggestion(1, 2, 6, "A suggestion to keep", "token-31", s.clock.unix())
            .await
            .expect("suggestion");
        let token_of = |d: Option<Debate>| d.map(|d| d.token).unwrap_or_default();
        s.clock.advance(14 * 60);
        sweep(&s).await.expect("sweep");
        assert_eq!(
            token_of(s.store.debate(30).await.expect("read")),
            "token-30"
        );
        let stored = s.store.suggestion(suggestion).await.expect("read");
        assert_eq!(stored.map(|x| x.token).as_deref(), Some("token-31"));
        // Past Discord's 15 minutes: both are gone from the database.
        s.clock.advance(61);
        sweep(&s).await.expect("sweep");
        assert_eq!(token_of(s.store.debate(30).await.expect("read")), "");
        let stored = s.store.suggestion(suggestion).await.expect("read");
        assert_eq!(stored.map(|x| x.token).as_deref(), Some(""));
    }

    #[tokio::test]
    async fn a_debate_closed_after_its_token_expired_is_not_edited_with_it() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        start(&s, &member(40, 5), None).await.expect("start");
        // The bot was down past the vote's end and the token's 15 minutes.
        s.clock.advance(20 * 60);
        sweep(&s).await.expect("sweep");
        let closed = s.store.debate(40).await.expect("read").expect("debate");
        assert!(closed.closed_at.is_some());
        assert!(outbox.sent().is_empty(), "{:?}", outbox.sent());
    }

    #[tokio::test]
    async fn closing_a_vote_by_hand_is_logged_in_the_audit_channel() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox.clone()).await;
        s.store
            .set_audit_channel(1, Some((77, Lang::En)))
            .await
            .expect("audit");
        start(&s, &member(50, 5), None).await.expect("start");
        close(&s, &member(51, 5), 50).await.expect("close");
        let mut lines = Vec::new();
        for _ in 0..200 {
            lines = outbox.posts();
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
        // Default limits: 2 per channel, 10 per server.
        start(&s, &member(30, 5), None).await.expect("start");
        start(&s, &member(31, 5), None).await.expect("start");
        let third = start(&s, &member(32, 5), None).await.expect("start");
        assert!(text(third).contains("This channel already has 2"));
        for n in 0..8 {
            let inv = Invocation {
                channel: 100 + n,
                ..member(40 + n, 5)
            };
            start(&s, &inv, None).await.expect("start");
        }
        let inv = Invocation {
            channel: 200,
            lang: Lang::Id,
            ..member(60, 5)
        };
        let full = start(&s, &inv, None).await.expect("start");
        assert!(text(full).contains("Server ini sudah punya 10"));
        // Another server is not affected.
        let inv = Invocation {
            guild: Some(2),
            ..member(61, 5)
        };
        assert!(
            matches!(start(&s, &inv, None).await.expect("start"), Outcome::Reply(r) if !r.ephemeral)
        );
    }

    #[tokio::test]
    async fn only_the_starter_closes() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        start(&s, &member(20, 5), None).await.expect("start");
        let other = close(&s, &member(21, 6), 20).await.expect("close");
        assert!(matches!(other, Outcome::Reply(r) if r.ephemeral));
        let own = close(&s, &member(22, 5), 20).await.expect("close");
        assert!(matches!(own, Outcome::Update(_)));
    }

    #[tokio::test]
    async fn a_teacher_who_did_not_start_the_vote_closes_it() {
        let outbox = Arc::new(Recorder::new());
        let s = services(outbox).await;
        start(&s, &member(23, 5), None).await.expect("start");
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
        start(&s, &member(25, 5), None).await.expect("start");
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
        start(&s, &member(30, 5), None).await.expect("start");
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
