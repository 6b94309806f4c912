package app.cairn.live;

import java.time.Instant;

/**
 * One committed line of an event's log: its gapless sequence number, who made it, and what it
 * was. {@code participantId} is set for participants, {@code accountId} for organisers.
 */
public record Entry(long eventId, long seq, Long participantId, Long accountId, Instant at, Contribution contribution) {}
