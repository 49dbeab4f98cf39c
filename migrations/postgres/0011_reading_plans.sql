-- A server's reading plan, as JSON: when its term starts (a local date in its zone) and the
-- sections read each week ({"start": "2026-09-07", "zone": "Asia/Jakarta",
-- "weeks": {"1": ["preface", "i"], "2": ["ii", "iii"]}}).
CREATE TABLE course_plans (
    guild_id  TEXT PRIMARY KEY,
    plan      TEXT NOT NULL
);
