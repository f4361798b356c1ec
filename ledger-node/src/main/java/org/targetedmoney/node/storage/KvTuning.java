package org.targetedmoney.node.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;

/** The native option objects of one open store; they must outlive the database and be closed after it. */
final class KvTuning implements AutoCloseable {

  static final String DEFAULT_CF = "default";
  /** ~1 % false positives: point lookups of absent keys (unknown hashes) rarely touch a table file. */
  private static final double BLOOM_BITS_PER_KEY = 10.0;
  /** Flushes and compactions share the machine's few cores with signature recovery. */
  private static final int MAX_BACKGROUND_JOBS = 2;
  private static final int MAX_WRITE_BUFFERS = 2;
  private static final int KEPT_INFO_LOG_FILES = 3;
  private static final long INFO_LOG_FILE_BYTES = 8L << 20;

  private final KvSettings settings;
  private final LRUCache cache;
  private final BloomFilter bloom;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;

  KvTuning(KvSettings settings) {
    this.settings = settings;
    this.cache = new LRUCache(settings.blockCacheBytes());
    this.bloom = new BloomFilter(BLOOM_BITS_PER_KEY);
    this.dbOptions = newDbOptions(settings);
    this.cfOptions = newCfOptions(settings, cache, bloom);
  }

  private static DBOptions newDbOptions(KvSettings settings) {
    return new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setMaxOpenFiles(settings.maxOpenFiles())
        .setMaxBackgroundJobs(MAX_BACKGROUND_JOBS)
        .setDbWriteBufferSize(settings.totalWriteBufferBytes())
        .setKeepLogFileNum(KEPT_INFO_LOG_FILES)
        .setMaxLogFileSize(INFO_LOG_FILE_BYTES);
  }

  private static ColumnFamilyOptions newCfOptions(KvSettings settings, LRUCache cache, BloomFilter bloom) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setFilterPolicy(bloom)
        // Index and filter blocks count against the bounded cache instead of growing outside it.
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        // LZ4: cheap on CPU, which signature recovery needs more than the disk needs bytes.
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setWriteBufferSize(settings.writeBufferBytes())
        .setMaxWriteBufferNumber(MAX_WRITE_BUFFERS)
        .setLevelCompactionDynamicLevelBytes(true);
  }

  KvSettings settings() {
    return settings;
  }

  DBOptions dbOptions() {
    return dbOptions;
  }

  ColumnFamilyOptions cfOptions() {
    return cfOptions;
  }

  /** "default" first (RocksDB requires it), then the requested names, then any other on disk. */
  static List<String> mergeWithExisting(Path dir, List<String> requested, KvTuning tuning)
      throws RocksDBException {
    List<String> all = new ArrayList<>();
    all.add(DEFAULT_CF);
    all.addAll(requested);
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return all;
    }
    try (Options options = new Options(tuning.dbOptions, tuning.cfOptions)) {
      for (byte[] raw : org.rocksdb.RocksDB.listColumnFamilies(options, dir.toString())) {
        String name = new String(raw, StandardCharsets.UTF_8);
        if (!all.contains(name)) {
          all.add(name);
        }
      }
    }
    return all;
  }

  @Override
  public void close() {
    cfOptions.close();
    dbOptions.close();
    bloom.close();
    cache.close();
  }
}
