-- A server's own items: the questions, prompts and motions its teachers wrote (by form or an
-- imported file), each kept as the TOML the pack's rules checked (`body`), under the
-- teacher's id. `author_id` is cleared when the author erases their data (the item stays
-- with the server); a deleted item keeps its row until the retention prune, so an assignment
-- that asked it can still show it.
CREATE TABLE course_items (
    guild_id    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    item        TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    deleted_at  BIGINT,
    PRIMARY KEY (guild_id, kind, item)
);
CREATE INDEX course_items_author ON course_items (author_id);
