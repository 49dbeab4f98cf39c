-- Class debates: a debate's format and the messages it keeps up to date, the class debate's
-- flow (phase, speeches with their deadlines), the members' sides, the opening and closing
-- votes, points of information and the argument tree. Quick votes keep `debate_votes`.
ALTER TABLE debates ADD COLUMN format TEXT NOT NULL DEFAULT 'quick'
    CHECK (format IN ('quick', 'class'));
-- The message Aura keeps up to date through the channel-message endpoints: the vote card of a
-- quick vote, the pinned control message of a class debate.
ALTER TABLE debates ADD COLUMN message_id TEXT;
-- The thread a class debate runs in (NULL: in the channel itself).
ALTER TABLE debates ADD COLUMN thread_id TEXT;

CREATE INDEX debates_by_channel ON debates (channel_id, opened_at);

CREATE TABLE class_debates (
    debate_id     TEXT PRIMARY KEY REFERENCES debates(id) ON DELETE CASCADE,
    sides_mode    TEXT NOT NULL CHECK (sides_mode IN ('join', 'assign')),
    speech_secs   INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    phase         TEXT NOT NULL CHECK (phase IN ('lobby', 'opening', 'speech', 'closing', 'done')),
    speech        INTEGER NOT NULL DEFAULT 0,   -- the current speech's number in phase 'speech'
    ping_speakers INTEGER NOT NULL DEFAULT 0    -- the server's choice when the debate started
);

-- Who takes part and on which side (NULL: "I'm in", waiting to be dealt a side).
CREATE TABLE debate_sides (
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    side          TEXT CHECK (side IN ('benjamin', 'adorno')),
    joined_at     INTEGER NOT NULL,
    PRIMARY KEY (debate_id, user_id)
);

-- One ballot per member and vote (opening, closing), changeable while that vote is open.
CREATE TABLE debate_ballots (
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    phase         TEXT NOT NULL CHECK (phase IN ('opening', 'closing')),
    user_id       TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('benjamin', 'adorno', 'undecided')),
    voted_at      INTEGER NOT NULL,
    PRIMARY KEY (debate_id, phase, user_id)
);

-- The speeches, all created when the debate starts. Times are unix seconds. A running speech
-- has a `deadline`; a paused one has `remaining` seconds instead.
CREATE TABLE debate_speeches (
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    part          TEXT NOT NULL CHECK (part IN ('opening', 'rebuttal', 'closing')),
    side          TEXT NOT NULL CHECK (side IN ('benjamin', 'adorno')),
    speaker_id    TEXT,
    speaker_name  TEXT,
    allowed       INTEGER NOT NULL,             -- the speech's length, extensions included
    started_at    INTEGER,
    deadline      INTEGER,
    remaining     INTEGER,
    warn_secs     INTEGER NOT NULL,             -- the warning comes this long before the end
    warned        INTEGER NOT NULL DEFAULT 0,
    timed         INTEGER NOT NULL DEFAULT 0,   -- "time" was said
    ended_at      INTEGER,
    used          INTEGER,                      -- seconds spoken, pauses left out
    PRIMARY KEY (debate_id, number)
);

CREATE INDEX debate_speeches_running ON debate_speeches (deadline) WHERE deadline IS NOT NULL;

CREATE TABLE debate_pois (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    speech        INTEGER NOT NULL,
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    state         TEXT NOT NULL CHECK (state IN ('waiting', 'accepted', 'declined')),
    raised_at     INTEGER NOT NULL
);

-- One waiting hand per member and speech.
CREATE UNIQUE INDEX debate_pois_one_hand ON debate_pois (debate_id, speech, user_id)
    WHERE state = 'waiting';

CREATE TABLE debate_arguments (
    debate_id     TEXT NOT NULL REFERENCES debates(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,             -- #1, #2, … within the debate
    parent        INTEGER,                      -- the argument it answers
    side          TEXT NOT NULL CHECK (side IN ('benjamin', 'adorno')),
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    claim         TEXT NOT NULL,
    source        TEXT,                         -- a verified quote's id or a section's
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (debate_id, number)
);

-- A server's choices for debates.
CREATE TABLE debate_settings (
    guild_id      TEXT PRIMARY KEY,
    ping_speakers INTEGER NOT NULL DEFAULT 0
);
