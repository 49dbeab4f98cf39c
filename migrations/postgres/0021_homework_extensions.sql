-- More time on one assignment for one member, given privately by a teacher: the member may
-- start and answer until `due_at` although the class's due time has passed; the assignment
-- closes (and its summary is posted) once the last of these has passed too.
CREATE TABLE homework_extensions (
    homework_id TEXT NOT NULL REFERENCES homework(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL,
    due_at      BIGINT NOT NULL,
    set_at      BIGINT NOT NULL,
    PRIMARY KEY (homework_id, user_id)
);
CREATE INDEX homework_extensions_member ON homework_extensions (user_id);
