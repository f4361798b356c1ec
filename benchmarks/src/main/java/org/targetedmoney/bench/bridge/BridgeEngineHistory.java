package org.targetedmoney.bench.bridge;

import java.time.LocalDate;
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
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.BridgeStatus;
import org.targetedmoney.bridge.engine.BridgeView;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.SettlementMode;

/**
 * What one input costs the engine once it has a history: {@code historyWindows} weekly windows of the
 * {@link BridgeWorkload} (100 000 lines each, gross mode, so 100 000 transfers instructed per window and waiting
 * for the bank) are settled first. Then {@code credit} applies one member's contribution (what each accepted POST
 * of the contribution API costs on the writer thread), {@code status} reads the running figures the service
 * reads for each /metrics scrape and GET /v1/status, and {@code view} takes the whole read-only picture (a pass
 * over every batch, which the service once took for those). With no cost per past transfer, {@code credit} and
 * {@code status} stay flat as the history grows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class BridgeEngineHistory {
    @Param({"0", "1", "4"})
    int historyWindows;

    BridgeEngine engine;
    long credits;

    @Setup(Level.Trial)
    public void setUp() {
        engine = BridgeWorkload.engine(SettlementMode.GROSS, BridgeWorkload.payees(1_000));
        for (int k = 0; k < historyWindows; k++) {
            // 2 + 6 million euros a window, earmarked so that creation's monthly ceiling is not needed.
            engine.apply(new BridgeInput.CreditReceived(new FundingCredit("food-fund", SourceKind.CONTRIBUTIONS,
                    BridgeWorkload.week(k).fundingMonth(), 200_000_000L, "history-food-" + k)));
            engine.apply(new BridgeInput.CreditReceived(new FundingCredit("state", SourceKind.PUBLIC_ACCOUNT,
                    BridgeWorkload.week(k).fundingMonth(), 600_000_000L, "history-state-" + k)));
            engine.apply(BridgeWorkload.read(BridgeWorkload.lines(BridgeEngineThroughput.LINES, 1_000, k)));
            Applied cut = engine.apply(new BridgeInput.CutPayments(String.format("TM%012d", k + 1),
                    BridgeWorkload.week(k).endSeconds(), LocalDate.of(2026, 12, 8).plusWeeks(k)));
            if (!(cut instanceof Applied.Ordered o) || o.order().items().size() != BridgeEngineThroughput.LINES) {
                throw new IllegalStateException("window " + k + " was not paid in full: " + (cut instanceof
                        Applied.Ordered o ? o.order().items().size() + " transfers" : cut.getClass().getSimpleName()));
            }
        }
    }

    @Benchmark
    public Applied credit() {
        return engine.apply(new BridgeInput.CreditReceived(new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS,
                BridgeWorkload.WINDOW.fundingMonth(), 4_000, "contribution-" + credits++)));
    }

    @Benchmark
    public BridgeView view() {
        return engine.view();
    }

    @Benchmark
    public BridgeStatus status() {
        return engine.status();
    }
}
