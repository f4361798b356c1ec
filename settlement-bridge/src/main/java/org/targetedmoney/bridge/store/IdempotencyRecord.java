package org.targetedmoney.bridge.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * The first answer given to a request with an idempotency key, kept so that a retry of the same request gets
 * it again (IETF draft "The Idempotency-Key HTTP Header Field"). Only final answers are kept: successes and
 * refusals (4xx), never server errors, which the client may retry.
 *
 * @param key           the client's idempotency key (1..{@value IdempotencyKeys#MAX_KEY_CHARS} printable ASCII)
 * @param scope         what the key is scoped to, e.g. "POST /contributions/declarations"
 * @param requestSha256 SHA-256 of the request body: the same key with another body is a conflict
 * @param status        the HTTP status answered, 100..499
 * @param contentType   the answer's content type ("" if it had no body)
 * @param body          the answer's body bytes
 */
public record IdempotencyRecord(String key, String scope, byte[] requestSha256, int status, String contentType,
        byte[] body) {
    public IdempotencyRecord {
        IdempotencyKeys.checkKey(key);
        IdempotencyKeys.checkScope(scope);
        Objects.requireNonNull(requestSha256, "requestSha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (requestSha256.length != IdempotencyKeys.SHA256_BYTES) {
            throw new IllegalArgumentException("requestSha256 must be 32 bytes: " + requestSha256.length);
        }
        if (status < 100 || status >= 500) {
            throw new IllegalArgumentException("only final answers below 500 are recorded: " + status);
        }
    }

    /** Whether {@code sha256} is the fingerprint of this record's request. */
    public boolean sameRequest(byte[] sha256) {
        return Arrays.equals(requestSha256, sha256);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdempotencyRecord r && key.equals(r.key) && scope.equals(r.scope)
                && Arrays.equals(requestSha256, r.requestSha256) && status == r.status
                && contentType.equals(r.contentType) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, scope, Arrays.hashCode(requestSha256), status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "IdempotencyRecord[scope=" + scope + ", key=" + key + ", request=" + Keys.hex(requestSha256)
                + ", status=" + status + ", " + contentType + ", " + body.length + " bytes]";
    }
}
