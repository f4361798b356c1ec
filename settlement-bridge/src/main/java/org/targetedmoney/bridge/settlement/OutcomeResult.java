package org.targetedmoney.bridge.settlement;

import java.util.List;

/** How reconciliation classified one bank outcome, and what it did. */
public sealed interface OutcomeResult {
    BankOutcome outcome();

    Classification classification();

    /** The outcome's amount; for a rejection (which has none) the instructed amount, or 0 if unknown. */
    long amountCents();

    /** The five classes, with stable codes. */
    enum Classification {
        MATCHED("matched"),
        UNMATCHED("unmatched"),
        REJECTED("rejected"),
        RETURNED("returned"),
        DUPLICATE("duplicate");

        private final String code;

        Classification(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Booked for the amount instructed: the attempt is paid. */
    record Matched(BankOutcome.Booked outcome, InstructedTransfer transfer) implements OutcomeResult {
        @Override
        public Classification classification() {
            return Classification.MATCHED;
        }

        @Override
        public long amountCents() {
            return outcome.amountCents();
        }
    }

    /**
     * Rejected or returned: the attempt's allocations were refunded to their sources; the transfer is retried
     * or escalated.
     */
    record Failed(BankOutcome outcome, InstructedTransfer transfer, FollowUp followUp) implements OutcomeResult {
        @Override
        public Classification classification() {
            return outcome instanceof BankOutcome.Rejected ? Classification.REJECTED : Classification.RETURNED;
        }

        @Override
        public long amountCents() {
            return transfer.amountCents();
        }

        /** What was given back to the funding sources. */
        public List<Allocation> refunded() {
            return transfer.allocations();
        }
    }

    /**
     * Kept for a person, changing nothing: see the reason codes on {@link Reconciliation}.
     *
     * @param reasonCode stable, UPPER_SNAKE
     * @param detail     for a person
     */
    record Unmatched(BankOutcome outcome, String reasonCode, String detail, long amountCents) implements OutcomeResult {
        @Override
        public Classification classification() {
            return Classification.UNMATCHED;
        }
    }

    /** The same news again about an attempt already settled in that way (a statement repeating a notification). */
    record Duplicate(BankOutcome outcome, long amountCents) implements OutcomeResult {
        @Override
        public Classification classification() {
            return Classification.DUPLICATE;
        }
    }
}
