-- Personal reader links for a pack open to the people who took part: each emailed link carries a
-- secret (only its hash is kept) that lets its holder read that event's published pack.
CREATE TABLE pack_readers (
    token_hash      VARCHAR(64) PRIMARY KEY,
    event_id        BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pack_readers_event ON pack_readers(event_id);
