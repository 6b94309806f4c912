package app.cairn.pack;

import app.cairn.live.Audience;
import app.cairn.live.LiveService;
import app.cairn.live.LiveViews;
import app.cairn.live.Participant;

/**
 * Reads an event's live log for the pack, through the live service: everything, with hidden and
 * withdrawn items marked removed (the pack leaves them out), and names only where the author
 * posted under their name.
 */
final class LiveRecord {
    private LiveRecord() {}

    static LiveViews.Update read(LiveService live, long eventId) {
        LiveViews views = new LiveViews(id -> live.participant(id).orElse(null), id -> "Host");
        return live.state(eventId).read(s -> views.since(s, 0, Audience.staff));
    }

    static String nameOf(LiveService live, Long participantId) {
        return participantId == null ? null : live.participant(participantId).map(Participant::name).orElse(null);
    }
}
