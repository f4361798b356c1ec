package org.targetedmoney.bridge.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.targetedmoney.bridge.store.BridgeWriter;
import org.targetedmoney.bridge.store.IdempotencyKeys;
import org.targetedmoney.bridge.store.RejectedInputs;

/**
 * Mounts idempotent routes: each gets the body handler (limit {@value #MAX_BODY_BYTES} bytes, else 413
 * {@code BODY_TOO_LARGE}), a refusal of multipart forms (415), an {@link IdempotentHandler} around its
 * {@link IdempotentOperation}, and {@link Problem#failureHandler()}. One instance per service, sharing the
 * store's writer, idempotency keys and rejected inputs:
 *
 * <pre>{@code
 * IdempotentRoutes routes = new IdempotentRoutes(writer, new IdempotencyKeys(store), new RejectedInputs(store),
 *         Clock.systemUTC());
 * routes.post(router, "/contributions/declarations", declarations);
 * }</pre>
 */
public final class IdempotentRoutes {
    /** Largest request body: bank statements can be big. */
    public static final int MAX_BODY_BYTES = 10 << 20;

    private final BridgeWriter writer;
    private final IdempotencyKeys keys;
    private final RejectedInputs rejected;
    private final Clock clock;

    public IdempotentRoutes(BridgeWriter writer, IdempotencyKeys keys, RejectedInputs rejected, Clock clock) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Mounts {@code operation} on {@code POST path}. */
    public <P> Route post(Router router, String path, IdempotentOperation<P> operation) {
        return mount(router.post(path), operation);
    }

    /** Mounts {@code operation} on {@code route} (another method than POST, a regex path...). */
    public <P> Route mount(Route route, IdempotentOperation<P> operation) {
        return route.handler(bodyHandler())
                .handler(IdempotentRoutes::refuseFormUpload)
                .handler(new IdempotentHandler<>(this, operation))
                .failureHandler(Problem.failureHandler());
    }

    /** The body handler of idempotent routes: the raw body in memory, up to {@value #MAX_BODY_BYTES} bytes. */
    public static BodyHandler bodyHandler() {
        return BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setMergeFormAttributes(false);
    }

    /**
     * The body handler drops a multipart form's parts instead of keeping the raw body, so the body's
     * fingerprint would be empty: files are sent as the body itself.
     */
    private static void refuseFormUpload(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Problem.of(415, "MULTIPART_NOT_SUPPORTED", "send the document as the request body (e.g. "
                    + "application/xml), not as a multipart form").send(ctx.response());
            return;
        }
        ctx.next();
    }

    BridgeWriter writer() {
        return writer;
    }

    IdempotencyKeys keys() {
        return keys;
    }

    RejectedInputs rejected() {
        return rejected;
    }

    Clock clock() {
        return clock;
    }
}
