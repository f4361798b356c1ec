package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.targetedmoney.bridge.funding.SourceKind;

/** What the waterfall did for a batch (or one transfer of it): funded whole, or waiting with nothing taken. */
public sealed interface FundingOutcome {
    /**
     * Funded whole: the allocations sum to the amount asked, by transfer index, then purpose, then waterfall order.
     */
    record Funded(List<Allocation> allocations) implements FundingOutcome {
        public Funded {
            allocations = List.copyOf(allocations);
        }

        /** The allocations funding one transfer (what {@link Batch#instruct} takes). */
        public List<Allocation> allocationsFor(int transferIndex) {
            return allocations.stream().filter(a -> a.transferIndex() == transferIndex).toList();
        }

        /**
         * The allocations of every transfer, by transfer index ({@code allocationsFor(i)} is element i), in one pass:
         * calling {@link #allocationsFor} for each transfer of a gross batch is quadratic in its size.
         *
         * @throws IllegalArgumentException if an allocation's transfer index is not below {@code transferCount}
         */
        public List<List<Allocation>> allocationsByTransfer(int transferCount) {
            List<List<Allocation>> out = new ArrayList<>(transferCount);
            for (int i = 0; i < transferCount; i++) {
                out.add(new ArrayList<>());
            }
            for (Allocation a : allocations) {
                if (a.transferIndex() < 0 || a.transferIndex() >= transferCount) {
                    throw new IllegalArgumentException("allocation of transfer " + a.transferIndex() + " outside 0.."
                            + (transferCount - 1));
                }
                out.get(a.transferIndex()).add(a);
            }
            return out.stream().map(List::copyOf).toList();
        }

        /** Total per funding kind, in waterfall order, every kind present: what the attestation states. */
        public Map<SourceKind, Long> totalsBySourceCents() {
            return Allocation.totalsBySource(allocations);
        }

        public long totalCents() {
            return Allocation.sum(allocations);
        }
    }

    /**
     * Not funded: nothing was taken; the batch waits, visibly, until credits (or next month's ceiling) cover it.
     *
     * @param code                      stable: {@link FundingBook#INSUFFICIENT_FUNDING}
     * @param shortfallCents            what is missing, in total (> 0)
     * @param shortfallByPurposeCents   what is missing per purpose, purposes ascending (only those short)
     */
    record Waiting(String code, long shortfallCents, SortedMap<Integer, Long> shortfallByPurposeCents)
            implements FundingOutcome {
        public Waiting {
            shortfallByPurposeCents = Collections.unmodifiableSortedMap(new TreeMap<>(shortfallByPurposeCents));
        }
    }
}
