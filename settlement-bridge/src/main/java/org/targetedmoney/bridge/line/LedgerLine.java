package org.targetedmoney.bridge.line;

import java.util.Objects;

/**
 * One amount the ledger says a provider is owed in euros, read from a ledger event.
 *
 * <p>Its identity is its position in the chain ({@code blockNumber}, {@code logIndex}): the bridge's cursor moves
 * over positions, so a line read twice (after a restart) is recognised and kept once.
 *
 * @param blockNumber            block of the event
 * @param logIndex               index of the log in its block (as eth_getLogs returns it)
 * @param transactionHash        0x-prefixed hash of the transaction that emitted it
 * @param blockTimestampSeconds  the block's timestamp (seconds since 1970, UTC): chooses the settlement window
 * @param provider               0x-prefixed lower-case address of the provider owed
 * @param purpose                ledger purpose id (the earmark: chooses which funding can pay it)
 * @param kind                   which event
 * @param amountCents            euro cents owed, > 0
 * @param reference              the ledger's own id of the operation (redemption id, claim id, or epoch for capitation)
 */
public record LedgerLine(long blockNumber, int logIndex, String transactionHash, long blockTimestampSeconds,
                         String provider, int purpose, LineKind kind, long amountCents, long reference) {
    public LedgerLine {
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        if (blockNumber < 0 || logIndex < 0) {
            throw new IllegalArgumentException("position must be >= 0: " + blockNumber + ":" + logIndex);
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be > 0: " + amountCents);
        }
    }

    /** "block:logIndex", the line's stable id. */
    public String id() {
        return blockNumber + ":" + logIndex;
    }
}
