-- A schedule's posts in both languages side by side (its language first), or in its language
-- alone (0).
ALTER TABLE daily_schedules ADD COLUMN bilingual INTEGER NOT NULL DEFAULT 0;
