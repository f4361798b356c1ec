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

    /**
     * A provider's convention for one purpose, over a territory and everything under it. {@code categories}
     * lists the eligible product categories (a mixed shop conventioned for part of its shelves); empty means
     * every category. A {@code revoked} convention is ended for good: only a new {@code conventionProvider}
     * decision brings it back (a suspension is temporary and may be lifted).
     */
    record Convention(Address provider, int purpose, String territory, int validFromEpoch, int validUntilEpoch,
                      boolean suspended, List<Integer> categories, boolean revoked) implements Entity {
        public Convention {
            categories = List.copyOf(categories);
        }

        /** A fresh convention: in force, every category. */
        public Convention(Address provider, int purpose, String territory, int validFromEpoch, int validUntilEpoch,
                          boolean suspended) {
            this(provider, purpose, territory, validFromEpoch, validUntilEpoch, suspended, List.of(), false);
        }

        public Convention withRevoked(boolean r) {
            return new Convention(provider, purpose, territory, validFromEpoch, validUntilEpoch, suspended,
                    categories, r);
        }

        public EntityKey key() {
            return Keys.convention(provider, purpose);
        }

        public boolean covers(int category) {
            return categories.isEmpty() || categories.contains(category);
        }
    }

    record ProviderBalance(Address provider, int purpose, long amountCents) implements Entity {
        public EntityKey key() {
            return Keys.providerBalance(provider, purpose);
        }
    }

    /**
     * An earmark; {@code policyVersions} counts the allowance policies ever set for it, {@code categoryCount}
     * its product categories (ids 1..categoryCount).
     */
    record Purpose(int id, String symbol, String name, int policyVersions, int categoryCount) implements Entity {
        public Purpose(int id, String symbol, String name, int policyVersions) {
            this(id, symbol, name, policyVersions, 0);
        }

        public EntityKey key() {
            return Keys.purpose(id);
        }

        public Purpose withPolicyVersions(int n) {
            return new Purpose(id, symbol, name, n, categoryCount);
        }

        public Purpose withCategoryCount(int n) {
            return new Purpose(id, symbol, name, policyVersions, n);
        }
    }

    /** A product category of a purpose (local, organic...): conventions and payments may name it. */
    record Category(int purpose, int id, String code, String name) implements Entity {
        public EntityKey key() {
            return Keys.category(purpose, id);
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

    /** The most a purpose may issue per epoch to the members of a territory and of its sub-territories. */
    record TerritoryBudget(String territory, int purpose, long amountCentsPerEpoch) implements Entity {
        public EntityKey key() {
            return Keys.territoryBudget(purpose, territory);
        }
    }

    /** The territories with a budget for a purpose, in code order: a policy change checks them all. */
    record PurposeBudgets(int purpose, List<String> territories) implements Entity {
        public PurposeBudgets {
            territories = List.copyOf(territories);
        }

        public EntityKey key() {
            return Keys.purposeBudgets(purpose);
        }
    }

    /** The needs a committee assessed for a territory, a purpose and an epoch (a month). */
    record NeedsAssessment(String territory, int purpose, int epoch, long amountCents, String note,
                           Address recordedBy) implements Entity {
        public EntityKey key() {
            return Keys.needs(purpose, epoch, territory);
        }
    }

    /**
     * What the members of one territory (exactly) spent in an epoch, by payments and by claims paid for them;
     * {@code byCriterionCents[i]} is the part paid to providers meeting criterion i (the ecological share).
     */
    record TerritorySpending(int epoch, int purpose, String territory, long spentCents, long claimsCents,
                             List<Long> byCriterionCents) implements Entity {
        public TerritorySpending {
            byCriterionCents = List.copyOf(byCriterionCents);
        }

        public TerritorySpending(int epoch, int purpose, String territory, long spentCents, long claimsCents) {
            this(epoch, purpose, territory, spentCents, claimsCents, List.of());
        }

        public EntityKey key() {
            return Keys.territorySpending(epoch, purpose, territory);
        }

        /** Adds {@code cents} paid to a provider meeting the criteria of {@code mask}. */
        public TerritorySpending plus(long spent, long claims, int mask) {
            List<Long> by = new java.util.ArrayList<>(byCriterionCents);
            for (int i = 0; i < Integer.SIZE; i++) {
                if ((mask & (1 << i)) != 0) {
                    while (by.size() <= i) {
                        by.add(0L);
                    }
                    by.set(i, Math.addExact(by.get(i), Math.addExact(spent, claims)));
                }
            }
            return new TerritorySpending(epoch, purpose, territory, Math.addExact(spentCents, spent),
                    Math.addExact(claimsCents, claims), by);
        }
    }

    /** Capitation: what the fund pays a provider per patient registered with it, per epoch. */
    record CapitationRate(int purpose, long amountCentsPerPatient) implements Entity {
        public EntityKey key() {
            return Keys.capitationRate(purpose);
        }
    }

    /** The provider a member chose for a purpose under capitation (a "médecin traitant"). */
    record PatientChoice(Address member, int purpose, Address provider) implements Entity {
        public EntityKey key() {
            return Keys.patientChoice(member, purpose);
        }
    }

    /**
     * The members who chose a provider for a purpose: {@code current} for epoch {@code epoch} (what that
     * epoch's capitation pays), {@code next} from the following epoch on. A choice counts from the next epoch,
     * so a member moving between doctors is never paid twice in one epoch.
     */
    record PatientCount(Address provider, int purpose, long current, long next, int epoch) implements Entity {
        public EntityKey key() {
            return Keys.patientCount(provider, purpose);
        }

        /** The counts as of {@code later}: what was to come has come. */
        public PatientCount asOf(int later) {
            return later > epoch ? new PatientCount(provider, purpose, next, next, later) : this;
        }
    }

    /** A capitation paid to a provider for an epoch: paid once. */
    record CapitationClaim(Address provider, int purpose, int epoch, long patients, long amountCents)
            implements Entity {
        public EntityKey key() {
            return Keys.capitationClaim(provider, purpose, epoch);
        }
    }

    /**
     * How a purpose's allowance is modulated for the members of a territory and of its sub-territories (cost
     * of living, overseas...): {@code steps} in effective-epoch order; the nearest territory with a step in
     * force decides. 10 000 basis points leave the allowance unchanged.
     */
    record TerritoryModulation(String territory, int purpose, List<ModulationStep> steps) implements Entity {
        public TerritoryModulation {
            steps = List.copyOf(steps);
        }

        public EntityKey key() {
            return Keys.territoryModulation(purpose, territory);
        }

        /** The basis points in force at {@code epoch}, or -1 if none of the steps is yet. */
        public int basisPointsAt(int epoch) {
            int bps = -1;
            for (ModulationStep s : steps) {
                if (s.effectiveFromEpoch() <= epoch) {
                    bps = s.basisPoints();
                }
            }
            return bps;
        }
    }

    record ModulationStep(int effectiveFromEpoch, int basisPoints) {}

    /** The territories with a modulation for a purpose, so that issuance loads them all at once. */
    record ModulatedTerritories(int purpose, List<String> territories) implements Entity {
        public ModulatedTerritories {
            territories = List.copyOf(territories);
        }

        public EntityKey key() {
            return Keys.modulatedTerritories(purpose);
        }
    }

    /** The proposals of a body still open to votes: a change of its members settles them again. */
    record BodyAgenda(int body, List<Long> openProposals) implements Entity {
        public BodyAgenda {
            openProposals = List.copyOf(openProposals);
        }

        public EntityKey key() {
            return Keys.bodyAgenda(body);
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

    // ---------------------------------------------------------------- provider directory

    /** A social or ecological criterion (ORGANIC_SUPPLY, LOCAL_SUPPLY...): bit {@code id} of a profile's mask. */
    record Criterion(int id, String code, String name) implements Entity {
        public EntityKey key() {
            return Keys.criterion(id);
        }
    }

    /**
     * What the directory shows of a provider (an organisation, so a name is fine on the public ledger): its
     * name, its specialty ("grocer", "general practitioner") and the criteria attested by those who convention
     * it, bit i for criterion i.
     */
    record ProviderProfile(Address provider, String name, String specialty, int criteriaMask) implements Entity {
        public EntityKey key() {
            return Keys.providerProfile(provider);
        }
    }

    /**
     * The directory index: a provider's convention for a purpose, filed under the convention's territory so
     * that the providers of a territory are one prefix scan. The state has no deletion, so when a convention
     * moves to another territory its old entry is written again with {@code live} false; readers skip it.
     */
    record DirectoryEntry(String territory, Address provider, int purpose, boolean live) implements Entity {
        public EntityKey key() {
            return Keys.directoryEntry(territory, provider, purpose);
        }
    }

    /** Counters of the directory: the criteria declared, whose ids are 0..criterionCount-1. */
    record DirectoryMeta(int criterionCount) implements Entity {
        public EntityKey key() {
            return Keys.DIRECTORY_META;
        }
    }

    // ---------------------------------------------------------------- settlement attestations

    /**
     * A euro settlement batch the bridge attested, under its hash (64 lower-case hex digits): what auditors tie
     * the bank's payments to. {@code bridge} is the account that attested it.
     */
    record SettlementAttestation(String batchHashHex, String batchId, String window, long totalCents,
                                 long contributionsCents, long publicAccountsCents, long monetaryCreationCents,
                                 long lineCount, long firstBlock, long lastBlock, Address bridge) implements Entity {
        public EntityKey key() {
            return Keys.settlementAttestation(batchHashHex);
        }
    }

    /**
     * Running totals of every attested batch, per funding source, and the number of batches: auditors compare
     * them with what the ledger paid (redemptions, claims, capitation). {@code attestedCents} is always the sum
     * of the three sources.
     */
    record SettlementTotals(long attestedCents, long contributionsCents, long publicAccountsCents,
                            long monetaryCreationCents, long batches) implements Entity {
        public static final SettlementTotals ZERO = new SettlementTotals(0, 0, 0, 0, 0);

        public EntityKey key() {
            return Keys.SETTLEMENT_TOTALS;
        }
    }
}
