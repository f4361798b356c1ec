package org.targetedmoney.wallet.auditor;

import java.util.Objects;

/**
 * A decoded event with its position in the chain: {@code (blockNumber, logIndex)} identifies it for good (the
 * ledger's blocks are final), so a reader that keeps a cursor of positions reads each event exactly once.
 *
 * @param blockNumber     the block of the event
 * @param logIndex        the log's index in its block, as eth_getLogs gives it (token Transfer logs count too)
 * @param transactionHash 0x-prefixed hash of the transaction that emitted it
 * @param event           the decoded event
 */
public record PositionedEvent(long blockNumber, int logIndex, String transactionHash, LedgerEvent event) {
    public PositionedEvent {
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(event, "event");
        if (blockNumber < 0 || logIndex < 0) {
            throw new IllegalArgumentException("a position is >= 0: " + blockNumber + ":" + logIndex);
        }
    }
}
