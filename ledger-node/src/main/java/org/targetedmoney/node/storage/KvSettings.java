package org.targetedmoney.node.storage;

/**
 * Tuning of a {@link KvStore}.
 *
 * @param syncWrites        fsync the WAL on every commit; the node needs {@code true} so that an
 *                          acknowledged block survives a power loss
 * @param blockCacheBytes   capacity of the block cache shared by all column families (bounded so
 *                          that a node's memory does not grow with the data)
 * @param maxOpenFiles      table files kept open; bounded to stay below the process' file limit
 * @param writeBufferBytes  memtable size per column family before a flush
 * @param totalWriteBufferBytes ceiling of all memtables together, across column families
 */
public record KvSettings(
    boolean syncWrites,
    long blockCacheBytes,
    int maxOpenFiles,
    long writeBufferBytes,
    long totalWriteBufferBytes) {

  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;
  public static final int DEFAULT_MAX_OPEN_FILES = 512;
  public static final long DEFAULT_WRITE_BUFFER_BYTES = 16L << 20;
  public static final long DEFAULT_TOTAL_WRITE_BUFFER_BYTES = 128L << 20;

  public KvSettings {
    requirePositive("blockCacheBytes", blockCacheBytes);
    requirePositive("maxOpenFiles", maxOpenFiles);
    requirePositive("writeBufferBytes", writeBufferBytes);
    requirePositive("totalWriteBufferBytes", totalWriteBufferBytes);
  }

  /** Durable defaults for a node: synced commits, 64 MB cache, 512 open files. */
  public static KvSettings defaults() {
    return new KvSettings(true, DEFAULT_BLOCK_CACHE_BYTES, DEFAULT_MAX_OPEN_FILES,
        DEFAULT_WRITE_BUFFER_BYTES, DEFAULT_TOTAL_WRITE_BUFFER_BYTES);
  }

  /** The same settings with WAL fsync on commit switched on or off. */
  public KvSettings withSyncWrites(boolean sync) {
    return new KvSettings(sync, blockCacheBytes, maxOpenFiles, writeBufferBytes, totalWriteBufferBytes);
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }
}
