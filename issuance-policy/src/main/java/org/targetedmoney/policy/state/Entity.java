package org.targetedmoney.policy.state;

import java.util.List;
import org.targetedmoney.policy.Check;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;

/**
 * Everything the ledger state holds. Each entity knows its {@link EntityKey}; the transition function
 * returns the new versions of the entities it changes, and storage keeps them under their keys.
 * Amounts are euro cents.
 */
public sealed interface Entity {

    EntityKey key();

    /** Roles of an account; {@code scopeTerritory} bounds what a committee may decide. */
    record Account(Address address, int roleMask, String scopeTerritory) implements Entity {
        public EntityKey key() {
            return Keys.account(address);
        }

        public boolean has(Role role) {
            return (roleMask & role.mask()) != 0;
        }

        /**
         * The account body {@code bodyId} acts through: the role of its kind, scoped to its territory for a
         * local committee and unscoped for the national body (which may act anywhere).
         */
        public static Account ofBody(int bodyId, BodyKind kind, String territory) {
            return new Account(BodyKind.account(bodyId), kind.role().mask(),
                    kind == BodyKind.LOCAL ? territory : null);
        }
    }

    /** The next nonce an address must use. */
    record Nonce(Address address, long next) implements Entity {
        public EntityKey key() {
            return Keys.nonce(address);
        }
    }

    /**
     * An enrolled member: no personal data, only what the rules need. Credit of epochs after
     * {@code materialisedThroughEpoch} is implicit (lazy issuance) until the member is touched.
     */
    record Member(Address address, String territory, int householdSize, int firstEpoch,
                  int materialisedThroughEpoch, List<Bucket> buckets) implements Entity {
        public Member {
            buckets = List.copyOf(buckets);
        }

        public EntityKey key() {
            return Keys.member(address);
        }
    }

    /** Unspent credit of one epoch for one purpose; dead once epoch {@code expiresAtEpoch} is opened. */
    record Bucket(int epoch, int purpose, long amountCents, int expiresAtEpoch) {
        public Bucket {
            Check.that(amountCents > 0, "a stored bucket holds a positive amount");
        }
    }

    /** A provider's convention for one purpose, over a territory and everything under it. */
    record Convention(Address provider, int purpose, String territory, int validFromEpoch, int validUntilEpoch,
                      boolean suspended) implements Entity {
        public EntityKey key() {
            return Keys.convention(provider, purpose);
        }
    }

    record ProviderBalance(Address provider, int purpose, long amountCents) implements Entity {
        public EntityKey key() {
            return Keys.providerBalance(provider, purpose);
        }
    }

    /** An earmark; {@code policyVersions} counts the allowance policies ever set for it. */
    record Purpose(int id, String symbol, String name, int policyVersions) implements Entity {
        public EntityKey key() {
            return Keys.purpose(id);
        }
    }

    record TerritoryEntry(String code) implements Entity {
        public EntityKey key() {
            return Keys.territory(code);
        }
    }

    /** One version of a purpose's allowance policy, in force from {@code effectiveFromEpoch}. */
    record AllowancePolicy(int purpose, int version, int effectiveFromEpoch, List<Long> amountCentsByHouseholdSize,
                           int expiryEpochs) implements Entity {
        public AllowancePolicy {
            amountCentsByHouseholdSize = List.copyOf(amountCentsByHouseholdSize);
        }

        public EntityKey key() {
            return Keys.policy(purpose, version);
        }

        /** The monthly amount for a household of {@code size}; the last entry serves larger households. */
        public long amountFor(int householdSize) {
            int i = Math.min(householdSize, amountCentsByHouseholdSize.size()) - 1;
            return amountCentsByHouseholdSize.get(i);
        }
    }

    /** An opened epoch and, per purpose with an allowance, the policy version it issued under. */
    record Epoch(int epoch, long memberCount, List<EpochPolicy> policies) implements Entity {
        public Epoch {
            policies = List.copyOf(policies);
        }

        public EntityKey key() {
            return Keys.epoch(epoch);
        }
    }

    record EpochPolicy(int purpose, int policyVersion) {}

    /** Aggregate counters of the credit issued in one epoch for one purpose. */
    record EpochCounters(int epoch, int purpose, long issuedCents, long spentCents, long expiredCents,
                         int expiresAtEpoch, boolean expired) implements Entity {
        public EntityKey key() {
            return Keys.epochCounters(epoch, purpose);
        }

        public long unspentCents() {
            return issuedCents - spentCents - expiredCents;
        }
    }

    /** Running totals per purpose; conservation: issued = members + providerBalances + redeemed + expired. */
    record PurposeTotals(int purpose, long issuedCents, long spentCents, long redeemedCents, long expiredCents,
                         long providerBalancesCents) implements Entity {
        public EntityKey key() {
            return Keys.purposeTotals(purpose);
        }

        /** Credit held by members, issued but neither spent nor expired. */
        public long memberBalancesCents() {
            return issuedCents - spentCents - expiredCents;
        }
    }

    /** How many members of a territory have a household of a given size: issuance is computed from these. */
    record EnrolmentCount(String territory, int householdSize, long count) implements Entity {
        public EntityKey key() {
            return Keys.enrolmentCount(territory, householdSize);
        }
    }

    /** The most the fund pays for an act of a purpose under entitlement (health at 100 %). */
    record Tariff(int purpose, String actCode, long maxAmountCents) implements Entity {
        public EntityKey key() {
            return Keys.tariff(purpose, actCode);
        }
    }

    /**
     * Claims paid for a purpose: entitlement units are issued and paid in the same step, so they never
     * sit in a balance; the settlement bridge pays them to providers in euros.
     */
    record ClaimsPaid(int purpose, long paidCents, long count) implements Entity {
        public EntityKey key() {
            return Keys.claimsPaid(purpose);
        }
    }

    /** A paid claim, by its provider and reference: the same claim is never paid twice. */
    record ClaimRecord(Address provider, String claimRefHex, long claimId) implements Entity {
        public EntityKey key() {
            return Keys.claimRecord(provider, claimRefHex);
        }
    }

    /** A governance body; it acts through {@code BodyKind.account(id)}, which holds the role of its kind. */
    record Body(int id, String name, String territory, int kind, List<Address> members, int quorum)
            implements Entity {
        public Body {
            members = List.copyOf(members);
            Check.that(quorum >= 1 && quorum <= members.size(), "a body's quorum is within 1..members");
        }

        public EntityKey key() {
            return Keys.body(id);
        }
    }

    /**
     * A proposal of a body. {@code status} is a {@code ProposalStatus} code; {@code approvedAtSeconds} is the
     * block time of the approving vote (0 before); {@code outcome} is why its action failed, or empty.
     */
    record Proposal(long id, int body, Address proposer, String actionHex, int effectiveFromEpoch,
                    long delaySeconds, int lastVotingEpoch, List<Address> approvals, List<Address> rejections,
                    int status, long approvedAtSeconds, String outcome) implements Entity {
        public Proposal {
            approvals = List.copyOf(approvals);
            rejections = List.copyOf(rejections);
        }

        public EntityKey key() {
            return Keys.proposal(id);
        }

        public Proposal withVotes(List<Address> approvals, List<Address> rejections) {
            return new Proposal(id, body, proposer, actionHex, effectiveFromEpoch, delaySeconds, lastVotingEpoch,
                    approvals, rejections, status, approvedAtSeconds, outcome);
        }

        public Proposal withStatus(int newStatus, long approvedAt, String newOutcome) {
            return new Proposal(id, body, proposer, actionHex, effectiveFromEpoch, delaySeconds, lastVotingEpoch,
                    approvals, rejections, newStatus, approvedAt, newOutcome);
        }
    }

    /** Counters of governance: bodies created and proposals made (their ids). */
    record GovernanceMeta(int bodyCount, long proposalCount) implements Entity {
        public EntityKey key() {
            return Keys.GOVERNANCE_META;
        }
    }

    /** Ledger-wide singletons. {@code lastOpenedEpoch} is -1 before the first opening. */
    record Meta(int purposeCount, int territoryCount, int lastOpenedEpoch, long memberCount, long nextRedemptionId)
            implements Entity {
        // Claim ids come from ClaimsPaid counts (per purpose) so Meta keeps its encoding.
        public EntityKey key() {
            return Keys.META;
        }

        public Meta withPurposeCount(int n) {
            return new Meta(n, territoryCount, lastOpenedEpoch, memberCount, nextRedemptionId);
        }

        public Meta withTerritoryCount(int n) {
            return new Meta(purposeCount, n, lastOpenedEpoch, memberCount, nextRedemptionId);
        }

        public Meta withLastOpenedEpoch(int e) {
            return new Meta(purposeCount, territoryCount, e, memberCount, nextRedemptionId);
        }

        public Meta withMemberCount(long n) {
            return new Meta(purposeCount, territoryCount, lastOpenedEpoch, n, nextRedemptionId);
        }

        public Meta withNextRedemptionId(long id) {
            return new Meta(purposeCount, territoryCount, lastOpenedEpoch, memberCount, id);
        }
    }
}
