package app.cairn.admin;

import app.cairn.account.Account;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.mail.Mail;
import app.cairn.mail.OutboxMessage;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Option;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The instance admin's pages and API: accounts, the sign-up switch, and the mail outbox. */
public final class AdminRoutes implements Routes {
    static final List<Option> SIGNUP_CHOICES = List.of(
            new Option("open", "Anyone can create an organiser account"),
            new Option("closed", "Only people an organiser invites", "Invitation links still let people sign up."));

    private final AdminService admin;
    private final Templates templates;

    public AdminRoutes(AdminService admin, Templates templates) {
        this.admin = admin;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> adminPage(ctx, null));
        routes.post("/admin/signups", this::switchSignups);
        routes.get("/admin/outbox", ctx -> {
            var page = admin.outbox(Viewer.require(ctx).accountId(), pageNumber(ctx));
            templates.page(ctx, "admin/outbox.jte", "Outbox", new OutboxView(page, admin.smtpConfigured()));
        });
        routes.get("/admin/outbox/{id}", ctx -> {
            OutboxMessage message = admin.message(Viewer.require(ctx).accountId(), id(ctx, "id"));
            templates.page(ctx, "admin/outboxMessage.jte", message.subject(),
                    new MessageView(message, LinkedText.of(message.text())));
        });
        routes.get("/admin/outbox/{id}/attachments/{n}", this::attachment);

        routes.get("/api/v1/admin/accounts", ctx -> ctx.json(
                admin.accounts(Viewer.require(ctx).accountId()).stream().map(AccountJson::of).toList()));
        routes.get("/api/v1/admin/signups", ctx -> ctx.json(new Signups(admin.signupsOpen(Viewer.require(ctx).accountId()))));
        routes.put("/api/v1/admin/signups", ctx -> {
            long adminId = Viewer.require(ctx).accountId();
            Signups body = body(ctx);
            if (body.open() == null) throw Invalid.field("open", "Say whether sign-ups are open: true or false");
            admin.setSignupsOpen(adminId, body.open());
            ctx.json(new Signups(admin.signupsOpen(adminId)));
        });
        routes.get("/api/v1/admin/outbox", ctx -> {
            var page = admin.outbox(Viewer.require(ctx).accountId(), pageNumber(ctx));
            ctx.json(new OutboxJson(page.entries().stream().map(EntryJson::of).toList(), page.number(), page.pages(),
                    page.total()));
        });
        routes.get("/api/v1/admin/outbox/{id}", ctx -> ctx.json(
                MessageJson.of(admin.message(Viewer.require(ctx).accountId(), id(ctx, "id")))));
    }

    /** The admin page's model. */
    public record AdminView(AdminService.Overview overview, Form form, List<Option> choices) {}

    /** The outbox list's model. */
    public record OutboxView(OutboxMessage.Page page, boolean smtpConfigured) {}

    /** One message's model, its text cut into pieces so the links can be followed. */
    public record MessageView(OutboxMessage message, List<LinkedText.Piece> text) {}

    private void adminPage(Context ctx, Form form) {
        var overview = admin.overview(Viewer.require(ctx).accountId());
        Form shown = form != null ? form : Form.filled(Map.of("signups", overview.signupsOpen() ? "open" : "closed"));
        templates.page(ctx, "admin/admin.jte", "Admin", new AdminView(overview, shown, SIGNUP_CHOICES));
    }

    private void switchSignups(Context ctx) {
        long adminId = Viewer.require(ctx).accountId();
        Form form = Form.of(ctx);
        String choice = form.value("signups");
        if (!choice.equals("open") && !choice.equals("closed")) {
            form.error("signups", "Choose who can create an organiser account");
            ctx.status(422);
            adminPage(ctx, form);
            return;
        }
        admin.setSignupsOpen(adminId, choice.equals("open"));
        Flash.set(ctx, choice.equals("open")
                ? "Sign-ups are open: anyone can create an organiser account."
                : "Sign-ups are switched off: only people an organiser invites can create an account.");
        ctx.redirect("/admin");
    }

    private void attachment(Context ctx) {
        OutboxMessage message = admin.message(Viewer.require(ctx).accountId(), id(ctx, "id"));
        long n = id(ctx, "n");
        if (n < 1 || n > message.attachments().size()) throw new NotFound("There is no such attachment.");
        Mail.Attachment a = message.attachments().get((int) n - 1);
        // Always a download, never shown in the page's origin, whatever type the message declared.
        ctx.header("Content-Disposition", "attachment; filename=\"" + safeFilename(a.filename()) + "\"");
        ctx.contentType("application/octet-stream").result(a.content());
    }

    static String safeFilename(String name) {
        String clean = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.isEmpty() || clean.startsWith(".") ? "attachment" + clean : clean;
    }

    /** The GOV.UK tag colour for a message's status; the words say the same, so colour is never alone. */
    public static String tagClass(OutboxMessage.Status status) {
        return switch (status) {
            case KEPT -> "govuk-tag--grey";
            case QUEUED -> "govuk-tag--blue";
            case SENT -> "govuk-tag--green";
            case FAILED -> "govuk-tag--red";
        };
    }

    /** "12 KB", for attachment sizes. */
    public static String size(int bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return Math.round(bytes / 1024.0) + " KB";
        return String.format(java.util.Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static int pageNumber(Context ctx) {
        String page = ctx.queryParam("page");
        if (page == null || page.isBlank()) return 1;
        try {
            return Math.max(1, Math.min(Integer.parseInt(page.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such message in the outbox.");
        }
    }

    private static Signups body(Context ctx) {
        try {
            Signups body = ctx.bodyAsClass(Signups.class);
            if (body == null) throw new IllegalArgumentException("empty body");
            return body;
        } catch (Exception e) {
            // Jackson's parse errors arrive unchecked through Javalin, so catch them all here.
            throw new BadRequestResponse("Send JSON like {\"open\": false}.");
        }
    }

    /** Whether anyone may sign up. */
    public record Signups(Boolean open) {}

    /** An account as the admin API lists it. */
    public record AccountJson(long id, String name, String email, boolean admin, Instant createdAt) {
        static AccountJson of(Account a) {
            return new AccountJson(a.id(), a.name(), a.email(), a.admin(), a.createdAt());
        }
    }

    /** A page of the outbox. */
    public record OutboxJson(List<EntryJson> messages, int page, int pages, int total) {}

    /** A line of the outbox. */
    public record EntryJson(long id, String recipient, String subject, String status, int attempts, Instant createdAt,
            Instant sentAt) {
        static EntryJson of(OutboxMessage.Entry e) {
            return new EntryJson(e.id(), e.recipient(), e.subject(), e.status().column(), e.attempts(), e.createdAt(),
                    e.sentAt());
        }
    }

    /** One message, with its attachments described but not included. */
    public record MessageJson(long id, String recipient, String subject, String text, List<AttachmentJson> attachments,
            String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
        static MessageJson of(OutboxMessage m) {
            return new MessageJson(m.id(), m.recipient(), m.subject(), m.text(),
                    m.attachments().stream().map(a -> new AttachmentJson(a.filename(), a.contentType(), a.content().length))
                            .toList(),
                    m.status().column(), m.attempts(), m.lastError(), m.createdAt(), m.sentAt());
        }
    }

    /** An attachment's name, type and size. */
    public record AttachmentJson(String filename, String contentType, int size) {}
}
