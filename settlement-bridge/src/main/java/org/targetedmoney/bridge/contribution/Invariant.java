package org.targetedmoney.bridge.contribution;

/** Always-on invariant checks: a failure is a bug in this package, never a user error. */
final class Invariant {
    private Invariant() {}

    static void that(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException("invariant violated: " + String.format(format, args));
        }
    }
}
