package app.cairn.demo;

import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.event.EventInput;
import app.cairn.event.EventInput.HostInput;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.event.Segment;
import app.cairn.event.SegmentInput;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The planning part of the demo: the community, a two-hour community conversation held some
 * weeks ago with a guest host and a recording, and a one-hour DIY conversation in two weeks.
 * Remembers "community" (its slug), "past-event" and "upcoming-event" (their ids) for later steps.
 * Everyone in it is fictional.
 */
final class PlanningDemo implements DemoStep {
    static final String COMMUNITY_NAME = "Scottish Leadership Community";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String CONTACT = "conversations@scottish-leadership.example";

    @Override
    public String name() {
        return "planning";
    }

    @Override
    public void load(DemoContext demo) {
        Community community = community(demo);
        demo.remember("community", community.slug());
        EventService events = demo.services().events();
        LocalDate today = LocalDate.now(demo.clock().withZone(LONDON));

        if (demo.recall("past-event").isEmpty()) {
            LocalDate held = today.minusWeeks(5).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
            EventPlan past = events.create(demo.organiserId(), community.id(), "community-conversation-2-hours", new EventInput(
                    "Leading with compassion when the pressure is on",
                    "Provide space for our hosts to open a conversation, share their experiences and hear different "
                            + "perspectives from across the community on compassionate leadership: caring for our teams, "
                            + "caring for ourselves, and making room to reflect and learn when the system is stretched.",
                    iso(held), "10:00", "Europe/London",
                    List.of(new HostInput("Dr Eilidh Morrison", "Director of Nursing", "Strathmore Health and Care Partnership"),
                            new HostInput("Fiona Campbell", "Programme Lead", COMMUNITY_NAME)),
                    "https://video.example.org/scottish-leadership/leading-with-compassion", CONTACT, "100"));
            topicalPrompts(demo, past);
            demo.remember("past-event", Long.toString(past.event().id()));
        }

        if (demo.recall("upcoming-event").isEmpty()) {
            EventPlan upcoming = events.create(demo.organiserId(), community.id(), "diy-1-hour", new EventInput(
                    "Making space to reflect: a team conversation",
                    "Bring the community conversation on compassionate leadership into our own team: an hour over lunch "
                            + "to share what helps us reflect and learn together, and to agree one practical step we will take.",
                    iso(today.plusWeeks(2)), "12:30", "Europe/London",
                    List.of(new HostInput("Callum Fraser", "Team Leader", "Strathmore Community Mental Health Team")),
                    "", CONTACT, "30"));
            demo.remember("upcoming-event", Long.toString(upcoming.event().id()));
        }
    }

    private static Community community(DemoContext demo) {
        CommunityService communities = demo.services().communities();
        var remembered = demo.recall("community");
        if (remembered.isPresent()) {
            try {
                return communities.get(remembered.get());
            } catch (NotFound e) {
                // Deleted since: make it again.
            }
        }
        return communities.create(demo.organiserId(), new CommunityService.Details(COMMUNITY_NAME,
                "Leadership conversations across health and social care", CONTACT, "SLC"));
    }

    /** The past conversation's breakout prompts, written for its topic rather than the template's general ones. */
    private static void topicalPrompts(DemoContext demo, EventPlan plan) {
        Segment breakout = plan.segments().stream()
                .filter(s -> s.kind() == app.cairn.event.SegmentKind.BREAKOUT)
                .findFirst()
                .orElseThrow();
        SegmentInput in = new SegmentInput(breakout.id(), breakout.kind().code(), breakout.title(),
                Integer.toString(breakout.minutes()), breakout.guidance(),
                List.of("What resonated with you from Eilidh's opening perspective?",
                        "How can we grow our own compassion as leaders, at every level?",
                        "What does self-compassion look like in your working week, and what gets in its way?",
                        "How can we make the space, as teams, to reflect and learn?"),
                List.of());
        demo.services().agendas().updateSegment(demo.organiserId(), plan.event().id(), breakout.id(), in);
    }

    private static EventInput.DateInput iso(LocalDate date) {
        return EventInput.DateInput.iso(date.toString());
    }
}
