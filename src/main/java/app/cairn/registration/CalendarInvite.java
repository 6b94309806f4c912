package app.cairn.registration;

import app.cairn.mail.Mail;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar invitation sent with a confirmation: one VEVENT in the event's own time zone (with
 * its VTIMEZONE), so calendars show the right local time whatever zone the reader is in.
 */
final class CalendarInvite {
    static final String CONTENT_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** What goes into an invitation. */
    record Details(String uid, String title, String description, ZonedDateTime start, ZonedDateTime end, String url,
            String organiserName, String organiserEmail, String attendeeName, String attendeeEmail, int sequence,
            boolean cancelled, Instant stamp) {}

    private CalendarInvite() {}

    static Mail.Attachment attachment(Details d) {
        return new Mail.Attachment("invite.ics", CONTENT_TYPE, text(d).getBytes(StandardCharsets.UTF_8));
    }

    static String text(Details d) {
        VEvent event = new VEvent(d.start(), d.end(), d.title());
        event.add(new Uid(d.uid()));
        event.add(new Sequence(d.sequence()));
        event.add(new Description(d.description()));
        event.add(new Location(d.url()));
        event.add(new Url(URI.create(d.url())));
        event.add(d.cancelled() ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
        Organizer organizer = new Organizer(mailto(d.organiserEmail()));
        organizer.add(new Cn(d.organiserName()));
        event.add(organizer);
        Attendee attendee = new Attendee(mailto(d.attendeeEmail()));
        attendee.add(new Cn(d.attendeeName()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(d.cancelled() ? PartStat.DECLINED : PartStat.ACCEPTED);
        event.add(attendee);

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Cairn//Registration//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(d.cancelled() ? new net.fortuna.ical4j.model.property.Method("CANCEL") : ImmutableMethod.REQUEST);
        var zone = ZONES.getTimeZone(d.start().getZone().getId());
        if (zone != null) calendar.add(zone.getVTimeZone());
        calendar.add(event);
        return calendar.toString();
    }

    /** A mailto: address, quoting any character a URI cannot carry as it is. */
    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not an email address: " + email, e);
        }
    }
}
