package org.targetedmoney.netconfig.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.genesis.Genesis;
import org.targetedmoney.policy.genesis.GenesisState;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.model.BodyKind;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.MemoryState;

/**
 * The genesis reader accepts a body or a tariff exactly when the ledger's own {@code createBody} or
 * {@code setTariff} would, at the edges of each limit: the reader keeps its own copy of some checks (the act
 * code pattern is not public in the rules), and this keeps the copies honest.
 */
class GenesisMatchesLedgerRulesTest {
    private static final Genesis BASE = GenesisFixtures.demoGenesis().withBodiesAndTariffs(List.of(), List.of());
    private static final Address AUTHORITY = BASE.accounts().get(0).address();

    private static boolean ledgerAccepts(Call call) {
        MemoryState state = new MemoryState();
        state.putAll(GenesisState.entities(BASE));
        TxContext ctx = new TxContext(AUTHORITY, 1, BASE.timestampSeconds() + 1,
                BASE.epochScheme().epochAt(BASE.timestampSeconds()));
        return Rules.apply(state, ctx, call, CallDecoder.ACTIONS) instanceof Outcome.Applied;
    }

    private static boolean genesisAccepts(ObjectNode tree) {
        try {
            GenesisReader.parse(tree.toString());
            return true;
        } catch (GenesisException e) {
            return false;
        }
    }

    @Test
    void actCodes_acceptedByTheGenesisExactlyWhenSetTariffAcceptsThem() {
        List<String> codes = List.of("G", "AMI", "C2.5", "K-10", "A_B", "9", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ",
                "", "g", "_G", ".G", "-G", "G ", "G/2", "É");
        for (String code : codes) {
            ObjectNode tree = GenesisFixtures.demoTree();
            tree.putArray("tariffs").addObject().put("purpose", "HEALTH").put("actCode", code).put("maxAmountCents", 100);
            assertThat(genesisAccepts(tree)).as("act code \"%s\"", code)
                    .isEqualTo(ledgerAccepts(new Call.SetTariff(1, code, 100)));
        }
    }

    @Test
    void tariffAmounts_acceptedByTheGenesisExactlyWhenSetTariffAcceptsThem() {
        for (long cents : new long[] {-1, 0, 1, GenesisLimits.MAX_TARIFF_CENTS, GenesisLimits.MAX_TARIFF_CENTS + 1}) {
            ObjectNode tree = GenesisFixtures.demoTree();
            ((ObjectNode) tree.withArray("tariffs").get(0)).put("maxAmountCents", cents);
            assertThat(genesisAccepts(tree)).as("%d cents", cents)
                    .isEqualTo(ledgerAccepts(new Call.SetTariff(1, "G", cents)));
        }
    }

    @Test
    void bodyNamesMembersAndQuorums_acceptedByTheGenesisExactlyWhenCreateBodyAcceptsThem() {
        String emoji = "\uD83C\uDF3E";
        for (String name : List.of("C", "é".repeat(64), "é".repeat(65), emoji.repeat(32), emoji.repeat(32) + "x")) {
            assertAgree(name, 3, 2);
        }
        for (int members : new int[] {1, GenesisLimits.MAX_BODY_MEMBERS, GenesisLimits.MAX_BODY_MEMBERS + 1}) {
            assertAgree("Comité", members, 1);
        }
        for (int quorum : new int[] {-1, 0, 1, 3, 4}) {
            assertAgree("Comité", 3, quorum);
        }
    }

    private static void assertAgree(String name, int memberCount, int quorum) {
        List<Address> members = IntStream.rangeClosed(1, memberCount)
                .mapToObj(i -> Address.fromHex(String.format("0x%040x", 0x5000 + i))).toList();
        ObjectNode tree = GenesisFixtures.demoTree();
        ObjectNode body = (ObjectNode) tree.withArray("bodies").get(1);
        body.put("name", name).put("quorum", quorum);
        ArrayNode list = body.putArray("members");
        members.forEach(m -> list.add(m.toHex()));
        boolean ledger = ledgerAccepts(new Call.CreateBody(name, "FR-OCC-34", BodyKind.LOCAL.code(), members, quorum));
        assertThat(genesisAccepts(tree)).as("name %s, %d members, quorum %d", name, memberCount, quorum)
                .isEqualTo(ledger);
    }
}
