-- A debate on one of the server's own motions keeps that motion as it was when the debate
-- opened (its TOML, the teacher's words escaped): later edits or a deletion do not change a
-- debate held on it. NULL for a pack's motion.
ALTER TABLE debates ADD COLUMN own_motion TEXT;
