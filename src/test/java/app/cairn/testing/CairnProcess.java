package app.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Cairn started from the built jar in its own process, so a test can kill it with SIGKILL and start it again. */
public final class CairnProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "cairn.jar");
    private final List<String> args;
    private final Path log;
    private final int port;
    private Process process;

    private CairnProcess(int port, List<String> extra, List<String> jvm, Path log) {
        this.port = port;
        this.log = log;
        this.args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        args.addAll(jvm);
        args.addAll(List.of("-jar", JAR.toString(), "serve", "--port", String.valueOf(port)));
        this.args.addAll(extra);
    }

    /** Starts a node; {@code extra} adds options such as {@code --data DIR} or {@code --database-url URL}. */
    public static CairnProcess start(List<String> extra) {
        return start(extra, List.of("-Xmx512m"));
    }

    /** Starts a node with these JVM options (e.g. a heap size for a benchmark). */
    public static CairnProcess start(List<String> extra, List<String> jvm) {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "target/cairn.jar is built by 'mvn package' before integration tests");
        try {
            Path log = Files.createTempFile("cairn-node-", ".log");
            CairnProcess p = new CairnProcess(TestServer.freePort(), extra, jvm, log);
            p.launch();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void launch() {
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        waitUntilHealthy(Duration.ofSeconds(60));
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitUntilHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("Cairn exited: " + logText());
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(url() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Cairn did not become healthy: " + logText());
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
