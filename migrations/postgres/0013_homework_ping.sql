-- The role an assignment's reminders ping (none: they mention nobody), as a teacher set it
-- with `/quiz assign ping:`.
ALTER TABLE homework ADD COLUMN ping_role TEXT;
