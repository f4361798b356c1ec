package org.targetedmoney.bridge.contribution;

import java.util.Objects;

/**
 * The result of checking an input: the value it yields, or why it was refused.
 *
 * @param <T> what an accepted input yields (a funding credit, a parsed scale)
 */
public sealed interface Outcome<T> {

    /** The input was accepted and yields {@code value}. */
    record Accepted<T>(T value) implements Outcome<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused; nothing changed. */
    record Rejected<T>(ContributionRejection rejection) implements Outcome<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(ContributionRejection rejection) {
        return new Rejected<>(rejection);
    }
}
