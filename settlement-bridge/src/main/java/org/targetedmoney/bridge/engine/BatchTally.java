package org.targetedmoney.bridge.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.Check;

/**
 * Running figures over every batch — how many and how much per state, what each funding source paid — kept up to
 * date one batch at a time, so the status page and the metrics cost a few map reads instead of a pass over the
 * whole history ({@link BridgeEngine#view()}). The engine reports each batch whose state may have changed
 * ({@link #record}); the tally subtracts what the batch counted before and adds what it counts now.
 */
final class BatchTally {
    /** What one batch counts for: its state, total, and what each source paid of its booked transfers. */
    private record Entry(BatchState state, long totalCents, Map<SourceKind, Long> paidBySourceCents) {}

    private final TreeMap<String, Entry> entries = new TreeMap<>();
    private final EnumMap<BatchState, Long> countByState = new EnumMap<>(BatchState.class);
    private final EnumMap<BatchState, Long> centsByState = new EnumMap<>(BatchState.class);
    private final EnumMap<SourceKind, Long> paidBySourceCents = new EnumMap<>(SourceKind.class);

    BatchTally() {
        for (BatchState s : BatchState.values()) {
            countByState.put(s, 0L);
            centsByState.put(s, 0L);
        }
        for (SourceKind k : SourceKind.values()) {
            paidBySourceCents.put(k, 0L);
        }
    }

    /** Counts batch {@code id} as it is now, in place of what it counted before (if anything). */
    void record(String id, BatchState state, long totalCents, Map<SourceKind, Long> paidBySource) {
        Entry now = new Entry(state, totalCents, Map.copyOf(paidBySource));
        Entry before = entries.put(id, now);
        if (before != null) {
            add(before, -1);
        }
        add(now, 1);
    }

    private void add(Entry e, int sign) {
        countByState.merge(e.state(), (long) sign, Math::addExact);
        centsByState.merge(e.state(), Math.multiplyExact(sign, e.totalCents()), Math::addExact);
        e.paidBySourceCents().forEach((k, v) -> paidBySourceCents.merge(k, Math.multiplyExact(sign, v), Math::addExact));
        Check.that(countByState.get(e.state()) >= 0 && centsByState.get(e.state()) >= 0,
                "batch figures never go below zero (state %s)", e.state());
    }

    /** The figures now: a copy, safe to hand to another thread. */
    BridgeStatus.Figures figures() {
        return new BridgeStatus.Figures(new EnumMap<>(countByState), new EnumMap<>(centsByState),
                new EnumMap<>(paidBySourceCents));
    }
}
