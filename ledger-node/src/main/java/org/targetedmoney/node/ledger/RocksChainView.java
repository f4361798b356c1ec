package org.targetedmoney.node.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.targetedmoney.node.chain.BlockHeader;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.node.chain.TxReceipt;
import org.targetedmoney.node.ledger.RocksChainStore.Cf;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;
import org.targetedmoney.policy.state.EntityKey;

/** A RocksDB snapshot of the chain: every read sees the same stored block, whatever the writer does. */
final class RocksChainView implements ChainView {
    private final RocksChainStore store;
    private final RocksDB db;
    private final Snapshot snapshot;
    private final ReadOptions read;
    private final BlockHeader head;

    RocksChainView(RocksChainStore store, RocksDB db, Snapshot snapshot) {
        this.store = store;
        this.db = db;
        this.snapshot = snapshot;
        this.read = new ReadOptions().setSnapshot(snapshot);
        try {
            byte[] h = db.get(store.cf(Cf.META), read, RocksChainStore.bytes("head"));
            this.head = h == null ? null : store.headerAt(db, read, ByteBuffer.wrap(h).getLong());
        } catch (RocksDBException e) {
            close();
            throw new StorageException("cannot read the head block: " + e.getMessage(), e);
        }
    }

    private byte[] get(Cf cf, byte[] key) {
        try {
            return db.get(store.cf(cf), read, key);
        } catch (RocksDBException e) {
            throw new StorageException("cannot read " + cf.name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Entity get(EntityKey key) {
        byte[] v = get(Cf.STATE, key.toBytes());
        return v == null ? null : EntityCodec.decode(v);
    }

    @Override
    public void scan(byte[] prefix, Consumer<Entity> visitor) {
        try (RocksIterator it = db.newIterator(store.cf(Cf.STATE), read)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (k.length < prefix.length || !Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
                    return;
                }
                visitor.accept(EntityCodec.decode(it.value()));
            }
        }
    }

    @Override
    public BlockHeader head() {
        return head;
    }

    private byte[] blockValue(long number) {
        if (number < 0 || number > head.number()) {
            return null;
        }
        return get(Cf.BLOCKS, ByteBuffer.allocate(8).putLong(number).array());
    }

    @Override
    public BlockHeader header(long number) {
        byte[] v = blockValue(number);
        return v == null ? null : BlockHeader.decode(Arrays.copyOf(v, BlockHeader.ENCODED_LENGTH));
    }

    @Override
    public long blockNumber(byte[] hash) {
        byte[] v = get(Cf.BLOCK_HASHES, hash);
        return v == null ? -1 : ByteBuffer.wrap(v).getLong();
    }

    @Override
    public List<byte[]> transactionHashes(long number) {
        byte[] v = blockValue(number);
        List<byte[]> out = new ArrayList<>();
        if (v != null) {
            for (int at = BlockHeader.ENCODED_LENGTH; at + 32 <= v.length; at += 32) {
                out.add(Arrays.copyOfRange(v, at, at + 32));
            }
        }
        return out;
    }

    @Override
    public StoredTx transaction(byte[] hash) {
        byte[] v = get(Cf.TRANSACTIONS, hash);
        return v == null ? null : StoredTx.decode(v);
    }

    @Override
    public TxReceipt receipt(byte[] hash) {
        byte[] v = get(Cf.RECEIPTS, hash);
        return v == null ? null : TxReceipt.decode(v);
    }

    @Override
    public void close() {
        read.close();
        db.releaseSnapshot(snapshot);
    }
}
