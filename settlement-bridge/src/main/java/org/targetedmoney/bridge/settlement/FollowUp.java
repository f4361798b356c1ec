package org.targetedmoney.bridge.settlement;

/** What happens to a transfer after the bank rejected or returned an attempt (its funding already refunded). */
public sealed interface FollowUp {
    String batchId();

    int transferIndex();

    /**
     * Try again: fund the transfer again through the waterfall ({@link FundingBook#fundTransfer}) and instruct
     * attempt {@code nextAttempt} under its new end-to-end id ({@link Batch#endToEndId}).
     */
    record Retry(String batchId, int transferIndex, int nextAttempt) implements FollowUp {}

    /**
     * Stop and tell a person: the reason is not one a retry can fix, or the attempts are used up.
     *
     * @param endToEndId the last attempt's end-to-end id
     * @param reasonCode the bank's reason code for it
     * @param cause      {@link Reconciliation#NON_RETRYABLE_REASON} or {@link Reconciliation#MAX_ATTEMPTS_REACHED}
     */
    record Escalation(String batchId, int transferIndex, String endToEndId, String reasonCode, String cause)
            implements FollowUp {}
}
