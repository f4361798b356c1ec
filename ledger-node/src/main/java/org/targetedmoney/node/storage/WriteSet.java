package org.targetedmoney.node.storage;

import java.util.Objects;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The writes of one atomic commit (the node builds one per block), buffered in a RocksDB
 * {@link WriteBatch}. Nothing is visible until {@link KvStore#commit(WriteSet)}; then all of it is,
 * or none of it after a crash. Not thread-safe: one builder fills it. Close it to free the native
 * batch (committing does not close it).
 *
 * @param <C> the store's column-family enum
 */
public final class WriteSet<C extends Enum<C>> implements AutoCloseable {

  private final KvStore<C> owner;
  private final WriteBatch batch = new WriteBatch();
  private boolean closed;

  WriteSet(KvStore<C> owner) {
    this.owner = owner;
  }

  /** Sets {@code key} to {@code value} in {@code cf}; a later put of the same key in this set wins. */
  public WriteSet<C> put(C cf, byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    // Guarded: the batch records the column family's native handle, freed when the store closes.
    return owner.guarded("put into write set", () -> {
      try {
        batch().put(owner.handle(cf), key, value);
      } catch (RocksDBException e) {
        throw new StorageException("put into write set (" + cf + ")", owner.path(), e);
      }
      return this;
    });
  }

  /** Removes {@code key} from {@code cf} (no effect if absent). */
  public WriteSet<C> delete(C cf, byte[] key) {
    Objects.requireNonNull(key, "key");
    return owner.guarded("delete in write set", () -> {
      try {
        batch().delete(owner.handle(cf), key);
      } catch (RocksDBException e) {
        throw new StorageException("delete in write set (" + cf + ")", owner.path(), e);
      }
      return this;
    });
  }

  /** Number of puts and deletes buffered. */
  public int size() {
    return batch().count();
  }

  /** Approximate bytes buffered, to bound a batch's memory. */
  public long sizeInBytes() {
    return batch().getDataSize();
  }

  KvStore<C> owner() {
    return owner;
  }

  WriteBatch batch() {
    if (closed) {
      throw new IllegalStateException("write set is closed");
    }
    return batch;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      batch.close();
    }
  }
}
