package org.targetedmoney.policy.rules;

import org.targetedmoney.policy.model.Address;

/**
 * What a transaction's rules may know besides the state: its recovered sender, and the block it is in.
 * {@code timeEpoch} is the epoch of the block timestamp (never a local clock).
 */
public record TxContext(Address sender, long blockNumber, long timestampSeconds, int timeEpoch) {}
