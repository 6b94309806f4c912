package app.cairn.registration;

import app.cairn.community.Community;
import app.cairn.event.Event;
import app.cairn.event.EventPlan;
import app.cairn.event.EventViews;
import app.cairn.mail.Mail;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The emails people get about their registration, in plain words, each with the links they need. */
final class RegistrationEmails {
    private final Function<String, String> link;
    private final String fallbackFrom;

    /** {@code link} turns a path into the address people use; {@code host} names this Cairn in calendar ids. */
    RegistrationEmails(Function<String, String> link, String host) {
        this.link = link;
        this.fallbackFrom = "no-reply@" + (host == null || host.isBlank() ? "localhost" : host);
    }

    /** The event, its community and the person's personal token: everything an email is written from. */
    record About(Community community, EventPlan plan, Registration registration, String token) {
        Event event() {
            return plan.event();
        }
    }

    Mail confirmation(About a, boolean updated) {
        String subject = (updated ? "Your registration is updated: " : "You have a place: ") + a.event().title();
        String text = "Hello " + a.registration().name() + ",\n\n"
                + (updated ? "We have updated your registration for " : "You have a place at ") + a.event().title()
                + ", a conversation from " + a.community().name() + ".\n\n"
                + details(a)
                + "On the day, join with your personal link (it is yours alone, so please do not share it):\n"
                + join(a) + "\n\n"
                + "The calendar invitation attached adds it to your calendar.\n\n"
                + "If you can no longer come, please cancel so someone on the waiting list can have your place:\n"
                + cancel(a) + "\n\n"
                + footer(a);
        return new Mail(a.registration().email(), subject, text, List.of(invite(a, false, 0)));
    }

    Mail waiting(About a, int position, boolean updated) {
        String subject = "You are on the waiting list: " + a.event().title();
        String text = "Hello " + a.registration().name() + ",\n\n"
                + a.event().title() + " is full, so " + (updated ? "your registration stays" : "you are")
                + " on the waiting list" + (position > 0 ? " (number " + position + ")" : "") + ". "
                + "If a place comes up we will give it to the next person in line and email you straight away "
                + "with your personal link to join.\n\n"
                + details(a)
                + "If you no longer want a place, take yourself off the waiting list here:\n" + cancel(a) + "\n\n"
                + footer(a);
        return new Mail(a.registration().email(), subject, text);
    }

    Mail promoted(About a) {
        String subject = "A place has come up for you: " + a.event().title();
        String text = "Hello " + a.registration().name() + ",\n\n"
                + "Good news: a place has come up at " + a.event().title() + " and it is yours.\n\n"
                + details(a)
                + "On the day, join with your personal link:\n" + join(a) + "\n\n"
                + "The calendar invitation attached adds it to your calendar.\n\n"
                + "If you can no longer come, please cancel so the next person can have your place:\n" + cancel(a) + "\n\n"
                + footer(a);
        return new Mail(a.registration().email(), subject, text, List.of(invite(a, false, 1)));
    }

    Mail cancelled(About a) {
        String subject = "Your place is cancelled: " + a.event().title();
        String text = "Hello " + a.registration().name() + ",\n\n"
                + "We have cancelled your registration for " + a.event().title() + ". Thank you for letting us know.\n\n"
                + "If you change your mind, register again on the event's page while places are open:\n"
                + page(a) + "\n\n"
                + footer(a);
        return new Mail(a.registration().email(), subject, text, List.of(invite(a, true, 2)));
    }

    Mail reminder(About a, boolean hourBefore) {
        String subject = (hourBefore ? "Starting in an hour: " : "Tomorrow: ") + a.event().title();
        String text = "Hello " + a.registration().name() + ",\n\n"
                + (hourBefore ? a.event().title() + " starts in about an hour."
                        : "A reminder that " + a.event().title() + " is tomorrow.") + "\n\n"
                + details(a)
                + "Join with your personal link:\n" + join(a) + "\n\n"
                + "If you can no longer come, please cancel so someone else can have your place:\n" + cancel(a) + "\n\n"
                + footer(a);
        return new Mail(a.registration().email(), subject, text);
    }

    private String details(About a) {
        StringBuilder b = new StringBuilder();
        b.append("When: ").append(EventViews.when(a.plan())).append("\n");
        if (!a.event().hosts().isEmpty()) {
            b.append("Hosted by: ");
            b.append(String.join("; ", a.event().hosts().stream().map(h -> h.line()).toList())).append("\n");
        }
        b.append("About the conversation: ").append(page(a)).append("\n\n");
        return b.toString();
    }

    private String join(About a) {
        return link.apply("/j/" + a.token());
    }

    private String cancel(About a) {
        return link.apply("/r/" + a.token() + "/cancel");
    }

    private String page(About a) {
        return link.apply("/e/" + a.community().slug() + "/" + a.event().slug());
    }

    private static String footer(About a) {
        String contact = !a.event().contactEmail().isBlank() ? a.event().contactEmail() : a.community().contactEmail();
        return "With thanks,\n" + a.community().name() + (contact.isBlank() ? "" : "\nQuestions? Write to " + contact) + "\n";
    }

    /** Minutes since 1970: each invitation sent for a registration supersedes the one before it. */
    private static int sequence() {
        return (int) (Instant.now().getEpochSecond() / 60);
    }

    private Mail.Attachment invite(About a, boolean cancelled, int ignored) {
        String contact = !a.event().contactEmail().isBlank() ? a.event().contactEmail()
                : !a.community().contactEmail().isBlank() ? a.community().contactEmail() : fallbackFrom;
        String description = a.event().purpose()
                + (a.event().purpose().isBlank() ? "" : "\n\n")
                + (cancelled ? "" : "Join on the day with your personal link: " + join(a) + "\n")
                + "About the conversation: " + page(a);
        var start = a.event().start();
        return CalendarInvite.attachment(new CalendarInvite.Details(
                "cairn-registration-" + a.registration().id() + "@" + fallbackFrom.substring(fallbackFrom.indexOf('@') + 1),
                a.event().title(), description, start, start.plusMinutes(a.plan().totalMinutes()),
                cancelled ? page(a) : join(a), a.community().name(), contact, a.registration().name(),
                a.registration().email(), sequence(), cancelled, Instant.now()));
    }
}
