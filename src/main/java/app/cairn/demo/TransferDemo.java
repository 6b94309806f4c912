package app.cairn.demo;

import app.cairn.event.EventInput;
import app.cairn.event.EventInput.HostInput;
import app.cairn.event.EventPlan;
import app.cairn.transfer.TransferService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bringing in an event that ran elsewhere: a one-hour conversation the community held on Zoom
 * before it used Cairn, four weeks before the past one, brought in from its Zoom chat (with a
 * private message that is skipped and reactions that are counted), its breakout notes, and its
 * evaluation exported from Microsoft Forms (26 answers, two of them empty, with a question of the
 * host's own). Its chat falls into the agenda's segments by time and the answers after the host's
 * prompt become reflections, and the evaluation becomes the event's feedback, so its themes and
 * pack work as for a conversation run in Cairn. Remembers "brought-in-event".
 */
final class TransferDemo implements DemoStep {
    static final String TITLE = "Kindness at work: what keeps teams going";

    @Override
    public String name() {
        return "transfer";
    }

    @Override
    public void load(DemoContext demo) {
        var services = demo.services();
        long organiser = demo.organiserId();
        long pastId = demo.recallId("past-event").orElseThrow();
        EventPlan past = services.events().find(pastId).orElseThrow();
        LocalDate held = past.event().date().minusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));
        EventPlan plan = services.events().create(organiser, past.event().communityId(), "diy-1-hour", new EventInput(
                TITLE,
                "An hour on what kindness at work looks like on a hard day, and one practical step each of us can take. "
                        + "Held on Zoom before the community used Cairn, and brought in from the chat and the rooms' notes.",
                EventInput.DateInput.iso(held.toString()), "14:00", "Europe/London",
                List.of(new HostInput("Morag Stewart", "Team Leader", "Angus Council")),
                "", "conversations@scottish-leadership.example", "40"));
        long eventId = plan.event().id();
        // The form's export carries the day it was answered, in Microsoft Forms' own month-first style.
        String day = held.format(DateTimeFormatter.ofPattern("M/d/yy", Locale.US));
        var evaluation = upload("kindness-feedback-forms.csv", "Kindness at work - evaluation(1-26).csv");
        evaluation = new TransferService.Upload(evaluation.filename(), new String(evaluation.content(),
                StandardCharsets.UTF_8).replace("{day}", day).getBytes(StandardCharsets.UTF_8));
        var result = services.transfer().importFiles(organiser, eventId, List.of(
                upload("kindness-zoom-chat.txt", "meeting_saved_chat.txt"),
                upload("kindness-breakout-notes.md", "breakout-notes.md"), evaluation), Map.of());
        demo.remember("brought-in-event", Long.toString(eventId));
        demo.remember("brought-in-added", Integer.toString(result.added()));
    }

    private static TransferService.Upload upload(String resource, String filename) {
        try (InputStream in = TransferDemo.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
            return new TransferService.Upload(filename, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
