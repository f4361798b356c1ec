package org.targetedmoney.bridge.contribution;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.targetedmoney.bridge.funding.FundingCredit;
import org.targetedmoney.bridge.funding.SourceKind;

/**
 * A settled fund period: each firm's contribution, allowance and net, and the fund's totals.
 *
 * <p>Conservation, checked on construction: {@code totalContributionsCents + carriedInCents ==
 * totalAllowancesCents + carriedOutCents}. With EQUAL_SHARE, {@code carriedOutCents} is the remainder of the
 * equal division, {@code 0 <= carriedOut < total FTE hundredths} when nothing negative was carried in (all of it if
 * no firm declared an FTE). With FIXED it is the fund's balance after the period: positive a surplus, negative a
 * shortfall ({@link #shortfallCents()}): allowances promised beyond what the fund holds.
 *
 * <p>Money moves net: firms with a positive net pay it into the fund's account ({@link #fundingCredits()}), firms
 * with a negative net are paid from it ({@link #payouts()}); what is carried stays in the account, so
 * {@code paid in - paid out == carriedOut - carriedIn}.
 *
 * @param period                  the month settled
 * @param fundAccountId           the fund's funding account
 * @param allowanceMode           how the allowance was set
 * @param allowancePerFteCents    the allowance per FTE (configured with FIXED; with EQUAL_SHARE, 100 x the
 *                                equal share per hundredth of FTE)
 * @param firms                   one entry per firm, sorted by firm id
 * @param totalContributionsCents sum of the firms' contributions
 * @param totalAllowancesCents    sum of the firms' allowances
 * @param carriedInCents          the fund's balance carried from the previous period
 * @param carriedOutCents         the fund's balance carried to the next period
 */
public record FundSettlement(YearMonth period, String fundAccountId, AllowanceMode allowanceMode,
                             long allowancePerFteCents, List<FirmNet> firms, long totalContributionsCents,
                             long totalAllowancesCents, long carriedInCents, long carriedOutCents) {
    public FundSettlement {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(fundAccountId, "fundAccountId");
        Objects.requireNonNull(allowanceMode, "allowanceMode");
        firms = List.copyOf(firms);
        long contributions = 0;
        long allowances = 0;
        for (int i = 0; i < firms.size(); i++) {
            FirmNet f = firms.get(i);
            Invariant.that(i == 0 || firms.get(i - 1).firmId().compareTo(f.firmId()) < 0,
                    "firms not strictly sorted by id at %s", f.firmId());
            contributions = Math.addExact(contributions, f.contributionCents());
            allowances = Math.addExact(allowances, f.allowanceCents());
        }
        Invariant.that(contributions == totalContributionsCents && allowances == totalAllowancesCents,
                "totals %d/%d do not match the firms' %d/%d", totalContributionsCents, totalAllowancesCents,
                contributions, allowances);
        Invariant.that(Math.addExact(totalContributionsCents, carriedInCents)
                        == Math.addExact(totalAllowancesCents, carriedOutCents),
                "contributions %d + carried in %d != allowances %d + carried out %d", totalContributionsCents,
                carriedInCents, totalAllowancesCents, carriedOutCents);
    }

    /** Sum of the firms' FTE, in hundredths. */
    public long totalFteHundredths() {
        long total = 0;
        for (FirmNet f : firms) {
            total = Math.addExact(total, f.fteHundredths());
        }
        return total;
    }

    /** FIXED: how much the fund lacks to pay the allowances from its own balance (0 if none). */
    public long shortfallCents() {
        return carriedOutCents < 0 ? -carriedOutCents : 0;
    }

    /**
     * What firms pay into the fund's account: one CONTRIBUTIONS credit per firm with a positive net, by firm id,
     * referenced {@code ief-<period>-<SIREN>}. Firms with a zero or negative net pay nothing.
     */
    public List<FundingCredit> fundingCredits() {
        List<FundingCredit> credits = new ArrayList<>();
        for (FirmNet f : firms) {
            if (f.netCents() > 0) {
                credits.add(new FundingCredit(fundAccountId, SourceKind.CONTRIBUTIONS, period, f.netCents(),
                        FirmPayout.referenceOf(period, f.firmId())));
            }
        }
        return List.copyOf(credits);
    }

    /** What the fund pays firms: one payout per firm with a negative net, by firm id. */
    public List<FirmPayout> payouts() {
        List<FirmPayout> payouts = new ArrayList<>();
        for (FirmNet f : firms) {
            if (f.netCents() < 0) {
                payouts.add(new FirmPayout(f.firmId(), period, fundAccountId, Math.negateExact(f.netCents()),
                        FirmPayout.referenceOf(period, f.firmId())));
            }
        }
        return List.copyOf(payouts);
    }
}
