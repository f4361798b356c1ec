package org.targetedmoney.policy.chain;

import java.util.List;
import org.targetedmoney.policy.state.Entity;

/**
 * Everything one block produced, ready to be stored in one write: its header and hash, the included
 * transactions and their receipts (same order), the final value of every entity it changed, and the
 * hashes of transactions it could not include (nonce no longer next: never expected from an honest leader).
 */
public record BlockResult(BlockHeader header, byte[] hash, List<OrderedTx> transactions, List<TxReceipt> receipts,
                          List<Entity> writes, List<OrderedTx> dropped) {
    public BlockResult {
        transactions = List.copyOf(transactions);
        receipts = List.copyOf(receipts);
        writes = List.copyOf(writes);
        dropped = List.copyOf(dropped);
    }
}
