package org.targetedmoney.bridge.engine;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.targetedmoney.bridge.funding.SourceKind;
import org.targetedmoney.bridge.settlement.BatchState;
import org.targetedmoney.bridge.settlement.FundingBook;

/**
 * The engine's figures for the status page and the metrics, read without a pass over the history: the ledger
 * cursor, lines waiting per window, batches per state, what each source paid, and the funding balances.
 *
 * @param openLinesByWindow lines read and not yet batched, per window
 * @param batches           running totals over every batch
 */
public record BridgeStatus(long nextBlock, int nextLogIndex, long headBlock, long headTimestampSeconds, long linesRead,
                           SortedMap<String, Integer> openLinesByWindow, Figures batches,
                           FundingBook.Snapshot funding) {
    public BridgeStatus {
        Objects.requireNonNull(openLinesByWindow, "openLinesByWindow");
        Objects.requireNonNull(batches, "batches");
        Objects.requireNonNull(funding, "funding");
    }

    /**
     * @param countByState      how many batches are in each state (every state present)
     * @param centsByState      their totals, in cents
     * @param paidBySourceCents what each funding source paid of booked transfers (every source present)
     */
    public record Figures(Map<BatchState, Long> countByState, Map<BatchState, Long> centsByState,
                          Map<SourceKind, Long> paidBySourceCents) {
        public Figures {
            countByState = Map.copyOf(countByState);
            centsByState = Map.copyOf(centsByState);
            paidBySourceCents = Map.copyOf(paidBySourceCents);
        }
    }

    /** Lines read and not yet in a batch. */
    public long openLines() {
        return openLinesByWindow.values().stream().mapToLong(Integer::longValue).sum();
    }
}
