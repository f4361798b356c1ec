package org.targetedmoney.node.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.targetedmoney.netconfig.demo.DemoKeys;
import org.targetedmoney.netconfig.demo.DemoNetwork;
import org.targetedmoney.netconfig.demo.Programmes;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.model.Role;
import org.targetedmoney.wallet.core.LedgerAbi;
import org.targetedmoney.wallet.core.LedgerConnection;
import org.targetedmoney.wallet.core.LedgerRequestException;
import org.targetedmoney.wallet.governance.GovernanceClient;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/**
 * A node started from the demo genesis of each programme ({@code network-config demo --programme NAME}) shows,
 * through eth_call, the purposes, bodies, tariffs and allowance policies the programme lists, and its last body
 * decides by vote of its demo members from the start.
 */
class ProgrammeGenesisNodeTest {
    @TempDir
    Path dir;

    static List<String> programmes() {
        return Programmes.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programmes")
    void node_fromAProgrammesDemoGenesis_showsItThroughJsonRpc(String name) throws Exception {
        DemoNetwork.Demo demo = DemoNetwork.generate(Programmes.byName(name).orElseThrow(), new DemoNetwork.Options(
                DemoNetwork.DEFAULT_CHAIN_ID, Instant.ofEpochSecond(TestNetwork.GENESIS_TIME), null, "demo"));
        DemoNetwork.write(demo, dir.resolve("config"), false);
        Path genesisFile = dir.resolve("config").resolve(DemoNetwork.GENESIS_FILE);
        assertThat(Files.exists(genesisFile)).isTrue();
        NodeConfig config = new NodeConfig(genesisFile, dir.resolve("data"), "127.0.0.1", TestNetwork.freePort(),
                TestNetwork.freePort(), TestNetwork.midGenesisMonth());
        try (LedgerNode node = LedgerNode.start(config)) {
            LedgerConnection ledger = LedgerConnection.connect("http://127.0.0.1:" + node.rpcPort());
            Genesis genesis = demo.genesis();
            assertPurposesAndPolicies(ledger, genesis);
            assertTariffs(ledger, genesis);
            assertBodies(ledger, genesis);
            assertThat(LedgerAbi.asLong(ledger.call(LedgerAbi.rolesOf(demo.keys().byLabel("authority").address()
                    .toHex())).get(0)) & Role.AUTHORITY.mask()).isNotZero();
            lastBodyConventionsAProviderByVote(ledger, demo);
        }
    }

    private static void assertPurposesAndPolicies(LedgerConnection ledger, Genesis genesis) throws Exception {
        assertThat(LedgerAbi.asLong(ledger.call(LedgerAbi.purposeCount()).get(0))).isEqualTo(genesis.purposes().size());
        for (int id = 1; id <= genesis.purposes().size(); id++) {
            String symbol = genesis.purposes().get(id - 1).symbol();
            assertThat(ledger.call(LedgerAbi.purposeInfo(id)).get(0).getValue()).isEqualTo(symbol);
            Genesis.AllowanceSpec expected = genesis.allowancePolicies().stream()
                    .filter(p -> p.purposeSymbol().equals(symbol)).findFirst().orElse(null);
            Policy policy = policyOf(ledger, id, TestNetwork.EPOCH);
            assertThat(policy).as(symbol).isEqualTo(expected == null ? new Policy(0, List.of(), 0)
                    : new Policy(1, expected.amountCentsByHouseholdSize(), expected.expiryEpochs()));
        }
    }

    private static void assertTariffs(LedgerConnection ledger, Genesis genesis) throws Exception {
        for (Genesis.TariffSpec tariff : genesis.tariffs()) {
            assertThat(tariffOf(ledger, purposeId(genesis, tariff.purposeSymbol()), tariff.actCode()))
                    .as(tariff.actCode()).isEqualTo(tariff.maxAmountCents());
        }
        assertThat(tariffOf(ledger, 1, "NOT-AN-ACT")).isEqualTo(-1);
    }

    private static void assertBodies(LedgerConnection ledger, Genesis genesis) throws Exception {
        GovernanceClient reader = new GovernanceClient(ledger, TestNetwork.AUTHORITY);
        for (int id = 1; id <= genesis.bodies().size(); id++) {
            Genesis.BodySpec expected = genesis.bodies().get(id - 1);
            GovernanceClient.Body body = reader.body(id);
            assertThat(body.name()).isEqualTo(expected.name());
            assertThat(body.territory()).isEqualTo(expected.territory());
            assertThat(body.kind()).isEqualTo(expected.kind() == BodyKind.NATIONAL
                    ? GovernanceClient.NATIONAL : GovernanceClient.LOCAL);
            assertThat(body.quorum()).isEqualTo(expected.quorum());
            assertThat(body.members())
                    .containsExactlyElementsOf(expected.members().stream().map(a -> a.toHex()).toList());
            assertThat(body.account()).isEqualTo(BodyKind.account(id).toHex());
        }
        int next = genesis.bodies().size() + 1;
        assertThatThrownBy(() -> reader.body(next)).isInstanceOf(LedgerRequestException.class)
                .hasMessageContaining("UNKNOWN_BODY");
    }

    /** The last body of the genesis, through its demo members' keys: a proposal and quorum - 1 more approvals. */
    private static void lastBodyConventionsAProviderByVote(LedgerConnection ledger, DemoNetwork.Demo demo)
            throws Exception {
        Genesis genesis = demo.genesis();
        int bodyId = genesis.bodies().size();
        Genesis.BodySpec body = genesis.bodies().getLast();
        List<DemoKeys.Account> members = body.members().stream().map(a -> demo.keys().accounts().stream()
                .filter(k -> k.address().equals(a)).findFirst().orElseThrow()).toList();
        String provider = demo.keys().ofKind(DemoKeys.Kind.PROVIDER).getFirst().address().toHex();
        long proposal = new GovernanceClient(ledger, members.getFirst().credentials()).propose(bodyId,
                LedgerAbi.conventionProvider(provider, List.of(1), body.territory(), TestNetwork.EPOCH,
                        TestNetwork.EPOCH + 12));
        for (DemoKeys.Account member : members.subList(1, body.quorum())) {
            new GovernanceClient(ledger, member.credentials()).vote(proposal, true);
        }
        assertThat(new GovernanceClient(ledger, members.getFirst().credentials()).proposal(proposal).status())
                .isEqualTo("executed");
        assertThat(LedgerAbi.asLong(ledger.call(LedgerAbi.rolesOf(provider)).get(0)) & Role.PROVIDER.mask())
                .isNotZero();
    }

    private static int purposeId(Genesis genesis, String symbol) {
        for (int i = 0; i < genesis.purposes().size(); i++) {
            if (genesis.purposes().get(i).symbol().equals(symbol)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    /** The tariff of an act in cents, or -1 if it has none. */
    @SuppressWarnings("rawtypes")
    private static long tariffOf(LedgerConnection ledger, int purpose, String actCode) throws Exception {
        List<Type> out = ledger.call(new Function("tariffOf", List.of(new Uint32(purpose), new Utf8String(actCode)),
                List.of(new TypeReference<Bool>() {}, new TypeReference<Uint256>() {})));
        return (Boolean) out.get(0).getValue() ? ((BigInteger) out.get(1).getValue()).longValueExact() : -1;
    }

    record Policy(long version, List<Long> amounts, long expiryEpochs) {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Policy policyOf(LedgerConnection ledger, int purpose, int epoch) throws Exception {
        List<Type> out = ledger.call(new Function("policyOf", List.of(new Uint32(purpose), new Uint32(epoch)),
                List.of(new TypeReference<Uint32>() {}, new TypeReference<DynamicArray<Uint256>>() {},
                        new TypeReference<Uint32>() {}, new TypeReference<Uint32>() {})));
        List<Long> amounts = ((DynamicArray<Uint256>) out.get(1)).getValue().stream()
                .map(v -> v.getValue().longValueExact()).toList();
        return new Policy(LedgerAbi.asLong(out.get(0)), amounts, LedgerAbi.asLong(out.get(2)));
    }
}
