//! What the operator's view hears from the gateway: each shard's connection (ready, resumed,
//! and every change of its connection stage) and serenity's rate-limit waits.

use poise::serenity_prelude as serenity;

use crate::ops::{Gateway, metrics};

/// Notes what `event` says about the connection of `ctx`'s shard.
pub(super) fn observe(ctx: &serenity::Context, event: &serenity::FullEvent, gateway: &Gateway) {
    match event {
        serenity::FullEvent::Ready { .. } | serenity::FullEvent::Resume { .. } => {
            gateway.set(ctx.shard_id.0, true);
        }
        serenity::FullEvent::ShardStageUpdate { event } => {
            gateway.set(
                event.shard_id.0,
                event.new == serenity::ConnectionStage::Connected,
            );
        }
        serenity::FullEvent::Ratelimit { .. } => metrics::rate_limited(),
        _ => {}
    }
}
