package org.targetedmoney.bridge.settlement;

import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * Euros of one transfer of a batch taken from one funding source for one purpose: every euro paid is traceable
 * to where it came from. The allocations of a funded batch sum to its total; those of one transfer sum to the
 * transfer's amount.
 *
 * @param transferIndex the batch transfer it funds (0 in NET mode, the line's index in GROSS mode)
 * @param accountId     the funding account drawn on
 * @param kind          that account's kind
 * @param purpose       the ledger purpose funded
 * @param fundingMonth  the funding month of the batch's window: for monetary creation, the month whose ceiling
 *                      it uses (and which a refund gives back)
 * @param amountCents   euro cents, > 0
 */
public record Allocation(int transferIndex, String accountId, SourceKind kind, int purpose, YearMonth fundingMonth,
                         long amountCents) {
    public Allocation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fundingMonth, "fundingMonth");
        if (transferIndex < 0 || amountCents <= 0) {
            throw new IllegalArgumentException("allocation: transfer " + transferIndex + ", amount " + amountCents);
        }
    }

    /**
     * Total cents per funding kind, every kind present (0 when unused), in waterfall (enum) order: the totals
     * attested on the ledger for a batch.
     */
    public static Map<SourceKind, Long> totalsBySource(List<Allocation> allocations) {
        EnumMap<SourceKind, Long> totals = new EnumMap<>(SourceKind.class);
        for (SourceKind k : SourceKind.values()) {
            totals.put(k, 0L);
        }
        for (Allocation a : allocations) {
            totals.merge(a.kind(), a.amountCents(), (x, y) -> Cents.add(x, y, "total of " + a.kind().code()));
        }
        return Collections.unmodifiableMap(totals);
    }

    /** Sum of the allocations' amounts. */
    public static long sum(List<Allocation> allocations) {
        long sum = 0;
        for (Allocation a : allocations) {
            sum = Cents.add(sum, a.amountCents(), "sum of allocations");
        }
        return sum;
    }
}
