package org.targetedmoney.bridge.settlement;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a batch stands. Codes are stable (stored, in metrics).
 *
 * <pre>
 * WAITING_FUNDING -> FUNDED -> INSTRUCTED -> PARTLY_SETTLED -> SETTLED
 *                                  |              |               |
 *                                  +------> RETRYING <-----------+   (a transfer rejected or returned, to retry)
 *                                  +------> ESCALATED <----------+   (a transfer a person must look at)
 * RETRYING -> INSTRUCTED | PARTLY_SETTLED (the retry instructed) | ESCALATED
 * ESCALATED -> RETRYING (an operator re-issued it) | ABANDONED (an operator gave it up)
 *           | INSTRUCTED | PARTLY_SETTLED (GROSS: it was given up while other transfers are still awaited)
 * INSTRUCTED | PARTLY_SETTLED -> ABANDONED (the last awaited transfer booked, another one given up before)
 * </pre>
 * SETTLED and ABANDONED are left only for a late return. ESCALATED waits for an operator (reissue or abandon).
 * PARTLY_SETTLED exists in GROSS mode: some transfers booked, the others still awaited from the bank.
 * ABANDONED: every transfer booked or given up by an operator, at least one given up; what was given up is not
 * paid and its funding stays with the sources it was refunded to. An ABANDONED batch is not attested on the
 * ledger (an attestation says a batch was paid in full, its sources summing to its total).
 */
public enum BatchState {
    WAITING_FUNDING("waiting-funding"),
    FUNDED("funded"),
    INSTRUCTED("instructed"),
    PARTLY_SETTLED("partly-settled"),
    SETTLED("settled"),
    RETRYING("retrying"),
    ESCALATED("escalated"),
    ABANDONED("abandoned");

    private final String code;

    BatchState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * The batch state whose {@link #code()} is {@code code}.
     *
     * @throws IllegalArgumentException naming the codes there are
     */
    public static BatchState parse(String code) {
        for (BatchState k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown batch state '" + code + "': expected one of "
                + java.util.Arrays.stream(values()).map(BatchState::code).toList());
    }

    /** The states this one may move to (never itself: staying is not a transition). */
    public Set<BatchState> successors() {
        return switch (this) {
            case WAITING_FUNDING -> EnumSet.of(FUNDED);
            case FUNDED -> EnumSet.of(INSTRUCTED);
            case INSTRUCTED -> EnumSet.of(PARTLY_SETTLED, SETTLED, RETRYING, ESCALATED, ABANDONED);
            case PARTLY_SETTLED -> EnumSet.of(SETTLED, RETRYING, ESCALATED, ABANDONED);
            case SETTLED, ABANDONED -> EnumSet.of(RETRYING, ESCALATED);
            case RETRYING -> EnumSet.of(INSTRUCTED, PARTLY_SETTLED, ESCALATED);
            case ESCALATED -> EnumSet.of(RETRYING, ABANDONED, INSTRUCTED, PARTLY_SETTLED);
        };
    }

    public boolean canMoveTo(BatchState next) {
        return successors().contains(next);
    }

    /**
     * {@code next}, if the move from {@code from} is allowed.
     *
     * @throws IllegalStateException otherwise: the caller has a bug
     */
    public static BatchState transition(BatchState from, BatchState next) {
        if (!from.canMoveTo(next)) {
            throw new IllegalStateException("illegal batch transition " + from.code() + " -> " + next.code());
        }
        return next;
    }

    /**
     * The state of an instructed batch from where its transfers' latest attempts stand: any escalated makes it
     * ESCALATED; else any to retry or re-issued, RETRYING; else all booked, SETTLED; else all booked or abandoned,
     * ABANDONED; else some booked, PARTLY_SETTLED; else INSTRUCTED.
     *
     * @param latest the latest attempt of each transfer of the batch (not empty)
     */
    public static BatchState of(Collection<AttemptStatus> latest) {
        if (latest.isEmpty()) {
            throw new IllegalArgumentException("an instructed batch has at least one transfer");
        }
        boolean anyRetry = false;
        int booked = 0;
        int abandoned = 0;
        for (AttemptStatus a : latest) {
            switch (a.decision()) {
                case ESCALATE -> {
                    return ESCALATED;
                }
                case RETRY, REISSUE -> anyRetry = true;
                case ABANDON -> abandoned++;
                case NONE -> booked += a.state() == AttemptStatus.State.MATCHED ? 1 : 0;
            }
        }
        if (anyRetry) {
            return RETRYING;
        }
        if (booked == latest.size()) {
            return SETTLED;
        }
        return booked + abandoned == latest.size() ? ABANDONED : booked > 0 ? PARTLY_SETTLED : INSTRUCTED;
    }
}
