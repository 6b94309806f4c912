package app.cairn.registration;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A person's place at an event: who they are, what they answered, and whether they have a place. */
public record Registration(
        long id,
        long eventId,
        long personId,
        String name,
        String email,
        String role,
        String organisationName,
        Long organisationId,
        String sector,
        String oneQuestion,
        String accessNeeds,
        Status status,
        String source,
        String consentVersion,
        Instant consentAt,
        String tokenSalt,
        Instant waitingSince,
        Instant cancelledAt,
        Instant createdAt,
        Instant updatedAt,
        Map<Long, String> answers) {

    public Registration {
        answers = Map.copyOf(answers);
    }

    /** Where a registration stands. */
    public enum Status {
        CONFIRMED("Confirmed"),
        WAITING("On the waiting list"),
        CANCELLED("Cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String label() {
            return label;
        }

        public static Status ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public String sectorLabel() {
        return Sector.labelOf(sector);
    }

    Registration withAnswers(Map<Long, String> a) {
        return new Registration(id, eventId, personId, name, email, role, organisationName, organisationId, sector,
                oneQuestion, accessNeeds, status, source, consentVersion, consentAt, tokenSalt, waitingSince,
                cancelledAt, createdAt, updatedAt, a);
    }
}
