package org.targetedmoney.bridge.settlement;

/**
 * Invariant assertions that always run (unlike {@code assert}). A failed check is a bug in the settlement core,
 * never a user error: it stops the caller rather than let a wrong batch, allocation or balance be stored. Also
 * used by the engine that drives the core.
 */
public final class Check {
    private Check() {}

    /** Thrown when an invariant of the settlement core does not hold. */
    public static final class InvariantViolation extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InvariantViolation(String message) {
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
}
