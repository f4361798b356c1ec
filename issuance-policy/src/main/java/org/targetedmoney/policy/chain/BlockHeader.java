package org.targetedmoney.policy.chain;

import java.nio.ByteBuffer;
import org.targetedmoney.policy.abi.Keccak;
import org.targetedmoney.policy.model.Address;

/**
 * A block header (DESIGN.md section 5). The hash is keccak256 of {@link #encode()}: a fixed-layout,
 * big-endian encoding documented in docs/PROTOCOL.md, so the auditor can recompute it.
 */
public record BlockHeader(long number, byte[] parentHash, long timestampSeconds, Address proposer, int epoch,
                          int txCount, byte[] transactionsRoot, byte[] receiptsRoot, byte[] stateChangesRoot,
                          byte[] logsBloom, long raftIndex) {
    public static final int ENCODED_LENGTH = 1 + 8 + 32 + 8 + 20 + 4 + 4 + 32 * 3 + 256 + 8;
    static final byte VERSION = 1;

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(ENCODED_LENGTH);
        b.put(VERSION).putLong(number).put(parentHash).putLong(timestampSeconds).put(proposer.toBytes())
                .putInt(epoch).putInt(txCount).put(transactionsRoot).put(receiptsRoot).put(stateChangesRoot)
                .put(logsBloom).putLong(raftIndex);
        return b.array();
    }

    public static BlockHeader decode(byte[] bytes) {
        if (bytes.length != ENCODED_LENGTH || bytes[0] != VERSION) {
            throw new IllegalArgumentException("corrupt block header (" + bytes.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        long number = b.getLong();
        byte[] parent = take(b, 32);
        long ts = b.getLong();
        Address proposer = Address.of(take(b, 20));
        int epoch = b.getInt();
        int txCount = b.getInt();
        return new BlockHeader(number, parent, ts, proposer, epoch, txCount, take(b, 32), take(b, 32), take(b, 32),
                take(b, 256), b.getLong());
    }

    private static byte[] take(ByteBuffer b, int n) {
        byte[] out = new byte[n];
        b.get(out);
        return out;
    }

    public byte[] hash() {
        return Keccak.hash(encode());
    }
}
