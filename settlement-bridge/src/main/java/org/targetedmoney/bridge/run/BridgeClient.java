package org.targetedmoney.bridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** A small client of a running bridge's HTTP API: for the CLI, the demo and tests. */
public final class BridgeClient {
    /** Longest wait for one answer. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Pause between two polls of {@link #await}. */
    static final long POLL_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of a bridge whose API runs without tokens. @param base e.g. {@code http://127.0.0.1:8645} */
    public BridgeClient(URI base) {
        this(base, Optional.empty());
    }

    /** @param token the API token sent as {@code Authorization: Bearer} with every request, if any */
    public BridgeClient(URI base, Optional<String> token) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * The token in {@code file}: its first line, trimmed (a file so that it shows neither in the process list nor
     * in the shell's history).
     *
     * @throws IOException if the file cannot be read or its first line is empty
     */
    public static String readToken(Path file) throws IOException {
        String first = Files.readAllLines(file).stream().findFirst().orElse("").strip();
        if (first.isEmpty()) {
            throw new IOException("token file " + file + " is empty");
        }
        return first;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** POSTs {@code body} (XML if it starts with '<', else JSON) with an {@code Idempotency-Key}. */
    public HttpResponse<String> post(String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(request(path).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", body.startsWith("<") ? "application/xml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUTs a JSON {@code body} with an {@code Idempotency-Key}. */
    public HttpResponse<String> put(String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(request(path).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} as text, whatever its status. */
    public HttpResponse<String> getResponse(String path) throws IOException, InterruptedException {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} as bytes (a pain.001 file). */
    public byte[] getBytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode());
        }
        return r.body();
    }

    /** GETs {@code path} as JSON; an answer other than 200 is an {@link IOException} naming it. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = getResponse(path);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Polls {@code path} until {@code done} holds, for at most {@code timeout}; returns the last answer. */
    public JsonNode await(String path, Predicate<JsonNode> done, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException(path + " did not reach the expected state in " + timeout + "; last answer: "
                + last);
    }
}
