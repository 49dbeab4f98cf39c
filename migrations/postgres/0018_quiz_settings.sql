-- A server's choices for its quiz: how public boards and round end cards name members (all
-- named, the top three only, or anonymous: ranks without names), and the scoring its rounds
-- take unless `/quiz start scoring:` says otherwise (NULL: speed).
CREATE TABLE quiz_settings (
    guild_id  TEXT PRIMARY KEY,
    boards    TEXT NOT NULL DEFAULT 'names' CHECK (boards IN ('names', 'top3', 'anonymous')),
    flat      BIGINT
);

-- Members who keep their own name off their server's public boards and end cards
-- (`/quiz me hide:true`).
CREATE TABLE quiz_unnamed (
    guild_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX quiz_unnamed_member ON quiz_unnamed (user_id);
