package org.targetedmoney.wallet.auditor;

/** Events of the ledger contract, decoded from logs (see ITargetedMoney.sol). Amounts are cents. */
public sealed interface LedgerEvent {
    long blockNumber();

    record Issued(long blockNumber, int epoch, int purpose, long amountCents, long memberCount) implements LedgerEvent {}

    record Expired(long blockNumber, int epoch, int purpose, long amountCents) implements LedgerEvent {}

    /** {@code category}: the product category paid for, 0 when the payment names none. */
    record Payment(long blockNumber, String member, String provider, int purpose, long amountCents, int category)
            implements LedgerEvent {}

    record Redeemed(long blockNumber, String provider, int purpose, long amountCents, long redemptionId)
            implements LedgerEvent {}

    record MemberEnrolled(long blockNumber, String member, String territory, int householdSize, int firstEpoch)
            implements LedgerEvent {}

    record ProviderConventioned(long blockNumber, String provider, int purpose, String territory)
            implements LedgerEvent {}

    record ClaimPaid(long blockNumber, String provider, String member, int purpose, String actCode, long amountCents,
                     long claimId) implements LedgerEvent {}

    /** Capitation paid to a provider for an epoch: its registered patients times the rate. */
    record CapitationPaid(long blockNumber, String provider, int purpose, int epoch, long patients, long amountCents)
            implements LedgerEvent {}

    record Voted(long blockNumber, long proposal, String voter, boolean approve) implements LedgerEvent {}

    /** {@code status}: 1 approved, 2 executed, 3 rejected, 4 failed ({@code reason} says why). */
    record ProposalStatusChanged(long blockNumber, long proposal, int status, String reason) implements LedgerEvent {}

    /** Opening an epoch found a territory's members entitled to more than its budget. */
    record BudgetOverrun(long blockNumber, String territory, int purpose, int epoch, long entitledCents,
                         long budgetCents) implements LedgerEvent {}

    /**
     * The settlement bridge attested a euro settlement batch: {@code batchHash} is 0x and 64 hex digits,
     * {@code bridge} the attesting account; the three sources add up to {@code totalCents}.
     */
    record SettlementAttested(long blockNumber, String batchHash, String bridge, String batchId, String window,
                              long totalCents, long contributionsCents, long publicAccountsCents,
                              long monetaryCreationCents, long lineCount, long firstBlock, long lastBlock)
            implements LedgerEvent {}

    /** Any other event of the contract, by its signature topic. */
    record Other(long blockNumber, String topic0) implements LedgerEvent {}
}
