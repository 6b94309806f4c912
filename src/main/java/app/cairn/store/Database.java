package app.cairn.store;

import app.cairn.config.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** The database Cairn keeps everything in: embedded H2 by default, PostgreSQL in production. */
public final class Database implements AutoCloseable {

    /** The two databases whose SQL Cairn speaks; migrations and tests run on both. */
    public enum Vendor {
        H2("h2"),
        POSTGRESQL("postgresql");

        final String migrationFolder;

        Vendor(String folder) {
            this.migrationFolder = folder;
        }
    }

    private final HikariDataSource dataSource;
    private final Vendor vendor;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Opens the database the settings name and brings its schema up to date. */
    public static Database open(Settings settings) {
        if (settings.databaseUrl().isPresent()) {
            return open(
                    settings.databaseUrl().get(),
                    settings.databaseUser().orElse(null),
                    settings.databasePassword().orElse(null),
                    null);
        }
        return open(h2Url(settings.dataDir()), "sa", "", null);
    }

    /** The embedded database's URL for a data folder. */
    public static String h2Url(Path dataDir) {
        // WRITE_DELAY=0: an acknowledged answer must survive the process being killed.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cairn")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /**
     * Opens a database by URL. {@code schema}, when given, is created and used for every
     * connection (tests use it to keep runs apart on one PostgreSQL server).
     */
    public static Database open(String url, String user, String password, String schema) {
        Vendor vendor = vendorOf(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setPoolName("cairn");
        config.setMaximumPoolSize(vendor == Vendor.H2 ? 8 : 16);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        if (schema != null) config.setSchema(schema);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds, vendor, schema);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, vendor);
    }

    private static void migrate(DataSource ds, Vendor vendor, String schema) {
        var flyway = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrationFolder)
                .createSchemas(true);
        if (schema != null) flyway = flyway.schemas(schema).defaultSchema(schema);
        flyway.load().migrate();
    }

    static Vendor vendorOf(String url) {
        if (url.startsWith("jdbc:h2:")) return Vendor.H2;
        if (url.startsWith("jdbc:postgresql:")) return Vendor.POSTGRESQL;
        throw new IllegalArgumentException(
                "Cairn runs on H2 or PostgreSQL; the database URL must start with jdbc:h2: or jdbc:postgresql:,"
                        + " but was '" + url + "'.");
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Vendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A new connection outside the pool, with the pool's URL, user and schema: for a listener that
     * holds its connection for hours (LISTEN) and must not take one of the pool's.
     */
    public Connection openDedicated() throws java.sql.SQLException {
        var props = new java.util.Properties();
        if (dataSource.getUsername() != null) props.setProperty("user", dataSource.getUsername());
        if (dataSource.getPassword() != null) props.setProperty("password", dataSource.getPassword());
        Connection c = java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), props);
        if (dataSource.getSchema() != null) c.setSchema(dataSource.getSchema());
        return c;
    }

    /** The schema Cairn's tables are in (PostgreSQL's current schema). */
    public String schema() {
        return jdbi.withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
    }

    /**
     * Whether a failure means the database is out of reach (a lost or refused connection, SQL
     * state class 08, or a server shutting down), rather than something wrong with the request.
     */
    public static boolean unreachable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database answers within two seconds; the reason when it does not. */
    public Optional<String> problem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? Optional.empty() : Optional.of("the database did not answer");
        } catch (Exception e) {
            return Optional.of("cannot reach the database: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
