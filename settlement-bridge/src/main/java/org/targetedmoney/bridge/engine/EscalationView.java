package org.targetedmoney.bridge.engine;

import java.util.Objects;

/**
 * One transfer the bridge escalated to a person, and what became of it: for the operator's list
 * ({@code GET /v1/escalations}) and the CLI.
 *
 * @param batchId         the batch it pays
 * @param transferIndex   its transfer in the batch (0 in NET mode)
 * @param provider        who it pays
 * @param amountCents     its amount
 * @param endToEndId      the escalated attempt's end-to-end id
 * @param reasonCode      the bank's reason code for it (e.g. AC04 closed account)
 * @param cause           NON_RETRYABLE_REASON or MAX_ATTEMPTS_REACHED
 * @param status          {@link Status}
 * @param latestEndToEndId the transfer's latest attempt (the escalated one until a reissue is instructed)
 * @param note            the operator and, when abandoned, the reason ("" while escalated)
 * @param payable         the bridge knows the provider's bank details
 */
public record EscalationView(String batchId, int transferIndex, String provider, long amountCents, String endToEndId,
                             String reasonCode, String cause, Status status, String latestEndToEndId, String note,
                             boolean payable) {
    public EscalationView {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(note, "note");
    }

    /** Where an escalation stands; codes are stable (in the API). */
    public enum Status {
        /** Waits for an operator: reissue or abandon. */
        ESCALATED("escalated"),
        /** Re-issued, waiting for its sources to hold the amount again. */
        REISSUE_WAITING_FUNDING("reissue-waiting-funding"),
        /** Re-issued and funded, waiting for the next payment order (or for the payee's bank details). */
        REISSUE_FUNDED("reissue-funded"),
        /** Re-issued and instructed under a new end-to-end id: reconciliation follows it like any attempt. */
        REISSUED("reissued"),
        /** Given up: not paid, the funding stays with its sources. */
        ABANDONED("abandoned");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
