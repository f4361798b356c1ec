package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.node.run.TestNetwork.AUTHORITY;
import static org.targetedmoney.node.run.TestNetwork.EPOCH;
import static org.targetedmoney.node.run.TestNetwork.FOOD;
import static org.targetedmoney.node.run.TestNetwork.HEALTH;
import static org.targetedmoney.node.run.TestNetwork.SHOP;
import static org.targetedmoney.node.run.TestNetwork.address;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.netconfig.genesis.GenesisWriter;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.governance.GovernanceClient;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;

/**
 * A node started from a genesis that already has a national body, the SSA committee of Hérault and a health
 * tariff schedule: the bodies and tariffs are visible through eth_call from block 0, and the bodies decide by
 * vote without the authority ever creating them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenesisBodiesNodeTest {
    static final Credentials N1 = TestNetwork.key(400);
    static final Credentials N2 = TestNetwork.key(401);
    static final Credentials L1 = TestNetwork.key(410);
    static final Credentials L2 = TestNetwork.key(411);
    static final int NATIONAL = 1;
    static final int HERAULT = 2;
    static final long CONSULTATION_CENTS = 2_650;

    @TempDir
    static Path dir;
    LedgerNode node;
    LedgerConnection ledger;

    static Genesis genesis() {
        return TestNetwork.genesis().withBodiesAndTariffs(List.of(
                        new Genesis.BodySpec("Conseil national", "FR", BodyKind.NATIONAL,
                                List.of(address(N1), address(N2)), 2),
                        new Genesis.BodySpec("Comité SSA Hérault", "FR-OCC-34", BodyKind.LOCAL,
                                List.of(address(L1), address(L2)), 2)),
                List.of(new Genesis.TariffSpec("HEALTH", "G", CONSULTATION_CENTS),
                        new Genesis.TariffSpec("HEALTH", "AMI", 315)));
    }

    @BeforeAll
    void start() throws Exception {
        // TestNetwork.config keeps a genesis file already in the directory, so the node starts from this one.
        GenesisWriter.write(genesis(), dir.resolve("genesis.json"));
        node = LedgerNode.start(TestNetwork.config(dir, TestNetwork.midGenesisMonth()));
        ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @SuppressWarnings("rawtypes")
    private Tariff tariffOf(int purpose, String actCode) throws Exception {
        List<Type> out = ledger.call(new Function("tariffOf", List.of(new Uint32(purpose), new Utf8String(actCode)),
                List.of(new TypeReference<Bool>() {}, new TypeReference<Uint256>() {})));
        return new Tariff((Boolean) out.get(0).getValue(), ((BigInteger) out.get(1).getValue()).longValueExact());
    }

    record Tariff(boolean set, long maxAmountCents) {}

    @Test
    void bodyOf_genesisBodies_showTheirKindMembersQuorumAndAccount() throws Exception {
        GovernanceClient reader = new GovernanceClient(ledger, N1);

        GovernanceClient.Body national = reader.body(NATIONAL);
        assertThat(national.name()).isEqualTo("Conseil national");
        assertThat(national.kind()).isEqualTo(GovernanceClient.NATIONAL);
        assertThat(national.members()).containsExactly(N1.getAddress(), N2.getAddress());
        assertThat(national.quorum()).isEqualTo(2);
        assertThat(national.account()).isEqualTo("0x000000000000000000000000b0d1000000000001");
        assertThat(reader.body(HERAULT).territory()).isEqualTo("FR-OCC-34");
        assertThat(reader.body(HERAULT).kind()).isEqualTo(GovernanceClient.LOCAL);
    }

    @Test
    void tariffOf_genesisTariffs_areSetFromBlockZero() throws Exception {
        assertThat(tariffOf(HEALTH, "AMI")).isEqualTo(new Tariff(true, 315));
        assertThat(tariffOf(HEALTH, "MD")).isEqualTo(new Tariff(false, 0));
        assertThat(tariffOf(FOOD, "AMI")).isEqualTo(new Tariff(false, 0));
    }

    @Test
    void genesisBodies_decideByVote_theCommitteeConventionsAndTheNationalBodyChangesATariff() throws Exception {
        long convention = new GovernanceClient(ledger, L1).propose(HERAULT, LedgerAbi.conventionProvider(
                SHOP.getAddress(), List.of(FOOD), "FR-OCC-34", EPOCH, EPOCH + 12));
        new GovernanceClient(ledger, L2).vote(convention, true);
        long tariff = new GovernanceClient(ledger, N1).propose(NATIONAL, LedgerAbi.setTariff(HEALTH, "G", 3_000));
        new GovernanceClient(ledger, N2).vote(tariff, true);

        assertThat(new GovernanceClient(ledger, L1).proposal(convention).status()).isEqualTo("executed");
        assertThat(new GovernanceClient(ledger, N1).proposal(tariff).status()).isEqualTo("executed");
        assertThat(tariffOf(HEALTH, "G")).isEqualTo(new Tariff(true, 3_000));
    }

    @Test
    void aBodyCreatedOnLedger_getsTheIdAfterTheGenesisBodies() throws Exception {
        int created = new GovernanceClient(ledger, AUTHORITY).createBody("Comité SSA Paris", "FR-IDF-75",
                GovernanceClient.LOCAL, List.of(L1.getAddress()), 1);

        assertThat(created).isEqualTo(3);
    }
}
