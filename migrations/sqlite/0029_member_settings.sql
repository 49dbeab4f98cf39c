-- A member's own choices, in every server: the language of Aura's replies to them (`/language`;
-- no row: their Discord client's), and when they chose it.
CREATE TABLE member_settings (
    user_id   TEXT PRIMARY KEY,
    lang      TEXT NOT NULL,
    set_at    INTEGER NOT NULL
);
