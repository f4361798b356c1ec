package org.targetedmoney.policy.chain;

import org.targetedmoney.policy.model.Address;

/**
 * A transaction as the block executor needs it: already parsed, its sender already recovered (in
 * parallel, before ordering). {@code raw} is the signed transaction as received.
 */
public record OrderedTx(byte[] raw, byte[] hash, Address sender, long nonce, Address to, byte[] data) {}
