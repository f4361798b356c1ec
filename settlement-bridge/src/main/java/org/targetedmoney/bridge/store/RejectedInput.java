package org.targetedmoney.bridge.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An input the bridge refused, kept for inspection: what it was, why it was refused, and its first bytes.
 *
 * @param number         its number, from 1, in the order refusals were stored
 * @param scope          where it came in, e.g. "POST /bank/camt054"
 * @param idempotencyKey the key it carried, or null
 * @param receivedAt     when it was received (the caller's clock)
 * @param reasonCode     the refusal's stable code, UPPER_SNAKE (e.g. "XML_MALFORMED")
 * @param message        the refusal's explanation, at most {@value RejectedInputs#MAX_MESSAGE_CHARS} characters
 * @param sizeBytes      the input's full size
 * @param sha256         SHA-256 of the full input, in hexadecimal
 * @param keptBytes      its first {@value RejectedInputs#MAX_KEPT_BYTES} bytes at most
 */
public record RejectedInput(long number, String scope, String idempotencyKey, Instant receivedAt,
        String reasonCode, String message, long sizeBytes, String sha256, byte[] keptBytes) {
    public RejectedInput {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1: " + number);
        }
        IdempotencyKeys.checkScope(scope);
        if (idempotencyKey != null) {
            IdempotencyKeys.checkKey(idempotencyKey);
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reasonCode, "reasonCode");
        if (!reasonCode.matches("[A-Z][A-Z0-9_]{0," + (RejectedInputs.MAX_CODE_CHARS - 1) + "}")) {
            throw new IllegalArgumentException("reasonCode must be UPPER_SNAKE, at most "
                    + RejectedInputs.MAX_CODE_CHARS + " characters: " + reasonCode);
        }
        Objects.requireNonNull(message, "message");
        if (message.length() > RejectedInputs.MAX_MESSAGE_CHARS) {
            throw new IllegalArgumentException("message longer than " + RejectedInputs.MAX_MESSAGE_CHARS);
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(keptBytes, "keptBytes");
        if (keptBytes.length > RejectedInputs.MAX_KEPT_BYTES || keptBytes.length > sizeBytes) {
            throw new IllegalArgumentException("keptBytes must be at most " + RejectedInputs.MAX_KEPT_BYTES
                    + " and at most sizeBytes");
        }
    }

    /** Whether the whole input was kept. */
    public boolean complete() {
        return keptBytes.length == sizeBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RejectedInput r && number == r.number && scope.equals(r.scope)
                && Objects.equals(idempotencyKey, r.idempotencyKey) && receivedAt.equals(r.receivedAt)
                && reasonCode.equals(r.reasonCode) && message.equals(r.message) && sizeBytes == r.sizeBytes
                && sha256.equals(r.sha256) && Arrays.equals(keptBytes, r.keptBytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, scope, idempotencyKey, receivedAt, reasonCode, message, sizeBytes, sha256,
                Arrays.hashCode(keptBytes));
    }

    @Override
    public String toString() {
        return "RejectedInput[#" + number + " " + scope + " key=" + idempotencyKey + " at " + receivedAt + " "
                + reasonCode + ": " + message + " (" + sizeBytes + " bytes, sha256 " + sha256 + ")]";
    }
}
