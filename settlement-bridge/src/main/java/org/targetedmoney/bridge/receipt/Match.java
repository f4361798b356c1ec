package org.targetedmoney.bridge.receipt;

import java.util.Objects;

/**
 * A declared credit and the bank receipt that confirms it.
 *
 * @param matchedAtSeconds ledger time of the later of the two (when the match was made)
 */
public record Match(ExpectedCredit credit, Arrival receipt, long matchedAtSeconds) {
    public Match {
        Objects.requireNonNull(credit, "credit");
        Objects.requireNonNull(receipt, "receipt");
    }
}
