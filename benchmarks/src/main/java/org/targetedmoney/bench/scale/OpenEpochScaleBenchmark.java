package org.targetedmoney.bench.scale;

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

/**
 * Opening an epoch on a ledger of {@code memberCount} members, as a validator pays for it: one Raft
 * entry holding the authority's signed {@code openEpoch(e)} goes through the node's
 * {@link org.targetedmoney.node.ledger.LedgerApplier}, which decodes it, executes it as a block on the
 * in-memory state (the node keeps the whole state in memory, loaded from RocksDB at start) and stores
 * the block with its state writes in one RocksDB write, synced as on the node ({@code syncWrites=true})
 * or not ({@code false}: what remains besides the disk's flush latency, where any growth with the
 * number of members would show). Reported: average time per opening.
 *
 * <p>State: the generated store of {@link ScaleStateGenerator} (N members, epoch 682 open), copied per
 * trial by {@link ScaleNode}. Invocation k opens epoch 682 + k, with the block stamped 00:00 UTC on the
 * epoch's first day. Each opening meets exactly the state a real next opening meets, the one the previous
 * invocation left, so nothing needs undoing: it issues FOOD to every (territory, household size) class
 * from the enrolment counters and, from the fourth opening on, expires the FOOD credit of the epoch
 * three months back (O(1) in that epoch's counters). No member is read or written. The invocation setup
 * (signing the transaction, building the entry) is not timed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OpenEpochScale} (both sizes, with and without
 * fsync; the first run generates the stores, minutes for 10 M; see BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", ScaleNode.HEAP})
public class OpenEpochScaleBenchmark {
    @Param({"1000000", "10000000"})
    long memberCount;

    /** true: fsync each block, as the node does; false: the same work minus the disk's flush latency. */
    @Param({"true", "false"})
    boolean syncWrites;

    ScaleNode node;
    int epoch;
    long nonce;
    byte[] entry;

    @Setup(Level.Trial)
    public void start() {
        node = ScaleNode.open(memberCount, syncWrites);
        epoch = node.meta().lastOpenedEpoch();
        nonce = node.nonce(ScaleGenesis.AUTHORITY);
    }

    @Setup(Level.Invocation)
    public void nextOpening() {
        epoch++;
        byte[] raw = ScaleTxs.openEpoch(epoch, nonce++);
        entry = ScaleTxs.entry(ScaleTxs.epochStartSeconds(epoch), ScaleGenesis.AUTHORITY, raw);
    }

    @Benchmark
    public void openEpoch() {
        node.apply(entry);
    }

    @TearDown(Level.Iteration)
    public void check() {
        node.requireAllApplied();
        if (node.meta().lastOpenedEpoch() != epoch) {
            throw new IllegalStateException("last opened epoch is " + node.meta().lastOpenedEpoch() + ", not " + epoch);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        node.close();
    }
}
