package org.targetedmoney.bench.bridge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.targetedmoney.bridge.engine.Applied;
import org.targetedmoney.bridge.engine.BridgeEngine;
import org.targetedmoney.bridge.engine.BridgeInput;
import org.targetedmoney.bridge.engine.Payee;
import org.targetedmoney.bridge.engine.PaymentOrder;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.settlement.BatchBuilder;
import org.targetedmoney.bridge.settlement.FundingAccount;
import org.targetedmoney.bridge.settlement.FundingBook;
import org.targetedmoney.bridge.settlement.FundingPlan;
import org.targetedmoney.bridge.settlement.SettlementMode;
import org.targetedmoney.bridge.settlement.SettlementWindow;
import org.targetedmoney.bridge.settlement.WindowId;

/**
 * The settlement benchmarks' workload, generated from a fixed seed: {@code lineCount} redemption lines of one
 * weekly window (100 per block, in chain order) owed to {@code providers} providers over 3 purposes, amounts
 * 1 cent to 100 euros (about 5 million euros for 100 000 lines); a funding plan of two contributions accounts
 * (one earmarked), a public account earmarked for two purposes and creation within a 1.5 million euro ceiling;
 * credits that fund all of it; and bank details (valid German IBANs) for every provider.
 */
final class BridgeWorkload {
    static final WindowId WINDOW = WindowId.parse("2026-W49");
    static final long FIRST_BLOCK = 1_000_000L;
    static final int LINES_PER_BLOCK = 100;

    private BridgeWorkload() {
    }

    static String provider(int index) {
        return String.format("0x%040x", 0xa0000 + index);
    }

    static List<LedgerLine> lines(int lineCount, int providers) {
        return lines(lineCount, providers, 0);
    }

    /** The lines of the window {@code weeks} weeks after {@link #WINDOW} (a million blocks further per week). */
    static List<LedgerLine> lines(int lineCount, int providers, int weeks) {
        SplittableRandom random = new SplittableRandom(49);
        List<LedgerLine> lines = new ArrayList<>(lineCount);
        long start = week(weeks).startSeconds();
        for (int i = 0; i < lineCount; i++) {
            long block = FIRST_BLOCK + weeks * 1_000_000L + i / LINES_PER_BLOCK;
            int log = i % LINES_PER_BLOCK;
            lines.add(new LedgerLine(block, log, String.format("0x%064x", block * LINES_PER_BLOCK + log),
                    start + (i / LINES_PER_BLOCK) * 6L, provider(random.nextInt(providers)), 1 + random.nextInt(3),
                    LineKind.REDEMPTION, 1 + random.nextLong(10_000), i));
        }
        return lines;
    }

    static FundingPlan plan() {
        return new FundingPlan(List.of(
                new FundingAccount("food-fund", SourceKind.CONTRIBUTIONS, Set.of(1)),
                FundingAccount.any("ssa-members", SourceKind.CONTRIBUTIONS),
                new FundingAccount("state", SourceKind.PUBLIC_ACCOUNT, Set.of(2, 3)),
                FundingAccount.any("creation", SourceKind.MONETARY_CREATION)), 150_000_000L);
    }

    /** Contributions pay 2 million euros, the State 2.5, creation the rest (about 0.5 for 100 000 lines). */
    static List<FundingCredit> credits() {
        YearMonth month = WINDOW.fundingMonth();
        return List.of(
                new FundingCredit("food-fund", SourceKind.CONTRIBUTIONS, month, 100_000_000L, "bench-food"),
                new FundingCredit("ssa-members", SourceKind.CONTRIBUTIONS, month, 100_000_000L, "bench-ssa"),
                new FundingCredit("state", SourceKind.PUBLIC_ACCOUNT, month, 250_000_000L, "bench-state"));
    }

    static Map<String, Payee> payees(int providers) {
        Map<String, Payee> payees = new TreeMap<>();
        for (int i = 0; i < providers; i++) {
            String iban = new Iban.Builder().countryCode(CountryCode.DE).bankCode("37040044")
                    .accountNumber(String.format("%010d", i)).build().toString();
            payees.put(provider(i), new Payee(provider(i), "Provider " + i, iban, i % 2 == 0 ? "COBADEFFXXX" : ""));
        }
        return payees;
    }

    static BridgeEngine engine(SettlementMode mode, Map<String, Payee> payees) {
        return new BridgeEngine(SettlementWindow.WEEKLY, new BatchBuilder(mode), new FundingBook(plan()), payees);
    }

    static WindowId week(int weeks) {
        return SettlementWindow.WEEKLY.windowOf(WINDOW.startSeconds() + weeks * 7L * 86_400);
    }

    /** The lines as one read whose head is stamped at the end of their window, so the read closes the window. */
    static BridgeInput.LinesRead read(List<LedgerLine> lines) {
        LedgerLine last = lines.getLast();
        return new BridgeInput.LinesRead(lines, last.blockNumber() + 1, 0, last.blockNumber() + 1,
                SettlementWindow.WEEKLY.windowOf(last.blockTimestampSeconds()).endSeconds());
    }

    static BridgeInput.CutPayments cut() {
        return new BridgeInput.CutPayments("TM000000000001", WINDOW.endSeconds() + 3_600, LocalDate.of(2026, 12, 8));
    }

    /** The engine's whole path for one window: credits, lines read (closing the window), the payment order. */
    static PaymentOrder settle(BridgeEngine engine, List<BridgeInput.CreditReceived> credits,
                               BridgeInput.LinesRead read, BridgeInput.CutPayments cut) {
        for (BridgeInput.CreditReceived c : credits) {
            engine.apply(c);
        }
        engine.apply(read);
        if (engine.apply(cut) instanceof Applied.Ordered o) {
            return o.order();
        }
        throw new IllegalStateException("the engine cut no payment order");
    }
}
