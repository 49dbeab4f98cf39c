-- Debate votes: one row per debate started in a channel, one per member's current vote.
CREATE TABLE debates (
    id            TEXT PRIMARY KEY,      -- the interaction id of the /debate that started it
    pack          TEXT NOT NULL,
    motion        TEXT NOT NULL,
    guild_id      TEXT,
    channel_id    TEXT NOT NULL,
    starter_id    TEXT NOT NULL,
    token         TEXT NOT NULL,         -- the interaction token, to edit the message (15 min)
    lang          TEXT NOT NULL,
    opened_at     INTEGER NOT NULL,      -- unix seconds
    closes_at     INTEGER NOT NULL,
    closed_at     INTEGER
);

CREATE TABLE debate_votes (
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('benjamin', 'adorno', 'undecided')),
    voted_at      INTEGER NOT NULL,
    PRIMARY KEY (debate_id, user_id)
);

CREATE INDEX debates_open ON debates (closes_at) WHERE closed_at IS NULL;
