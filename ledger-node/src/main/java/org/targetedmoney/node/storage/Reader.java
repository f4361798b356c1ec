package org.targetedmoney.node.storage;

import java.nio.file.Path;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/** Point reads and range scans shared by the store (latest data) and read views (a snapshot). */
final class Reader {

  private final RocksDB db;
  private final Path path;
  private final Snapshot snapshot;
  private final ReadOptions pointOptions;

  /** @param snapshot the pinned snapshot to read, or {@code null} for the latest data */
  Reader(RocksDB db, Path path, Snapshot snapshot) {
    this.db = db;
    this.path = path;
    this.snapshot = snapshot;
    this.pointOptions = newOptions();
  }

  byte[] get(ColumnFamilyHandle cf, byte[] key) {
    try {
      return db.get(cf, pointOptions, key);
    } catch (RocksDBException e) {
      throw new StorageException("get", path, e);
    }
  }

  /** Visits keys in [from, to) in ascending order; {@code to == null} means up to the last key. */
  void scan(ColumnFamilyHandle cf, byte[] fromInclusive, byte[] toExclusive, ScanVisitor visitor) {
    if (toExclusive != null && Arrays.compareUnsigned(fromInclusive, toExclusive) >= 0) {
      return;
    }
    // The upper bound lets RocksDB stop at the range end instead of stepping over tombstones past it.
    try (ReadOptions options = newOptions();
         Slice bound = toExclusive == null ? null : new Slice(toExclusive)) {
      if (bound != null) {
        options.setIterateUpperBound(bound);
      }
      try (RocksIterator it = db.newIterator(cf, options)) {
        for (it.seek(fromInclusive); it.isValid(); it.next()) {
          if (!visitor.visit(it.key(), it.value())) {
            return;
          }
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw new StorageException("scan", path, e);
    }
  }

  /** Visits every key that starts with {@code prefix}. */
  void scanPrefix(ColumnFamilyHandle cf, byte[] prefix, ScanVisitor visitor) {
    scan(cf, prefix, prefixEnd(prefix), visitor);
  }

  /** The smallest key greater than every key with this prefix, or null if there is none (all 0xFF). */
  static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  private ReadOptions newOptions() {
    ReadOptions options = new ReadOptions();
    if (snapshot != null) {
      options.setSnapshot(snapshot);
    }
    return options;
  }

  void close() {
    pointOptions.close();
  }
}
