-- Daily post schedules and their post history. A post is recorded once per schedule and
-- local date (the primary key), which is what makes the daily post exactly-once across
-- restarts and between /daily now and the automatic post.
CREATE TABLE daily_schedules (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    time          TEXT NOT NULL,          -- HH:MM
    zone          TEXT NOT NULL,          -- IANA name
    days          TEXT NOT NULL,          -- as typed: "mon,wed,fri", "daily", …
    lang          TEXT NOT NULL,
    kind          TEXT NOT NULL,          -- 'prompt', 'quote', 'motion'
    role_id       TEXT,
    thread        INTEGER NOT NULL,
    pin           INTEGER NOT NULL,
    paused        INTEGER NOT NULL DEFAULT 0,
    pause_reason  TEXT,
    skip_date     TEXT,                   -- a local date whose post is skipped
    deck          TEXT NOT NULL           -- the no-repeat deck, as JSON
);

CREATE TABLE daily_posts (
    schedule_id   INTEGER NOT NULL REFERENCES daily_schedules(id) ON DELETE CASCADE,
    local_date    TEXT NOT NULL,          -- YYYY-MM-DD in the schedule's zone
    item          TEXT NOT NULL,
    message_id    TEXT,
    posted_at     INTEGER NOT NULL,
    manual        INTEGER NOT NULL,
    PRIMARY KEY (schedule_id, local_date)
);
