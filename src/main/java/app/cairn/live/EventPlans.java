package app.cairn.live;

import app.cairn.community.CommunityService;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import java.util.Locale;
import java.util.Optional;

/** Reads an event's agenda from the event feature as the live session needs it. */
public final class EventPlans implements LivePlan.Plans {
    private final EventService events;
    private final CommunityService communities;

    public EventPlans(EventService events, CommunityService communities) {
        this.events = events;
        this.communities = communities;
    }

    @Override
    public Optional<LivePlan> plan(long eventId) {
        return events.find(eventId).map(this::convert);
    }

    private LivePlan convert(EventPlan plan) {
        var event = plan.event();
        var segments = plan.segments().stream()
                .map(s -> new LivePlan.Segment(s.id(), s.kind().code(), s.title(), s.minutes(),
                        s.guidance() == null ? "" : s.guidance(), s.prompts(),
                        s.polls().stream()
                                .map(p -> new LivePlan.PlannedPoll("p" + p.id(), p.question(),
                                        Contribution.PollKind.valueOf(p.kind().name().toLowerCase(Locale.ROOT)),
                                        p.options()))
                                .toList()))
                .toList();
        return new LivePlan(event.id(), event.title(), event.communityId(),
                communities.get(event.communityId()).slug(), event.zone().getId(),
                event.recordingUrl() == null ? "" : event.recordingUrl(), segments);
    }
}
