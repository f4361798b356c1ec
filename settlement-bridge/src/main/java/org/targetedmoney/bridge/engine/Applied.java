package org.targetedmoney.bridge.engine;

import org.targetedmoney.bridge.settlement.ReconciliationRun;

/** What applying one input did: the service answers HTTP requests and logs from it. */
public sealed interface Applied {
    /** Lines taken, batches made, batches or retries funded. */
    record Progress(int linesTaken, int batchesMade, int funded) implements Applied {}

    /** A payment order to render as a pain.001 file. */
    record Ordered(PaymentOrder order) implements Applied {}

    /** A bank message reconciled; {@code funded}: retries funded right after. */
    record Reconciled(ReconciliationRun run, int funded) implements Applied {}

    /** The input changed nothing, for a business reason with a stable code. */
    record Refused(String code, String message) implements Applied {}

    /** The input was valid and had nothing to do. */
    record Nothing(String why) implements Applied {}
}
