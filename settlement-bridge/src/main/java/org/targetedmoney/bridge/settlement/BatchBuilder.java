package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.targetedmoney.bridge.line.LedgerLine;

/**
 * Groups the ledger lines of one closed window into batches: one per provider, its lines sorted by position;
 * a provider with more than {@code maxLinesPerBatch} lines gets parts 0, 1, 2... of consecutive lines. The same
 * lines, in any order, give the same batches (ids, hashes). Batches come out by provider, then part.
 *
 * <p>A line must never be in two batches: a line id given twice is refused, and {@link #requireDisjoint} checks
 * batches built separately. Refusals here are exceptions: the reader hands over each line once, so a duplicate
 * or a line outside the window is a bug upstream, not an input to keep.
 */
public final class BatchBuilder {
    /** Most lines in one batch (and so, in GROSS mode, payments in one batch's pain.001 share). */
    public static final int MAX_LINES_PER_BATCH = 100_000;
    /** Most lines one {@link #build} call takes (one window of the whole scheme). */
    public static final int MAX_LINES_PER_BUILD = 10_000_000;

    /** Chain order: block number, then log index. */
    public static final Comparator<LedgerLine> POSITION = Comparator.comparingLong(LedgerLine::blockNumber)
            .thenComparingInt(LedgerLine::logIndex);

    private final SettlementMode mode;
    private final int maxLinesPerBatch;

    public BatchBuilder(SettlementMode mode) {
        this(mode, MAX_LINES_PER_BATCH);
    }

    /** @param maxLinesPerBatch 1 to {@link #MAX_LINES_PER_BATCH} */
    public BatchBuilder(SettlementMode mode, int maxLinesPerBatch) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (maxLinesPerBatch < 1 || maxLinesPerBatch > MAX_LINES_PER_BATCH) {
            throw new IllegalArgumentException("maxLinesPerBatch " + maxLinesPerBatch + " is outside 1.."
                    + MAX_LINES_PER_BATCH);
        }
        this.maxLinesPerBatch = maxLinesPerBatch;
    }

    public SettlementMode mode() {
        return mode;
    }

    /** Most lines in one batch: a larger share of a window is split into parts. */
    public int maxLinesPerBatch() {
        return maxLinesPerBatch;
    }

    /**
     * The batches of one closed window.
     *
     * @param window                      the window, closed by {@code latestBlockTimestampSeconds}
     * @param lines                       every line of the window (no other), each once, in any order
     * @param latestBlockTimestampSeconds timestamp of the latest block whose events the bridge has all read
     * @throws IllegalArgumentException if the window is not closed, a line is outside it, a line id appears twice,
     *                                  a provider or transaction hash is malformed, or there are too many lines
     */
    public List<Batch> build(WindowId window, Collection<LedgerLine> lines, long latestBlockTimestampSeconds) {
        Objects.requireNonNull(window, "window");
        if (!window.closedBy(latestBlockTimestampSeconds)) {
            throw new IllegalArgumentException("window " + window + " is not closed: the latest block read is stamped "
                    + latestBlockTimestampSeconds + ", the window ends at " + window.endSeconds());
        }
        return buildFrom(window, lines, provider -> 0);
    }

    /**
     * The batches of lines of a window read so far, closed early by an operator's cut-off (or the remaining lines
     * of a window cut before): as {@link #build}, but the window need not be closed, and each provider's parts
     * are numbered from {@code firstPart.applyAsInt(provider)} so that the batches of successive cuts of one
     * window have distinct ids.
     */
    public List<Batch> buildCut(WindowId window, Collection<LedgerLine> lines,
                                java.util.function.ToIntFunction<String> firstPart) {
        Objects.requireNonNull(window, "window");
        return buildFrom(window, lines, firstPart);
    }

    private List<Batch> buildFrom(WindowId window, Collection<LedgerLine> lines,
                                  java.util.function.ToIntFunction<String> firstPart) {
        if (lines.size() > MAX_LINES_PER_BUILD) {
            throw new IllegalArgumentException("at most " + MAX_LINES_PER_BUILD + " lines are batched at once");
        }
        List<LedgerLine> sorted = new ArrayList<>(lines);
        sorted.sort(POSITION);
        TreeMap<String, List<LedgerLine>> byProvider = new TreeMap<>();
        LedgerLine previous = null;
        for (LedgerLine l : sorted) {
            if (previous != null && POSITION.compare(previous, l) == 0) {
                throw new IllegalArgumentException("line " + l.id() + " is given twice: a line is settled once");
            }
            if (!window.contains(l.blockTimestampSeconds())) {
                throw new IllegalArgumentException("line " + l.id() + " stamped " + l.blockTimestampSeconds()
                        + " is not in window " + window);
            }
            byProvider.computeIfAbsent(l.provider(), p -> new ArrayList<>()).add(l);
            previous = l;
        }
        List<Batch> batches = new ArrayList<>();
        for (Map.Entry<String, List<LedgerLine>> e : byProvider.entrySet()) {
            List<LedgerLine> provided = e.getValue();
            int part = firstPart.applyAsInt(e.getKey());
            for (int from = 0; from < provided.size(); from += maxLinesPerBatch, part++) {
                List<LedgerLine> chunk = provided.subList(from, Math.min(provided.size(), from + maxLinesPerBatch));
                batches.add(new Batch(e.getKey(), window, part, mode, chunk));
            }
        }
        requireDisjoint(batches);
        return batches;
    }

    /**
     * Checks that no line is in two of the batches and no batch id appears twice.
     *
     * @throws IllegalStateException naming the first line (or id) found twice: settling it twice would be a bug
     */
    public static void requireDisjoint(Collection<Batch> batches) {
        Map<String, String> batchOfLine = new HashMap<>();
        Map<String, Batch> byId = new HashMap<>();
        for (Batch b : batches) {
            if (byId.put(b.id(), b) != null) {
                throw new IllegalStateException("batch id " + b.id() + " appears twice");
            }
            for (LedgerLine l : b.lines()) {
                String other = batchOfLine.putIfAbsent(l.id(), b.id());
                if (other != null) {
                    throw new IllegalStateException("line " + l.id() + " is in batches " + other + " and " + b.id());
                }
            }
        }
    }
}
