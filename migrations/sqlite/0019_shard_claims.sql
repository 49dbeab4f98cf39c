-- The shards each running process holds, so that a process whose range overlaps another's (or
-- counts a different total) refuses to start. A claim is renewed while its process runs
-- (`seen_at`) and released when it stops; one not renewed for the claim's patience is a
-- crashed process's, and can be taken.
CREATE TABLE shard_claims (
    shard    BIGINT NOT NULL PRIMARY KEY,
    total    BIGINT NOT NULL,
    holder   TEXT NOT NULL,
    seen_at  BIGINT NOT NULL
);
