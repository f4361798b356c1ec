package org.targetedmoney.bridge.store;

import java.util.Objects;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatchWithIndex;

/**
 * The writes of one atomic commit, buffered in a RocksDB {@link WriteBatchWithIndex}: nothing is visible to
 * readers of the store until the commit, then all of it is; a crash before the commit leaves none of it.
 * {@link #get} reads through the buffer (staged writes first, then the store), so a unit of work sees its own
 * writes and those staged before it in the same commit, e.g. a {@link Sequence} counts on.
 *
 * <p>Not thread-safe: it belongs to the thread that commits it, for the duration of one
 * {@link BridgeStore#commit} or one {@link BridgeWriter} task; do not keep it afterwards.
 */
public final class Writes implements AutoCloseable {
    private final BridgeStore store;
    private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private long stagedBytes;
    private int stagedCount;
    /** Counters at the start of the current unit of work, restored by {@link #discard()}. */
    private long unitStartBytes;
    private int unitStartCount;
    private boolean closed;

    Writes(BridgeStore store) {
        this.store = store;
        beginUnit();
    }

    /** Sets {@code key} to {@code value} in {@code family}; a later put of the same key in this commit wins. */
    public Writes put(Family family, byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        checkKey(key);
        if (value.length > BridgeStore.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("value of " + value.length + " bytes exceeds the limit of "
                    + BridgeStore.MAX_VALUE_BYTES + " (" + family + ")");
        }
        long bytes = (long) key.length + value.length;
        if (stagedBytes + bytes > BridgeStore.MAX_COMMIT_BYTES) {
            throw new IllegalArgumentException("commit would exceed " + BridgeStore.MAX_COMMIT_BYTES + " bytes");
        }
        store.guarded("put", () -> {
            try {
                open().put(store.handle(family), key, value);
            } catch (RocksDBException e) {
                throw new StoreException("put into " + family.columnFamilyName(), store.path(), e);
            }
            return null;
        });
        stagedBytes += bytes;
        stagedCount++;
        return this;
    }

    /** Stores {@code value} as JSON ({@link Json}). */
    public Writes putJson(Family family, byte[] key, Object value) {
        return put(family, key, Json.write(Objects.requireNonNull(value, "value")));
    }

    /** Removes {@code key} from {@code family} (no effect if absent). */
    public Writes delete(Family family, byte[] key) {
        checkKey(key);
        store.guarded("delete", () -> {
            try {
                open().delete(store.handle(family), key);
            } catch (RocksDBException e) {
                throw new StoreException("delete in " + family.columnFamilyName(), store.path(), e);
            }
            return null;
        });
        stagedBytes += key.length;
        stagedCount++;
        return this;
    }

    /** The value of {@code key} as this commit would leave it: staged here if so, else committed, else empty. */
    public Optional<byte[]> get(Family family, byte[] key) {
        checkKey(key);
        return Optional.ofNullable(store.guarded("get through writes", () -> {
            try {
                return open().getFromBatchAndDB(store.db(), store.handle(family), store.readOptions(), key);
            } catch (RocksDBException e) {
                throw new StoreException("get through writes from " + family.columnFamilyName(), store.path(), e);
            }
        }));
    }

    /** As {@link #get}, read as JSON. */
    public <T> Optional<T> getJson(Family family, byte[] key, Class<T> type) {
        return get(family, key).map(bytes -> Json.read(bytes, type));
    }

    /**
     * Drops everything the current unit of work staged (the whole commit for {@link BridgeStore#commit}, the
     * current task for {@link BridgeWriter}); what was staged before it stays. Staging may go on afterwards,
     * e.g. to record a refusal instead of a change.
     */
    public void discard() {
        rollbackUnit();
        beginUnit();
    }

    /** Number of puts and deletes staged. */
    public int size() {
        return stagedCount;
    }

    /** Bytes of keys and values staged (an estimate of the commit's size). */
    public long sizeInBytes() {
        return stagedBytes;
    }

    /** Starts a unit of work that {@link #discard()} or {@link #rollbackUnit()} can undo. */
    void beginUnit() {
        open().setSavePoint();
        unitStartBytes = stagedBytes;
        unitStartCount = stagedCount;
    }

    /** Keeps what the current unit staged. */
    void endUnit() {
        try {
            open().popSavePoint();
        } catch (RocksDBException e) {
            throw new StoreException("end of a unit of work", store.path(), e);
        }
    }

    /** Undoes what the current unit staged, and ends it. */
    void rollbackUnit() {
        try {
            open().rollbackToSavePoint();
        } catch (RocksDBException e) {
            throw new StoreException("rollback of a unit of work", store.path(), e);
        }
        stagedBytes = unitStartBytes;
        stagedCount = unitStartCount;
    }

    BridgeStore store() {
        return store;
    }

    WriteBatchWithIndex open() {
        if (closed) {
            throw new IllegalStateException("these writes are closed (committed or abandoned)");
        }
        return batch;
    }

    private static void checkKey(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length == 0 || key.length > BridgeStore.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key length must be 1.." + BridgeStore.MAX_KEY_BYTES + ": "
                    + key.length);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batch.close();
        }
    }
}
