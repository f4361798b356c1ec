package org.targetedmoney.bridge.receipt;

import java.util.Objects;

/**
 * A receipt and the ledger time when the bridge learnt of it.
 *
 * @param receivedAtSeconds ledger time when its bank message was applied (for its age)
 */
public record Arrival(BankReceipt receipt, long receivedAtSeconds) {
    public Arrival {
        Objects.requireNonNull(receipt, "receipt");
    }
}
