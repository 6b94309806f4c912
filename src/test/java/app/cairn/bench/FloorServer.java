package app.cairn.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor for {@code bench/fanout}: a bare Jetty server, the same Jetty as Cairn's, that keeps
 * SSE streams open and on {@code POST /broadcast?bytes=K} writes one K-byte event to all of them,
 * doing nothing else: no database, no log, no per-person view. Cairn's delivery time is read as a
 * ratio of this one's.
 */
public final class FloorServer {
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1000);
    private final ExecutorService writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        connector.setIdleTimeout(600_000);
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        server.setHandler(new FloorServer().handler());
        server.start();
        server.join();
    }

    Handler handler() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = Request.getPathInContext(request);
                if (path.equals("/health")) {
                    response.setStatus(200);
                    response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                } else if (path.equals("/stream")) {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
                    Client c = new Client(response, callback);
                    clients.add(c);
                    c.send(("id: " + ids.get() + "\ndata: {}\n\n").getBytes(StandardCharsets.UTF_8));
                } else if (path.equals("/broadcast")) {
                    String bytes = Request.extractQueryParameters(request).getValue("bytes");
                    long id = ids.incrementAndGet();
                    byte[] event = ("id: " + id + "\ndata: " + "x".repeat(Integer.parseInt(bytes)) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8);
                    // Spread over every core, as Cairn's hub does: a floor, not a strawman.
                    List<Client> all = new ArrayList<>(clients);
                    int shards = Runtime.getRuntime().availableProcessors();
                    CountDownLatch done = new CountDownLatch(shards);
                    for (int k = 0; k < shards; k++) {
                        int shard = k;
                        writers.execute(() -> {
                            for (int i = shard; i < all.size(); i += shards) all.get(i).send(event);
                            done.countDown();
                        });
                    }
                    try {
                        done.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    response.setStatus(200);
                    response.write(true, ByteBuffer.wrap(("{\"seq\": " + id + "}").getBytes(StandardCharsets.UTF_8)), callback);
                } else {
                    response.setStatus(404);
                    callback.succeeded();
                }
                return true;
            }
        };
    }

    /** One open stream: one write at a time; a newer event waiting replaces an older one, as in Cairn. */
    private final class Client {
        final Response response;
        final Callback done;
        final AtomicBoolean writing = new AtomicBoolean();
        final AtomicReference<byte[]> waiting = new AtomicReference<>();

        Client(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void send(byte[] event) {
            waiting.set(event);
            pump();
        }

        private void pump() {
            if (!writing.compareAndSet(false, true)) return;
            byte[] next = waiting.getAndSet(null);
            if (next == null) {
                writing.set(false);
                if (waiting.get() != null) pump();
                return;
            }
            response.write(false, ByteBuffer.wrap(next), new Callback() {
                @Override
                public void succeeded() {
                    writing.set(false);
                    pump();
                }

                @Override
                public void failed(Throwable x) {
                    clients.remove(Client.this);
                    done.failed(x);
                }
            });
        }
    }
}
