package org.targetedmoney.node.ordering;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.targetedmoney.node.storage.KvSettings;
import org.targetedmoney.node.storage.KvStore;
import org.targetedmoney.node.storage.WriteSet;

/**
 * A toy applier that follows the {@link EntryApplier} contract: per entry, one WriteSet with the
 * incremented counter, the entry itself under its index, and the applied position.
 */
final class CountingApplier implements EntryApplier, AutoCloseable {

  enum Cf { STATE, META }

  private static final byte[] COUNTER = "counter".getBytes();
  private static final byte[] APPLIED = "applied".getBytes();
  private static final long GATE_TIMEOUT_SECONDS = 60;

  private final Path dataDir;
  private volatile KvStore<Cf> store;
  /** Indexes applied by this instance (this "process run"), in call order. */
  final List<Long> appliedThisRun = new CopyOnWriteArrayList<>();
  /** Number of restoreFrom calls on this instance. */
  volatile int restores;
  /** When set, apply of an entry with these bytes fails (before any write). */
  volatile byte[] poison;
  /** When set, apply waits for it: holds entries in flight for back-pressure tests. */
  volatile CountDownLatch gate;

  CountingApplier(Path dataDir) {
    this.dataDir = dataDir;
    this.store = KvStore.open(dataDir, Cf.class, KvSettings.defaults());
  }

  @Override
  public void apply(long index, long term, byte[] entry) {
    awaitGate();
    if (poison != null && java.util.Arrays.equals(poison, entry)) {
      throw new IllegalStateException("poisoned entry at " + index);
    }
    long count = counter() + 1;
    try (WriteSet<Cf> ws = store.newWriteSet()) {
      ws.put(Cf.STATE, COUNTER, longBytes(count))
          .put(Cf.STATE, entryKey(index), entry)
          .put(Cf.META, APPLIED, ByteBuffer.allocate(16).putLong(term).putLong(index).array());
      store.commit(ws);
    }
    appliedThisRun.add(index);
  }

  private void awaitGate() {
    CountDownLatch g = gate;
    try {
      if (g != null && !g.await(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public LogPosition lastApplied() {
    byte[] raw = store.get(Cf.META, APPLIED);
    if (raw == null) {
      return LogPosition.NONE;
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    return new LogPosition(b.getLong(), b.getLong());
  }

  @Override
  public void checkpoint(Path dir) {
    store.checkpoint(dir);
  }

  @Override
  public void restoreFrom(Path dir) {
    restores++;
    store.close();
    store = KvStore.openFromCheckpoint(dir, dataDir, Cf.class, KvSettings.defaults());
  }

  long counter() {
    byte[] raw = store.get(Cf.STATE, COUNTER);
    return raw == null ? 0 : ByteBuffer.wrap(raw).getLong();
  }

  byte[] entryAt(long index) {
    return store.get(Cf.STATE, entryKey(index));
  }

  private static byte[] entryKey(long index) {
    return ByteBuffer.allocate(9).put((byte) 'e').putLong(index).array();
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  @Override
  public void close() {
    store.close();
  }
}
