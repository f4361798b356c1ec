package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Euros a public body put into its declared funding account for a month. Checked by {@link PublicCredits#validate}.
 *
 * @param creditId    the sender's id of this credit (replays carry the same id); the funding credit's reference
 * @param accountId   a declared public account
 * @param period      the month funded
 * @param amountCents > 0
 * @param reference   free text tying it to its source (bank entry reference, decision number), up to 140 characters
 */
public record PublicCredit(String creditId, String accountId, YearMonth period, long amountCents, String reference) {
    public PublicCredit {
        Objects.requireNonNull(creditId, "creditId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(reference, "reference");
    }
}
