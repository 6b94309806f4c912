package app.cairn.web;

/** Paths of the front-end files served from WebJars, in one place so an upgrade is one edit. */
public final class Assets {
    private Assets() {}

    public static final String GOVUK = "/webjars/govuk-frontend/5.14.0/dist/govuk";
    public static final String GOVUK_CSS = GOVUK + "/govuk-frontend.min.css";
    public static final String HTMX = "/webjars/htmx.org/2.0.8/dist/htmx.min.js";
    public static final String HTMX_SSE = "/webjars/htmx-ext-sse/2.2.2/sse.js";
}
