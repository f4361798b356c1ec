package org.targetedmoney.bench.bridge;

import java.util.List;
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
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchFunding;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingOutcome;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.WindowId;

/**
 * Settlement of one closed weekly window ({@link BridgeWorkload}): {@value #LINES} redemption lines (100 per block,
 * in chain order) owed to {@value #PROVIDERS} providers over 3 purposes, amounts 1 cent to 100 euros, are grouped
 * into one batch per provider (sorted by position, purpose subtotals, SHA-256 batch hash), netted ({@code mode=net}: one transfer
 * per batch; {@code gross}: one per line) and funded through the waterfall (two contributions accounts, one of
 * them earmarked, a public account earmarked for two purposes, creation within a ceiling) from a book holding
 * enough for all. One operation = one line: the score is lines per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SettlementThroughput {
    static final int LINES = 100_000;
    static final int PROVIDERS = 1_000;
    static final WindowId WINDOW = BridgeWorkload.WINDOW;

    @Param({"net", "gross"})
    String mode;

    List<LedgerLine> lines;
    BatchBuilder builder;
    FundingBook fundedBook;

    @Setup(Level.Trial)
    public void setUp() {
        lines = BridgeWorkload.lines(LINES, PROVIDERS);
        builder = new BatchBuilder(SettlementMode.parse(mode));
        fundedBook = new FundingBook(BridgeWorkload.plan());
        BridgeWorkload.credits().forEach(fundedBook::credit);
        List<BatchFunding> check = settle();
        if (check.size() != PROVIDERS || !check.stream().allMatch(f -> f.outcome() instanceof FundingOutcome.Funded)) {
            throw new IllegalStateException("the workload must fund every provider's batch");
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public List<BatchFunding> settleWindow() {
        return settle();
    }

    private List<BatchFunding> settle() {
        FundingBook book = fundedBook.copy();
        return book.fundWaiting(builder.build(WINDOW, lines, WINDOW.endSeconds()));
    }
}
