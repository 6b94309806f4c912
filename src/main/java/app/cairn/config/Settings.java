package app.cairn.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Everything an operator can set, from command-line options or CAIRN_* environment variables. */
public record Settings(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        URI baseUrl,
        boolean demo,
        Mail mail) {

    /** SMTP settings; when {@code host} is empty, mail stays in the in-app outbox. */
    public record Mail(
            Optional<String> host,
            int port,
            Optional<String> user,
            Optional<String> password,
            String from,
            boolean startTls) {

        public boolean smtpConfigured() {
            return host.isPresent();
        }
    }

    public static final int DEFAULT_PORT = 7070;

    /** Reads the environment; command-line options are applied on top by {@link #with}. */
    public static Settings fromEnvironment(Map<String, String> env) {
        int port = intValue(env, "CAIRN_PORT", DEFAULT_PORT);
        Path data = Path.of(env.getOrDefault("CAIRN_DATA", "data"));
        URI base = baseUri(env.get("CAIRN_BASE_URL"), port);
        Mail mail = new Mail(
                opt(env, "CAIRN_SMTP_HOST"),
                intValue(env, "CAIRN_SMTP_PORT", 587),
                opt(env, "CAIRN_SMTP_USER"),
                opt(env, "CAIRN_SMTP_PASSWORD"),
                env.getOrDefault("CAIRN_MAIL_FROM", "Cairn <cairn@localhost>"),
                !"false".equalsIgnoreCase(env.getOrDefault("CAIRN_SMTP_STARTTLS", "true")));
        return new Settings(
                port,
                data,
                opt(env, "CAIRN_DATABASE_URL"),
                opt(env, "CAIRN_DATABASE_USER"),
                opt(env, "CAIRN_DATABASE_PASSWORD"),
                base,
                "true".equalsIgnoreCase(env.getOrDefault("CAIRN_DEMO", "false")),
                mail);
    }

    public Settings withPort(int newPort) {
        boolean baseFollowsPort = baseUrl.equals(baseUri(null, port));
        URI base = baseFollowsPort ? baseUri(null, newPort) : baseUrl;
        return new Settings(newPort, dataDir, databaseUrl, databaseUser, databasePassword, base, demo, mail);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(port, dir, databaseUrl, databaseUser, databasePassword, baseUrl, demo, mail);
    }

    public Settings withDatabaseUrl(String url) {
        return new Settings(
                port, dataDir, Optional.of(url), databaseUser, databasePassword, baseUrl, demo, mail);
    }

    public Settings withBaseUrl(URI base) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, base, demo, mail);
    }

    public Settings withDemo(boolean on) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, baseUrl, on, mail);
    }

    public Settings withMail(Mail newMail) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, baseUrl, demo, newMail);
    }

    /** True when people reach Cairn over HTTPS, so cookies must be marked Secure. */
    public boolean secureCookies() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** An absolute link for emails, e.g. {@code link("/reset/abc")}. */
    public String link(String path) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return base + path;
    }

    private static URI baseUri(String configured, int port) {
        if (configured != null && !configured.isBlank()) {
            try {
                URI uri = URI.create(configured.trim());
                if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException();
                return uri;
            } catch (IllegalArgumentException e) {
                throw new SettingsException("CAIRN_BASE_URL must be an absolute URL such as "
                        + "https://cairn.example.org, but was '" + configured + "'.");
            }
        }
        return URI.create("http://localhost:" + port);
    }

    private static Optional<String> opt(Map<String, String> env, String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int intValue(Map<String, String> env, String key, int fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(key + " must be a whole number, but was '" + v + "'.");
        }
    }
}
