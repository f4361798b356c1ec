package org.targetedmoney.bridge.settlement;

import java.util.List;

/**
 * What one call of {@link Reconciliation#reconcile} did: one result per bank outcome, in input order, and the
 * report.
 */
public record ReconciliationRun(List<OutcomeResult> results, ReconciliationReport report) {
    public ReconciliationRun {
        results = List.copyOf(results);
    }
}
