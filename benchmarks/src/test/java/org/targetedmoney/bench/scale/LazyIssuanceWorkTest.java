package org.targetedmoney.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.targetedmoney.policy.abi.CallDecoder;
import org.targetedmoney.policy.call.Call;
import org.targetedmoney.policy.model.Address;
import org.targetedmoney.policy.rules.Limits;
import org.targetedmoney.policy.rules.Outcome;
import org.targetedmoney.policy.rules.Rules;
import org.targetedmoney.policy.rules.TxContext;
import org.targetedmoney.policy.state.Entity;
import org.targetedmoney.policy.state.EntityKey;
import org.targetedmoney.policy.state.MemoryState;
import org.targetedmoney.policy.state.StateView;

/**
 * The work the scale benchmarks time, counted instead: opening an epoch and a member's first payment
 * read and write the same number of entities on the generated ledger whatever its number of members.
 * Counting is immune to the machine's noise; what remains for the timings is the cost of each read
 * (a lookup in the node's ordered in-memory map, O(log N)) and of the write.
 */
class LazyIssuanceWorkTest {
    private static final int SMALL = 1_000;
    private static final int LARGE = 10_000;
    private static final long PAYER = 7;

    /** Counts entities read: each get, and each entity a scan visits. */
    private static final class CountingView implements StateView {
        private final StateView base;
        long reads;

        CountingView(StateView base) {
            this.base = base;
        }

        @Override
        public Entity get(EntityKey key) {
            reads++;
            return base.get(key);
        }

        @Override
        public void scan(byte[] prefix, Consumer<Entity> visitor) {
            base.scan(prefix, e -> {
                reads++;
                visitor.accept(e);
            });
        }
    }

    /** Reads and writes of one call: what does not depend on N must be equal at both sizes. */
    private record Work(long reads, int writes) {}

    /** The generated ledger in memory, as the node holds it: block 0 with its members, then epoch 682 opened. */
    private static MemoryState ledger(int members) {
        ScaleStateGenerator.Tally tally = new ScaleStateGenerator.Tally();
        MemoryState state = new MemoryState();
        for (long i = 0; i < members; i++) {
            Entity.Member m = ScaleMembers.member(i);
            tally.add(m);
            state.put(m);
        }
        state.putAll(tally.block0WithoutMembers(ScaleGenesis.baseState()));
        apply(state, ScaleGenesis.AUTHORITY, new Call.OpenEpoch(ScaleGenesis.FIRST_EPOCH));
        return state;
    }

    private static Work apply(MemoryState state, Address sender, Call call) {
        CountingView view = new CountingView(state);
        // Block time in the epoch being opened, or in the current one for a payment.
        int epoch = call instanceof Call.OpenEpoch open ? open.epoch() : state.meta().lastOpenedEpoch();
        TxContext ctx = new TxContext(sender, 1, ScaleTxs.epochStartSeconds(epoch), epoch);
        Outcome o = Rules.apply(view, ctx, call, CallDecoder.ACTIONS);
        assertThat(o).as("%s", call).isInstanceOf(Outcome.Applied.class);
        List<Entity> writes = ((Outcome.Applied) o).writes();
        state.putAll(writes);
        return new Work(view.reads, writes.size());
    }

    private static Work openNextEpoch(MemoryState state) {
        return apply(state, ScaleGenesis.AUTHORITY, new Call.OpenEpoch(state.meta().lastOpenedEpoch() + 1));
    }

    private static Work firstPayment(MemoryState state) {
        return apply(state, ScaleMembers.address(PAYER),
                new Call.Pay(ScaleGenesis.FOOD_SHOP, ScaleGenesis.FOOD, FirstPaymentScaleBenchmark.BASKET_CENTS,
                        new byte[32]));
    }

    @Test
    void firstPaymentAndNextOpening_doTheSameWork_atTenTimesTheMembers() {
        MemoryState small = ledger(SMALL);
        MemoryState large = ledger(LARGE);
        assertThat(firstPayment(large)).isEqualTo(firstPayment(small));
        // Past the expiry window, so that openings reach the steady state the benchmark measures.
        for (int k = 0; k <= Limits.MAX_EXPIRY_EPOCHS; k++) {
            Work opening = openNextEpoch(small);
            assertThat(openNextEpoch(large)).as("opening %d", k + 1).isEqualTo(opening);
            assertThat(opening.reads()).as("bounded by the expiry window and the enrolment classes")
                    .isLessThan(3L * Limits.MAX_EXPIRY_EPOCHS);
        }
    }
}
