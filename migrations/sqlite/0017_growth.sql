-- Growth: what boards, the gradebook, insights and names read is kept beside the answers, so
-- a command reads a server's members and questions, not its whole history.
--
-- A round is folded into these tables when it ends (live rounds), or answer by answer
-- (homework and practice); `quiz_rounds.folded` says it was. Readers add the answers of the
-- live rounds still running, which are not folded yet.
ALTER TABLE quiz_rounds ADD COLUMN folded INTEGER NOT NULL DEFAULT 0;
CREATE INDEX quiz_rounds_unfolded ON quiz_rounds (guild_id) WHERE folded = 0;

-- Each member's totals in each round (every kind); `won`: they had the round's most points.
CREATE TABLE quiz_round_members (
    round_id      TEXT NOT NULL REFERENCES quiz_rounds(id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    guild_id      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    points        INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    answered      INTEGER NOT NULL,
    last_at       INTEGER NOT NULL,
    won           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX quiz_round_members_recent ON quiz_round_members (guild_id, kind, last_at);
CREATE INDEX quiz_round_members_member ON quiz_round_members (user_id);

-- The term's and all-time board: each member's live totals since the period's last reset.
CREATE TABLE quiz_member_totals (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    points        INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    answered      INTEGER NOT NULL,
    games         INTEGER NOT NULL,
    wins          INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, user_id)
);
CREATE INDEX quiz_member_totals_member ON quiz_member_totals (user_id);
-- A board's top rows and a member's place, read in order of points.
CREATE INDEX quiz_member_totals_rank ON quiz_member_totals (guild_id, period, points);

-- The term's and all-time homework of each member, for the gradebook: attempts (with an
-- answer), their points and answers, and the sum of the attempts' scores in percent.
CREATE TABLE quiz_homework_totals (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    attempts      INTEGER NOT NULL,
    points        INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    answered      INTEGER NOT NULL,
    score         REAL NOT NULL,
    PRIMARY KEY (guild_id, period, user_id)
);
CREATE INDEX quiz_homework_totals_member ON quiz_homework_totals (user_id);

-- How a server's class answered each question since the term's (or ever's) last reset, per
-- channel: answers of every kind, counted by the choice picked (-1: unknown) and outcome.
CREATE TABLE quiz_question_tallies (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    channel_id    TEXT NOT NULL,
    question_id   TEXT NOT NULL,
    picked        INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, channel_id, question_id, picked, correct)
);

-- Each member's latest display name in a server, as last seen answering.
CREATE TABLE quiz_names (
    guild_id      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    name          TEXT NOT NULL,
    seen_at       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
CREATE INDEX quiz_names_member ON quiz_names (user_id);

-- Each member's Leitner box per question (practice's spaced repetition), kept as answers
-- are folded instead of replayed from every answer they gave.
CREATE TABLE quiz_boxes (
    guild_id      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    question_id   TEXT NOT NULL,
    boxed         INTEGER NOT NULL,
    last_at       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id, question_id)
);
CREATE INDEX quiz_boxes_member ON quiz_boxes (user_id);
CREATE INDEX quiz_boxes_age ON quiz_boxes (last_at);

-- A member's answers in time order (practice's spaced repetition, /quiz review), and the
-- retention prune's range read by age.
CREATE INDEX quiz_answers_member_time ON quiz_answers (guild_id, user_id, answered_at);
CREATE INDEX quiz_answers_age ON quiz_answers (answered_at);

-- `/privacy` finds a member's rows through an index in every table that names them.
CREATE INDEX debate_ballots_member ON debate_ballots (user_id);
CREATE INDEX debate_sides_member ON debate_sides (user_id);
CREATE INDEX debate_pois_member ON debate_pois (user_id);
CREATE INDEX debate_arguments_member ON debate_arguments (user_id);
CREATE INDEX debate_speeches_speaker ON debate_speeches (speaker_id);
CREATE INDEX daily_suggestions_member ON daily_suggestions (user_id);
CREATE INDEX quiz_rounds_starter ON quiz_rounds (starter_id);
CREATE INDEX debates_starter ON debates (starter_id);
CREATE INDEX homework_teacher ON homework (teacher_id);
CREATE INDEX homework_closer ON homework (closed_by);
-- A round deleted (an erased member's homework attempt) finds the attempt naming it.
CREATE INDEX homework_attempts_round ON homework_attempts (round_id);
-- The homework sweep finds the attempts still open, not every assignment ever closed.
CREATE INDEX homework_attempts_open ON homework_attempts (homework_id) WHERE finished_at IS NULL;

-- The retention prune reads old rows by their age, not every debate, vote and speech.
CREATE INDEX debate_votes_age ON debate_votes (voted_at);
CREATE INDEX debate_ballots_age ON debate_ballots (voted_at);
CREATE INDEX debate_sides_age ON debate_sides (joined_at);
CREATE INDEX debate_pois_age ON debate_pois (raised_at);
CREATE INDEX debate_arguments_age ON debate_arguments (created_at);
CREATE INDEX debate_speeches_named ON debate_speeches (ended_at) WHERE speaker_id IS NOT NULL;
CREATE INDEX debates_token ON debates (opened_at) WHERE token <> '';
CREATE INDEX daily_suggestions_token ON daily_suggestions (created_at) WHERE token <> '';
-- A debate's thread finds it, as its channel does (`/debate history` in either).
CREATE INDEX debates_by_thread ON debates (thread_id, opened_at);
