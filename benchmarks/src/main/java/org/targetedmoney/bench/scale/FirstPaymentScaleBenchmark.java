package org.targetedmoney.bench.scale;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.policy.model.Address;

/**
 * A member's first payment of the epoch on a ledger of {@code memberCount} members, as a validator pays
 * for it: one Raft entry holding the member's signed {@code pay(shop, FOOD, 42.50 EUR)} goes through the
 * node's {@link org.targetedmoney.node.ledger.LedgerApplier} (decode, execute as a block on the in-memory
 * state, one RocksDB write of the block and its state writes, synced as on the node with
 * {@code syncWrites=true}, not with {@code false}). Reported: average time per payment.
 *
 * <p>State: the generated store of {@link ScaleStateGenerator} (N members, epoch 682 open, nobody has
 * paid yet), copied per trial by {@link ScaleNode}. The invocation setup (not timed) draws a member
 * uniformly at random among those not drawn before in the trial, so never touched since the epoch
 * opened and holding only implicit credit, then signs its payment (nonce 0) and builds the entry. The
 * timed payment materialises that credit (the FOOD allowance of epoch 682 for the member's household
 * size, looking at no more than {@code Limits.MAX_EXPIRY_EPOCHS} epochs), spends from it, and writes the
 * member with its remaining bucket, the shop's balance, the epoch's counters, the FOOD totals and the
 * member's nonce. A trial draws a few thousand of the N members, so the draw never runs dry.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FirstPaymentScale} (both sizes, with and without
 * fsync; see BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", ScaleNode.HEAP})
public class FirstPaymentScaleBenchmark {
    /** A grocery basket: below the smallest household's monthly 150 EUR, so every first payment passes. */
    static final long BASKET_CENTS = 4_250;
    /** Fixed, so that runs at 1 M and 10 M draw comparable sequences. */
    static final long DRAW_SEED = 20_261_101L;
    /** An hour into epoch 682: every payment of the trial falls in the epoch the generator opened. */
    static final long PAYMENT_TIME = ScaleGenesis.GENESIS_TIMESTAMP + 3_600;

    @Param({"1000000", "10000000"})
    long memberCount;

    /** true: fsync each block, as the node does; false: the same work minus the disk's flush latency. */
    @Param({"true", "false"})
    boolean syncWrites;

    ScaleNode node;
    SplittableRandom draw;
    BitSet drawn;
    byte[] entry;

    @Setup(Level.Trial)
    public void start() {
        node = ScaleNode.open(memberCount, syncWrites);
        draw = new SplittableRandom(DRAW_SEED);
        drawn = new BitSet(Math.toIntExact(memberCount));
    }

    @Setup(Level.Invocation)
    public void nextMember() {
        int i;
        do {
            i = draw.nextInt(Math.toIntExact(memberCount));
        } while (drawn.get(i));
        drawn.set(i);
        Address member = ScaleMembers.address(i);
        // The sale's reference carries the member number: every payment, hence every transaction hash, differs.
        byte[] ref = java.nio.ByteBuffer.allocate(32).putLong(24, i).array();
        byte[] raw = ScaleTxs.pay(ScaleGenesis.FOOD_SHOP, ScaleGenesis.FOOD, BASKET_CENTS, ref, 0);
        entry = ScaleTxs.entry(PAYMENT_TIME, member, raw);
    }

    @Benchmark
    public void firstPayment() {
        node.apply(entry);
    }

    @TearDown(Level.Iteration)
    public void check() {
        node.requireAllApplied();
    }

    @TearDown(Level.Trial)
    public void stop() {
        node.close();
    }
}
