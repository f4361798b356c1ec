package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.CAROL;
import static org.targetedmoney.policy.LedgerFixture.COMMITTEE_34;
import static org.targetedmoney.policy.LedgerFixture.CULTURE;
import static org.targetedmoney.policy.LedgerFixture.DOCTOR;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.HEALTH;
import static org.targetedmoney.policy.LedgerFixture.PARIS_MARKET;
import static org.targetedmoney.policy.rules.GovernanceRulesTest.N1;
import static org.targetedmoney.policy.rules.GovernanceRulesTest.NATIONAL;
import static org.targetedmoney.policy.rules.GovernanceRulesTest.action;
import static org.targetedmoney.policy.rules.GovernanceRulesTest.proposal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.EntityCodec;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Cases that cross features (governance with enrolment and issuance, capitation with moves, the directory with
 * conventions, the codec, nested proposals), found by a review of the rules; each failed before its fix.
 */
class CrossFeatureRegressionsTest {

    private static org.web3j.abi.datatypes.Address abi(Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    // ------------------------------------------------------------------ 1. conservation: scans see the base only

    /**
     * Two proposals of the national body settled by one change of its members: the first enrols a member, the
     * second opens the next epoch. The member's credit starts with that epoch, but IssuanceRules.issue counts
     * enrolments with Overlay.scan, which does not see the enrolment written earlier in the same transaction.
     */
    @Test
    void enrolmentAndOpening_settledInOneTransaction_issueWhatTheMemberThenHolds() {
        LedgerFixture ledger = GovernanceRulesTest.withBodies(LedgerFixture.fresh());
        ledger.open(0);
        ledger.ok(AUTHORITY, new Call.GrantRole(BodyKind.account(NATIONAL), Role.REGISTRAR.bit(), ""));
        ledger.ok(N1, proposal(NATIONAL, action("enrolMember", abi(CAROL), new Utf8String("FR-OCC-34"),
                new Uint8(1))));
        ledger.ok(N1, proposal(NATIONAL, action("openEpoch", new Uint32(1))));
        ledger.atEpoch(1);

        ledger.ok(AUTHORITY, new Call.SetBodyMembers(NATIONAL, List.of(N1), 1));
        assertThat(ledger.state.proposal(1).status()).as("a change of members approves, never runs")
                .isEqualTo(ProposalStatus.APPROVED.code());
        ledger.ok(org.targetedmoney.policy.LedgerFixture.STRANGER, new Call.ExecuteProposal(1));
        ledger.ok(org.targetedmoney.policy.LedgerFixture.STRANGER, new Call.ExecuteProposal(2));

        assertThat(ledger.state.proposal(1).status()).isEqualTo(ProposalStatus.EXECUTED.code());
        assertThat(ledger.state.proposal(2).status()).isEqualTo(ProposalStatus.EXECUTED.code());
        assertThat(ledger.lastOpenedEpoch()).isEqualTo(1);
        assertThat(ledger.balance(CAROL, FOOD)).isEqualTo(15_000);
        assertThat(ledger.state.epochCounters(1, FOOD).issuedCents())
                .as("epoch 1 issued the 150 EUR Carol holds").isEqualTo(15_000);
        ledger.assertConserved();
    }

    // ------------------------------------------------------------------ 2. capitation

    /**
     * "Paid ... per registered patient per epoch, once": a patient who moves from one doctor to another after the
     * first has claimed is paid for again in the same epoch (and again for each further move).
     */
    @Test
    void capitation_onePatientMovingBetweenDoctors_isPaidOncePerEpoch() {
        LedgerFixture ledger = CapitationRulesTest.withCapitation(LedgerFixture.fresh());
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.ok(DOCTOR, new Call.ClaimCapitation(HEALTH, 0));
        ledger.ok(ALICE, new Call.ChoosePractitioner(GROCER, HEALTH));

        ledger.apply(GROCER, new Call.ClaimCapitation(HEALTH, 0));

        assertThat(ledger.state.claimsPaid(HEALTH).paidCents())
                .as("one patient, one epoch: one capitation").isEqualTo(CapitationRulesTest.RATE);
    }

    /** A convention past its validity may no longer be paid (conventionRefusal), but capitation still is. */
    @Test
    void capitation_byAProviderWhoseConventionHasExpired_isRejected() {
        LedgerFixture ledger = LedgerFixture.fresh();
        ledger.enrol(ALICE, "FR-OCC-34-172", 1);
        ledger.ok(AUTHORITY, new Call.ConventionProvider(DOCTOR, List.of(HEALTH), "FR-OCC-34", 0, 0));
        ledger.ok(AUTHORITY, new Call.SetCapitation(HEALTH, 500));
        ledger.open(0);
        ledger.ok(ALICE, new Call.ChoosePractitioner(DOCTOR, HEALTH));
        ledger.open(1);

        ledger.rejected(DOCTOR, new Call.ClaimCapitation(HEALTH, 1), RejectionCode.CONVENTION_NOT_IN_FORCE);
    }

    // ------------------------------------------------------------------ 3. directory attestation

    /**
     * The criteria of a provider are "attested by those who convention it". A committee of Hérault may not describe a
     * Paris market the authority conventioned in FR-IDF, but it can convention it itself, for another purpose, in its
     * own territory (no consent, no check of other conventions) and then rewrite the whole national profile.
     */
    @Test
    void describeProvider_aCommitteeCannotGainTheRightBySelfConventioningAProviderOfAnotherTerritory() {
        LedgerFixture ledger = LedgerFixture.fresh();
        ledger.ok(AUTHORITY, new Call.AddCriterion("ORGANIC_SUPPLY", "Organic supply"));
        ledger.convention(PARIS_MARKET, "FR-IDF", FOOD);
        ledger.ok(AUTHORITY, new Call.DescribeProvider(PARIS_MARKET, "Marché d'Aligre", "market", 1));
        ledger.rejected(COMMITTEE_34, new Call.DescribeProvider(PARIS_MARKET, "Marché d'Aligre", "market", 0),
                RejectionCode.OUT_OF_SCOPE);

        ledger.ok(COMMITTEE_34, new Call.ConventionProvider(PARIS_MARKET, List.of(CULTURE), "FR-OCC-34", 0, 0));
        ledger.ok(COMMITTEE_34, new Call.RevokeConvention(PARIS_MARKET, CULTURE));
        ledger.apply(COMMITTEE_34, new Call.DescribeProvider(PARIS_MARKET, "Marché d'Aligre", "market", 0));

        assertThat(ledger.state.providerProfile(PARIS_MARKET).criteriaMask())
                .as("the authority's attestation of a Paris provider stays").isEqualTo(1);
    }

    // ------------------------------------------------------------------ 4. codec

    /** A string of a list read back as null (length 0xFFFFFFFF) makes List.copyOf throw NullPointerException. */
    @Test
    void decode_aNullTerritoryInAList_isReportedAsCorruption() {
        byte purposeBudgets = 31;
        byte modulatedTerritories = 39;
        for (byte kind : new byte[] {purposeBudgets, modulatedTerritories}) {
            byte[] corrupt = {kind, 0, 0, 0, 1, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

            assertThatThrownBy(() -> EntityCodec.decode(corrupt)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("corrupt entity encoding");
        }
    }

    // ------------------------------------------------------------------ 5. recursion through setBodyMembers

    /**
     * National bodies 1..n, each with a proposal (approved by one of two members, quorum 2) to change the members of
     * the next one. One setBodyMembers of body 1 settles them all, recursively, in one transaction: the nesting depth
     * (Rules.apply inside Rules.apply, and Overlay.get through every nested overlay) grows with n, bounded by no Limits
     * constant. Whether the transaction applies or dies with StackOverflowError then depends on the thread stack
     * size of the node, so two nodes (or the node and the auditor) can disagree.
     */
    @Test
    void setBodyMembers_settlingAChainOfProposals_hasABoundedDepth_andAnOutcomeIndependentOfTheStackSize()
            throws InterruptedException {
        int n = 1_500;
        Address m = LedgerFixture.address(0x4001);
        Address x = LedgerFixture.address(0x4002);
        LedgerFixture ledger = LedgerFixture.fresh();
        for (int i = 1; i <= n; i++) {
            ledger.ok(AUTHORITY, new Call.CreateBody("Body " + i, "FR", BodyKind.NATIONAL.code(), List.of(m, x), 2));
        }
        for (int i = 1; i < n; i++) {
            ledger.ok(m, proposal(i, action("setBodyMembers", new Uint32(i + 1),
                    new DynamicArray<>(org.web3j.abi.datatypes.Address.class, List.of(abi(m))), new Uint32(1))));
        }
        Call trigger = new Call.SetBodyMembers(1, List.of(m), 1);

        String small = outcomeWithStack(ledger, trigger, 0); // 0: the JVM default (-Xss)
        String large = outcomeWithStack(ledger, trigger, 1L << 30);

        assertThat(large).isEqualTo("Applied");
        assertThat(small).as("the same transaction on a node with a smaller thread stack").isEqualTo(large);
    }

    private static String outcomeWithStack(LedgerFixture ledger, Call call, long stackBytes)
            throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Outcome o = Rules.apply(ledger.state, ledger.ctx(AUTHORITY), call, CallDecoder.ACTIONS);
                result.set(o.getClass().getSimpleName());
            } catch (Throwable e) {
                result.set(e.getClass().getSimpleName());
            }
        }, "stack-" + stackBytes, stackBytes);
        t.start();
        t.join();
        return result.get();
    }
}
