-- How an assignment scores a right answer: 'flat' (its full points, however long it took) or
-- 'speed' (half to all of them, more the faster within the time limit). Set when assigned.
ALTER TABLE homework ADD COLUMN scoring TEXT NOT NULL DEFAULT 'flat' CHECK (scoring IN ('flat', 'speed'));
