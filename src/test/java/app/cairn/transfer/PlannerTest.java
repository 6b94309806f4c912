package app.cairn.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.cairn.event.Event;
import app.cairn.event.EventPlan;
import app.cairn.event.Host;
import app.cairn.event.Poll;
import app.cairn.event.PollKind;
import app.cairn.event.Segment;
import app.cairn.event.SegmentKind;
import app.cairn.live.Contribution;
import app.cairn.transfer.ImportPlan.Item;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
    static final EventPlan PLAN = new EventPlan(
            new Event(1, 1, "making-space", "Making space to reflect", "", LocalDate.of(2021, 3, 9), LocalTime.of(10, 0),
                    ZoneId.of("Europe/London"), List.of(new Host("Prof Sam Host", "Director", "NHS Fife")), "", "", null,
                    "x", null, 1, Instant.EPOCH, Instant.EPOCH),
            List.of(new Segment(11, SegmentKind.WELCOME, "Welcome", 10, "", List.of(),
                            List.of(new Poll(5, "Have you been to one of our events before?", PollKind.SINGLE_CHOICE,
                                    List.of("Yes", "No")))),
                    new Segment(12, SegmentKind.PERSPECTIVE, "Opening perspective", 25, "", List.of(), List.of()),
                    new Segment(13, SegmentKind.BREAKOUT, "Breakouts", 40, "", List.of(), List.of()),
                    new Segment(14, SegmentKind.WHOLE_GROUP, "Whole group", 20, "", List.of(), List.of()),
                    new Segment(15, SegmentKind.REFLECTION, "Closing reflections", 10, "",
                            List.of("What is your one key reflection?"), List.of()),
                    new Segment(16, SegmentKind.EVALUATION, "Evaluation", 15, "", List.of(), List.of())));

    static Planner.Context context(Set<String> existing, Map<String, String> choices) {
        return new Planner.Context(PLAN, List.of(new Planner.Registrant(21, "Priya Shah", "priya.shah@nhs.example"),
                new Planner.Registrant(22, "Tom Reid", "tom@fife.example"),
                new Planner.Registrant(23, "Chris Lee", "chris.a@example.org"),
                new Planner.Registrant(24, "Chris Lee", "chris.b@example.org")),
                Set.of("Prof Sam Host"), existing, Map.of(), false, choices);
    }

    static ImportPlan plan(String text, Set<String> existing, Map<String, String> choices) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Planner.plan(context(existing, choices), List.of(TransferService.load(new TransferService.Upload("chat.txt",
                bytes))));
    }

    static final String CHAT = """
            10:05:00 From Dr Priya Shah (she/her) to Everyone: Hello from Dundee
            10:40:00 From TOM REID to Everyone: A thought in the breakout
            11:36:00 From Sam Host to Everyone: What is your one key reflection?
            11:36:30 From Tom Reid to Everyone: Listening before fixing
            11:37:00 From Chris Lee to Everyone: Time to think
            11:38:00 From Sam Host to Everyone: Thank you!
            11:39:00 From Tom Reid to Everyone: Goodbye all
            """;

    @Test
    void messages_fall_into_the_segment_running_at_their_time_after_the_agendas_segment_starts() {
        ImportPlan p = plan(CHAT, Set.of(), Map.of());
        assertThat(p.items()).filteredOn(i -> i.kind().equals("segment")).extracting(Item::at).containsExactly(
                Instant.parse("2021-03-09T10:00:00Z"), Instant.parse("2021-03-09T10:10:00Z"),
                Instant.parse("2021-03-09T10:35:00Z"), Instant.parse("2021-03-09T11:15:00Z"),
                Instant.parse("2021-03-09T11:35:00Z"), Instant.parse("2021-03-09T11:45:00Z"),
                Instant.parse("2021-03-09T12:00:00Z"));
        assertThat(p.items()).filteredOn(i -> !i.kind().equals("segment")).extracting(Item::segment, Item::kind, Item::text)
                .containsExactly(
                        tuple("Welcome", "message", "Hello from Dundee"),
                        tuple("Breakouts", "message", "A thought in the breakout"),
                        tuple("Closing reflections", "prompt", "What is your one key reflection?"),
                        tuple("Closing reflections", "reflection", "Listening before fixing"),
                        tuple("Closing reflections", "reflection", "Time to think"),
                        tuple("Closing reflections", "message", "Thank you!"),
                        tuple("Closing reflections", "message", "Goodbye all"));
        assertThat(p.items()).extracting(Item::at).isSorted();
    }

    @Test
    void the_prompt_uses_the_consoles_key_for_the_agendas_prompt_and_the_host_speaks_as_the_organiser() {
        ImportPlan p = plan(CHAT, Set.of(), Map.of());
        Item prompt = p.items().stream().filter(i -> i.kind().equals("prompt")).findFirst().orElseThrow();
        assertThat(prompt.author().organiser()).isTrue();
        assertThat(((Contribution.ReflectionOpened) prompt.contribution()).promptKey())
                .isEqualTo("r" + Math.abs("What is your one key reflection?".hashCode()));
        assertThat(p.items()).filteredOn(i -> i.kind().equals("reflection"))
                .allMatch(i -> ((Contribution.Reflection) i.contribution()).promptKey()
                        .equals(((Contribution.ReflectionOpened) prompt.contribution()).promptKey()));
    }

    @Test
    void senders_match_registrations_despite_titles_pronouns_and_case_but_not_when_two_share_a_name() {
        ImportPlan p = plan(CHAT, Set.of(), Map.of());
        assertThat(p.senders()).extracting(ImportPlan.Sender::name, ImportPlan.Sender::choice).containsExactly(
                tuple("Dr Priya Shah", "reg:21"), tuple("TOM REID", "reg:22"), tuple("Sam Host", "host"),
                tuple("Chris Lee", "anonymous"));
        ImportPlan chosen = plan(CHAT, Set.of(), Map.of("name:chris lee", "reg:24"));
        assertThat(chosen.senders()).extracting(ImportPlan.Sender::choice)
                .containsExactly("reg:21", "reg:22", "host", "reg:24");
    }

    @Test
    void a_sender_marked_as_host_speaks_as_the_organiser_and_can_ask_for_reflections() {
        String chat = """
                11:36:00 From Chris Lee to Everyone: One practical step you will take away?
                11:36:30 From Tom Reid to Everyone: Call the care home
                """;
        ImportPlan p = plan(chat, Set.of(), Map.of("name:chris lee", "host"));
        assertThat(p.items()).filteredOn(i -> !i.kind().equals("segment")).extracting(Item::kind)
                .containsExactly("prompt", "reflection");
        assertThat(p.senders()).extracting(ImportPlan.Sender::name, ImportPlan.Sender::choice)
                .containsExactly(tuple("Chris Lee", "host"), tuple("Tom Reid", "reg:22"));
        ImportPlan undone = plan(chat, Set.of(), Map.of("name:chris lee", "anonymous"));
        assertThat(undone.items()).filteredOn(i -> !i.kind().equals("segment")).extracting(Item::kind)
                .containsExactly("message", "message");
    }

    @Test
    void items_brought_in_before_are_skipped_and_repeated_identical_lines_are_kept_apart() {
        String chat = "10:05:00 From Tom Reid to Everyone: +1\n10:05:00 From Tom Reid to Everyone: +1\n";
        ImportPlan first = plan(chat, Set.of(), Map.of());
        List<String> keys = first.items().stream().filter(i -> i.kind().equals("message")).map(Item::key).toList();
        assertThat(keys).hasSize(2).doesNotHaveDuplicates().allMatch(k -> k.length() <= 64);
        ImportPlan again = plan(chat, Set.copyOf(first.items().stream().map(Item::key).toList()), Map.of());
        assertThat(again.items()).isEmpty();
        assertThat(again.skipped()).extracting(ImportPlan.Skipped::reason).anyMatch(r -> r.startsWith("Already brought in"));
    }

    @Test
    void a_poll_asked_in_the_agenda_keeps_its_key_and_each_vote_is_a_numbered_voter() {
        String csv = "Poll question,Option,Votes\nHave you been to one of our events before?,Yes,2\n,No,1\n";
        ImportPlan p = Planner.plan(context(Set.of(), Map.of()), List.of(TransferService.load(
                new TransferService.Upload("poll.csv", csv.getBytes(StandardCharsets.UTF_8)))));
        assertThat(p.items()).filteredOn(i -> i.contribution() instanceof Contribution.PollOpened)
                .extracting(i -> ((Contribution.PollOpened) i.contribution()).pollKey()).containsExactly("p5");
        assertThat(p.items()).filteredOn(i -> i.contribution() instanceof Contribution.Vote)
                .extracting(i -> i.author().senderKey(), i -> ((Contribution.Vote) i.contribution()).choices())
                .containsExactly(tuple("voter:1", List.of(0)), tuple("voter:2", List.of(0)), tuple("voter:3", List.of(1)));
        assertThat(p.items()).filteredOn(i -> !i.kind().equals("segment")).first().extracting(Item::segment)
                .isEqualTo("Welcome");
    }
}
