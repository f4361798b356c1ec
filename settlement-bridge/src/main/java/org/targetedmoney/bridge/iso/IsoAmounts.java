package org.targetedmoney.bridge.iso;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;

/** Euro amounts between the bridge's long cents and ISO 20022 decimals, exactly (never through a double). */
final class IsoAmounts {
    static final String EUR = "EUR";

    private IsoAmounts() {
    }

    /** {@code 12345} cents as the decimal {@code 123.45}, always with 2 fraction digits. */
    static BigDecimal decimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /**
     * An incoming euro amount as cents; refuses (into {@code refusals}) a missing amount or currency, another
     * currency, a negative amount, a fraction of a cent, and more cents than a long holds. Trailing zeros
     * ({@code 12.500}) are exact cents and accepted.
     */
    static OptionalLong cents(String field, BigDecimal value, String currency, List<IsoRefusal> refusals) {
        if (value == null) {
            return refuse(refusals, IsoRefusal.MISSING_FIELD, field, "no amount");
        }
        if (currency == null) {
            return refuse(refusals, IsoRefusal.MISSING_FIELD, field + "/@Ccy", "amount " + value.toPlainString()
                    + " has no currency");
        }
        if (!EUR.equals(currency)) {
            return refuse(refusals, IsoRefusal.UNSUPPORTED_CURRENCY, field, "amount " + value.toPlainString()
                    + " is in " + SepaRules.quote(currency) + ", only EUR is settled");
        }
        if (value.signum() < 0) {
            return refuse(refusals, IsoRefusal.INVALID_AMOUNT, field, "amount " + value.toPlainString()
                    + " is negative (the direction is CdtDbtInd)");
        }
        try {
            return OptionalLong.of(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            return refuse(refusals, IsoRefusal.INVALID_AMOUNT, field, "amount " + value.toPlainString()
                    + " is a fraction of a cent or exceeds " + Long.MAX_VALUE + " cents");
        }
    }

    private static OptionalLong refuse(List<IsoRefusal> refusals, String code, String field, String message) {
        refusals.add(new IsoRefusal(code, field, field + ": " + message));
        return OptionalLong.empty();
    }
}
