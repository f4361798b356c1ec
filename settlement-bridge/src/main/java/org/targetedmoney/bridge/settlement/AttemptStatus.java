package org.targetedmoney.bridge.settlement;

import java.util.Objects;

/**
 * Where one attempt at a transfer stands with the bank.
 *
 * @param transfer      what was instructed
 * @param state         INSTRUCTED (no news yet), MATCHED (booked), REJECTED or RETURNED (funding refunded)
 * @param decision      after REJECTED or RETURNED: RETRY or ESCALATE, and once an operator acted on an
 *                      escalation, REISSUE (a new attempt in a new cycle of retries) or ABANDON (not paid: its
 *                      funding stays with the sources it was refunded to); otherwise NONE
 * @param bankReference the booking's bank reference once booked ("" before, or if the bank gave none)
 * @param reasonCode    the bank's reason code once rejected or returned ("" otherwise)
 */
public record AttemptStatus(InstructedTransfer transfer, State state, Decision decision, String bankReference,
                            String reasonCode) {
    public AttemptStatus {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(bankReference, "bankReference");
        Objects.requireNonNull(reasonCode, "reasonCode");
        boolean failed = state == State.REJECTED || state == State.RETURNED;
        Check.that(failed == (decision != Decision.NONE), "an attempt has a decision exactly when it failed");
    }

    public enum State { INSTRUCTED, MATCHED, REJECTED, RETURNED }

    public enum Decision { NONE, RETRY, ESCALATE, REISSUE, ABANDON }

    AttemptStatus with(State newState, Decision newDecision, String newBankReference, String newReasonCode) {
        return new AttemptStatus(transfer, newState, newDecision, newBankReference, newReasonCode);
    }
}
