package org.targetedmoney.wallet.core;

import java.math.BigDecimal;

/** Cents to and from euro text, exactly (no floating point). */
public final class Amounts {
    private Amounts() {}

    /** {@code 4250} -> {@code "42.50 €"}. */
    public static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString() + " €";
    }

    /** {@code "42.50"} -> {@code 4250}; more than two decimals or a negative amount is refused. */
    public static long parseCents(String euros) {
        BigDecimal value = new BigDecimal(euros.trim());
        if (value.signum() < 0 || value.scale() > 2) {
            throw new IllegalArgumentException("not an amount in euros with at most 2 decimals: '" + euros + "'");
        }
        return value.movePointRight(2).longValueExact();
    }
}
