package org.targetedmoney.bridge.contribution;

import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;

/**
 * The SIREN, the French firm identifier (self-employed included): 9 decimal digits, the last a Luhn check
 * digit over the first eight. Given as 9 digits without spaces.
 */
public final class Siren {
    private Siren() {}

    public static final int LENGTH = 9;

    /** Nine zeros pass the checksum but are no firm's number. */
    private static final String ZEROS = "000000000";

    /** Whether {@code value} is 9 ASCII digits, not all zero, whose Luhn checksum holds. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != LENGTH || value.equals(ZEROS)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            // Luhn: every second digit from the right is doubled; with 9 digits, those at odd indices from the left.
            if (i % 2 == 1) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The refusal for {@code value} in {@code field}, or empty if it is a valid SIREN. */
    static Optional<ContributionRejection> check(String field, String value) {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(ContributionRejection.of(Code.INVALID_FIRM_ID, field, value,
                    "a SIREN is exactly 9 digits, without spaces"));
        }
        if (value.equals(ZEROS)) {
            return Optional.of(ContributionRejection.of(Code.INVALID_FIRM_ID, field, value, "no firm has this number"));
        }
        if (!isValid(value)) {
            return Optional.of(ContributionRejection.of(Code.INVALID_FIRM_ID, field, value,
                    "the Luhn check digit does not match"));
        }
        return Optional.empty();
    }
}
