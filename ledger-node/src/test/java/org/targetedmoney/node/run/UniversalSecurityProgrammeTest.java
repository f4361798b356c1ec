package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.targetedmoney.node.run.TestNetwork.ALICE;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.REGISTRAR;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.wallet.auditor.AuditorClient;
import org.targetedmoney.wallet.authority.AuthorityClient;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRejectedException;
import org.targetedmoney.wallet.directory.DirectoryClient;
import org.targetedmoney.wallet.governance.GovernanceClient;
import org.targetedmoney.wallet.member.MemberClient;
import org.web3j.crypto.Credentials;

/**
 * The universal social and ecological security (seed 000) through JSON-RPC, configured as data by the
 * national body: a new purpose (energy) with its allowance, a low-carbon energy cooperative conventioned
 * for Occitanie (local first: a Parisian supplier cannot be paid), a territory budget, the directory, and
 * the planning report with the share of spending that went to low-carbon providers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UniversalSecurityProgrammeTest {
    static final Credentials N1 = TestNetwork.key(400);
    static final Credentials N2 = TestNetwork.key(401);
    static final Credentials ENERCOOP = TestNetwork.key(410);
    static final Credentials PARIS_ENERGY = TestNetwork.key(411);
    /** The third purpose, after HEALTH and FOOD of the test genesis. */
    static final int ENERGY = 3;

    @TempDir
    static Path dir;
    LedgerNode node;
    LedgerConnection ledger;
    int national;

    @BeforeAll
    void start() throws Exception {
        node = LedgerNode.start(TestNetwork.config(dir, TestNetwork.midGenesisMonth()));
        ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
        national = new GovernanceClient(ledger, AUTHORITY).createBody("Conseil national", "FR",
                GovernanceClient.NATIONAL, List.of(N1.getAddress(), N2.getAddress()), 2);
        decide(LedgerAbi.addPurpose("ENERGY", "Energy"));
        decide(LedgerAbi.setAllowancePolicy(ENERGY, List.of(4_000L, 6_000L), 2, EPOCH));
        decide(LedgerAbi.addCriterion("LOW_CARBON", "Low-carbon supply"));
        decide(LedgerAbi.conventionProvider(ENERCOOP.getAddress(), List.of(ENERGY), "FR-OCC", EPOCH, EPOCH + 12));
        decide(LedgerAbi.conventionProvider(PARIS_ENERGY.getAddress(), List.of(ENERGY), "FR-IDF", EPOCH, EPOCH + 12));
        decide(LedgerAbi.describeProvider(ENERCOOP.getAddress(), "Enercoop Occitanie", "energy supplier", 0b1));
        decide(LedgerAbi.setTerritoryBudget("FR-OCC", ENERGY, 1_000_000));
        new AuthorityClient(ledger, REGISTRAR).enrolMember(ALICE.getAddress(), "FR-OCC-34-172", 1);
        decide(LedgerAbi.openEpoch(EPOCH));
    }

    /** The national body decides: one member proposes, the other approves, and the action runs. */
    private void decide(org.web3j.abi.datatypes.Function action) throws Exception {
        GovernanceClient proposer = new GovernanceClient(ledger, N1);
        long p = proposer.propose(national, action);
        new GovernanceClient(ledger, N2).vote(p, true);
        assertThat(proposer.proposal(p).status()).as("proposal %d: %s", p, proposer.proposal(p).outcome())
                .isEqualTo("executed");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void member_spendsEnergyCreditLocallyOnly() throws Exception {
        MemberClient alice = new MemberClient(ledger, ALICE);
        assertThat(alice.balance(ENERGY)).isEqualTo(4_000);

        alice.pay(ENERCOOP.getAddress(), ENERGY, 2_500, new byte[32]);

        assertThat(alice.balance(ENERGY)).isEqualTo(1_500);
        assertThatThrownBy(() -> alice.pay(PARIS_ENERGY.getAddress(), ENERGY, 100, new byte[32]))
                .isInstanceOfSatisfying(LedgerRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo("TERRITORY_NOT_COVERED"));
    }

    @Test
    void directory_listsTheCooperativeServingSete_withItsCriterion() throws Exception {
        DirectoryClient.Page page = new DirectoryClient(ledger).providers(
                DirectoryClient.Query.of("FR-OCC-34-172").withPurpose(ENERGY).withCovering());

        assertThat(page.providers()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Enercoop Occitanie");
            assertThat(p.criteria()).containsExactly("LOW_CARBON");
        });
    }

    @Test
    void policyAboveTheBudget_isRefusedAtProposalExecution() throws Exception {
        GovernanceClient proposer = new GovernanceClient(ledger, N1);
        long p = proposer.propose(national, LedgerAbi.setAllowancePolicy(ENERGY, List.of(2_000_000L), 2, EPOCH + 1));
        new GovernanceClient(ledger, N2).vote(p, true);

        assertThat(proposer.proposal(p).status()).isEqualTo("failed");
        assertThat(proposer.proposal(p).outcome()).startsWith("BUDGET_EXCEEDED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void planning_showsTheShareSpentWithLowCarbonProviders() throws Exception {
        new MemberClient(ledger, ALICE).pay(ENERCOOP.getAddress(), ENERGY, 500, new byte[32]);

        Map<String, Object> report = new AuditorClient(ledger).planning("FR-OCC", ENERGY, EPOCH);

        Map<String, Object> total = (Map<String, Object>) report.get("total");
        assertThat(total).containsEntry("budgetCents", "1000000").containsEntry("entitledCents", "4000");
        List<Map<String, Object>> byCriterion = (List<Map<String, Object>>) total.get("byCriterion");
        assertThat(byCriterion).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("criterion", "LOW_CARBON").containsEntry("shareBasisPoints", 10_000));
    }
}
