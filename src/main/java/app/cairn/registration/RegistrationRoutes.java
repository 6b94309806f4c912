package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.event.EventPlan;
import app.cairn.registration.RegistrationService.Managed;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The organiser's pages for an event's registrations: the roster, adding people, exports, settings and questions. */
public final class RegistrationRoutes implements Routes {
    private final RegistrationService registrations;
    private final CommunityService communities;
    private final Templates templates;

    public RegistrationRoutes(RegistrationService registrations, CommunityService communities, Templates templates) {
        this.registrations = registrations;
        this.communities = communities;
        this.templates = templates;
    }

    /** Adds every registration route (public pages, organiser pages, imports, organisations, API) to Cairn's list. */
    public static void addAll(List<Routes> routes, RegistrationService registrations, CommunityService communities,
            Templates templates, Clock clock) {
        var perAddress = new RateLimiter(20, Duration.ofMinutes(10), clock);
        var perEmail = new RateLimiter(5, Duration.ofHours(1), clock);
        routes.add(new PublicRoutes(registrations, templates, perAddress, perEmail));
        routes.add(new RegistrationRoutes(registrations, communities, templates));
        routes.add(new ImportRoutes(registrations, communities, templates, new ImportService(registrations)));
        routes.add(new OrganisationRoutes(registrations.organisations(), communities, templates));
        routes.add(new RegistrationApi(registrations, communities, new ImportService(registrations), perAddress, perEmail));
    }

    /** The event named in the path, for an organiser of the community named in the path. */
    public record Loaded(Viewer viewer, Community community, EventPlan plan) {
        public long eventId() {
            return plan.event().id();
        }

        public String base() {
            return "/c/" + community.slug() + "/events/" + plan.event().id();
        }
    }

    static Loaded load(Context ctx, RegistrationService registrations, CommunityService communities) {
        Viewer viewer = Viewer.require(ctx);
        Community community = communities.get(ctx.pathParam("slug"));
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
        Managed m = registrations.manage(viewer.accountId(), id);
        if (m.community().id() != community.id()) throw new NotFound("There is no such conversation.");
        return new Loaded(viewer, community, m.plan());
    }

    private Loaded load(Context ctx) {
        return load(ctx, registrations, communities);
    }

    /** The roster page's model. */
    public record RosterView(Loaded l, Roster roster, RegistrationSettings settings, String publicLink,
            List<Option> statuses, List<Option> sectors, List<Option> returning, List<Option> organisations, String query) {
        public String base() {
            return l.base();
        }

        public Community community() {
            return l.community();
        }

        public EventPlan plan() {
            return l.plan();
        }

        public int placesFree() {
            Integer capacity = l.plan().event().capacity();
            return capacity == null ? Integer.MAX_VALUE : capacity - roster.counts().get(Registration.Status.CONFIRMED);
        }
    }

    /** The add-a-person page's model. */
    public record AddView(Loaded l, Form form, List<Question> questions, List<String> suggestions, List<Option> sectors) {}

    /** The registration settings page's model. */
    public record SettingsView(Loaded l, RegistrationSettings settings, String publicLink, List<Question> questions) {}

    /** The questions page's model (and a question's edit page, with {@code editing} set). */
    public record QuestionsView(Loaded l, List<Question> questions, Form form, List<Option> kinds, Question editing) {}

    @Override
    public void register(RoutesConfig routes) {
        String e = "/c/{slug}/events/{id}";
        routes.get(e + "/registrations", this::roster);
        routes.get(e + "/registrations.csv", ctx -> export(ctx, false));
        routes.get(e + "/registrations.xlsx", ctx -> export(ctx, true));
        routes.get(e + "/registrations/add", ctx -> addPage(ctx, load(ctx), new Form()));
        routes.post(e + "/registrations/add", this::add);
        routes.post(e + "/registrations/fill", this::fill);
        routes.post(e + "/registrations/{rid}/cancel", this::cancel);
        routes.get(e + "/registration", this::settingsPage);
        routes.post(e + "/registration", this::saveSettings);
        routes.get(e + "/registration/questions", ctx -> questionsPage(ctx, load(ctx), Form.filled(Map.of("kind", "short_text")), null));
        routes.post(e + "/registration/questions", this::addQuestion);
        routes.get(e + "/registration/questions/{qid}", this::editQuestionPage);
        routes.post(e + "/registration/questions/{qid}", this::editQuestion);
        routes.post(e + "/registration/questions/{qid}/delete", this::deleteQuestion);
    }

    static Roster.Filter filter(Context ctx) {
        return new Roster.Filter(param(ctx, "q"), param(ctx, "status"), param(ctx, "sector"), param(ctx, "returning"),
                param(ctx, "organisation"));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private void roster(Context ctx) {
        Loaded l = load(ctx);
        Roster.Filter filter = filter(ctx);
        Roster roster = registrations.roster(l.viewer().accountId(), l.eventId(), filter);
        Roster all = filter.any() ? registrations.roster(l.viewer().accountId(), l.eventId(), Roster.Filter.none()) : roster;
        List<Option> statuses = new ArrayList<>(List.of(new Option("", "Any status")));
        Arrays.stream(Registration.Status.values()).forEach(s -> statuses.add(new Option(s.code(), s.label())));
        List<Option> sectors = new ArrayList<>(List.of(new Option("", "Any sector")));
        PublicRoutes.sectors().forEach(sectors::add);
        sectors.add(new Option("none", "Not given"));
        List<Option> returning = List.of(new Option("", "New and returning"), new Option("new", "New"),
                new Option("returning", "Returning"));
        List<Option> orgs = new ArrayList<>(List.of(new Option("", "Any organisation")));
        all.organisations().forEach(o -> orgs.add(new Option(Long.toString(o.id()), o.name())));
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        templates.page(ctx, "registration/roster.jte", "Registrations – " + l.plan().event().title(),
                new RosterView(l, roster, registrations.settings(l.viewer().accountId(), l.eventId()), publicLink(l),
                        statuses, sectors, returning, orgs, query));
    }

    static String publicLink(Loaded l) {
        return "/e/" + l.community().slug() + "/" + l.plan().event().slug();
    }

    private void export(Context ctx, boolean xlsx) {
        Loaded l = load(ctx);
        Roster roster = registrations.roster(l.viewer().accountId(), l.eventId(), filter(ctx));
        List<Question> questions = registrations.questions(l.viewer().accountId(), l.eventId());
        var header = RegistrationExport.header(questions);
        var rows = RegistrationExport.rows(roster, questions);
        String name = "registrations-" + l.plan().event().slug();
        ctx.header("Cache-Control", "no-store");
        if (xlsx) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ctx.result(RegistrationExport.xlsx("Registrations", header, rows));
        } else {
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8");
            ctx.result(RegistrationExport.csv(header, rows));
        }
    }

    private void addPage(Context ctx, Loaded l, Form form) {
        templates.page(ctx, "registration/add.jte", "Add a person", new AddView(l,
                form, registrations.questions(l.viewer().accountId(), l.eventId()),
                registrations.organisations().suggestions(l.community().id()), PublicRoutes.sectors()));
    }

    private void add(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        try {
            List<Question> questions = registrations.questions(l.viewer().accountId(), l.eventId());
            var o = registrations.addByHand(l.viewer().accountId(), l.eventId(), PublicRoutes.input(form, questions),
                    form.checked("sendEmail"));
            String name = o.registration().name();
            Flash.set(ctx, o.updated() ? name + " was already registered: their details are updated."
                    : name + " is added" + (o.waiting() ? " to the waiting list." : ".")
                            + (form.checked("sendEmail") ? " We have emailed them." : ""));
            ctx.redirect(l.base() + "/registrations");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            addPage(ctx, l, form);
        }
    }

    private void fill(Context ctx) {
        Loaded l = load(ctx);
        int n = registrations.fillPlaces(l.viewer().accountId(), l.eventId());
        Flash.set(ctx, n == 0 ? "There were no free places to offer." : n + (n == 1 ? " person" : " people")
                + " from the waiting list now have a place. We have emailed them.");
        ctx.redirect(l.base() + "/registrations");
    }

    private void cancel(Context ctx) {
        Loaded l = load(ctx);
        long rid;
        try {
            rid = Long.parseLong(ctx.pathParam("rid"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such registration.");
        }
        Form form = Form.of(ctx);
        Registration r = registrations.registration(l.viewer().accountId(), l.eventId(), rid);
        registrations.cancelByOrganiser(l.viewer().accountId(), l.eventId(), rid, form.checked("tell"));
        Flash.set(ctx, r.name() + "'s registration is cancelled." + (form.checked("tell") ? " We have emailed them." : ""));
        ctx.redirect(l.base() + "/registrations");
    }

    private void settingsPage(Context ctx) {
        Loaded l = load(ctx);
        templates.page(ctx, "registration/settings.jte", "Registration – " + l.plan().event().title(),
                new SettingsView(l, registrations.settings(l.viewer().accountId(), l.eventId()), publicLink(l),
                        registrations.questions(l.viewer().accountId(), l.eventId())));
    }

    private void saveSettings(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        var s = registrations.updateSettings(l.viewer().accountId(), l.eventId(), form.value("open").equals("yes"),
                form.checked("remindDay"), form.checked("remindHour"));
        Flash.set(ctx, s.open() ? "Registration is open and settings are saved." : "Registration is closed and settings are saved.");
        ctx.redirect(l.base() + "/registration");
    }

    static List<Option> kinds() {
        return Arrays.stream(QuestionKind.values()).map(k -> new Option(k.code(), k.label())).toList();
    }

    private void questionsPage(Context ctx, Loaded l, Form form, Question editing) {
        templates.page(ctx, "registration/questions.jte", editing == null ? "Questions for people registering" : "Change a question",
                new QuestionsView(l, registrations.questions(l.viewer().accountId(), l.eventId()), form, kinds(), editing));
    }

    static RegistrationService.QuestionInput questionInput(Form form) {
        return new RegistrationService.QuestionInput(form.value("kind"), form.value("label"), form.value("hint"),
                form.value("required").equals("yes"), Arrays.asList(form.value("choices").split("\\R")));
    }

    private void addQuestion(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        try {
            Question q = registrations.addQuestion(l.viewer().accountId(), l.eventId(), questionInput(form));
            Flash.set(ctx, "Added the question “" + q.label() + "”.");
            ctx.redirect(l.base() + "/registration/questions");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            questionsPage(ctx, l, form, null);
        }
    }

    private Question question(Context ctx, Loaded l) {
        long qid;
        try {
            qid = Long.parseLong(ctx.pathParam("qid"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such question.");
        }
        return registrations.questions(l.viewer().accountId(), l.eventId()).stream().filter(q -> q.id() == qid)
                .findFirst().orElseThrow(() -> new NotFound("There is no such question."));
    }

    private void editQuestionPage(Context ctx) {
        Loaded l = load(ctx);
        Question q = question(ctx, l);
        Map<String, String> values = new HashMap<>();
        values.put("kind", q.kind().code());
        values.put("label", q.label());
        values.put("hint", q.hint());
        values.put("required", q.required() ? "yes" : "no");
        values.put("choices", String.join("\n", q.choices()));
        questionsPage(ctx, l, Form.filled(values), q);
    }

    private void editQuestion(Context ctx) {
        Loaded l = load(ctx);
        Question q = question(ctx, l);
        Form form = Form.of(ctx);
        try {
            registrations.updateQuestion(l.viewer().accountId(), l.eventId(), q.id(), questionInput(form));
            Flash.set(ctx, "Saved the question.");
            ctx.redirect(l.base() + "/registration/questions");
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            questionsPage(ctx, l, form, q);
        }
    }

    private void deleteQuestion(Context ctx) {
        Loaded l = load(ctx);
        Question q = question(ctx, l);
        registrations.deleteQuestion(l.viewer().accountId(), l.eventId(), q.id());
        Flash.set(ctx, "Removed the question “" + q.label() + "”. Answers already given to it are no longer shown.");
        ctx.redirect(l.base() + "/registration/questions");
    }
}
