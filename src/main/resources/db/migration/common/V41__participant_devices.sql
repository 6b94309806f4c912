-- A registered person may follow the conversation on a laptop and a phone: each device that
-- opens their personal link gets its own token for the same participant.
CREATE TABLE participant_devices (
    token_hash      VARCHAR(64) PRIMARY KEY,
    participant_id  BIGINT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX participant_devices_participant ON participant_devices(participant_id);
