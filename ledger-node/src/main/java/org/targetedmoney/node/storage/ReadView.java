package org.targetedmoney.node.storage;

/**
 * A consistent, read-only view of a {@link KvStore} at one instant (a pinned RocksDB snapshot), so
 * that an RPC reading several keys sees one block's state and not a mix of two. Thread-safe. Close
 * it promptly: a pinned snapshot keeps overwritten data from being compacted away. Closing the
 * store closes its open views.
 *
 * @param <C> the store's column-family enum
 */
public final class ReadView<C extends Enum<C>> implements AutoCloseable {

  private final KvStore<C> store;
  private final Reader reader;
  private final Runnable release;
  // Written under the store's exclusive lock, read under its shared lock: a read never races a release.
  private volatile boolean closed;

  ReadView(KvStore<C> store, Reader reader, Runnable release) {
    this.store = store;
    this.reader = reader;
    this.release = release;
  }

  /** The value of {@code key} in {@code cf} at the view's instant, or {@code null}. */
  public byte[] get(C cf, byte[] key) {
    return store.guarded("read view get", () -> reader.get(store.handle(checkOpen(cf)), key));
  }

  /** Visits keys in [fromInclusive, toExclusive) ({@code null} end: to the last key). */
  public void scan(C cf, byte[] fromInclusive, byte[] toExclusive, ScanVisitor visitor) {
    store.guarded("read view scan", () -> {
      reader.scan(store.handle(checkOpen(cf)), fromInclusive, toExclusive, visitor);
      return null;
    });
  }

  /** Visits every key of {@code cf} that starts with {@code prefix}. */
  public void scanPrefix(C cf, byte[] prefix, ScanVisitor visitor) {
    store.guarded("read view scan", () -> {
      reader.scanPrefix(store.handle(checkOpen(cf)), prefix, visitor);
      return null;
    });
  }

  private C checkOpen(C cf) {
    if (closed) {
      throw new IllegalStateException("read view is closed");
    }
    return cf;
  }

  /** Called by the store with its exclusive lock held. */
  void releaseLocked() {
    if (!closed) {
      closed = true;
      release.run();
    }
  }

  @Override
  public void close() {
    store.closeView(this);
  }
}
