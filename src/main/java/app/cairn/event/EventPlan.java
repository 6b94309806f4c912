package app.cairn.event;

import java.util.List;

/** An event with its agenda, and the times each segment runs. */
public record EventPlan(Event event, List<Segment> segments) {
    public EventPlan {
        segments = List.copyOf(segments);
    }

    public Schedule schedule() {
        return Schedule.of(event.start(), segments.stream().map(Segment::minutes).toList());
    }

    public int totalMinutes() {
        return segments.stream().mapToInt(Segment::minutes).sum();
    }
}
