-- A daily post is claimed before it is sent: the claim keeps the nonce the post is sent with,
-- and stays pending (no message_id) until Discord accepted it, so a restart after a crash
-- looks for the message before posting again. Schedules remember when they are next due, so
-- the daily loop reads only those.
ALTER TABLE daily_posts ADD COLUMN nonce TEXT;
ALTER TABLE daily_schedules ADD COLUMN next_due INTEGER;   -- unix seconds; NULL: look at once

CREATE INDEX daily_schedules_due ON daily_schedules (next_due) WHERE paused = 0;
CREATE INDEX daily_posts_pending ON daily_posts (schedule_id) WHERE message_id IS NULL;
