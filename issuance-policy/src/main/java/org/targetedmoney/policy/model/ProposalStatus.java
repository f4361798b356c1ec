package org.targetedmoney.policy.model;

/**
 * Where a proposal stands. The code is part of the protocol (the {@code uint8 status} of
 * {@code proposalOf}): never renumber. {@code EXPIRED} is never stored: an open proposal whose voting
 * period is over reads as expired.
 */
public enum ProposalStatus {
    /** Collecting votes. */
    OPEN(0),
    /** The quorum approved it; it waits for its delay or its effective epoch, then anyone may execute it. */
    APPROVED(1),
    /** Its action was applied. */
    EXECUTED(2),
    /** Enough members voted against that the quorum can no longer be reached. */
    REJECTED(3),
    /** Approved, but the rules refused its action when it was executed; the reason is kept. */
    FAILED(4),
    /** Its voting period ended before the quorum approved it. */
    EXPIRED(5);

    private final int code;

    ProposalStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ProposalStatus ofCode(int code) {
        for (ProposalStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no proposal status " + code);
    }
}
