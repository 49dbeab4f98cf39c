-- Where a server's staff actions are logged (set with /audit), and in which language.
CREATE TABLE audit_channels (
    guild_id      TEXT PRIMARY KEY,
    channel_id    TEXT NOT NULL,
    lang          TEXT NOT NULL
);

-- Members' rows, looked up by member for /privacy.
CREATE INDEX quiz_answers_member ON quiz_answers (user_id);
CREATE INDEX debate_votes_member ON debate_votes (user_id);
