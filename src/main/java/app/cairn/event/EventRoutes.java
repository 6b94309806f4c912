package app.cairn.event;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.community.Community;
import app.cairn.community.CommunityService;
import app.cairn.community.Role;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Pages to list, plan, edit, clone and cancel a community's conversations. */
public final class EventRoutes implements Routes {
    private final EventService events;
    private final TemplateService templates;
    private final CommunityService communities;
    private final Templates pages;

    public EventRoutes(EventService events, TemplateService templates, CommunityService communities, Templates pages) {
        this.events = events;
        this.templates = templates;
        this.communities = communities;
        this.pages = pages;
    }

    /** The page model for a community's list of conversations. */
    public record ListView(Community community, boolean canPlan, List<EventSummary> upcoming, List<EventSummary> past) {}

    /** The page model for conversations across all of a person's communities. */
    public record MineView(List<Item> upcoming) {
        public record Item(Community community, EventSummary summary) {}
    }

    /** The page model for choosing a template. */
    public record ChooseView(Community community, Form form, List<Template> templates) {}

    /** The page model shared by the new, edit and clone forms. */
    public record DetailsView(
            Community community,
            String heading,
            String caption,
            String action,
            String submit,
            String cancelHref,
            Form form,
            Template template,
            List<Option> zones,
            Event event) {
        public int hostRows() {
            return EventViews.hostRows(form);
        }

        public boolean canAddHost() {
            return hostRows() < EventViews.MAX_HOST_ROWS;
        }
    }

    /** The page model for an event's overview. */
    public record OverviewView(Community community, EventPlan plan, boolean canEdit, boolean past) {}

    /** The page model for saving an agenda as a template. */
    public record SaveTemplateView(Community community, EventPlan plan, Form form) {}

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/events", this::mine);
        routes.get("/c/{slug}/events", this::list);
        routes.get("/c/{slug}/events/new", ctx -> choose(ctx, new Form()));
        routes.post("/c/{slug}/events/new", this::chosen);
        routes.get("/c/{slug}/events/new/details", this::newDetails);
        routes.post("/c/{slug}/events", this::create);
        routes.get("/c/{slug}/events/{id}", this::overview);
        routes.get("/c/{slug}/events/{id}/edit", this::editPage);
        routes.post("/c/{slug}/events/{id}/edit", this::edit);
        routes.get("/c/{slug}/events/{id}/clone", this::clonePage);
        routes.post("/c/{slug}/events/{id}/clone", this::cloneEvent);
        routes.post("/c/{slug}/events/{id}/cancel", ctx -> setCancelled(ctx, true));
        routes.post("/c/{slug}/events/{id}/restore", ctx -> setCancelled(ctx, false));
        routes.get("/c/{slug}/events/{id}/save-template", ctx -> saveTemplatePage(ctx, null));
        routes.post("/c/{slug}/events/{id}/save-template", this::saveTemplate);
    }

    // ---- lists

    private void mine(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Map<Long, Community> byId = events.memberships(viewer.accountId()).stream()
                .collect(Collectors.toMap(m -> m.community().id(), m -> m.community()));
        List<MineView.Item> items = events.upcomingFor(viewer.accountId()).stream()
                .map(s -> new MineView.Item(byId.get(s.event().communityId()), s))
                .toList();
        pages.page(ctx, "event/mine.jte", "Your upcoming conversations", new MineView(items));
    }

    private void list(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community community = communities.get(ctx.pathParam("slug"));
        List<EventSummary> all = events.list(viewer.accountId(), community.id());
        Instant now = events.now();
        List<EventSummary> upcoming = all.stream().filter(s -> !s.pastAt(now)).toList();
        List<EventSummary> past = new ArrayList<>(all.stream().filter(s -> s.pastAt(now)).toList());
        java.util.Collections.reverse(past);
        boolean canPlan = communities.requireRole(viewer.accountId(), community.id(), Role.FACILITATOR).atLeast(Role.ORGANISER);
        pages.page(ctx, "event/list.jte", "Conversations – " + community.name(),
                new ListView(community, canPlan, upcoming, past));
    }

    // ---- planning a new conversation

    private Community organiserCommunity(Context ctx, Viewer viewer) {
        Community community = communities.get(ctx.pathParam("slug"));
        communities.requireRole(viewer.accountId(), community.id(), Role.ORGANISER);
        return community;
    }

    private void choose(Context ctx, Form form) {
        Viewer viewer = Viewer.require(ctx);
        Community community = organiserCommunity(ctx, viewer);
        if (form.value("template").isEmpty() && ctx.queryParam("template") != null) {
            form.set("template", ctx.queryParam("template"));
        }
        pages.page(ctx, "event/choose.jte", "Choose a template",
                new ChooseView(community, form, templates.available(viewer.accountId(), community.id())));
    }

    private void chosen(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community community = organiserCommunity(ctx, viewer);
        Form form = Form.of(ctx);
        String id = form.value("template");
        boolean known = templates.available(viewer.accountId(), community.id()).stream().anyMatch(t -> t.id().equals(id));
        if (!known) {
            form.error("template", "Choose a template to start from");
            ctx.status(422);
            choose(ctx, form);
            return;
        }
        ctx.redirect(base(community) + "/new/details?template=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    private void newDetails(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community community = organiserCommunity(ctx, viewer);
        Template template = chosenTemplate(ctx, community, ctx.queryParam("template"));
        if (template == null) return;
        Form form = EventViews.blankForm(community.contactEmail());
        form.set("template", template.id());
        newPage(ctx, community, template, form);
    }

    private Template chosenTemplate(Context ctx, Community community, String id) {
        try {
            return templates.find(community.id(), id);
        } catch (NotFound e) {
            ctx.redirect(base(community) + "/new");
            return null;
        }
    }

    private void newPage(Context ctx, Community community, Template template, Form form) {
        pages.page(ctx, "event/details.jte", "Plan a conversation", new DetailsView(community, "Plan a conversation",
                community.name(), base(community), "Save and continue", base(community), form, template, zones(), null));
    }

    private void create(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        Community community = organiserCommunity(ctx, viewer);
        Form form = Form.of(ctx);
        Template template = chosenTemplate(ctx, community, form.value("template"));
        if (template == null) return;
        if (addHostRow(form)) {
            newPage(ctx, community, template, form);
            return;
        }
        try {
            EventPlan plan = events.create(viewer.accountId(), community.id(), template.id(), EventViews.input(form));
            Flash.set(ctx, "“" + plan.event().title() + "” is planned. Check its agenda and times below.");
            ctx.redirect(base(community) + "/" + plan.event().id());
        } catch (Invalid e) {
            EventViews.errors(form, e.fields());
            ctx.status(422);
            newPage(ctx, community, template, form);
        }
    }

    /** "Add another host" sends the form back with one more row and saves nothing. */
    private static boolean addHostRow(Form form) {
        if (!"add-host".equals(form.value("action"))) return false;
        form.set("hostRows", Integer.toString(Math.min(EventViews.MAX_HOST_ROWS, EventViews.hostRows(form) + 1)));
        return true;
    }

    // ---- one conversation

    /** The event named in the path, checked to belong to the community in the path and visible to the viewer. */
    record Loaded(Viewer viewer, Community community, EventPlan plan, Role role) {
        boolean canEdit() {
            return role.atLeast(Role.ORGANISER);
        }
    }

    private Loaded load(Context ctx) {
        return load(ctx, events, communities);
    }

    static Loaded load(Context ctx, EventService events, CommunityService communities) {
        Viewer viewer = Viewer.require(ctx);
        Community community = communities.get(ctx.pathParam("slug"));
        EventPlan plan = events.get(viewer.accountId(), id(ctx));
        if (plan.event().communityId() != community.id()) throw new NotFound("There is no such conversation.");
        return new Loaded(viewer, community, plan, events.roleIn(viewer.accountId(), plan.event()));
    }

    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such conversation.");
        }
    }

    static String base(Community community) {
        return "/c/" + community.slug() + "/events";
    }

    static String href(Community community, Event event) {
        return base(community) + "/" + event.id();
    }

    private void overview(Context ctx) {
        Loaded l = load(ctx);
        boolean past = new EventSummary(l.plan().event(), l.plan().totalMinutes()).pastAt(events.now());
        pages.page(ctx, "event/overview.jte", l.plan().event().title(),
                new OverviewView(l.community(), l.plan(), l.canEdit(), past));
    }

    private void editPage(Context ctx) {
        Loaded l = load(ctx);
        communities.requireRole(l.viewer().accountId(), l.community().id(), Role.ORGANISER);
        editForm(ctx, l, EventViews.form(l.plan().event(), true));
    }

    private void editForm(Context ctx, Loaded l, Form form) {
        Event e = l.plan().event();
        pages.page(ctx, "event/details.jte", "Edit " + e.title(), new DetailsView(l.community(), "Edit the details",
                e.title(), href(l.community(), e) + "/edit", "Save changes", href(l.community(), e), form, null, zones(), e));
    }

    private void edit(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        if (addHostRow(form)) {
            editForm(ctx, l, form);
            return;
        }
        Integer version = form.value("version").matches("\\d{1,9}") ? Integer.valueOf(form.value("version")) : null;
        try {
            EventPlan plan = events.update(l.viewer().accountId(), l.plan().event().id(), EventViews.input(form), version);
            Flash.set(ctx, "Details saved");
            ctx.redirect(href(l.community(), plan.event()));
        } catch (Invalid e) {
            EventViews.errors(form, e.fields());
            ctx.status(422);
            editForm(ctx, l, form);
        }
    }

    private void clonePage(Context ctx) {
        Loaded l = load(ctx);
        communities.requireRole(l.viewer().accountId(), l.community().id(), Role.ORGANISER);
        cloneForm(ctx, l, EventViews.form(l.plan().event(), false));
    }

    private void cloneForm(Context ctx, Loaded l, Form form) {
        Event e = l.plan().event();
        pages.page(ctx, "event/details.jte", "Plan another conversation like this", new DetailsView(l.community(),
                "Plan another conversation like this", "A copy of " + e.title(), href(l.community(), e) + "/clone",
                "Save the copy", href(l.community(), e), form, null, zones(), e));
    }

    private void cloneEvent(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        if (addHostRow(form)) {
            cloneForm(ctx, l, form);
            return;
        }
        try {
            EventPlan copy = events.duplicate(l.viewer().accountId(), l.plan().event().id(), EventViews.input(form));
            Flash.set(ctx, "“" + copy.event().title() + "” is planned, with the same agenda and hosts.");
            ctx.redirect(href(l.community(), copy.event()));
        } catch (Invalid e) {
            EventViews.errors(form, e.fields());
            ctx.status(422);
            cloneForm(ctx, l, form);
        }
    }

    private void setCancelled(Context ctx, boolean cancelled) {
        Loaded l = load(ctx);
        long id = l.plan().event().id();
        if (cancelled) {
            events.cancel(l.viewer().accountId(), id);
            Flash.set(ctx, "The conversation is cancelled. Nothing is lost: you can restore it on this page.");
        } else {
            events.restore(l.viewer().accountId(), id);
            Flash.set(ctx, "The conversation is restored");
        }
        ctx.redirect(href(l.community(), l.plan().event()));
    }

    private void saveTemplatePage(Context ctx, Form form) {
        Loaded l = load(ctx);
        communities.requireRole(l.viewer().accountId(), l.community().id(), Role.ORGANISER);
        Form f = form != null ? form : Form.filled(Map.of("name", l.plan().event().title()));
        pages.page(ctx, "event/saveTemplate.jte", "Save the agenda as a template",
                new SaveTemplateView(l.community(), l.plan(), f));
    }

    private void saveTemplate(Context ctx) {
        Loaded l = load(ctx);
        Form form = Form.of(ctx);
        try {
            Template t = events.saveAsTemplate(l.viewer().accountId(), l.plan().event().id(), form.value("name"),
                    form.value("description"));
            Flash.set(ctx, "Saved the template “" + t.name() + "”. Choose it when you plan your next conversation.");
            ctx.redirect(href(l.community(), l.plan().event()));
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            saveTemplatePage(ctx, form);
        }
    }

    static List<Option> zones() {
        List<Option> zones = new ArrayList<>(TimeZones.COMMON);
        zones.add(new Option("other", "Another time zone (type it below)"));
        return zones;
    }
}
