//! What Discord sends: interactions as they arrive on the gateway (commands, subcommands,
//! autocomplete, clicks, modal answers, with their options and resolved data), the members in
//! them, and message objects. Tests build their input from these.

use serde_json::{Value, json};

use super::{APP_ID, CHANNEL_ID, GUILD_ID};

/// Aura's own user.
pub fn bot_user() -> Value {
    json!({ "id": APP_ID, "username": "aura", "discriminator": "0", "global_name": null,
            "avatar": null, "bot": true, "flags": 0 })
}

/// A message of Aura's, as Discord returns it.
pub fn message(content: &str) -> Value {
    json!({
        "id": "1100000000000000001", "channel_id": CHANNEL_ID, "author": bot_user(), "content": content,
        "timestamp": "2026-11-28T00:00:00+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": []
    })
}

/// A member in a server channel.
pub fn member_user(id: u64) -> Value {
    json!({ "id": id.to_string(), "username": format!("student{id}"), "discriminator": "0",
            "global_name": null, "avatar": null })
}

fn base(id: u64, user: u64, locale: &str, kind: u8) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP_ID, "type": kind,
        "token": format!("token-{id}"), "version": 1, "channel_id": CHANNEL_ID,
        "channel": { "id": CHANNEL_ID, "type": 0 },
        "user": member_user(user), "locale": locale, "entitlements": [],
        "authorizing_integration_owners": {}, "context": 0, "attachment_size_limit": 8388608,
        "app_permissions": "442368"
    })
}

/// A slash command as Discord sends it (`options`: `[{"type": 3, "name": …, "value": …}]`).
pub fn command(id: u64, user: u64, locale: &str, name: &str, options: Value) -> Value {
    let mut v = base(id, user, locale, 2);
    v["data"] = json!({ "id": "9000000000000000001", "name": name, "type": 1, "options": options });
    v
}

/// An autocomplete request for `option` with the partial `value`; a command name of the form
/// `group sub` asks for a subcommand's option (`/debate start motion:`).
pub fn autocomplete(
    id: u64,
    user: u64,
    locale: &str,
    name: &str,
    option: &str,
    value: &str,
) -> Value {
    let focused = json!([{ "type": 3, "name": option, "value": value, "focused": true }]);
    let mut v = base(id, user, locale, 4);
    v["data"] = match name.split_once(' ') {
        Some((group, sub)) => json!({ "id": "9000000000000000001", "name": group, "type": 1,
            "options": [{ "type": 1, "name": sub, "options": focused }] }),
        None => json!({ "id": "9000000000000000001", "name": name, "type": 1,
            "options": focused }),
    };
    v
}

/// A button click (or, with `values`, a menu choice) on a message of Aura's.
pub fn click(
    id: u64,
    user: u64,
    locale: &str,
    custom_id: &str,
    values: Option<Vec<&str>>,
) -> Value {
    let mut v = base(id, user, locale, 3);
    v["message"] = message("");
    v["data"] = match values {
        Some(values) => json!({ "custom_id": custom_id, "component_type": 3, "values": values }),
        None => json!({ "custom_id": custom_id, "component_type": 2 }),
    };
    v
}

/// Moves an interaction to another channel (a click on a message posted there).
pub fn in_channel(mut v: Value, channel: &str) -> Value {
    v["channel_id"] = json!(channel);
    v["channel"]["id"] = json!(channel);
    v
}

/// Says who asked for the clicked message, as Discord does in its interaction metadata
/// (a slash command's reply, by `user`).
pub fn asked_by(mut v: Value, user: u64) -> Value {
    v["message"]["interaction_metadata"] = json!({ "id": "1100000000000000009", "type": 2,
        "user": member_user(user), "authorizing_integration_owners": { "0": GUILD_ID } });
    v
}

/// Puts an interaction in the server: a guild id and a member with these permissions
/// (a decimal bit set, e.g. `MANAGE_MESSAGES`) and roles. Manage Messages and Manage Server
/// come, as usual, from a role: the member also holds the fake's moderators' or staff role.
pub fn in_guild(v: Value, permissions: u64, roles: &[&str]) -> Value {
    in_server(v, GUILD_ID, permissions, roles)
}

/// Puts an interaction in the server `guild`, as [`in_guild`] does in `GUILD_ID`.
pub fn in_server(v: Value, guild: &str, permissions: u64, roles: &[&str]) -> Value {
    let mut roles: Vec<&str> = roles.to_vec();
    if permissions & (1 << 5) != 0 {
        roles.push(super::STAFF_ROLE);
    } else if permissions & (1 << 13) != 0 {
        roles.push(super::MODERATORS_ROLE);
    }
    by_overwrite(v, guild, permissions, &roles)
}

/// Puts an interaction in `GUILD_ID` with these permissions in the channel alone (granted by
/// the channel's overwrites), from no role of the server.
pub fn in_guild_by_overwrite(v: Value, permissions: u64, roles: &[&str]) -> Value {
    by_overwrite(v, GUILD_ID, permissions, roles)
}

fn by_overwrite(mut v: Value, guild: &str, permissions: u64, roles: &[&str]) -> Value {
    let user = v["user"].clone();
    v["guild_id"] = json!(guild);
    v["guild_locale"] = json!("en-US");
    v["member"] = json!({ "user": user, "roles": roles, "joined_at": "2026-01-01T00:00:00+00:00",
        "deaf": false, "mute": false, "permissions": permissions.to_string(), "flags": 0 });
    v.as_object_mut().map(|o| o.remove("user"));
    v["app_permissions"] = json!("309237771264");
    v
}

/// Permission bits.
pub const MEMBER: u64 = 1 << 10 | 1 << 11; // View Channel, Send Messages
pub const MANAGE_MESSAGES: u64 = MEMBER | 1 << 13;
pub const MANAGE_GUILD: u64 = MANAGE_MESSAGES | 1 << 5;

/// A subcommand (`/quiz start`) with its options.
pub fn subcommand(
    id: u64,
    user: u64,
    locale: &str,
    group: &str,
    sub: &str,
    options: Value,
) -> Value {
    let mut v = base(id, user, locale, 2);
    v["data"] = json!({ "id": "9000000000000000001", "name": group, "type": 1,
        "options": [{ "type": 1, "name": sub, "options": options }] });
    v
}

/// A channel option, with the resolved channel Discord sends along.
pub fn with_channel(mut v: Value, name: &str, channel: &str) -> Value {
    if let Some(opts) = v["data"]["options"][0]["options"].as_array_mut() {
        opts.push(json!({ "type": 7, "name": name, "value": channel }));
    }
    v["data"]["resolved"] = json!({ "channels": { channel: {
        "id": channel, "name": "class", "type": 0, "permissions": "309237771264" } } });
    v
}

/// A role option, with the resolved role Discord sends along.
pub fn with_role(mut v: Value, name: &str, role: &str) -> Value {
    if let Some(opts) = v["data"]["options"][0]["options"].as_array_mut() {
        opts.push(json!({ "type": 8, "name": name, "value": role }));
    }
    v["data"]["resolved"]["roles"] = json!({ role: {
        "id": role, "name": "daily-readers", "color": 0, "hoist": false, "position": 1,
        "permissions": "0", "managed": false, "mentionable": true, "flags": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "icon": null, "unicode_emoji": null } });
    v
}

/// An attachment option (`/course import file:`), with the resolved attachment Discord sends
/// along: its name, size and where it is hosted.
pub fn with_attachment(
    mut v: Value,
    option: &str,
    (name, url, size): (&str, &str, usize),
) -> Value {
    let id = "1190000000000000001";
    if let Some(opts) = v["data"]["options"][0]["options"].as_array_mut() {
        opts.push(json!({ "type": 11, "name": option, "value": id }));
    }
    v["data"]["resolved"]["attachments"] = json!({ id: {
        "id": id, "filename": name, "size": size, "url": url, "proxy_url": url,
        "content_type": "text/plain; charset=utf-8" } });
    v
}

/// A modal's answer: one text input per `(custom_id, value)`.
pub fn modal_submit(
    id: u64,
    user: u64,
    locale: &str,
    custom_id: &str,
    inputs: &[(&str, &str)],
) -> Value {
    let mut v = base(id, user, locale, 5);
    let rows: Vec<Value> = inputs
        .iter()
        .map(|(cid, value)| {
            json!({ "type": 1, "components": [
            { "type": 4, "custom_id": cid, "value": value }] })
        })
        .collect();
    v["data"] = json!({ "custom_id": custom_id, "components": rows });
    v["message"] = message("");
    v
}

pub fn string_option(name: &str, value: &str) -> Value {
    json!({ "type": 3, "name": name, "value": value })
}

/// A server as GUILD_CREATE brings it after READY: no members, channels or roles listed.
pub fn guild_create(id: u64) -> Value {
    let mut guild = json!({
        "id": id.to_string(), "name": format!("server {id}"), "icon": null, "icon_hash": null,
        "splash": null, "discovery_splash": null, "owner_id": "1", "widget_enabled": false,
        "widget_channel_id": null, "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "roles": [], "emojis": [], "features": [], "mfa_level": 0,
        "application_id": null, "system_channel_id": null, "system_channel_flags": 0,
        "rules_channel_id": null, "max_presences": null, "max_members": 500000
    });
    let more = json!({
        "vanity_url_code": null, "description": null, "banner": null, "premium_tier": 0,
        "premium_subscription_count": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": null, "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50, "approximate_member_count": null,
        "approximate_presence_count": null, "welcome_screen": null, "nsfw_level": 0,
        "stickers": [], "premium_progress_bar_enabled": false
    });
    let rest = json!({
        "joined_at": "2026-01-01T00:00:00+00:00", "large": false, "unavailable": false,
        "member_count": 1, "voice_states": [], "members": [], "channels": [], "threads": [],
        "presences": [], "stage_instances": [], "guild_scheduled_events": [],
        "safety_alerts_channel_id": null, "incidents_data": null
    });
    if let Some(fields) = guild.as_object_mut() {
        for part in [more, rest] {
            if let Value::Object(m) = part {
                fields.extend(m);
            }
        }
    }
    guild
}
