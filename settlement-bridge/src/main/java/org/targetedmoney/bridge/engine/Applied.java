package org.targetedmoney.bridge.engine;

import java.util.Objects;
import java.util.OptionalLong;
import org.targetedmoney.bridge.contribution.FirmDeclaration;
import org.targetedmoney.bridge.settlement.ReconciliationRun;

/** What applying one input did: the service answers HTTP requests and logs from it. */
public sealed interface Applied {
    /** Lines taken, batches made, batches or retries funded. */
    record Progress(int linesTaken, int batchesMade, int funded) implements Applied {}

    /** A payment order to render as a pain.001 file. */
    record Ordered(PaymentOrder order) implements Applied {}

    /** A bank message reconciled; {@code funded}: retries funded right after. */
    record Reconciled(ReconciliationRun run, int funded) implements Applied {}

    /**
     * Bank receipts taken: {@code matched} confirmed a declared credit, {@code unmatched} wait for a declaration,
     * {@code duplicates} were taken before (same bank entry reported again); {@code funded}: batches or retries
     * funded right after (in "bank" confirmation mode).
     */
    record Received(int matched, int unmatched, int duplicates, int funded) implements Applied {}

    /**
     * A bank message about the inter-enterprise fund's account reconciled (the fund's money stays on its own
     * account: nothing of the providers' waterfall moves).
     */
    record FundReconciled(FundReconciliation reconciliation) implements Applied {
        public FundReconciled {
            Objects.requireNonNull(reconciliation, "reconciliation");
        }
    }

    /** The input changed nothing, for a business reason with a stable code. */
    record Refused(String code, String message) implements Applied {}

    /** The input was valid and had nothing to do. */
    record Nothing(String why) implements Applied {}

    /**
     * A firm's declaration taken by the inter-enterprise fund, or recognised as a replay (then nothing changed).
     *
     * @param contributionCents what the declaration owes (rate x value added, 0 for a loss)
     * @param allowanceCents    its allowance if the fund's mode sets it per declaration (FIXED); empty with
     *                          EQUAL_SHARE, where it depends on every declaration and is set when the period closes
     */
    record Declared(FirmDeclaration declaration, Kind kind, long contributionCents, OptionalLong allowanceCents)
            implements Applied {
        /** What the declaration did. */
        public enum Kind { ACCEPTED, CORRECTED, REPLAYED }

        public Declared {
            Objects.requireNonNull(declaration, "declaration");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(allowanceCents, "allowanceCents");
        }
    }
}
