-- Homework: an assignment posted in a channel with a Start button, its questions chosen once
-- (the same set and choice order for everyone), due at an instant; each member's attempt is a
-- quiz round of kind 'homework' (its answers of kind 'homework'), one per member.
CREATE TABLE homework (
    id            TEXT PRIMARY KEY,          -- the /quiz assign interaction's id
    guild_id      TEXT NOT NULL,
    number        BIGINT NOT NULL,          -- #1, #2 … in the server, for teachers
    channel_id    TEXT NOT NULL,
    message_id    TEXT,                      -- the assignment message, once posted
    teacher_id    TEXT NOT NULL,
    lang          TEXT NOT NULL,
    pack          TEXT NOT NULL,
    questions     TEXT NOT NULL,             -- JSON: [{"id": "…", "order": [2, 0, 1, 3]}, …]
    time_limit    BIGINT,                   -- seconds per question; NULL: no limit
    created_at    BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    zone          TEXT NOT NULL,             -- the IANA zone the due time was given in
    closed_at     BIGINT,
    closed_by     TEXT                       -- the teacher who closed it early; NULL: on time
);
CREATE UNIQUE INDEX homework_number ON homework (guild_id, number);
CREATE INDEX homework_open ON homework (due_at) WHERE closed_at IS NULL;

CREATE TABLE homework_attempts (
    homework_id   TEXT NOT NULL REFERENCES homework(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    round_id      TEXT NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
    next_no       BIGINT NOT NULL,          -- the question shown now (1-based)
    shown_at      BIGINT NOT NULL,          -- when it was shown: its time limit counts from here
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT,
    PRIMARY KEY (homework_id, user_id)
);
CREATE INDEX homework_attempts_member ON homework_attempts (user_id);
