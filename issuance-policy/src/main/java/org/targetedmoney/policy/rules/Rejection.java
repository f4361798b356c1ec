package org.targetedmoney.policy.rules;

/** A refusal: a stable code and a detail for people. Its revert text is {@code CODE: detail}. */
public record Rejection(RejectionCode code, String detail) {
    public String reasonText() {
        return code.name() + ": " + detail;
    }
}
