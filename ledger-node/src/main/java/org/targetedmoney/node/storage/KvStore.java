package org.targetedmoney.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB database with a fixed set of column families, named by the constants of the enum
 * {@code C} in lower case (e.g. {@code BLOCK_HASHES} is the column family {@code block_hashes}).
 * Missing column families are created; column families on disk that the enum does not name are
 * opened and left untouched, so an older binary can still open a newer store.
 *
 * <p>Thread-safe. Every operation runs under a shared lock and {@link #close()} under an exclusive
 * one, because touching a freed native handle would crash the JVM rather than throw.
 *
 * @param <C> the column-family enum
 */
public final class KvStore<C extends Enum<C>> implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  private final Path path;
  private final KvTuning tuning;
  private final RocksDB db;
  private final Map<C, ColumnFamilyHandle> handles;
  private final List<ColumnFamilyHandle> allHandles;
  private final WriteOptions writeOptions;
  private final WriteOptions unloggedOptions = new WriteOptions().setDisableWAL(true);
  private final Reader latest;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<ReadView<C>> openViews = Collections.newSetFromMap(new IdentityHashMap<>());
  private volatile boolean closed;

  private KvStore(Path path, KvTuning tuning, RocksDB db, Map<C, ColumnFamilyHandle> handles,
      List<ColumnFamilyHandle> allHandles) {
    this.path = path;
    this.tuning = tuning;
    this.db = db;
    this.handles = handles;
    this.allHandles = allHandles;
    this.writeOptions = new WriteOptions().setSync(tuning.settings().syncWrites());
    this.latest = new Reader(db, path, null);
  }

  /** Opens (creating if needed) the store in {@code dir} with one column family per constant of {@code cfs}. */
  public static <C extends Enum<C>> KvStore<C> open(Path dir, Class<C> cfs, KvSettings settings) {
    Objects.requireNonNull(settings, "settings");
    List<String> names = columnFamilyNames(cfs);
    Path path = dir.toAbsolutePath();
    KvRestore.recoverInterrupted(path);
    KvTuning tuning = new KvTuning(settings);
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    try {
      Files.createDirectories(path);
      List<String> all = KvTuning.mergeWithExisting(path, names, tuning);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : all) {
        descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), tuning.cfOptions()));
      }
      RocksDB db = RocksDB.open(tuning.dbOptions(), path.toString(), descriptors, opened);
      Map<C, ColumnFamilyHandle> byCf = new EnumMap<>(cfs);
      for (C cf : cfs.getEnumConstants()) {
        byCf.put(cf, opened.get(all.indexOf(columnFamilyName(cf))));
      }
      return new KvStore<>(path, tuning, db, byCf, List.copyOf(opened));
    } catch (RocksDBException | IOException | RuntimeException e) {
      opened.forEach(ColumnFamilyHandle::close);
      tuning.close();
      throw e instanceof StorageException se ? se : new StorageException("open", path, e);
    }
  }

  /**
   * Replaces the store in {@code dataDir} with a copy of the checkpoint in {@code checkpointDir}
   * and opens it. The checkpoint is left as it was. The old data is swapped out by renames, so a
   * crash midway leaves either the old or the new store, which {@link #open} then picks up.
   */
  public static <C extends Enum<C>> KvStore<C> openFromCheckpoint(Path checkpointDir, Path dataDir,
      Class<C> cfs, KvSettings settings) {
    KvRestore.replaceWithCopy(checkpointDir.toAbsolutePath(), dataDir.toAbsolutePath());
    return open(dataDir, cfs, settings);
  }

  /** The column-family name of an enum constant: its name in lower case. */
  public static String columnFamilyName(Enum<?> cf) {
    return cf.name().toLowerCase(Locale.ROOT);
  }

  /** The absolute data directory. */
  public Path path() {
    return path;
  }

  /** The latest committed value of {@code key} in {@code cf}, or {@code null}. */
  public byte[] get(C cf, byte[] key) {
    Objects.requireNonNull(key, "key");
    return guarded("get", () -> latest.get(handle(cf), key));
  }

  /** Visits the latest keys of {@code cf} in [fromInclusive, toExclusive) ({@code null} end: to the last key). */
  public void scan(C cf, byte[] fromInclusive, byte[] toExclusive, ScanVisitor visitor) {
    Objects.requireNonNull(fromInclusive, "fromInclusive");
    guarded("scan", () -> {
      latest.scan(handle(cf), fromInclusive, toExclusive, visitor);
      return null;
    });
  }

  /** Visits the latest keys of {@code cf} that start with {@code prefix}. */
  public void scanPrefix(C cf, byte[] prefix, ScanVisitor visitor) {
    Objects.requireNonNull(prefix, "prefix");
    guarded("scan", () -> {
      latest.scanPrefix(handle(cf), prefix, visitor);
      return null;
    });
  }

  /** A new, empty write set for this store; fill it, {@link #commit} it, close it. */
  public WriteSet<C> newWriteSet() {
    return guarded("new write set", () -> new WriteSet<>(this));
  }

  /** Applies every write of {@code writes} atomically; with sync writes on, durably before returning. */
  public void commit(WriteSet<C> writes) {
    if (writes.owner() != this) {
      throw new IllegalArgumentException("write set belongs to another store: " + writes.owner().path());
    }
    guarded("commit", () -> {
      try {
        db.write(writeOptions, writes.batch());
      } catch (RocksDBException e) {
        throw new StorageException("commit of " + writes.size() + " writes", path, e);
      }
      return null;
    });
  }

  /**
   * Applies {@code writes} atomically but without the write-ahead log: for bulk loads of a new store
   * only (a generated benchmark state), where writing every byte twice would double the load time.
   * A crash before {@link #flush()} loses them, so never use it for blocks.
   */
  public void commitWithoutWal(WriteSet<C> writes) {
    if (writes.owner() != this) {
      throw new IllegalArgumentException("write set belongs to another store: " + writes.owner().path());
    }
    guarded("commit without WAL", () -> {
      try {
        db.write(unloggedOptions, writes.batch());
      } catch (RocksDBException e) {
        throw new StorageException("commit of " + writes.size() + " writes without WAL", path, e);
      }
      return null;
    });
  }

  /** Writes every column family's memtable to table files and waits: makes unlogged commits durable. */
  public void flush() {
    guarded("flush", () -> {
      try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
        db.flush(options, allHandles);
      } catch (RocksDBException e) {
        throw new StorageException("flush", path, e);
      }
      return null;
    });
  }

  /**
   * Compacts all of {@code cf} into its last level and waits. After a bulk load this leaves the data
   * as a long-running store holds it (one sorted run, no overwritten versions), so its size on disk
   * is the steady one.
   */
  public void compact(C cf) {
    guarded("compact", () -> {
      try (CompactRangeOptions options = new CompactRangeOptions()
          .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
        db.compactRange(handle(cf), null, null, options);
      } catch (RocksDBException e) {
        throw new StorageException("compact " + columnFamilyName(cf), path, e);
      }
      return null;
    });
  }

  /** A RocksDB integer property of {@code cf}, e.g. {@code rocksdb.total-sst-files-size}. */
  public long longProperty(C cf, String property) {
    Objects.requireNonNull(property, "property");
    return guarded("property " + property, () -> {
      try {
        return db.getLongProperty(handle(cf), property);
      } catch (RocksDBException e) {
        throw new StorageException("property " + property + " of " + columnFamilyName(cf), path, e);
      }
    });
  }

  /** Pins the current state for consistent reads until the view is closed. */
  public ReadView<C> openReadView() {
    return guarded("open read view", () -> {
      Snapshot snapshot = db.getSnapshot();
      Reader reader = new Reader(db, path, snapshot);
      ReadView<C> view = new ReadView<>(this, reader, () -> {
        reader.close();
        db.releaseSnapshot(snapshot);
      });
      synchronized (openViews) {
        openViews.add(view);
      }
      return view;
    });
  }

  /**
   * Writes a consistent copy of the store into {@code dir}, which must not exist (RocksDB
   * hard-links table files, so this is cheap on the same file system). Writes committed before the
   * call are in it; later ones are not.
   */
  public void checkpoint(Path dir) {
    Path target = dir.toAbsolutePath();
    guarded("checkpoint", () -> {
      if (Files.exists(target)) {
        throw new StorageException("checkpoint", path, "target " + target + " already exists");
      }
      try (Checkpoint checkpoint = Checkpoint.create(db)) {
        Files.createDirectories(target.getParent());
        checkpoint.createCheckpoint(target.toString());
      } catch (RocksDBException | IOException e) {
        throw new StorageException("checkpoint into " + target, path, e);
      }
      return null;
    });
  }

  ColumnFamilyHandle handle(C cf) {
    return handles.get(Objects.requireNonNull(cf, "cf"));
  }

  /** Runs {@code action} under the shared lock, after checking the store is still open. */
  <T> T guarded(String operation, Supplier<T> action) {
    Lock shared = lock.readLock();
    shared.lock();
    try {
      if (closed) {
        throw new StorageException(operation, path, "store is closed");
      }
      return action.get();
    } finally {
      shared.unlock();
    }
  }

  void closeView(ReadView<C> view) {
    Lock exclusive = lock.writeLock();
    exclusive.lock();
    try {
      synchronized (openViews) {
        openViews.remove(view);
      }
      if (!closed) {
        view.releaseLocked();
      }
    } finally {
      exclusive.unlock();
    }
  }

  /** Releases the read views still open, the column families, the database and its options. */
  @Override
  public void close() {
    Lock exclusive = lock.writeLock();
    exclusive.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      synchronized (openViews) {
        openViews.forEach(ReadView::releaseLocked);
        openViews.clear();
      }
      latest.close();
      allHandles.forEach(ColumnFamilyHandle::close);
      db.close();
      writeOptions.close();
      unloggedOptions.close();
      tuning.close();
    } finally {
      exclusive.unlock();
    }
  }

  private static <C extends Enum<C>> List<String> columnFamilyNames(Class<C> cfs) {
    List<String> names = new ArrayList<>();
    for (C cf : cfs.getEnumConstants()) {
      String name = columnFamilyName(cf);
      if (name.equals(KvTuning.DEFAULT_CF) || names.contains(name)) {
        throw new IllegalArgumentException("column family name '" + name + "' of " + cfs.getName()
            + " is reserved or duplicated");
      }
      names.add(name);
    }
    return names;
  }
}
