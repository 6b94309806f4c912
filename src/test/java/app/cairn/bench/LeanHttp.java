package app.cairn.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator's side of joins and event streams: plain HTTP/1.1 over non-blocking sockets,
 * a few selector threads for all connections. The JDK's HTTP client spent as much CPU as the
 * Cairn node it was measuring (about 1.8 ms per join and stream), on a machine whose two cores
 * they share; this one does the same requests for a fraction of that, so the figure is the node's.
 * Each connection sends an optional JSON POST (the join), then a GET of the stream on the same
 * connection, and feeds every line of the stream's body to a {@link LiveBench.Stream}.
 */
final class LeanHttp implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final InetSocketAddress address;
    private final String host;
    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    LeanHttp(String baseUrl, int threads) throws IOException {
        java.net.URI uri = java.net.URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.host = uri.getHost() + ":" + uri.getPort();
        this.loops = new Loop[threads];
        for (int i = 0; i < threads; i++) loops[i] = new Loop("lean-http-" + i);
    }

    /** What happens to one connection: its token once joined, and a failure with the reason. */
    interface Listener {
        void joined(String token);

        void failed(String why);
    }

    /**
     * POSTs {@code json} to {@code joinPath}, reads the token from the 201's body, then GETs the
     * stream path {@code streamPath.apply(token)} with it as a bearer token.
     */
    AutoCloseable joinAndStream(String joinPath, String json, Function<String, String> streamPath, LiveBench.Stream sink,
            Listener listener) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + joinPath + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        Conn c = new Conn(sink, listener, streamPath);
        c.out = concat(head.getBytes(StandardCharsets.US_ASCII), body);
        c.phase = Phase.JOIN_HEAD;
        start(c);
        return c;
    }

    /** GETs an event stream with no join first (the floor's streams). */
    AutoCloseable stream(String path, LiveBench.Stream sink, Listener listener) {
        Conn c = new Conn(sink, listener, null);
        c.out = streamRequest(path, null);
        c.phase = Phase.STREAM_HEAD;
        start(c);
        return c;
    }

    private byte[] streamRequest(String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private void start(Conn c) {
        Loop loop = loops[Math.floorMod(next.getAndIncrement(), loops.length)];
        loop.pending.add(c);
        loop.selector.wakeup();
    }

    @Override
    public void close() {
        for (Loop l : loops) l.close();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private enum Phase {
        JOIN_HEAD,
        JOIN_BODY,
        STREAM_HEAD,
        STREAM_BODY
    }

    /** One connection's state: what is left to write, and where reading has got to. */
    private final class Conn implements AutoCloseable {
        final LiveBench.Stream sink;
        final Listener listener;
        final Function<String, String> streamPath;
        SocketChannel channel;
        byte[] out;
        int written;
        Phase phase;
        final StringBuilder headLine = new StringBuilder();
        int status;
        long contentLength = -1;
        boolean chunked;
        final Chunks chunks = new Chunks();
        final java.io.ByteArrayOutputStream joinBody = new java.io.ByteArrayOutputStream();
        final StringBuilder line = new StringBuilder();
        boolean done;

        Conn(LiveBench.Stream sink, Listener listener, Function<String, String> streamPath) {
            this.sink = sink;
            this.listener = listener;
            this.streamPath = streamPath;
        }

        void fail(String why) {
            if (done) return;
            done = true;
            try {
                if (channel != null) channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            listener.failed(why);
        }

        /** Reads the bytes that arrived. */
        void read(ByteBuffer in) {
            while (in.hasRemaining() && !done) {
                switch (phase) {
                    case JOIN_HEAD, STREAM_HEAD -> head(in);
                    case JOIN_BODY -> joinBody(in);
                    case STREAM_BODY -> streamBody(in);
                    default -> throw new IllegalStateException();
                }
            }
        }

        /** Reads the status line and headers, one line at a time. */
        private void head(ByteBuffer in) {
            while (in.hasRemaining()) {
                char ch = (char) (in.get() & 0xff);
                if (ch != '\n') {
                    if (ch != '\r') headLine.append(ch);
                    continue;
                }
                String l = headLine.toString();
                headLine.setLength(0);
                if (status == 0) {
                    status = Integer.parseInt(l.substring(9, 12));
                } else if (!l.isEmpty()) {
                    int colon = l.indexOf(':');
                    String name = l.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                    String value = l.substring(colon + 1).trim();
                    if (name.equals("content-length")) contentLength = Long.parseLong(value);
                    if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                } else {
                    endOfHead();
                    return;
                }
            }
        }

        private void endOfHead() {
            if (phase == Phase.JOIN_HEAD) {
                if (status != 201) {
                    fail("join answered " + status);
                    return;
                }
                phase = Phase.JOIN_BODY;
                if (contentLength == 0) joined();
            } else {
                if (status != 200) {
                    fail("stream answered " + status);
                    return;
                }
                phase = Phase.STREAM_BODY;
            }
        }

        private void joinBody(ByteBuffer in) {
            if (chunked) {
                chunks.decode(in, b -> joinBody.write(b));
                if (chunks.ended) joined();
            } else {
                int n = (int) Math.min(in.remaining(), contentLength - joinBody.size());
                byte[] b = new byte[n];
                in.get(b);
                joinBody.write(b, 0, n);
                if (joinBody.size() >= contentLength) joined();
            }
        }

        private void joined() {
            Matcher m = TOKEN.matcher(joinBody.toString(StandardCharsets.UTF_8));
            if (!m.find()) {
                fail("no token in the join's answer");
                return;
            }
            String token = m.group(1);
            listener.joined(token);
            status = 0;
            contentLength = -1;
            chunked = false;
            chunks.reset();
            phase = Phase.STREAM_HEAD;
            out = streamRequest(streamPath.apply(token), token);
            written = 0;
            write();
        }

        private void streamBody(ByteBuffer in) {
            if (chunked) chunks.decode(in, this::lineByte);
            else while (in.hasRemaining()) lineByte(in.get() & 0xff);
        }

        private void lineByte(int b) {
            if (b == '\n') {
                sink.onNext(line.toString());
                line.setLength(0);
            } else if (b != '\r') {
                line.append((char) b);
            }
        }

        void write() {
            try {
                ByteBuffer buf = ByteBuffer.wrap(out, written, out.length - written);
                channel.write(buf);
                written = buf.position();
                SelectionKey key = channel.keyFor(selector);
                if (key != null) {
                    key.interestOps(written < out.length ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                }
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        Selector selector;

        /** Closes the connection from the client's side (the server notices at its next write). */
        @Override
        public void close() {
            done = true;
            try {
                if (channel != null) channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** A chunked body's decoder: hands on the data bytes, one at a time, and notices the last chunk. */
    private static final class Chunks {
        private long left = -1; // -1 reading a size line; >0 data; 0 the CRLF after data
        private final StringBuilder size = new StringBuilder();
        private int crlf;
        boolean ended;

        interface ByteSink {
            void accept(int b);
        }

        void reset() {
            left = -1;
            size.setLength(0);
            crlf = 0;
            ended = false;
        }

        void decode(ByteBuffer in, ByteSink out) {
            while (in.hasRemaining() && !ended) {
                if (left > 0) {
                    out.accept(in.get() & 0xff);
                    left--;
                    if (left == 0) crlf = 2;
                } else if (crlf > 0) {
                    in.get();
                    crlf--;
                    if (crlf == 0) left = -1;
                } else {
                    char ch = (char) (in.get() & 0xff);
                    if (ch == '\n') {
                        String s = size.toString();
                        int semi = s.indexOf(';');
                        long n = Long.parseLong((semi >= 0 ? s.substring(0, semi) : s).trim(), 16);
                        size.setLength(0);
                        if (n == 0) ended = true;
                        else left = n;
                    } else if (ch != '\r') {
                        size.append(ch);
                    }
                }
            }
        }
    }

    /** One selector thread and the connections it serves. */
    private final class Loop implements Runnable {
        final Selector selector;
        final Queue<Conn> pending = new ConcurrentLinkedQueue<>();
        final Thread thread;
        final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        volatile boolean running = true;

        Loop(String name) throws IOException {
            this.selector = Selector.open();
            this.thread = new Thread(this, name);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(100);
                    for (Conn c; (c = pending.poll()) != null; ) open(c);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Conn c = (Conn) key.attachment();
                        if (!key.isValid() || c.done) continue;
                        try {
                            if (key.isConnectable()) {
                                c.channel.finishConnect();
                                c.write();
                            } else {
                                if (key.isWritable()) c.write();
                                if (key.isValid() && key.isReadable()) {
                                    in.clear();
                                    int n = c.channel.read(in);
                                    if (n < 0) {
                                        c.fail("closed by the server");
                                        continue;
                                    }
                                    in.flip();
                                    c.read(in);
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            c.fail(e.toString());
                        }
                    }
                } catch (IOException e) {
                    if (running) throw new IllegalStateException(e);
                }
            }
            // On this thread: a closed channel's descriptor is only let go once its selector deregisters it.
            for (SelectionKey k : selector.keys()) {
                try {
                    k.channel().close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }

        private void open(Conn c) {
            try {
                c.selector = selector;
                c.channel = SocketChannel.open();
                c.channel.configureBlocking(false);
                c.channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                boolean now = c.channel.connect(address);
                SelectionKey key = c.channel.register(selector, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
                if (now) c.write();
                else key.interestOps(SelectionKey.OP_CONNECT);
            } catch (IOException e) {
                c.fail(e.toString());
            }
        }

        void close() {
            running = false;
            selector.wakeup();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
