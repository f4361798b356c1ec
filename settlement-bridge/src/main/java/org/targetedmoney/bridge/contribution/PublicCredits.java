package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * Checks public credits against the declared accounts and the calendar, and turns each accepted one into a
 * PUBLIC_ACCOUNT funding credit (its reference is the credit id; the earmark stays with the account,
 * {@link PublicAccount#funds}). Stateless: replays of a credit id are the store's concern.
 *
 * @param accounts the declared public accounts
 * @param calendar which months are open
 */
public record PublicCredits(PublicAccounts accounts, ContributionCalendar calendar) {
    /** 1 000 billion euros: beyond any single public credit. */
    public static final long MAX_AMOUNT_CENTS = 100_000_000_000_000L;

    public PublicCredits {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** The credit a public credit yields, or why it is refused; {@code now} is the month of the latest block. */
    public Outcome<FundingCredit> validate(PublicCredit c, YearMonth now) {
        Optional<ContributionRejection> refused = Fields.id("creditId", c.creditId())
                .or(() -> accounts.find(c.accountId()).isPresent() ? Optional.empty()
                        : Optional.of(ContributionRejection.of(Code.UNKNOWN_ACCOUNT, "accountId", c.accountId(),
                        "not a declared public account")))
                .or(() -> amount(c.amountCents()))
                .or(() -> Fields.reference("reference", c.reference()))
                .or(() -> calendar.check("period", c.period(), now));
        return refused.<Outcome<FundingCredit>>map(Outcome::rejected).orElseGet(() -> Outcome.accepted(
                new FundingCredit(c.accountId(), SourceKind.PUBLIC_ACCOUNT, c.period(), c.amountCents(), c.creditId())));
    }

    private static Optional<ContributionRejection> amount(long amountCents) {
        if (amountCents <= 0) {
            return Optional.of(ContributionRejection.of(Code.NON_POSITIVE_AMOUNT, "amountCents", amountCents,
                    "a credit must be positive"));
        }
        if (amountCents > MAX_AMOUNT_CENTS) {
            return Optional.of(ContributionRejection.of(Code.AMOUNT_OVERFLOW, "amountCents", amountCents,
                    "above the limit of " + MAX_AMOUNT_CENTS + " cents"));
        }
        return Optional.empty();
    }
}
