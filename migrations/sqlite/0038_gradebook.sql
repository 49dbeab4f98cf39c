-- Each member's answers per question for the term and all time (how many, how many right),
-- kept as answers are folded, for the gradebook's accuracy per essay section: it reads one row
-- per member and question instead of every answer of the term. Filled here from the answers
-- already folded; from now on the fold adds to it (`src/store/fold.rs`).
CREATE TABLE quiz_member_questions (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    question_id   TEXT NOT NULL,
    n             INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, user_id, question_id)
);
CREATE INDEX quiz_member_questions_member ON quiz_member_questions (user_id);

INSERT INTO quiz_member_questions (guild_id, period, user_id, question_id, n, correct)
SELECT a.guild_id, p.period, a.user_id, a.question_id, COUNT(*), SUM(a.correct)
FROM quiz_rounds r
JOIN quiz_answers a ON a.round_id = r.id
JOIN (SELECT 'term' AS period UNION ALL SELECT 'all' AS period) p ON 1 = 1
WHERE r.folded = 1
  AND a.answered_at >= COALESCE(
      (SELECT z.reset_at FROM quiz_resets z WHERE z.guild_id = a.guild_id AND z.period = p.period),
      -9000000000000000000)
GROUP BY a.guild_id, p.period, a.user_id, a.question_id;

-- The study pack's questions and their essay sections, as the bot last started with them
-- (`Store::keep_sections`, at start-up and before each gradebook).
CREATE TABLE quiz_question_sections (
    question_id   TEXT PRIMARY KEY,
    section       TEXT NOT NULL
);

-- Each member's answers per essay section for the term and all time: what the gradebook
-- reads. The fold adds to it through the map above; when the map changes (the pack was
-- edited), it is built again from `quiz_member_questions`, in the transaction that changes
-- the map.
CREATE TABLE quiz_member_sections (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    section       TEXT NOT NULL,
    n             INTEGER NOT NULL,
    correct       INTEGER NOT NULL,
    PRIMARY KEY (guild_id, period, user_id, section)
);
CREATE INDEX quiz_member_sections_member ON quiz_member_sections (user_id);

-- The gradebook's other reads start from the server's own rows: its debates (then each
-- debate's speeches, arguments, ballots and votes by their keys) and its written responses.
CREATE INDEX debates_guild ON debates (guild_id, opened_at);
CREATE INDEX responses_guild ON responses (guild_id, created_at);
