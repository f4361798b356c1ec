package org.targetedmoney.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.policy.LedgerFixture.ALICE;
import static org.targetedmoney.policy.LedgerFixture.AUTHORITY;
import static org.targetedmoney.policy.LedgerFixture.FOOD;
import static org.targetedmoney.policy.LedgerFixture.GROCER;
import static org.targetedmoney.policy.LedgerFixture.STRANGER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.LedgerFixture;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.ProposalStatus;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.policy.state.Entity;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/**
 * Democratic governance: bodies with members and a quorum decide by proposals and votes, and act through
 * their own account, within the competence of their kind and territory.
 */
class GovernanceRulesTest {
    static final Address N1 = LedgerFixture.address(0x3001);
    static final Address N2 = LedgerFixture.address(0x3002);
    static final Address N3 = LedgerFixture.address(0x3003);
    static final Address L1 = LedgerFixture.address(0x3101);
    static final Address L2 = LedgerFixture.address(0x3102);
    static final Address L3 = LedgerFixture.address(0x3103);
    /** Body ids given by {@link #withBodies}. */
    static final int NATIONAL = 1;
    static final int HERAULT = 2;

    private final LedgerFixture ledger = withBodies(LedgerFixture.fresh());

    /** A national body (3 members, quorum 2) and the food committee of Hérault (3 members, quorum 2). */
    static LedgerFixture withBodies(LedgerFixture l) {
        l.ok(AUTHORITY, new Call.CreateBody("Conseil national", "FR", BodyKind.NATIONAL.code(), List.of(N1, N2, N3), 2));
        l.ok(AUTHORITY, new Call.CreateBody("Comité SSA Hérault", "FR-OCC-34", BodyKind.LOCAL.code(),
                List.of(L1, L2, L3), 2));
        return l;
    }

    /** The ABI call data of a ledger function, in hex, as a proposal carries it. */
    @SuppressWarnings("rawtypes")
    static String action(String function, Type... args) {
        return FunctionEncoder.encode(new Function(function, List.of(args), List.of())).substring(2);
    }

    static String conventionGrocerIn(String territory) {
        return action("conventionProvider", new org.web3j.abi.datatypes.Address(GROCER.toHex()),
                new DynamicArray<>(Uint32.class, List.of(new Uint32(FOOD))), new Utf8String(territory),
                new Uint32(0), new Uint32(24));
    }

    static Call.Propose proposal(int body, String action) {
        return new Call.Propose(body, action, 0, 0, 2);
    }

    private Entity.Proposal stored(long id) {
        return ledger.state.proposal(id);
    }

    @Test
    void createBody_byTheAuthority_givesTheBodyAnAccountWithTheRoleOfItsKind() {
        Entity.Account national = ledger.state.account(BodyKind.account(NATIONAL));
        Entity.Account local = ledger.state.account(BodyKind.account(HERAULT));

        assertThat(national.has(Role.AUTHORITY)).isTrue();
        assertThat(local.has(Role.COMMITTEE)).isTrue();
        assertThat(local.has(Role.AUTHORITY)).isFalse();
        assertThat(local.scopeTerritory()).isEqualTo("FR-OCC-34");
        assertThat(ledger.state.body(HERAULT).members()).containsExactly(L1, L2, L3);
        assertThat(BodyKind.account(HERAULT).toHex()).isEqualTo("0x000000000000000000000000b0d1000000000002");
    }

    @Test
    void createBody_badInput_isRejectedWithItsCode() {
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR", 1, List.of(L1, L2), 3), RejectionCode.INVALID_QUORUM);
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR", 1, List.of(L1, L2), 0), RejectionCode.INVALID_QUORUM);
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR", 7, List.of(L1), 1), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR", 1, List.of(L1, L1), 1),
                RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR", 1, List.of(), 1), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(AUTHORITY, new Call.CreateBody("C", "FR-BRE", 1, List.of(L1), 1),
                RejectionCode.UNKNOWN_TERRITORY);
        ledger.rejected(STRANGER, new Call.CreateBody("C", "FR", 1, List.of(L1), 1), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void propose_byOneMember_staysOpenUntilTheQuorumApproves_thenRunsAsTheBody() {
        Outcome.Applied proposed = ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.OPEN.code());
        assertThat(stored(1).approvals()).containsExactly(L1);
        assertThat(ledger.state.convention(GROCER, FOOD)).isNull();
        assertThat(LedgerFixture.events(proposed, LedgerEvent.ProposalCreated.class)).hasSize(1);

        Outcome.Applied approved = ledger.ok(L2, new Call.Vote(1, true));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.EXECUTED.code());
        assertThat(ledger.state.convention(GROCER, FOOD).territory()).isEqualTo("FR-OCC-34");
        assertThat(LedgerFixture.events(approved, LedgerEvent.ProviderConventioned.class)).hasSize(1);
        assertThat(LedgerFixture.events(approved, LedgerEvent.ProposalStatusChanged.class))
                .extracting(LedgerEvent.ProposalStatusChanged::status)
                .containsExactly(ProposalStatus.APPROVED.code(), ProposalStatus.EXECUTED.code());
    }

    @Test
    void propose_outsideTheCommitteesTerritory_rejectsOutOfCompetence() {
        Rejection r = ledger.rejected(L1, proposal(HERAULT, conventionGrocerIn("FR-IDF")),
                RejectionCode.OUT_OF_COMPETENCE);
        assertThat(r.detail()).contains("FR-OCC-34").contains("FR-IDF");
    }

    @Test
    void propose_aNationalDecisionByALocalCommittee_rejectsOutOfCompetence() {
        ledger.rejected(L1, proposal(HERAULT, action("addTerritory", new Utf8String("FR-BRE"))),
                RejectionCode.OUT_OF_COMPETENCE);
    }

    @Test
    void propose_byANonMember_rejectsNotBodyMember() {
        ledger.rejected(N1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")), RejectionCode.NOT_BODY_MEMBER);
        ledger.rejected(L1, proposal(9, conventionGrocerIn("FR-OCC-34")), RejectionCode.UNKNOWN_BODY);
    }

    @Test
    void propose_aPaymentOrAVote_rejectsNotGovernable() {
        String pay = action("pay", new org.web3j.abi.datatypes.Address(GROCER.toHex()), new Uint32(FOOD),
                new Uint256(1), new Bytes32(new byte[32]));
        ledger.rejected(L1, proposal(HERAULT, pay), RejectionCode.NOT_GOVERNABLE);
        ledger.rejected(L1, proposal(HERAULT, action("executeProposal", new org.web3j.abi.datatypes.generated.Uint64(1))),
                RejectionCode.NOT_GOVERNABLE);
    }

    @Test
    void propose_anActionThatIsNotALedgerCall_rejectsInvalidArgument() {
        ledger.rejected(L1, proposal(HERAULT, "deadbeef"), RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34").substring(0, 40)),
                RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(L1, new Call.Propose(HERAULT, conventionGrocerIn("FR-OCC-34"), 0, -1, 2),
                RejectionCode.INVALID_ARGUMENT);
        ledger.rejected(L1, new Call.Propose(HERAULT, conventionGrocerIn("FR-OCC-34"), 0, 0, 0),
                RejectionCode.INVALID_ARGUMENT);
    }

    @Test
    void vote_twiceOrByANonMember_isRejected() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));

        ledger.rejected(L1, new Call.Vote(1, true), RejectionCode.ALREADY_VOTED);
        ledger.rejected(N1, new Call.Vote(1, true), RejectionCode.NOT_BODY_MEMBER);
        ledger.rejected(L1, new Call.Vote(2, true), RejectionCode.UNKNOWN_PROPOSAL);
    }

    @Test
    void vote_enoughAgainst_rejectsTheProposalForGood() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));
        ledger.ok(L2, new Call.Vote(1, false));
        ledger.ok(L3, new Call.Vote(1, false));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.REJECTED.code());
        assertThat(ledger.state.convention(GROCER, FOOD)).isNull();
        ledger.rejected(AUTHORITY, new Call.ExecuteProposal(1), RejectionCode.PROPOSAL_CLOSED);
    }

    @Test
    void vote_afterTheVotingPeriod_rejectsProposalExpired() {
        ledger.ok(L1, new Call.Propose(HERAULT, conventionGrocerIn("FR-OCC-34"), 0, 0, 2));
        ledger.atEpoch(ledger.timeEpoch() + 2);

        ledger.rejected(L2, new Call.Vote(1, true), RejectionCode.PROPOSAL_EXPIRED);
    }

    @Test
    void approvedWithADelay_runsOnlyWhenSomeoneExecutesItAfterTheDelay() {
        String policy = action("setAllowancePolicy", new Uint32(FOOD),
                new DynamicArray<>(Uint256.class, List.of(new Uint256(12_000))), new Uint32(3), new Uint32(5));
        ledger.ok(N1, new Call.Propose(NATIONAL, policy, 0, LedgerFixture.EPOCH_SECONDS / 2, 2));
        ledger.ok(N2, new Call.Vote(1, true));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.APPROVED.code());
        ledger.rejected(STRANGER, new Call.ExecuteProposal(1), RejectionCode.PROPOSAL_NOT_READY);

        ledger.atEpoch(ledger.timeEpoch() + 1);
        int versionsBefore = ledger.state.purpose(FOOD).policyVersions();
        ledger.ok(STRANGER, new Call.ExecuteProposal(1));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.EXECUTED.code());
        assertThat(ledger.state.purpose(FOOD).policyVersions()).isEqualTo(versionsBefore + 1);
    }

    @Test
    void approvedFromALaterEpoch_waitsForThatEpoch() {
        int from = ledger.timeEpoch() + 2;
        ledger.ok(L1, new Call.Propose(HERAULT, conventionGrocerIn("FR-OCC-34"), from, 0, 2));
        ledger.ok(L2, new Call.Vote(1, true));
        ledger.atEpoch(from - 1);
        ledger.rejected(L3, new Call.ExecuteProposal(1), RejectionCode.PROPOSAL_NOT_READY);

        ledger.atEpoch(from);
        ledger.ok(L3, new Call.ExecuteProposal(1));

        assertThat(ledger.state.convention(GROCER, FOOD)).isNotNull();
    }

    @Test
    void executeProposal_beforeApproval_rejectsNotReady() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));

        ledger.rejected(L1, new Call.ExecuteProposal(1), RejectionCode.PROPOSAL_NOT_READY);
    }

    @Test
    void approvedAction_refusedByTheRules_isRecordedAsFailedAndChangesNothingElse() {
        ledger.ok(N1, proposal(NATIONAL, action("addTerritory", new Utf8String("FR"))));
        int territories = ledger.state.meta().territoryCount();

        ledger.ok(N2, new Call.Vote(1, true));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.FAILED.code());
        assertThat(stored(1).outcome()).startsWith("ALREADY_EXISTS: ");
        assertThat(ledger.state.meta().territoryCount()).isEqualTo(territories);
    }

    @Test
    void setBodyMembers_byTheBodysOwnProposal_replacesMembersAndQuorum() {
        String change = action("setBodyMembers", new Uint32(HERAULT), new DynamicArray<>(
                org.web3j.abi.datatypes.Address.class, List.of(new org.web3j.abi.datatypes.Address(L1.toHex()),
                new org.web3j.abi.datatypes.Address(ALICE.toHex()))), new Uint32(1));
        ledger.ok(L1, proposal(HERAULT, change));
        ledger.ok(L3, new Call.Vote(1, true));

        assertThat(ledger.state.body(HERAULT).members()).containsExactly(L1, ALICE);
        assertThat(ledger.state.body(HERAULT).quorum()).isEqualTo(1);
        // With a quorum of 1, a member's proposal runs at once.
        ledger.ok(ALICE, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));
        assertThat(ledger.state.convention(GROCER, FOOD)).isNotNull();
    }

    @Test
    void setBodyMembers_badInput_isRejected() {
        ledger.rejected(AUTHORITY, new Call.SetBodyMembers(HERAULT, List.of(L1), 2), RejectionCode.INVALID_QUORUM);
        ledger.rejected(AUTHORITY, new Call.SetBodyMembers(7, List.of(L1), 1), RejectionCode.UNKNOWN_BODY);
        ledger.rejected(L1, new Call.SetBodyMembers(HERAULT, List.of(L1), 1), RejectionCode.FORBIDDEN_ROLE);
    }

    @Test
    void membersRemovedDuringTheVote_noLongerCount() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));
        ledger.ok(AUTHORITY, new Call.SetBodyMembers(HERAULT, List.of(L2, L3), 2));

        ledger.ok(L2, new Call.Vote(1, true));

        assertThat(stored(1).status()).as("L1's approval left with L1").isEqualTo(ProposalStatus.OPEN.code());
        ledger.ok(L3, new Call.Vote(1, true));
        assertThat(stored(1).status()).isEqualTo(ProposalStatus.EXECUTED.code());
    }

    @Test
    void changeOfMembers_settlesOpenProposalsAtOnce_approvingThoseItsMembersAlreadyApproved() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));
        ledger.ok(L2, proposal(HERAULT, action("suspendConvention", new org.web3j.abi.datatypes.Address(
                GROCER.toHex()), new Uint32(FOOD))));

        ledger.ok(AUTHORITY, new Call.SetBodyMembers(HERAULT, List.of(L1, L3), 1));

        assertThat(stored(1).status()).as("L1 approved it, and alone is now a quorum")
                .isEqualTo(ProposalStatus.APPROVED.code());
        ledger.ok(STRANGER, new Call.ExecuteProposal(1));
        assertThat(stored(1).status()).isEqualTo(ProposalStatus.EXECUTED.code());
        assertThat(stored(2).status()).as("its proposer left: nobody of the body approved it yet")
                .isEqualTo(ProposalStatus.OPEN.code());
        assertThat(ledger.state.convention(GROCER, FOOD)).isNotNull();
    }

    @Test
    void aRefusingVote_afterTheQuorumWasLowered_neverApproves() {
        ledger.ok(L1, proposal(HERAULT, conventionGrocerIn("FR-OCC-34")));
        ledger.ok(AUTHORITY, new Call.SetBodyMembers(HERAULT, List.of(L2, L3), 1));
        assertThat(stored(1).status()).isEqualTo(ProposalStatus.OPEN.code());

        ledger.ok(L2, new Call.Vote(1, false));

        assertThat(stored(1).status()).isEqualTo(ProposalStatus.OPEN.code());
    }
}
