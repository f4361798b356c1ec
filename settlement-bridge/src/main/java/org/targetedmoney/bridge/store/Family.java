package org.targetedmoney.bridge.store;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The column families of the bridge store, one per kind of record. The column family's name on disk is the
 * constant's name in lower case. Adding a constant is safe: missing families are created when the store opens,
 * and families on disk that this enum does not name are opened and left untouched.
 */
public enum Family {
    /** Cursors, counters ({@link Sequence}) and other single values. */
    META,
    /** Idempotency records under (scope, key): {@link IdempotencyKeys}. */
    IDEMPOTENCY,
    /** Inputs refused, kept for inspection: {@link RejectedInputs}. */
    REJECTED,
    /** The engine's inputs in order (the bridge's state is their replay): {@code org.targetedmoney.bridge.journal}. */
    JOURNAL,
    /** Files received (bank statements) and emitted (pain.001): their bytes, or their path and hash if larger. */
    FILES,
    /**
     * Snapshots of the engine's state, each with the journal position it covers, written in the same commit as
     * that journal entry: {@code org.targetedmoney.bridge.journal.EngineSnapshots}.
     */
    SNAPSHOT;

    /** The column family's name on disk. */
    public String columnFamilyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    byte[] columnFamilyNameBytes() {
        return columnFamilyName().getBytes(StandardCharsets.UTF_8);
    }
}
