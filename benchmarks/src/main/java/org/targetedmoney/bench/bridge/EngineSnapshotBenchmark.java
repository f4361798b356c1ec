package org.targetedmoney.bench.bridge;

import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.snapshot.SnapshotFrame;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * The engine snapshot of a 100 000-line state ({@link BridgeWorkload}: one settled weekly window, every batch
 * funded and in one payment order, so the state holds the lines, the batches, the order and one instructed attempt
 * per transfer): {@code take} = {@code BridgeEngine.writeState} and the frame (CRC32C) as the writer thread does
 * it; {@code restore} = frame check and {@code readState} into a new engine (batch ids and hashes recomputed,
 * indexes rebuilt) as start-up does it. The store's write is not included. The set-up prints the snapshot's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class EngineSnapshotBenchmark {
    static final int LINES = 100_000;
    static final int PROVIDERS = 1_000;

    @Param({"net", "gross"})
    String mode;

    Map<String, Payee> payees;
    BridgeEngine engine;
    byte[] snapshot;

    @Setup(Level.Trial)
    public void setUp() {
        payees = BridgeWorkload.payees(PROVIDERS);
        engine = BridgeWorkload.engine(SettlementMode.parse(mode), payees);
        List<BridgeInput.CreditReceived> credits = BridgeWorkload.credits().stream()
                .map(BridgeInput.CreditReceived::new).toList();
        BridgeWorkload.settle(engine, credits, BridgeWorkload.read(BridgeWorkload.lines(LINES, PROVIDERS)),
                BridgeWorkload.cut());
        snapshot = take();
        BridgeEngine back = restore();
        if (!back.view().equals(engine.view())) {
            throw new IllegalStateException("the restored engine differs");
        }
        System.out.printf("%n# snapshot of %d lines (%s): %d bytes (%.1f per line)%n", LINES, mode, snapshot.length,
                snapshot.length / (double) LINES);
    }

    @Benchmark
    public byte[] take() {
        StateWriter out = new StateWriter(1 << 20);
        engine.writeState(out);
        return new SnapshotFrame(1, engine.configurationFingerprint(), out.toByteArray()).encode();
    }

    @Benchmark
    public BridgeEngine restore() {
        SnapshotFrame frame = SnapshotFrame.decode(snapshot);
        BridgeEngine fresh = BridgeWorkload.engine(SettlementMode.parse(mode), payees);
        fresh.readState(new StateReader(frame.state()));
        return fresh;
    }
}
