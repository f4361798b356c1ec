package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import org.targetedmoney.bridge.contribution.ContributionRejection.Code;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * Checks members' contributions against the sliding scale and turns each accepted one into a CONTRIBUTIONS
 * funding credit for the members' contributions account.
 *
 * <p>A member pays at least the scale's amount for the declared income, and at most the scale's maximum
 * ({@link ScaleLimits#maxContributionCents()}): paying more than one's band is a voluntary solidarity
 * contribution, which the SSA's principle of contributing according to one's means does not forbid, while the
 * maximum still catches a mistyped amount. Anything else is SCALE_MISMATCH.
 *
 * <p>Stateless: whether a member already contributed for the month, and replays of a contribution id, are the
 * store's concern (the credit's reference is the contribution id).
 *
 * @param scale     the sliding scale in force
 * @param accountId the members' contributions funding account credited
 * @param calendar  which months are open
 */
public record MemberContributions(SlidingScale scale, String accountId, ContributionCalendar calendar) {
    /** 10 billion euros a month: beyond any income, so a typo's extra digits are caught. */
    public static final long MAX_DECLARED_INCOME_CENTS = 1_000_000_000_000L;

    public MemberContributions {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(calendar, "calendar");
        Fields.id("accountId", accountId).ifPresent(r -> {
            throw new IllegalArgumentException(r.message());
        });
    }

    /** The credit a contribution yields, or why it is refused; {@code now} is the month of the latest block. */
    public Outcome<FundingCredit> validate(MemberContribution c, YearMonth now) {
        Optional<ContributionRejection> refused = Fields.id("contributionId", c.contributionId())
                .or(() -> Fields.memberRef("memberRef", c.memberRef()))
                .or(() -> amounts(c))
                .or(() -> calendar.check("period", c.period(), now))
                .or(() -> againstScale(c));
        return refused.<Outcome<FundingCredit>>map(Outcome::rejected).orElseGet(() -> Outcome.accepted(
                new FundingCredit(accountId, SourceKind.CONTRIBUTIONS, c.period(), c.paidCents(), c.contributionId())));
    }

    private static Optional<ContributionRejection> amounts(MemberContribution c) {
        if (c.declaredIncomeCents() < 0) {
            return Optional.of(ContributionRejection.of(Code.NEGATIVE_INCOME, "declaredIncomeCents",
                    c.declaredIncomeCents(), "an income cannot be negative (declare 0)"));
        }
        if (c.declaredIncomeCents() > MAX_DECLARED_INCOME_CENTS) {
            return Optional.of(ContributionRejection.of(Code.AMOUNT_OVERFLOW, "declaredIncomeCents",
                    c.declaredIncomeCents(), "above the limit of " + MAX_DECLARED_INCOME_CENTS + " cents"));
        }
        if (c.paidCents() <= 0) {
            return Optional.of(ContributionRejection.of(Code.NON_POSITIVE_AMOUNT, "paidCents", c.paidCents(),
                    "a contribution must be positive"));
        }
        return Optional.empty();
    }

    private Optional<ContributionRejection> againstScale(MemberContribution c) {
        long due = scale.contributionFor(c.declaredIncomeCents());
        if (c.paidCents() < due) {
            return Optional.of(ContributionRejection.of(Code.SCALE_MISMATCH, "paidCents", c.paidCents(),
                    "below the " + due + " cents the scale asks for a monthly income of " + c.declaredIncomeCents()
                            + " cents"));
        }
        if (c.paidCents() > scale.limits().maxContributionCents()) {
            return Optional.of(ContributionRejection.of(Code.SCALE_MISMATCH, "paidCents", c.paidCents(),
                    "above the scale's maximum of " + scale.limits().maxContributionCents() + " cents"));
        }
        return Optional.empty();
    }
}
