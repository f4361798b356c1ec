package org.targetedmoney.bench.bridge;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.BatchFunding;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingOutcome;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;
import org.targetedmoney.bridge.settlement.WindowId;

/**
 * Settlement of one closed weekly window: {@value #LINES} redemption lines (100 per block, in chain order) owed
 * to {@value #PROVIDERS} providers over 3 purposes, amounts 1 cent to 100 euros, are grouped into one batch per
 * provider (sorted by position, purpose subtotals, SHA-256 batch hash), netted ({@code mode=net}: one transfer
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
    static final WindowId WINDOW = WindowId.parse("2026-W49");

    @Param({"net", "gross"})
    String mode;

    List<LedgerLine> lines;
    BatchBuilder builder;
    FundingBook fundedBook;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(49);
        lines = new ArrayList<>(LINES);
        long start = WINDOW.startSeconds();
        for (int i = 0; i < LINES; i++) {
            long block = 1_000_000L + i / 100;
            int provider = random.nextInt(PROVIDERS);
            lines.add(new LedgerLine(block, i % 100, String.format("0x%064x", block * 100 + i % 100),
                    start + (block - 1_000_000L) * 6, String.format("0x%040x", 0xa0000 + provider),
                    1 + random.nextInt(3), LineKind.REDEMPTION, 1 + random.nextLong(10_000), i));
        }
        builder = new BatchBuilder(SettlementMode.parse(mode));
        fundedBook = new FundingBook(new FundingPlan(List.of(
                new FundingAccount("food-fund", SourceKind.CONTRIBUTIONS, Set.of(1)),
                FundingAccount.any("ssa-members", SourceKind.CONTRIBUTIONS),
                new FundingAccount("state", SourceKind.PUBLIC_ACCOUNT, Set.of(2, 3)),
                FundingAccount.any("creation", SourceKind.MONETARY_CREATION)), 150_000_000L));
        YearMonth month = WINDOW.fundingMonth();
        // The lines total about 5 million euros: contributions pay 2, the State 2.5, creation the rest (~0.5).
        fundedBook.credit(new FundingCredit("food-fund", SourceKind.CONTRIBUTIONS, month, 100_000_000L, "bench"));
        fundedBook.credit(new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, month, 100_000_000L, "bench"));
        fundedBook.credit(new FundingCredit("state", SourceKind.PUBLIC_ACCOUNT, month, 250_000_000L, "bench"));
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
