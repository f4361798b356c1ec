package org.targetedmoney.policy;

/**
 * Invariant assertions that always run (unlike {@code assert}). A failed check is a bug in the rules,
 * never a user error: it must stop the applying thread rather than let a wrong state be stored.
 */
public final class Check {
    private Check() {}

    /** Thrown when an invariant of the ledger does not hold. */
    public static final class InvariantViolation extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public InvariantViolation(String message) {
            super(message);
        }
    }

    public static void that(boolean condition, String invariant) {
        if (!condition) {
            throw new InvariantViolation("invariant violated: " + invariant);
        }
    }

    public static void that(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new InvariantViolation("invariant violated: " + String.format(format, args));
        }
    }

    public static long nonNegative(long value, String what) {
        that(value >= 0, "%s must be >= 0, was %d", what, value);
        return value;
    }
}
