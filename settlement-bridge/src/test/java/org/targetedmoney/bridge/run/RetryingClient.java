package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of the bridge as a well-behaved caller is: it sends each request until it gets an answer, with the same
 * Idempotency-Key and body every time. A refused connection or a connection cut while the bridge is down, a 5xx,
 * or a 409 IDEMPOTENCY_KEY_IN_FLIGHT are retried; any other 2xx or 4xx is the answer. Bounded: a request not
 * answered within {@link #ANSWER_TIMEOUT_MILLIS} fails the test.
 */
final class RetryingClient {
    /** Longest time to get an answer (restarts included). */
    static final long ANSWER_TIMEOUT_MILLIS = 90_000;
    static final long RETRY_PAUSE_MILLIS = 100;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A final answer. */
    record Reply(int status, String body, boolean replayed) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    /** Attempts that got no answer (connection refused or cut, 5xx, in flight). */
    final AtomicLong retries = new AtomicLong();

    RetryingClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** POSTs {@code body} under {@code key} until answered. */
    Reply post(String path, String key, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Idempotency-Key", key)
                .header("Content-Type", body.startsWith("<") ? "application/xml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = sendUntilAnswered(request, HttpResponse.BodyHandlers.ofString(), true);
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    /** GETs a JSON document until the bridge answers 200. */
    JsonNode get(String path) throws InterruptedException, IOException {
        return JSON.readTree(getBytes(path));
    }

    /** GETs bytes until the bridge answers 200. */
    byte[] getBytes(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15)).build();
        HttpResponse<byte[]> r = sendUntilAnswered(request, HttpResponse.BodyHandlers.ofByteArray(), false);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
        return r.body();
    }

    private <T> HttpResponse<T> sendUntilAnswered(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                  boolean keyed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_TIMEOUT_MILLIS);
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<T> r = http.send(request, handler);
                if (r.statusCode() < 500 && !(keyed && r.statusCode() == 409)) {
                    return r;
                }
                last = "status " + r.statusCode();
            } catch (IOException e) {
                last = e.toString(); // the bridge is down, or was killed while answering
            }
            retries.incrementAndGet();
            Thread.sleep(RETRY_PAUSE_MILLIS);
        }
        throw new AssertionError(request.method() + " " + request.uri() + " got no answer in "
                + ANSWER_TIMEOUT_MILLIS + " ms; last: " + last);
    }
}
