-- The homework summary is kept pending until Discord accepts it: `summary_message` is the
-- summary's message once posted ('0' when there is nothing left to try: its channel is gone, or
-- it closed before this column existed). A closed assignment without one is tried again.
ALTER TABLE homework ADD COLUMN summary_message TEXT;
UPDATE homework SET summary_message = '0' WHERE closed_at IS NOT NULL;
CREATE INDEX homework_summary_pending ON homework (closed_at)
    WHERE closed_at IS NOT NULL AND summary_message IS NULL;
