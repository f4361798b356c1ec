package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.line.LedgerLine;
import org.targetedmoney.bridge.line.LineKind;
import org.targetedmoney.bridge.snapshot.StateReader;
import org.targetedmoney.bridge.snapshot.StateWriter;

/**
 * Snapshot encoding of the settlement values the engine holds (lines, batches, allocations, instructed transfers,
 * waiting outcomes). Reads go through the values' constructors, so a decoded value meets the same checks as one
 * built by the core (a batch recomputes its id, totals and hash from its lines).
 */
public final class SettlementCodec {
    /** Longest text field read back (ids, codes, references are far shorter). */
    public static final int MAX_TEXT_BYTES = 4_096;
    /** Least bytes a line takes, for {@link StateReader#count}. */
    static final int MIN_LINE_BYTES = 8 + 4 + 5 + 8 + 5 + 4 + 4 + 8 + 8;

    private SettlementCodec() {}

    public static void writeLine(StateWriter out, LedgerLine l) {
        out.longValue(l.blockNumber()).intValue(l.logIndex()).hexOrString(l.transactionHash())
                .longValue(l.blockTimestampSeconds()).hexOrString(l.provider()).intValue(l.purpose())
                .enumValue(l.kind()).longValue(l.amountCents()).longValue(l.reference());
    }

    public static LedgerLine readLine(StateReader in) {
        return new LedgerLine(in.longValue(), in.intValue(), in.hexOrString(MAX_TEXT_BYTES), in.longValue(),
                in.hexOrString(MAX_TEXT_BYTES), in.intValue(), in.enumValue(LineKind.class), in.longValue(),
                in.longValue());
    }

    public static void writeLines(StateWriter out, List<LedgerLine> lines) {
        out.count(lines);
        lines.forEach(l -> writeLine(out, l));
    }

    public static List<LedgerLine> readLines(StateReader in, int max) {
        int n = in.count(max, MIN_LINE_BYTES, "lines");
        List<LedgerLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(readLine(in));
        }
        return lines;
    }

    /** A batch: what it was built from (its id, totals and hash are derived again on read). */
    public static void writeBatch(StateWriter out, Batch b) {
        out.hexOrString(b.provider()).string(b.window().text()).intValue(b.part()).enumValue(b.mode());
        writeLines(out, b.lines());
    }

    public static Batch readBatch(StateReader in) {
        String provider = in.hexOrString(MAX_TEXT_BYTES);
        WindowId window = WindowId.parse(in.string(MAX_TEXT_BYTES));
        int part = in.intValue(0, Integer.MAX_VALUE, "batch part");
        SettlementMode mode = in.enumValue(SettlementMode.class);
        return new Batch(provider, window, part, mode, readLines(in, BatchBuilder.MAX_LINES_PER_BATCH));
    }

    public static void writeAllocation(StateWriter out, Allocation a) {
        out.intValue(a.transferIndex()).string(a.accountId()).enumValue(a.kind()).intValue(a.purpose())
                .yearMonth(a.fundingMonth()).longValue(a.amountCents());
    }

    public static Allocation readAllocation(StateReader in) {
        return new Allocation(in.intValue(), in.string(MAX_TEXT_BYTES), in.enumValue(SourceKind.class),
                in.intValue(), in.yearMonth(), in.longValue());
    }

    public static void writeTransfer(StateWriter out, InstructedTransfer t) {
        out.string(t.endToEndId()).string(t.batchId()).intValue(t.transferIndex()).intValue(t.attempt())
                .longValue(t.amountCents()).count(t.allocations());
        t.allocations().forEach(a -> writeAllocation(out, a));
    }

    public static InstructedTransfer readTransfer(StateReader in) {
        String endToEndId = in.string(MAX_TEXT_BYTES);
        String batchId = in.string(MAX_TEXT_BYTES);
        int index = in.intValue();
        int attempt = in.intValue();
        long amount = in.longValue();
        int n = in.count(FundingPlan.MAX_ACCOUNTS * 1_000, 20, "allocations");
        List<Allocation> allocations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            allocations.add(readAllocation(in));
        }
        return new InstructedTransfer(endToEndId, batchId, index, attempt, amount, allocations);
    }

    public static void writeWaiting(StateWriter out, FundingOutcome.Waiting w) {
        out.string(w.code()).longValue(w.shortfallCents()).count(w.shortfallByPurposeCents().size());
        w.shortfallByPurposeCents().forEach((purpose, cents) -> out.intValue(purpose).longValue(cents));
    }

    public static FundingOutcome.Waiting readWaiting(StateReader in) {
        String code = in.string(MAX_TEXT_BYTES);
        long shortfall = in.longValue();
        int n = in.count(Integer.MAX_VALUE, 12, "purposes short");
        TreeMap<Integer, Long> byPurpose = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (byPurpose.put(in.intValue(), in.longValue()) != null) {
                throw new IllegalArgumentException("a purpose is short twice");
            }
        }
        return new FundingOutcome.Waiting(code, shortfall, byPurpose);
    }
}
