package org.targetedmoney.policy.chain;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.abi.Log;
import org.targetedmoney.policy.model.Address;

/**
 * The receipt of an included transaction. {@code revertReason} is empty when it succeeded, else
 * {@code CODE: detail}. Its canonical encoding feeds the block's receipts root, so it holds nothing that
 * depends on the block hash.
 */
public record TxReceipt(byte[] txHash, long blockNumber, int txIndex, Address from, Address to, long nonce,
                        boolean success, String revertReason, List<Log> logs, int firstLogIndex) {
    public TxReceipt {
        logs = List.copyOf(logs);
    }

    /** The stored form (big-endian, version 1): built in memory, no stream, so this package stays free of I/O. */
    public byte[] encode() {
        byte[] reason = revertReason.getBytes(StandardCharsets.UTF_8);
        int size = 1 + txHash.length + 8 + 4 + 20 + 20 + 8 + 1 + 4 + reason.length + 4 + 4;
        for (Log log : logs) {
            size += 20 + 1 + 32 * log.topics().size() + 4 + log.data().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put((byte) 1).put(txHash).putLong(blockNumber).putInt(txIndex).put(from.toBytes()).put(to.toBytes())
                .putLong(nonce).put((byte) (success ? 1 : 0));
        putBytes(out, reason);
        out.putInt(firstLogIndex).putInt(logs.size());
        for (Log log : logs) {
            out.put(log.address().toBytes()).put((byte) log.topics().size());
            log.topics().forEach(out::put);
            putBytes(out, log.data());
        }
        return out.array();
    }

    private static void putBytes(ByteBuffer out, byte[] b) {
        out.putInt(b.length).put(b);
    }

    /** Reads what {@link #encode} wrote; corrupt or truncated bytes are refused with an IllegalArgumentException. */
    public static TxReceipt decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.get() != 1) {
                throw new IllegalArgumentException("corrupt receipt: unknown version");
            }
            byte[] hash = take(in, 32);
            long block = in.getLong();
            int index = in.getInt();
            Address from = Address.of(take(in, 20));
            Address to = Address.of(take(in, 20));
            long nonce = in.getLong();
            boolean success = in.get() != 0;
            String reason = new String(takeSized(in), StandardCharsets.UTF_8);
            int firstLog = in.getInt();
            int n = in.getInt();
            List<Log> logs = new ArrayList<>(Math.min(Math.max(n, 0), in.remaining()));
            for (int i = 0; i < n; i++) {
                Address a = Address.of(take(in, 20));
                int topics = Byte.toUnsignedInt(in.get());
                List<byte[]> ts = new ArrayList<>(topics);
                for (int t = 0; t < topics; t++) {
                    ts.add(take(in, 32));
                }
                logs.add(new Log(a, ts, takeSized(in)));
            }
            return new TxReceipt(hash, block, index, from, to, nonce, success, reason, logs, firstLog);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("corrupt receipt: truncated", e);
        }
    }

    private static byte[] take(ByteBuffer in, int n) {
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    private static byte[] takeSized(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("corrupt receipt: bad length " + n);
        }
        return take(in, n);
    }
}
