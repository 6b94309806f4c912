package app.cairn.testing;

import app.cairn.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases for tests: H2 in a temporary folder always; PostgreSQL in a new schema when
 * {@code CAIRN_TEST_DATABASE_URL} names a server (CI sets it), otherwise the test is reported
 * as skipped with the reason.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL_VARIABLE = "CAIRN_TEST_DATABASE_URL";

    private TestDatabases() {}

    public static Database open(Database.Vendor vendor) {
        return switch (vendor) {
            case H2 -> openH2();
            case POSTGRESQL -> openPostgres();
        };
    }

    public static Database openH2() {
        try {
            Path dir = Files.createTempDirectory("cairn-test-");
            dir.toFile().deleteOnExit();
            return Database.open(Database.h2Url(dir), "sa", "", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Database openPostgres() {
        String url = postgresUrl();
        Assumptions.assumeTrue(url != null,
                "PostgreSQL tests skipped: set " + POSTGRES_URL_VARIABLE + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return Database.open(url, null, null, schema);
    }

    /** The PostgreSQL URL for tests, or null when none is configured. */
    public static String postgresUrl() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        if (url == null || url.isBlank()) url = System.getProperty("cairn.test.databaseUrl");
        return url == null || url.isBlank() ? null : url;
    }
}
