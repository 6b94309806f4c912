package app.cairn.registration;

/** Whether an event takes registrations, and which reminders it sends. */
public record RegistrationSettings(long eventId, boolean open, boolean remindDay, boolean remindHour) {
    public static RegistrationSettings defaults(long eventId) {
        return new RegistrationSettings(eventId, true, true, true);
    }
}
