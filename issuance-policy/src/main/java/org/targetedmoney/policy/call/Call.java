package org.targetedmoney.policy.call;

import java.util.Arrays;
import java.util.List;
import org.targetedmoney.policy.model.Address;

/**
 * An operation a transaction asks the ledger to perform, already decoded from its ABI call data.
 * Values are in range for their types (amounts fit a long); business validity is the rules' job.
 */
public sealed interface Call {

    record GrantRole(Address account, int roleBit, String scopeTerritory) implements Call {}

    record RevokeRole(Address account, int roleBit) implements Call {}

    record AddPurpose(String symbol, String name) implements Call {}

    record AddTerritory(String code) implements Call {}

    record EnrolMember(Address member, String territory, int householdSize) implements Call {}

    /**
     * Enrols many members of one territory and household size at once, from a registrar's authoritative
     * list (automatic rights: nobody has to ask). Members already enrolled are skipped, so a list can be
     * sent again safely.
     */
    record EnrolMembers(List<Address> members, String territory, int householdSize) implements Call {
        public EnrolMembers {
            members = List.copyOf(members);
        }
    }

    record ConventionProvider(Address provider, List<Integer> purposes, String territory, int validFromEpoch,
                              int validUntilEpoch) implements Call {
        public ConventionProvider {
            purposes = List.copyOf(purposes);
        }
    }

    record SuspendConvention(Address provider, int purpose) implements Call {}

    record ResumeConvention(Address provider, int purpose) implements Call {}

    record SetAllowancePolicy(int purpose, List<Long> amountCentsByHouseholdSize, int expiryEpochs,
                              int effectiveFromEpoch) implements Call {
        public SetAllowancePolicy {
            amountCentsByHouseholdSize = List.copyOf(amountCentsByHouseholdSize);
        }
    }

    record OpenEpoch(int epoch) implements Call {}

    /** A member pays a provider; {@code paymentRef} is 32 opaque bytes chosen by the payer (an invoice id). */
    /** A payment; {@code category} is the product category paid for, 0 when the payment names none. */
    record Pay(Address provider, int purpose, long amountCents, byte[] paymentRef, int category) implements Call {
        public Pay(Address provider, int purpose, long amountCents, byte[] paymentRef) {
            this(provider, purpose, amountCents, paymentRef, 0);
        }

        public Pay {
            if (paymentRef.length != 32) {
                throw new IllegalArgumentException("paymentRef is 32 bytes");
            }
            paymentRef = paymentRef.clone();
        }

        @Override
        public byte[] paymentRef() {
            return paymentRef.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pay p && provider.equals(p.provider) && purpose == p.purpose
                    && amountCents == p.amountCents && Arrays.equals(paymentRef, p.paymentRef) && category == p.category;
        }

        @Override
        public int hashCode() {
            return provider.hashCode() * 31 + Arrays.hashCode(paymentRef) + Long.hashCode(amountCents) + purpose;
        }

        @Override
        public String toString() {
            return "Pay[provider=" + provider + ", purpose=" + purpose + ", amountCents=" + amountCents
                    + ", category=" + category + "]";
        }
    }

    record Redeem(int purpose, long amountCents) implements Call {}

    /** Declares a product category of a purpose (e.g. LOCAL, ORGANIC); it gets the next id. */
    record AddCategory(int purpose, String code, String name) implements Call {}

    /** Sets the product categories a convention covers; an empty list means every category. */
    record RestrictConvention(Address provider, int purpose, List<Integer> categories) implements Call {
        public RestrictConvention {
            categories = List.copyOf(categories);
        }
    }

    /** Sets (or changes) the most the fund pays for an act of a purpose. */
    record SetTariff(int purpose, String actCode, long maxAmountCents) implements Call {}

    /**
     * A conventioned provider claims an act done for a member (direct payment by the fund, no upfront
     * payment by the member). {@code claimRefHex} is the provider's 32-byte reference, in hex.
     */
    record FileClaim(Address member, int purpose, String actCode, long amountCents, String claimRefHex)
            implements Call {}

    /** Caps what a purpose may issue per epoch to the members of a territory and of its sub-territories. */
    record SetTerritoryBudget(String territory, int purpose, long amountCentsPerEpoch) implements Call {}

    /** A committee records the needs it assessed for its territory, a purpose and an epoch. */
    record RecordNeeds(String territory, int purpose, int epoch, long amountCents, String note) implements Call {}

    /** Capitation: the amount paid per registered patient per epoch for a purpose (0 stops it). */
    record SetCapitation(int purpose, long amountCentsPerPatient) implements Call {}

    /** A member chooses the provider paid by capitation for a purpose (its "médecin traitant"). */
    record ChoosePractitioner(Address provider, int purpose) implements Call {}

    /** A provider claims the capitation of the current epoch: its patients times the rate, paid once. */
    record ClaimCapitation(int purpose, int epoch) implements Call {}

    /**
     * Modulates a purpose's allowance for the members of a territory and its sub-territories from an epoch on,
     * in basis points (10 000 = unchanged, 11 500 = +15 %).
     */
    record SetModulation(String territory, int purpose, int basisPoints, int effectiveFromEpoch) implements Call {}

    /** Creates a governance body ({@code kind} is a {@code BodyKind} code) with its members and quorum. */
    record CreateBody(String name, String territory, int kind, List<Address> members, int quorum) implements Call {
        public CreateBody {
            members = List.copyOf(members);
        }
    }

    /** Replaces a body's members and quorum (decided by the body itself or by the authority). */
    record SetBodyMembers(int body, List<Address> members, int quorum) implements Call {
        public SetBodyMembers {
            members = List.copyOf(members);
        }
    }

    /**
     * A member of a body proposes that the body perform {@code actionHex} (the ABI call data of a ledger
     * function, in hex). Once approved it may run after {@code delaySeconds}, from {@code effectiveFromEpoch};
     * votes are accepted during {@code votingEpochs} epochs, the current one included.
     */
    record Propose(int body, String actionHex, int effectiveFromEpoch, long delaySeconds, int votingEpochs)
            implements Call {}

    record Vote(long proposal, boolean approve) implements Call {}

    /** Runs an approved proposal whose delay and effective epoch have come; anyone may send it. */
    record ExecuteProposal(long proposal) implements Call {}

    /** Declares a social or ecological criterion (ORGANIC_SUPPLY, LOCAL_SUPPLY...); it gets the next id, 0..31. */
    record AddCriterion(String code, String name) implements Call {}

    /**
     * Describes a conventioned provider for the directory. The criteria (bit i = criterion i) are attested by
     * those who convention it, not declared by the provider.
     */
    record DescribeProvider(Address provider, String name, String specialty, int criteriaMask) implements Call {}

    /** Ends a convention for good: it cannot be resumed, only decided again with a new ConventionProvider. */
    record RevokeConvention(Address provider, int purpose) implements Call {}

    /**
     * The settlement bridge attests a euro settlement batch: {@code batchHashHex} (32 bytes, lower-case hex) is
     * the batch's identity, the totals say how much was paid and from which funding source, and the lines
     * come from ledger blocks {@code firstBlock..lastBlock}.
     */
    record AttestSettlement(String batchHashHex, String batchId, String window, long totalCents,
                            long contributionsCents, long publicAccountsCents, long monetaryCreationCents,
                            long lineCount, long firstBlock, long lastBlock) implements Call {}
}
