package org.targetedmoney.wallet.auditor;

import java.io.IOException;
import java.util.List;

/** Where the auditor reads a chain: a node's JSON-RPC ({@link RpcChainSource}), or anything serving the same. */
public interface ChainSource {
    /** The number of the node's last block. */
    long headNumber() throws IOException;

    /** Blocks {@code from..to} (inclusive, at most {@link RpcChainSource#MAX_BLOCKS_PER_BATCH}), with transactions and receipts. */
    List<PublishedBlock> blocks(long from, long to) throws IOException;

    /** The node's own conservation view ({@code ledger_invariants}), for comparison with the replay's figures. */
    NodeInvariants invariants() throws IOException;

    /** The figures a node reports for each purpose, as of {@code blockNumber}. */
    record NodeInvariants(long blockNumber, boolean holds, List<PurposeFigures> purposes) {
        public NodeInvariants {
            purposes = List.copyOf(purposes);
        }
    }

    /** One purpose's figures in cents, as the node reports them. */
    record PurposeFigures(int purpose, String symbol, long issuedCents, long spentCents, long redeemedCents,
                          long expiredCents, long providerBalancesCents, long memberBalancesCents) {}
}
