package app.cairn.event;

import java.util.List;

/**
 * The shape of a conversation to start an event from: built into Cairn ({@code builtIn}) or
 * saved by a community's organisers from one of their agendas. Built-in ids are words
 * ("diy-1-hour"); saved ones are numbers.
 */
public record Template(String id, String name, String description, boolean builtIn, List<Segment> segments) {
    public Template {
        segments = List.copyOf(segments);
    }

    public int totalMinutes() {
        return segments.stream().mapToInt(Segment::minutes).sum();
    }
}
