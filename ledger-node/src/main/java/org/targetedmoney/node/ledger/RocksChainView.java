package org.targetedmoney.node.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.targetedmoney.policy.chain.BlockHeader;
import org.targetedmoney.node.chain.StoredTx;
import org.targetedmoney.policy.chain.TxReceipt;
import org.targetedmoney.node.ledger.RocksChainStore.Cf;
import org.targetedmoney.node.storage.ReadView;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityCodec;
import org.targetedmoney.policy.state.EntityKey;

/** A RocksDB snapshot of the chain: every read sees the same stored block, whatever the writer does. */
final class RocksChainView implements ChainView {
    private final ReadView<Cf> read;
    private final BlockHeader head;

    RocksChainView(ReadView<Cf> read) {
        this.read = read;
        byte[] h = read.get(Cf.META, RocksChainStore.HEAD);
        this.head = h == null ? null : RocksChainStore.header(read.get(Cf.BLOCKS, h));
    }

    @Override
    public Entity get(EntityKey key) {
        byte[] v = read.get(Cf.STATE, key.toBytes());
        return v == null ? null : EntityCodec.decode(v);
    }

    @Override
    public void scan(byte[] prefix, Consumer<Entity> visitor) {
        read.scanPrefix(Cf.STATE, prefix, (k, v) -> {
            visitor.accept(EntityCodec.decode(v));
            return true;
        });
    }

    /** Seeks past the cursor instead of walking the prefix from its start, and stops when asked. */
    @Override
    public void scanAfter(byte[] prefix, byte[] after, Predicate<Entity> visitor) {
        boolean fromPrefix = after == null || Arrays.compareUnsigned(after, prefix) < 0;
        byte[] from = fromPrefix ? prefix : Arrays.copyOf(after, after.length + 1); // the next key after it
        read.scan(Cf.STATE, from, prefixEnd(prefix), (k, v) -> visitor.test(EntityCodec.decode(v)));
    }

    /** The smallest key above every key with this prefix, or null (to the last key) if it is all 0xFF. */
    private static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }

    @Override
    public BlockHeader head() {
        return head;
    }

    private byte[] blockValue(long number) {
        return number < 0 || number > head.number() ? null : read.get(Cf.BLOCKS, RocksChainStore.blockKey(number));
    }

    @Override
    public BlockHeader header(long number) {
        return RocksChainStore.header(blockValue(number));
    }

    @Override
    public long blockNumber(byte[] hash) {
        byte[] v = read.get(Cf.BLOCK_HASHES, hash);
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
        byte[] v = read.get(Cf.TRANSACTIONS, hash);
        return v == null ? null : StoredTx.decode(v);
    }

    @Override
    public TxReceipt receipt(byte[] hash) {
        byte[] v = read.get(Cf.RECEIPTS, hash);
        return v == null ? null : TxReceipt.decode(v);
    }

    @Override
    public void close() {
        read.close();
    }
}
