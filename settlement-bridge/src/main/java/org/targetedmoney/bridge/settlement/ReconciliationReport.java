package org.targetedmoney.bridge.settlement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.targetedmoney.bridge.settlement.OutcomeResult.Classification;

/**
 * Summary of one reconciliation run (one bank file, say), for the store, metrics and a person.
 *
 * @param countByClassification       outcomes per class, every class present, in enum order
 * @param amountCentsByClassification their amounts ({@link OutcomeResult#amountCents()}) per class
 * @param unmatched                   the outcomes kept for a person, with their reasons, in input order
 * @param retries                     transfers to fund and instruct again
 * @param escalations                 transfers a person must look at
 * @param refundedCents               given back to funding sources by this run
 */
public record ReconciliationReport(Map<Classification, Long> countByClassification,
                                   Map<Classification, Long> amountCentsByClassification,
                                   List<OutcomeResult.Unmatched> unmatched, List<FollowUp.Retry> retries,
                                   List<FollowUp.Escalation> escalations, long refundedCents) {
    public ReconciliationReport {
        countByClassification = Collections.unmodifiableMap(new EnumMap<>(countByClassification));
        amountCentsByClassification = Collections.unmodifiableMap(new EnumMap<>(amountCentsByClassification));
        unmatched = List.copyOf(unmatched);
        retries = List.copyOf(retries);
        escalations = List.copyOf(escalations);
    }

    /** The report of a list of results. */
    public static ReconciliationReport of(List<OutcomeResult> results) {
        EnumMap<Classification, Long> counts = new EnumMap<>(Classification.class);
        EnumMap<Classification, Long> amounts = new EnumMap<>(Classification.class);
        for (Classification c : Classification.values()) {
            counts.put(c, 0L);
            amounts.put(c, 0L);
        }
        List<OutcomeResult.Unmatched> unmatched = new ArrayList<>();
        List<FollowUp.Retry> retries = new ArrayList<>();
        List<FollowUp.Escalation> escalations = new ArrayList<>();
        long refunded = 0;
        for (OutcomeResult r : results) {
            counts.merge(r.classification(), 1L, Long::sum);
            amounts.merge(r.classification(), r.amountCents(), (a, b) -> Cents.add(a, b, "report amount"));
            switch (r) {
                case OutcomeResult.Unmatched u -> unmatched.add(u);
                case OutcomeResult.Failed f -> {
                    refunded = Cents.add(refunded, Allocation.sum(f.refunded()), "refunded");
                    switch (f.followUp()) {
                        case FollowUp.Retry retry -> retries.add(retry);
                        case FollowUp.Escalation escalation -> escalations.add(escalation);
                    }
                }
                case OutcomeResult.Matched m -> { }
                case OutcomeResult.Duplicate d -> { }
            }
        }
        return new ReconciliationReport(counts, amounts, unmatched, retries, escalations, refunded);
    }

    /** Total number of outcomes. */
    public long outcomes() {
        return countByClassification.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Plain text for a person: counts and euros per class, then what needs attention. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Reconciliation: ").append(outcomes()).append(" bank outcomes\n");
        for (Classification c : Classification.values()) {
            sb.append(String.format("  %-10s %8d  %16s EUR\n", c.code(), countByClassification.get(c),
                    Cents.format(amountCentsByClassification.get(c))));
        }
        sb.append("  refunded to funding sources: ").append(Cents.format(refundedCents)).append(" EUR\n");
        if (!unmatched.isEmpty()) {
            sb.append("Unmatched (kept for inspection):\n");
            unmatched.forEach(u -> sb.append("  ").append(u.outcome().endToEndId()).append("  ")
                    .append(u.reasonCode()).append("  ").append(u.detail()).append('\n'));
        }
        if (!retries.isEmpty()) {
            sb.append("To retry:\n");
            retries.forEach(r -> sb.append("  batch ").append(r.batchId()).append(" transfer ")
                    .append(r.transferIndex()).append(" attempt ").append(r.nextAttempt()).append('\n'));
        }
        if (!escalations.isEmpty()) {
            sb.append("Escalated (a person must act):\n");
            escalations.forEach(e -> sb.append("  ").append(e.endToEndId()).append("  bank reason ")
                    .append(e.reasonCode()).append("  ").append(e.cause()).append('\n'));
        }
        return sb.toString();
    }
}
