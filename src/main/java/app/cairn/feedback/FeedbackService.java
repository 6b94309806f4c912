package app.cairn.feedback;

import app.cairn.account.Tokens;
import app.cairn.common.Conflict;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.event.EventPlan;
import app.cairn.event.EventService;
import app.cairn.live.LiveService;
import app.cairn.live.Participant;
import app.cairn.mail.Mail;
import app.cairn.mail.Mailer;
import app.cairn.registration.QuestionKind;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Evaluation: each event's feedback form (the standard questions and the organiser's own), its
 * opening and closing, one response per person (editable while open), and the personal links
 * emailed after the event.
 */
public final class FeedbackService {
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_QUESTIONS = 10;

    private final FeedbackStore store;
    private final EventService events;
    private final CommunityService communities;
    private final LiveService live;
    private final RegistrationService registrations;
    private final Mailer mailer;
    private final Function<String, String> link;
    private final Clock clock;

    public FeedbackService(Jdbi jdbi, EventService events, CommunityService communities, LiveService live,
            RegistrationService registrations, Mailer mailer, Function<String, String> link, Clock clock) {
        this.store = new FeedbackStore(jdbi);
        this.events = events;
        this.communities = communities;
        this.live = live;
        this.registrations = registrations;
        this.mailer = mailer;
        this.link = link;
        this.clock = clock;
    }

    /** An event's form, with no permission check (participants and the pack read it). */
    public FeedbackForm form(long eventId) {
        return store.form(eventId);
    }

    /** The answers with no names, for the pack and its exports. */
    public List<FeedbackResponse> anonymisedResponses(long eventId) {
        return store.responses(eventId).stream().map(FeedbackResponse::anonymised).toList();
    }

    /** The event, its community and its form, once the viewer is checked to be an organiser there. */
    public record Managed(Community community, EventPlan plan, FeedbackForm form, List<FeedbackResponse> responses) {}

    public Managed manage(long accountId, long eventId) {
        EventPlan plan = plan(eventId);
        communities.requireRole(accountId, plan.event().communityId(), Role.ORGANISER);
        FeedbackForm form = store.form(eventId);
        List<FeedbackResponse> responses = store.responses(eventId);
        // Names are shown only when the form is not anonymous, whatever was stored.
        if (form.anonymous()) responses = responses.stream().map(FeedbackResponse::anonymised).toList();
        return new Managed(communities.get(plan.event().communityId()), plan, form, responses);
    }

    public void setAnonymous(long accountId, long eventId, boolean anonymous) {
        manage(accountId, eventId);
        store.setAnonymous(eventId, anonymous, clock.instant());
    }

    public FeedbackForm open(long accountId, long eventId) {
        manage(accountId, eventId);
        store.setState(eventId, FeedbackForm.State.open, clock.instant());
        return store.form(eventId);
    }

    public FeedbackForm close(long accountId, long eventId) {
        manage(accountId, eventId);
        store.setState(eventId, FeedbackForm.State.closed, clock.instant());
        return store.form(eventId);
    }

    /** Adds one of the organiser's own questions; choices one per line for the choice kinds. */
    public FeedbackForm addQuestion(long accountId, long eventId, String kindCode, String label, String choices) {
        Managed m = manage(accountId, eventId);
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<QuestionKind> kind = QuestionKind.ofCode(kindCode);
        if (kind.isEmpty()) problems.put("kind", "Choose what kind of answer the question takes");
        String l = label == null ? "" : label.strip();
        if (l.isEmpty()) problems.put("label", "Enter the question");
        else if (l.length() > 300) problems.put("label", "The question must be 300 characters or fewer");
        List<String> options = choices == null ? List.of()
                : Arrays.stream(choices.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (kind.isPresent() && kind.get().hasChoices() && options.size() < 2) {
            problems.put("choices", "Enter at least 2 choices, one on each line");
        }
        if (options.stream().anyMatch(o -> o.length() > 200)) problems.put("choices", "Each choice must be 200 characters or fewer");
        if (m.form().questions().size() >= MAX_QUESTIONS) problems.put("label", "A form can have up to " + MAX_QUESTIONS + " questions of your own");
        if (!problems.isEmpty()) throw new Invalid(problems);
        store.addQuestion(eventId, kind.get(), l, kind.get().hasChoices() ? options : List.of());
        return store.form(eventId);
    }

    public void deleteQuestion(long accountId, long eventId, long questionId) {
        manage(accountId, eventId);
        if (store.deleteQuestion(eventId, questionId) == 0) throw new NotFound("There is no such question.");
    }

    /** What a person answers; any of it may be left blank. {@code answers} by question field ("q12"). */
    public record Answers(String recommend, String score, String valued, String better, Map<String, List<String>> answers) {}

    /** Saves a person's answers, replacing their earlier ones. Refused when the form is not open. */
    public FeedbackResponse respond(Respondent who, Answers in) {
        FeedbackForm form = store.form(who.eventId());
        if (!form.open()) {
            throw new Conflict(form.state() == FeedbackForm.State.closed
                    ? "The feedback form has closed, so answers can no longer be changed. Thank you."
                    : "The feedback form is not open yet. Try again when the host opens it.");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Boolean recommend = switch (blank(in.recommend())) {
            case "" -> null;
            case "yes" -> true;
            case "no" -> false;
            default -> {
                problems.put("recommend", "Choose yes or no");
                yield null;
            }
        };
        Integer score = null;
        String s = blank(in.score());
        if (!s.isEmpty()) {
            if (s.matches("[1-5]")) score = Integer.parseInt(s);
            else problems.put("score", "Choose a score from 1 to 5");
        }
        String valued = text(in.valued(), "valued", problems);
        String better = text(in.better(), "better", problems);
        Map<Long, String> answers = new LinkedHashMap<>();
        Map<String, List<String>> given = in.answers() == null ? Map.of() : in.answers();
        for (FeedbackQuestion q : form.questions()) {
            List<String> values = given.getOrDefault(q.field(), List.of()).stream().map(FeedbackService::blank)
                    .filter(v -> !v.isEmpty()).toList();
            if (values.isEmpty()) continue;
            if (!q.options().isEmpty()) {
                if (!q.options().containsAll(values) || (q.kind() != QuestionKind.MULTIPLE_CHOICE && values.size() > 1)) {
                    problems.put(q.field(), "Choose from the list");
                    continue;
                }
                answers.put(q.id(), String.join("; ", values));
            } else {
                answers.put(q.id(), text(values.get(0), q.field(), problems));
            }
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
        store.saveResponse(who, form.anonymous() ? null : who.name(), recommend, score, valued, better, answers,
                clock.instant());
        return store.response(who.eventId(), who.key()).orElseThrow();
    }

    /** A question brought in from another tool's form. */
    public record NewQuestion(QuestionKind kind, String label, List<String> choices) {
        public NewQuestion {
            choices = List.copyOf(choices);
        }
    }

    /**
     * A response brought in from another tool's form: {@code personKey} is "registration:ID" or a
     * key of the import's own ("import:…"); answers to the organiser's questions by the question's label.
     */
    public record Brought(String personKey, String name, Boolean recommend, Integer score, String valued, String better,
            Map<String, String> answers) {
        public Brought {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * Saves responses (and the questions they answer) brought in from another tool, in one
     * transaction. Unlike {@link #respond} the form need not be open: these answers were given
     * elsewhere. People who already answered keep their answers; names are kept only when the form
     * is not anonymous. Returns how many responses were added.
     */
    public int bringIn(long accountId, long eventId, List<NewQuestion> questions, List<Brought> responses) {
        manage(accountId, eventId);
        Map<String, String> problems = new LinkedHashMap<>();
        for (NewQuestion q : questions) {
            if (q.label() == null || q.label().isBlank() || q.label().length() > 300) {
                problems.put("questions", "A question brought in has no label or one longer than 300 characters");
            } else if (q.kind().hasChoices() && (q.choices().size() < 2 || q.choices().stream().anyMatch(c -> c.length() > 200))) {
                problems.put("questions", "\"" + q.label() + "\" needs 2 or more choices of 200 characters or fewer");
            }
        }
        for (Brought r : responses) {
            if (r.personKey() == null || r.personKey().isBlank() || r.personKey().length() > 80) {
                problems.put("responses", "A response brought in has no person key or one that is too long");
            }
            if (r.score() != null && (r.score() < 1 || r.score() > 5)) problems.put("responses", "Scores must be from 1 to 5");
            for (String t : java.util.stream.Stream.concat(java.util.stream.Stream.of(r.valued(), r.better()),
                    r.answers().values().stream()).toList()) {
                if (t != null && t.codePointCount(0, t.length()) > MAX_TEXT) {
                    problems.put("responses", "Answers must be " + MAX_TEXT + " characters or fewer");
                }
            }
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
        return store.bringIn(eventId, questions, responses, MAX_QUESTIONS, clock.instant());
    }

    /** A response with the key of the person who gave it ("registration:ID", "participant:ID", "import:…"). */
    public record Stored(FeedbackResponse response, String personKey) {}

    /** Every response as stored, with whom it is from: for an event's archive. */
    public List<Stored> storedResponses(long accountId, long eventId) {
        manage(accountId, eventId);
        return store.stored(eventId);
    }

    /** The keys of the people who have answered the event's form (to bring nobody's answers in twice). */
    public java.util.Set<String> respondents(long eventId) {
        return store.respondents(eventId);
    }

    /**
     * A form as an archive kept it. Question ids are the archive's (the responses' answers name
     * them); person keys are already this instance's.
     */
    public record Restore(boolean anonymous, FeedbackForm.State state, java.time.Instant openedAt,
            java.time.Instant closedAt, java.time.Instant linksSentAt, List<FeedbackQuestion> questions,
            List<Stored> responses) {
        public Restore {
            questions = List.copyOf(questions);
            responses = List.copyOf(responses);
        }
    }

    /**
     * Sets the event's form to one kept in an archive, in one transaction. Returns the new ids of
     * the responses by their ids in the archive (the pack's left-out quotes name them).
     */
    public Map<Long, Long> restore(long accountId, long eventId, Restore form) {
        manage(accountId, eventId);
        return store.restore(eventId, form, clock.instant()).responses();
    }

    /** The answers a person gave before, to fill the form again. */
    public Optional<FeedbackResponse> responseOf(Respondent who) {
        return store.response(who.eventId(), who.key());
    }

    /** The person a live participant is, as a respondent (by registration when they have one). */
    public static Respondent respondent(Participant p) {
        return p.registrationId() != null ? Respondent.registration(p.eventId(), p.registrationId(), p.name())
                : Respondent.participant(p.eventId(), p.id(), p.name());
    }

    /** The person an emailed link belongs to. */
    public Optional<Respondent> respondentByLink(String token) {
        if (token == null || !token.startsWith("cf_") || token.length() > 100) return Optional.empty();
        return store.link(Tokens.hash(token));
    }

    /**
     * Emails each person who took part a personal link to the form: everyone who joined live
     * and left an email, or, when nobody joined through Cairn, everyone with a confirmed place.
     * Opens the form if it is a draft. People emailed before are not emailed again. Returns how
     * many emails were queued.
     */
    public int emailLinks(long accountId, long eventId) {
        Managed m = manage(accountId, eventId);
        if (m.form().state() == FeedbackForm.State.closed) {
            throw new Conflict("The form is closed. Open it again before sending the link.");
        }
        if (m.form().state() == FeedbackForm.State.draft) store.setState(eventId, FeedbackForm.State.open, clock.instant());
        Map<String, Recipient> to = new LinkedHashMap<>();
        for (Participant p : live.participants(eventId)) {
            if (p.email() == null || p.email().isBlank()) continue;
            Respondent r = respondent(p);
            to.putIfAbsent(r.key(), new Recipient(r, p.email()));
        }
        if (to.isEmpty()) {
            for (Registration r : registrations.registrations(accountId, eventId)) {
                if (r.status() != Registration.Status.CONFIRMED || r.email() == null || r.email().isBlank()) continue;
                Respondent who = Respondent.registration(eventId, r.id(), r.name());
                to.putIfAbsent(who.key(), new Recipient(who, r.email()));
            }
        }
        // Sending again reaches only people who joined since: everyone else already has their link.
        to.keySet().removeAll(store.linkedPeople(eventId));
        String title = m.plan().event().title();
        for (Recipient r : to.values()) {
            String token = "cf_" + Tokens.newSecret();
            store.addLink(Tokens.hash(token), r.who(), clock.instant());
            mailer.send(new Mail(r.email(), "How was " + title + "?", """
                    Hello %s,

                    Thank you for joining "%s" with %s.

                    Would you tell us how it went? Four short questions, about two minutes:
                    %s

                    You can change your answers with the same link until the form closes.
                    %s""".formatted(r.who().name(), title, m.community().name(), link.apply("/feedback/" + token),
                    m.form().anonymous() ? "Your answers are anonymous: the organisers see them without your name." : "")));
        }
        store.markLinksSent(eventId, clock.instant());
        return to.size();
    }

    private record Recipient(Respondent who, String email) {}

    public EventPlan plan(long eventId) {
        return events.find(eventId).orElseThrow(() -> new NotFound("There is no such conversation."));
    }

    public Community community(long communityId) {
        return communities.get(communityId);
    }

    private static String text(String value, String field, Map<String, String> problems) {
        String t = blank(value);
        if (t.codePointCount(0, t.length()) > MAX_TEXT) {
            problems.put(field, "Keep it to " + MAX_TEXT + " characters or fewer");
        }
        return t;
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
