package org.targetedmoney.wallet.auditor;

import java.util.List;
import org.targetedmoney.policy.model.Address;

/**
 * A block as a node published it over JSON-RPC, parsed but not yet believed: every field here is a claim the
 * {@link ChainReplayer} checks against its own replay.
 */
public record PublishedBlock(long number, byte[] hash, byte[] parentHash, long timestampSeconds, Address proposer,
                             int epoch, long raftIndex, byte[] transactionsRoot, byte[] receiptsRoot,
                             byte[] stateRoot, byte[] logsBloom, List<Tx> transactions) {
    public PublishedBlock {
        transactions = List.copyOf(transactions);
    }

    /** An included transaction: its hash, the sender the node claims, the signed bytes and the receipt. */
    public record Tx(byte[] hash, Address from, byte[] raw, Receipt receipt) {}

    /** A receipt as published; {@code revertData} is the ABI-encoded {@code Error(string)}, empty on success. */
    public record Receipt(int transactionIndex, boolean success, byte[] revertData, List<Log> logs) {
        public Receipt {
            logs = List.copyOf(logs);
        }
    }

    /** A log as published, with its index in the block. */
    public record Log(int logIndex, Address address, List<byte[]> topics, byte[] data) {
        public Log {
            topics = List.copyOf(topics);
        }
    }
}
