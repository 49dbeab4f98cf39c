-- The rolling week's and month's boards kept as running totals (`quiz_member_totals`, periods
-- 'week' and 'month'): they hold the live rounds whose members' last answers are at or after
-- the window's edge, which moves with the clock (`src/store/windows.rs`). A server without an
-- edge has its totals built by its first read.
CREATE TABLE quiz_window_edges (
    guild_id      TEXT NOT NULL,
    period        TEXT NOT NULL,
    edge          BIGINT NOT NULL,
    PRIMARY KEY (guild_id, period)
);
