package app.cairn.pack;

import app.cairn.live.LiveService;
import app.cairn.live.LiveViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Themes the organiser groups by hand in the pack editor: a label and summary, and the chat
 * messages and questions ticked into it. Only what is still visible in the log is quoted, never
 * with a name.
 */
public final class HandThemes implements PackThemes {
    private final PackStore store;
    private final LiveService live;

    HandThemes(PackStore store, LiveService live) {
        this.store = store;
        this.live = live;
    }

    @Override
    public List<PackTheme> themes(long eventId) {
        List<PackStore.HandTheme> hand = store.themes(eventId);
        if (hand.isEmpty()) return List.of();
        Map<Long, LiveViews.MessageView> bySeq = new HashMap<>();
        for (var m : LiveRecord.read(live, eventId).messages()) if (!m.removed()) bySeq.put(m.seq(), m);
        List<PackTheme> out = new ArrayList<>();
        for (var t : hand) {
            List<String> quotes = new ArrayList<>();
            Set<Long> people = new HashSet<>();
            for (long seq : t.seqs()) {
                var m = bySeq.get(seq);
                if (m == null) continue;
                quotes.add(m.text());
                if (m.participantId() != null) people.add(m.participantId());
            }
            out.add(new PackTheme(t.streamKey(), "chat and questions", t.label(), t.summary(), people.size(), quotes));
        }
        return out;
    }
}
