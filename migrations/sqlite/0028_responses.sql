-- What members write for the class: one response per member and thing answered (a daily
-- prompt `schedule.date`, a point of the letter, a debate's motion, a homework's hardest
-- question), editable until a teacher reviews it or its deadline passes. `title` is what was
-- answered as it read then; `name` the member's display name when they wrote. A teacher's
-- status and feedback are held until released (`released_at`), then delivered privately
-- (`delivered_at`: by DM, or on the member's next `/responses mine`). A response is shared in
-- the class's thread only after its author agreed (`shared_at`).
CREATE TABLE responses (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id       TEXT NOT NULL,
    channel_id     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('prompt', 'letter', 'motion', 'homework')),
    target         TEXT NOT NULL,
    title          TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    name           TEXT NOT NULL,
    lang           TEXT NOT NULL,
    body           TEXT NOT NULL,
    status         TEXT,
    feedback       TEXT,
    reviewer_id    TEXT,
    reviewed_at    INTEGER,
    released_at    INTEGER,
    delivered_at   INTEGER,
    share_asked_at INTEGER,
    shared_at      INTEGER,
    deadline       INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (guild_id, kind, target, user_id)
);
CREATE INDEX responses_member ON responses (user_id, guild_id, created_at);
CREATE INDEX responses_updated ON responses (updated_at);
CREATE INDEX responses_reviewer ON responses (reviewer_id);

-- The server's own statuses for responses, beside accepted, needs revision and excellent:
-- at most two, one a line.
CREATE TABLE response_labels (
    guild_id  TEXT PRIMARY KEY,
    labels    TEXT NOT NULL
);
