package org.targetedmoney.bridge.receipt;

import java.util.Locale;

/** When a declared credit becomes money the waterfall may spend. */
public enum CreditConfirmation {
    /** As soon as it is declared through the API; bank credits are matched for the report only. */
    DECLARED,
    /** Only once a booked bank credit on a collection account matches it. */
    BANK;

    /** The configuration's spelling: "declared" or "bank". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException if {@code code} is neither "declared" nor "bank" */
    public static CreditConfirmation parse(String code) {
        for (CreditConfirmation c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("credit confirmation must be \"declared\" or \"bank\", got '" + code + "'");
    }
}
