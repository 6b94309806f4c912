package app.cairn.cluster;

import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Wake-ups over Redis pub/sub, for deployments that prefer to keep PostgreSQL's connections for
 * queries. Published after the append commits, from a small queue of its own so a slow Redis never
 * holds up the sequencer; if Redis is away, nodes still catch up by resyncing from the log.
 */
public final class RedisWakeups extends Transport {
    private static final int TIMEOUT_MS = 2_000;
    private final URI uri;
    private final String channel;
    private final ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "cairn-wakeups-redis-publish");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());
    private Jedis publishing;
    private volatile JedisPubSub subscription;
    private volatile Jedis subscribing;

    public RedisWakeups(String url, String schema) {
        super("cairn-wakeups-redis");
        this.uri = URI.create(url);
        this.channel = PostgresWakeups.channelFor(schema);
    }

    @Override
    public void committed(long eventId, long seq) {
        String text = new Message(node, eventId, seq).encode();
        publisher.execute(() -> publish(text));
    }

    private void publish(String text) {
        try {
            if (publishing == null) publishing = new Jedis(uri, TIMEOUT_MS);
            publishing.publish(channel, text);
        } catch (RuntimeException e) {
            // The subscriber side reports the outage; drop this connection and make a new one next time.
            if (publishing != null) publishing.close();
            publishing = null;
        }
    }

    @Override
    void listen(Runnable connected) {
        try (Jedis jedis = new Jedis(uri, TIMEOUT_MS, 0)) {
            subscribing = jedis;
            JedisPubSub sub = new JedisPubSub() {
                @Override
                public void onSubscribe(String name, int count) {
                    connected.run();
                }

                @Override
                public void onMessage(String name, String message) {
                    deliver(message);
                }
            };
            subscription = sub;
            if (!running()) return;
            jedis.subscribe(sub, channel);
        } finally {
            subscription = null;
            subscribing = null;
        }
    }

    @Override
    void interrupt() {
        JedisPubSub sub = subscription;
        try {
            if (sub != null && sub.isSubscribed()) sub.unsubscribe();
        } catch (RuntimeException e) {
            Jedis j = subscribing;
            if (j != null) j.close();
        }
    }

    @Override
    public void close() {
        super.close();
        publisher.shutdown();
        try {
            publisher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publishing != null) publishing.close();
    }

    @Override
    public String transport() {
        return "redis";
    }
}
