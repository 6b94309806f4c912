package app.cairn.feedback;

/**
 * Who is answering a form: a person with a registration or a walk-in who joined live. The key
 * keeps one response per person; the name is kept only when the form is not anonymous.
 */
public record Respondent(long eventId, String key, String name) {
    public static Respondent registration(long eventId, long registrationId, String name) {
        return new Respondent(eventId, "registration:" + registrationId, name);
    }

    public static Respondent participant(long eventId, long participantId, String name) {
        return new Respondent(eventId, "participant:" + participantId, name);
    }
}
