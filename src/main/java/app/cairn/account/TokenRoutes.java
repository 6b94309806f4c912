package app.cairn.account;

import app.cairn.common.Forbidden;
import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.web.Flash;
import app.cairn.web.Form;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** Personal API tokens (pages to list, make and revoke them) and the API's "who am I". */
public final class TokenRoutes implements Routes {
    private final ApiTokenService tokens;
    private final AccountService accounts;
    private final Templates templates;
    private final String meUrl;

    /** {@code meUrl} is the absolute address of {@code /api/v1/me}, for the example on the page. */
    public TokenRoutes(ApiTokenService tokens, AccountService accounts, Templates templates, String meUrl) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.templates = templates;
        this.meUrl = meUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/account/tokens", ctx -> tokensPage(ctx, Viewer.require(ctx), new Form(), null));
        routes.post("/account/tokens", this::create);
        routes.get("/account/tokens/{id}/revoke", ctx -> {
            Viewer viewer = Viewer.require(ctx);
            templates.page(ctx, "account/revokeToken.jte", "Revoke a token", tokens.get(viewer.accountId(), id(ctx)));
        });
        routes.post("/account/tokens/{id}/revoke", ctx -> {
            Viewer viewer = Viewer.require(ctx);
            ApiToken revoked = tokens.revoke(viewer.accountId(), id(ctx));
            Flash.set(ctx, "The token ‘" + revoked.name() + "’ is revoked. Anything that used it can no longer reach Cairn.");
            ctx.redirect("/account/tokens");
        });

        routes.get("/api/v1/me", ctx -> {
            Account a = accounts.get(Viewer.require(ctx).accountId());
            ctx.json(new Me(a.id(), a.name(), a.email(), a.admin()));
        });
        routes.get("/api/v1/tokens", ctx -> ctx.json(tokens.list(Viewer.require(ctx).accountId())));
        routes.post("/api/v1/tokens", ctx -> {
            Viewer viewer = inBrowser(ctx);
            var made = tokens.make(viewer.accountId(), body(ctx).name());
            ctx.status(201).json(new Created(made.token().id(), made.token().name(), made.secret(),
                    made.token().createdAt()));
        });
        routes.delete("/api/v1/tokens/{id}", ctx -> {
            tokens.revoke(Viewer.require(ctx).accountId(), id(ctx));
            ctx.status(204);
        });
    }

    /** The tokens page's model; {@code newToken} is set only on the page that shows it, once. */
    public record TokensView(Form form, List<ApiToken> tokens, String newTokenName, String newToken, String meUrl) {
        public boolean created() {
            return newToken != null;
        }
    }

    /** {@code GET /api/v1/me}. */
    public record Me(long id, String name, String email, boolean admin) {}

    /** {@code POST /api/v1/tokens} asks for a name. */
    public record NewTokenRequest(String name) {}

    /** The answer to {@code POST /api/v1/tokens}: the only time the token itself is given. */
    public record Created(long id, String name, String token, Instant createdAt) {}

    private void tokensPage(Context ctx, Viewer viewer, Form form, ApiTokenService.NewToken made) {
        templates.page(ctx, "account/tokens.jte", "Personal API tokens", new TokensView(form,
                tokens.list(viewer.accountId()), made == null ? null : made.token().name(),
                made == null ? null : made.secret(), meUrl));
    }

    private void create(Context ctx) {
        Viewer viewer = inBrowser(ctx);
        Form form = Form.of(ctx);
        try {
            var made = tokens.make(viewer.accountId(), form.value("name"));
            // Shown in this answer and never again, so it must not be cached or redirected to.
            ctx.header("Cache-Control", "no-store");
            tokensPage(ctx, viewer, new Form(), made);
        } catch (Invalid e) {
            e.fields().forEach(form::error);
            ctx.status(422);
            tokensPage(ctx, viewer, form, null);
        }
    }

    /** Making a token needs a person at a browser: a leaked token must not be able to outlive its revocation. */
    private static Viewer inBrowser(Context ctx) {
        Viewer viewer = Viewer.require(ctx);
        if (viewer.viaApiToken()) {
            throw new Forbidden("A token cannot make other tokens. Make new tokens in the browser, at "
                    + "Your account, Personal API tokens.");
        }
        return viewer;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such token.");
        }
    }

    private static NewTokenRequest body(Context ctx) {
        try {
            NewTokenRequest request = ctx.bodyAsClass(NewTokenRequest.class);
            if (request == null) throw new IllegalArgumentException("empty body");
            return request;
        } catch (Exception e) {
            // Jackson's parse errors arrive unchecked through Javalin, so catch them all here.
            throw new BadRequestResponse("Send JSON like {\"name\": \"Reporting script\"}.");
        }
    }
}
