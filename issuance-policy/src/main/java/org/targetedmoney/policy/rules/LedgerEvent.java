package org.targetedmoney.policy.rules;

import java.util.Arrays;
import java.util.List;
import org.targetedmoney.policy.model.Address;

/** What an applied transaction announces; each becomes a standard log (see {@code abi.EventLogs}). */
public sealed interface LedgerEvent {

    record RoleGranted(Address account, int roleBit, String scopeTerritory) implements LedgerEvent {}

    record RoleRevoked(Address account, int roleBit) implements LedgerEvent {}

    record PurposeAdded(int purpose, String symbol, String name) implements LedgerEvent {}

    record TerritoryAdded(String code) implements LedgerEvent {}

    record MemberEnrolled(Address member, String territory, int householdSize, int firstEpoch)
            implements LedgerEvent {}

    record ProviderConventioned(Address provider, int purpose, String territory, int validFromEpoch,
                                int validUntilEpoch) implements LedgerEvent {}

    record ConventionSuspended(Address provider, int purpose) implements LedgerEvent {}

    record ConventionResumed(Address provider, int purpose) implements LedgerEvent {}

    record PolicyChanged(int purpose, int version, int effectiveFromEpoch, List<Long> amountCentsByHouseholdSize,
                         int expiryEpochs) implements LedgerEvent {
        public PolicyChanged {
            amountCentsByHouseholdSize = List.copyOf(amountCentsByHouseholdSize);
        }
    }

    record EpochOpened(int epoch, long memberCount) implements LedgerEvent {}

    record Issued(int epoch, int purpose, long amountCents, long memberCount) implements LedgerEvent {}

    record Expired(int epoch, int purpose, long amountCents) implements LedgerEvent {}

    record Payment(Address member, Address provider, int purpose, long amountCents, byte[] paymentRef, int category)
            implements LedgerEvent {
        public Payment {
            paymentRef = paymentRef.clone();
        }

        @Override
        public byte[] paymentRef() {
            return paymentRef.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Payment p && member.equals(p.member) && provider.equals(p.provider)
                    && purpose == p.purpose && amountCents == p.amountCents
                    && Arrays.equals(paymentRef, p.paymentRef) && category == p.category;
        }

        @Override
        public int hashCode() {
            return member.hashCode() ^ provider.hashCode() ^ Long.hashCode(amountCents) ^ purpose;
        }
    }

    record CategoryAdded(int purpose, int category, String code, String name) implements LedgerEvent {}

    record ConventionCategoriesSet(Address provider, int purpose, List<Integer> categories) implements LedgerEvent {
        public ConventionCategoriesSet {
            categories = List.copyOf(categories);
        }
    }

    record Redeemed(Address provider, int purpose, long amountCents, long redemptionId) implements LedgerEvent {}

    record TariffSet(int purpose, String actCode, long maxAmountCents) implements LedgerEvent {}

    record ClaimPaid(Address provider, Address member, int purpose, String actCode, long amountCents, long claimId,
                     String claimRefHex) implements LedgerEvent {}

    record TerritoryBudgetSet(String territory, int purpose, long amountCentsPerEpoch) implements LedgerEvent {}

    record NeedsRecorded(String territory, int purpose, int epoch, long amountCents, String note)
            implements LedgerEvent {}

    /**
     * Opening an epoch found that a territory's members are entitled to more than its budget (enrolments grew
     * since the policy was set). Rights are automatic, so they are issued; the planning report shows the gap.
     */
    record BudgetOverrun(String territory, int purpose, int epoch, long entitledCents, long budgetCents)
            implements LedgerEvent {}

    record CapitationSet(int purpose, long amountCentsPerPatient) implements LedgerEvent {}

    record PractitionerChosen(Address member, Address provider, int purpose, Address previousProvider)
            implements LedgerEvent {}

    record CapitationPaid(Address provider, int purpose, int epoch, long patients, long amountCents, long claimId)
            implements LedgerEvent {}

    record ModulationSet(String territory, int purpose, int basisPoints, int effectiveFromEpoch)
            implements LedgerEvent {}

    record BodyCreated(int body, Address account, String name, String territory, int kind, int quorum,
                       int memberCount) implements LedgerEvent {}

    record BodyMembersChanged(int body, int quorum, int memberCount) implements LedgerEvent {}

    record ProposalCreated(long proposal, int body, Address proposer, int effectiveFromEpoch, long delaySeconds,
                           int lastVotingEpoch) implements LedgerEvent {}

    record Voted(long proposal, Address voter, boolean approve) implements LedgerEvent {}

    /** A proposal changed status (a {@code ProposalStatus} code); {@code reason} says why an action failed. */
    record ProposalStatusChanged(long proposal, int status, String reason) implements LedgerEvent {}

    record CriterionAdded(int criterion, String code, String name) implements LedgerEvent {}

    /** {@code criteriaMask}: bit i for criterion i (a uint32 on the wire). */
    record ProviderDescribed(Address provider, String name, String specialty, int criteriaMask)
            implements LedgerEvent {}

    record ConventionRevoked(Address provider, int purpose) implements LedgerEvent {}

    /** The settlement bridge attested a euro settlement batch (see {@code Call.AttestSettlement}). */
    record SettlementAttested(String batchHashHex, Address bridge, String batchId, String window, long totalCents,
                              long contributionsCents, long publicAccountsCents, long monetaryCreationCents,
                              long lineCount, long firstBlock, long lastBlock) implements LedgerEvent {}
}
