-- Learning: practice, insights and the gradebook. An answer keeps the chosen choice's index in
-- the pack's authored order (`picked`: positions are shuffled per round, so `choice` alone
-- cannot say which answer the class chose); NULL when unknown (answers stored before this).
-- A practice run keeps its topic (`pack:concept`), so each next question keeps to it.
ALTER TABLE quiz_answers ADD COLUMN picked INTEGER;
ALTER TABLE quiz_rounds ADD COLUMN topic TEXT;
