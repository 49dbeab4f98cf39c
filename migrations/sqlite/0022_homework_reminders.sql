-- The reminders an assignment's channel was given: 0 none, 1 a day before it is due, 2 an
-- hour before (each claimed once, by one process).
ALTER TABLE homework ADD COLUMN reminded INTEGER NOT NULL DEFAULT 0;
