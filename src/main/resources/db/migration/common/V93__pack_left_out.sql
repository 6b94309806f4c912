-- Quotes an organiser left out of a pack, one by one: "log:<seq>" for a reflection,
-- "feedback-valued:<id>" / "feedback-better:<id>" for feedback answers, "question:<text>" for a
-- question people brought.
CREATE TABLE pack_left_out (
    event_id        BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    ref             VARCHAR(300) NOT NULL,
    CONSTRAINT pack_left_out_key PRIMARY KEY (event_id, ref)
);
