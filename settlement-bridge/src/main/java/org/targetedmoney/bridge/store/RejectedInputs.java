package org.targetedmoney.bridge.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bad input is kept for inspection, and changes nothing else: each refused input is stored under the next
 * number of its own {@link Sequence} in {@link Family#REJECTED}, either in a commit of its own
 * ({@link #keep(String, String, Instant, String, String, byte[])}, not on an event loop) or staged in a
 * {@link BridgeWriter} task's writes next to the idempotency record of the refusal
 * ({@link #keep(Writes, String, String, Instant, String, String, byte[])}) - a task that keeps a refusal
 * stages nothing else.
 */
public final class RejectedInputs {
    /** Bytes of the input kept; its full size and SHA-256 are always recorded. */
    public static final int MAX_KEPT_BYTES = 64 * 1024;
    /** Longest message kept; a longer one is cut. */
    public static final int MAX_MESSAGE_CHARS = 2_000;
    /** Longest reason code. */
    public static final int MAX_CODE_CHARS = 64;
    /** Most refusals one listing returns. */
    public static final int MAX_LIST = 1_000;
    private static final Sequence NUMBERS = new Sequence("rejected");
    private static final byte[] ALL = new byte[0];

    private final BridgeStore store;

    public RejectedInputs(BridgeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Stages a refused input in {@code writes}; returns it as it will be stored. */
    public RejectedInput keep(Writes writes, String scope, String idempotencyKey, Instant receivedAt,
            String reasonCode, String message, byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(message, "message");
        String kept = message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS);
        // A refusal that cannot be built throws after the number was taken: the caller's unit of work is then
        // undone as a whole, number included.
        long number = NUMBERS.next(writes);
        RejectedInput input = new RejectedInput(number, scope, idempotencyKey, receivedAt, reasonCode, kept,
                raw.length, Keys.hex(IdempotencyKeys.sha256(raw)),
                Arrays.copyOf(raw, Math.min(raw.length, MAX_KEPT_BYTES)));
        writes.putJson(Family.REJECTED, Keys.ofNumber(number), input);
        return input;
    }

    /** Stores a refused input in a commit of its own (blocks on the disk: not on an event loop). */
    public RejectedInput keep(String scope, String idempotencyKey, Instant receivedAt, String reasonCode,
            String message, byte[] raw) {
        return store.commitAndGet(writes -> keep(writes, scope, idempotencyKey, receivedAt, reasonCode, message,
                raw));
    }

    /** Refusal {@code number}, if stored. */
    public Optional<RejectedInput> get(long number) {
        if (number < 1) {
            return Optional.empty();
        }
        return store.getJson(Family.REJECTED, Keys.ofNumber(number), RejectedInput.class);
    }

    /** The {@code limit} latest refusals, newest first. */
    public List<RejectedInput> newest(int limit) {
        return list(null, limit);
    }

    /** The {@code limit} refusals before number {@code before}, newest first: the next page. */
    public List<RejectedInput> olderThan(long before, int limit) {
        return list(Keys.ofNumber(before), limit);
    }

    /** How many refusals were ever stored. */
    public long count() {
        return NUMBERS.current(store);
    }

    private List<RejectedInput> list(byte[] before, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIST + ": " + limit);
        }
        return store.scanReverse(Family.REJECTED, ALL, before, limit).stream()
                .map(e -> Json.read(e.value(), RejectedInput.class))
                .toList();
    }
}
