package org.targetedmoney.bridge.engine;

import java.util.List;
import java.util.Objects;

/**
 * What one bank message did to the inter-enterprise fund's payouts and dues.
 *
 * @param messageId     the bank message's id
 * @param paid          payouts booked (firms paid)
 * @param collected     dues booked (collected on the fund's own account)
 * @param creditedCents the sum collected
 * @param retried       payouts or dues refused or returned, ordered again
 * @param escalated     refused or returned once too often: waiting for a person
 * @param ordersMade    the message ids of the retry orders this message caused (their files are to be written)
 * @param unmatched     outcomes that changed nothing: unknown id, already settled, superseded attempt...
 */
public record FundReconciliation(String messageId, int paid, int collected, long creditedCents, int retried,
                                 int escalated, List<String> ordersMade, List<Unmatched> unmatched) {
    public FundReconciliation {
        Objects.requireNonNull(messageId, "messageId");
        ordersMade = List.copyOf(ordersMade);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * A bank outcome the fund could not apply.
     *
     * @param reasonCode UNKNOWN_END_TO_END_ID, ALREADY_SETTLED, SUPERSEDED_ATTEMPT, ESCALATED, NOT_ORDERED,
     *                   AMOUNT_MISMATCH
     */
    public record Unmatched(String endToEndId, String reasonCode, String detail) {
        public Unmatched {
            Objects.requireNonNull(endToEndId, "endToEndId");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
