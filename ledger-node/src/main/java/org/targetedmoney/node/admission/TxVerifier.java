package org.targetedmoney.node.admission;

import org.targetedmoney.policy.chain.OrderedTx;

/**
 * The parallel part of admission: parse the raw transaction, check its signature and chain id, recover
 * the sender, check that the call data decodes. Thread-safe; it reads no ledger state.
 */
@FunctionalInterface
public interface TxVerifier {
    OrderedTx verify(byte[] raw) throws AdmissionException;
}
