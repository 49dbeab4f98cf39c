//! The one router for clicks and modal submits: the `custom_id` is decoded once into a
//! [`CustomId`], the plain [`Invocation`] is built, and the feature that owns the component
//! answers; the outcome is sent by [`super::send`]. A forged or stale id gets a polite notice.

use poise::serenity_prelude as serenity;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::send::{self, Kind, Target};
use super::{Data, Error, invocation};
use crate::daily::{notify, suggestions};
use crate::debate::class::{Act, flow as class};
use crate::debate::{history, votes};
use crate::i18n::t;
use crate::interaction::{CustomId, Invocation, Outcome};
use crate::privacy;
use crate::quiz::clicks;
use crate::quiz::commands as quiz;
use crate::quiz::homework::flow as homework;
use crate::quiz::practice;
use crate::reply::Reply;
use crate::responses;
use crate::responses::model::ReviewAct;
use crate::services::{self, Services};

/// Every interaction poise does not handle itself: buttons, menus and modal submits.
pub async fn on_event(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    let serenity::FullEvent::InteractionCreate { interaction } = event else {
        return Ok(());
    };
    let s = data.services.clone();
    let answered = match interaction {
        serenity::Interaction::Component(click) => {
            let inv = crate::language::apply(&s, invocation::of_click(click, &s.core)).await;
            let value = match &click.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => {
                    values.first().cloned()
                }
                _ => None,
            };
            let id = CustomId::decode(&click.data.custom_id);
            let target = target(ctx, click.id, &click.token, &inv, &click.data.custom_id);
            // "Notify me" reads the server's roles and changes the member's: answered (deferred)
            // before any of those calls, its result follows privately.
            let slow = matches!(id, Some(CustomId::DailyRole { .. }));
            send::answer(target, slow, on_click(s, inv, id, value)).await
        }
        serenity::Interaction::Modal(modal) => {
            let inv = crate::language::apply(&s, invocation::of_modal(modal, &s.core)).await;
            let values: Vec<(String, String)> = modal
                .data
                .components
                .iter()
                .flat_map(|row| &row.components)
                .filter_map(|c| match c {
                    serenity::ActionRowComponent::InputText(input) => Some((
                        input.custom_id.clone(),
                        input.value.clone().unwrap_or_default(),
                    )),
                    _ => None,
                })
                .collect();
            let id = CustomId::decode(&modal.data.custom_id);
            let target = target(ctx, modal.id, &modal.token, &inv, &modal.data.custom_id);
            send::answer(target, false, on_submit(s, inv, id, values)).await
        }
        _ => Ok(()),
    };
    if let Err(e) = answered {
        tracing::warn!(error = %e, "could not answer a click or a form");
    }
    Ok(())
}

fn target<'a>(
    ctx: &'a serenity::Context,
    id: serenity::InteractionId,
    token: &'a str,
    inv: &Invocation,
    what: &'a str,
) -> Target<'a> {
    Target {
        http: &ctx.http,
        id,
        token,
        kind: Kind::Component,
        lang: inv.lang,
        what,
    }
}

fn stale(inv: &Invocation) -> Outcome {
    Outcome::Reply(Reply::notice(t(inv.lang, "error-stale-button")))
}

/// A button or menu, by what its id says it is.
async fn on_click(
    s: Services,
    inv: Invocation,
    id: Option<CustomId>,
    value: Option<String>,
) -> Result<Outcome, services::Error> {
    let Some(id) = id else {
        return Ok(stale(&inv));
    };
    match id {
        CustomId::QuizAnswer {
            round,
            number,
            position,
        } => Ok(clicks::answer(&s, &inv, round, number, position).await),
        CustomId::QuizHint { round, number } => Ok(clicks::hint(&s, &inv, round, number)),
        CustomId::QuizSkip { round, number } => Ok(clicks::vote_skip(&s, &inv, round, number)),
        CustomId::QuizBoard { period, sort, page } => {
            quiz::board_page(&s, &inv, (period, sort), page).await
        }
        CustomId::QuizTeam { round, team } => Ok(clicks::join(&s, &inv, round, team)),
        CustomId::QuizIn { round } => Ok(clicks::ready(&s, &inv, round)),
        CustomId::Practice {
            run,
            number,
            question,
            choice,
        } => practice::answer(&s, &inv, run, number, &question, choice).await,
        CustomId::QuizType { round, number } => Ok(quiz::typed_form(&s, &inv, round, number)),
        CustomId::QuizTyped { .. } => Ok(stale(&inv)),
        CustomId::QuizReset {
            period,
            owner,
            guild,
        } => quiz::reset(&s, &inv, period, owner, guild).await,
        CustomId::HomeworkStart { homework } => homework::start(&s, &inv, homework).await,
        CustomId::HomeworkClose {
            homework,
            owner,
            confirm,
        } => quiz::close_homework(&s, &inv, homework, owner, confirm).await,
        CustomId::HomeworkAnswer {
            homework,
            number,
            position,
        } => homework::answer(&s, &inv, homework, number, position).await,
        CustomId::DailyRole { role } => notify::toggle(&s, &inv, role).await,
        CustomId::Approve { suggestion } => suggestions::decision(&s, &inv, suggestion, true).await,
        CustomId::Deny { suggestion } => suggestions::decision(&s, &inv, suggestion, false).await,
        CustomId::Vote { debate, side } => votes::vote(&s, &inv, debate, side).await,
        CustomId::CloseVote { debate } => votes::close(&s, &inv, debate).await,
        CustomId::DebateHistory { page } => history::list(&s, &inv, page, true).await,
        CustomId::Class { debate, act } => class::click(&s, &inv, debate, act).await,
        // Who asked is read from the message itself; the id in the button proves nothing.
        CustomId::Delete { .. } if inv.origin_user == Some(inv.user) => Ok(Outcome::DeleteMessage),
        CustomId::Delete { .. } => Ok(Outcome::Reply(Reply::notice(t(
            inv.lang,
            "error-not-yours",
        )))),
        CustomId::DenyReason { .. } => Ok(stale(&inv)),
        CustomId::Privacy { delete, owner } => privacy::confirm(&s, &inv, (delete, owner)).await,
        CustomId::CourseForm { .. } => Ok(stale(&inv)),
        CustomId::CourseDraft { draft, confirm } => {
            crate::course::items::confirm(&s, &inv, (draft, confirm)).await
        }
        CustomId::Respond { on } => responses::write::respond(&s, &inv, on).await,
        CustomId::Responded { .. } => Ok(stale(&inv)),
        CustomId::ResponseDraft { draft, act } => {
            responses::write::draft_act(&s, &inv, (draft, act)).await
        }
        CustomId::Review {
            response,
            act,
            walk,
        } => responses::review::click(&s, &inv, (response, act, walk)).await,
        CustomId::ShareConsent { response, yes } => {
            responses::deliver::consent(&s, &inv, (response, yes)).await
        }
        navigation => {
            let mut rng = StdRng::from_entropy();
            let reply = crate::lookup::component(
                &s.core,
                inv.lang,
                &navigation,
                value.as_deref(),
                &mut rng,
            );
            Ok(match reply {
                // Navigation is shown to the clicker alone, so nobody's click changes the channel.
                Some(mut reply) => {
                    reply.ephemeral = true;
                    Outcome::Reply(reply)
                }
                None => stale(&inv),
            })
        }
    }
}

/// A submitted form.
async fn on_submit(
    s: Services,
    inv: Invocation,
    id: Option<CustomId>,
    values: Vec<(String, String)>,
) -> Result<Outcome, services::Error> {
    match id {
        Some(CustomId::DenyReason { suggestion }) => {
            // The first input is the reason.
            let text = values
                .into_iter()
                .next()
                .map(|(_, v)| v)
                .unwrap_or_default();
            suggestions::denied_with_reason(&s, &inv, suggestion, &text).await
        }
        Some(CustomId::Class {
            debate,
            act: Act::Argument,
        }) => class::argument(&s, &inv, debate, &values).await,
        Some(CustomId::QuizTyped { round, number }) => {
            Ok(quiz::typed_answer(&s, &inv, round, number, &values).await)
        }
        Some(CustomId::CourseForm { draft, .. }) => {
            crate::course::items::submitted(&s, &inv, draft, &values).await
        }
        Some(CustomId::Responded { on }) => {
            responses::write::submitted(&s, &inv, on, &values).await
        }
        Some(CustomId::Review {
            response,
            act: ReviewAct::FeedbackForm,
            walk,
        }) => responses::review::feedback(&s, &inv, (response, walk), &values).await,
        _ => Ok(stale(&inv)),
    }
}
