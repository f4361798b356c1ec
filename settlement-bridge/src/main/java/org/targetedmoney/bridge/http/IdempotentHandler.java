package org.targetedmoney.bridge.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetedmoney.bridge.store.BridgeWriter;
import org.targetedmoney.bridge.store.IdempotencyKeys;
import org.targetedmoney.bridge.store.IdempotencyKeys.KeyCheck;
import org.targetedmoney.bridge.store.IdempotencyKeys.Lookup;
import org.targetedmoney.bridge.store.IdempotencyRecord;
import org.targetedmoney.bridge.store.Writes;

/**
 * Makes a POST route idempotent (IETF draft "The Idempotency-Key HTTP Header Field"); mount it with
 * {@link IdempotentRoutes}, after the body handler. For each request:
 *
 * <ul>
 *   <li>no {@code Idempotency-Key} header: 400 {@code IDEMPOTENCY_KEY_MISSING}; a malformed one: 400
 *       {@code IDEMPOTENCY_KEY_INVALID};</li>
 *   <li>the key is being processed by another request: 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT};</li>
 *   <li>the key was answered for the same body (SHA-256 of the raw bytes): that answer again - status, content
 *       type, body - with {@code Idempotent-Replayed: true}; for another body: 422
 *       {@code IDEMPOTENCY_KEY_REUSED};</li>
 *   <li>else the {@link IdempotentOperation} runs, and its changes and the answer's record are committed in
 *       one atomic, durable write before the answer is sent (refusals: see {@link IdempotentOperation}).</li>
 * </ul>
 *
 * <p>Keys are scoped to the method and the normalised path, so the same key on two resources is two keys.
 * Replays and conflicts are decided on a worker thread (a store read), new requests on the writer thread.
 *
 * @param <P> what the operation's preparation produces
 */
public final class IdempotentHandler<P> implements Handler<RoutingContext> {
    /** The request header. */
    public static final String KEY_HEADER = "Idempotency-Key";
    /** Set on a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentHandler.class);

    private final IdempotentRoutes routes;
    private final IdempotentOperation<P> operation;

    IdempotentHandler(IdempotentRoutes routes, IdempotentOperation<P> operation) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** The answer to send, and whether it is a replay of a recorded one. */
    private record Outcome(Answer answer, boolean replayed) {
    }

    /** The worker step's result: a final outcome (replay, conflict), or the prepared input of a new request. */
    private record FirstLook<P>(Outcome outcome, P prepared) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        switch (IdempotencyKeys.parseHeader(ctx.request().getHeader(KEY_HEADER))) {
            case KeyCheck.Missing missing -> Problem.of(400, "IDEMPOTENCY_KEY_MISSING", "Idempotency key missing",
                    "every " + ctx.request().method() + " needs an " + KEY_HEADER + " header (e.g. a UUID)")
                    .send(ctx.response());
            case KeyCheck.Invalid invalid -> Problem.of(400, "IDEMPOTENCY_KEY_INVALID", "Idempotency key invalid",
                    invalid.reason()).send(ctx.response());
            case KeyCheck.Valid valid -> handleKeyed(ctx, valid.key());
        }
    }

    private void handleKeyed(RoutingContext ctx, String key) {
        String scope = ctx.request().method().name() + " " + ctx.normalizedPath();
        if (scope.length() > IdempotencyKeys.MAX_SCOPE_CHARS) {
            Problem.of(414, "PATH_TOO_LONG", "the path is longer than " + IdempotencyKeys.MAX_SCOPE_CHARS
                    + " characters").send(ctx.response());
            return;
        }
        IdempotencyKeys keys = routes.keys();
        if (!keys.tryBegin(scope, key)) {
            Problem.of(409, "IDEMPOTENCY_KEY_IN_FLIGHT", "Idempotency key in flight", "a request with this "
                    + KEY_HEADER + " is still being processed; retry once it is answered").send(ctx.response());
            return;
        }
        IdempotentRequest request;
        try {
            request = snapshot(ctx, scope, key);
        } catch (RuntimeException e) {
            keys.end(scope, key);
            throw e;
        }
        ctx.vertx().executeBlocking(() -> firstLook(request), false)
                .compose(first -> first.outcome() != null ? Future.succeededFuture(first.outcome())
                        : routes.writer().submit(writes -> commitNew(request, first.prepared(), writes)))
                .onComplete(result -> {
                    keys.end(scope, key);
                    if (result.succeeded()) {
                        send(ctx.response(), result.result());
                    } else {
                        fail(ctx, result.cause());
                    }
                });
    }

    private IdempotentRequest snapshot(RoutingContext ctx, String scope, String key) {
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        return new IdempotentRequest(scope, key, body, IdempotencyKeys.sha256(body), routes.clock().instant(),
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()), ctx.pathParams(),
                MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams()));
    }

    /** On a worker: a replay or a conflict is final; else the operation prepares the request. */
    private FirstLook<P> firstLook(IdempotentRequest request) throws Exception {
        Lookup found = routes.keys().lookup(request.scope(), request.idempotencyKey(), request.bodySha256());
        Outcome known = known(found);
        return known != null ? new FirstLook<>(known, null) : new FirstLook<>(null, operation.prepare(request));
    }

    /** On the writer: the operation's changes and the answer's record, in the same writes. */
    private Outcome commitNew(IdempotentRequest request, P prepared, Writes writes) throws Exception {
        // Looked up again where it is decided: the in-flight set guards this process, this guards the store.
        Lookup found = routes.keys().lookup(writes, request.scope(), request.idempotencyKey(), request.bodySha256());
        Outcome known = known(found);
        if (known != null) {
            return known;
        }
        Answer answer = Objects.requireNonNull(operation.apply(request, prepared, writes), "the operation's answer");
        if (answer.isServerError()) {
            writes.discard();
            return new Outcome(answer, false);
        }
        if (answer.isRefusal()) {
            writes.discard();
            if (answer.problem() != null) {
                routes.rejected().keep(writes, request.scope(), request.idempotencyKey(), request.receivedAt(),
                        answer.problem().code(), answer.problem().detail(), request.body());
            }
        }
        routes.keys().record(writes, new IdempotencyRecord(request.idempotencyKey(), request.scope(),
                request.bodySha256(), answer.status(), answer.contentType(), answer.body()));
        return new Outcome(answer, false);
    }

    /** The final outcome of a key already answered, or null for a new one. */
    private static Outcome known(Lookup found) {
        return switch (found) {
            case Lookup.New unknown -> null;
            case Lookup.Replay replay -> new Outcome(replayOf(replay.first()), true);
            case Lookup.Conflict conflict -> new Outcome(Problem.of(422, "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key reused", "this " + KEY_HEADER + " was used with another request body; "
                            + "use a new key for a new request").answer(), false);
        };
    }

    private static Answer replayOf(IdempotencyRecord first) {
        return Answer.of(first.status(), first.contentType(), first.body());
    }

    private static void send(HttpServerResponse response, Outcome outcome) {
        if (response.ended() || response.closed()) {
            return; // the client left; a retry gets the recorded answer
        }
        Answer answer = outcome.answer();
        response.setStatusCode(answer.status());
        if (!answer.contentType().isEmpty()) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        if (outcome.replayed()) {
            response.putHeader(REPLAYED_HEADER, "true");
        }
        response.end(Buffer.buffer(answer.body()));
    }

    private static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof BridgeWriter.WriterBusyException) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
            Problem.of(503, "SERVICE_BUSY", "too many writes are waiting; nothing was changed, retry later")
                    .send(ctx.response());
            return;
        }
        LOG.error("{} failed (key {}); nothing recorded", ctx.normalizedPath(),
                ctx.request().getHeader(KEY_HEADER), cause);
        Problem.of(500, "INTERNAL_ERROR", "the request could not be processed; it changed nothing and may be "
                + "retried with the same " + KEY_HEADER).send(ctx.response());
    }
}
