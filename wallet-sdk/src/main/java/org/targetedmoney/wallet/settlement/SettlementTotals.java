package org.targetedmoney.wallet.settlement;

/**
 * Running totals of every attested batch, per funding source, in cents, and the number of batches. The ledger
 * keeps {@code attestedCents} equal to the sum of the three sources.
 */
public record SettlementTotals(long attestedCents, long contributionsCents, long publicAccountsCents,
                               long monetaryCreationCents, long batches) {}
