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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.settlement.SettlementMode;

/**
 * The service's own path through {@code BridgeEngine.apply} for one weekly window ({@link BridgeWorkload}): a
 * fresh engine takes three credits, then one {@code LinesRead} of {@value #LINES} redemption lines whose head is
 * past the window's end (so the read batches the window per provider, nets or not, and funds every batch by the
 * waterfall), then {@code CutPayments} puts every funded transfer into one payment order ({@code net}: one
 * transfer per provider; {@code gross}: one per line, 100 000 = a full order). Journaling and the pain.001 file
 * are not included (see {@link Pain001Generation}). One operation = one line: the score is lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class BridgeEngineThroughput {
    static final int LINES = 100_000;

    @Param({"net", "gross"})
    String mode;

    /** 1 000 providers (100 lines each on average); fewer providers means larger batches. */
    @Param({"1000"})
    int providers;

    Map<String, Payee> payees;
    List<BridgeInput.CreditReceived> credits;
    BridgeInput.LinesRead read;
    BridgeInput.CutPayments cut;

    @Setup(Level.Trial)
    public void setUp() {
        payees = BridgeWorkload.payees(providers);
        credits = BridgeWorkload.credits().stream().map(BridgeInput.CreditReceived::new).toList();
        read = BridgeWorkload.read(BridgeWorkload.lines(LINES, providers));
        cut = BridgeWorkload.cut();
        PaymentOrder order = settleWindow();
        int expected = mode.equals("net") ? providers : LINES;
        if (order.items().size() != expected) {
            throw new IllegalStateException("expected " + expected + " transfers, got " + order.items().size());
        }
        System.out.printf("%n# payment order: %d transfers, %d cents%n", order.items().size(), order.totalCents());
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public PaymentOrder settleWindow() {
        return BridgeWorkload.settle(BridgeWorkload.engine(SettlementMode.parse(mode), payees), credits, read, cut);
    }
}
