-- A server's reading plan: when its term starts (a local date in its zone) and the sections
-- read each week (JSON: {"1": ["preface", "i"], "2": ["ii", "iii"]}).
CREATE TABLE course_plans (
    guild_id  TEXT PRIMARY KEY,
    start     TEXT NOT NULL,
    zone      TEXT NOT NULL,
    weeks     TEXT NOT NULL
);
