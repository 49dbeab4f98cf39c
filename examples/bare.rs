//! A bare serenity bot, for the benches only: it answers every interaction with the least it
//! can (a one-line message, an empty autocomplete, a silent acknowledgement) and does no work
//! of its own, so that `cargo bench --bench e2e_latency` can set Aura's CPU per interaction
//! beside a bot's floor through the same fake Discord. It reads what the bench gives Aura:
//! `DISCORD_TOKEN`, `DISCORD_API_URL` and `AURA_DISCORD__GUILD_ID`.
//!
//! `cargo build --release --example bare`, then
//! `E2E_BOT_BIN=target/release/examples/bare E2E_PHASES=lookups,votes cargo bench --bench e2e_latency`.

use poise::serenity_prelude as serenity;

struct Handler {
    guild: serenity::GuildId,
}

#[serenity::async_trait]
impl serenity::EventHandler for Handler {
    async fn ready(&self, ctx: serenity::Context, _: serenity::Ready) {
        let commands = vec![serenity::CreateCommand::new("concept").description("A concept")];
        if let Err(e) = self.guild.set_commands(&ctx.http, commands).await {
            eprintln!("could not register: {e}");
        }
    }

    async fn interaction_create(&self, ctx: serenity::Context, interaction: serenity::Interaction) {
        let answered = match interaction {
            serenity::Interaction::Command(c) => {
                let message = serenity::CreateInteractionResponseMessage::new().content("ok");
                let response = serenity::CreateInteractionResponse::Message(message);
                c.create_response(&ctx.http, response).await
            }
            serenity::Interaction::Autocomplete(a) => {
                let none = serenity::CreateAutocompleteResponse::new();
                let response = serenity::CreateInteractionResponse::Autocomplete(none);
                a.create_response(&ctx.http, response).await
            }
            serenity::Interaction::Component(c) => {
                let response = serenity::CreateInteractionResponse::Acknowledge;
                c.create_response(&ctx.http, response).await
            }
            _ => Ok(()),
        };
        if let Err(e) = answered {
            eprintln!("could not answer: {e}");
        }
    }
}

#[tokio::main]
async fn main() {
    let var = |key: &str| std::env::var(key).unwrap_or_else(|_| panic!("{key} is not set"));
    let guild: u64 = var("AURA_DISCORD__GUILD_ID")
        .parse()
        .unwrap_or_else(|e| panic!("AURA_DISCORD__GUILD_ID: {e}"));
    // serenity's proxy works only with its rate limiter off (the fake does Discord's part).
    let http = serenity::HttpBuilder::new(var("DISCORD_TOKEN"))
        .proxy(var("DISCORD_API_URL"))
        .ratelimiter_disabled(true)
        .build();
    let mut client =
        serenity::ClientBuilder::new_with_http(http, serenity::GatewayIntents::non_privileged())
            .event_handler(Handler {
                guild: serenity::GuildId::new(guild),
            })
            .await
            .unwrap_or_else(|e| panic!("client: {e}"));
    if let Err(e) = client.start().await {
        eprintln!("gateway: {e}");
    }
}
