-- Quiz rounds and every answer given in them; boards, /quiz me and reports are computed
-- from these rows.
CREATE TABLE quiz_rounds (
    id            TEXT PRIMARY KEY,
    guild_id      TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    starter_id    TEXT NOT NULL,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    outcome       TEXT             -- 'finished', 'stopped', 'idle', 'shutdown', 'abandoned'
);

CREATE TABLE quiz_answers (
    round_id      TEXT NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
    question_no   INTEGER NOT NULL,
    question_id   TEXT NOT NULL,
    guild_id      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    choice        INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    taken_ms      INTEGER NOT NULL,
    points        INTEGER NOT NULL,
    answered_at   INTEGER NOT NULL,
    PRIMARY KEY (round_id, question_no, user_id)
);

CREATE INDEX quiz_answers_board ON quiz_answers (guild_id, answered_at);

-- A reset of a period's board: only answers after it count for that period.
CREATE TABLE quiz_resets (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    reset_at      INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period)
);

CREATE UNIQUE INDEX quiz_one_open_round_per_channel ON quiz_rounds (channel_id) WHERE ended_at IS NULL;
