package app.cairn.pack;

import app.cairn.event.Segment;
import app.cairn.event.SegmentKind;
import app.cairn.feedback.EvaluationSummary;
import app.cairn.feedback.FeedbackForm;
import app.cairn.feedback.FeedbackResponse;
import app.cairn.feedback.Percent;
import app.cairn.live.Contribution.PollKind;
import app.cairn.live.LiveViews;
import app.cairn.pack.Pack.Bar;
import app.cairn.pack.Pack.Chart;
import app.cairn.pack.Pack.Figure;
import app.cairn.pack.Pack.Group;
import app.cairn.pack.Pack.Quote;
import app.cairn.pack.Pack.Section;
import app.cairn.registration.Sector;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a pack from its inputs: a pure function, section by section in {@link Pack#ORDER}.
 * A section with nothing to say is left out and named in {@link Pack#missing()}.
 */
public final class PackBuilder {
    static final int EXAMPLE_ROLES = 6;
    static final int EXAMPLE_ORGANISATIONS = 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final PackInputs in;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    private PackBuilder(PackInputs in) {
        this.in = in;
    }

    public static Pack build(PackInputs in) {
        return new PackBuilder(in).run();
    }

    private Pack run() {
        cover();
        purpose();
        joined();
        questions();
        polls();
        perspective();
        themes();
        breakouts();
        reflections();
        diy();
        evaluation();
        contact();
        String colour = in.community().brandColour() == null || in.community().brandColour().isBlank()
                ? "#22413a" : in.community().brandColour();
        return new Pack(in.event().id(), in.event().title(), in.community().name(), colour,
                in.event().date().format(DATE), sections, missing);
    }

    /** Adds a section unless the organiser left it out; the organiser's text replaces Cairn's. */
    private void add(String key, String heading, String text, List<Figure> figures, List<Chart> charts, List<Group> groups) {
        PackInputs.SectionEdit edit = in.edits().get(key);
        if (edit != null && edit.hidden()) return;
        boolean edited = edit != null && edit.text() != null;
        sections.add(new Section(key, heading, edited ? edit.text() : text, edited, figures, charts, groups));
    }

    private boolean hasEdit(String key) {
        PackInputs.SectionEdit e = in.edits().get(key);
        return e != null && e.text() != null && !e.text().isBlank() && !e.hidden();
    }

    private void cover() {
        var e = in.event();
        // The community's name is shown above the title; the cover's lines are the date and the hosts.
        StringBuilder text = new StringBuilder(e.date().format(DATE));
        List<String> hosts = new ArrayList<>();
        if (in.settings().includeHosts()) for (var h : e.hosts()) hosts.add(h.line());
        if (!hosts.isEmpty()) text.append("\nHosted by ").append(String.join("; ", hosts));
        add("cover", e.title(), text.toString(), List.of(), List.of(), List.of());
    }

    private void purpose() {
        String p = in.event().purpose() == null ? "" : in.event().purpose().strip();
        if (p.isEmpty() && !hasEdit("purpose")) {
            missing.add("What we set out to do: the event has no purpose written. Add one to the event or write it here.");
            return;
        }
        add("purpose", "What we set out to do", p, List.of(), List.of(), List.of());
    }

    private void joined() {
        List<PackInputs.Person> people = in.people().people();
        if (people.isEmpty() && !hasEdit("joined")) {
            missing.add("Who joined: nobody registered or joined live.");
            return;
        }
        int n = people.size();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(Integer.toString(n), n == 1 ? "person " + in.people().basis() : "people " + in.people().basis(), ""));
        List<Chart> charts = new ArrayList<>();
        Map<String, Integer> sectors = new LinkedHashMap<>();
        for (Sector s : Sector.values()) sectors.put(s.label(), 0);
        int noSector = 0;
        for (var p : people) {
            if (Sector.ofCode(p.sector()).isPresent()) sectors.merge(Sector.labelOf(p.sector()), 1, Integer::sum);
            else noSector++;
        }
        int withSector = n - noSector;
        if (withSector > 0) {
            List<Bar> bars = new ArrayList<>();
            sectors.forEach((label, c) -> bars.add(new Bar(label, c, Percent.of(c, withSector))));
            charts.add(new Chart("sectors", "Sectors people came from", bars, withSector,
                    "Percentages are of the " + withSector + " who gave their sector; " + noSector + " did not."));
        }
        if (in.fresh() != null && in.returning() != null && in.fresh() + in.returning() > 0) {
            int base = in.fresh() + in.returning();
            charts.add(new Chart("returning", "New and returning", List.of(
                    new Bar("First conversation with us", in.fresh(), Percent.of(in.fresh(), base)),
                    new Bar("Been before", in.returning(), Percent.of(in.returning(), base))), base,
                    "Of the " + base + " people with a confirmed place (registrations, not only those who joined)."));
        }
        List<Group> groups = new ArrayList<>();
        List<String> roles = distinct(people.stream().map(PackInputs.Person::role).toList(), EXAMPLE_ROLES);
        if (!roles.isEmpty()) groups.add(new Group("Roles included", "", roles, List.of()));
        List<String> orgs = distinct(people.stream().map(PackInputs.Person::organisation).toList(), EXAMPLE_ORGANISATIONS);
        int allOrgs = distinct(people.stream().map(PackInputs.Person::organisation).toList(), Integer.MAX_VALUE).size();
        if (!orgs.isEmpty()) {
            figures.add(new Figure(Integer.toString(allOrgs), allOrgs == 1 ? "organisation" : "organisations", ""));
            groups.add(new Group("Organisations included", allOrgs > orgs.size()
                    ? orgs.size() + " of the " + allOrgs + " organisations" : "", orgs, List.of()));
        }
        add("joined", "Who joined us", "We were joined by " + n + (n == 1 ? " person" : " people") + " from "
                + (allOrgs == 0 ? "across the system." : allOrgs + (allOrgs == 1 ? " organisation." : " organisations.")),
                figures, charts, groups);
    }

    static final int MAX_QUESTIONS = 30;

    private void questions() {
        // The same question asked by several people is shown once, most asked first.
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        int brought = 0;
        for (String q : in.oneQuestions()) {
            String t = q == null ? "" : q.strip();
            if (t.isEmpty()) continue;
            brought++;
            String key = t.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
            first.putIfAbsent(key, t);
            counts.merge(key, 1, Integer::sum);
        }
        if (brought == 0 && !hasEdit("questions")) {
            missing.add("The questions people brought: nobody answered \u201cIf this event could answer one question\u201d.");
            return;
        }
        List<String> keys = new ArrayList<>(first.keySet());
        keys.sort(java.util.Comparator.comparingInt((String k) -> -counts.get(k)));
        List<Quote> quotes = keys.stream().map(k -> quote(first.get(k), null, "question:" + digest(k))).filter(this::kept)
                .limit(MAX_QUESTIONS).toList();
        String note = keys.size() > MAX_QUESTIONS ? "The " + MAX_QUESTIONS + " asked most often, of " + keys.size() + " different questions."
                : keys.size() < brought ? keys.size() + " different questions; a question several people asked is shown once." : "";
        add("questions", "If this event could answer one question, what would it be?",
                brought + (brought == 1 ? " person" : " people") + " brought a question when they registered.", List.of(),
                List.of(), List.of(new Group("", note, List.of(), quotes)));
    }

    private void polls() {
        List<Chart> charts = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (LiveViews.PollView p : in.polls()) {
            LiveViews.Results r = p.results();
            if (r == null || r.answered() == 0) continue;
            int n = r.answered();
            if (p.kind() == PollKind.single_choice || p.kind() == PollKind.multiple_choice) {
                List<Bar> bars = new ArrayList<>();
                for (int i = 0; i < p.options().size(); i++) {
                    int c = i < r.counts().size() ? r.counts().get(i) : 0;
                    bars.add(new Bar(p.options().get(i), c, Percent.of(c, n)));
                }
                charts.add(new Chart("poll-" + p.key(), p.question(), bars, n, "Of the " + n
                        + (n == 1 ? " person" : " people") + " who answered"
                        + (p.kind() == PollKind.multiple_choice ? "; people could choose more than one, so the shares add up to more than 100%." : ".")));
            } else if (p.kind() == PollKind.rating) {
                List<Bar> bars = new ArrayList<>();
                for (int i = 0; i < 5; i++) bars.add(new Bar(Integer.toString(i + 1), r.counts().get(i), Percent.of(r.counts().get(i), n)));
                charts.add(new Chart("poll-" + p.key(), p.question(), bars, n, "Average " + r.average()
                        + " out of 5, from the " + n + (n == 1 ? " person" : " people") + " who answered."));
            } else if (p.kind() == PollKind.word_cloud) {
                groups.add(new Group(p.question(), "The words given most (by " + n + (n == 1 ? " person" : " people") + ")",
                        r.words().stream().limit(20).map(w -> w.word() + " (" + w.count() + ")").toList(), List.of()));
            } else {
                groups.add(new Group(p.question(), n + (n == 1 ? " answer" : " answers"), List.of(),
                        r.answers().stream().map(a -> quote(a, null, null)).toList()));
            }
        }
        if (charts.isEmpty() && groups.isEmpty() && !hasEdit("polls")) {
            missing.add("Poll results: no poll was answered.");
            return;
        }
        add("polls", "What the polls said", "", List.of(), charts, groups);
    }

    private void perspective() {
        Set<Long> perspectiveSegments = segmentIds(SegmentKind.PERSPECTIVE);
        List<LiveViews.MessageView> asked = in.messages().stream()
                .filter(m -> m.question() && !m.removed() && m.segmentId() != null && perspectiveSegments.contains(m.segmentId()))
                .toList();
        String url = in.event().recordingUrl();
        boolean hasRecording = url != null && !url.isBlank();
        if (asked.isEmpty() && !hasRecording && !hasEdit("perspective")) {
            if (!perspectiveSegments.isEmpty()) missing.add("Opening perspective: no recording link and no questions. Add a summary here.");
            return;
        }
        int live = 0, later = 0;
        List<String> laterPoints = new ArrayList<>();
        for (var q : asked) {
            if ("live".equals(q.answer())) live++;
            if ("recording".equals(q.answer()) || "later".equals(q.answer())) {
                later++;
                String at = q.recordingAt() == null || q.recordingAt().isBlank() ? "" : " (in the recording at " + q.recordingAt() + ")";
                laterPoints.add("\u201c" + redact(q.text()) + "\u201d" + at);
            }
        }
        List<Figure> figures = new ArrayList<>();
        if (!asked.isEmpty()) {
            figures.add(new Figure(Integer.toString(asked.size()), asked.size() == 1 ? "question asked" : "questions asked", ""));
            figures.add(new Figure(Integer.toString(live), "answered live", "of " + asked.size()));
            figures.add(new Figure(Integer.toString(later), "answered afterwards", "of " + asked.size()));
        }
        List<Group> groups = new ArrayList<>();
        if (hasRecording) groups.add(new Group("Recording", url, List.of(), List.of()));
        if (!laterPoints.isEmpty()) groups.add(new Group("Questions answered after the event", "", laterPoints, List.of()));
        String hosts = in.settings().includeHosts() && !in.event().hosts().isEmpty()
                ? in.event().hosts().get(0).name() + " opened the conversation." : "";
        add("perspective", "Opening perspective", hosts, figures, List.of(), groups);
    }

    private void themes() {
        List<Group> groups = themeGroups(false);
        if (groups.isEmpty() && !hasEdit("themes")) {
            missing.add("Themes from the chat: none yet. Keep themes in the themes workspace, or group the chat by hand in the pack editor.");
            return;
        }
        add("themes", "Themes from the conversation", "", List.of(), List.of(), groups);
    }

    private List<Group> themeGroups(boolean rooms) {
        List<Group> groups = new ArrayList<>();
        for (PackTheme t : in.themes()) {
            if ("rooms".equals(t.streamKey()) != rooms) continue;
            String who = t.people() + (t.people() == 1 ? " person" : " people") + (rooms ? "" : " \u00b7 " + t.streamLabel());
            String text = t.summary() == null || t.summary().isBlank() ? who : t.summary() + " (" + who + ")";
            groups.add(new Group(t.label(), text, List.of(), t.quotes().stream().map(q -> quote(q, null, null)).toList()));
        }
        return groups;
    }

    private void breakouts() {
        List<String> prompts = new ArrayList<>();
        for (Segment s : in.segments()) if (s.kind() == SegmentKind.BREAKOUT) prompts.addAll(s.prompts());
        List<Group> groups = new ArrayList<>();
        if (!prompts.isEmpty()) groups.add(new Group("What the rooms discussed", "", prompts, List.of()));
        groups.addAll(themeGroups(true));
        if (groups.isEmpty() && !hasEdit("breakouts")) return;
        add("breakouts", "Breakout discussions", "", List.of(), List.of(), groups);
    }

    private void reflections() {
        List<Group> groups = new ArrayList<>();
        for (LiveViews.PromptView p : in.prompts()) {
            List<Quote> quotes = new ArrayList<>();
            int shared = 0;
            for (var r : in.reflections()) {
                if (r.removed() || !p.key().equals(r.promptKey()) || r.text() == null) continue;
                shared++;
                Quote q = quote(r.text(), in.settings().attributeQuotes() ? r.name() : null, "log:" + r.seq());
                if (kept(q)) quotes.add(q);
            }
            if (!quotes.isEmpty()) {
                groups.add(new Group(p.text(), shared + (shared == 1 ? " reflection" : " reflections") + shown(quotes.size(), shared),
                        List.of(), quotes));
            }
        }
        if (groups.isEmpty() && !hasEdit("reflections")) {
            missing.add("Closing reflections: nobody shared a reflection.");
            return;
        }
        add("reflections", "Closing reflections", "", List.of(), List.of(), groups);
    }

    private void diy() {
        if (in.diy() == null) return;
        List<String> steps = new ArrayList<>();
        for (Segment s : in.diy().segments()) {
            steps.add(s.minutes() + " mins \u2013 " + s.title() + (s.guidance() == null || s.guidance().isBlank() ? "" : ": " + s.guidance()));
        }
        add("diy", "Host this conversation in your own team", "Did you value the conversation? Here are our steps to host your own "
                + in.diy().totalMinutes() + "-minute version with your team.", List.of(), List.of(),
                List.of(new Group(in.diy().name(), "", steps, List.of())));
    }

    private void evaluation() {
        List<FeedbackResponse> responses = in.responses();
        if (responses.isEmpty() && !hasEdit("evaluation")) {
            missing.add(in.form() == null || in.form().state() == FeedbackForm.State.draft
                    ? "Evaluation: the feedback form was not opened." : "Evaluation: nobody has answered the feedback form yet.");
            return;
        }
        EvaluationSummary s = EvaluationSummary.of(responses);
        List<Figure> figures = new ArrayList<>(Figures.evaluation(s));
        List<Chart> charts = new ArrayList<>();
        if (s.scored() > 0) {
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < 5; i++) bars.add(new Bar(i + 1 + " out of 5", s.scoreCounts().get(i), Percent.of(s.scoreCounts().get(i), s.scored())));
            charts.add(new Chart("scores", FeedbackForm.SCORE, bars, s.scored(), "Of the " + s.scored()
                    + " who gave a score; " + s.scoreBlank() + " did not."));
        }
        if (in.form() != null) charts.addAll(ownQuestionCharts(in.form(), responses));
        List<Group> groups = new ArrayList<>();
        long valuedAnswered = responses.stream().filter(r -> r.valued() != null && !r.valued().isBlank()).count();
        long betterAnswered = responses.stream().filter(r -> r.better() != null && !r.better().isBlank()).count();
        List<Quote> valued = responses.stream().filter(r -> r.valued() != null && !r.valued().isBlank())
                .map(r -> quote(r.valued().strip(), null, "feedback-valued:" + r.id())).filter(this::kept).toList();
        if (!valued.isEmpty()) groups.add(new Group(FeedbackForm.VALUED, valuedAnswered + " of " + s.responses() + " answered"
                + shown(valued.size(), valuedAnswered), List.of(), valued));
        List<Quote> better = responses.stream().filter(r -> r.better() != null && !r.better().isBlank())
                .map(r -> quote(r.better().strip(), null, "feedback-better:" + r.id())).filter(this::kept).toList();
        if (!better.isEmpty()) groups.add(new Group(FeedbackForm.BETTER, betterAnswered + " of " + s.responses() + " answered"
                + shown(better.size(), betterAnswered), List.of(), better));
        add("evaluation", "What our participants thought", "Thank you for being part of this conversation.", figures,
                charts, groups);
    }

    /** The organiser's own choice questions, each a chart of the people who answered it (free text stays out of the pack). */
    static List<Chart> ownQuestionCharts(FeedbackForm form, List<FeedbackResponse> responses) {
        List<Chart> out = new ArrayList<>();
        for (var q : form.questions()) {
            if (q.options().isEmpty()) continue;
            int[] counts = new int[q.options().size()];
            int answered = 0;
            for (FeedbackResponse r : responses) {
                String a = r.answers().get(q.id());
                if (a == null || a.isBlank()) continue;
                answered++;
                List<String> picked = q.kind() == app.cairn.registration.QuestionKind.MULTIPLE_CHOICE
                        ? List.of(a.split("; ")) : List.of(a);
                for (int i = 0; i < counts.length; i++) if (picked.contains(q.options().get(i))) counts[i]++;
            }
            if (answered == 0) continue;
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) bars.add(new Bar(q.options().get(i), counts[i], Percent.of(counts[i], answered)));
            int blank = responses.size() - answered;
            out.add(new Chart("feedback-q" + q.id(), q.label(), bars, answered, "Of the " + answered + " who answered; "
                    + blank + " did not" + (q.kind() == app.cairn.registration.QuestionKind.MULTIPLE_CHOICE
                            ? ". People could choose more than one, so the shares add up to more than 100%." : ".")));
        }
        return out;
    }

    private void contact() {
        String email = in.event().contactEmail();
        if (email == null || email.isBlank()) email = in.community().contactEmail();
        if ((email == null || email.isBlank()) && !hasEdit("contact")) {
            missing.add("Contact details: neither the event nor the community has a contact email.");
            return;
        }
        add("contact", "Contact us", "If you have any questions about this pack or our conversations, contact us at "
                + email + ".", List.of(), List.of(), List.of());
    }

    private Set<Long> segmentIds(SegmentKind kind) {
        Set<Long> ids = new HashSet<>();
        for (Segment s : in.segments()) if (s.kind() == kind) ids.add(s.id());
        return ids;
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^\\s@<>()\"',;:]+@[^\\s@<>()\"',;:]+\\.[A-Za-z]{2,}");

    /** A participant's words for the pack: any email address they typed is taken out. */
    static Quote quote(String text, String by, String ref) {
        return new Quote(redact(text), by, ref);
    }

    /** "; 3 shown" when the organiser left some out. */
    private static String shown(long shown, long all) {
        return shown == all ? "" : "; " + shown + " shown here";
    }

    /** A short stable name for a text, to refer to it without storing it again. */
    static String digest(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Whether the organiser kept a quote (they can leave quotes out one by one). */
    private boolean kept(Quote q) {
        return q.ref() == null || in.leftOut() == null || !in.leftOut().contains(q.ref());
    }

    static String redact(String text) {
        return text == null ? "" : EMAIL.matcher(text).replaceAll("[email address removed]");
    }

    /** Up to {@code limit} different non-blank values (ignoring case), in the order first seen. */
    static List<String> distinct(List<String> values, int limit) {
        Set<String> seen = new HashSet<>();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) continue;
            if (seen.add(v.strip().toLowerCase(Locale.ROOT))) out.add(v.strip());
            if (out.size() >= limit) break;
        }
        return List.copyOf(out);
    }
}
