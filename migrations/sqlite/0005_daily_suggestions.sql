-- Member suggestions for daily prompts, decided by staff, and where a server's staff see them.
CREATE TABLE daily_suggestions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      TEXT NOT NULL,
    channel_id    TEXT NOT NULL,          -- where the member suggested it
    user_id       TEXT NOT NULL,
    text          TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',   -- 'pending', 'approved', 'denied'
    reason        TEXT,
    token         TEXT NOT NULL,          -- the member's interaction token (15 min), for the fallback
    created_at    INTEGER NOT NULL
);

CREATE INDEX daily_suggestions_pending ON daily_suggestions (guild_id, user_id, status);

CREATE TABLE daily_staff (
    guild_id      TEXT PRIMARY KEY,
    channel_id    TEXT NOT NULL
);
