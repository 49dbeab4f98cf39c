//! Builds the plain [`Invocation`] once from a serenity interaction: who asked, where, in
//! which language and with which rights. Nothing past this file sees serenity's types.

use poise::serenity_prelude as serenity;

use crate::core::Core;
use crate::interaction::Invocation;

/// The parts every kind of interaction has.
struct Parts<'a> {
    id: serenity::InteractionId,
    token: &'a str,
    guild: Option<serenity::GuildId>,
    channel: serenity::ChannelId,
    user: &'a serenity::User,
    locale: &'a str,
    member: Option<&'a serenity::Member>,
    app: Option<serenity::Permissions>,
    origin: Option<u64>,
}

/// The parts of `$i`, a serenity interaction of any kind (each kind is a type of its own, with
/// the same fields), with its `$member` and its `$origin`.
macro_rules! parts {
    ($i:expr, $member:expr, $origin:expr) => {
        Parts {
            id: $i.id,
            token: &$i.token,
            guild: $i.guild_id,
            channel: $i.channel_id,
            user: &$i.user,
            locale: &$i.locale,
            member: $member,
            app: $i.app_permissions,
            origin: $origin,
        }
    };
}

fn build(p: Parts<'_>, core: &Core) -> Invocation {
    Invocation {
        id: p.id.get(),
        token: p.token.to_string(),
        guild: p.guild.map(|g| g.get()),
        channel: p.channel.get(),
        user: p.user.id.get(),
        lang: core.lang_for(Some(p.locale)),
        client_lang: core.lang_for(Some(p.locale)),
        permissions: p.member.and_then(|m| m.permissions).map_or(0, |x| x.bits()),
        roles: p
            .member
            .map(|m| m.roles.iter().map(|r| r.get()).collect())
            .unwrap_or_default(),
        app_permissions: p.app.map(|x| x.bits()),
        origin_user: p.origin,
        name: display_name(p.user, p.member),
    }
}

/// The name Discord shows for the member here: their server nickname, display name or
/// username, cut to a sensible length.
fn display_name(user: &serenity::User, member: Option<&serenity::Member>) -> String {
    let name = member
        .and_then(|m| m.nick.clone())
        .or_else(|| user.global_name.clone())
        .unwrap_or_else(|| user.name.clone());
    crate::text::truncate(name.trim(), 64)
}

/// A slash command.
pub fn of_command(i: &serenity::CommandInteraction, core: &Core) -> Invocation {
    build(parts!(i, i.member.as_deref(), None), core)
}

/// A button click or menu choice.
pub fn of_click(i: &serenity::ComponentInteraction, core: &Core) -> Invocation {
    build(parts!(i, i.member.as_ref(), origin_of(&i.message)), core)
}

/// Who asked for `message`: the user in its interaction metadata (or, from older payloads, its
/// interaction), never anything written into a button.
fn origin_of(message: &serenity::Message) -> Option<u64> {
    use serenity::MessageInteractionMetadata as M;
    let from_metadata = message
        .interaction_metadata
        .as_deref()
        .and_then(|m| match m {
            M::Command(c) => Some(c.user.id.get()),
            M::Component(c) => Some(c.user.id.get()),
            M::ModalSubmit(c) => Some(c.user.id.get()),
            _ => None,
        });
    #[allow(deprecated)]
    let from_interaction = message.interaction.as_deref().map(|i| i.user.id.get());
    from_metadata.or(from_interaction)
}

/// A submitted modal.
pub fn of_modal(i: &serenity::ModalInteraction, core: &Core) -> Invocation {
    build(
        parts!(
            i,
            i.member.as_ref(),
            i.message.as_deref().and_then(origin_of)
        ),
        core,
    )
}
