package org.targetedmoney.node.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.targetedmoney.node.chain.BlockHeader;
import org.targetedmoney.node.chain.BlockResult;
import org.targetedmoney.node.chain.OrderedTx;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.node.chain.TxReceipt;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;

/**
 * {@link ChainStore} on RocksDB: one column family per kind (DESIGN.md section 7), one synced
 * {@link WriteBatch} per block holding its header, transactions, receipts, state writes and the Raft
 * index, so a crash leaves whole blocks only.
 */
public final class RocksChainStore implements ChainStore {
    static {
        RocksDB.loadLibrary();
    }

    enum Cf {
        BLOCKS("blocks"), BLOCK_HASHES("block_hashes"), TRANSACTIONS("transactions"), RECEIPTS("receipts"),
        STATE("state"), META("meta");

        final String name;

        Cf(String name) {
            this.name = name;
        }
    }

    private static final long BLOCK_CACHE_BYTES = 128L << 20;
    private static final byte[] APPLIED = bytes("applied");
    private static final byte[] HEAD = bytes("head");
    private static final byte[] GENESIS = bytes("genesis");

    private final Path dir;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ColumnFamilyHandle[] cfs = new ColumnFamilyHandle[Cf.values().length];
    private final RocksDB db;
    private final WriteOptions syncWrites;
    private volatile BlockHeader head;
    private volatile Applied applied;

    private RocksChainStore(Path dir) throws RocksDBException {
        this.dir = dir;
        LRUCache cache = own(new LRUCache(BLOCK_CACHE_BYTES));
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache)
                .setFilterPolicy(own(new BloomFilter(10, false)));
        ColumnFamilyOptions cfOptions = own(new ColumnFamilyOptions().setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION));
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (Cf cf : Cf.values()) {
            descriptors.add(new ColumnFamilyDescriptor(bytes(cf.name), cfOptions));
        }
        DBOptions options = own(new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxOpenFiles(512));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        this.db = RocksDB.open(options, dir.toString(), descriptors, handles);
        for (int i = 0; i < cfs.length; i++) {
            cfs[i] = handles.get(i + 1);
        }
        resources.addAll(handles);
        this.syncWrites = own(new WriteOptions().setSync(true));
        byte[] a = db.get(cf(Cf.META), APPLIED);
        this.applied = a == null ? new Applied(-1, -1) : decodeApplied(a);
        byte[] h = db.get(cf(Cf.META), HEAD);
        this.head = h == null ? null : headerAt(db, null, ByteBuffer.wrap(h).getLong());
    }

    /** Opens (or creates) the store in {@code dir}. */
    public static RocksChainStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new RocksChainStore(dir);
        } catch (Exception e) {
            throw new StorageException("cannot open the chain store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    ColumnFamilyHandle cf(Cf cf) {
        return cfs[cf.ordinal()];
    }

    @Override
    public void storeGenesis(BlockHeader header, List<Entity> state, byte[] genesisId) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Entity e : state) {
                batch.put(cf(Cf.STATE), e.key().toBytes(), EntityCodec.encode(e));
            }
            putBlock(batch, header, header.hash(), List.of());
            batch.put(cf(Cf.META), GENESIS, genesisId);
            batch.put(cf(Cf.META), APPLIED, encodeApplied(new Applied(-1, -1)));
            db.write(syncWrites, batch);
            head = header;
        } catch (RocksDBException e) {
            throw new StorageException("cannot store the genesis in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] genesisId() {
        try {
            return db.get(cf(Cf.META), GENESIS);
        } catch (RocksDBException e) {
            throw new StorageException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void storeBlock(BlockResult block, long raftTerm, long raftIndex) {
        try (WriteBatch batch = new WriteBatch()) {
            List<byte[]> hashes = new ArrayList<>(block.transactions().size());
            for (int i = 0; i < block.transactions().size(); i++) {
                OrderedTx tx = block.transactions().get(i);
                hashes.add(tx.hash());
                StoredTx stored = new StoredTx(block.header().number(), i, tx.sender(), tx.raw());
                batch.put(cf(Cf.TRANSACTIONS), tx.hash(), stored.encode());
                batch.put(cf(Cf.RECEIPTS), tx.hash(), block.receipts().get(i).encode());
            }
            for (Entity e : block.writes()) {
                batch.put(cf(Cf.STATE), e.key().toBytes(), EntityCodec.encode(e));
            }
            putBlock(batch, block.header(), block.hash(), hashes);
            Applied now = new Applied(raftTerm, raftIndex);
            batch.put(cf(Cf.META), APPLIED, encodeApplied(now));
            db.write(syncWrites, batch);
            head = block.header();
            applied = now;
        } catch (RocksDBException e) {
            throw new StorageException("cannot store block " + block.header().number() + " in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private void putBlock(WriteBatch batch, BlockHeader header, byte[] hash, List<byte[]> txHashes)
            throws RocksDBException {
        byte[] h = header.encode();
        ByteBuffer value = ByteBuffer.allocate(h.length + 32 * txHashes.size()).put(h);
        txHashes.forEach(value::put);
        byte[] number = ByteBuffer.allocate(8).putLong(header.number()).array();
        batch.put(cf(Cf.BLOCKS), number, value.array());
        batch.put(cf(Cf.BLOCK_HASHES), hash, number);
        batch.put(cf(Cf.META), HEAD, number);
    }

    BlockHeader headerAt(RocksDB db, ReadOptions read, long number) throws RocksDBException {
        byte[] key = ByteBuffer.allocate(8).putLong(number).array();
        byte[] v = read == null ? db.get(cf(Cf.BLOCKS), key) : db.get(cf(Cf.BLOCKS), read, key);
        return v == null ? null : BlockHeader.decode(java.util.Arrays.copyOf(v, BlockHeader.ENCODED_LENGTH));
    }

    @Override
    public Applied lastApplied() {
        return applied;
    }

    @Override
    public BlockHeader head() {
        return head;
    }

    @Override
    public long nonce(org.targetedmoney.policy.model.Address sender) {
        try {
            byte[] v = db.get(cf(Cf.STATE), org.targetedmoney.policy.state.Keys.nonce(sender).toBytes());
            return v == null ? 0 : ((Entity.Nonce) EntityCodec.decode(v)).next();
        } catch (RocksDBException e) {
            throw new StorageException("cannot read a nonce in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void loadState(Consumer<Entity> sink) {
        try (RocksIterator it = db.newIterator(cf(Cf.STATE))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                sink.accept(EntityCodec.decode(it.value()));
            }
        }
    }

    @Override
    public ChainView openView() {
        Snapshot snapshot = db.getSnapshot();
        return new RocksChainView(this, db, snapshot);
    }

    @Override
    public void checkpoint(Path target) {
        try (Checkpoint cp = Checkpoint.create(db)) {
            cp.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new StorageException("cannot checkpoint " + dir + " into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        db.close();
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // closing native handles of a store being shut down: nothing left to save
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encodeApplied(Applied a) {
        return ByteBuffer.allocate(16).putLong(a.term()).putLong(a.index()).array();
    }

    private static Applied decodeApplied(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new Applied(buf.getLong(), buf.getLong());
    }
}
