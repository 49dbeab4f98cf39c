-- Extra time a teacher gives one member of a server, privately: their homework questions'
-- time limit is `percent` of the assignment's (150: one and a half times). No row: 100.
CREATE TABLE quiz_member_time (
    guild_id  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    percent   INTEGER NOT NULL CHECK (percent BETWEEN 100 AND 300),
    set_at    INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX quiz_member_time_member ON quiz_member_time (user_id);
