-- Classroom: rounds and answers of three kinds ('live' rounds in a channel, a member's
-- 'homework' attempt, a member's 'practice' run). Boards count live answers only; insights,
-- practice and the term gradebook read every kind. An answer may carry the text a member
-- typed, the team they played for and their display name as seen when they answered.
ALTER TABLE quiz_rounds ADD COLUMN kind TEXT NOT NULL DEFAULT 'live';
ALTER TABLE quiz_answers ADD COLUMN kind TEXT NOT NULL DEFAULT 'live';
ALTER TABLE quiz_answers ADD COLUMN typed TEXT;
ALTER TABLE quiz_answers ADD COLUMN team BIGINT;
ALTER TABLE quiz_answers ADD COLUMN display_name TEXT;

DROP INDEX quiz_one_open_round_per_channel;
CREATE UNIQUE INDEX quiz_one_open_round_per_channel ON quiz_rounds (channel_id)
    WHERE ended_at IS NULL AND kind = 'live';
CREATE INDEX quiz_answers_member_question ON quiz_answers (guild_id, user_id, question_id, answered_at);
