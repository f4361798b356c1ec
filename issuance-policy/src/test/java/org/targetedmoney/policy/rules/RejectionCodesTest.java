package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.REGISTRAR;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import static org.targetedmoney.policy.abi.CallDecoder.ACTIONS;

import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;

/**
 * One story per rejection code: every code the rules can return is reachable, and a rejected call never
 * changes the state. READ_ONLY is the ABI decoder's (see CallDecoderTest).
 */
class RejectionCodesTest {

    /** For each code, a call that gets it on a ledger where Alice (Sète) has a month of food and a grocer is conventioned. */
    private static final Map<RejectionCode, Function<LedgerFixture, Rejection>> STORIES =
            new EnumMap<>(RejectionCode.class);

    static {
        STORIES.put(RejectionCode.FORBIDDEN_ROLE, l -> l.rejected(STRANGER, new Call.OpenEpoch(1),
                RejectionCode.FORBIDDEN_ROLE));
        STORIES.put(RejectionCode.OUT_OF_SCOPE, l -> l.rejected(COMMITTEE_34,
                new Call.ConventionProvider(GROCER, List.of(FOOD), "FR-IDF", 0, 1), RejectionCode.OUT_OF_SCOPE));
        STORIES.put(RejectionCode.UNKNOWN_PURPOSE, l -> l.rejected(ALICE, l.payCall(GROCER, 42, 1),
                RejectionCode.UNKNOWN_PURPOSE));
        STORIES.put(RejectionCode.UNKNOWN_TERRITORY, l -> l.rejected(REGISTRAR,
                new Call.EnrolMember(STRANGER, "FR-BRE", 1), RejectionCode.UNKNOWN_TERRITORY));
        STORIES.put(RejectionCode.ALREADY_EXISTS, l -> l.rejected(AUTHORITY, new Call.AddTerritory("FR"),
                RejectionCode.ALREADY_EXISTS));
        STORIES.put(RejectionCode.INVALID_ARGUMENT, l -> l.rejected(AUTHORITY, new Call.AddPurpose("x", "y"),
                RejectionCode.INVALID_ARGUMENT));
        STORIES.put(RejectionCode.NOT_MEMBER, l -> l.rejected(STRANGER, l.payCall(GROCER, FOOD, 1),
                RejectionCode.NOT_MEMBER));
        STORIES.put(RejectionCode.ALREADY_ENROLLED, l -> l.rejected(REGISTRAR,
                new Call.EnrolMember(ALICE, "FR", 1), RejectionCode.ALREADY_ENROLLED));
        STORIES.put(RejectionCode.NOT_CONVENTIONED, l -> l.rejected(ALICE, l.payCall(STRANGER, FOOD, 1),
                RejectionCode.NOT_CONVENTIONED));
        STORIES.put(RejectionCode.CONVENTION_SUSPENDED, l -> {
            l.ok(AUTHORITY, new Call.SuspendConvention(GROCER, FOOD));
            return l.rejected(ALICE, l.payCall(GROCER, FOOD, 1), RejectionCode.CONVENTION_SUSPENDED);
        });
        STORIES.put(RejectionCode.CONVENTION_NOT_IN_FORCE, l -> {
            l.atEpoch(1001);
            return l.rejected(ALICE, l.payCall(GROCER, FOOD, 1), RejectionCode.CONVENTION_NOT_IN_FORCE);
        });
        STORIES.put(RejectionCode.TERRITORY_NOT_COVERED, l -> {
            l.convention(LedgerFixture.PARIS_MARKET, "FR-IDF-75", FOOD);
            return l.rejected(ALICE, l.payCall(LedgerFixture.PARIS_MARKET, FOOD, 1),
                    RejectionCode.TERRITORY_NOT_COVERED);
        });
        STORIES.put(RejectionCode.INSUFFICIENT_BALANCE, l -> l.rejected(ALICE, l.payCall(GROCER, FOOD, 15_001),
                RejectionCode.INSUFFICIENT_BALANCE));
        STORIES.put(RejectionCode.INVALID_AMOUNT, l -> l.rejected(ALICE, l.payCall(GROCER, FOOD, 0),
                RejectionCode.INVALID_AMOUNT));
        STORIES.put(RejectionCode.EPOCH_NOT_REACHED, l -> l.rejected(AUTHORITY, new Call.OpenEpoch(1),
                RejectionCode.EPOCH_NOT_REACHED));
        STORIES.put(RejectionCode.EPOCH_ALREADY_OPEN, l -> l.rejected(AUTHORITY, new Call.OpenEpoch(0),
                RejectionCode.EPOCH_ALREADY_OPEN));
        STORIES.put(RejectionCode.POLICY_IN_PAST, l -> l.rejected(AUTHORITY,
                new Call.SetAllowancePolicy(FOOD, List.of(1L), 1, 0), RejectionCode.POLICY_IN_PAST));
        STORIES.put(RejectionCode.NO_TARIFF, l -> {
            l.convention(LedgerFixture.DOCTOR, "FR-OCC-34", LedgerFixture.HEALTH);
            return l.rejected(LedgerFixture.DOCTOR, ClaimRulesTest.claim(ALICE, "G", 2_650, 1), RejectionCode.NO_TARIFF);
        });
        STORIES.put(RejectionCode.ABOVE_TARIFF, l -> {
            ClaimRulesTest.doctorWithTariff(l);
            return l.rejected(LedgerFixture.DOCTOR, ClaimRulesTest.claim(ALICE, "G", 3_000, 1),
                    RejectionCode.ABOVE_TARIFF);
        });
        STORIES.put(RejectionCode.DUPLICATE_CLAIM, l -> {
            ClaimRulesTest.doctorWithTariff(l);
            l.ok(LedgerFixture.DOCTOR, ClaimRulesTest.claim(ALICE, "G", 2_650, 1));
            return l.rejected(LedgerFixture.DOCTOR, ClaimRulesTest.claim(ALICE, "G", 2_650, 1),
                    RejectionCode.DUPLICATE_CLAIM);
        });
        STORIES.put(RejectionCode.UNKNOWN_BODY, l -> l.rejected(AUTHORITY,
                new Call.SetBodyMembers(1, List.of(ALICE), 1), RejectionCode.UNKNOWN_BODY));
        STORIES.put(RejectionCode.INVALID_QUORUM, l -> l.rejected(AUTHORITY,
                new Call.CreateBody("C", "FR", 1, List.of(ALICE), 2), RejectionCode.INVALID_QUORUM));
        STORIES.put(RejectionCode.NOT_BODY_MEMBER, l -> GovernanceRulesTest.withBodies(l).rejected(ALICE,
                GovernanceRulesTest.proposal(GovernanceRulesTest.HERAULT,
                        GovernanceRulesTest.conventionGrocerIn("FR-OCC-34")), RejectionCode.NOT_BODY_MEMBER));
        STORIES.put(RejectionCode.UNKNOWN_PROPOSAL, l -> l.rejected(ALICE, new Call.Vote(1, true),
                RejectionCode.UNKNOWN_PROPOSAL));
        STORIES.put(RejectionCode.ALREADY_VOTED, l -> governed(l).rejected(GovernanceRulesTest.L1,
                new Call.Vote(1, false), RejectionCode.ALREADY_VOTED));
        STORIES.put(RejectionCode.PROPOSAL_CLOSED, l -> {
            governed(l).ok(GovernanceRulesTest.L2, new Call.Vote(1, true));
            return l.rejected(GovernanceRulesTest.L3, new Call.Vote(1, true), RejectionCode.PROPOSAL_CLOSED);
        });
        STORIES.put(RejectionCode.PROPOSAL_EXPIRED, l -> governed(l).atEpoch(l.timeEpoch() + 5)
                .rejected(GovernanceRulesTest.L2, new Call.Vote(1, true), RejectionCode.PROPOSAL_EXPIRED));
        STORIES.put(RejectionCode.PROPOSAL_NOT_READY, l -> governed(l).rejected(STRANGER,
                new Call.ExecuteProposal(1), RejectionCode.PROPOSAL_NOT_READY));
        STORIES.put(RejectionCode.OUT_OF_COMPETENCE, l -> GovernanceRulesTest.withBodies(l).rejected(
                GovernanceRulesTest.L1, GovernanceRulesTest.proposal(GovernanceRulesTest.HERAULT,
                        GovernanceRulesTest.conventionGrocerIn("FR-IDF")), RejectionCode.OUT_OF_COMPETENCE));
        STORIES.put(RejectionCode.NOT_GOVERNABLE, l -> GovernanceRulesTest.withBodies(l).rejected(
                GovernanceRulesTest.L1, GovernanceRulesTest.proposal(GovernanceRulesTest.HERAULT,
                        GovernanceRulesTest.action("redeem", new org.web3j.abi.datatypes.generated.Uint32(FOOD),
                                new org.web3j.abi.datatypes.generated.Uint256(1))), RejectionCode.NOT_GOVERNABLE));
        STORIES.put(RejectionCode.UNKNOWN_CATEGORY, l -> l.rejected(ALICE,
                new Call.Pay(GROCER, FOOD, 1, LedgerFixture.ref(1), 1), RejectionCode.UNKNOWN_CATEGORY));
        STORIES.put(RejectionCode.CATEGORY_NOT_CONVENTIONED, l -> {
            l.ok(AUTHORITY, new Call.AddCategory(FOOD, "LOCAL", "Local"));
            l.ok(AUTHORITY, new Call.AddCategory(FOOD, "OTHER", "Other"));
            l.ok(COMMITTEE_34, new Call.RestrictConvention(GROCER, FOOD, List.of(1)));
            return l.rejected(ALICE, new Call.Pay(GROCER, FOOD, 1, LedgerFixture.ref(1), 2),
                    RejectionCode.CATEGORY_NOT_CONVENTIONED);
        });
        STORIES.put(RejectionCode.BUDGET_EXCEEDED, l -> l.rejected(AUTHORITY,
                new Call.SetTerritoryBudget("FR-OCC-34", FOOD, 1), RejectionCode.BUDGET_EXCEEDED));
        STORIES.put(RejectionCode.NO_CAPITATION, l -> {
            l.convention(LedgerFixture.DOCTOR, "FR-OCC-34", LedgerFixture.HEALTH);
            return l.rejected(LedgerFixture.DOCTOR, new Call.ClaimCapitation(LedgerFixture.HEALTH, 0),
                    RejectionCode.NO_CAPITATION);
        });
        STORIES.put(RejectionCode.POLICY_OVERLAP, l -> {
            l.ok(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(1L), 1, 5));
            return l.rejected(AUTHORITY, new Call.SetAllowancePolicy(FOOD, List.of(2L), 1, 3),
                    RejectionCode.POLICY_OVERLAP);
        });
        STORIES.put(RejectionCode.UNKNOWN_CRITERION, l -> l.rejected(AUTHORITY,
                new Call.DescribeProvider(GROCER, "Épicerie du port", "grocer", 1), RejectionCode.UNKNOWN_CRITERION));
        STORIES.put(RejectionCode.CONVENTION_REVOKED, l -> {
            l.ok(COMMITTEE_34, new Call.RevokeConvention(GROCER, FOOD));
            return l.rejected(ALICE, l.payCall(GROCER, FOOD, 1), RejectionCode.CONVENTION_REVOKED);
        });
        STORIES.put(RejectionCode.ALREADY_ATTESTED, l -> {
            l.ok(AUTHORITY, new Call.GrantRole(LedgerFixture.BRIDGE, Role.BRIDGE.bit(), ""));
            l.ok(LedgerFixture.BRIDGE, SettlementRulesTest.batch(SettlementRulesTest.HASH_1));
            return l.rejected(LedgerFixture.BRIDGE, SettlementRulesTest.batch(SettlementRulesTest.HASH_1),
                    RejectionCode.ALREADY_ATTESTED);
        });
        STORIES.put(RejectionCode.ATTESTATION_TOTALS_MISMATCH, l -> {
            l.ok(AUTHORITY, new Call.GrantRole(LedgerFixture.BRIDGE, Role.BRIDGE.bit(), ""));
            return l.rejected(LedgerFixture.BRIDGE, new Call.AttestSettlement(SettlementRulesTest.HASH_1, "B-1",
                    "2026-11", 100, 50, 49, 0, 1, 1, 1), RejectionCode.ATTESTATION_TOTALS_MISMATCH);
        });
        STORIES.put(RejectionCode.LIMIT_EXCEEDED, l -> {
            for (int i = l.state.meta().purposeCount() + 1; i <= Limits.MAX_PURPOSES; i++) {
                l.ok(AUTHORITY, new Call.AddPurpose("P" + i, "p"));
            }
            return l.rejected(AUTHORITY, new Call.AddPurpose("EXTRA", "p"), RejectionCode.LIMIT_EXCEEDED);
        });
    }

    /** The bodies of GovernanceRulesTest, with an open proposal 1 of the Hérault committee (L1 approved it). */
    private static LedgerFixture governed(LedgerFixture l) {
        GovernanceRulesTest.withBodies(l).ok(GovernanceRulesTest.L1, GovernanceRulesTest.proposal(
                GovernanceRulesTest.HERAULT, GovernanceRulesTest.conventionGrocerIn("FR-OCC-34")));
        return l;
    }

    private static LedgerFixture aliceWithAMonthOfFood() {
        LedgerFixture l = LedgerFixture.fresh();
        l.enrol(ALICE, "FR-OCC-34-172", 1).convention(GROCER, "FR-OCC-34", FOOD);
        l.open(0);
        return l;
    }

    @Test
    void everyRuleCode_isReachable_andItsRejectionChangesNothing() {
        assertThat(STORIES.keySet()).isEqualTo(EnumSet.complementOf(EnumSet.of(RejectionCode.READ_ONLY)));
        STORIES.forEach((code, story) -> assertThat(story.apply(aliceWithAMonthOfFood()).code()).isEqualTo(code));
    }

    @Test
    void apply_neverMutatesTheViewItIsGiven_evenWhenApplied() {
        LedgerFixture l = aliceWithAMonthOfFood();
        byte[] before = l.root();

        Outcome outcome = Rules.apply(l.state, l.ctx(ALICE), l.payCall(GROCER, FOOD, 100), ACTIONS);

        assertThat(outcome).isInstanceOf(Outcome.Applied.class);
        assertThat(l.root()).isEqualTo(before);
    }

    @Test
    void execute_advancesTheNonceWhetherTheCallIsAppliedOrRejected() {
        LedgerFixture l = aliceWithAMonthOfFood();

        Rules.Execution applied = Rules.execute(l.state, l.ctx(ALICE), 0, l.payCall(GROCER, FOOD, 100), ACTIONS);
        assertThat(applied.outcome()).isInstanceOf(Outcome.Applied.class);
        assertThat(applied.nonceWrite()).isEqualTo(new Entity.Nonce(ALICE, 1));
        l.state.put(applied.nonceWrite());

        Rules.Execution rejected = Rules.execute(l.state, l.ctx(ALICE), 1, l.payCall(GROCER, FOOD, 0), ACTIONS);
        assertThat(rejected.outcome()).isInstanceOf(Outcome.Rejected.class);
        assertThat(rejected.nonceWrite()).isEqualTo(new Entity.Nonce(ALICE, 2));
    }

    @Test
    void execute_withAnythingButTheNextNonce_isRefusedAsANodeBug() {
        LedgerFixture l = aliceWithAMonthOfFood();
        l.state.put(new Entity.Nonce(ALICE, 5));

        for (long wrong : new long[] {0, 4, 6}) {
            assertThatThrownBy(() -> Rules.execute(l.state, l.ctx(ALICE), wrong, l.payCall(GROCER, FOOD, 1), ACTIONS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("next nonce 5");
        }
    }

    @Test
    void rejection_reasonText_startsWithTheStableCode() {
        assertThat(new Rejection(RejectionCode.NOT_CONVENTIONED, "no convention").reasonText())
                .isEqualTo("NOT_CONVENTIONED: no convention");
    }

    @Test
    void rejectionCodes_areAStablePublicContract() {
        assertThat(RejectionCode.values()).extracting(Enum::name).containsExactly(
                "FORBIDDEN_ROLE", "OUT_OF_SCOPE", "UNKNOWN_PURPOSE", "UNKNOWN_TERRITORY", "ALREADY_EXISTS",
                "INVALID_ARGUMENT", "NOT_MEMBER", "ALREADY_ENROLLED", "NOT_CONVENTIONED", "CONVENTION_SUSPENDED",
                "CONVENTION_NOT_IN_FORCE", "TERRITORY_NOT_COVERED", "INSUFFICIENT_BALANCE", "INVALID_AMOUNT",
                "EPOCH_NOT_REACHED", "EPOCH_ALREADY_OPEN", "POLICY_IN_PAST", "LIMIT_EXCEEDED", "READ_ONLY",
                "ABOVE_TARIFF", "NO_TARIFF", "DUPLICATE_CLAIM", "UNKNOWN_BODY", "INVALID_QUORUM",
                "NOT_BODY_MEMBER", "UNKNOWN_PROPOSAL", "ALREADY_VOTED", "PROPOSAL_CLOSED", "PROPOSAL_EXPIRED",
                "PROPOSAL_NOT_READY", "OUT_OF_COMPETENCE", "NOT_GOVERNABLE", "UNKNOWN_CATEGORY",
                "CATEGORY_NOT_CONVENTIONED", "BUDGET_EXCEEDED", "NO_CAPITATION", "POLICY_OVERLAP",
                "UNKNOWN_CRITERION", "CONVENTION_REVOKED", "ALREADY_ATTESTED", "ATTESTATION_TOTALS_MISMATCH");
    }

}
