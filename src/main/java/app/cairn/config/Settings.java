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
        Mail mail,
        Cluster cluster) {

    /**
     * How nodes that share one PostgreSQL wake each other when a conversation moves on:
     * {@code postgres} (LISTEN/NOTIFY, the default on PostgreSQL), {@code redis} (pub/sub at
     * {@code redisUrl}) or {@code none} (one node; the default on the embedded database).
     * {@code trustProxy}: the node is reached only through a reverse proxy, so the client's address
     * and scheme come from its Forwarded / X-Forwarded-* headers (rate limits are per real address).
     */
    public record Cluster(String wakeups, Optional<String> redisUrl, boolean trustProxy) {
        public static final java.util.Set<String> TRANSPORTS = java.util.Set.of("auto", "postgres", "redis", "none");
    }

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
                mail,
                cluster(env));
    }

    public Settings withPort(int newPort) {
        boolean baseFollowsPort = baseUrl.equals(baseUri(null, port));
        URI base = baseFollowsPort ? baseUri(null, newPort) : baseUrl;
        return new Settings(newPort, dataDir, databaseUrl, databaseUser, databasePassword, base, demo, mail, cluster);
    }

    public Settings withDataDir(Path dir) {
        return new Settings(port, dir, databaseUrl, databaseUser, databasePassword, baseUrl, demo, mail, cluster);
    }

    public Settings withDatabaseUrl(String url) {
        return new Settings(
                port, dataDir, Optional.of(url), databaseUser, databasePassword, baseUrl, demo, mail, cluster);
    }

    public Settings withBaseUrl(URI base) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, base, demo, mail, cluster);
    }

    public Settings withDemo(boolean on) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, baseUrl, on, mail, cluster);
    }

    public Settings withMail(Mail newMail) {
        return new Settings(port, dataDir, databaseUrl, databaseUser, databasePassword, baseUrl, demo, newMail, cluster);
    }

    private static Cluster cluster(Map<String, String> env) {
        String wakeups = env.getOrDefault("CAIRN_WAKEUPS", "auto").trim().toLowerCase(java.util.Locale.ROOT);
        if (!Cluster.TRANSPORTS.contains(wakeups)) {
            throw new SettingsException("CAIRN_WAKEUPS must be postgres, redis or none, but was '" + wakeups + "'.");
        }
        Optional<String> redis = opt(env, "CAIRN_REDIS_URL");
        if (wakeups.equals("redis") && redis.isEmpty()) {
            throw new SettingsException("CAIRN_WAKEUPS=redis needs CAIRN_REDIS_URL, such as redis://127.0.0.1:6379.");
        }
        redis.ifPresent(url -> {
            if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
                throw new SettingsException("CAIRN_REDIS_URL must start with redis:// or rediss://, but was '" + url + "'.");
            }
        });
        return new Cluster(wakeups, redis, "true".equalsIgnoreCase(env.getOrDefault("CAIRN_TRUST_PROXY", "false").trim()));
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
