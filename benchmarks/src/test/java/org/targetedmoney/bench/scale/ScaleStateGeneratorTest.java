package org.targetedmoney.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetedmoney.node.ledger.RocksChainStore;
import org.targetedmoney.policy.rules.Conservation;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.Keys;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateRoots;

/** The generated state is one the node's own rules accept, so the benchmarks measure a real ledger. */
class ScaleStateGeneratorTest {
    private static final int MEMBERS = 1_000;
    /** For the test that generates several times. */
    private static final int FEW = 10;

    /** One generated store for the tests that only read it (or copy it, as ScaleNode does). */
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        ScaleStateGenerator.generate(shared.resolve("scale"), MEMBERS);
    }

    private static MemoryState load(Path dir) {
        MemoryState state = new MemoryState();
        try (RocksChainStore store = RocksChainStore.open(dir)) {
            store.loadState(state::put);
        }
        return state;
    }

    @Test
    void generatedState_holdsItsMembers_countersAndConservation() {
        MemoryState state = load(shared.resolve("scale"));

        List<Entity.Member> members = new ArrayList<>();
        state.scan(Keys.membersPrefix(), e -> members.add((Entity.Member) e));
        assertThat(members).hasSize(MEMBERS).contains(ScaleMembers.member(0), ScaleMembers.member(MEMBERS - 1));
        assertThat(state.meta().memberCount()).isEqualTo(MEMBERS);
        assertThat(state.meta().lastOpenedEpoch()).isEqualTo(ScaleGenesis.FIRST_EPOCH);

        Map<String, Long> recount = new HashMap<>();
        members.forEach(m -> recount.merge(m.territory() + "/" + m.householdSize(), 1L, Long::sum));
        Map<String, Long> counters = new HashMap<>();
        state.scan(Keys.enrolmentCountsPrefix(), e -> {
            Entity.EnrolmentCount c = (Entity.EnrolmentCount) e;
            counters.put(c.territory() + "/" + c.householdSize(), c.count());
        });
        assertThat(counters).isEqualTo(recount).hasSizeGreaterThan(ScaleGenesis.MEMBER_TERRITORIES.size());

        long expectedFood = members.stream()
                .mapToLong(m -> ScaleGenesis.FOOD_CENTS_BY_HOUSEHOLD.get(m.householdSize() - 1)).sum();
        assertThat(state.totals(ScaleGenesis.FOOD).issuedCents()).isEqualTo(expectedFood);
        assertThat(Conservation.check(state)).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void nodeAppliesFirstPaymentAndNextOpening_onTheGeneratedState() {
        Path dir = shared.resolve("scale");
        try (ScaleNode node = ScaleNode.open(dir, MEMBERS, false)) {
            byte[] ref = new byte[32];
            node.apply(ScaleTxs.entry(FirstPaymentScaleBenchmark.PAYMENT_TIME, ScaleMembers.address(7),
                    ScaleTxs.pay(ScaleGenesis.FOOD_SHOP, ScaleGenesis.FOOD, FirstPaymentScaleBenchmark.BASKET_CENTS,
                            ref, 0)));
            int next = ScaleGenesis.FIRST_EPOCH + 1;
            node.apply(ScaleTxs.entry(ScaleTxs.epochStartSeconds(next), ScaleGenesis.AUTHORITY,
                    ScaleTxs.openEpoch(next, node.nonce(ScaleGenesis.AUTHORITY))));
            node.requireAllApplied();
            assertThat(node.meta().lastOpenedEpoch()).isEqualTo(next);
            assertThat(node.nonce(ScaleMembers.address(7))).isEqualTo(1);
        }
        assertThat(ScaleStateGenerator.readMarker(dir)).as("the generated store itself is untouched").isNotNull();
        MemoryState state = load(dir);
        assertThat(state.meta().lastOpenedEpoch()).isEqualTo(ScaleGenesis.FIRST_EPOCH);
        assertThat(state.nonce(ScaleMembers.address(7))).isZero();
    }

    @Test
    void ensure_reusesACompleteStore_andRegeneratesAnIncompleteOne() throws Exception {
        Path dir = tmp.resolve("scale");
        ScaleStateGenerator.Summary first = ScaleStateGenerator.ensure(dir, FEW);
        assertThat(ScaleStateGenerator.ensure(dir, FEW)).isEqualTo(first);

        Files.delete(dir.resolve(ScaleStateGenerator.MARKER));
        ScaleStateGenerator.Summary again = ScaleStateGenerator.ensure(dir, FEW);
        assertThat(again.genesisRoot()).as("deterministic").isEqualTo(first.genesisRoot());
        assertThat(load(dir).meta().memberCount()).isEqualTo(FEW);
        assertThat(ScaleStateGenerator.ensure(dir, FEW + 1).members()).as("another size").isEqualTo(FEW + 1);
    }

    @Test
    void streamingRoot_equalsTheNodesStateRoot() {
        List<Entity> all = new ArrayList<>(load(shared.resolve("scale")).all());
        for (int n : new int[] {0, 1, 2, 3, 5, 6, 7, 8, 9, 17, all.size()}) {
            StreamingRoot root = new StreamingRoot();
            all.subList(0, n).forEach(root::add);
            assertThat(root.root()).as("%d entities", n).isEqualTo(StateRoots.root(all.subList(0, n)));
        }
    }
}
