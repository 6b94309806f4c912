package app.cairn.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Agendas as JSON text: the built-in templates resource, saved templates and a segment's
 * prompts and poll options in the database. One format, so a saved template reads like a
 * built-in one.
 */
final class AgendaJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<SegmentJson>> SEGMENTS = new TypeReference<>() {};

    record PollJson(String question, String kind, List<String> options) {}

    record SegmentJson(String kind, String title, int minutes, String guidance, List<String> prompts, List<PollJson> polls) {}

    record TemplateJson(String id, String name, String description, List<SegmentJson> segments) {}

    record Catalogue(List<TemplateJson> templates) {}

    private AgendaJson() {}

    static String strings(List<String> values) {
        return write(values);
    }

    static List<String> strings(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON: " + json, e);
        }
    }

    static String segments(List<Segment> segments) {
        return write(segments.stream().map(AgendaJson::toJson).toList());
    }

    static List<Segment> segments(String json) {
        try {
            return JSON.readValue(json, SEGMENTS).stream().map(AgendaJson::fromJson).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored agenda is not JSON", e);
        }
    }

    /** The built-in templates shipped in {@code app/cairn/event/templates.json}. */
    static List<Template> builtIns() {
        try (InputStream in = AgendaJson.class.getResourceAsStream("templates.json")) {
            if (in == null) throw new IllegalStateException("templates.json is missing from the classpath");
            return JSON.readValue(in, Catalogue.class).templates().stream()
                    .map(t -> new Template(t.id(), t.name(), t.description(), true,
                            t.segments().stream().map(AgendaJson::fromJson).toList()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SegmentJson toJson(Segment s) {
        return new SegmentJson(s.kind().code(), s.title(), s.minutes(), s.guidance(), s.prompts(),
                s.polls().stream().map(p -> new PollJson(p.question(), p.kind().code(), p.options())).toList());
    }

    private static Segment fromJson(SegmentJson s) {
        return new Segment(0, SegmentKind.parse(s.kind()).orElse(SegmentKind.CUSTOM), s.title(), s.minutes(),
                s.guidance() == null ? "" : s.guidance(),
                s.prompts() == null ? List.of() : s.prompts(),
                s.polls() == null ? List.of() : s.polls().stream()
                        .map(p -> new Poll(0, p.question(), PollKind.parse(p.kind()).orElse(PollKind.OPEN_TEXT),
                                p.options() == null ? List.of() : p.options()))
                        .toList());
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
