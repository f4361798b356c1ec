package org.targetedmoney.node.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.policy.chain.BlockResult;
import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.node.storage.KvSettings;
import org.targetedmoney.node.storage.KvStore;
import org.targetedmoney.node.storage.WriteSet;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;
import org.targetedmoney.policy.state.Keys;

/**
 * {@link ChainStore} on RocksDB: one column family per kind (DESIGN.md section 7), one synced write per
 * block holding its header, transactions, receipts, state writes and the Raft index, so a crash leaves
 * whole blocks only.
 */
public final class RocksChainStore implements ChainStore {

    /** Column families; their lower-case names are the on-disk names. */
    enum Cf { BLOCKS, BLOCK_HASHES, TRANSACTIONS, RECEIPTS, STATE, META }

    static final byte[] APPLIED = bytes("applied");
    static final byte[] HEAD = bytes("head");
    static final byte[] GENESIS = bytes("genesis");
    private static final String SST_BYTES = "rocksdb.total-sst-files-size";
    private static final String KEYS_ESTIMATE = "rocksdb.estimate-num-keys";

    /** Table files on disk: the state's and every column family's, and an estimate of the state's keys. */
    public record DiskUsage(long stateSstBytes, long allSstBytes, long stateKeysEstimate) {}

    private final KvStore<Cf> kv;
    private volatile BlockHeader head;
    private volatile Applied applied;

    private RocksChainStore(KvStore<Cf> kv) {
        this.kv = kv;
        byte[] a = kv.get(Cf.META, APPLIED);
        this.applied = a == null ? new Applied(-1, -1) : decodeApplied(a);
        byte[] h = kv.get(Cf.META, HEAD);
        this.head = h == null ? null : header(kv.get(Cf.BLOCKS, h));
    }

    /** Opens (or creates) the store in {@code dir}, with synced writes. */
    public static RocksChainStore open(Path dir) {
        return open(dir, true);
    }

    /**
     * Opens with or without an fsync on every commit. A node always syncs; benchmarks also run without,
     * to see what a block costs besides the disk's flush latency.
     */
    public static RocksChainStore open(Path dir, boolean syncWrites) {
        return new RocksChainStore(KvStore.open(dir, Cf.class, KvSettings.defaults().withSyncWrites(syncWrites)));
    }

    @Override
    public void storeGenesis(BlockHeader header, List<Entity> state, byte[] genesisId) {
        try (WriteSet<Cf> ws = kv.newWriteSet()) {
            for (Entity e : state) {
                ws.put(Cf.STATE, e.key().toBytes(), EntityCodec.encode(e));
            }
            putBlock(ws, header, header.hash(), List.of());
            ws.put(Cf.META, GENESIS, genesisId);
            ws.put(Cf.META, APPLIED, encodeApplied(new Applied(-1, -1)));
            kv.commit(ws);
        }
        head = header;
    }

    @Override
    public byte[] genesisId() {
        return kv.get(Cf.META, GENESIS);
    }

    @Override
    public void storeBlock(BlockResult block, long raftTerm, long raftIndex) {
        Applied now = new Applied(raftTerm, raftIndex);
        try (WriteSet<Cf> ws = kv.newWriteSet()) {
            List<byte[]> hashes = new ArrayList<>(block.transactions().size());
            for (int i = 0; i < block.transactions().size(); i++) {
                OrderedTx tx = block.transactions().get(i);
                hashes.add(tx.hash());
                ws.put(Cf.TRANSACTIONS, tx.hash(),
                        new StoredTx(block.header().number(), i, tx.sender(), tx.raw()).encode());
                ws.put(Cf.RECEIPTS, tx.hash(), block.receipts().get(i).encode());
            }
            for (Entity e : block.writes()) {
                ws.put(Cf.STATE, e.key().toBytes(), EntityCodec.encode(e));
            }
            putBlock(ws, block.header(), block.hash(), hashes);
            ws.put(Cf.META, APPLIED, encodeApplied(now));
            kv.commit(ws);
        }
        head = block.header();
        applied = now;
    }

    /**
     * Writes state entities outside any block and without the write-ahead log: only to generate a large
     * state (the scale benchmarks) before {@link #storeGenesis}, never on a running node. A crash before
     * {@link #flushAndCompact()} loses them.
     */
    public void putStateWithoutWal(Collection<? extends Entity> entities) {
        try (WriteSet<Cf> ws = kv.newWriteSet()) {
            for (Entity e : entities) {
                ws.put(Cf.STATE, e.key().toBytes(), EntityCodec.encode(e));
            }
            kv.commitWithoutWal(ws);
        }
    }

    /** Flushes every memtable, then compacts the state: after a bulk load, durable and at its steady size. */
    public void flushAndCompact() {
        kv.flush();
        kv.compact(Cf.STATE);
    }

    public DiskUsage diskUsage() {
        long all = 0;
        for (Cf cf : Cf.values()) {
            all += kv.longProperty(cf, SST_BYTES);
        }
        return new DiskUsage(kv.longProperty(Cf.STATE, SST_BYTES), all, kv.longProperty(Cf.STATE, KEYS_ESTIMATE));
    }

    private static void putBlock(WriteSet<Cf> ws, BlockHeader header, byte[] hash, List<byte[]> txHashes) {
        byte[] h = header.encode();
        ByteBuffer value = ByteBuffer.allocate(h.length + 32 * txHashes.size()).put(h);
        txHashes.forEach(value::put);
        byte[] number = blockKey(header.number());
        ws.put(Cf.BLOCKS, number, value.array());
        ws.put(Cf.BLOCK_HASHES, hash, number);
        ws.put(Cf.META, HEAD, number);
    }

    static byte[] blockKey(long number) {
        return ByteBuffer.allocate(8).putLong(number).array();
    }

    /** The header at the start of a stored block value (header, then transaction hashes). */
    static BlockHeader header(byte[] blockValue) {
        return blockValue == null ? null
                : BlockHeader.decode(Arrays.copyOf(blockValue, BlockHeader.ENCODED_LENGTH));
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
    public long nonce(Address sender) {
        byte[] v = kv.get(Cf.STATE, Keys.nonce(sender).toBytes());
        return v == null ? 0 : ((Entity.Nonce) EntityCodec.decode(v)).next();
    }

    @Override
    public void loadState(Consumer<Entity> sink) {
        kv.scanPrefix(Cf.STATE, new byte[0], (k, v) -> {
            sink.accept(EntityCodec.decode(v));
            return true;
        });
    }

    @Override
    public ChainView openView() {
        return new RocksChainView(kv.openReadView());
    }

    @Override
    public void checkpoint(Path dir) {
        kv.checkpoint(dir);
    }

    @Override
    public void close() {
        kv.close();
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
