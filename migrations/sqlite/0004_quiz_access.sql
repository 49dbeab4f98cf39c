-- Who may start, run and reset quiz rounds in a server: 'everyone', 'moderators' (Manage
-- Messages) or 'role' (moderators and the members of role_id). No row means 'moderators'.
CREATE TABLE quiz_access (
    guild_id      TEXT PRIMARY KEY,
    who           TEXT NOT NULL,
    role_id       TEXT
);
