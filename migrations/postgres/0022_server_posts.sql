-- The language of a server's shared posts when a new schedule, round or debate names none:
-- 'id', 'en' or 'both' (Indonesian and English in one card). No row: each starter's language.
CREATE TABLE server_posts (
    guild_id TEXT PRIMARY KEY,
    posts    TEXT NOT NULL CHECK (posts IN ('id', 'en', 'both')),
    set_at   BIGINT NOT NULL
);
-- A debate (a quick vote or a class debate) shown in both languages, its own first.
ALTER TABLE debates ADD COLUMN bilingual BIGINT NOT NULL DEFAULT 0;
