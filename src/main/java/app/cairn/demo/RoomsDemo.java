package app.cairn.demo;

import app.cairn.live.Contribution;
import app.cairn.live.LivePlan;
import app.cairn.live.Participant;
import app.cairn.rooms.RoomAssigner;
import app.cairn.rooms.RoomMember;
import app.cairn.rooms.Strategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The breakout rooms of the demo's past conversation: rooms of about five, mixed across
 * organisations, each with its shared notes, a little room chat, a rapporteur and its top three
 * themes for the report-back, a two-minute warning to every room, and the rooms closing. The
 * live step puts these on its timeline at the breakout segment, so the log still reads in the
 * order things happened. What the rooms wrote is in {@code rooms-demo.txt}.
 */
final class RoomsDemo {

    /** What one room wrote. */
    record RoomText(List<String> notes, List<String> chat, List<String> themes) {}

    /** Where the rooms' contributions go: the live step's timeline; each call gives the entry's seq once written. */
    interface Schedule {
        LongSupplier organiser(Instant at, Supplier<Contribution> c);

        LongSupplier by(Participant p, Instant at, Supplier<Contribution> c);
    }

    private RoomsDemo() {}

    /** Schedules the rooms of {@code breakout}, which started at {@code b0}, for the people who were there. */
    static void schedule(Schedule t, LivePlan.Segment breakout, List<Participant> people, Instant b0) {
        Map<Long, Participant> byId = new HashMap<>();
        for (Participant p : people) byId.put(p.id(), p);
        List<RoomMember> members = people.stream()
                .map(p -> new RoomMember(p.id(), p.organisation(), p.sector(), p.roleTitle(), "")).toList();
        var assigned = RoomAssigner.assign(new RoomAssigner.Request(members, RoomAssigner.Sizing.ofSize(5), Strategy.mixed,
                2026, Set.of(), RoomAssigner.Constraints.NONE));
        List<Contribution.BreakoutRoom> rooms = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            rooms.add(new Contribution.BreakoutRoom(i + 1, "Room " + (i + 1), "Breakout Room " + (i + 1), assigned.get(i)));
        }
        Instant opened = b0.plusSeconds(60);
        LongSupplier round = t.organiser(opened, () -> new Contribution.RoomsOpened(breakout.id(), Strategy.mixed.name(),
                breakout.minutes() - 2, rooms));

        List<RoomText> texts = texts();
        for (int r = 0; r < assigned.size(); r++) {
            List<Long> in = assigned.get(r);
            if (in.isEmpty()) continue;
            RoomText text = texts.get(r % texts.size());
            int room = r + 1;
            Instant at = opened.plusSeconds(30 + r * 7L);
            Participant rapporteur = byId.get(in.get(0));
            t.by(rapporteur, at.plusSeconds(120), () -> new Contribution.RapporteurVolunteered(round.getAsLong(), room));
            for (int i = 0; i < text.chat().size(); i++) {
                String line = text.chat().get(i);
                t.by(byId.get(in.get((i + 1) % in.size())), at.plusSeconds(i * 900L),
                        () -> new Contribution.RoomMessage(round.getAsLong(), room, line));
            }
            for (int i = 0; i < text.notes().size(); i++) {
                String note = text.notes().get(i);
                t.by(byId.get(in.get(i % in.size())), at.plusSeconds(240 + i * 330L),
                        () -> new Contribution.RoomNote(round.getAsLong(), room, note));
            }
            t.by(rapporteur, opened.plusSeconds((breakout.minutes() - 4) * 60L + r * 11L),
                    () -> new Contribution.RoomThemes(round.getAsLong(), room, text.themes()));
        }
        t.organiser(opened.plusSeconds((breakout.minutes() - 5) * 60L),
                () -> new Contribution.RoomsBroadcast(round.getAsLong(), "Two minutes left: choose your top three themes."));
        t.organiser(opened.plusSeconds((breakout.minutes() - 2) * 60L), () -> new Contribution.RoomsClosed(round.getAsLong()));
    }

    static List<RoomText> texts() {
        var in = RoomsDemo.class.getResourceAsStream("rooms-demo.txt");
        if (in == null) throw new IllegalStateException("rooms-demo.txt is missing from the demo resources");
        List<RoomText> out = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> notes = null;
            List<String> chat = null;
            List<String> themes = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.equals("[room]")) {
                    if (notes != null) out.add(new RoomText(notes, chat, themes));
                    notes = new ArrayList<>();
                    chat = new ArrayList<>();
                    themes = new ArrayList<>();
                } else if (line.startsWith("note: ")) {
                    notes.add(line.substring(6));
                } else if (line.startsWith("chat: ")) {
                    chat.add(line.substring(6));
                } else if (line.startsWith("theme: ")) {
                    themes.add(line.substring(7));
                } else {
                    throw new IllegalStateException("rooms-demo.txt: cannot read line: " + line);
                }
            }
            if (notes != null) out.add(new RoomText(notes, chat, themes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
