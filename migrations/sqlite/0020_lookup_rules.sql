-- A server's rules for the lookup commands (/quote, /concept, /search …): cooldowns per channel
-- and per server (seconds, 0 = none), how long an entry is not shown again in a channel
-- (seconds, 0 = no such rule), and whether lookups answer privately by default.
CREATE TABLE lookup_settings (
    guild_id          TEXT PRIMARY KEY,
    channel_cooldown  INTEGER NOT NULL DEFAULT 0,
    server_cooldown   INTEGER NOT NULL DEFAULT 0,
    repeat_window     INTEGER NOT NULL DEFAULT 0,
    private           INTEGER NOT NULL DEFAULT 0
);

-- Channels where lookups answer otherwise than the server's default: publicly (0) or only
-- privately (1).
CREATE TABLE lookup_channels (
    guild_id    TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    private     INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
