-- Sentence embeddings of what people said, computed once as contributions arrive and kept, so
-- suggestions can be re-run at any time without embedding the same text again. The key is the
-- SHA-256 of the model id and the text as synthesis embeds it (decision 15).
CREATE TABLE theme_embeddings (
    cache_key       VARCHAR(64) PRIMARY KEY,
    model           VARCHAR(100) NOT NULL,
    dimensions      INT NOT NULL,
    vector          BYTEA NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- How far the embedding worker has read each event's log.
CREATE TABLE theme_embedding_progress (
    event_id        BIGINT PRIMARY KEY,
    seq             BIGINT NOT NULL
);
