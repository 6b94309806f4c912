package app.cairn.transfer;

import app.cairn.live.Contribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The parts of an event archive, as JSON files in one ZIP beside {@code manifest.json}
 * ({"format": "cairn-event-archive", "version": 1, "parts": {...}}). Ids inside are the exporting
 * instance's; the importer gives everything new ids. A reader ignores parts it does not know, so
 * features can add their own (themes, pack settings) without a new version.
 */
public final class Archive {
    public static final String FORMAT = "cairn-event-archive";
    public static final int VERSION = 1;

    private Archive() {}

    public record Manifest(String format, int version, String exportedBy, Instant exportedAt, Map<String, String> parts) {}

    public record EventPart(String community, String communitySlug, String slug, String title, String purpose,
            String date, String startTime, String timeZone, List<HostPart> hosts, String recordingUrl,
            String contactEmail, Integer capacity, String templateName, boolean cancelled) {}

    public record HostPart(String name, String role, String organisation) {}

    public record SegmentPart(long id, String kind, String title, int minutes, String guidance, List<String> prompts,
            List<PollPart> polls) {}

    public record PollPart(long id, String question, String kind, List<String> options) {}

    public record RegistrationPart(long id, String name, String email, String role, String organisation, String sector,
            String oneQuestion, String accessNeeds, String status, String source, Instant createdAt) {}

    public record ParticipantPart(long id, Long registrationId, String name, String role, String organisation,
            String sector, String email) {}

    /** One log entry; {@code organiser} marks entries made by the team (an account) rather than a participant. */
    public record EntryPart(long seq, Long participantId, boolean organiser, Instant at, Contribution contribution) {}

    /** The pack's settings and the organiser's edits: sections, quotes left out (by log number), themes grouped by hand. */
    public record PackPart(String visibility, boolean attributeQuotes, boolean includeHosts, Map<String, SectionPart> sections,
            List<String> leftOut, List<HandThemePart> themes) {}

    public record SectionPart(String text, boolean hidden) {}

    public record HandThemePart(String label, String summary, List<Long> seqs) {}

    /**
     * The feedback form: its settings, the organiser's own questions, and the responses. A response's
     * {@code personKey} is "registration:ID" or "participant:ID" (the archive's ids) or a key of an
     * import ("import:…"); its answers name questions by their ids here; {@code name} is present only
     * when the form is not anonymous.
     */
    public record FeedbackPart(boolean anonymous, String state, Instant openedAt, Instant closedAt, Instant linksSentAt,
            List<FeedbackQuestionPart> questions, List<FeedbackResponsePart> responses) {}

    public record FeedbackQuestionPart(long id, String kind, String label, List<String> choices) {}

    public record FeedbackResponsePart(long id, String personKey, String name, String recommend, Integer score,
            String valued, String better, Map<Long, String> answers, Instant updatedAt) {}
}
