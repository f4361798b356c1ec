package org.targetedmoney.policy.directory;

import org.targetedmoney.policy.state.Entity.Convention;

/** Whether a convention can be paid now, and if not the first reason, in the order payments check them. */
public enum ConventionStatus {
    IN_FORCE("in force"),
    SUSPENDED("suspended"),
    REVOKED("revoked"),
    /** Outside its validity epochs (not begun, or over). */
    NOT_IN_FORCE("not in force");

    private final String label;

    ConventionStatus(String label) {
        this.label = label;
    }

    /** The wording of {@code ledger_providers}. */
    public String label() {
        return label;
    }

    public static ConventionStatus of(Convention c, int timeEpoch) {
        if (c.revoked()) {
            return REVOKED;
        }
        if (c.suspended()) {
            return SUSPENDED;
        }
        return timeEpoch < c.validFromEpoch() || timeEpoch > c.validUntilEpoch() ? NOT_IN_FORCE : IN_FORCE;
    }
}
