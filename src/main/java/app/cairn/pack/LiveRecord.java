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
        // Everyone who joined, read once: the views look a person up for each message they wrote.
        java.util.Map<Long, Participant> people = new java.util.HashMap<>();
        for (Participant p : live.participants(eventId)) people.put(p.id(), p);
        LiveViews views = new LiveViews(people::get, id -> "Host");
        return live.state(eventId).read(s -> views.since(s, 0, Audience.staff));
    }
}
