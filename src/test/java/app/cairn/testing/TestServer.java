package app.cairn.testing;

import app.cairn.Cairn;
import app.cairn.config.Settings;
import app.cairn.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A real Cairn server on a free port, over a fresh database, for HTTP and browser tests. */
public final class TestServer implements AutoCloseable {
    private final Cairn.Instance instance;

    private TestServer(Cairn.Instance instance) {
        this.instance = instance;
    }

    public static TestServer start(Database.Vendor vendor) {
        return start(TestDatabases.open(vendor), Clock.systemUTC(), Map.of());
    }

    /** Starts on a database; {@code env} adds CAIRN_* settings, e.g. SMTP for mail tests. */
    public static TestServer start(Database database, Clock clock, Map<String, String> env) {
        int port = freePort();
        Path data;
        try {
            data = Files.createTempDirectory("cairn-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings settings = Settings.fromEnvironment(env)
                .withPort(port)
                .withDataDir(data)
                .withBaseUrl(URI.create("http://localhost:" + port));
        return new TestServer(Cairn.startOn(database, settings, clock));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + instance.port() + path;
    }

    public int port() {
        return instance.port();
    }

    public Cairn.Services services() {
        return instance.services();
    }

    public Cairn.Instance instance() {
        return instance;
    }

    public Database database() {
        return instance.database();
    }

    /** A new HTTP client with its own cookies, like a separate browser. */
    public HttpSession http() {
        return new HttpSession(this);
    }

    @Override
    public void close() {
        instance.close();
    }
}
