package org.targetedmoney.bench.bridge;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends load requests over keep-alive HTTP/1.1 connections (Vert.x HTTP client, one event loop) and counts what
 * comes back: latency per request (HdrHistogram, microseconds), answers by status, transport errors, and the cents
 * of every new 2xx answer (a replayed answer is counted apart). Closed loop ({@link #closedLoop}: C clients, each
 * sending its next request when its previous one is answered) or open loop ({@link #openLoop}: requests start at a
 * fixed rate whatever the answers, latency measured from the intended start, so a server falling behind shows as
 * latency rather than as a slower sender).
 */
final class LoadClient implements AutoCloseable {
    /** Longest latency recorded exactly; longer ones are clamped (and show as the maximum). */
    static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);

    /** One answer: its status, whether the server says it replayed a recorded answer, its body. */
    record Reply(int status, boolean replayed, String body) {}

    /** What one phase (warm-up, measured run) saw. */
    static final class Stats {
        final Histogram latencyMicros = new Histogram(MAX_LATENCY_MICROS, 3);
        final Map<Integer, Long> byStatus = new TreeMap<>();
        long answered;
        long accepted;
        long acceptedCents;
        long replayed;
        long transportErrors;
        long sent;

        synchronized void record(ContributionRequests.Request r, long startNanos, AsyncResult<Reply> ar) {
            latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - startNanos) / 1_000));
            if (ar.failed()) {
                transportErrors++;
                return;
            }
            answered++;
            byStatus.merge(ar.result().status(), 1L, Long::sum);
            if (ar.result().replayed()) {
                replayed++;
            } else if (ar.result().status() / 100 == 2) {
                accepted++;
                acceptedCents = Math.addExact(acceptedCents, r.amountCents());
            }
        }

        synchronized long answeredOrFailed() {
            return answered + transportErrors;
        }

        synchronized long errors() {
            return transportErrors + answered - accepted - replayed;
        }
    }

    private final Vertx vertx;
    private final HttpClientAgent client;
    /** First answer's status of each request, by index (0 = none): what a replay must answer again. */
    private final int[] firstStatus;

    LoadClient(int port, int connections, int requests) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1").setDefaultPort(port))
                .with(new PoolOptions().setHttp1MaxSize(connections)).build();
        this.firstStatus = new int[requests];
    }

    Future<Reply> send(ContributionRequests.Request r) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(r.path())
                .putHeader("Idempotency-Key", r.key()).putHeader("Content-Type", "application/json");
        return client.request(options).compose(req -> req.send(Buffer.buffer(r.body())).compose(resp ->
                resp.body().map(b -> new Reply(resp.statusCode(),
                        "true".equals(resp.getHeader("Idempotent-Replayed")), b.toString()))));
    }

    Future<JsonObject> getJson(String path) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path))
                .compose(req -> req.send().compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() != 200) {
                        throw new IllegalStateException("GET " + path + " answered " + resp.statusCode() + ": " + b);
                    }
                    return b.toJsonObject();
                })));
    }

    /** Requests {@code from} (inclusive) to {@code to} (exclusive) from {@code clients} clients, until the deadline. */
    void closedLoop(ContributionRequests requests, long from, long to, int clients, long deadlineNanos, Stats stats)
            throws InterruptedException {
        AtomicLong next = new AtomicLong(from);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            chain(requests, next, to, deadlineNanos, stats, done);
        }
        done.await();
    }

    private void chain(ContributionRequests requests, AtomicLong next, long to, long deadlineNanos, Stats stats,
                       CountDownLatch done) {
        long i = next.getAndIncrement();
        if (i >= to || System.nanoTime() - deadlineNanos >= 0) {
            done.countDown();
            return;
        }
        ContributionRequests.Request r = requests.request(i);
        synchronized (stats) {
            stats.sent++;
        }
        long start = System.nanoTime();
        send(r).onComplete(ar -> {
            remember(i, ar);
            stats.record(r, start, ar);
            chain(requests, next, to, deadlineNanos, stats, done);
        });
    }

    /**
     * Starts request {@code from + k} at {@code k / rate} seconds, at most {@code maxInFlight} unanswered (beyond,
     * the sender waits, and the wait counts in the latency), until {@code to} or the deadline.
     */
    void openLoop(ContributionRequests requests, long from, long to, double ratePerSecond, int maxInFlight,
                  long deadlineNanos, Stats stats) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        double periodNanos = 1e9 / ratePerSecond;
        long start = System.nanoTime();
        for (long i = from; i < to; i++) {
            long intended = start + (long) ((i - from) * periodNanos);
            if (intended - deadlineNanos >= 0) {
                break;
            }
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            ContributionRequests.Request r = requests.request(i);
            long index = i;
            synchronized (stats) {
                stats.sent++;
            }
            send(r).onComplete(ar -> {
                remember(index, ar);
                stats.record(r, intended, ar);
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
    }

    private void remember(long index, AsyncResult<Reply> ar) {
        if (ar.succeeded() && firstStatus[(int) index] == 0) {
            firstStatus[(int) index] = ar.result().status();
        }
    }

    /** The status request {@code index} was first answered with (0 if none). */
    int firstStatus(long index) {
        return firstStatus[(int) index];
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("warning: closing the load client: " + e.getMessage());
        }
    }
}
