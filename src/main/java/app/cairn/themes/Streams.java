package app.cairn.themes;

import app.cairn.live.LivePlan;
import app.cairn.live.LiveService;
import app.cairn.registration.RegistrationService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits what was said at an event into the streams themed on their own: the questions people
 * brought when registering, the chat during each segment, the questions for the hosts, the
 * answers to each reflection prompt, and the answers to open-text polls such as "What did you
 * value?" (the feedback comments). Only what may be read comes in (the live feature leaves out
 * hidden and withdrawn contributions; there are no direct messages in the log).
 */
final class Streams {
    static final String REGISTRATION = "registration";
    static final String QUESTIONS = "questions";

    private Streams() {}

    /** One stream of an event: a stable id (used in addresses and stored with curated themes), its title and contributions. */
    record Stream(String id, String title, String kind, List<Said> items) {}

    /**
     * One contribution: its stable id ("m42" for log entry 42, "q7" for registration 7's question,
     * "v12.p5" for participant 12's answer to poll p5), who (pseudonymous) and what.
     */
    record Said(String id, String person, String text) {}

    static List<Stream> of(LivePlan plan, LiveService.Transcript transcript,
            List<RegistrationService.BroughtQuestion> brought) {
        List<Stream> out = new ArrayList<>();
        List<Said> registration = new ArrayList<>();
        for (var q : brought) registration.add(new Said("q" + q.registrationId(), "r" + q.personId(), q.text()));
        out.add(new Stream(REGISTRATION, "Questions people brought when they registered", "registration", registration));

        Map<Long, List<Said>> chat = new LinkedHashMap<>();
        List<Said> beforeStart = new ArrayList<>();
        List<Said> questions = new ArrayList<>();
        Map<String, List<Said>> reflections = new LinkedHashMap<>();
        Map<String, List<Said>> answers = new LinkedHashMap<>();
        Map<String, List<Said>> notes = new LinkedHashMap<>();
        Map<String, Long> noteSegments = new LinkedHashMap<>();
        for (LiveService.Said s : transcript.said()) {
            if (s.kind().equals("answer")) {
                // One answer per person and poll: the latest stands, so it is known by who and which poll.
                answers.computeIfAbsent(s.promptKey(), k -> new ArrayList<>())
                        .add(new Said("v" + s.participantId() + "." + s.promptKey(), person(s), s.text()));
                continue;
            }
            Said said = new Said("m" + s.seq(), person(s), s.text());
            switch (s.kind()) {
                case "question" -> questions.add(said);
                case "reflection" -> reflections.computeIfAbsent(s.promptKey(), k -> new ArrayList<>()).add(said);
                case "note" -> {
                    notes.computeIfAbsent(s.promptKey(), k -> new ArrayList<>()).add(said);
                    noteSegments.putIfAbsent(s.promptKey(), s.segmentId());
                }
                default -> {
                    if (s.segmentId() == null) beforeStart.add(said);
                    else chat.computeIfAbsent(s.segmentId(), k -> new ArrayList<>()).add(said);
                }
            }
        }
        if (!beforeStart.isEmpty()) out.add(new Stream("chat-start", "Chat before the start", "chat", beforeStart));
        for (LivePlan.Segment segment : plan.segments()) {
            List<Said> said = chat.remove(segment.id());
            if (said != null) out.add(new Stream("chat-" + segment.id(), "Chat during " + segment.title(), "chat", said));
        }
        // Segments removed from the agenda after the event keep their chat.
        chat.forEach((id, said) -> out.add(new Stream("chat-" + id, "Chat during an earlier segment", "chat", said)));
        out.add(new Stream(QUESTIONS, "Questions for the hosts", "questions", questions));
        // Each round of breakout rooms: every room's notes together (kind "rooms", the pack's breakout section).
        notes.forEach((round, said) -> {
            Long segmentId = noteSegments.get(round);
            String title = segmentId == null ? "Breakout notes"
                    : plan.segment(segmentId).map(seg -> "Breakout notes: " + seg.title()).orElse("Breakout notes");
            out.add(new Stream("notes-" + round, title, "rooms", said));
        });
        Map<String, String> prompts = new LinkedHashMap<>(transcript.prompts());
        for (String key : reflections.keySet()) prompts.putIfAbsent(key, "Reflections");
        prompts.forEach((key, prompt) -> out.add(new Stream("reflection-" + key, prompt, "reflection",
                reflections.getOrDefault(key, List.of()))));
        transcript.openQuestions().forEach((key, question) -> out.add(new Stream("answers-" + key, question, "feedback",
                answers.getOrDefault(key, List.of()))));
        return out;
    }

    private static String person(LiveService.Said s) {
        if (s.participantId() != null) return "p" + s.participantId();
        if (s.accountId() != null) return "a" + s.accountId();
        return null;
    }
}
