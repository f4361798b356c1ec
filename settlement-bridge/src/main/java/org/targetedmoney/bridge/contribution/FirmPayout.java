package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The fund owes a firm the net of its allowance over its contribution for a period: the service turns this into a
 * credit transfer from the fund's account to the firm's bank account.
 *
 * @param firmId        SIREN of the firm paid
 * @param period        the fund period settled
 * @param fundAccountId the funding account debited
 * @param amountCents   > 0
 * @param reference     {@code ief-<period>-<SIREN>}, unique per firm and period, within SEPA's character set and
 *                      35-character identifier limit
 */
public record FirmPayout(String firmId, YearMonth period, String fundAccountId, long amountCents, String reference) {
    public FirmPayout {
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(fundAccountId, "fundAccountId");
        Objects.requireNonNull(reference, "reference");
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be > 0: " + amountCents);
        }
    }

    /** The reference of a firm's net payment or payout for a period: {@code ief-2025-03-552100554}. */
    public static String referenceOf(YearMonth period, String firmId) {
        return "ief-" + period + "-" + firmId;
    }
}
