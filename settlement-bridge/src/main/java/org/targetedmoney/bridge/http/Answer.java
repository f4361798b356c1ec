package org.targetedmoney.bridge.http;

import java.util.Arrays;
import java.util.Objects;
import org.targetedmoney.bridge.store.Json;

/**
 * What an {@link IdempotentOperation} answers: status, content type and body, exactly as a replay will answer
 * them again. A refusal carries its {@link Problem}, so that the refused input is kept with its code.
 *
 * @param status      HTTP status, 200..599
 * @param contentType content type of the body ("" for no body)
 * @param body        the body bytes (not copied: do not change them)
 * @param problem     the problem when this answer is one, else null
 */
public record Answer(int status, String contentType, byte[] body, Problem problem) {
    /** JSON media type. */
    public static final String JSON = "application/json";

    public Answer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("an answer's status is 200..599: " + status);
        }
        if (problem != null && problem.status() != status) {
            throw new IllegalArgumentException("the problem's status " + problem.status() + " is not " + status);
        }
    }

    /** {@code value} as JSON ({@link Json}: records, lists, maps). */
    public static Answer json(int status, Object value) {
        return new Answer(status, JSON, Json.write(value), null);
    }

    /** A body of any type. */
    public static Answer of(int status, String contentType, byte[] body) {
        return new Answer(status, contentType, body, null);
    }

    /** No body (e.g. 204). */
    public static Answer empty(int status) {
        return new Answer(status, "", new byte[0], null);
    }

    /** A problem answer. */
    public static Answer of(Problem problem) {
        return new Answer(problem.status(), Problem.CONTENT_TYPE, problem.toJson(), problem);
    }

    /** A refusal of the request as it is (4xx): recorded, replayed, and it must change nothing. */
    public boolean isRefusal() {
        return status >= 400 && status < 500;
    }

    /** A server failure (5xx): not recorded, the client may retry. */
    public boolean isServerError() {
        return status >= 500;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answer a && status == a.status && contentType.equals(a.contentType)
                && Arrays.equals(body, a.body) && Objects.equals(problem, a.problem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body), problem);
    }

    @Override
    public String toString() {
        return "Answer[" + status + ", " + contentType + ", " + body.length + " bytes"
                + (problem == null ? "" : ", " + problem.code()) + "]";
    }
}
