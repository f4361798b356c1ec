package org.targetedmoney.bridge.http;

import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request that carried a valid idempotency key, as {@link IdempotentOperation}s see it: a copy taken on the
 * event loop, safe to read from the worker and writer threads (the {@code RoutingContext} is not).
 *
 * @param scope          method and normalised path, e.g. "POST /contributions/declarations": what the key
 *                       is scoped to
 * @param idempotencyKey the client's key
 * @param body           the raw body bytes (not copied: do not change them)
 * @param bodySha256     SHA-256 of {@code body}: the request's fingerprint
 * @param receivedAt     when the body was received (the service's clock)
 * @param headers        the request headers (case-insensitive)
 * @param pathParams     the route's path parameters
 * @param queryParams    the query parameters
 */
public record IdempotentRequest(String scope, String idempotencyKey, byte[] body, byte[] bodySha256,
        Instant receivedAt, MultiMap headers, Map<String, String> pathParams, MultiMap queryParams) {
    public IdempotentRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(headers, "headers");
        pathParams = Map.copyOf(pathParams);
        Objects.requireNonNull(queryParams, "queryParams");
    }

    /** The value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
