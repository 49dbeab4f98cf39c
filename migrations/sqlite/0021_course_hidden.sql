-- Shipped items a server hides from its class (a question not reached yet, a motion a teacher
-- does not want): never drawn for its rounds, homework, practice, daily posts or debates.
-- `item` is `pack:id`; `hidden_by` is the member who hid it (cleared when they erase their
-- data; the choice stays with the server).
CREATE TABLE course_hidden (
    guild_id   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    item       TEXT NOT NULL,
    hidden_by  TEXT,
    hidden_at  INTEGER NOT NULL,
    PRIMARY KEY (guild_id, kind, item)
);
CREATE INDEX course_hidden_member ON course_hidden (hidden_by);
