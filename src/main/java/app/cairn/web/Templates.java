package app.cairn.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the precompiled jte templates in {@code src/main/jte}. Page templates take
 * {@code Page page} and, when they need one, a model named {@code m}.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Page page, Object model) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        if (model != null) params.put("m", model);
        return render(template, params);
    }

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    /** Renders a page template into the response. */
    public void page(Context ctx, String template, String title, Object model) {
        ctx.html(render(template, Page.of(ctx, title), model)).contentType("text/html; charset=utf-8");
    }
}
