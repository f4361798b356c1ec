package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;
import static org.targetedmoney.node.run.TestNetwork.SHOP;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.governance.GovernanceClient;
import org.targetedmoney.wallet.member.MemberClient;
import org.web3j.crypto.Credentials;

/**
 * The food social security run by its committees through JSON-RPC: the authority sets up a national body
 * and the food committee of Hérault; the committee conventions a shop and the national body opens the
 * month by proposals and votes; a member then spends with the shop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceScenarioTest {
    static final Credentials N1 = TestNetwork.key(300);
    static final Credentials N2 = TestNetwork.key(301);
    static final Credentials L1 = TestNetwork.key(310);
    static final Credentials L2 = TestNetwork.key(311);
    static final Credentials L3 = TestNetwork.key(312);

    @TempDir
    static Path dir;
    LedgerNode node;
    LedgerConnection ledger;
    int national;
    int herault;

    @BeforeAll
    void start() throws Exception {
        node = LedgerNode.start(TestNetwork.config(dir, TestNetwork.midGenesisMonth()));
        ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
        GovernanceClient authority = new GovernanceClient(ledger, AUTHORITY);
        national = authority.createBody("Conseil national SSA", "FR", GovernanceClient.NATIONAL,
                List.of(N1.getAddress(), N2.getAddress()), 2);
        herault = authority.createBody("Comité SSA Hérault", "FR-OCC-34", GovernanceClient.LOCAL,
                List.of(L1.getAddress(), L2.getAddress(), L3.getAddress()), 2);
        new AuthorityClient(ledger, REGISTRAR).enrolMember(ALICE.getAddress(), "FR-OCC-34-172", 2);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void committeeAndNationalBody_decideByVote_thenAMemberSpendsWithTheConventionedShop() throws Exception {
        GovernanceClient l1 = new GovernanceClient(ledger, L1);
        long convention = l1.propose(herault, LedgerAbi.conventionProvider(SHOP.getAddress(), List.of(FOOD),
                "FR-OCC-34", EPOCH, EPOCH + 12));
        assertThat(l1.proposal(convention).status()).isEqualTo("open");

        new GovernanceClient(ledger, L2).vote(convention, true);
        long opening = new GovernanceClient(ledger, N1).propose(national, LedgerAbi.openEpoch(EPOCH));
        new GovernanceClient(ledger, N2).vote(opening, true);

        assertThat(l1.proposal(convention).status()).isEqualTo("executed");
        assertThat(l1.proposal(opening).status()).isEqualTo("executed");
        MemberClient alice = new MemberClient(ledger, ALICE);
        assertThat(alice.balance(FOOD)).isEqualTo(25_000);
        alice.pay(SHOP.getAddress(), FOOD, 4_200, new byte[32]);
        assertThat(alice.balance(FOOD)).isEqualTo(20_800);
    }

    @Test
    void committee_proposingOutsideItsTerritory_isRefusedWithOutOfCompetence() {
        GovernanceClient l1 = new GovernanceClient(ledger, L1);

        assertThatThrownBy(() -> l1.propose(herault, LedgerAbi.conventionProvider(SHOP.getAddress(), List.of(FOOD),
                "FR-IDF", EPOCH, EPOCH + 12)))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("OUT_OF_COMPETENCE"));
    }

    @Test
    void bodyOf_showsMembersQuorumAndTheAccountTheBodyActsThrough() throws Exception {
        GovernanceClient.Body body = new GovernanceClient(ledger, L1).body(herault);

        assertThat(body.territory()).isEqualTo("FR-OCC-34");
        assertThat(body.kind()).isEqualTo(GovernanceClient.LOCAL);
        assertThat(body.quorum()).isEqualTo(2);
        assertThat(body.members()).containsExactly(L1.getAddress(), L2.getAddress(), L3.getAddress());
        assertThat(body.account()).isEqualTo("0x000000000000000000000000b0d1000000000002");
    }

    @Test
    void proposal_rejectedByTheCommittee_neverRuns() throws Exception {
        GovernanceClient l1 = new GovernanceClient(ledger, L1);
        long suspend = l1.propose(herault, LedgerAbi.suspendConvention(SHOP.getAddress(), FOOD));

        new GovernanceClient(ledger, L2).vote(suspend, false);
        new GovernanceClient(ledger, L3).vote(suspend, false);

        assertThat(l1.proposal(suspend).status()).isEqualTo("rejected");
        assertThatThrownBy(() -> new GovernanceClient(ledger, L2).execute(suspend))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("PROPOSAL_CLOSED"));
    }
}
