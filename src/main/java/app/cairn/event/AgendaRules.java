package app.cairn.event;

import app.cairn.common.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What makes a segment and an agenda valid, with messages that say what to fix. */
final class AgendaRules {
    static final int MAX_SEGMENTS = 40;
    static final int MAX_TITLE = 200;
    static final int MAX_GUIDANCE = 4000;
    static final int MAX_PROMPTS = 20;
    static final int MAX_PROMPT = 500;
    static final int MAX_POLLS = 10;
    static final int MAX_QUESTION = 300;
    static final int MAX_OPTIONS = 20;
    static final int MAX_OPTION = 200;
    static final List<String> DEFAULT_SCALE = List.of("1", "2", "3", "4", "5");

    private AgendaRules() {}

    /** Checks one segment; errors go in {@code errors} under {@code prefix + field}. */
    static Segment check(SegmentInput in, String prefix, Map<String, String> errors) {
        Optional<SegmentKind> kind = SegmentKind.parse(in.kind());
        if (kind.isEmpty()) errors.put(prefix + "kind", "Choose what kind of segment this is");
        String title = EventDetails.text(in.title(), prefix + "title", "The segment's title", MAX_TITLE,
                "Enter the segment's title", errors);
        Integer minutes = minutes(in.minutes(), prefix + "minutes", errors);
        String guidance = EventDetails.text(in.guidance(), prefix + "guidance", "Guidance", MAX_GUIDANCE, null, errors);
        List<String> prompts = new ArrayList<>();
        for (String p : in.prompts()) {
            String v = EventDetails.strip(p);
            if (v.isEmpty()) continue;
            prompts.add(v);
            if (v.codePointCount(0, v.length()) > MAX_PROMPT) {
                errors.putIfAbsent(prefix + "prompts", "Prompt " + prompts.size() + " must be " + MAX_PROMPT + " characters or fewer");
            }
        }
        if (prompts.size() > MAX_PROMPTS) errors.put(prefix + "prompts", "A segment can have up to " + MAX_PROMPTS + " prompts");
        List<Poll> polls = new ArrayList<>();
        for (int i = 0; i < in.polls().size(); i++) {
            polls.add(poll(in.polls().get(i), prefix + "polls[" + i + "].", i + 1, errors));
        }
        if (polls.size() > MAX_POLLS) errors.put(prefix + "polls", "A segment can have up to " + MAX_POLLS + " polls");
        return new Segment(in.id() == null ? 0 : in.id(), kind.orElse(SegmentKind.CUSTOM), title,
                minutes == null ? 0 : minutes, guidance, prompts, polls);
    }

    /** Reads and checks a segment's length in minutes. */
    static Integer minutes(String raw, String field, Map<String, String> errors) {
        String v = EventDetails.strip(raw);
        if (v.isEmpty()) {
            errors.put(field, "Enter how many minutes the segment lasts");
            return null;
        }
        if (!v.matches("-?\\d{1,9}")) {
            errors.put(field, "Minutes must be a whole number, like 15");
            return null;
        }
        int m = Integer.parseInt(v);
        Optional<String> problem = Schedule.minutesProblem(m);
        problem.ifPresent(p -> errors.put(field, p));
        return problem.isPresent() ? null : m;
    }

    private static Poll poll(SegmentInput.PollInput in, String prefix, int n, Map<String, String> errors) {
        String question = EventDetails.text(in.question(), prefix + "question", "The question of poll " + n, MAX_QUESTION,
                "Enter the question for poll " + n, errors);
        Optional<PollKind> kind = PollKind.parse(in.kind());
        if (kind.isEmpty()) errors.put(prefix + "kind", "Choose how people answer poll " + n);
        List<String> options = new ArrayList<>();
        for (String o : in.options()) {
            String v = EventDetails.strip(o);
            if (v.isEmpty()) continue;
            options.add(v);
            if (v.codePointCount(0, v.length()) > MAX_OPTION) {
                errors.putIfAbsent(prefix + "options", "Each option of poll " + n + " must be " + MAX_OPTION + " characters or fewer");
            }
        }
        PollKind k = kind.orElse(PollKind.OPEN_TEXT);
        if (!k.hasOptions()) {
            options.clear();
        } else if (k == PollKind.RATING && options.isEmpty()) {
            options.addAll(DEFAULT_SCALE);
        } else if (options.size() < 2) {
            errors.putIfAbsent(prefix + "options", "Poll " + n + " needs at least 2 options, one on each line");
        } else if (options.size() > MAX_OPTIONS) {
            errors.putIfAbsent(prefix + "options", "Poll " + n + " can have up to " + MAX_OPTIONS + " options");
        }
        return new Poll(in.id() == null ? 0 : in.id(), question, k, options);
    }

    /** Checks a whole agenda: each segment, their number, and that it fits in a day. */
    static List<Segment> checkAgenda(List<SegmentInput> inputs) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) segments.add(check(inputs.get(i), "segments[" + i + "].", errors));
        checkShape(segments, errors);
        if (!errors.isEmpty()) throw new Invalid(errors);
        return segments;
    }

    /** Checks the number of segments and their total length. */
    static void checkShape(List<Segment> segments, Map<String, String> errors) {
        if (segments.size() > MAX_SEGMENTS) errors.put("agenda", "An agenda can have up to " + MAX_SEGMENTS + " segments");
        long total = segments.stream().mapToLong(Segment::minutes).sum();
        if (total > Schedule.MAX_TOTAL_MINUTES) errors.put("agenda", Schedule.totalProblem(total));
    }

    static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) throw new Invalid(errors);
    }
}
