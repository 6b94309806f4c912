package app.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for tests: keeps cookies and sends the page's CSRF token with forms. */
public final class HttpSession {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final java.util.function.Function<String, String> urls;
    private final HttpClient client;
    private String csrf;
    private String bearer;

    HttpSession(TestServer server) {
        this(server::url);
    }

    /** A client for a Cairn running elsewhere (another process), e.g. {@code http://localhost:7070}. */
    public static HttpSession at(String baseUrl) {
        return new HttpSession(path -> baseUrl + path);
    }

    private HttpSession(java.util.function.Function<String, String> urls) {
        this.urls = urls;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The response of one request. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }
    }

    /** Sends API requests with this token instead of cookies. */
    public HttpSession bearer(String token) {
        this.bearer = token;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    /** Follows redirects from a GET, as a browser would. */
    public Response follow(String path) {
        Response r = get(path);
        for (int i = 0; i < 5 && r.status() / 100 == 3; i++) r = get(r.location());
        return r;
    }

    /** Posts a form with the CSRF token added. */
    public Response post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf());
        all.putAll(fields);
        return postRaw(path, all);
    }

    /** Posts exactly these fields (no CSRF token unless given). */
    public Response postRaw(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** Posts a multipart form (as a form with a file field does), with the CSRF token added. */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, String filename,
            String contentType, byte[] content) {
        String boundary = "cairn" + java.util.UUID.randomUUID().toString().replace("-", "");
        var out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf());
        all.putAll(fields);
        all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileField != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    /** Sends raw bytes, e.g. an image to an API endpoint. */
    public Response sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).header("Accept", "application/json").header("Content-Type", contentType);
        if (bearer == null) b.header("X-CSRF-Token", csrf());
        return send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** GETs a file as bytes, for images. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, String json) {
        return sendJson("POST", path, json);
    }

    public Response putJson(String path, String json) {
        return sendJson("PUT", path, json);
    }

    public Response delete(String path) {
        return sendJson("DELETE", path, null);
    }

    public Response sendJson(String method, String path, String json) {
        HttpRequest.Builder b = request(path).header("Accept", "application/json");
        if (bearer == null) b.header("X-CSRF-Token", csrf());
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    /** The CSRF token for this client's visitor cookie, read from a page once. */
    public String csrf() {
        if (csrf == null) {
            Response page = get("/sign-in");
            Matcher m = CSRF.matcher(page.body());
            if (!m.find()) throw new IllegalStateException("no CSRF token on /sign-in: " + page.body());
            csrf = m.group(1);
        }
        return csrf;
    }

    /** Signs up (the first account becomes admin) and stays signed in. */
    public HttpSession signUp(String name, String email, String password) {
        Response r = post("/sign-up", Map.of("name", name, "email", email, "password", password));
        if (r.status() != 302) throw new IllegalStateException("sign-up failed (" + r.status() + "): " + r.body());
        return this;
    }

    public HttpSession signIn(String email, String password) {
        Response r = post("/sign-in", Map.of("email", email, "password", password));
        if (r.status() != 302) throw new IllegalStateException("sign-in failed (" + r.status() + "): " + r.body());
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : urls.apply(path)))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return b;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
