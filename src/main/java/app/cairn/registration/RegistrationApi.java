package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.event.EventPlan;
import app.cairn.web.RateLimiter;
import app.cairn.web.Routes;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON API for registration (documented in docs/api.md, "Registration"). */
public final class RegistrationApi implements Routes {
    private final RegistrationService registrations;
    private final CommunityService communities;
    private final ImportService imports;
    private final RateLimiter perAddress;
    private final RateLimiter perEmail;

    public RegistrationApi(RegistrationService registrations, CommunityService communities, ImportService imports,
            RateLimiter perAddress, RateLimiter perEmail) {
        this.registrations = registrations;
        this.communities = communities;
        this.imports = imports;
        this.perAddress = perAddress;
        this.perEmail = perEmail;
    }

    // ---- bodies

    record RegistrationBody(String name, String email, String role, String organisation, String sector,
            String oneQuestion, String accessNeeds, Map<String, Object> answers, Boolean consent, Boolean sendEmail,
            String website) {}

    record SettingsBody(Boolean open, Boolean remindDayBefore, Boolean remindHourBefore) {}

    record QuestionBody(String kind, String label, String hint, Boolean required, List<String> choices) {}

    record MergeBody(List<Long> from, Long into) {}

    record CancelBody(Boolean tell) {}

    // ---- responses

    /** A question on the form. */
    public record QuestionOut(long id, String kind, String label, String hint, boolean required, List<String> choices) {}

    /** An event as the public sees it. */
    public record PublicEventOut(String community, String slug, String title, String purpose, Instant startsAt,
            String timeZone, String localStart, int totalMinutes, List<app.cairn.event.Host> hosts,
            List<Map<String, Object>> agenda, String state, Integer capacity, Integer placesLeft, String privacyNotice,
            String consentText, List<QuestionOut> questions, String page) {}

    /** What a person gets back after registering. */
    public record RegisteredOut(long id, String status, boolean updated, Integer waitingPosition, String message) {}

    /** A registration, as an organiser sees it. */
    public record RegistrationOut(long id, long eventId, String name, String email, String role, String organisation,
            Long organisationId, String organisationTyped, String sector, String status, boolean returning,
            String oneQuestion, String accessNeeds, Map<String, String> answers, String source, String consentVersion,
            Instant consentAt, Instant createdAt, Instant updatedAt) {}

    /** The roster in the API. */
    public record RosterOut(long eventId, int total, Map<String, Integer> counts, Map<String, Integer> sectors, int fresh,
            int returning, List<RegistrationOut> registrations) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/public/events/{community}/{event}", this::publicEvent);
        routes.post("/api/v1/public/events/{community}/{event}/registrations", this::registerPublic);
        routes.get("/api/v1/events/{id}/registrations", this::list);
        routes.post("/api/v1/events/{id}/registrations", this::add);
        routes.get("/api/v1/events/{id}/registrations/{rid}", this::one);
        routes.post("/api/v1/events/{id}/registrations/{rid}/cancel", this::cancel);
        routes.post("/api/v1/events/{id}/registrations/fill", this::fill);
        routes.get("/api/v1/events/{id}/registration-settings", this::settings);
        routes.put("/api/v1/events/{id}/registration-settings", this::saveSettings);
        routes.get("/api/v1/events/{id}/questions", this::questions);
        routes.post("/api/v1/events/{id}/questions", this::addQuestion);
        routes.put("/api/v1/events/{id}/questions/{qid}", this::updateQuestion);
        routes.delete("/api/v1/events/{id}/questions/{qid}", this::deleteQuestion);
        routes.post("/api/v1/events/{id}/imports", this::upload);
        routes.get("/api/v1/events/{id}/imports/{import}", this::preview);
        routes.post("/api/v1/events/{id}/imports/{import}", this::commit);
        routes.get("/api/v1/communities/{slug}/organisations", this::organisations);
        routes.post("/api/v1/communities/{slug}/organisations/merge", this::merge);
        routes.get("/api/v1/public/organisations/match", this::match);
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such " + (name.equals("id") ? "conversation" : name.equals("rid")
                    ? "registration" : name.equals("qid") ? "question" : "import") + ".");
        }
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            T b = ctx.bodyAsClass(type);
            if (b == null) throw new BadRequestResponse("Send a JSON object as the body.");
            return b;
        } catch (BadRequestResponse e) {
            throw e;
        } catch (Exception e) {
            // Jackson's errors arrive unchecked through Javalin; any of them means the body was not what we take.
            throw new BadRequestResponse("Send a JSON object as the body, as docs/api.md shows.");
        }
    }

    // ---- public

    private void publicEvent(Context ctx) {
        var pe = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        ctx.json(publicOut(pe));
    }

    static PublicEventOut publicOut(RegistrationService.PublicEvent pe) {
        EventPlan plan = pe.plan();
        var e = plan.event();
        List<Map<String, Object>> agenda = new ArrayList<>();
        plan.segments().forEach(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", s.title());
            m.put("minutes", s.minutes());
            agenda.add(m);
        });
        return new PublicEventOut(pe.community().slug(), e.slug(), e.title(), e.purpose(), e.start().toInstant(),
                e.zone().getId(), e.start().toLocalDateTime().toString(), plan.totalMinutes(), e.hosts(), agenda,
                pe.state().name().toLowerCase(Locale.ROOT), pe.capacity(), pe.placesLeft(), pe.community().privacyNotice(),
                RegistrationService.consentText(pe.community()), pe.questions().stream().map(RegistrationApi::questionOut).toList(),
                "/e/" + pe.community().slug() + "/" + e.slug());
    }

    static QuestionOut questionOut(Question q) {
        return new QuestionOut(q.id(), q.kind().code(), q.label(), q.hint(), q.required(), q.choices());
    }

    private void registerPublic(Context ctx) {
        perAddress.acquire("register:" + ctx.ip(),
                "Many registrations have come from your network in the last few minutes. Wait 10 minutes, then try again.");
        var pe = registrations.publicEvent(ctx.pathParam("community"), ctx.pathParam("event"));
        RegistrationBody b = body(ctx, RegistrationBody.class);
        if (b.website() != null && !b.website().isBlank()) {
            throw Invalid.field("website", "Leave the field ‘website’ empty, then send the registration again");
        }
        if (b.email() != null && !b.email().isBlank()) {
            perEmail.acquire("register:" + pe.plan().event().id() + ":" + b.email().strip().toLowerCase(Locale.ROOT),
                    "This email address has been used to register many times in the last hour. Wait an hour, then try again.");
        }
        var o = registrations.register(pe.community().slug(), pe.plan().event().slug(), input(b, pe.questions()), "api");
        ctx.status(o.updated() ? 200 : 201);
        ctx.json(new RegisteredOut(o.registration().id(), o.registration().status().code(), o.updated(),
                o.waiting() ? o.waitingPosition() : null,
                (o.updated() ? "Your registration is updated. " : "")
                        + (o.waiting() ? "The conversation is full, so you are on the waiting list." : "You have a place.")
                        + " We have emailed you."));
    }

    /** Answers come keyed by question id ("12") as a string, or a list of strings for several choices. */
    static RegistrationInput input(RegistrationBody b, List<Question> questions) {
        Map<Long, List<String>> answers = new HashMap<>();
        if (b.answers() != null) {
            for (Question q : questions) {
                Object v = b.answers().get(Long.toString(q.id()));
                if (v == null) v = b.answers().get(q.field());
                if (v instanceof List<?> list) answers.put(q.id(), list.stream().map(String::valueOf).toList());
                else if (v instanceof Boolean yes) answers.put(q.id(), List.of(yes ? "Yes" : "No"));
                else if (v != null) answers.put(q.id(), List.of(String.valueOf(v)));
            }
        }
        return new RegistrationInput(b.name(), b.email(), b.role(), b.organisation(), b.sector(), b.oneQuestion(),
                b.accessNeeds(), answers, Boolean.TRUE.equals(b.consent()));
    }

    // ---- organisers

    private void list(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        Roster roster = registrations.roster(viewer.accountId(), eventId, RegistrationRoutes.filter(ctx));
        Map<String, Integer> counts = new LinkedHashMap<>();
        roster.counts().forEach((k, v) -> counts.put(k.code(), v));
        ctx.json(new RosterOut(eventId, roster.total(), counts, roster.sectors(), roster.fresh(), roster.returning(),
                roster.rows().stream().map(RegistrationApi::out).toList()));
    }

    static RegistrationOut out(Roster.Row row) {
        Registration r = row.registration();
        Map<String, String> answers = new LinkedHashMap<>();
        r.answers().forEach((k, v) -> answers.put(Long.toString(k), v));
        return new RegistrationOut(r.id(), r.eventId(), r.name(), r.email(), r.role(), row.organisation(),
                row.organisationId(), r.organisationName(), r.sector(), r.status().code(), row.returningPerson(),
                r.oneQuestion(), r.accessNeeds(), answers, r.source(), r.consentVersion(), r.consentAt(), r.createdAt(),
                r.updatedAt());
    }

    private void one(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        long rid = id(ctx, "rid");
        Roster roster = registrations.roster(viewer.accountId(), eventId, Roster.Filter.none());
        ctx.json(roster.rows().stream().filter(r -> r.registration().id() == rid).findFirst().map(RegistrationApi::out)
                .orElseThrow(() -> new NotFound("There is no such registration.")));
    }

    private void add(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        RegistrationBody b = body(ctx, RegistrationBody.class);
        var questions = registrations.questions(viewer.accountId(), eventId);
        var o = registrations.addByHand(viewer.accountId(), eventId, input(b, questions), Boolean.TRUE.equals(b.sendEmail()));
        ctx.status(o.updated() ? 200 : 201);
        ctx.json(new RegisteredOut(o.registration().id(), o.registration().status().code(), o.updated(),
                o.waiting() ? o.waitingPosition() : null, o.updated() ? "Already registered: updated." : "Added."));
    }

    private void cancel(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        long rid = id(ctx, "rid");
        boolean tell = ctx.body().isBlank() ? false : Boolean.TRUE.equals(body(ctx, CancelBody.class).tell());
        registrations.cancelByOrganiser(viewer.accountId(), eventId, rid, tell);
        one(ctx);
    }

    private void fill(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        int n = registrations.fillPlaces(viewer.accountId(), id(ctx, "id"));
        ctx.json(Map.of("promoted", n));
    }

    private void settings(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        ctx.json(settingsOut(registrations.settings(viewer.accountId(), id(ctx, "id"))));
    }

    private static Map<String, Object> settingsOut(RegistrationSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", s.eventId());
        m.put("open", s.open());
        m.put("remindDayBefore", s.remindDay());
        m.put("remindHourBefore", s.remindHour());
        return m;
    }

    private void saveSettings(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        SettingsBody b = body(ctx, SettingsBody.class);
        var now = registrations.settings(viewer.accountId(), eventId);
        ctx.json(settingsOut(registrations.updateSettings(viewer.accountId(), eventId,
                b.open() == null ? now.open() : b.open(),
                b.remindDayBefore() == null ? now.remindDay() : b.remindDayBefore(),
                b.remindHourBefore() == null ? now.remindHour() : b.remindHourBefore())));
    }

    private void questions(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        ctx.json(registrations.questions(viewer.accountId(), id(ctx, "id")).stream().map(RegistrationApi::questionOut).toList());
    }

    private static RegistrationService.QuestionInput questionInput(QuestionBody b) {
        return new RegistrationService.QuestionInput(b.kind(), b.label(), b.hint(), Boolean.TRUE.equals(b.required()),
                b.choices() == null ? List.of() : b.choices());
    }

    private void addQuestion(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Question q = registrations.addQuestion(viewer.accountId(), id(ctx, "id"), questionInput(body(ctx, QuestionBody.class)));
        ctx.status(201);
        ctx.json(questionOut(q));
    }

    private void updateQuestion(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        ctx.json(questionOut(registrations.updateQuestion(viewer.accountId(), id(ctx, "id"), id(ctx, "qid"),
                questionInput(body(ctx, QuestionBody.class)))));
    }

    private void deleteQuestion(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        registrations.deleteQuestion(viewer.accountId(), id(ctx, "id"), id(ctx, "qid"));
        ctx.status(204);
    }

    // ---- imports

    private void upload(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        long eventId = id(ctx, "id");
        byte[] content;
        String filename;
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file != null) {
            filename = file.filename();
            try (InputStream in = file.content()) {
                content = in.readNBytes(SheetReader.MAX_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            filename = ctx.queryParam("filename");
            content = ctx.bodyAsBytes();
        }
        long importId = imports.upload(viewer.accountId(), eventId, filename, content);
        ctx.status(201);
        ctx.json(previewOut(imports.preview(viewer.accountId(), eventId, importId, null)));
    }

    private void preview(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        List<String> mapping = ctx.queryParam("mapping") == null ? null : List.of(ctx.queryParam("mapping").split(",", -1));
        ctx.json(previewOut(imports.preview(viewer.accountId(), id(ctx, "id"), id(ctx, "import"), mapping)));
    }

    record CommitBody(List<String> mapping, Boolean sendEmails) {}

    private void commit(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        CommitBody b = body(ctx, CommitBody.class);
        long eventId = id(ctx, "id");
        long importId = id(ctx, "import");
        List<String> mapping = b.mapping() == null ? imports.preview(viewer.accountId(), eventId, importId, null).mapping()
                : b.mapping();
        ctx.json(imports.commit(viewer.accountId(), eventId, importId, mapping, Boolean.TRUE.equals(b.sendEmails())));
    }

    static Map<String, Object> previewOut(ImportService.Preview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("filename", p.filename());
        m.put("note", p.sheet().note());
        m.put("headers", p.sheet().headers());
        m.put("mapping", p.mapping());
        m.put("rows", p.sheet().rows().size());
        m.put("adding", p.plan().adding());
        m.put("updating", p.plan().updating());
        m.put("merged", p.plan().merged());
        m.put("skipped", p.plan().skipped());
        m.put("bad", p.plan().bad());
        m.put("people", p.plan().people().stream().map(x -> Map.of("row", x.row(), "name", x.input().name(),
                "email", x.input().email(), "organisation", x.input().organisation(), "update", x.update())).toList());
        return m;
    }

    // ---- organisations

    private Community organiserCommunity(Context ctx, Viewer viewer) {
        return communities.access(viewer.accountId(), ctx.pathParam("slug"), Role.ORGANISER).community();
    }

    private void organisations(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community c = organiserCommunity(ctx, viewer);
        ctx.json(registrations.organisations().used(viewer.accountId(), c.id()).stream().map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", u.organisation().id());
            m.put("name", u.organisation().name());
            m.put("sector", u.organisation().sector());
            m.put("directory", u.organisation().fromDirectory());
            m.put("registrations", u.registrations());
            m.put("merged", u.variants().stream().map(v -> Map.of("id", v.id(), "name", v.name())).toList());
            return m;
        }).toList());
    }

    private void merge(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community c = organiserCommunity(ctx, viewer);
        MergeBody b = body(ctx, MergeBody.class);
        Organisation into = registrations.organisations().merge(viewer.accountId(), c.id(), b.from(), b.into());
        ctx.json(Map.of("id", into.id(), "name", into.name(), "sector", into.sector()));
    }

    /** The directory organisation a name means: for forms elsewhere that want Cairn's matching. */
    private void match(Context ctx) {
        String name = ctx.queryParam("name");
        if (name == null || name.isBlank()) throw Invalid.field("name", "Give the organisation's name as ?name=");
        var found = registrations.organisations().match(0, name.length() > 200 ? name.substring(0, 200) : name)
                .filter(Organisation::fromDirectory);
        ctx.json(found.<Object>map(o -> Map.of("found", true, "id", o.id(), "name", o.name(), "sector", o.sector(),
                "kind", o.kind())).orElse(Map.of("found", false)));
    }
}
