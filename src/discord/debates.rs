//! `/debate` as a class activity: the motion posted with vote buttons, one stored vote per
//! member (changeable until the vote closes), the tally hidden until the starter closes the
//! vote or its time is up, then shown on the message. Votes live in the store, so a restart
//! loses none and an open vote keeps working.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::components::send;
use super::rest::Rest;
use super::{Data, Error};
use crate::answers::debate;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::render;
use crate::reply::Reply;
use crate::store::{Debate, Side, Store, VoteOutcome};

/// How long Aura waits for slow work before deferring an interaction's answer.
const SLOW: Duration = Duration::from_millis(2000);

pub use crate::clock::unix_now as now;

/// Answers `/debate`: opens a vote on the chosen motion, or explains why there is none.
pub async fn start(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    data: &Data,
    motion: Option<String>,
) -> Result<(), Error> {
    let core = &data.core;
    let lang = core.lang_for(Some(interaction.locale.as_str()));
    let picked = {
        let mut rng = StdRng::from_entropy();
        debate::pick(core, lang, motion.as_deref(), &mut rng)
            .map(|(p, m)| (p.id.clone(), m.id.clone()))
    };
    let (body, deferred) = match picked {
        Err(notice) => (
            render::interaction_response(&notice, render::CHANNEL_MESSAGE),
            false,
        ),
        Ok((pack, motion)) => {
            let opened_at = now();
            let record = Debate {
                id: interaction.id.to_string(),
                pack,
                motion,
                guild_id: interaction.guild_id.map(|g| g.to_string()),
                channel_id: interaction.channel_id.to_string(),
                starter_id: interaction.user.id.to_string(),
                token: interaction.token.clone(),
                lang: lang.code().into(),
                opened_at,
                closes_at: opened_at + data.vote_length.as_secs().max(1) as i64,
                closed_at: None,
            };
            // Discord waits 3 seconds for an answer: if the database is slow, defer first
            // (type 5) and put the card on the message once the vote is stored.
            let store = data.store.clone();
            let stored = record.clone();
            let mut write = tokio::spawn(async move { store.open_debate(&stored).await });
            let deferred = match tokio::time::timeout(SLOW, &mut write).await {
                Ok(joined) => {
                    joined??;
                    false
                }
                Err(_) => {
                    tracing::warn!(debate = %record.id, "slow database: deferring the answer");
                    let defer = serde_json::json!({ "type": 5 });
                    ctx.http
                        .create_interaction_response(
                            interaction.id,
                            &interaction.token,
                            &defer,
                            vec![],
                        )
                        .await?;
                    write.await??;
                    true
                }
            };
            let Some(mut reply) = open_card(core, &record, lang) else {
                return Err("the motion vanished from the pack".into());
            };
            reply.buttons.push(super::commands::delete_button(
                lang,
                interaction.user.id.get(),
            ));
            (
                render::interaction_response(&reply, render::CHANNEL_MESSAGE),
                deferred,
            )
        }
    };
    if deferred {
        let message = &body["data"];
        ctx.http
            .edit_original_interaction_response(&interaction.token, message, vec![])
            .await?;
    } else {
        ctx.http
            .create_interaction_response(interaction.id, &interaction.token, &body, vec![])
            .await?;
    }
    Ok(())
}

fn open_card(core: &Core, d: &Debate, lang: Lang) -> Option<Reply> {
    let pack = core.library.pack(&d.pack)?;
    let motion = pack.motion(&d.motion)?;
    Some(debate::vote_card(pack, motion, lang, &d.id, d.closes_at))
}

async fn closed_card(core: &Core, store: &Store, d: &Debate) -> Result<Option<Reply>, Error> {
    let lang = Lang::parse(&d.lang).unwrap_or(core.default_lang);
    let tally = store.tally(&d.id).await?;
    Ok(core.library.pack(&d.pack).and_then(|pack| {
        let motion = pack.motion(&d.motion)?;
        Some(debate::result_card(
            pack,
            motion,
            lang,
            tally.benjamin,
            tally.adorno,
            tally.undecided,
        ))
    }))
}

fn notice(text: String) -> serde_json::Value {
    render::interaction_response(&Reply::notice(text), render::CHANNEL_MESSAGE)
}

/// A click on Benjamin / Adorno / undecided: `aura:vote:<debate>:<side>`.
pub async fn on_vote(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    rest: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let (id, side) = rest.rsplit_once(':').unwrap_or((rest, ""));
    let body = match Side::parse(side) {
        None => notice(t(lang, "error-stale-button")),
        Some(side) => {
            let outcome = data
                .store
                .vote(id, &click.user.id.to_string(), side, now())
                .await?;
            let side_name = t(lang, &format!("side-{}", side.code()));
            match outcome {
                VoteOutcome::Cast => notice(tr(lang, "vote-cast", &[("side", &side_name)])),
                VoteOutcome::Changed => notice(tr(lang, "vote-changed", &[("side", &side_name)])),
                VoteOutcome::Closed => notice(t(lang, "vote-closed")),
            }
        }
    };
    send(ctx, click, body).await
}

/// The starter's "close the vote": the message is replaced by the card with the tally.
pub async fn on_close(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    id: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let body = match data.store.debate(id).await? {
        None => notice(t(lang, "error-stale-button")),
        Some(d) if d.starter_id != click.user.id.to_string() => notice(t(lang, "vote-not-starter")),
        Some(d) => {
            if data.store.close_debate(id, now()).await? {
                match closed_card(&data.core, &data.store, &d).await? {
                    Some(reply) => render::interaction_response(&reply, render::UPDATE_MESSAGE),
                    None => notice(t(lang, "error-stale-button")),
                }
            } else {
                notice(t(lang, "vote-closed"))
            }
        }
    };
    send(ctx, click, body).await
}

/// Closes debates whose time is up, every `every`, and shows their tally on the message.
/// Runs at start-up too, so votes that ran out while the bot was down are closed.
pub async fn sweep(
    http: Arc<serenity::Http>,
    rest: Rest,
    core: Arc<Core>,
    store: Store,
    every: Duration,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut ticker = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
        let due = match store.due_debates(now()).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(error = %e, "cannot read due debates");
                continue;
            }
        };
        for d in due {
            if let Err(e) = close_one(&http, &rest, &core, &store, &d).await {
                tracing::warn!(debate = %d.id, error = %e, "could not show a debate's result");
            }
        }
    }
}

async fn close_one(
    http: &serenity::Http,
    rest: &Rest,
    core: &Core,
    store: &Store,
    d: &Debate,
) -> Result<(), Error> {
    if !store.close_debate(&d.id, now()).await? {
        return Ok(());
    }
    let Some(reply) = closed_card(core, store, d).await? else {
        return Ok(());
    };
    let body = render::message(&reply, render::Mentions::default());
    // The token is valid for 15 minutes; past that the message can no longer be edited.
    let Some(app) = http.application_id() else {
        return Err("the application id is not known yet".into());
    };
    rest.edit_original(app.get(), &d.token, &body).await?;
    Ok(())
}
