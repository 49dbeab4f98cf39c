-- An assignment's shared posts (its card, reminders and the class's results) in both languages
-- side by side, its own first: set when assigned, from the server's shared posts setting.
ALTER TABLE homework ADD COLUMN bilingual INTEGER NOT NULL DEFAULT 0;
