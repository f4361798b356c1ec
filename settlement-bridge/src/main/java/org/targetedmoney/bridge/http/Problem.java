package org.targetedmoney.bridge.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetedmoney.bridge.store.Json;

/**
 * A problem answer (RFC 9457 "Problem Details for HTTP APIs"), as JSON {@code {"type", "title", "status",
 * "detail", "code"}} with content type {@value #CONTENT_TYPE}. {@code code} is the stable UPPER_SNAKE code
 * clients act on; {@code type} is the URN {@value #TYPE_PREFIX} + code; {@code title} is the same for every
 * occurrence of a code, {@code detail} explains this occurrence.
 *
 * @param type   URN naming the problem type
 * @param title  short summary of the problem type
 * @param status the HTTP status, 400..599
 * @param detail explanation of this occurrence, for people
 * @param code   stable UPPER_SNAKE code, at most {@value #MAX_CODE_CHARS} characters
 */
public record Problem(String type, String title, int status, String detail, String code) {
    /** The problem media type. */
    public static final String CONTENT_TYPE = "application/problem+json";
    /** Problem types are URNs: this prefix and the code. */
    public static final String TYPE_PREFIX = "urn:targetedmoney:problem:";
    /** Longest code. */
    public static final int MAX_CODE_CHARS = 64;
    /** Longest detail; a longer one is cut (a detail may quote input). */
    public static final int MAX_DETAIL_CHARS = 2_000;
    /**
     * After a 413 over HTTP/1.x, the rest of the oversized body is read and dropped for this long so the client
     * can read the answer (closing with unread input resets the connection), then the connection is closed.
     */
    static final long OVERSIZED_BODY_DRAIN_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Problem.class);

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem's status is 400..599: " + status);
        }
        if (!code.matches("[A-Z][A-Z0-9_]{0," + (MAX_CODE_CHARS - 1) + "}")) {
            throw new IllegalArgumentException("a problem's code is UPPER_SNAKE, at most " + MAX_CODE_CHARS
                    + " characters: " + code);
        }
        if (detail.length() > MAX_DETAIL_CHARS) {
            detail = detail.substring(0, MAX_DETAIL_CHARS);
        }
    }

    /** A problem of {@code code} with this title and detail. */
    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, code);
    }

    /** A problem titled with the status's reason phrase (e.g. "Bad Request"). */
    public static Problem of(int status, String code, String detail) {
        return of(status, code, HttpResponseStatus.valueOf(status).reasonPhrase(), detail);
    }

    /** The JSON body, members in the order of RFC 9457's examples. */
    public byte[] toJson() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        members.put("code", code);
        return Json.write(members);
    }

    /** This problem as an answer (for {@link IdempotentOperation}s). */
    public Answer answer() {
        return Answer.of(this);
    }

    /** Sends this problem as {@code response} (unless the client is gone). */
    public void send(HttpServerResponse response) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(Buffer.buffer(toJson()));
    }

    /**
     * A route failure handler that answers with a problem: 413 (the body limit) as {@code BODY_TOO_LARGE},
     * other 4xx by their reason phrase (404 {@code NOT_FOUND}...), anything else as {@code INTERNAL_ERROR}
     * (logged, no detail leaked). Also usable for the router's own errors:
     * {@code router.errorHandler(404, Problem.failureHandler())}.
     */
    public static Handler<RoutingContext> failureHandler() {
        return Problem::onFailure;
    }

    private static void onFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            rejectOversized(ctx);
        } else if (status >= 400 && status < 500) {
            String code = HttpResponseStatus.valueOf(status).reasonPhrase().toUpperCase(java.util.Locale.ROOT)
                    .replaceAll("[^A-Z0-9]+", "_");
            of(status, code, "the request was refused by " + ctx.request().method() + " " + ctx.normalizedPath())
                    .send(ctx.response());
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
            of(500, "INTERNAL_ERROR", "the request could not be processed; it changed nothing and may be retried")
                    .send(ctx.response());
        }
    }

    private static void rejectOversized(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Problem problem = of(413, "BODY_TOO_LARGE", "Content Too Large",
                "the request body exceeds the limit of " + IdempotentRoutes.MAX_BODY_BYTES + " bytes");
        HttpServerResponse response = ctx.response();
        if (request.isEnded()) {
            problem.send(response);
            return;
        }
        request.handler(dropped -> { }).resume();
        if (request.version() == HttpVersion.HTTP_2) {
            // HTTP/2 forbids Connection: close, and the connection carries the client's other requests: only
            // this stream is stopped if the client is still sending once it had time to read the answer.
            problem.send(response);
            ctx.vertx().setTimer(OVERSIZED_BODY_DRAIN_MILLIS, t -> {
                if (!request.isEnded()) {
                    response.reset(0);
                }
            });
            return;
        }
        response.putHeader(HttpHeaders.CONNECTION, "close");
        problem.send(response);
        HttpConnection connection = request.connection();
        ctx.vertx().setTimer(OVERSIZED_BODY_DRAIN_MILLIS, t -> connection.close());
    }
}
