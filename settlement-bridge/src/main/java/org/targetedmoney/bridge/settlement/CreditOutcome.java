package org.targetedmoney.bridge.settlement;

import java.util.Objects;

/** What {@link FundingBook#credit} did with a funding credit. */
public sealed interface CreditOutcome {
    /** The account was credited; {@code balanceCents} is its new balance. */
    record Credited(String accountId, long balanceCents) implements CreditOutcome {}

    /**
     * The credit was refused and changed nothing.
     *
     * @param code    stable: {@link FundingBook#UNKNOWN_FUNDING_ACCOUNT}, {@link FundingBook#FUNDING_KIND_MISMATCH}
     *                or {@link FundingBook#BALANCE_LIMIT_EXCEEDED}
     * @param message for a person
     */
    record Rejected(String code, String message) implements CreditOutcome {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
