package org.targetedmoney.bridge.funding;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Euros received into a funding account: a member's or firm's contribution, or a public account's credit.
 *
 * @param accountId   the funding account credited (declared in the bridge configuration, e.g. "ssa-members",
 *                    "inter-enterprise-fund", "state", "region-occ")
 * @param kind        CONTRIBUTIONS or PUBLIC_ACCOUNT (creation is not credited: it has a ceiling instead)
 * @param period      the month the credit belongs to
 * @param amountCents euro cents, > 0
 * @param reference   the input it comes from (declaration id, bank entry reference), for traceability
 */
public record FundingCredit(String accountId, SourceKind kind, YearMonth period, long amountCents, String reference) {
    public FundingCredit {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(reference, "reference");
        if (kind == SourceKind.MONETARY_CREATION) {
            throw new IllegalArgumentException("monetary creation is bounded by a ceiling, not credited");
        }
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amountCents must be > 0: " + amountCents);
        }
    }
}
