package org.targetedmoney.bridge.store;

import java.util.Objects;

/**
 * A durable monotonic counter, kept in {@link Family#META} and advanced inside a commit: the number a commit
 * takes is stored by that same atomic write, so after a crash the counter is exactly as far as the records
 * numbered with it. Numbers start at 1; a discarded or failed commit gives its numbers back.
 */
public final class Sequence {
    /** Longest sequence name. */
    public static final int MAX_NAME_CHARS = 64;
    private static final String KEY_PREFIX = "sequence";

    private final String name;
    private final byte[] key;

    /** @param name lower-case letters, digits, '-' and '.', e.g. "rejected" or "batch" */
    public Sequence(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || !name.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("sequence name must be 1.." + MAX_NAME_CHARS
                    + " of [a-z0-9.-]: " + name);
        }
        this.name = name;
        this.key = Keys.of(KEY_PREFIX, name);
    }

    /** The sequence's name. */
    public String name() {
        return name;
    }

    /** Takes the next number in {@code writes}: it is stored when they are committed. */
    public long next(Writes writes) {
        long next = Math.addExact(current(writes), 1);
        writes.put(Family.META, key, Keys.ofLong(next));
        return next;
    }

    /** The last number taken, as {@code writes} would leave it (0 if none). */
    public long current(Writes writes) {
        return writes.get(Family.META, key).map(Keys::toLong).orElse(0L);
    }

    /** The last number committed (0 if none). */
    public long current(BridgeStore store) {
        return store.get(Family.META, key).map(Keys::toLong).orElse(0L);
    }
}
