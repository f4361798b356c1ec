package org.targetedmoney.wallet.registrar;

/**
 * Where a bulk enrolment says how far it is. {@link #update} is called after every line read and every
 * transaction, so implementations must be cheap (and throttle any drawing themselves).
 */
public interface Progress {
    /** Does nothing: for tests and scripts that only want the summary. */
    Progress NONE = tally -> {};

    /**
     * Counts so far. Every member line read ends up enrolled, already enrolled or rejected; until then it is
     * {@code waiting} in a group not yet full, so {@code linesRead - waiting} lines are done.
     */
    record Tally(long linesRead, long waiting, long enrolled, long alreadyEnrolled, long rejected,
                 long transactions) {
        public long linesDone() {
            return linesRead - waiting;
        }
    }

    void update(Tally tally);

    /** The last counts, once the file is done (or the run stopped). */
    default void finished(Tally tally) {
        update(tally);
    }
}
