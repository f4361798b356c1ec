package org.targetedmoney.node.chain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.targetedmoney.policy.model.Address;

/**
 * One Raft log entry: a batch of admitted transactions with the proposer's timestamp and, for each,
 * the sender recovered at admission (so applying does not redo the signature work). Layout: version
 * byte, timestamp, proposer, count, then (sender, length, raw) per transaction.
 */
public record BatchEntry(long proposedTimestampSeconds, Address proposer, List<Address> senders, List<byte[]> raws) {
    static final byte VERSION = 1;
    /** Upper bound on transactions per entry, checked when reading an entry back. */
    public static final int MAX_TXS = 20_000;

    public BatchEntry {
        senders = List.copyOf(senders);
        raws = List.copyOf(raws);
        if (senders.size() != raws.size()) {
            throw new IllegalArgumentException("one sender per transaction");
        }
    }

    public byte[] encode() {
        int size = 1 + 8 + 20 + 4;
        for (byte[] raw : raws) {
            size += 20 + 4 + raw.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION).putLong(proposedTimestampSeconds).put(proposer.toBytes()).putInt(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            b.put(senders.get(i).toBytes()).putInt(raws.get(i).length).put(raws.get(i));
        }
        return b.array();
    }

    public static BatchEntry decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (b.get() != VERSION) {
                throw new IllegalArgumentException("unknown batch entry version");
            }
            long ts = b.getLong();
            byte[] proposer = new byte[20];
            b.get(proposer);
            int n = b.getInt();
            if (n < 0 || n > MAX_TXS) {
                throw new IllegalArgumentException("batch of " + n + " transactions");
            }
            List<Address> senders = new ArrayList<>(n);
            List<byte[]> raws = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] sender = new byte[20];
                b.get(sender);
                byte[] raw = new byte[b.getInt()];
                b.get(raw);
                senders.add(Address.of(sender));
                raws.add(raw);
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes");
            }
            return new BatchEntry(ts, Address.of(proposer), senders, raws);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("corrupt batch entry: " + e.getMessage(), e);
        }
    }
}
