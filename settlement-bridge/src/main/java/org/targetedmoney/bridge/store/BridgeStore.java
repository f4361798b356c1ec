package org.targetedmoney.bridge.store;

import io.vertx.core.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * The bridge's durable store: one RocksDB data directory, one column family per {@link Family}. Keys and values
 * are bytes ({@link Keys}, {@link Json} help).
 *
 * <p><b>Durability.</b> Every commit is one RocksDB write batch written with {@code sync=true}: when
 * {@link #commit} returns, the whole batch is on disk (a crash afterwards loses none of it); a crash before
 * leaves none of it (the write-ahead log drops a torn last record on recovery).
 *
 * <p><b>One writer, many readers.</b> Reads ({@link #get}, scans) may come from any thread: RocksDB reads are
 * thread-safe and see only committed batches. Writes are serialised by a lock held for the whole of a commit,
 * staging included, so a read-modify-write inside one staging function (a {@link Sequence}, an idempotency
 * check through {@link Writes#get}) cannot interleave with another commit. A commit blocks on a disk sync, so
 * it is refused on a Vert.x event loop: the service sends its writes to its {@link BridgeWriter} (one
 * thread, group commit); {@link #commit} from another thread is for start-up, tools and tests.
 *
 * <p>Close the {@link BridgeWriter} first, then the store; operations after {@link #close()} throw.
 */
public final class BridgeStore implements AutoCloseable {
    /**
     * Largest value: a received bank file fits (the HTTP door takes 10 MB); a generated pain.001 of 100 000
     * payments (some 70 MB of XML) does not, and belongs in a file whose name and hash are stored here.
     */
    public static final int MAX_VALUE_BYTES = 64 << 20;
    /** Largest key. */
    public static final int MAX_KEY_BYTES = 1024;
    /** Largest commit, keys and values together. */
    public static final long MAX_COMMIT_BYTES = 256L << 20;
    /** Most entries one scan returns; page on with {@link #scanAfter} / {@link #scanReverse}. */
    public static final int MAX_SCAN = 10_000;

    private static final String DEFAULT_CF = "default";
    /** Flushes and compactions share the machine's few cores with the service. */
    private static final int MAX_BACKGROUND_JOBS = 2;
    private static final int KEPT_INFO_LOG_FILES = 3;
    private static final long INFO_LOG_FILE_BYTES = 8L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private final Path path;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final Map<Family, ColumnFamilyHandle> handles;
    private final List<ColumnFamilyHandle> allHandles;
    private final WriteOptions syncWrites = new WriteOptions().setSync(true);
    private final ReadOptions readOptions = new ReadOptions();
    /** Shared by every operation, exclusive for close: a freed native handle crashes the JVM, it does not throw. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    /** Held by one commit at a time, staging included. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean closed;

    private BridgeStore(Path path, RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions,
            Map<Family, ColumnFamilyHandle> handles, List<ColumnFamilyHandle> allHandles) {
        this.path = path;
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.handles = handles;
        this.allHandles = allHandles;
    }

    /** Opens (creating if needed) the store in {@code dir}. One process at a time: RocksDB locks the directory. */
    public static BridgeStore open(Path dir) {
        Path path = dir.toAbsolutePath();
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(MAX_BACKGROUND_JOBS)
                .setKeepLogFileNum(KEPT_INFO_LOG_FILES)
                .setMaxLogFileSize(INFO_LOG_FILE_BYTES);
        // LZ4: XML files and JSON records compress well, for little CPU.
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION);
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            Files.createDirectories(path);
            List<String> names = columnFamilies(path, dbOptions, cfOptions);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : names) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
            }
            RocksDB db = RocksDB.open(dbOptions, path.toString(), descriptors, opened);
            Map<Family, ColumnFamilyHandle> byFamily = new EnumMap<>(Family.class);
            for (Family family : Family.values()) {
                byFamily.put(family, opened.get(names.indexOf(family.columnFamilyName())));
            }
            return new BridgeStore(path, db, dbOptions, cfOptions, byFamily, List.copyOf(opened));
        } catch (RocksDBException | IOException | RuntimeException e) {
            opened.forEach(ColumnFamilyHandle::close);
            cfOptions.close();
            dbOptions.close();
            throw new StoreException("open", path, e);
        }
    }

    /** "default" first (RocksDB requires it), then every {@link Family}, then any other family on disk. */
    private static List<String> columnFamilies(Path dir, DBOptions dbOptions, ColumnFamilyOptions cfOptions)
            throws RocksDBException {
        List<String> all = new ArrayList<>();
        all.add(DEFAULT_CF);
        for (Family family : Family.values()) {
            all.add(family.columnFamilyName());
        }
        if (Files.exists(dir.resolve("CURRENT"))) {
            try (Options options = new Options(dbOptions, cfOptions)) {
                for (byte[] raw : RocksDB.listColumnFamilies(options, dir.toString())) {
                    String name = new String(raw, StandardCharsets.UTF_8);
                    if (!all.contains(name)) {
                        all.add(name);
                    }
                }
            }
        }
        return all;
    }

    /** The absolute data directory. */
    public Path path() {
        return path;
    }

    /** The committed value of {@code key} in {@code family}, if any. */
    public Optional<byte[]> get(Family family, byte[] key) {
        Objects.requireNonNull(key, "key");
        return Optional.ofNullable(guarded("get", () -> {
            try {
                return db.get(handle(family), readOptions, key);
            } catch (RocksDBException e) {
                throw new StoreException("get from " + family.columnFamilyName(), path, e);
            }
        }));
    }

    /** The committed value of {@code key}, read as JSON ({@link Json}). */
    public <T> Optional<T> getJson(Family family, byte[] key, Class<T> type) {
        return get(family, key).map(bytes -> Json.read(bytes, type));
    }

    /** The first (at most {@code limit}) entries whose key starts with {@code prefix}, in ascending key order. */
    public List<Entry> scan(Family family, byte[] prefix, int limit) {
        return scan(family, prefix, null, false, limit);
    }

    /** As {@link #scan}, from the first key after {@code afterKey} (which starts with {@code prefix}): paging. */
    public List<Entry> scanAfter(Family family, byte[] prefix, byte[] afterKey, int limit) {
        return scan(family, prefix, Objects.requireNonNull(afterKey, "afterKey"), false, limit);
    }

    /**
     * The last (at most {@code limit}) entries whose key starts with {@code prefix}, in descending key order,
     * below {@code beforeKey} if it is not null (it must start with {@code prefix}): newest first for
     * sequence-numbered keys.
     */
    public List<Entry> scanReverse(Family family, byte[] prefix, byte[] beforeKey, int limit) {
        return scan(family, prefix, beforeKey, true, limit);
    }

    /** Entries with {@code prefix} from {@code start} excluded (null: from the first, or the last if reverse). */
    private List<Entry> scan(Family family, byte[] prefix, byte[] start, boolean reverse, int limit) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 1 || limit > MAX_SCAN) {
            throw new IllegalArgumentException("scan limit must be 1.." + MAX_SCAN + ": " + limit);
        }
        if (start != null && !Keys.startsWith(start, prefix)) {
            throw new IllegalArgumentException("a scan's start key must have the scan's prefix");
        }
        return guarded("scan", () -> scanBounded(handle(family), prefix, start, reverse, limit));
    }

    private List<Entry> scanBounded(ColumnFamilyHandle cf, byte[] prefix, byte[] start, boolean reverse, int limit) {
        byte[] end = Keys.prefixEnd(prefix);
        List<Entry> out = new ArrayList<>();
        // The bounds keep the iterator inside the prefix: seekToLast lands on the prefix's last key.
        try (Slice lower = new Slice(prefix);
             Slice upper = end == null ? null : new Slice(end);
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower)) {
            if (upper != null) {
                options.setIterateUpperBound(upper);
            }
            try (RocksIterator it = db.newIterator(cf, options)) {
                if (start == null) {
                    if (reverse) {
                        it.seekToLast();
                    } else {
                        it.seek(prefix);
                    }
                } else {
                    if (reverse) {
                        it.seekForPrev(start);
                    } else {
                        it.seek(start);
                    }
                    skipIfAt(it, start, reverse);
                }
                for (; it.isValid() && out.size() < limit; advance(it, reverse)) {
                    out.add(new Entry(it.key(), it.value()));
                }
                it.status();
            }
        } catch (RocksDBException e) {
            throw new StoreException("scan", path, e);
        }
        return out;
    }

    private static void skipIfAt(RocksIterator it, byte[] key, boolean reverse) {
        if (it.isValid() && Arrays.equals(it.key(), key)) {
            advance(it, reverse);
        }
    }

    private static void advance(RocksIterator it, boolean reverse) {
        if (reverse) {
            it.prev();
        } else {
            it.next();
        }
    }

    /**
     * Stages writes with {@code staging} and commits them atomically and durably. If {@code staging} throws,
     * nothing is written and the exception propagates. Not on a Vert.x event loop (see the class comment).
     */
    public void commit(Consumer<Writes> staging) {
        commitAndGet(writes -> {
            staging.accept(writes);
            return null;
        });
    }

    /** As {@link #commit}, returning what {@code staging} returned once the writes are on disk. */
    public <T> T commitAndGet(Function<Writes, T> staging) {
        Objects.requireNonNull(staging, "staging");
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a commit waits for the disk: not on an event loop, use BridgeWriter");
        }
        return guarded("commit", () -> {
            writeLock.lock();
            try (Writes writes = new Writes(this)) {
                T result = staging.apply(writes);
                write(writes);
                return result;
            } finally {
                writeLock.unlock();
            }
        });
    }

    /** Runs {@code work} holding the write lock (the {@link BridgeWriter}'s group commit). */
    <T> T withWriteLock(Supplier<T> work) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a commit waits for the disk: not on an event loop");
        }
        return guarded("commit", () -> {
            writeLock.lock();
            try {
                return work.get();
            } finally {
                writeLock.unlock();
            }
        });
    }

    /** Writes the batch durably; the caller holds the write lock. */
    void write(Writes writes) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("write without the write lock");
        }
        if (writes.store() != this) {
            throw new IllegalArgumentException("these writes belong to another store");
        }
        if (writes.size() == 0) {
            return;
        }
        try {
            db.write(syncWrites, writes.open());
        } catch (RocksDBException e) {
            throw new StoreException("commit of " + writes.size() + " writes", path, e);
        }
    }

    /** New writes for this store; the caller closes them. */
    Writes newWrites() {
        return guarded("new writes", () -> new Writes(this));
    }

    RocksDB db() {
        return db;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    ColumnFamilyHandle handle(Family family) {
        return handles.get(Objects.requireNonNull(family, "family"));
    }

    /** Runs {@code action} under the shared lock, after checking the store is still open. */
    <T> T guarded(String operation, Supplier<T> action) {
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            if (closed) {
                throw new StoreException(operation, path, "store is closed");
            }
            return action.get();
        } finally {
            shared.unlock();
        }
    }

    /** Waits for operations under way, then releases the database and its options. Idempotent. */
    @Override
    public void close() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            allHandles.forEach(ColumnFamilyHandle::close);
            db.close();
            syncWrites.close();
            readOptions.close();
            cfOptions.close();
            dbOptions.close();
        } finally {
            exclusive.unlock();
        }
    }
}
