-- The server's own wording for the mark on its teachers' items ("From Pak Budi's lectures"),
-- shown instead of "From your teacher — not from the study pack". One row per server.
CREATE TABLE course_labels (
    guild_id  TEXT PRIMARY KEY,
    label     TEXT NOT NULL
);
