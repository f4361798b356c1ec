package org.targetedmoney.node.ledger;

import org.targetedmoney.policy.chain.OrderedTx;
import org.targetedmoney.policy.model.Address;

/** Re-parses an ordered raw transaction on the applying thread (no signature work: the sender is known). */
@FunctionalInterface
public interface TxParser {
    /** Throws IllegalArgumentException if {@code raw} does not parse (a faulty proposer). */
    OrderedTx parse(byte[] raw, Address sender);
}
