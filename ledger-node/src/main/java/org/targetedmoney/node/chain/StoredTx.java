package org.targetedmoney.node.chain;

import java.nio.ByteBuffer;
import org.targetedmoney.policy.model.Address;

/** An included transaction as stored: where it is, who sent it, and its raw signed bytes. */
public record StoredTx(long blockNumber, int index, Address sender, byte[] raw) {
    public byte[] encode() {
        return ByteBuffer.allocate(8 + 4 + 20 + raw.length).putLong(blockNumber).putInt(index)
                .put(sender.toBytes()).put(raw).array();
    }

    public static StoredTx decode(byte[] b) {
        if (b.length < 32) {
            throw new IllegalArgumentException("corrupt stored transaction");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        long block = buf.getLong();
        int index = buf.getInt();
        byte[] sender = new byte[20];
        buf.get(sender);
        byte[] raw = new byte[buf.remaining()];
        buf.get(raw);
        return new StoredTx(block, index, Address.of(sender), raw);
    }
}
