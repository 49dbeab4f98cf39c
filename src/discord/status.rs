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
        _ => {}
    }
}

/// Serenity tells its rate limiter's waits to event handlers only (not to poise's framework):
/// this one counts them. Added only while metrics are recorded, as every handler costs a task
/// per gateway event.
pub(super) struct RateLimits;

#[async_trait::async_trait]
impl serenity::EventHandler for RateLimits {
    async fn ratelimit(&self, _info: serenity::RatelimitInfo) {
        metrics::rate_limited();
    }
}
